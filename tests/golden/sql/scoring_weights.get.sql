-- scoring_weights.get
-- written in service/store/scoring_weights.c; rewrite with scripts/golden
SELECT weights::text AS weights, version, rapport_rfc3339(updated_at) AS updated_at
  FROM organization_scoring_weights
 WHERE org_id = $1
