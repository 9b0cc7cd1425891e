-- accounts.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE accounts AS t
   SET "name" = r."name",
       "external_id" = r."external_id",
       "industry" = r."industry",
       "owner_id" = r."owner_id",
       "stage" = r."stage",
       "purchase_stage" = r."purchase_stage",
       "annual_value" = r."annual_value",
       "currency" = r."currency",
       "renewal_date" = r."renewal_date",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("name" text, "external_id" text, "industry" text, "owner_id" uuid, "stage" text, "purchase_stage" text, "annual_value" numeric, "currency" text, "renewal_date" date)
 WHERE t.org_id = $1 AND t.id = $2
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
