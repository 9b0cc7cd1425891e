-- api_keys.lock_admins
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT id::text AS id
  FROM api_keys
 WHERE org_id = $1 AND scope = 'admin' AND revoked_at IS NULL
 ORDER BY id
   FOR UPDATE
