-- webhooks.insert
-- written in service/store/webhooks.c; rewrite with scripts/golden
INSERT INTO webhook_endpoints (org_id, url, description, event_types,
                               secret)
SELECT $1, $2, $3, $4::text[], $5
 WHERE (SELECT count(*) FROM webhook_endpoints WHERE org_id = $1)
       < $6::integer
RETURNING id::text AS id
