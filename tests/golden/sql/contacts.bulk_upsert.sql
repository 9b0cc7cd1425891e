-- contacts.bulk_upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO contacts AS t (org_id, id, account_id, "name", "title", "email", "role", "influence", "external_id")
SELECT $1, i.new_id, i.acct, r."name", r."title", r."email", r."role", r."influence", r."external_id"
  FROM input i, jsonb_to_record(i.d) AS r("name" text, "title" text, "email" text, "role" text, "influence" double precision, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = i.acct)
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "name" = EXCLUDED."name",
       "title" = EXCLUDED."title",
       "email" = EXCLUDED."email",
       "role" = EXCLUDED."role",
       "influence" = EXCLUDED."influence",
       "external_id" = EXCLUDED."external_id",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."name", t."title", t."email", t."role", t."influence", t."external_id")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."title", EXCLUDED."email", EXCLUDED."role", EXCLUDED."influence", EXCLUDED."external_id")
   AND t.account_id = EXCLUDED.account_id
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.external_id = i.d->>'external_id'
 ORDER BY i.ord
