-- sellers.exists
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT 1 AS found FROM sellers WHERE org_id = $1 AND id = $2
