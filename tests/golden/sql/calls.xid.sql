-- calls.xid
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT (SELECT row_to_json(x)
          FROM (SELECT t.id, t.account_id,
                       to_char(t."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurred_at",
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
                       t."next_step",
                       t."next_step_agreed",
                       t."external_id",
                       to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
                       to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at) x)::text AS json,
       t.version, t.id::text AS id,
       t.account_id::text AS account_id,
       to_char(t."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS order_key
  FROM calls t
 WHERE t.org_id = $1 AND t.external_id = $2
