-- api_keys is FORCEd like every tenant table, so not even its owner reads
-- another organization's keys by mistake.  Authentication must find a key
-- before its organization is known; it runs as rapport_auth, a role nobody
-- logs in as and nobody is a member of, which owns rapport_authenticate()
-- (SECURITY DEFINER) and may read only the columns authentication needs.
-- A policy of its own lets that role, and only it, see every key.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_auth') THEN
    CREATE ROLE rapport_auth NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO rapport_auth;
GRANT SELECT (id, org_id, scope, key_hash, revoked_at) ON api_keys
  TO rapport_auth;

CREATE POLICY authenticate ON api_keys FOR SELECT TO rapport_auth
  USING (true);
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;

ALTER FUNCTION rapport_authenticate(bytea) OWNER TO rapport_auth;
