-- api_key_lookup.insert
-- written in service/store/api_keys.c; rewrite with scripts/golden
INSERT INTO api_key_lookup (key_hash, organization)
VALUES ($1, $2)
