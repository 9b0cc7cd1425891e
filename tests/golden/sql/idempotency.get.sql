-- idempotency.get
-- written in service/store/idempotency.c; rewrite with scripts/golden
SELECT request_hash, status, location, body, etag
  FROM idempotency_keys
 WHERE org_id = $1 AND key = $2
