-- contacts.lock
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version, t.account_id,
       t."name",
       t."title",
       t."email",
       t."role",
       t."influence",
       t."external_id",
       t.created_at, t.updated_at
  FROM contacts t
 WHERE t.org_id = $1 AND t.id = $2
   FOR UPDATE
