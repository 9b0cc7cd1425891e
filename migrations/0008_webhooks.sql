-- Rapport schema, part 8: signed webhooks.  docs/webhooks.md tells the
-- whole story; in short:
--
--  * webhook_endpoints holds each organization's endpoints: a URL, the
--    event types it wants ('*' for all), the secret that signs deliveries
--    (and, for a day after a rotation, the one before it), and whether it
--    is active or was disabled (with the reason).
--  * webhook_deliveries is the outbox and the delivery log at once: every
--    event inserted into events is queued, in the event's own transaction,
--    for every active endpoint of its organization that wants its type (a
--    statement trigger on events), with the exact bytes that will be sent
--    (rapport_event_json, as GET /v1/events shows it).  A crash loses
--    nothing: the row commits with the event, and stays pending until a
--    2xx answer was recorded.
--  * The service's delivery threads claim due deliveries through
--    rapport_webhook_claim() with a lease (FOR UPDATE SKIP LOCKED: two
--    instances never claim the same row; a killed instance's claims are
--    taken again once the lease has passed), and record each attempt with
--    rapport_webhook_finish().  Only the oldest pending delivery of each
--    (endpoint, account) may be claimed, and only once its event is
--    visible by the feed's rule, so each account's events arrive in the
--    order of the feed.
--  * rapport_webhook_prune() ends the log of deliveries made long ago.
--
-- Both functions cross organizations, so, as for the assessment queue,
-- they are SECURITY DEFINER functions owned by rapport_worker, whose own
-- policies let it see every organization's rows; requests read and write
-- endpoints and the log under the tenant policy.

CREATE TABLE webhook_endpoints (
  org_id          uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  url             text NOT NULL CHECK (length(url) <= 2048),
  description     text CHECK (length(description) <= 500),
  -- Validated by the service against the known types; '*' is every type.
  event_types     text[] NOT NULL CHECK (cardinality(event_types) >= 1),
  -- whsec_ + base64url of 32 random bytes: it signs, so it is kept.
  secret          text NOT NULL,
  -- The secret before the last rotation, which also signs until
  -- previous_secret_expires_at.
  previous_secret text,
  previous_secret_expires_at timestamptz,
  status          text NOT NULL DEFAULT 'active'
                  CHECK (status IN ('active', 'disabled')),
  disabled_reason text,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX webhook_endpoints_list
  ON webhook_endpoints (org_id, created_at, id);

CREATE TABLE webhook_deliveries (
  org_id           uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  endpoint_id      uuid NOT NULL,
  -- The event, by its feed position (xid, seq) and its public id.
  event_xid        xid8 NOT NULL,
  event_seq        bigint NOT NULL,
  event_id         uuid NOT NULL,
  event_type       text NOT NULL,
  account_id       uuid,
  -- The body, byte for byte as it is signed and sent.
  payload          text NOT NULL,
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'delivered')),
  attempts         integer NOT NULL DEFAULT 0,
  -- Failed attempts since the last success or re-enabling: the backoff's
  -- step, and what disables the endpoint.
  failures         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- A delivery thread's lease, and the token that proves it still holds it.
  claimed_until    timestamptz,
  claim_token      uuid,
  last_attempt_at  timestamptz,
  last_status_code integer,
  last_error       text,
  last_response    text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id)
    ON DELETE CASCADE
);
-- The log, newest first, per endpoint.
CREATE INDEX webhook_deliveries_log
  ON webhook_deliveries (org_id, endpoint_id, created_at, id);
-- The outbox: the pending rows in feed order per (endpoint, account).
CREATE INDEX webhook_deliveries_pending
  ON webhook_deliveries (endpoint_id, account_id, event_xid, event_seq)
  WHERE status = 'pending';

-- A statement's new events, queued for every active endpoint of their
-- organization that wants them.
CREATE FUNCTION rapport_webhook_enqueue() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO webhook_deliveries (org_id, endpoint_id, event_xid, event_seq,
                                  event_id, event_type, account_id, payload)
  SELECT n.org_id, w.id, n.xid, n.seq, n.id, n.type, n.account_id,
         rapport_event_json(n::events)::text
    FROM new_events n
    JOIN webhook_endpoints w
      ON w.org_id = n.org_id AND w.status = 'active'
     AND (n.type = ANY (w.event_types) OR '*' = ANY (w.event_types))
   ORDER BY n.xid, n.seq;
  IF FOUND THEN
    PERFORM pg_notify('rapport_webhooks', '');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER events_webhooks AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_webhook_enqueue();

-- Claims up to p_limit due deliveries for p_lease_ms: of each (endpoint,
-- account), only the oldest pending one, of an active endpoint, whose
-- event is visible by the feed's rule (every transaction that could still
-- commit an earlier event has ended).  Rows another thread holds are
-- skipped, not waited for; the conditions on the row itself are checked
-- again on the locked row, so a claim that raced with another is dropped.
CREATE FUNCTION rapport_webhook_claim(p_limit integer, p_lease_ms integer)
  RETURNS TABLE (org_id uuid, id uuid, claim_token uuid, endpoint_id uuid,
                 url text, secret text, previous_secret text, payload text,
                 event_id uuid, event_type text, attempts integer,
                 failures integer)
  LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  WITH heads AS (
    SELECT DISTINCT ON (d.endpoint_id, d.account_id) d.org_id, d.id,
           d.event_xid
      FROM webhook_deliveries d
      JOIN webhook_endpoints w
        ON w.org_id = d.org_id AND w.id = d.endpoint_id
     WHERE d.status = 'pending' AND w.status = 'active'
     ORDER BY d.endpoint_id, d.account_id, d.event_xid, d.event_seq),
  c AS (
    SELECT d.org_id, d.id
      FROM webhook_deliveries d
      JOIN heads h ON h.org_id = d.org_id AND h.id = d.id
     WHERE d.status = 'pending'
       AND d.next_attempt_at <= clock_timestamp()
       AND (d.claimed_until IS NULL OR d.claimed_until < clock_timestamp())
       AND h.event_xid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY d.next_attempt_at
     LIMIT p_limit
       FOR UPDATE OF d SKIP LOCKED)
  UPDATE webhook_deliveries d
     SET claimed_until = clock_timestamp()
                         + p_lease_ms * interval '1 millisecond',
         claim_token = gen_random_uuid()
    FROM c, webhook_endpoints w
   WHERE d.org_id = c.org_id AND d.id = c.id
     AND w.org_id = d.org_id AND w.id = d.endpoint_id
  RETURNING d.org_id, d.id, d.claim_token, d.endpoint_id, w.url, w.secret,
            CASE WHEN w.previous_secret_expires_at > clock_timestamp()
                 THEN w.previous_secret END,
            d.payload, d.event_id, d.event_type, d.attempts, d.failures
