-- accounts.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE accounts AS t
   SET "name" = (jsonb_populate_record(NULL::accounts, $3))."name",
       "external_id" = (jsonb_populate_record(NULL::accounts, $3))."external_id",
       "industry" = (jsonb_populate_record(NULL::accounts, $3))."industry",
       "owner_id" = (jsonb_populate_record(NULL::accounts, $3))."owner_id",
       "stage" = (jsonb_populate_record(NULL::accounts, $3))."stage",
       "purchase_stage" = (jsonb_populate_record(NULL::accounts, $3))."purchase_stage",
       "annual_value" = (jsonb_populate_record(NULL::accounts, $3))."annual_value",
       "currency" = (jsonb_populate_record(NULL::accounts, $3))."currency",
       "renewal_date" = (jsonb_populate_record(NULL::accounts, $3))."renewal_date",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
   AND ((jsonb_populate_record(NULL::accounts, $3))."owner_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = (jsonb_populate_record(NULL::accounts, $3))."owner_id"))
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
