-- account_values.get
-- written in service/store/values.c; rewrite with scripts/golden
SELECT "values"::text AS doc, version, rapport_rfc3339(updated_at) AS updated_at
  FROM account_values
 WHERE org_id = $1 AND account_id = $2
