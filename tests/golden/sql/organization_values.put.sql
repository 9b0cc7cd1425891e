-- organization_values.put
-- written in service/store/values.c; rewrite with scripts/golden
INSERT INTO organization_values AS v (org_id, "values")
VALUES ($1, $2::jsonb)
    ON CONFLICT (org_id) DO UPDATE
   SET "values" = EXCLUDED."values", version = v.version + 1,
       updated_at = clock_timestamp()
RETURNING "values"::text AS doc, version, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
