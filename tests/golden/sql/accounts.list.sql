-- accounts.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version,
       t."name",
       t."external_id",
       t."industry",
       t."owner_id",
       t."stage",
       t."purchase_stage",
       t."annual_value"::float8 AS "annual_value",
       t."currency",
       t."renewal_date",
       t.created_at, t.updated_at
  FROM accounts t
 WHERE t.org_id = $1
   AND ($2::text IS NULL OR t."stage" = $2::text)
   AND ($3::uuid IS NULL OR t."owner_id" = $3::uuid)
   AND ($4::text IS NULL OR t."name" ILIKE $4)
   AND ($5::timestamptz IS NULL OR t."updated_at" >= $5::timestamptz)
   AND ($6::timestamptz IS NULL
        OR (t."created_at", t.id) < ($6::timestamptz, $7::uuid))
 ORDER BY t."created_at" DESC, t.id DESC
 LIMIT $8
