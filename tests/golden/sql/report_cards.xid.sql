-- report_cards.xid
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
 WHERE t.org_id = $1 AND t.external_id = $2
