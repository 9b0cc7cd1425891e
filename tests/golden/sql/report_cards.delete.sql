-- report_cards.delete
-- written in service/store/resource.c, from the resource table in service/api/resource_table.c; rewrite with scripts/golden
DELETE FROM report_cards WHERE org_id = $1 AND id = $2
