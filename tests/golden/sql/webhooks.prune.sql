-- webhooks.prune
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT rapport_webhook_prune($1) AS pruned
