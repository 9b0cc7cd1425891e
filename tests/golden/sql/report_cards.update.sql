-- report_cards.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE report_cards AS t
   SET "received_at" = (jsonb_populate_record(NULL::report_cards, $3))."received_at",
       "contact_id" = (jsonb_populate_record(NULL::report_cards, $3))."contact_id",
       "seller_id" = (jsonb_populate_record(NULL::report_cards, $3))."seller_id",
       "ratings" = (jsonb_populate_record(NULL::report_cards, $3))."ratings",
       "recommend_score" = (jsonb_populate_record(NULL::report_cards, $3))."recommend_score",
       "comments" = (jsonb_populate_record(NULL::report_cards, $3))."comments",
       "improvements_requested" = (jsonb_populate_record(NULL::report_cards, $3))."improvements_requested",
       "follow_up_done" = (jsonb_populate_record(NULL::report_cards, $3))."follow_up_done",
       "external_id" = (jsonb_populate_record(NULL::report_cards, $3))."external_id",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
   AND ((jsonb_populate_record(NULL::report_cards, $3))."contact_id" IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = (jsonb_populate_record(NULL::report_cards, $3))."contact_id"))
   AND ((jsonb_populate_record(NULL::report_cards, $3))."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = (jsonb_populate_record(NULL::report_cards, $3))."seller_id"))
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
