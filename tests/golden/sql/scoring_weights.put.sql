-- scoring_weights.put
-- written in service/store/scoring_weights.c; rewrite with scripts/golden
INSERT INTO organization_scoring_weights AS w (org_id, weights)
VALUES ($1, $2::jsonb)
    ON CONFLICT (org_id) DO UPDATE
   SET weights = EXCLUDED.weights, version = w.version + 1,
       updated_at = clock_timestamp()
RETURNING weights::text AS weights, version, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
