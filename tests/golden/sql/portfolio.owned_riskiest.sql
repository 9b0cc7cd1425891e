-- portfolio.owned_riskiest
-- written in service/store/portfolio.c; rewrite with scripts/golden
WITH owned AS MATERIALIZED (
  SELECT org_id, id, name, owner_id, stage FROM accounts
   WHERE org_id = $1 AND owner_id = ANY ($8::uuid[]))
SELECT s.account_id, a.name, a.owner_id, a.stage, s.risk_score,
       s.risk_level, s.risk_score_30d,
       s.top_drivers::text AS top_drivers, s.pillar_status,
       s.primary_orientation, s.model_version, s.weights_version,
       rapport_rfc3339(s.as_of) AS as_of,
       rapport_rfc3339(s.computed_at) AS computed_at,
       EXISTS (SELECT 1 FROM assessment_queue q
                WHERE q.org_id = s.org_id
                  AND q.account_id = s.account_id) AS queued
  FROM account_assessments s
  JOIN owned a ON a.org_id = s.org_id AND a.id = s.account_id
 WHERE s.org_id = $1
   AND (s.risk_score, s.account_id) < ($2::float8, $3::uuid)
   AND ($4::text[] IS NULL OR s.risk_level = ANY ($4::text[]))
   AND ($5::text[] IS NULL OR a.stage = ANY ($5::text[]))
   AND ($6::text[] IS NULL OR s.pillar_status = ANY ($6::text[]))
 ORDER BY s.risk_score DESC, s.account_id DESC
 LIMIT $7
