-- webhooks.update
-- written in service/store/webhooks.c; rewrite with scripts/golden
UPDATE webhook_endpoints
   SET url = $3, description = $4,
       event_types = ARRAY(SELECT jsonb_array_elements_text($5::jsonb)),
       status = $6,
       disabled_reason = CASE
         WHEN $6 = 'active' THEN NULL
         WHEN status = 'active' THEN 'disabled through the API'
         ELSE disabled_reason END,
       disabled_at = CASE
         WHEN $6 = 'active' THEN NULL
         WHEN status = 'active' THEN clock_timestamp()
         ELSE disabled_at END,
       updated_at = clock_timestamp(), version = version + 1
 WHERE org_id = $1 AND id = $2
RETURNING jsonb_build_object(
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
