-- calls.update
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
UPDATE calls AS t
   SET "occurred_at" = r."occurred_at",
       "seller_id" = r."seller_id",
       "contact_ids" = r."contact_ids",
       "channel" = r."channel",
       "kind" = r."kind",
       "duration_minutes" = r."duration_minutes",
       "seller_talk_ratio" = r."seller_talk_ratio",
       "questions_asked" = r."questions_asked",
       "topics" = r."topics",
       "signals" = r."signals",
       "notes" = r."notes",
       "transcript" = r."transcript",
       "next_step" = r."next_step",
       "next_step_agreed" = r."next_step_agreed",
       "external_id" = r."external_id",
       version = t.version + 1, updated_at = clock_timestamp()
  FROM jsonb_to_record($3::jsonb) AS r("occurred_at" timestamptz, "seller_id" uuid, "contact_ids" uuid[], "channel" text, "kind" text, "duration_minutes" integer, "seller_talk_ratio" double precision, "questions_asked" integer, "topics" text[], "signals" text[], "notes" text, "transcript" jsonb, "next_step" text, "next_step_agreed" boolean, "external_id" text)
 WHERE t.org_id = $1 AND t.id = $2
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
   AND (r."contact_ids" IS NULL OR (SELECT count(*) FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = ANY (r."contact_ids")) = cardinality(r."contact_ids"))
   AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r."transcript") WITH ORDINALITY AS e(item, ord) WHERE e.item->>'contact_id' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = t.account_id AND k.id = (e.item->>'contact_id')::uuid))
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
