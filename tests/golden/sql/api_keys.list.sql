-- api_keys.list
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT id::text AS id, name, scope, prefix, rapport_rfc3339(created_at) AS created_at
  FROM api_keys
 WHERE org_id = $1 AND revoked_at IS NULL
   AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
 ORDER BY created_at DESC, id DESC
 LIMIT $4
