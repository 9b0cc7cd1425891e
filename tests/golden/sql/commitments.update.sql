-- commitments.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE commitments AS t
   SET "description" = r."description",
       "made_at" = r."made_at",
       "due_date" = r."due_date",
       "status" = r."status",
       "resolved_at" = r."resolved_at",
       "seller_id" = r."seller_id",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("description" text, "made_at" timestamptz, "due_date" date, "status" text, "resolved_at" timestamptz, "seller_id" uuid)
 WHERE t.org_id = $1 AND t.id = $2
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
RETURNING (SELECT row_to_json(x)
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
