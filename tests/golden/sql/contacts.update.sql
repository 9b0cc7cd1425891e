-- contacts.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE contacts AS t
   SET "name" = (jsonb_populate_record(NULL::contacts, $3))."name",
       "title" = (jsonb_populate_record(NULL::contacts, $3))."title",
       "email" = (jsonb_populate_record(NULL::contacts, $3))."email",
       "role" = (jsonb_populate_record(NULL::contacts, $3))."role",
       "influence" = (jsonb_populate_record(NULL::contacts, $3))."influence",
       "external_id" = (jsonb_populate_record(NULL::contacts, $3))."external_id",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
RETURNING t.id, t.version, t.account_id,
       t."name",
       t."title",
       t."email",
       t."role",
       t."influence",
       t."external_id",
       t.created_at, t.updated_at
