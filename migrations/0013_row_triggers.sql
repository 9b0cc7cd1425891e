-- Rapport schema, part 13: events and queued assessments from row
-- triggers.
--
-- Until now each resource table had three statement triggers whose
-- transition tables (new_rows, old_rows) turned a statement's rows into
-- events and queued accounts.  Citus runs a distributed table's triggers
-- on its shards, where no transition table exists ("executor could not
-- find named tuplestore"), so every write failed there.  One row trigger
-- per table does the same work row by row: the same events (type,
-- resource, ids, data), the same queued accounts (both accounts of a row
-- moved from one to another; never an account the statement deleted).
-- They send no notice: under Citus it would come from a worker, where
-- nobody listens and where it keeps a two-phase commit from preparing;
-- the service wakes the refresher and the delivery threads itself, with a
-- statement of every write transaction (tx.wake).  The new webhook
-- deliveries of an event are queued by a row trigger too, as the
-- service's own role (no SECURITY DEFINER: Citus refuses a transaction
-- that reaches the same shards as two users), under the tenant policy,
-- which now lets that role insert deliveries of its own organization.

DROP TRIGGER accounts_insert_events ON accounts;
DROP TRIGGER accounts_update_events ON accounts;
DROP TRIGGER accounts_delete_events ON accounts;
CREATE OR REPLACE FUNCTION rapport_accounts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'account.created', 'account', NEW.id, NEW.id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'account.updated', 'account', NEW.id, NEW.id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    IF OLD.id IS DISTINCT FROM NEW.id THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT OLD.org_id, OLD.id, 0
       WHERE EXISTS (SELECT 1 FROM accounts a
                      WHERE a.org_id = OLD.org_id AND a.id = OLD.id)
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = 0, seq = EXCLUDED.seq,
            queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    END IF;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'account.deleted', 'account', OLD.id, OLD.id, '{}'::jsonb);
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT OLD.org_id, OLD.id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = OLD.org_id AND a.id = OLD.id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER accounts_events AFTER INSERT OR UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION rapport_accounts_changed();

DROP TRIGGER sellers_insert_events ON sellers;
DROP TRIGGER sellers_update_events ON sellers;
DROP TRIGGER sellers_delete_events ON sellers;
CREATE OR REPLACE FUNCTION rapport_sellers_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'seller.created', 'seller', NEW.id, NULL::uuid, jsonb_build_object('version', NEW.version));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'seller.updated', 'seller', NEW.id, NULL::uuid, jsonb_build_object('version', NEW.version));
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'seller.deleted', 'seller', OLD.id, NULL::uuid, '{}'::jsonb);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sellers_events AFTER INSERT OR UPDATE OR DELETE ON sellers
  FOR EACH ROW EXECUTE FUNCTION rapport_sellers_changed();

DROP TRIGGER contacts_insert_events ON contacts;
DROP TRIGGER contacts_update_events ON contacts;
DROP TRIGGER contacts_delete_events ON contacts;
CREATE OR REPLACE FUNCTION rapport_contacts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'contact.created', 'contact', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'contact.updated', 'contact', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    IF OLD.account_id IS DISTINCT FROM NEW.account_id THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT OLD.org_id, OLD.account_id, 0
       WHERE EXISTS (SELECT 1 FROM accounts a
                      WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = 0, seq = EXCLUDED.seq,
            queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    END IF;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'contact.deleted', 'contact', OLD.id, OLD.account_id, '{}'::jsonb);
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT OLD.org_id, OLD.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER contacts_events AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION rapport_contacts_changed();

DROP TRIGGER calls_insert_events ON calls;
DROP TRIGGER calls_update_events ON calls;
DROP TRIGGER calls_delete_events ON calls;
CREATE OR REPLACE FUNCTION rapport_calls_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'call.created', 'call', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'call.updated', 'call', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    IF OLD.account_id IS DISTINCT FROM NEW.account_id THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT OLD.org_id, OLD.account_id, 0
       WHERE EXISTS (SELECT 1 FROM accounts a
                      WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = 0, seq = EXCLUDED.seq,
            queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    END IF;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'call.deleted', 'call', OLD.id, OLD.account_id, '{}'::jsonb);
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT OLD.org_id, OLD.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER calls_events AFTER INSERT OR UPDATE OR DELETE ON calls
  FOR EACH ROW EXECUTE FUNCTION rapport_calls_changed();

