-- commitments.bulk_insert
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
WITH input AS (
  SELECT e.ord, (e.v->>'n')::uuid AS new_id,
         (e.v->>'a')::uuid AS acct, e.v->'d' AS d
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)),
ins AS (
INSERT INTO commitments AS t (org_id, id, account_id, "description", "made_at", "due_date", "status", "resolved_at", "seller_id", "external_id")
SELECT $1, i.new_id, i.acct, r."description", r."made_at", r."due_date", r."status", r."resolved_at", r."seller_id", r."external_id"
  FROM input i, jsonb_to_record(i.d) AS r("description" text, "made_at" timestamptz, "due_date" date, "status" text, "resolved_at" timestamptz, "seller_id" uuid, "external_id" text)
 WHERE true
   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1 AND a.id = i.acct)
   AND (r."seller_id" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE s.org_id = $1 AND s.id = r."seller_id"))
RETURNING t.id, t.external_id AS external_id, (t.xmax = 0) AS created)
SELECT i.ord, ins.id::text AS id, ins.created
  FROM input i JOIN ins ON ins.id = i.new_id
 ORDER BY i.ord
