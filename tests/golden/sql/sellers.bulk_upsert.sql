-- sellers.bulk_upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO sellers AS t (org_id, id, "name", "email", "external_id", "values")
SELECT $1, i.new_id, r."name", r."email", r."external_id", r."values"
  FROM input i, jsonb_to_record(i.d) AS r("name" text, "email" text, "external_id" text, "values" jsonb)
 WHERE true
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "name" = EXCLUDED."name",
       "email" = EXCLUDED."email",
       "external_id" = EXCLUDED."external_id",
       "values" = EXCLUDED."values",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."name", t."email", t."external_id", t."values")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."email", EXCLUDED."external_id", EXCLUDED."values")
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.external_id = i.d->>'external_id'
 ORDER BY i.ord
