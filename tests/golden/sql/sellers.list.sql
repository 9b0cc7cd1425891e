-- sellers.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version,
       t."name",
       t."email",
       t."external_id",
       t."values",
       t.created_at, t.updated_at
  FROM sellers t
 WHERE t.org_id = $1
   AND ($2::text IS NULL OR t."name" ILIKE $2)
   AND ($3::timestamptz IS NULL OR t."updated_at" >= $3::timestamptz)
   AND ($4::timestamptz IS NULL
        OR (t."created_at", t.id) < ($4::timestamptz, $5::uuid))
 ORDER BY t."created_at" DESC, t.id DESC
 LIMIT $6
