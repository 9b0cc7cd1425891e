-- refresh.drop
-- written in service/store/refresh.c; rewrite with scripts/golden
DELETE FROM assessment_queue
 WHERE org_id = $1 AND account_id = $2 AND seq = $3