DROP TRIGGER report_cards_insert_events ON report_cards;
DROP TRIGGER report_cards_update_events ON report_cards;
DROP TRIGGER report_cards_delete_events ON report_cards;
CREATE OR REPLACE FUNCTION rapport_report_cards_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'report_card.created', 'report_card', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'report_card.updated', 'report_card', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    IF OLD.account_id IS DISTINCT FROM NEW.account_id THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT OLD.org_id, OLD.account_id, 0
       WHERE EXISTS (SELECT 1 FROM accounts a
                      WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = 0, seq = EXCLUDED.seq,
            queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    END IF;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'report_card.deleted', 'report_card', OLD.id, OLD.account_id, '{}'::jsonb);
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT OLD.org_id, OLD.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER report_cards_events AFTER INSERT OR UPDATE OR DELETE ON report_cards
  FOR EACH ROW EXECUTE FUNCTION rapport_report_cards_changed();

DROP TRIGGER commitments_insert_events ON commitments;
DROP TRIGGER commitments_update_events ON commitments;
DROP TRIGGER commitments_delete_events ON commitments;
CREATE OR REPLACE FUNCTION rapport_commitments_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'commitment.created', 'commitment', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'commitment.updated', 'commitment', NEW.id, NEW.account_id, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT NEW.org_id, NEW.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = NEW.org_id AND a.id = NEW.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    IF OLD.account_id IS DISTINCT FROM NEW.account_id THEN
      INSERT INTO assessment_queue AS q (org_id, account_id, priority)
      SELECT OLD.org_id, OLD.account_id, 0
       WHERE EXISTS (SELECT 1 FROM accounts a
                      WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
      ON CONFLICT (org_id, account_id) DO UPDATE
        SET priority = 0, seq = EXCLUDED.seq,
            queued_at = EXCLUDED.queued_at, claimed_until = NULL;
    END IF;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'commitment.deleted', 'commitment', OLD.id, OLD.account_id, '{}'::jsonb);
    INSERT INTO assessment_queue AS q (org_id, account_id, priority)
    SELECT OLD.org_id, OLD.account_id, 0
     WHERE EXISTS (SELECT 1 FROM accounts a
                    WHERE a.org_id = OLD.org_id AND a.id = OLD.account_id)
    ON CONFLICT (org_id, account_id) DO UPDATE
      SET priority = 0, seq = EXCLUDED.seq,
          queued_at = EXCLUDED.queued_at, claimed_until = NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER commitments_events AFTER INSERT OR UPDATE OR DELETE ON commitments
  FOR EACH ROW EXECUTE FUNCTION rapport_commitments_changed();

DROP TRIGGER account_values_insert_events ON account_values;
DROP TRIGGER account_values_update_events ON account_values;
DROP TRIGGER account_values_delete_events ON account_values;
CREATE OR REPLACE FUNCTION rapport_account_values_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'account_values.created', 'account_values', NEW.account_id, NEW.account_id, jsonb_build_object('version', NEW.version));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'account_values.updated', 'account_values', NEW.account_id, NEW.account_id, jsonb_build_object('version', NEW.version));
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'account_values.deleted', 'account_values', OLD.account_id, OLD.account_id, '{}'::jsonb);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER account_values_events AFTER INSERT OR UPDATE OR DELETE ON account_values
  FOR EACH ROW EXECUTE FUNCTION rapport_account_values_changed();

DROP TRIGGER organization_values_insert_events ON organization_values;
DROP TRIGGER organization_values_update_events ON organization_values;
DROP TRIGGER organization_values_delete_events ON organization_values;
CREATE OR REPLACE FUNCTION rapport_organization_values_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'organization_values.created', 'organization_values', NULL::uuid, NULL::uuid, jsonb_build_object('version', NEW.version));
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'organization_values.updated', 'organization_values', NULL::uuid, NULL::uuid, jsonb_build_object('version', NEW.version));
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'organization_values.deleted', 'organization_values', NULL::uuid, NULL::uuid, '{}'::jsonb);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER organization_values_events AFTER INSERT OR UPDATE OR DELETE ON organization_values
  FOR EACH ROW EXECUTE FUNCTION rapport_organization_values_changed();

