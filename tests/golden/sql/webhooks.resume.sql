-- webhooks.resume
-- written in service/store/webhooks.c; rewrite with scripts/golden
WITH r AS (
  UPDATE webhook_deliveries
     SET failures = 0, next_attempt_at = clock_timestamp()
   WHERE org_id = $1 AND endpoint_id = $2 AND status = 'pending'
  RETURNING 1)
SELECT count(*) AS resumed,
       pg_notify('rapport_webhooks', '')::text AS notified
  FROM r
