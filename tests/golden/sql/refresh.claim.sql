-- refresh.claim
-- written in service/store/refresh.c; rewrite with scripts/golden
SELECT org_id, account_id, seq, priority
  FROM rapport_assess_claim($1::integer, $2::integer)
