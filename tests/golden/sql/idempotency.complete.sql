-- idempotency.complete
-- written in service/store/idempotency.c; rewrite with scripts/golden
UPDATE idempotency_keys
   SET status = $3, location = $4, body = $5, etag = $6
 WHERE org_id = $1 AND key = $2
