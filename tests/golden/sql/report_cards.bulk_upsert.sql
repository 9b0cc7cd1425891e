-- report_cards.bulk_upsert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO report_cards AS t (org_id, id, account_id, "received_at", "contact_id", "seller_id", "ratings", "recommend_score", "comments", "improvements_requested", "follow_up_done", "external_id")
SELECT $1, i.new_id, i.acct, r."received_at", r."contact_id", r."seller_id", r."ratings", r."recommend_score", r."comments", r."improvements_requested", r."follow_up_done", r."external_id"
  FROM input i, jsonb_to_record(i.d) AS r("received_at" timestamptz, "contact_id" uuid, "seller_id" uuid, "ratings" jsonb, "recommend_score" integer, "comments" text, "improvements_requested" text[], "follow_up_done" boolean, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = i.acct)
   AND (r."contact_id" IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = i.acct AND k.id = r."contact_id"))
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
    ON CONFLICT (org_id, external_id) DO UPDATE
   SET "received_at" = EXCLUDED."received_at",
       "contact_id" = EXCLUDED."contact_id",
       "seller_id" = EXCLUDED."seller_id",
       "ratings" = EXCLUDED."ratings",
       "recommend_score" = EXCLUDED."recommend_score",
       "comments" = EXCLUDED."comments",
       "improvements_requested" = EXCLUDED."improvements_requested",
       "follow_up_done" = EXCLUDED."follow_up_done",
       "external_id" = EXCLUDED."external_id",
       version = t.version + 1, updated_at = EXCLUDED.updated_at
 WHERE (t."received_at", t."contact_id", t."seller_id", t."ratings", t."recommend_score", t."comments", t."improvements_requested", t."follow_up_done", t."external_id")
       IS DISTINCT FROM (EXCLUDED."received_at", EXCLUDED."contact_id", EXCLUDED."seller_id", EXCLUDED."ratings", EXCLUDED."recommend_score", EXCLUDED."comments", EXCLUDED."improvements_requested", EXCLUDED."follow_up_done", EXCLUDED."external_id")
   AND t.account_id = EXCLUDED.account_id
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.external_id = i.d->>'external_id'
 ORDER BY i.ord
