-- webhooks.lock
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT jsonb_build_object(
    'id', id, 'url', url, 'description', description,
    'event_types', to_jsonb(event_types), 'status', status,
    'disabled_reason', disabled_reason,
    'disabled_at', rapport_rfc3339(disabled_at),
    'previous_secret_expires_at',
      CASE WHEN previous_secret_expires_at > clock_timestamp()
           THEN rapport_rfc3339(previous_secret_expires_at) END,
    'created_at', rapport_rfc3339(created_at),
    'updated_at', rapport_rfc3339(updated_at))::text AS doc,
  id::text AS id, version, rapport_rfc3339(created_at) AS created_at
  FROM webhook_endpoints
 WHERE org_id = $1 AND id = $2
   FOR UPDATE
