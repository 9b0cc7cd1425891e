-- Rapport schema, part 7: the current assessment of every account, kept
-- by a durable queue, and the event feed.  docs/assessments.md tells the
-- whole story; in short:
--
--  * account_assessments holds each account's current risk, pillar status
--    and orientation (what GET /v1/assessments ranks and filters).  The
--    service computes it; nothing here scores.
--  * Every write that can change an account's assessment queues the
--    account in assessment_queue in the write's own transaction (a
--    statement trigger), and notifies the service's refresher, which
--    recomputes it within a second.  A crash loses nothing: the queue row
--    commits with the write and stays until a recomputation that saw the
--    write is committed.
--  * A change of an organization's weights queues the organization in
--    assessment_org_queue; the refresher then queues its accounts.
--  * rapport_assess_sweep() queues what the calendar or a new model made
--    stale: accounts never assessed, assessed with another model version,
--    or last assessed more than a day ago.
--  * events records every create, update and delete of every resource,
--    and every change of an account's risk level or pillar status.
--
-- The queue crosses organizations, so the refresher claims work through
-- SECURITY DEFINER functions owned by rapport_worker, a role nobody logs
-- in as, whose own policies let it see every organization's queue rows
-- and accounts (as rapport_auth does for API keys).  The assessment
-- itself is computed and stored in the account's organization's
-- transaction, under the tenant policy like any request.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_worker') THEN
    CREATE ROLE rapport_worker NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO rapport_worker;

CREATE TABLE account_assessments (
  org_id               uuid NOT NULL,
  account_id           uuid NOT NULL,
  risk_score           double precision NOT NULL,
  risk_level           text NOT NULL,
  -- The same account scored with the same model as of 30 days before as_of.
  risk_score_30d       double precision NOT NULL,
  -- The largest drivers, largest first: [{"driver": …, "points": …}].
  top_drivers          jsonb NOT NULL,
  pillar_status        text NOT NULL,
  primary_orientation  text,
  model_version        text NOT NULL,
  weights_version      integer NOT NULL,  -- 0: the model's own weights
  as_of                timestamptz NOT NULL,  -- the instant it describes
  computed_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- How many times it was computed and stored (for operators and tests:
  -- a queued account is stored once per time it was queued).
  computations         bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, account_id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE
);
-- The portfolio's keyset: (risk_score, account_id), either direction.
CREATE INDEX account_assessments_rank
  ON account_assessments (org_id, risk_score, account_id);

CREATE SEQUENCE assessment_queue_seq;

-- Accounts whose stored assessment may be out of date.  No foreign key:
-- a write may queue an account its own statement is deleting; the
-- refresher drops rows of accounts that are gone.
CREATE TABLE assessment_queue (
  org_id         uuid NOT NULL,
  account_id     uuid NOT NULL,
  -- 0: a write to the account; 1: its organization's weights changed;
  -- 2: the calendar or the model (rapport_assess_sweep).
  priority       smallint NOT NULL,
  -- Bumped by every new reason; the refresher deletes the row only if the
  -- sequence is still the one it claimed.
  seq            bigint NOT NULL DEFAULT nextval('assessment_queue_seq'),
  queued_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- A refresher's lease; another may take the row once it has passed.
  claimed_until  timestamptz,
  PRIMARY KEY (org_id, account_id)
);
CREATE INDEX assessment_queue_next ON assessment_queue (priority, seq);

