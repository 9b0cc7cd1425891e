-- webhooks.update
-- written in service/store/webhooks.c; rewrite with scripts/golden
UPDATE webhook_endpoints
   SET url = $3, description = $4,
       event_types = $5::text[],
       status = $6,
       disabled_reason = CASE
         WHEN $6 = 'active' THEN NULL
         WHEN status = 'active' THEN 'disabled through the API'
         ELSE disabled_reason END,
       disabled_at = CASE
         WHEN $6 = 'active' THEN NULL
         WHEN status = 'active' THEN $7::timestamptz
         ELSE disabled_at END,
       updated_at = $7::timestamptz, version = version + 1
 WHERE org_id = $1 AND id = $2
RETURNING id::text AS id
