-- api_keys.revoke
-- written in service/store/api_keys.c; rewrite with scripts/golden
UPDATE api_keys SET revoked_at = $3::timestamptz
 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL
RETURNING scope
