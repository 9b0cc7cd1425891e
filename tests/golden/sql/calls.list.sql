-- calls.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version, t.account_id,
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
  FROM calls t
 WHERE t.org_id = $1 AND t.account_id = $2
   AND ($3::timestamptz IS NULL OR t."occurred_at" >= $3::timestamptz)
   AND ($4::timestamptz IS NULL OR t."occurred_at" < $4::timestamptz)
   AND ($5::uuid IS NULL OR t."seller_id" = $5::uuid)
   AND ($6::uuid IS NULL OR $6::uuid = ANY (t."contact_ids"))
   AND ($7::timestamptz IS NULL OR t."updated_at" >= $7::timestamptz)
   AND ($8::timestamptz IS NULL
        OR (t."occurred_at", t.id) < ($8::timestamptz, $9::uuid))
 ORDER BY t."occurred_at" DESC, t.id DESC
 LIMIT $10
