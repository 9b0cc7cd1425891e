-- Rapport schema, part 9: a call can carry its transcript (issue 13), the
-- speaker-labelled turns [{speaker, contact_id?, role, text}] as the
-- client wrote them (the API validates each turn, at most 1,000 of them
-- and 100,000 characters of text in all, and that every contact_id is a
-- contact of the call's account).  NULL: the call has no transcript.
--
-- Nothing else needs to learn of the column: the statement triggers of
-- part 7 queue the account's assessment and write call.updated for every
-- UPDATE of calls, whatever the columns, so a PATCH of only the
-- transcript re-assesses the account just as a PATCH of only the notes.

ALTER TABLE calls ADD COLUMN transcript jsonb;

-- The assessments flatten it with jsonb_array_elements, which fails on
-- anything but an array.  NOT VALID spares a scan of every call under
-- ALTER TABLE's lock, which could find nothing: every existing row is
-- NULL, and every row written from now on is checked.
ALTER TABLE calls ADD CONSTRAINT calls_transcript_check
  CHECK (jsonb_typeof(transcript) = 'array'
         AND jsonb_array_length(transcript) <= 1000) NOT VALID;

-- Turns of @transcript spoken by @contact, with their contact_id set to
-- null; the other turns, their order and everything else unchanged.
CREATE FUNCTION rapport_transcript_without(transcript jsonb, contact uuid)
  RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(
           CASE WHEN e.turn->>'contact_id' = contact::text
                THEN jsonb_set(e.turn, '{contact_id}', 'null')
                ELSE e.turn END ORDER BY e.ord), '[]')
    FROM jsonb_array_elements(transcript) WITH ORDINALITY AS e(turn, ord)
$$;

-- A deleted contact leaves the calls it took part in (part 2), and the
-- turns it spoke keep their speaker, role and text with contact_id null,
-- as a report card that named it does: the history stays, and the call
-- stays valid for its next PATCH.  The API writes contact ids in turns
-- in lower case, as PostgreSQL writes a uuid, so containment finds them.
-- When the whole account goes, its calls go too and there is nothing to
-- update.
CREATE OR REPLACE FUNCTION rapport_contact_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
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
