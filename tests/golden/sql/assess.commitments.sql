-- assess.commitments
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT id::text AS id, coalesce(seller_id::text, '') AS seller_id,
       extract(epoch FROM made_at)::bigint AS made_at,
       coalesce(extract(epoch FROM due_date::timestamp)::bigint, 0)
         AS due_date,
       CASE WHEN resolved_at <= $3 THEN status ELSE 'open' END AS status,
       CASE WHEN resolved_at <= $3
            THEN extract(epoch FROM resolved_at)::bigint ELSE 0 END
         AS resolved_at
  FROM commitments
 WHERE org_id = $1 AND account_id = $2 AND made_at <= $3
 ORDER BY made_at DESC, id DESC
 LIMIT $4
