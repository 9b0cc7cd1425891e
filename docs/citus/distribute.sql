-- Distributes Rapport's schema on Citus (docs/scaling.md): run once, as
-- the superuser, on the coordinator of a cluster whose workers are added,
-- after `rapport migrate` and before the service takes traffic.
--
--   psql -v ON_ERROR_STOP=1 "$MIGRATE_DATABASE_URL" -f docs/citus/distribute.sql
--
-- Every tenant table (every table with an org_id column) is distributed
-- by org_id, colocated with organizations (distributed by id), so each
-- organization's rows of every table live on one shard group and every
-- statement the service prepares filters by org_id (tests/lint/citus.py
-- checks it): reads, updates and deletes route to one worker; an insert
-- of a JSON body (INSERT ... SELECT from jsonb_to_record) Citus plans by
-- pulling the row to the coordinator and sending it on to its shard.  The tables read without an
-- organization are reference tables: api_key_lookup (a key's hash to its
-- organization) and service_secrets.  schema_migrations stays a local
-- table of the coordinator, where `rapport migrate` runs.
--
-- Foreign keys between tables that are not yet distributed stand in the
-- way of distributing them one by one, so they are set aside first and
-- put back once every table is distributed (they all include org_id, or
-- are organizations' own id, so Citus can enforce them within a shard
-- group).  tests/integration/test_citus_schema.c checks that this file
-- names every tenant table.

SET citus.shard_replication_factor = 1;

-- The background functions (claims, sweeps) are SECURITY DEFINER functions
-- of rapport_worker, and Citus reaches the workers as the role that runs
-- the query: it must be able to log in there (give it a password or an
-- entry in pg_dist_authinfo as your nodes' authentication requires).
ALTER ROLE rapport_worker LOGIN;

-- The triggers (docs/scaling.md lists them) touch rows of their own
-- organization only, on the shard group they fire on.
ALTER DATABASE rapport SET citus.enable_unsafe_triggers = on;
SET citus.enable_unsafe_triggers = on;
-- SET LOCAL app.org_id (every transaction's organization, which row-level
-- security reads) goes to the workers too.
ALTER DATABASE rapport SET citus.propagate_set_commands = 'local';

CREATE TEMP TABLE rapport_fks AS
SELECT conrelid::regclass AS tbl, conname AS name,
       pg_get_constraintdef(oid) AS def
  FROM pg_constraint
 WHERE contype = 'f' AND connamespace = 'public'::regnamespace;

DO $$
DECLARE f record;
BEGIN
  FOR f IN SELECT * FROM rapport_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', f.tbl, f.name);
  END LOOP;
END
$$;

SELECT create_reference_table('api_key_lookup');
SELECT create_reference_table('service_secrets');
SELECT create_distributed_table('organizations', 'id');

SELECT create_distributed_table('sellers', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('accounts', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('contacts', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('calls', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('report_cards', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('commitments', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('account_values', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('organization_values', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('organization_scoring_weights', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('account_assessments', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('assessment_queue', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('assessment_org_queue', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('events', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('api_keys', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('idempotency_keys', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('webhook_endpoints', 'org_id', colocate_with => 'organizations');
SELECT create_distributed_table('webhook_deliveries', 'org_id', colocate_with => 'organizations');

DO $$
DECLARE f record;
BEGIN
  FOR f IN SELECT * FROM rapport_fks LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', f.tbl, f.name,
                   f.def);
  END LOOP;
END
$$;

