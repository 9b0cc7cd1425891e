-- api_keys.authenticate
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT key_id::text AS key_id, org_id::text AS org_id, scope
  FROM rapport_authenticate($1)
