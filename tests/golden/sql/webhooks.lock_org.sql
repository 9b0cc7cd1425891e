-- webhooks.lock_org
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT 1 AS locked FROM organizations WHERE id = $1 FOR UPDATE
