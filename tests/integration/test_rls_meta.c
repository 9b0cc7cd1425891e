/**
 * @file test_rls_meta.c
 * @brief Row-level security from the catalog, for every tenant table at
 *        once: connected as the admin role (MIGRATE_DATABASE_URL), every
 *        table of the public schema with an org_id column has RLS enabled
 *        and forced (so not even its owner reads past it), at least one
 *        policy, and is not owned by the service role rapport_app (an
 *        owner could turn RLS off).  test_store_rls.c shows the wall
 *        working for accounts; this one keeps a new table from joining
 *        without it.
 */
#include <criterion/criterion.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row per table of the public schema that has an org_id column. */
#define TENANT_TABLES \
  "SELECT c.relname AS name, c.relrowsecurity AS enabled," \
  "       c.relforcerowsecurity AS forced," \
  "       pg_get_userbyid(c.relowner) AS owner," \
  "       (SELECT count(*) FROM pg_policies p" \
  "         WHERE p.schemaname = 'public' AND p.tablename = c.relname)" \
  "         AS policies" \
  "  FROM pg_class c" \
  "  JOIN pg_namespace n ON n.oid = c.relnamespace" \
  "  JOIN pg_attribute a ON a.attrelid = c.oid" \
  " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')" \
  "   AND a.attname = 'org_id' AND a.attnum > 0 AND NOT a.attisdropped" \
  " ORDER BY c.relname"

static PGconn *pg;

static void
setup (void)
{
  const char *url = getenv ("MIGRATE_DATABASE_URL");

  cr_assert_not_null (url, "MIGRATE_DATABASE_URL (the admin role) is not "
                           "set: run the tests through scripts/test");
  pg = PQconnectdb (url);
  cr_assert_eq (CONNECTION_OK, PQstatus (pg), "%s", PQerrorMessage (pg));
}

static void
teardown (void)
{
  PQfinish (pg);
}

TestSuite (rls_meta, .init = setup, .fini = teardown);

/** Column @a name of row @a row. */
static const char *
col (const PGresult *r, int row, const char *name)
{
  int c = PQfnumber (r, name);

  cr_assert (c >= 0, "no column %s", name);
  return PQgetvalue (r, row, c);
}

Test (
  rls_meta,
  every_tenant_table_is_enabled_forced_has_a_policy_and_is_not_the_services)
{
  PGresult *r = PQexec (pg, TENANT_TABLES);
  char failures[4096] = "";
  size_t off = 0;
  int bad = 0;

  cr_assert_eq (PGRES_TUPLES_OK, PQresultStatus (r), "%s",
                PQresultErrorMessage (r));
  cr_assert (PQntuples (r) >= 8,
             "only %d tables with org_id: is the database migrated?",
             PQntuples (r));
  for (int i = 0; i < PQntuples (r); i++)
  {
    const char *name = col (r, i, "name");
    bool enabled = 0 == strcmp ("t", col (r, i, "enabled"));
    bool forced = 0 == strcmp ("t", col (r, i, "forced"));
    bool owned = 0 == strcmp ("rapport_app", col (r, i, "owner"));
    long policies = atol (col (r, i, "policies"));

    cr_log_info ("%s: rls %s, %s, %ld policies, owner %s", name,
                 enabled ? "enabled" : "DISABLED",
                 forced ? "forced" : "NOT FORCED", policies,
                 col (r, i, "owner"));
    if (enabled && forced && policies > 0 && ! owned)
      continue;
    bad++;
    off += (size_t) snprintf (
      failures + off, sizeof (failures) - off, "\n  %s:%s%s%s%s", name,
      enabled ? "" : " row-level security is not enabled",
      forced ? "" : " row-level security is not forced",
      policies > 0 ? "" : " no policy", owned ? " owned by rapport_app" : "");
    if (off >= sizeof (failures))
      off = sizeof (failures) - 1;
  }
  PQclear (r);
  cr_assert_eq (0, bad, "%d tenant table(s) without the wall:%s", bad,
                failures);
}
