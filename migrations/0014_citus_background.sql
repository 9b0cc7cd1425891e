-- Rapport schema, part 14: the background work, as Citus can run it.
--
-- The Citus trial after part 12 showed what still stood in the way once
-- every table was distributed by org_id:
--  * the claims took rows of every organization at once with FOR UPDATE
--    SKIP LOCKED, which Citus runs only on one shard ("could not run
--    distributed query with FOR UPDATE/SHARE commands"): they now list the
--    organizations with work first (a plain read across shards), then
--    lock and lease each one's rows (one shard each) until they have
--    enough, in the same order of priority and age as before;
--  * clock_timestamp() (and gen_random_uuid()) in the WHERE or SET of a
--    write is refused as volatile: the background functions use now(),
--    the start of their own short transaction, and one claim token a
--    call; RETURNING compares with a variable, as Citus wants only
--    immutable functions there.

-- Claims up to p_limit queued accounts for p_lease_ms, writes first, the
-- oldest first; rows another refresher holds are skipped, not waited for.
CREATE OR REPLACE FUNCTION rapport_assess_claim(p_limit integer,
                                                p_lease_ms integer)
  RETURNS TABLE (org_id uuid, account_id uuid, seq bigint, priority smallint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  o uuid;
  left_ integer := p_limit;
  n integer;
BEGIN
  FOR o IN
    SELECT q.org_id FROM assessment_queue q
     WHERE q.claimed_until IS NULL OR q.claimed_until < now()
     GROUP BY q.org_id
     ORDER BY min(q.priority), min(q.seq)
  LOOP
    RETURN QUERY
    WITH c AS (
      SELECT q.org_id, q.account_id FROM assessment_queue q
       WHERE q.org_id = o
         AND (q.claimed_until IS NULL OR q.claimed_until < now())
       ORDER BY q.priority, q.seq
       LIMIT left_
         FOR UPDATE SKIP LOCKED)
    UPDATE assessment_queue q
       SET claimed_until = now() + p_lease_ms * interval '1 millisecond'
      FROM c
     WHERE q.org_id = o AND q.org_id = c.org_id
       AND q.account_id = c.account_id
    RETURNING q.org_id, q.account_id, q.seq, q.priority;
    GET DIAGNOSTICS n = ROW_COUNT;
    left_ := left_ - n;
    EXIT WHEN left_ <= 0;
  END LOOP;
END
$$;

-- Turns one queued organization into its queued accounts.
CREATE OR REPLACE FUNCTION rapport_assess_expand() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  o uuid;
  n integer;
BEGIN
  FOR o IN SELECT q.org_id FROM assessment_org_queue q ORDER BY q.seq LOOP
    DELETE FROM assessment_org_queue q
     WHERE q.org_id = o
       AND q.org_id = (SELECT x.org_id FROM assessment_org_queue x
                        WHERE x.org_id = o FOR UPDATE SKIP LOCKED);
    IF FOUND THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT a.org_id, a.id, 1 FROM accounts a WHERE a.org_id = o
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = least(q.priority, 1), seq = EXCLUDED.seq,
            claimed_until = NULL;
      GET DIAGNOSTICS n = ROW_COUNT;
      RETURN n;
    END IF;
  END LOOP;
  RETURN 0;
END
$$;

-- Queues what time or a new model made stale; one sweeper at a time (the
-- others return at once).  Also ends events past their retention.  An
-- account never assessed is one from before part 7, or one whose
-- creation queued it already: the sweep leaves new ones alone, or it could
-- queue an account again just after its first assessment was stored.
CREATE OR REPLACE FUNCTION rapport_assess_sweep(p_model text,
                                                p_max_age interval,
                                                p_event_retention interval)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rapport_assess_sweep')) THEN
    RETURN 0;
  END IF;
  DELETE FROM events WHERE occurred_at < now() - p_event_retention;
  -- What the last sweep queued is still being worked through (after a new
  -- model, maybe every account): looking again would find the same rows.
  IF EXISTS (SELECT 1 FROM assessment_queue q WHERE q.priority = 2) THEN
    RETURN 0;
  END IF;
  INSERT INTO assessment_queue (org_id, account_id, priority)
  SELECT a.org_id, a.id, 2
    FROM accounts a
    LEFT JOIN account_assessments s
      ON s.org_id = a.org_id AND s.account_id = a.id
   WHERE (s.account_id IS NULL AND a.created_at < now() - interval '1 minute')
      OR s.model_version <> p_model
      OR s.as_of < now() - p_max_age
  ON CONFLICT (org_id, account_id) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

-- Ends the log of deliveries made more than p_keep_days ago; one pruner
-- at a time.  Pending deliveries stay whatever their age.
CREATE OR REPLACE FUNCTION rapport_webhook_prune(p_keep_days integer)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rapport_webhook_prune')) THEN
    RETURN 0;
  END IF;
  DELETE FROM webhook_deliveries
   WHERE status = 'delivered'
     AND delivered_at < now() - p_keep_days * interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
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
  -- The oldest transaction still running where the organization's rows
  -- are, from a plain read of them: under Citus that read runs on the
  -- organization's worker, whose transaction ids its events carry (in
  -- an UPDATE the coordinator would evaluate the snapshot itself).
  visible xid8;
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
    SELECT pg_snapshot_xmin(pg_current_snapshot()) INTO visible
      FROM webhook_endpoints w
     WHERE w.org_id = o
     LIMIT 1;
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
         AND h.event_xid < visible
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

-- Records one attempt of a claimed delivery, as in part 8, its times
-- taken once, as values.
CREATE OR REPLACE FUNCTION rapport_webhook_finish(p_org uuid, p_id uuid, p_token uuid,
                                       p_outcome text, p_status_code integer,
                                       p_error text, p_response text,
                                       p_retry_ms bigint,
                                       p_max_failures integer)
  RETURNS text
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  d webhook_deliveries;
  -- The time, as a value: Citus wants only immutable functions in a
  -- CASE of an UPDATE, and no column in a stable function's arguments.
  t_now timestamptz := now();
  -- What the attempt makes of the row, decided here: Citus sends a
  -- "CASE p_outcome WHEN ..." of an UPDATE to its workers mangled (the
  -- parameter compared with a boolean).
  delivered boolean := p_outcome = 'delivered';
  new_status text := CASE WHEN delivered THEN 'delivered' ELSE 'pending' END;
  delivered_at_ timestamptz := CASE WHEN delivered THEN now() END;
  retry_at timestamptz := now() + p_retry_ms * interval '1 millisecond';
  first_at text;
  last_at text;
BEGIN
  IF p_outcome = 'released' THEN
    UPDATE webhook_deliveries
       SET claimed_until = NULL, claim_token = NULL
     WHERE org_id = p_org AND id = p_id AND claim_token = p_token
       AND status = 'pending';
    RETURN CASE WHEN FOUND THEN 'released' ELSE 'lost' END;
  END IF;
  UPDATE webhook_deliveries
     SET status = new_status,
         attempts = attempts + 1,
         failures = CASE WHEN delivered THEN 0 ELSE failures + 1 END,
         last_attempt_at = t_now,
         last_status_code = p_status_code,
         last_error = p_error,
         last_response = p_response,
         delivered_at = delivered_at_,
         next_attempt_at = retry_at,
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
    first_at := to_char(d.created_at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    last_at := to_char(d.last_attempt_at AT TIME ZONE 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    UPDATE webhook_endpoints
       SET status = 'disabled', disabled_at = t_now,
           disabled_reason = format(
             '%s attempts in a row to deliver event %s (%s) failed, from %s '
             'to %s; the last: %s',
             d.failures, d.event_id, d.event_type,
             first_at, last_at,
             coalesce(p_error, 'HTTP ' || p_status_code)),
           updated_at = t_now, version = version + 1
     WHERE org_id = d.org_id AND id = d.endpoint_id AND status = 'active';
    RETURN 'disabled';
  END IF;
  RETURN 'retry';
END
$$;
