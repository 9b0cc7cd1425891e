-- A row changed without the service's own UPDATE (a reference nulled by
-- ON DELETE SET NULL when its seller or contact was deleted) still gets a
-- new version (its ETag) and updated_at (what syncing integrations read).
-- The service's own updates bump the version themselves and pass through.
CREATE FUNCTION rapport_touch() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
    NEW.updated_at := clock_timestamp();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION rapport_touch();
CREATE TRIGGER calls_touch BEFORE UPDATE ON calls
  FOR EACH ROW EXECUTE FUNCTION rapport_touch();
CREATE TRIGGER report_cards_touch BEFORE UPDATE ON report_cards
  FOR EACH ROW EXECUTE FUNCTION rapport_touch();
CREATE TRIGGER commitments_touch BEFORE UPDATE ON commitments
  FOR EACH ROW EXECUTE FUNCTION rapport_touch();

-- A replayed create answers with the ETag of the first response too.
ALTER TABLE idempotency_keys ADD COLUMN etag text;
