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
--
-- The triggers' writes use now(), the transaction's time: Citus refuses a
-- volatile function (clock_timestamp()) in an UPDATE's SET, and anything
-- but an immutable one in a CASE (so the contact's trigger computes the
-- turn it looks for once, in a variable).

-- 1. Deleting a seller or a contact keeps what names it, reference nulled.
CREATE FUNCTION rapport_seller_deleted() RETURNS trigger
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

-- A deleted contact leaves the calls it took part in (its turns keep their
-- speaker, role and text with contact_id null) and the report cards that
-- named it.  When the whole account goes, its calls and cards go too: only
-- the cards are let go of (their foreign key is checked at the end of the
-- statement, whatever order the cascade takes).
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

-- A revocation through the API tells every instance's key cache itself
-- (api_keys.changed): a trigger's notice would come from a worker under
-- Citus, where nobody listens and where it keeps a two-phase commit from
-- preparing.  A key revoked by hand in SQL is refused once the caches'
-- entries expire (RAPPORT_KEY_CACHE_TTL_MS, 1 s).
DROP TRIGGER api_keys_changed ON api_keys;
DROP FUNCTION rapport_api_keys_changed();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT SELECT, INSERT ON api_key_lookup TO rapport_app;
  END IF;
END
$$;

