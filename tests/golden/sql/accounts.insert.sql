-- accounts.insert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
INSERT INTO accounts AS t (org_id, "name", "external_id", "industry", "owner_id", "stage", "purchase_stage", "annual_value", "currency", "renewal_date")
SELECT $1, r."name", r."external_id", r."industry", r."owner_id", r."stage", r."purchase_stage", r."annual_value", r."currency", r."renewal_date"
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "external_id" text, "industry" text, "owner_id" uuid, "stage" text, "purchase_stage" text, "annual_value" numeric, "currency" text, "renewal_date" date)
 WHERE true
   AND (r."owner_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."owner_id"))
RETURNING t.id, t.version,
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
