-- organizations.lock
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT 1 AS locked FROM organizations WHERE id = $1 FOR UPDATE
