-- commitments.insert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
INSERT INTO commitments AS t (org_id, account_id, "description", "made_at", "due_date", "status", "resolved_at", "seller_id")
SELECT $1, $3::uuid, r."description", r."made_at", r."due_date", r."status", r."resolved_at", r."seller_id"
  FROM jsonb_to_record($2::jsonb) AS r("description" text, "made_at" timestamptz, "due_date" date, "status" text, "resolved_at" timestamptz, "seller_id" uuid)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = $3::uuid)
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
