-- tx.wake
-- written in service/store/tx.c; rewrite with scripts/golden
SELECT pg_notify('rapport_assess', '')::text AS assess,
       pg_notify('rapport_webhooks', '')::text AS webhooks
