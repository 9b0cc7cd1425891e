-- calls.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE calls AS t
   SET "occurred_at" = (jsonb_populate_record(NULL::calls, $3))."occurred_at",
       "seller_id" = (jsonb_populate_record(NULL::calls, $3))."seller_id",
       "contact_ids" = (jsonb_populate_record(NULL::calls, $3))."contact_ids",
       "channel" = (jsonb_populate_record(NULL::calls, $3))."channel",
       "kind" = (jsonb_populate_record(NULL::calls, $3))."kind",
       "duration_minutes" = (jsonb_populate_record(NULL::calls, $3))."duration_minutes",
       "seller_talk_ratio" = (jsonb_populate_record(NULL::calls, $3))."seller_talk_ratio",
       "questions_asked" = (jsonb_populate_record(NULL::calls, $3))."questions_asked",
       "topics" = (jsonb_populate_record(NULL::calls, $3))."topics",
       "signals" = (jsonb_populate_record(NULL::calls, $3))."signals",
       "notes" = (jsonb_populate_record(NULL::calls, $3))."notes",
       "transcript" = (jsonb_populate_record(NULL::calls, $3))."transcript",
       "next_step" = (jsonb_populate_record(NULL::calls, $3))."next_step",
       "next_step_agreed" = (jsonb_populate_record(NULL::calls, $3))."next_step_agreed",
       "external_id" = (jsonb_populate_record(NULL::calls, $3))."external_id",
       version = t.version + 1, updated_at = $4::timestamptz
 WHERE t.org_id = $1 AND t.id = $2
   AND ((jsonb_populate_record(NULL::calls, $3))."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = (jsonb_populate_record(NULL::calls, $3))."seller_id"))
   AND ((jsonb_populate_record(NULL::calls, $3))."contact_ids" IS NULL OR (SELECT count(*) FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = ANY ((jsonb_populate_record(NULL::calls, $3))."contact_ids")) = cardinality((jsonb_populate_record(NULL::calls, $3))."contact_ids"))
   AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements((jsonb_populate_record(NULL::calls, $3))."transcript") WITH ORDINALITY AS e(item, ord) WHERE e.item->>'contact_id' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = (e.item->>'contact_id')::uuid))
RETURNING t.id, t.version, t.account_id,
       t."occurred_at",
       t."seller_id",
       t."contact_ids",
       t."channel",
       t."kind",
       t."duration_minutes",
       t."seller_talk_ratio",
       t."questions_asked",
       t."topics",
       t."signals",
       t."notes",
       t."transcript",
       t."next_step",
       t."next_step_agreed",
       t."external_id",
       t.created_at, t.updated_at
