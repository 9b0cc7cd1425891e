-- sellers.upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
INSERT INTO sellers AS t (org_id, "name", "email", "external_id", "values")
SELECT $1, r."name", r."email", r."external_id", r."values"
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "email" text, "external_id" text, "values" jsonb)
 WHERE true
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "name" = EXCLUDED."name",
       "email" = EXCLUDED."email",
       "external_id" = EXCLUDED."external_id",
       "values" = EXCLUDED."values",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."name", t."email", t."external_id", t."values")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."email", EXCLUDED."external_id", EXCLUDED."values")
RETURNING t.id, t.version,
       t."name",
       t."email",
       t."external_id",
       t."values",
       t.created_at, t.updated_at,
       (t.xmax = 0) AS created
