-- accounts.bulk_upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO accounts AS t (org_id, id, "name", "external_id", "industry", "owner_id", "stage", "purchase_stage", "annual_value", "currency", "renewal_date")
SELECT $1, i.new_id, r."name", r."external_id", r."industry", r."owner_id", r."stage", r."purchase_stage", r."annual_value", r."currency", r."renewal_date"
  FROM input i, jsonb_to_record(i.d) AS r("name" text, "external_id" text, "industry" text, "owner_id" uuid, "stage" text, "purchase_stage" text, "annual_value" numeric, "currency" text, "renewal_date" date)
 WHERE true
   AND (r."owner_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."owner_id"))
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "name" = EXCLUDED."name",
       "external_id" = EXCLUDED."external_id",
       "industry" = EXCLUDED."industry",
       "owner_id" = EXCLUDED."owner_id",
       "stage" = EXCLUDED."stage",
       "purchase_stage" = EXCLUDED."purchase_stage",
       "annual_value" = EXCLUDED."annual_value",
       "currency" = EXCLUDED."currency",
       "renewal_date" = EXCLUDED."renewal_date",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."name", t."external_id", t."industry", t."owner_id", t."stage", t."purchase_stage", t."annual_value", t."currency", t."renewal_date")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."external_id", EXCLUDED."industry", EXCLUDED."owner_id", EXCLUDED."stage", EXCLUDED."purchase_stage", EXCLUDED."annual_value", EXCLUDED."currency", EXCLUDED."renewal_date")
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.external_id = i.d->>'external_id'
 ORDER BY i.ord
