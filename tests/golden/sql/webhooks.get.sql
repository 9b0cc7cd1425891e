-- webhooks.get
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT jsonb_build_object(
    'id', id, 'url', url, 'description', description,
    'event_types', to_jsonb(event_types), 'status', status,
    'disabled_reason', disabled_reason,
    'disabled_at', to_char(disabled_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'previous_secret_expires_at',
      CASE WHEN previous_secret_expires_at > clock_timestamp()
           THEN to_char(previous_secret_expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END,
    'created_at', to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'updated_at', to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text AS doc,
  id::text AS id, version, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
  FROM webhook_endpoints
 WHERE org_id = $1 AND id = $2
