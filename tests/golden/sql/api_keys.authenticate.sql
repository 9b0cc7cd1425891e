-- api_keys.authenticate
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT id::text AS key_id, org_id::text AS org_id, scope
  FROM api_keys
 WHERE org_id = $1 AND key_hash = $2 AND revoked_at IS NULL
