-- report_cards.get
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT (SELECT row_to_json(x)
          FROM (SELECT t.id, t.account_id,
                       to_char(t."received_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "received_at",
                       t."contact_id",
                       t."seller_id",
                       t."ratings",
                       t."recommend_score",
                       t."comments",
                       t."improvements_requested",
                       t."follow_up_done",
                       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                       to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at) x)::text AS json,
       t.version, t.id::text AS id,
       t.account_id::text AS account_id,
       to_char(t."received_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS order_key
  FROM report_cards t
 WHERE t.org_id = $1 AND t.id = $2
