-- account_values.put
-- written in service/store/values.c; rewrite with scripts/golden
INSERT INTO account_values AS v (org_id, account_id, "values")
SELECT $1, $2, $3::jsonb
 WHERE EXISTS (SELECT 1 FROM accounts WHERE org_id = $1 AND id = $2)
    ON CONFLICT (org_id, account_id) DO UPDATE
   SET "values" = EXCLUDED."values", version = v.version + 1,
       updated_at = EXCLUDED.updated_at
RETURNING "values"::text AS doc, version, rapport_rfc3339(updated_at) AS updated_at
