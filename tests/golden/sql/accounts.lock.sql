-- accounts.lock
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version,
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
  FROM accounts t
 WHERE t.org_id = $1 AND t.id = $2
   FOR UPDATE
