-- scoring_weights.get
-- written in service/store/scoring_weights.c; rewrite with scripts/golden
SELECT weights::text AS weights, version, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
  FROM organization_scoring_weights
 WHERE org_id = $1
