-- api_keys.get
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT id::text AS id, name, scope, prefix, rapport_rfc3339(created_at) AS created_at
  FROM api_keys
 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL
