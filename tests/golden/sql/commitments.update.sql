-- commitments.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE commitments AS t
   SET "description" = r."description",
       "made_at" = r."made_at",
       "due_date" = r."due_date",
       "status" = r."status",
       "resolved_at" = r."resolved_at",
       "seller_id" = r."seller_id",
       "external_id" = r."external_id",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("description" text, "made_at" timestamptz, "due_date" date, "status" text, "resolved_at" timestamptz, "seller_id" uuid, "external_id" text)
 WHERE t.org_id = $1 AND t.id = $2
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
RETURNING t.id, t.version, t.account_id,
       t."description",
       t."made_at",
       t."due_date",
       t."status",
       t."resolved_at",
       t."seller_id",
       t."external_id",
       t.created_at, t.updated_at
