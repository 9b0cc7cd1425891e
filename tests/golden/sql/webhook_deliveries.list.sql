-- webhook_deliveries.list
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT jsonb_build_object(
    'id', id, 'endpoint_id', endpoint_id, 'event_id', event_id,
    'event_type', event_type, 'account_id', account_id,
    'status', status, 'attempts', attempts,
    'next_attempt_at', CASE status WHEN 'pending'
      THEN rapport_rfc3339(next_attempt_at) END,
    'last_attempt_at', rapport_rfc3339(last_attempt_at),
    'last_status_code', last_status_code, 'last_error', last_error,
    'last_response', last_response,
    'delivered_at', rapport_rfc3339(delivered_at),
    'created_at', rapport_rfc3339(created_at),
    'event', payload::jsonb)::text AS doc,
  id::text AS id, 0 AS version, rapport_rfc3339(created_at) AS created_at
  FROM webhook_deliveries
 WHERE org_id = $1 AND endpoint_id = $2
   AND ($3::text IS NULL OR status = $3)
   AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
 ORDER BY created_at DESC, id DESC
 LIMIT $6
