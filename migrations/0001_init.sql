-- Rapport schema, part 1: tenancy (organizations, API keys), accounts,
-- idempotency records and the service's shared secrets.
--
-- Every tenant table has org_id leading its primary key and in every
-- foreign key, so the schema can be sharded by tenant.  Row-level security
-- (FORCE, keyed on the transaction-local setting app.org_id) is a second
-- wall behind the application's own org_id checks.

-- The role the service connects as: not the owner of any table, so row
-- level security applies to it.  Creating it needs CREATEROLE; where the
-- migrating role lacks that, the operator creates it (docs/operations.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    BEGIN
      CREATE ROLE rapport_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'cannot create role rapport_app; create it yourself';
    END;
  END IF;
END
$$;

-- The organization of the current transaction, or NULL outside one.
CREATE FUNCTION rapport_current_org() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;

CREATE TABLE organizations (
  id          uuid PRIMARY KEY,
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE api_keys (
  org_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text CHECK (char_length(name) <= 200),
  scope       text NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
  prefix      text NOT NULL,
  key_hash    bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  revoked_at  timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX api_keys_page ON api_keys (org_id, created_at DESC, id DESC);

CREATE TABLE accounts (
  org_id          uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  external_id     text CHECK (char_length(external_id) BETWEEN 1 AND 255),
  industry        text CHECK (char_length(industry) <= 200),
  owner_id        uuid,
  stage           text CHECK (stage IN ('prospect', 'customer', 'former')),
  purchase_stage  text CHECK (purchase_stage IN
                    ('pre_purchase', 'purchase', 'post_purchase')),
  annual_value    numeric(20, 2) CHECK (annual_value >= 0),
  currency        char(3),
  renewal_date    date,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id)
);
CREATE INDEX accounts_page ON accounts (org_id, created_at DESC, id DESC);
CREATE INDEX accounts_owner ON accounts (org_id, owner_id, created_at DESC, id DESC);
CREATE INDEX accounts_updated ON accounts (org_id, updated_at);

-- The first response to a POST with an Idempotency-Key, for replays.
CREATE TABLE idempotency_keys (
  org_id        uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  key           text NOT NULL,
  request_hash  bytea NOT NULL,
  status        integer,
  location      text,
  body          text,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, key)
);

-- Secrets every instance shares (the cursor-signing key), made here so
-- several instances agree without configuration.
CREATE TABLE service_secrets (
  name    text PRIMARY KEY,
  secret  bytea NOT NULL
);
INSERT INTO service_secrets (name, secret)
VALUES ('cursor', decode(replace(gen_random_uuid()::text
                                 || gen_random_uuid()::text, '-', ''), 'hex'));

-- Tenant isolation.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organizations
  USING (id = rapport_current_org()) WITH CHECK (id = rapport_current_org());

-- api_keys is not FORCEd: its owner looks keys up by hash, before the
-- organization is known, through rapport_authenticate() only.
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON api_keys
  USING (org_id = rapport_current_org())
  WITH CHECK (org_id = rapport_current_org());

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON accounts
  USING (org_id = rapport_current_org())
  WITH CHECK (org_id = rapport_current_org());

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON idempotency_keys
  USING (org_id = rapport_current_org())
  WITH CHECK (org_id = rapport_current_org());

-- The one way to find a key without knowing its organization: by the
-- SHA-256 of the secret.  Runs as the owner, so api_keys' policy does not
-- hide the row; returns nothing for revoked keys.
CREATE FUNCTION rapport_authenticate(p_hash bytea)
  RETURNS TABLE (key_id uuid, org_id uuid, scope text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path FROM CURRENT
  AS $$
    SELECT k.id, k.org_id, k.scope FROM api_keys k
     WHERE k.key_hash = p_hash AND k.revoked_at IS NULL
  $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA public TO rapport_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, api_keys,
             accounts, idempotency_keys TO rapport_app';
    EXECUTE 'GRANT SELECT ON service_secrets TO rapport_app';
  END IF;
END
$$;
