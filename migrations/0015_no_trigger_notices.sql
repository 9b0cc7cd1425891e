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
--  * the BEFORE DELETE triggers of part 12 date their updates with now().

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
           WHEN transcript @> jsonb_build_array(
                                jsonb_build_object('contact_id', OLD.id))
           THEN rapport_transcript_without(transcript, OLD.id)
           ELSE transcript END,
         version = version + 1, updated_at = now()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND (contact_ids @> ARRAY[OLD.id]
          OR transcript @> jsonb_build_array(
                             jsonb_build_object('contact_id', OLD.id)));
  RETURN OLD;
END
$$;
