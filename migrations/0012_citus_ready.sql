-- Rapport schema, part 12: a schema Citus can distribute by org_id
-- (docs/scaling.md), with the behaviour PostgreSQL had.
--
-- 1. Citus refuses ON DELETE SET NULL on a foreign key that includes the
--    distribution column.  The five that kept history readable when a
--    seller or a contact is deleted become plain foreign keys, and the
--    references are nulled by BEFORE DELETE triggers instead, which touch
--    rows of the deleted row's own organization only.
-- 2. A key's hash was unique alone, and authentication by hash touched
--    every shard.  api_key_lookup maps a hash to its organization (a
--    reference table under Citus); api_keys is unique per organization,
--    and rapport_authenticate(), a SQL function Citus cannot plan, goes.

-- 1. Deleting a seller or a contact keeps what names it, reference nulled.
CREATE FUNCTION rapport_seller_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts SET owner_id = NULL, version = version + 1,
                      updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND owner_id = OLD.id;
  UPDATE calls SET seller_id = NULL, version = version + 1,
                   updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  UPDATE report_cards SET seller_id = NULL, version = version + 1,
                          updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  UPDATE commitments SET seller_id = NULL, version = version + 1,
                         updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND seller_id = OLD.id;
  RETURN OLD;
END
$$;

-- A deleted contact leaves the calls it took part in (its turns keep their
-- speaker, role and text with contact_id null) and the report cards that
-- named it.  When the whole account goes, its calls and cards go too: only
-- the cards are let go of (their foreign key is checked at the end of the
-- statement, whatever order the cascade takes).
CREATE OR REPLACE FUNCTION rapport_contact_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_cards SET contact_id = NULL, version = version + 1,
                          updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND contact_id = OLD.id;
  IF NOT EXISTS (SELECT 1 FROM accounts
                  WHERE org_id = OLD.org_id AND id = OLD.account_id) THEN
    RETURN OLD;
  END IF;
  UPDATE calls
     SET contact_ids = array_remove(contact_ids, OLD.id),
         transcript = CASE
           WHEN transcript @> jsonb_build_array(
                                jsonb_build_object('contact_id', OLD.id))
           THEN rapport_transcript_without(transcript, OLD.id)
           ELSE transcript END,
         version = version + 1, updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND (contact_ids @> ARRAY[OLD.id]
          OR transcript @> jsonb_build_array(
                             jsonb_build_object('contact_id', OLD.id)));
  RETURN OLD;
END
$$;

DROP TRIGGER contacts_deleted ON contacts;
CREATE TRIGGER contacts_deleted BEFORE DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION rapport_contact_deleted();
CREATE TRIGGER sellers_deleted BEFORE DELETE ON sellers
  FOR EACH ROW EXECUTE FUNCTION rapport_seller_deleted();

ALTER TABLE accounts DROP CONSTRAINT accounts_owner_fk;
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk
  FOREIGN KEY (org_id, owner_id) REFERENCES sellers (org_id, id) NOT VALID;
ALTER TABLE calls DROP CONSTRAINT calls_org_id_seller_id_fkey;
ALTER TABLE calls ADD CONSTRAINT calls_org_id_seller_id_fkey
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id);
ALTER TABLE report_cards DROP CONSTRAINT report_cards_org_id_seller_id_fkey;
ALTER TABLE report_cards ADD CONSTRAINT report_cards_org_id_seller_id_fkey
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id);
ALTER TABLE report_cards
  DROP CONSTRAINT report_cards_org_id_account_id_contact_id_fkey;
ALTER TABLE report_cards
  ADD CONSTRAINT report_cards_org_id_account_id_contact_id_fkey
  FOREIGN KEY (org_id, account_id, contact_id)
  REFERENCES contacts (org_id, account_id, id);
ALTER TABLE commitments DROP CONSTRAINT commitments_org_id_seller_id_fkey;
ALTER TABLE commitments ADD CONSTRAINT commitments_org_id_seller_id_fkey
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id);

-- 2. Keys: found by hash in a table of their own, unique per organization.
CREATE TABLE api_key_lookup (
  key_hash      bytea PRIMARY KEY CHECK (length(key_hash) = 32),
  organization  uuid NOT NULL
);
INSERT INTO api_key_lookup (key_hash, organization)
SELECT key_hash, org_id FROM api_keys;

ALTER TABLE api_keys DROP CONSTRAINT api_keys_key_hash_key;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_org_id_key_hash_key
  UNIQUE (org_id, key_hash);

DROP FUNCTION rapport_authenticate(bytea);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT SELECT, INSERT ON api_key_lookup TO rapport_app;
  END IF;
END
$$;

-- 3. The background claims were SQL functions with parameters, which
--    Citus inlines and then cannot plan: the same statements, in PL/pgSQL.
CREATE OR REPLACE FUNCTION rapport_assess_claim(p_limit integer,
                                                p_lease_ms integer)
  RETURNS TABLE (org_id uuid, account_id uuid, seq bigint, priority smallint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  RETURN QUERY
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
  RETURNING q.org_id, q.account_id, q.seq, q.priority;
END
$$;

CREATE OR REPLACE FUNCTION rapport_webhook_claim(p_limit integer,
                                                 p_lease_ms integer)
  RETURNS TABLE (org_id uuid, id uuid, claim_token uuid, endpoint_id uuid,
                 url text, secret text, previous_secret text, payload text,
                 event_id uuid, event_type text, attempts integer,
                 failures integer)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  RETURN QUERY
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
            d.payload, d.event_id, d.event_type, d.attempts, d.failures;
END
$$;
