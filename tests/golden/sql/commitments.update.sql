-- commitments.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE commitments AS t
   SET "description" = (jsonb_populate_record(NULL::commitments, $3))."description",
       "made_at" = (jsonb_populate_record(NULL::commitments, $3))."made_at",
       "due_date" = (jsonb_populate_record(NULL::commitments, $3))."due_date",
       "status" = (jsonb_populate_record(NULL::commitments, $3))."status",
       "resolved_at" = (jsonb_populate_record(NULL::commitments, $3))."resolved_at",
       "seller_id" = (jsonb_populate_record(NULL::commitments, $3))."seller_id",
       "external_id" = (jsonb_populate_record(NULL::commitments, $3))."external_id",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
   AND ((jsonb_populate_record(NULL::commitments, $3))."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = (jsonb_populate_record(NULL::commitments, $3))."seller_id"))
RETURNING t.id, t.version, t.account_id,
       t."description",
       t."made_at",
       t."due_date",
       t."status",
       t."resolved_at",
       t."seller_id",
       t."external_id",
       t.created_at, t.updated_at
