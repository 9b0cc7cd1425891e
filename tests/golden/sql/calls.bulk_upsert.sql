-- calls.bulk_upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO calls AS t (org_id, id, account_id, "occurred_at", "seller_id", "contact_ids", "channel", "kind", "duration_minutes", "seller_talk_ratio", "questions_asked", "topics", "signals", "notes", "transcript", "next_step", "next_step_agreed", "external_id")
SELECT $1, i.new_id, i.acct, r."occurred_at", r."seller_id", r."contact_ids", r."channel", r."kind", r."duration_minutes", r."seller_talk_ratio", r."questions_asked", r."topics", r."signals", r."notes", r."transcript", r."next_step", r."next_step_agreed", r."external_id"
  FROM input i, jsonb_to_record(i.d) AS r("occurred_at" timestamptz, "seller_id" uuid, "contact_ids" uuid[], "channel" text, "kind" text, "duration_minutes" integer, "seller_talk_ratio" double precision, "questions_asked" integer, "topics" text[], "signals" text[], "notes" text, "transcript" jsonb, "next_step" text, "next_step_agreed" boolean, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = i.acct)
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
   AND (r."contact_ids" IS NULL OR (SELECT count(*) FROM contacts k WHERE k.org_id = $1 AND k.account_id = i.acct AND k.id = ANY (r."contact_ids")) = cardinality(r."contact_ids"))
   AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r."transcript") WITH ORDINALITY AS e(item, ord) WHERE e.item->>'contact_id' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = i.acct AND k.id = (e.item->>'contact_id')::uuid))
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "occurred_at" = EXCLUDED."occurred_at",
       "seller_id" = EXCLUDED."seller_id",
       "contact_ids" = EXCLUDED."contact_ids",
       "channel" = EXCLUDED."channel",
       "kind" = EXCLUDED."kind",
       "duration_minutes" = EXCLUDED."duration_minutes",
       "seller_talk_ratio" = EXCLUDED."seller_talk_ratio",
       "questions_asked" = EXCLUDED."questions_asked",
       "topics" = EXCLUDED."topics",
       "signals" = EXCLUDED."signals",
       "notes" = EXCLUDED."notes",
       "transcript" = EXCLUDED."transcript",
       "next_step" = EXCLUDED."next_step",
       "next_step_agreed" = EXCLUDED."next_step_agreed",
       "external_id" = EXCLUDED."external_id",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."occurred_at", t."seller_id", t."contact_ids", t."channel", t."kind", t."duration_minutes", t."seller_talk_ratio", t."questions_asked", t."topics", t."signals", t."notes", t."transcript", t."next_step", t."next_step_agreed", t."external_id")
       IS DISTINCT FROM (EXCLUDED."occurred_at", EXCLUDED."seller_id", EXCLUDED."contact_ids", EXCLUDED."channel", EXCLUDED."kind", EXCLUDED."duration_minutes", EXCLUDED."seller_talk_ratio", EXCLUDED."questions_asked", EXCLUDED."topics", EXCLUDED."signals", EXCLUDED."notes", EXCLUDED."transcript", EXCLUDED."next_step", EXCLUDED."next_step_agreed", EXCLUDED."external_id")
   AND t.account_id = EXCLUDED.account_id
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.external_id = i.d->>'external_id'
 ORDER BY i.ord
