-- api_keys.changed
-- written in service/store/api_keys.c; rewrite with scripts/golden
SELECT pg_notify('rapport_api_keys', '')::text AS notified
