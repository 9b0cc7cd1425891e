-- webhooks.resume
-- written in service/store/webhooks.c; rewrite with scripts/golden
UPDATE webhook_deliveries
   SET failures = 0, next_attempt_at = $3::timestamptz
 WHERE org_id = $1 AND endpoint_id = $2 AND status = 'pending'
