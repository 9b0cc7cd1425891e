-- scoring_weights.put
-- written in service/store/scoring_weights.c; rewrite with scripts/golden
INSERT INTO organization_scoring_weights AS w (org_id, weights)
VALUES ($1, $2::jsonb)
    ON CONFLICT (org_id) DO UPDATE
   SET weights = EXCLUDED.weights, version = w.version + 1,
       updated_at = EXCLUDED.updated_at
RETURNING weights::text AS weights, version, rapport_rfc3339(updated_at) AS updated_at