CREATE TABLE assessment_org_queue (
  org_id     uuid PRIMARY KEY,
  seq        bigint NOT NULL DEFAULT nextval('assessment_queue_seq'),
  queued_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The event feed.  A reader sees an event only once every transaction
-- that could still commit an earlier one has ended (xid below the
-- snapshot's xmin), and reads in (xid, seq) order: what it has seen is
-- then a prefix that never grows in the middle, so a cursor is exact.
--
-- No foreign key to organizations: deleting one deletes its rows, whose
-- triggers write events of the organization going away.  Those events go
-- with the retention like any other.
CREATE TABLE events (
  org_id       uuid NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  type         text NOT NULL,
  resource     text NOT NULL,
  resource_id  uuid,
  account_id   uuid,
  occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  data         jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, xid, seq)
);
CREATE INDEX events_age ON events (occurred_at);

-- An instant as the API writes it: RFC 3339 in UTC, microseconds.
CREATE FUNCTION rapport_rfc3339(t timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- An event as the API shows it, in the feed and in webhook deliveries.
CREATE FUNCTION rapport_event_json(e events) RETURNS json
  LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', e.id, 'type', e.type,
    'occurred_at', rapport_rfc3339(e.occurred_at),
    'resource', e.resource, 'resource_id', e.resource_id,
    'account_id', e.account_id, 'data', e.data)
$$;

-- A statement's rows, as events and as queued accounts: for each table a
-- trigger function of its own, written out here with its table's names,
-- so that PL/pgSQL prepares its statements once (a generic function with
-- EXECUTE costs a parse and a plan per statement, about three times the
-- trigger's whole cost) and three statement triggers (a trigger with
-- transition tables serves one operation).  For each table:
--   kind         the resource as events name it (call, report_card, ...)
--   id_col       its id column, or '' (the organization's singletons)
--   account_col  the column naming its account, or '' (sellers, ...)
--   reach        'assess' if the account's assessment reads the table,
--                'org' if a change re-assesses the whole organization
DO $$
DECLARE
  t record;
  op text;
  fn text;
  body text;
  ids text;
  queue text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('accounts', 'account', 'id', 'id', 'assess'),
      ('sellers', 'seller', 'id', '', ''),
      ('contacts', 'contact', 'id', 'account_id', 'assess'),
      ('calls', 'call', 'id', 'account_id', 'assess'),
      ('report_cards', 'report_card', 'id', 'account_id', 'assess'),
      ('commitments', 'commitment', 'id', 'account_id', 'assess'),
      ('account_values', 'account_values', 'account_id', 'account_id', ''),
      ('organization_values', 'organization_values', '', '', ''),
      ('organization_scoring_weights', 'scoring_weights', '', '', 'org'))
    AS v (tab, kind, id_col, account_col, reach)
  LOOP
    fn := 'rapport_' || t.tab || '_changed';
    ids := format('%s, %s',
                  CASE t.id_col WHEN '' THEN 'NULL::uuid'
                                ELSE quote_ident(t.id_col) END,
                  CASE t.account_col WHEN '' THEN 'NULL::uuid'
                                     ELSE quote_ident(t.account_col) END);
    body := '';
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      body := body || format(
        '%s TG_OP = %L THEN'
        '  INSERT INTO events (org_id, type, resource, resource_id,'
        '                      account_id, data)'
        '  SELECT org_id, %L, %L, %s, %s FROM %s;',
        CASE op WHEN 'INSERT' THEN 'IF' ELSE 'ELSIF' END, op,
        t.kind || CASE op WHEN 'INSERT' THEN '.created'
                          WHEN 'UPDATE' THEN '.updated' ELSE '.deleted' END,
        t.kind, ids,
        CASE op WHEN 'DELETE' THEN '''{}''::jsonb'
                ELSE 'jsonb_build_object(''version'', version)' END,
        CASE op WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END);
      IF t.reach = 'assess' THEN
        -- Both accounts of a row moved from one to another; never an
        -- account this statement deleted.
        body := body || format(
          '  INSERT INTO assessment_queue AS q (org_id, account_id, priority)'
          '  SELECT r.org_id, r.account_id, 0 FROM (%s) r'
          '   WHERE EXISTS (SELECT 1 FROM accounts a'
          '                  WHERE a.org_id = r.org_id AND a.id = r.account_id)'
          '  ON CONFLICT (org_id, account_id) DO UPDATE'
          '    SET priority = 0, seq = EXCLUDED.seq,'
          '        queued_at = EXCLUDED.queued_at, claimed_until = NULL;',
          CASE op
            WHEN 'UPDATE' THEN format(
              'SELECT org_id, %1$I AS account_id FROM new_rows'
              ' UNION SELECT org_id, %1$I FROM old_rows', t.account_col)
            ELSE format('SELECT DISTINCT org_id, %I AS account_id FROM %s',
                        t.account_col,
                        CASE op WHEN 'DELETE' THEN 'old_rows'
                                ELSE 'new_rows' END) END);
      ELSIF t.reach = 'org' THEN
        body := body || format(
          '  INSERT INTO assessment_org_queue AS q (org_id)'
          '  SELECT DISTINCT org_id FROM %s'
          '  ON CONFLICT (org_id) DO UPDATE'
          '    SET seq = EXCLUDED.seq, queued_at = EXCLUDED.queued_at;',
          CASE op WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END);
      END IF;
    END LOOP;
    body := body || ' END IF;';
    IF t.reach <> '' THEN
      body := body || ' PERFORM pg_notify(''rapport_assess'', '''');';
    END IF;
    -- A line a clause, for whoever reads it with \sf.
    body := replace(regexp_replace(body, '  +', E'\n  ', 'g'), ';ELSIF',
                    E';\nELSIF');
    EXECUTE format(E'CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql'
                   ' AS $f$\nBEGIN\n%s\nRETURN NULL;\nEND\n$f$', fn, body);
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s'
        ' FOR EACH STATEMENT EXECUTE FUNCTION %I()',
        t.tab || '_' || lower(op) || '_events', op, t.tab,
        CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                WHEN 'UPDATE' THEN 'NEW TABLE AS new_rows OLD TABLE AS old_rows'
                ELSE 'OLD TABLE AS old_rows' END,
        fn);
    END LOOP;
  END LOOP;
END
$$;

-- A stored assessment whose risk level or pillar status differs from the
-- one it replaces (or is the account's first) is an event.
CREATE FUNCTION rapport_assessment_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.risk_level <> OLD.risk_level THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id, data)
    VALUES (NEW.org_id, 'account.risk_level_changed', 'account',
            NEW.account_id, NEW.account_id,
            jsonb_build_object(
              'previous', CASE TG_OP WHEN 'UPDATE' THEN OLD.risk_level END,
              'current', NEW.risk_level, 'risk_score', NEW.risk_score,
              'top_drivers', NEW.top_drivers,
              'model_version', NEW.model_version,
              'as_of', rapport_rfc3339(NEW.as_of)));
  END IF;
  IF TG_OP = 'INSERT' OR NEW.pillar_status <> OLD.pillar_status THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id, data)
    VALUES (NEW.org_id, 'account.pillar_status_changed', 'account',
            NEW.account_id, NEW.account_id,
            jsonb_build_object(
              'previous', CASE TG_OP WHEN 'UPDATE' THEN OLD.pillar_status END,
              'current', NEW.pillar_status,
              'model_version', NEW.model_version,
              'as_of', rapport_rfc3339(NEW.as_of)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER account_assessments_changed
  AFTER INSERT OR UPDATE ON account_assessments
  FOR EACH ROW EXECUTE FUNCTION rapport_assessment_changed();

-- Claims up to p_limit queued accounts for p_lease_ms, writes first;
-- rows another refresher holds are skipped, not waited for.
CREATE FUNCTION rapport_assess_claim(p_limit integer, p_lease_ms integer)
  RETURNS TABLE (org_id uuid, account_id uuid, seq bigint, priority smallint)
  LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  WITH c AS (
    SELECT q.org_id, q.account_id FROM assessment_queue q
     WHERE q.claimed_until IS NULL OR q.claimed_until < clock_timestamp()
     ORDER BY q.priority, q.seq
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED)
  UPDATE assessment_queue q
     SET claimed_until = clock_timestamp()
                         + p_lease_ms * interval '1 millisecond'
    FROM c
   WHERE q.org_id = c.org_id AND q.account_id = c.account_id
  RETURNING q.org_id, q.account_id, q.seq, q.priority
$$;

-- Turns one queued organization into its queued accounts.
CREATE FUNCTION rapport_assess_expand() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  o uuid;
  n integer;
BEGIN
  DELETE FROM assessment_org_queue
   WHERE org_id = (SELECT q.org_id FROM assessment_org_queue q
                    ORDER BY q.seq LIMIT 1 FOR UPDATE SKIP LOCKED)
  RETURNING org_id INTO o;
  IF o IS NULL THEN
    RETURN 0;
  END IF;
  INSERT INTO assessment_queue AS q (org_id, account_id, priority)
  SELECT a.org_id, a.id, 1 FROM accounts a WHERE a.org_id = o
  ON CONFLICT (org_id, account_id) DO UPDATE
    SET priority = least(q.priority, 1), seq = EXCLUDED.seq,
        claimed_until = NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

-- Queues what time or a new model made stale; one sweeper at a time
-- (the others return at once).  Also ends events past their retention.
-- An account never assessed is one from before this migration, or one
-- whose creation queued it already: the sweep leaves new ones alone, or
-- it could queue an account again just after its first assessment was
-- stored (the sweep's snapshot not seeing it) and have it scored twice.
CREATE FUNCTION rapport_assess_sweep(p_model text, p_max_age interval,
                                     p_event_retention interval)
  RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rapport_assess_sweep')) THEN
    RETURN 0;
  END IF;
  DELETE FROM events WHERE occurred_at < clock_timestamp() - p_event_retention;
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
   WHERE (s.account_id IS NULL
          AND a.created_at < clock_timestamp() - interval '1 minute')
      OR s.model_version <> p_model
      OR s.as_of < clock_timestamp() - p_max_age
  ON CONFLICT (org_id, account_id) DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['account_assessments', 'assessment_queue',
                           'events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = rapport_current_org())'
                   ' WITH CHECK (org_id = rapport_current_org())', t);
    EXECUTE format('CREATE POLICY worker ON %I TO rapport_worker'
                   ' USING (true) WITH CHECK (true)', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['accounts', 'organization_scoring_weights'] LOOP
    EXECUTE format('CREATE POLICY worker ON %I FOR SELECT TO rapport_worker'
                   ' USING (true)', t);
  END LOOP;
END
$$;
-- Organizations are never queued by anyone but the triggers and the
-- refresher; the table needs no tenant.
ALTER TABLE assessment_org_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_org_queue FORCE ROW LEVEL SECURITY;
CREATE POLICY writer ON assessment_org_queue FOR INSERT
  WITH CHECK (org_id = rapport_current_org());
CREATE POLICY rewriter ON assessment_org_queue FOR UPDATE
  USING (org_id = rapport_current_org());
CREATE POLICY reader ON assessment_org_queue FOR SELECT
  USING (org_id = rapport_current_org());
CREATE POLICY worker ON assessment_org_queue TO rapport_worker
  USING (true) WITH CHECK (true);

GRANT SELECT ON accounts, account_assessments TO rapport_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_queue, assessment_org_queue,
  events TO rapport_worker;
GRANT USAGE ON SEQUENCE assessment_queue_seq TO rapport_worker;
ALTER FUNCTION rapport_assess_claim(integer, integer) OWNER TO rapport_worker;
ALTER FUNCTION rapport_assess_expand() OWNER TO rapport_worker;
ALTER FUNCTION rapport_assess_sweep(text, interval, interval)
  OWNER TO rapport_worker;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON account_assessments,
      assessment_queue TO rapport_app;
    GRANT SELECT, INSERT, UPDATE ON assessment_org_queue TO rapport_app;
    GRANT SELECT, INSERT ON events TO rapport_app;
    GRANT USAGE ON SEQUENCE assessment_queue_seq TO rapport_app;
    GRANT EXECUTE ON FUNCTION rapport_assess_claim(integer, integer),
      rapport_assess_expand(), rapport_assess_sweep(text, interval, interval)
      TO rapport_app;
  END IF;
END
$$;
