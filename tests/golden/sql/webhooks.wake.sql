-- webhooks.wake
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT pg_notify('rapport_webhooks', '')::text AS notified
