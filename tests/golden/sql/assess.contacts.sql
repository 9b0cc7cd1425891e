-- assess.contacts
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT id::text AS id, name, coalesce(role, 'influencer') AS role,
       influence
  FROM contacts
 WHERE org_id = $1 AND account_id = $2
 ORDER BY influence DESC, created_at
 LIMIT $3
