-- accounts.lock
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT (SELECT row_to_json(x)
          FROM (SELECT t.id,
                       t."name",
                       t."external_id",
                       t."industry",
                       t."owner_id",
                       t."stage",
                       t."purchase_stage",
                       t."annual_value"::float8 AS "annual_value",
                       t."currency",
                       t."renewal_date",
                       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                       to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at) x)::text AS json,
       t.version, t.id::text AS id,
       NULL::text AS account_id,
       to_char(t."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS order_key
  FROM accounts t
 WHERE t.org_id = $1 AND t.id = $2
   FOR UPDATE
