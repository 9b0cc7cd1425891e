-- events.page
-- written in service/store/portfolio.c; rewrite with scripts/golden
WITH scanned AS (
  SELECT e.xid, e.seq, e.id, e.type, e.occurred_at, e.resource,
         e.resource_id, e.account_id, e.data
    FROM events e
   WHERE e.org_id = $1 AND (e.xid, e.seq) > ($2::xid8, $3::bigint)
     AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY e.xid, e.seq
   LIMIT $6),
picked AS (
  SELECT xid, seq, id, occurred_at,
         rapport_event_body(id, type, occurred_at, resource, resource_id,
                            account_id, data) AS body
    FROM scanned
   WHERE $4::text[] IS NULL OR type = ANY ($4::text[])
   ORDER BY xid, seq
   LIMIT $5)
SELECT 0 AS kind, xid::text AS xid, seq, id,
       extract(epoch FROM occurred_at)::bigint AS at, body::text AS body,
       0 AS scanned
  FROM picked
UNION ALL
SELECT 1, xid::text, seq, id, extract(epoch FROM occurred_at)::bigint,
       NULL, (SELECT count(*) FROM scanned)
  FROM (SELECT xid, seq, id, occurred_at FROM scanned
         ORDER BY xid DESC, seq DESC LIMIT 1) last
 ORDER BY kind, xid, seq
