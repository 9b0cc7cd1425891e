-- contacts.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "title" text, "email" text, "role" text, "influence" double precision, "external_id" text)
 WHERE $1::uuid IS NOT NULL AND $3::uuid IS NOT NULL
