-- sellers.xid
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
SELECT t.id, t.version,
       t."name",
       t."email",
       t."external_id",
       t."values",
       t.created_at, t.updated_at
  FROM sellers t
 WHERE t.org_id = $1 AND t.external_id = $2
