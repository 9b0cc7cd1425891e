-- idempotency.claim
-- written in service/store/idempotency.c; rewrite with scripts/golden
INSERT INTO idempotency_keys AS i (org_id, key, request_hash)
VALUES ($1, $2, $3)
    ON CONFLICT (org_id, key) DO UPDATE
   SET request_hash = EXCLUDED.request_hash, status = NULL,
       location = NULL, body = NULL, created_at = EXCLUDED.created_at
 WHERE i.created_at < $4::timestamptz
RETURNING 1 AS claimed
