-- report_cards.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok,
       (r."contact_id" IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = $3::uuid AND k.id = r."contact_id")) AS "contact_id",
       (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id")) AS "seller_id"
  FROM jsonb_to_record($2::jsonb) AS r("received_at" timestamptz, "contact_id" uuid, "seller_id" uuid, "ratings" jsonb, "recommend_score" integer, "comments" text, "improvements_requested" text[], "follow_up_done" boolean, "external_id" text)
 WHERE $1::uuid IS NOT NULL AND $3::uuid IS NOT NULL
