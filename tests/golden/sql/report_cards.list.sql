-- report_cards.list
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version, t.account_id,
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
  FROM report_cards t
 WHERE t.org_id = $1 AND t.account_id = $2
   AND ($3::timestamptz IS NULL OR t."received_at" >= $3::timestamptz)
   AND ($4::timestamptz IS NULL OR t."received_at" < $4::timestamptz)
   AND ($5::uuid IS NULL OR t."seller_id" = $5::uuid)
   AND ($6::uuid IS NULL OR t."contact_id" = $6::uuid)
   AND ($7::timestamptz IS NULL OR t."updated_at" >= $7::timestamptz)
   AND ($8::timestamptz IS NULL
        OR (t."received_at", t.id) < ($8::timestamptz, $9::uuid))
 ORDER BY t."received_at" DESC, t.id DESC
 LIMIT $10
