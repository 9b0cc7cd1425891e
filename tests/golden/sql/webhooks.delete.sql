-- webhooks.delete
-- written in service/store/webhooks.c; rewrite with scripts/golden
DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2
