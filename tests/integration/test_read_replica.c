/**
 * @file test_read_replica.c
 * @brief DATABASE_READ_URL: the heavy reads (lists, assessments, the
 *        portfolio) go to the read URL, except a key's own reads just
 *        after it wrote, which the primary answers; a read URL that
 *        cannot be reached leaves every read to the primary.
 *
 * The "replica" here is a second, empty database of the test cluster
 * (migrated, no organization in it): a read it answers finds nothing, a
 * read the primary answers finds the write, so the test sees where each
 * read went.  tests/scale/replica.sh does the same with a real streaming
 * replica in scripts/test --full.
 */
#include <criterion/criterion.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

#define STANDIN "rapport_read_standin"

/** The admin URL with its database replaced by @a db. */
static void
admin_url_for (const char *db, char *out, size_t cap)
{
  const char *url = getenv ("MIGRATE_DATABASE_URL");
  const char *slash;

  cr_assert_not_null (url, "MIGRATE_DATABASE_URL is not set: use "
                           "scripts/test");
  slash = strrchr (url, '/');
  cr_assert_not_null (slash);
  snprintf (out, cap, "%.*s/%s", (int) (slash - url), url, db);
}

/** Runs @a sql as the admin role on database @a db. */
static void
admin_exec (const char *db, const char *sql)
{
  char url[512];
  PGconn *pg;
  PGresult *r;

  admin_url_for (db, url, sizeof (url));
  pg = PQconnectdb (url);
  cr_assert_eq (CONNECTION_OK, PQstatus (pg), "%s", PQerrorMessage (pg));
  r = PQexec (pg, sql);
  cr_assert_eq (PGRES_COMMAND_OK, PQresultStatus (r), "%s: %s", sql,
                PQerrorMessage (pg));
  PQclear (r);
  PQfinish (pg);
}

/** Makes the empty, migrated stand-in for a replica. */
static void
standin_make (void)
{
  char url[512], cmd[1400];

  admin_exec ("postgres", "DROP DATABASE IF EXISTS " STANDIN " WITH (FORCE)");
  admin_exec ("postgres", "CREATE DATABASE " STANDIN);
  admin_url_for (STANDIN, url, sizeof (url));
  snprintf (cmd, sizeof (cmd),
            "MIGRATE_DATABASE_URL='%s' DATABASE_URL='%s' \"$RAPPORT_BIN\" "
            "migrate >/dev/null 2>&1",
            url, url);
  cr_assert_eq (0, system (cmd), "migrating the stand-in failed");
}

/** The service's URL with its database replaced by @a db. */
static void
app_url_for (const char *db, char *out, size_t cap)
{
  const char *url = getenv ("DATABASE_URL");
  const char *slash;

  cr_assert_not_null (url, "DATABASE_URL is not set: use scripts/test");
  slash = strrchr (url, '/');
  cr_assert_not_null (slash);
  snprintf (out, cap, "%.*s/%s", (int) (slash - url), url, db);
}

/** How many accounts the list shows to @a key. */
static size_t
listed (const char *key)
{
  struct th_resp r;
  size_t n;

  th_request ("GET", "/v1/accounts?limit=100", key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "GET /v1/accounts: %ld %s", r.status, r.body);
  n = json_array_size (json_object_get (r.json, "data"));
  th_resp_free (&r);
  return n;
}

Test (read_replica,
      heavy_reads_go_to_the_read_url_but_a_writer_reads_its_own_writes)
{
  struct sp_instance in;
  struct th_org org;
  char read_url[600], env_read[640], other[128], id[64];
  struct th_resp r;
  const char *env[] = { env_read, "RAPPORT_READ_YOUR_WRITES_MS=1500", NULL };

  standin_make ();
  app_url_for (STANDIN, read_url, sizeof (read_url));
  snprintf (env_read, sizeof (env_read), "DATABASE_READ_URL=%s", read_url);
  sp_start (&in, env);
  sp_use (&in);
  th_org_new (&org);
  th_key_new (&org, "read", other, id);

  th_account_new (org.key, "Written just now", id);
  cr_assert_eq (1, listed (org.key),
                "the key that wrote must read its write at once");
  cr_assert_eq (0, listed (other),
                "another key's list must come from the read URL (the "
                "stand-in has no accounts)");
  /* A single record is not a heavy read: the primary answers it. */
  th_request ("GET", th_fmt ("/v1/accounts/%s", id), other, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);

  usleep (1800 * 1000);
  cr_assert_eq (0, listed (org.key),
                "after the window the writer's lists come from the read "
                "URL too");
  cr_assert_eq (0, sp_stop (&in, 10));
  admin_exec ("postgres", "DROP DATABASE IF EXISTS " STANDIN " WITH (FORCE)");
}

Test (read_replica,
      a_read_url_that_cannot_be_reached_leaves_reads_to_the_primary)
{
  struct sp_instance in;
  struct th_org org;
  char id[64];
  struct th_resp r;
  /* Port 1 on loopback: nothing listens there. */
  const char *env[] = {
    "DATABASE_READ_URL=postgresql://rapport_app@127.0.0.1:1/rapport",
    "RAPPORT_READ_YOUR_WRITES_MS=0", NULL
  };

  sp_start (&in, env);
  sp_use (&in);
  th_org_new (&org);
  th_account_new (org.key, "Only on the primary", id);
  for (int i = 0; i < 3; i++)
    cr_assert_eq (1, listed (org.key));
  th_request ("GET", th_fmt ("/v1/accounts/%s/assessment", id), org.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status, "%ld %s", r.status, r.body);
  th_resp_free (&r);
  th_request ("GET", "/v1/assessments", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%ld %s", r.status, r.body);
  th_resp_free (&r);
  cr_assert_eq (0, sp_stop (&in, 10));
}
