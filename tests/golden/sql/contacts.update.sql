-- contacts.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE contacts AS t
   SET "name" = r."name",
       "title" = r."title",
       "email" = r."email",
       "role" = r."role",
       "influence" = r."influence",
       "external_id" = r."external_id",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("name" text, "title" text, "email" text, "role" text, "influence" double precision, "external_id" text)
 WHERE t.org_id = $1 AND t.id = $2
RETURNING t.id, t.version, t.account_id,
       t."name",
       t."title",
       t."email",
       t."role",
       t."influence",
       t."external_id",
       t.created_at, t.updated_at
