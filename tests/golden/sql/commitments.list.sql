-- commitments.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version, t.account_id,
       t."description",
       t."made_at",
       t."due_date",
       t."status",
       t."resolved_at",
       t."seller_id",
       t."external_id",
       t.created_at, t.updated_at
  FROM commitments t
 WHERE t.org_id = $1 AND t.account_id = $2
   AND ($3::text IS NULL OR t."status" = $3::text)
   AND ($4::uuid IS NULL OR t."seller_id" = $4::uuid)
   AND ($5::timestamptz IS NULL OR t."updated_at" >= $5::timestamptz)
   AND ($6::timestamptz IS NULL
        OR (t."made_at", t.id) < ($6::timestamptz, $7::uuid))
 ORDER BY t."made_at" DESC, t.id DESC
 LIMIT $8