$$;

-- Records one attempt of a claimed delivery (nothing if the claim was
-- lost: another thread took it after the lease passed).
--   p_outcome     'delivered', 'failed' or 'released' (not attempted:
--                 the service is stopping)
--   p_retry_ms    when to try again after a failure
--   p_max_failures failures in a row that disable the endpoint
-- Returns 'delivered', 'retry', 'disabled', 'released' or 'lost'.
CREATE FUNCTION rapport_webhook_finish(p_org uuid, p_id uuid, p_token uuid,
                                       p_outcome text, p_status_code integer,
                                       p_error text, p_response text,
                                       p_retry_ms bigint,
                                       p_max_failures integer)
  RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  d webhook_deliveries;
BEGIN
  IF p_outcome = 'released' THEN
    UPDATE webhook_deliveries
       SET claimed_until = NULL, claim_token = NULL
     WHERE org_id = p_org AND id = p_id AND claim_token = p_token
       AND status = 'pending';
    RETURN CASE WHEN FOUND THEN 'released' ELSE 'lost' END;
  END IF;
  UPDATE webhook_deliveries
     SET status = CASE p_outcome WHEN 'delivered' THEN 'delivered'
                                 ELSE 'pending' END,
         attempts = attempts + 1,
         failures = CASE p_outcome WHEN 'delivered' THEN 0
                                   ELSE failures + 1 END,
         last_attempt_at = clock_timestamp(),
         last_status_code = p_status_code,
         last_error = p_error,
         last_response = p_response,
         delivered_at = CASE p_outcome WHEN 'delivered'
                             THEN clock_timestamp() END,
         next_attempt_at = clock_timestamp()
                           + p_retry_ms * interval '1 millisecond',
         claimed_until = NULL, claim_token = NULL
   WHERE org_id = p_org AND id = p_id AND claim_token = p_token
     AND status = 'pending'
  RETURNING * INTO d;
  IF NOT FOUND THEN
    RETURN 'lost';
  END IF;
  IF p_outcome = 'delivered' THEN
    RETURN 'delivered';
  END IF;
  IF d.failures >= p_max_failures THEN
    UPDATE webhook_endpoints
       SET status = 'disabled', disabled_at = clock_timestamp(),
           disabled_reason = format(
             '%s attempts in a row to deliver event %s (%s) failed, from %s '
             'to %s; the last: %s',
             d.failures, d.event_id, d.event_type,
             to_char(d.created_at AT TIME ZONE 'UTC',
                     'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             to_char(d.last_attempt_at AT TIME ZONE 'UTC',
                     'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             coalesce(p_error, 'HTTP ' || p_status_code)),
           updated_at = clock_timestamp(), version = version + 1
     WHERE org_id = d.org_id AND id = d.endpoint_id AND status = 'active';
    RETURN 'disabled';
  END IF;
  RETURN 'retry';
END
$$;

-- Ends the log of deliveries made more than p_keep_days ago; one pruner
-- at a time (the others return at once).  Pending deliveries stay
-- whatever their age.
CREATE FUNCTION rapport_webhook_prune(p_keep_days integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rapport_webhook_prune')) THEN
    RETURN 0;
  END IF;
  DELETE FROM webhook_deliveries
   WHERE status = 'delivered'
     AND delivered_at < clock_timestamp() - p_keep_days * interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
CREATE INDEX webhook_deliveries_done
  ON webhook_deliveries (delivered_at) WHERE status = 'delivered';

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_endpoints', 'webhook_deliveries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = rapport_current_org())'
                   ' WITH CHECK (org_id = rapport_current_org())', t);
    EXECUTE format('CREATE POLICY worker ON %I TO rapport_worker'
                   ' USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;

GRANT SELECT, UPDATE ON webhook_endpoints TO rapport_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_deliveries TO rapport_worker;
ALTER FUNCTION rapport_webhook_enqueue() OWNER TO rapport_worker;
ALTER FUNCTION rapport_webhook_claim(integer, integer) OWNER TO rapport_worker;
ALTER FUNCTION rapport_webhook_finish(uuid, uuid, uuid, text, integer, text,
                                      text, bigint, integer)
  OWNER TO rapport_worker;
ALTER FUNCTION rapport_webhook_prune(integer) OWNER TO rapport_worker;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO rapport_app;
    GRANT SELECT, UPDATE ON webhook_deliveries TO rapport_app;
    GRANT EXECUTE ON FUNCTION rapport_webhook_claim(integer, integer),
      rapport_webhook_finish(uuid, uuid, uuid, text, integer, text, text,
                             bigint, integer),
      rapport_webhook_prune(integer)
      TO rapport_app;
  END IF;
END
$$;
