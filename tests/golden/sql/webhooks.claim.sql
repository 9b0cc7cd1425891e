-- webhooks.claim
-- written in service/store/webhooks.c; rewrite with scripts/golden
SELECT org_id::text AS org_id, id::text AS id,
       claim_token::text AS claim_token, endpoint_id::text AS endpoint_id,
       url, secret, previous_secret, payload, event_id::text AS event_id,
       event_type, attempts, failures
  FROM rapport_webhook_claim($1, $2)
