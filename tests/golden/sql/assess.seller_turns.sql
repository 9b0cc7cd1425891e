-- assess.seller_turns
-- written in service/store/assessments.c; rewrite with scripts/golden
SELECT call_id, speaker, role, contact_id, text
  FROM (SELECT c.id::text AS call_id, c.occurred_at, c.id, e.ord,
               e.turn->>'speaker' AS speaker, e.turn->>'role' AS role,
               coalesce(e.turn->>'contact_id', '') AS contact_id,
               e.turn->>'text' AS text,
               sum(octet_length(e.turn->>'text'))
                 OVER (PARTITION BY c.id ORDER BY e.ord) AS upto
          FROM (SELECT id, occurred_at, transcript
                  FROM calls
                 WHERE org_id = $1 AND seller_id = $2
                   AND occurred_at <= $3
                 ORDER BY occurred_at DESC, id DESC
                 LIMIT $4) c,
               jsonb_array_elements(c.transcript)
                 WITH ORDINALITY AS e(turn, ord)
         WHERE e.ord <= 1000) t
 WHERE upto - octet_length(text) < 80000
 ORDER BY occurred_at DESC, id DESC, ord
