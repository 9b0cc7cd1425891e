-- organization_values.put
-- written in service/store/values.c; rewrite with scripts/golden
INSERT INTO organization_values AS v (org_id, "values")
VALUES ($1, $2::jsonb)
    ON CONFLICT (org_id) DO UPDATE
   SET "values" = EXCLUDED."values", version = v.version + 1,
       updated_at = EXCLUDED.updated_at
RETURNING "values"::text AS doc, version, rapport_rfc3339(updated_at) AS updated_at
