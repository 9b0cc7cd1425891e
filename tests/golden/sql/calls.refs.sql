-- calls.refs
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT true AS ok,
       (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id")) AS "seller_id",
       (r."contact_ids" IS NULL OR (SELECT count(*) FROM contacts k WHERE k.org_id = $1 AND k.account_id = $3::uuid AND k.id = ANY (r."contact_ids")) = cardinality(r."contact_ids")) AS "contact_ids",
       (SELECT string_agg((e.ord - 1)::text, ',' ORDER BY e.ord) FROM jsonb_array_elements(r."transcript") WITH ORDINALITY AS e(item, ord) WHERE e.item->>'contact_id' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1 AND k.account_id = $3::uuid AND k.id = (e.item->>'contact_id')::uuid)) AS "transcript"
  FROM jsonb_to_record($2::jsonb) AS r("occurred_at" timestamptz, "seller_id" uuid, "contact_ids" uuid[], "channel" text, "kind" text, "duration_minutes" integer, "seller_talk_ratio" double precision, "questions_asked" integer, "topics" text[], "signals" text[], "notes" text, "transcript" jsonb, "next_step" text, "next_step_agreed" boolean, "external_id" text)
 WHERE $1::uuid IS NOT NULL AND $3::uuid IS NOT NULL
