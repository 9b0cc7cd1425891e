-- api_keys.insert
-- written in service/store/api_keys.c; rewrite with scripts/golden
INSERT INTO api_keys (org_id, name, scope, prefix, key_hash)
SELECT $1, $2, $3, $4, $5
 WHERE (SELECT count(*) FROM api_keys
         WHERE org_id = $1 AND revoked_at IS NULL) < $6::integer
RETURNING id::text AS id, name, scope, prefix, rapport_rfc3339(created_at) AS created_at
