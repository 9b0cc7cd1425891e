-- organization_values.get
-- written in service/store/values.c; rewrite with scripts/golden
SELECT "values"::text AS doc, version, rapport_rfc3339(updated_at) AS updated_at
  FROM organization_values
 WHERE org_id = $1
