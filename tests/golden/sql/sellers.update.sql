-- sellers.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE sellers AS t
   SET "name" = (jsonb_populate_record(NULL::sellers, $3))."name",
       "email" = (jsonb_populate_record(NULL::sellers, $3))."email",
       "external_id" = (jsonb_populate_record(NULL::sellers, $3))."external_id",
       "values" = (jsonb_populate_record(NULL::sellers, $3))."values",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
RETURNING t.id, t.version,
       t."name",
       t."email",
       t."external_id",
       t."values",
       t.created_at, t.updated_at
