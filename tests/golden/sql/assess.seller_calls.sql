-- assess.seller_calls
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT id::text AS id, account_id::text AS account_id,
       coalesce(seller_id::text, '') AS seller_id,
       extract(epoch FROM occurred_at)::bigint AS occurred_at,
       array_to_string(contact_ids, ',') AS contact_ids,
       coalesce(channel, 'phone') AS channel,
       coalesce(kind, 'follow_up') AS kind,
       coalesce(duration_minutes, -1) AS duration_minutes,
       coalesce(seller_talk_ratio, -1) AS seller_talk_ratio,
       coalesce(questions_asked, -1) AS questions_asked,
       array_to_string(topics, ',') AS topics,
       array_to_string(signals, ',') AS signals, notes,
       coalesce(next_step_agreed, false) AS next_step_agreed
  FROM calls
 WHERE org_id = $1 AND seller_id = $2 AND occurred_at <= $3
 ORDER BY occurred_at DESC, id DESC
 LIMIT $4
