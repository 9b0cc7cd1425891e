/**
 * @file test_store_rls.c
 * @brief Row-level security as the second wall: connected as the service's
 *        own role, a query that forgets its org_id filter still sees only
 *        the transaction's organization, and cannot write into another.
 */
#include <criterion/criterion.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"

static PGconn *pg;

static void
setup (void)
{
  const char *url = getenv ("DATABASE_URL");

  cr_assert_not_null (url, "DATABASE_URL (the service role) is not set");
  pg = PQconnectdb (url);
  cr_assert_eq (CONNECTION_OK, PQstatus (pg), "%s", PQerrorMessage (pg));
}

static void
teardown (void)
{
  PQfinish (pg);
}

TestSuite (rls, .init = setup, .fini = teardown);

/** Runs @a sql with parameters; returns the first column of the first row
    as an integer, or -1 when the statement failed. */
/** Sets the transaction's organization as the service does (SET LOCAL,
    which Citus passes on to its workers). */
static void
set_org (const char *org)
{
  char sql[96];
  PGresult *r;

  cr_assert_eq (36, strspn (org, "0123456789abcdef-"), "%s", org);
  snprintf (sql, sizeof (sql), "SET LOCAL app.org_id = '%s'", org);
  r = PQexec (pg, sql);
  cr_assert_eq (PGRES_COMMAND_OK, PQresultStatus (r), "%s",
                PQresultErrorMessage (r));
  PQclear (r);
}

static long
scalar (const char *sql, int n, const char *const *v)
{
  PGresult *r = PQexecParams (pg, sql, n, NULL, v, NULL, NULL, 0);
  long out = -1;

  if (PGRES_TUPLES_OK == PQresultStatus (r) && PQntuples (r) > 0)
    out = atol (PQgetvalue (r, 0, 0));
  else if (PGRES_COMMAND_OK == PQresultStatus (r))
    out = atol (PQcmdTuples (r));
  PQclear (r);
  return out;
}

Test (rls, unfiltered_queries_see_only_the_transactions_organization)
{
  struct th_org a, b;
  char id[64];
  const char *va[] = { a.id };

  th_org_new (&a);
  th_org_new (&b);
  th_account_new (a.key, "A1", id);
  th_account_new (a.key, "A2", id);
  th_account_new (b.key, "B1", id);
  va[0] = a.id;
  cr_assert_eq (0, scalar ("SELECT count(*) FROM accounts", 0, NULL),
                "no organization set: nothing visible");
  PQclear (PQexec (pg, "BEGIN"));
  set_org (va[0]);
  cr_assert_eq (2, scalar ("SELECT count(*) FROM accounts", 0, NULL));
  cr_assert_eq (0, scalar ("SELECT count(*) FROM accounts WHERE name = 'B1'",
                           0, NULL));
  cr_assert_eq (1, scalar ("SELECT count(*) FROM organizations", 0, NULL));
  cr_assert_eq (0,
                scalar ("UPDATE accounts SET name = 'x' WHERE name = 'B1'", 0,
                        NULL),
                "another tenant's rows cannot be changed");
  PQclear (PQexec (pg, "COMMIT"));
}

Test (rls, writes_into_another_organization_are_refused)
{
  struct th_org a, b;
  const char *va[] = { NULL };
  const char *vb[] = { NULL };

  th_org_new (&a);
  th_org_new (&b);
  va[0] = a.id;
  vb[0] = b.id;
  PQclear (PQexec (pg, "BEGIN"));
  set_org (va[0]);
  cr_assert_eq (-1,
                scalar ("INSERT INTO accounts (org_id, name)"
                        " VALUES ($1, 'planted')",
                        1, vb),
                "WITH CHECK refuses another organization's org_id");
  PQclear (PQexec (pg, "ROLLBACK"));
}

Test (rls, the_service_role_owns_nothing_and_cannot_bypass)
{
  cr_assert_eq (0, scalar ("SELECT count(*) FROM pg_tables WHERE schemaname ="
                           " 'public' AND tableowner = current_user",
                           0, NULL));
  cr_assert_eq (0, scalar ("SELECT count(*) FROM pg_roles WHERE rolname ="
                           " current_user AND (rolsuper OR rolbypassrls)",
                           0, NULL));
  cr_assert_eq (0, scalar ("SELECT count(*) FROM api_keys", 0, NULL),
                "keys are not listable without an organization");
}

Test (rls, api_keys_are_forced_and_only_authentication_sees_across)
{
  const char *admin_url = getenv ("MIGRATE_DATABASE_URL");
  PGconn *admin;
  PGresult *r;
  struct th_org a, b;
  const char *va[] = { NULL };
  long all;

  cr_assert_not_null (admin_url, "MIGRATE_DATABASE_URL is not set");
  th_org_new (&a);
  th_org_new (&b);
  /* The table's owner, too, sees one organization's keys at a time. */
  admin = PQconnectdb (admin_url);
  cr_assert_eq (CONNECTION_OK, PQstatus (admin));
  r = PQexec (admin, "SELECT relforcerowsecurity FROM pg_class"
                     " WHERE relname = 'api_keys'");
  cr_assert_str_eq ("t", PQgetvalue (r, 0, 0), "api_keys is not FORCEd");
  PQclear (r);
  PQfinish (admin);
  /* The service role sees no key without an organization... */
  cr_assert_eq (0, scalar ("SELECT count(*) FROM api_keys", 0, NULL));
  /* ...and one organization's with it. */
  va[0] = a.id;
  PQclear (PQexec (pg, "BEGIN"));
  set_org (va[0]);
  all = scalar ("SELECT count(*) FROM api_keys", 0, NULL);
  cr_assert_eq (1, all, "organization A sees %ld keys", all);
  PQclear (PQexec (pg, "COMMIT"));
  /* Authentication first finds a key's organization by its hash (a
     table of hashes and organizations only), then reads the key in it. */
  cr_assert_eq (2, scalar ("SELECT count(*) FROM api_key_lookup WHERE"
                           " organization IN ($1, $2)",
                           2, (const char *[]){ a.id, b.id }));
}
