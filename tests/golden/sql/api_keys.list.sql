-- api_keys.list
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT id::text AS id, name, scope, prefix, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
  FROM api_keys
 WHERE org_id = $1 AND revoked_at IS NULL
   AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
 ORDER BY created_at DESC, id DESC
 LIMIT $4
