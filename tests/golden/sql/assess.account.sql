-- assess.account
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT coalesce(owner_id::text, '') AS owner_id,
       coalesce(stage, 'customer') AS stage,
       coalesce(purchase_stage, '') AS purchase_stage,
       coalesce(annual_value, 0)::float8 AS annual_value,
       coalesce(extract(epoch FROM renewal_date::timestamp)::bigint, 0)
         AS renewal_date
  FROM accounts
 WHERE org_id = $1 AND id = $2
