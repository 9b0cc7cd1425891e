-- commitments.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok,
       (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id")) AS "seller_id"
  FROM jsonb_to_record($2::jsonb) AS r("description" text, "made_at" timestamptz, "due_date" date, "status" text, "resolved_at" timestamptz, "seller_id" uuid, "external_id" text)
 WHERE $1::uuid IS NOT NULL AND $3::uuid IS NOT NULL
