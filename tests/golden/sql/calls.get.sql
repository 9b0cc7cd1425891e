-- calls.get
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
 WHERE t.org_id = $1 AND t.id = $2
