-- webhooks.finish
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT rapport_webhook_finish($1, $2, $3, $4, $5, $6, $7, $8, $9)
       AS result
