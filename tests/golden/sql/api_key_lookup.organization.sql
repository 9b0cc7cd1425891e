-- api_key_lookup.organization
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT organization::text AS org_id
  FROM api_key_lookup
 WHERE key_hash = $1
