-- sellers.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "email" text, "external_id" text, "values" jsonb)
 WHERE $1::uuid IS NOT NULL
