-- report_cards.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE report_cards AS t
   SET "received_at" = r."received_at",
       "contact_id" = r."contact_id",
       "seller_id" = r."seller_id",
       "ratings" = r."ratings",
       "recommend_score" = r."recommend_score",
       "comments" = r."comments",
       "improvements_requested" = r."improvements_requested",
       "follow_up_done" = r."follow_up_done",
       "external_id" = r."external_id",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("received_at" timestamptz, "contact_id" uuid, "seller_id" uuid, "ratings" jsonb, "recommend_score" integer, "comments" text, "improvements_requested" text[], "follow_up_done" boolean, "external_id" text)
 WHERE t.org_id = $1 AND t.id = $2
   AND (r."contact_id" IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = r."contact_id"))
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
RETURNING t.id, t.version, t.account_id,
       t."received_at",
       t."contact_id",
       t."seller_id",
       t."ratings",
       t."recommend_score",
       t."comments",
       t."improvements_requested",
       t."follow_up_done",
       t."external_id",
       t.created_at, t.updated_at
