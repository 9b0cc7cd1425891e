-- organizations.insert
-- written in service/store/api_keys.c; rewrite with scripts/golden
INSERT INTO organizations (id, name) VALUES ($1, $2)
