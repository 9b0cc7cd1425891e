-- sellers.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE sellers AS t
   SET "name" = r."name",
       "email" = r."email",
       "external_id" = r."external_id",
       "values" = r."values",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("name" text, "email" text, "external_id" text, "values" jsonb)
 WHERE t.org_id = $1 AND t.id = $2
RETURNING t.id, t.version,
       t."name",
       t."email",
       t."external_id",
       t."values",
       t.created_at, t.updated_at
