-- webhook_deliveries.list
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT jsonb_build_object(
    'id', id, 'endpoint_id', endpoint_id, 'event_id', event_id,
    'event_type', event_type, 'account_id', account_id,
    'status', status, 'attempts', attempts,
    'next_attempt_at', CASE status WHEN 'pending'
      THEN to_char(next_attempt_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END,
    'last_attempt_at', to_char(last_attempt_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'last_status_code', last_status_code, 'last_error', last_error,
    'last_response', last_response,
    'delivered_at', to_char(delivered_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'created_at', to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'event', payload::jsonb)::text AS doc,
  id::text AS id, 0 AS version, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
  FROM webhook_deliveries
 WHERE org_id = $1 AND endpoint_id = $2
   AND ($3::text IS NULL OR status = $3)
   AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
 ORDER BY created_at DESC, id DESC
 LIMIT $6
