-- contacts.get
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT (SELECT row_to_json(x)
          FROM (SELECT t.id, t.account_id,
                       t."name",
                       t."title",
                       t."email",
                       t."role",
                       t."influence",
                       t."external_id",
                       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                       to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at) x)::text AS json,
       t.version, t.id::text AS id,
       t.account_id::text AS account_id,
       to_char(t."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS order_key
  FROM contacts t
 WHERE t.org_id = $1 AND t.id = $2
