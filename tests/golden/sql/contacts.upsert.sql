-- contacts.upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
INSERT INTO contacts AS t (org_id, account_id, "name", "title", "email", "role", "influence", "external_id")
SELECT $1, $3::uuid, r."name", r."title", r."email", r."role", r."influence", r."external_id"
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "title" text, "email" text, "role" text, "influence" double precision, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = $3::uuid)
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "name" = EXCLUDED."name",
       "title" = EXCLUDED."title",
       "email" = EXCLUDED."email",
       "role" = EXCLUDED."role",
       "influence" = EXCLUDED."influence",
       "external_id" = EXCLUDED."external_id",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."name", t."title", t."email", t."role", t."influence", t."external_id")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."title", EXCLUDED."email", EXCLUDED."role", EXCLUDED."influence", EXCLUDED."external_id")
   AND t.account_id = EXCLUDED.account_id
RETURNING t.id, t.version, t.account_id,
       t."name",
       t."title",
       t."email",
       t."role",
       t."influence",
       t."external_id",
       t.created_at, t.updated_at,
       (t.xmax = 0) AS created
