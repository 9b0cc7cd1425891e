-- refresh.put
-- written in service/store/refresh.c; rewrite with scripts/golden
WITH account AS (
  SELECT org_id, id FROM accounts
   WHERE org_id = $1 AND id = $2
     FOR KEY SHARE),
done AS (
  DELETE FROM assessment_queue q
   USING account a
   WHERE q.org_id = a.org_id AND q.account_id = a.id AND q.seq = $3
  RETURNING q.org_id, q.account_id)
INSERT INTO account_assessments AS s
       (org_id, account_id, risk_score, risk_level, risk_score_30d,
        top_drivers, pillar_status, primary_orientation, model_version,
        weights_version, as_of)
SELECT org_id, account_id, $4, $5, $6, $7, $8, $9, $10, $11, $12
  FROM done
ON CONFLICT (org_id, account_id) DO UPDATE
   SET risk_score = EXCLUDED.risk_score,
       risk_level = EXCLUDED.risk_level,
       risk_score_30d = EXCLUDED.risk_score_30d,
       top_drivers = EXCLUDED.top_drivers,
       pillar_status = EXCLUDED.pillar_status,
       primary_orientation = EXCLUDED.primary_orientation,
       model_version = EXCLUDED.model_version,
       weights_version = EXCLUDED.weights_version,
       as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at,
       computations = s.computations + 1
