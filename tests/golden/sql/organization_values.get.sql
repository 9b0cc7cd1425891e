-- organization_values.get
-- written in service/store/values.c; rewrite with scripts/golden
SELECT "values"::text AS doc, version, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
  FROM organization_values
 WHERE org_id = $1
