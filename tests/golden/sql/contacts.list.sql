-- contacts.list
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
 WHERE t.org_id = $1 AND t.account_id = $2
   AND ($3::text IS NULL OR t."role" = $3::text)
   AND ($4::text IS NULL OR t."name" ILIKE $4)
   AND ($5::timestamptz IS NULL OR t."updated_at" >= $5::timestamptz)
   AND ($6::timestamptz IS NULL
        OR (t."created_at", t.id) < ($6::timestamptz, $7::uuid))
 ORDER BY t."created_at" DESC, t.id DESC
 LIMIT $8
