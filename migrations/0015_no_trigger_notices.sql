-- Rapport schema, part 15: the last notice from a trigger, and no
-- volatile function in a trigger's writes.
--
-- The Citus trial after part 14: a write that reached two workers could
-- not commit ("cannot PREPARE a transaction that has executed LISTEN,
-- UNLISTEN, or NOTIFY") when a trigger had notified on a worker, which
-- then takes part in two-phase commit; and a deleted seller's references
-- could not be nulled with clock_timestamp() in the UPDATE's SET.  So:
--  * api_keys' trigger goes: the service empties every instance's key
--    cache on a revocation with a statement of its own (part 14).  A key
--    revoked by an operator's own SQL is refused once the caches' entries
--    expire (RAPPORT_KEY_CACHE_TTL_MS, 1 s);
--  * the BEFORE DELETE triggers of part 12 date their updates with now(),
--    and the contact's computes the turn it looks for once, in a variable
--    (Citus refuses a stable function inside a CASE of an UPDATE);
--  * the delivery claim compares the rotated secret's expiry with a
--    variable, not now(): Citus wants only immutable functions in
--    RETURNING.

DROP TRIGGER api_keys_changed ON api_keys;
DROP FUNCTION rapport_api_keys_changed();

CREATE OR REPLACE FUNCTION rapport_seller_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts SET owner_id = NULL, version = version + 1,
                      updated_at = now()
   WHERE org_id = OLD.org_id AND owner_id = OLD.id;
  UPDATE calls SET seller_id = NULL, version = version + 1,
                   updated_at = now()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  UPDATE report_cards SET seller_id = NULL, version = version + 1,
                          updated_at = now()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  UPDATE commitments SET seller_id = NULL, version = version + 1,
                         updated_at = now()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE OR REPLACE FUNCTION rapport_contact_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  -- A turn the contact spoke, for containment; a value, not an expression,
  -- in the UPDATE (Citus wants nothing but immutable functions in a CASE).
  spoke jsonb := jsonb_build_array(jsonb_build_object('contact_id', OLD.id));
BEGIN
  UPDATE report_cards SET contact_id = NULL, version = version + 1,
                          updated_at = now()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND contact_id = OLD.id;
  IF NOT EXISTS (SELECT 1 FROM accounts
                  WHERE org_id = OLD.org_id AND id = OLD.account_id) THEN
    RETURN OLD;
  END IF;
  UPDATE calls
     SET contact_ids = array_remove(contact_ids, OLD.id),
         transcript = CASE
           WHEN transcript @> spoke
           THEN rapport_transcript_without(transcript, OLD.id)
           ELSE transcript END,
         version = version + 1, updated_at = now()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND (contact_ids @> ARRAY[OLD.id] OR transcript @> spoke);
  RETURN OLD;
END
$$;

-- Claims due deliveries: only the oldest pending one of each (endpoint,
-- account), of an active endpoint, whose event is visible by the feed's
-- rule; rows another thread holds are skipped, not waited for.  One
-- organization at a time, the most overdue first.
CREATE OR REPLACE FUNCTION rapport_webhook_claim(p_limit integer,
                                                 p_lease_ms integer)
  RETURNS TABLE (org_id uuid, id uuid, claim_token uuid, endpoint_id uuid,
                 url text, secret text, previous_secret text, payload text,
                 event_id uuid, event_type text, attempts integer,
                 failures integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  o uuid;
  left_ integer := p_limit;
  n integer;
  -- One token for the call's claims: it proves this lease, not another's,
  -- and Citus wants no volatile function in an UPDATE's SET.
  token uuid := gen_random_uuid();
  -- The time, as a value: Citus wants only immutable functions in
  -- RETURNING.
  t_now timestamptz := now();
BEGIN
  FOR o IN
    SELECT d.org_id FROM webhook_deliveries d
      JOIN webhook_endpoints w
        ON w.org_id = d.org_id AND w.id = d.endpoint_id
     WHERE d.status = 'pending' AND w.status = 'active'
       AND d.next_attempt_at <= t_now
       AND (d.claimed_until IS NULL OR d.claimed_until < t_now)
     GROUP BY d.org_id
     ORDER BY min(d.next_attempt_at)
  LOOP
    RETURN QUERY
    WITH heads AS (
      SELECT DISTINCT ON (d.endpoint_id, d.account_id) d.org_id, d.id,
             d.event_xid
        FROM webhook_deliveries d
        JOIN webhook_endpoints w
          ON w.org_id = d.org_id AND w.id = d.endpoint_id
       WHERE d.org_id = o AND w.org_id = o
         AND d.status = 'pending' AND w.status = 'active'
       ORDER BY d.endpoint_id, d.account_id, d.event_xid, d.event_seq),
    c AS (
      SELECT d.org_id, d.id
        FROM webhook_deliveries d
        JOIN heads h ON h.org_id = d.org_id AND h.id = d.id
       WHERE d.org_id = o AND d.status = 'pending'
         AND d.next_attempt_at <= t_now
         AND (d.claimed_until IS NULL OR d.claimed_until < t_now)
         AND h.event_xid < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY d.next_attempt_at
       LIMIT left_
         FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries d
       SET claimed_until = t_now + p_lease_ms * interval '1 millisecond',
           claim_token = token
      FROM c, webhook_endpoints w
     WHERE d.org_id = o AND w.org_id = o
       AND d.org_id = c.org_id AND d.id = c.id
       AND w.id = d.endpoint_id
    RETURNING d.org_id, d.id, d.claim_token, d.endpoint_id, w.url, w.secret,
              CASE WHEN w.previous_secret_expires_at > t_now
                   THEN w.previous_secret END,
              d.payload, d.event_id, d.event_type, d.attempts, d.failures;
    GET DIAGNOSTICS n = ROW_COUNT;
    left_ := left_ - n;
    EXIT WHEN left_ <= 0;
  END LOOP;
END
$$;
