-- contacts.insert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
INSERT INTO contacts AS t (org_id, account_id, "name", "title", "email", "role", "influence", "external_id")
SELECT $1, $3::uuid, r."name", r."title", r."email", r."role", r."influence", r."external_id"
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "title" text, "email" text, "role" text, "influence" double precision, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = $3::uuid)
RETURNING t.id, t.version, t.account_id,
       t."name",
       t."title",
       t."email",
       t."role",
       t."influence",
       t."external_id",
       t.created_at, t.updated_at
