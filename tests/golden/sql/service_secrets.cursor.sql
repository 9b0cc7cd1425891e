-- service_secrets.cursor
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT secret FROM service_secrets WHERE name = 'cursor'
