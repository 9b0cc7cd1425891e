-- webhooks.rotate
-- written in service/store/webhooks.c; rewrite with scripts/golden
UPDATE webhook_endpoints
   SET previous_secret = secret, secret = $3,
       previous_secret_expires_at = $4::timestamptz,
       updated_at = $5::timestamptz, version = version + 1
 WHERE org_id = $1 AND id = $2
RETURNING id::text AS id
