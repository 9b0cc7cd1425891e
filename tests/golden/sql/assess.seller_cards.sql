-- assess.seller_cards
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT id::text AS id, coalesce(contact_id::text, '') AS contact_id,
       coalesce(seller_id::text, '') AS seller_id,
       extract(epoch FROM received_at)::bigint AS received_at,
       (SELECT string_agg(key || '=' || value, ',')
          FROM jsonb_each_text(ratings)) AS ratings,
       coalesce(recommend_score, -1) AS recommend_score,
       cardinality(improvements_requested) AS improvements_requested,
       coalesce(follow_up_done, false) AS follow_up_done
  FROM report_cards
 WHERE org_id = $1 AND seller_id = $2 AND received_at <= $3
 ORDER BY received_at DESC, id DESC
 LIMIT $4
