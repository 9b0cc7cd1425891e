-- commitments.lock
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version, t.account_id,
       t."description",
       t."made_at",
       t."due_date",
       t."status",
       t."resolved_at",
       t."seller_id",
       t."external_id",
       t.created_at, t.updated_at
  FROM commitments t
 WHERE t.org_id = $1 AND t.id = $2
   FOR UPDATE
