-- accounts.exists
-- written in service/store/resource.c; rewrite with scripts/golden
SELECT 1 AS found FROM accounts WHERE org_id = $1 AND id = $2
