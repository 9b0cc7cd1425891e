-- contacts.account
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT account_id::text AS account_id
  FROM contacts
 WHERE org_id = $1 AND id = $2
