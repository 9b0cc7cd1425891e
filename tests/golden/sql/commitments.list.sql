-- commitments.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT (SELECT row_to_json(x)
          FROM (SELECT t.id, t.account_id,
                       t."description",
                       to_char(t."made_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "made_at",
                       t."due_date",
                       t."status",
                       to_char(t."resolved_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "resolved_at",
                       t."seller_id",
                       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                       to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at) x)::text AS json,
       t.version, t.id::text AS id,
       t.account_id::text AS account_id,
       to_char(t."made_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS order_key
  FROM commitments t
 WHERE t.org_id = $1 AND t.account_id = $2
   AND ($3::text IS NULL OR t."status" = $3::text)
   AND ($4::uuid IS NULL OR t."seller_id" = $4::uuid)
   AND ($5::timestamptz IS NULL OR t."updated_at" >= $5::timestamptz)
   AND ($6::timestamptz IS NULL
        OR (t."made_at", t.id) < ($6::timestamptz, $7::uuid))
 ORDER BY t."made_at" DESC, t.id DESC
 LIMIT $8
