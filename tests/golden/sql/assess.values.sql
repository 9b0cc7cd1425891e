-- assess.values
-- written in service/store/assessments.c; rewrite with scripts/golden
WITH docs AS (
  SELECT 0 AS which, "values" AS doc
    FROM account_values WHERE org_id = $1 AND account_id = $2
  UNION ALL
  SELECT 1, "values" FROM organization_values WHERE org_id = $1
  UNION ALL
  SELECT 2, s."values"
    FROM accounts a
    JOIN sellers s ON s.org_id = a.org_id AND s.id = a.owner_id
   WHERE a.org_id = $1 AND a.id = $2 AND s."values" IS NOT NULL)
SELECT which, 'x' AS kind, '' AS key, '' AS value FROM docs
UNION ALL
SELECT which, 'p', key, value
  FROM docs, jsonb_each_text(coalesce(doc->'priorities', '{}'))
UNION ALL
SELECT which, 'a', key, value
  FROM docs, jsonb_each_text(coalesce(doc->'answers', '{}'))
