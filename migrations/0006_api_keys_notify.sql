-- Every instance caches the API keys it has verified (service/store/
-- key_cache.c).  Whatever revokes or deletes a key (the API, an
-- organization deleted with its keys, an operator's own SQL) tells them
-- all at commit, on the channel they LISTEN to, and each empties its
-- cache.  Creating a key needs no notice: no cache holds a key not made yet.
CREATE FUNCTION rapport_api_keys_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rapport_api_keys', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_changed
  AFTER UPDATE OR DELETE OR TRUNCATE ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_api_keys_changed();
