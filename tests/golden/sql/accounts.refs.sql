-- accounts.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok,
       (r."owner_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."owner_id")) AS "owner_id"
  FROM jsonb_to_record($2::jsonb) AS r("name" text, "external_id" text, "industry" text, "owner_id" uuid, "stage" text, "purchase_stage" text, "annual_value" numeric, "currency" text, "renewal_date" date)
 WHERE $1::uuid IS NOT NULL
