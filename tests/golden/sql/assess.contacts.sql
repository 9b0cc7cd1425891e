-- assess.contacts
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT id::text AS id, name, coalesce(role, 'influencer') AS role,
       influence, count(*) OVER () AS total
  FROM contacts
 WHERE org_id = $1 AND account_id = $2
 ORDER BY (id = $4::uuid) IS TRUE DESC, influence DESC, created_at
 LIMIT $3