DROP TRIGGER organization_scoring_weights_insert_events ON organization_scoring_weights;
DROP TRIGGER organization_scoring_weights_update_events ON organization_scoring_weights;
DROP TRIGGER organization_scoring_weights_delete_events ON organization_scoring_weights;
CREATE OR REPLACE FUNCTION rapport_organization_scoring_weights_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'scoring_weights.created', 'scoring_weights', NULL::uuid, NULL::uuid, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_org_queue AS q (org_id)
    VALUES (NEW.org_id)
    ON CONFLICT (org_id) DO UPDATE
      SET seq = EXCLUDED.seq, queued_at = EXCLUDED.queued_at;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (NEW.org_id, 'scoring_weights.updated', 'scoring_weights', NULL::uuid, NULL::uuid, jsonb_build_object('version', NEW.version));
    INSERT INTO assessment_org_queue AS q (org_id)
    VALUES (NEW.org_id)
    ON CONFLICT (org_id) DO UPDATE
      SET seq = EXCLUDED.seq, queued_at = EXCLUDED.queued_at;
  ELSE
    INSERT INTO events (org_id, type, resource, resource_id, account_id,
                        data)
    VALUES (OLD.org_id, 'scoring_weights.deleted', 'scoring_weights', NULL::uuid, NULL::uuid, '{}'::jsonb);
    INSERT INTO assessment_org_queue AS q (org_id)
    VALUES (OLD.org_id)
    ON CONFLICT (org_id) DO UPDATE
      SET seq = EXCLUDED.seq, queued_at = EXCLUDED.queued_at;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER organization_scoring_weights_events AFTER INSERT OR UPDATE OR DELETE ON organization_scoring_weights
  FOR EACH ROW EXECUTE FUNCTION rapport_organization_scoring_weights_changed();

-- An event as the API shows it, from its columns: a whole-row argument
-- (rapport_event_json(e events)) becomes the shard's row type on a Citus
-- worker, where no such function exists.
CREATE FUNCTION rapport_event_body(p_id uuid, p_type text,
                                   p_occurred_at timestamptz, p_resource text,
                                   p_resource_id uuid, p_account_id uuid,
                                   p_data jsonb)
  RETURNS json LANGUAGE sql IMMUTABLE AS $$
  SELECT json_build_object(
    'id', p_id, 'type', p_type,
    'occurred_at', rapport_rfc3339(p_occurred_at),
    'resource', p_resource, 'resource_id', p_resource_id,
    'account_id', p_account_id, 'data', p_data)
$$;

CREATE OR REPLACE FUNCTION rapport_event_json(e events) RETURNS json
  LANGUAGE sql STABLE AS $$
  SELECT rapport_event_body(e.id, e.type, e.occurred_at, e.resource,
                            e.resource_id, e.account_id, e.data)
$$;

-- An event's webhook deliveries: one for every active endpoint of its
-- organization that wants its type.
DROP TRIGGER events_webhooks ON events;
CREATE OR REPLACE FUNCTION rapport_webhook_enqueue() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (org_id, endpoint_id, event_xid, event_seq,
                                  event_id, event_type, account_id, payload)
  SELECT NEW.org_id, w.id, NEW.xid, NEW.seq, NEW.id, NEW.type, NEW.account_id,
         rapport_event_body(NEW.id, NEW.type, NEW.occurred_at, NEW.resource,
                            NEW.resource_id, NEW.account_id, NEW.data)::text
    FROM webhook_endpoints w
   WHERE w.org_id = NEW.org_id AND w.status = 'active'
     AND (NEW.type = ANY (w.event_types) OR '*' = ANY (w.event_types));
  RETURN NULL;
END
$$;
ALTER FUNCTION rapport_webhook_enqueue() OWNER TO CURRENT_USER;
CREATE TRIGGER events_webhooks AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION rapport_webhook_enqueue();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT INSERT ON webhook_deliveries TO rapport_app;
  END IF;
END
$$;
