-- calls.list_all
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
 WHERE t.org_id = $1
   AND ($2::timestamptz IS NULL OR t."occurred_at" >= $2::timestamptz)
   AND ($3::timestamptz IS NULL OR t."occurred_at" < $3::timestamptz)
   AND ($4::uuid IS NULL OR t."seller_id" = $4::uuid)
   AND ($5::uuid IS NULL OR $5::uuid = ANY (t."contact_ids"))
   AND ($6::timestamptz IS NULL OR t."updated_at" >= $6::timestamptz)
   AND ($7::timestamptz IS NULL
        OR (t."occurred_at", t.id) < ($7::timestamptz, $8::uuid))
 ORDER BY t."occurred_at" DESC, t.id DESC
 LIMIT $9
