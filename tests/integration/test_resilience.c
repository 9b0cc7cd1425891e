/**
 * @file test_resilience.c
 * @brief The service through database restarts, terminated backends and
 *        its own SIGTERM: idempotent writes retried on 503 are stored
 *        exactly once, nothing answers 500, readiness follows the
 *        database, and a drained instance exits 0 having answered every
 *        request it accepted with a 2xx, and key revocations still reach
 *        every instance.  Runs with --jobs 1: it stops
 *        the PostgreSQL cluster every other test uses.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

#define MAX_WRITES 4000

/** The writing client and what it saw. */
struct writer
{
  const char *base;
  const char *key;
  const char *org_id;
  atomic_bool stop;
  long long hard_deadline_ms;
  atomic_int acked;               /**< writes that got their 201 */
  char names[MAX_WRITES][48];     /**< the acknowledged names */
  int ok, unavailable, transport; /**< responses by kind */
  int replayed;                   /**< 201s that were replays */
  int bad;                        /**< any other status */
  long bad_status;
  char bad_body[512];
};

/** Writes accounts, each retried (same key, same body) until its 201. */
static void *
write_loop (void *cls)
{
  struct writer *w = cls;
  CURL *c = curl_easy_init ();

  for (int i = 0; i < MAX_WRITES && ! atomic_load (&w->stop); i++)
  {
    char name[48], idem[128], body[96];
    const char *extra[] = { idem, NULL };
    bool done = false;

    snprintf (name, sizeof (name), "rw-%04d", i);
    snprintf (idem, sizeof (idem), "Idempotency-Key: %s-%d", w->org_id, i);
    snprintf (body, sizeof (body), "{\"name\":\"%s\"}", name);
    while (! done && sp_now_ms () < w->hard_deadline_ms)
    {
      struct sp_resp r;

      sp_http (c, w->base, "POST", "/v1/accounts", w->key, body, extra, 15,
               &r);
      if (0 != r.curl_code)
      {
        w->transport++;
        sp_sleep_ms (50);
      }
      else if (201 == r.status)
      {
        char *rep = sp_header (&r, "Idempotent-Replayed");

        w->ok++;
        if (NULL != rep)
          w->replayed++;
        free (rep);
        memcpy (w->names[atomic_load (&w->acked)], name, sizeof (name));
        atomic_fetch_add (&w->acked, 1);
        done = true;
      }
      else if (503 == r.status)
      {
        w->unavailable++;
        sp_sleep_ms (100);
      }
      else
      {
        if (0 == w->bad++)
        {
          w->bad_status = r.status;
          snprintf (w->bad_body, sizeof (w->bad_body), "%s", r.body);
        }
        done = true; /* give this one up; the test fails anyway */
      }
      sp_resp_free (&r);
    }
    if (! done)
      break;
  }
  curl_easy_cleanup (c);
  return NULL;
}

/** Waits until the writer has @a more acknowledged writes (or @a ms). */
static bool
wait_writes (struct writer *w, int more, int ms)
{
  int target = atomic_load (&w->acked) + more;
  long long end = sp_now_ms () + ms;

  while (atomic_load (&w->acked) < target && sp_now_ms () < end)
    sp_sleep_ms (20);
  return atomic_load (&w->acked) >= target;
}

/** Terminates every backend of the service's role; how many. */
static int
terminate_backends (void)
{
  char *n = sp_admin_sql ("SELECT count(pg_terminate_backend(pid)) FROM "
                          "pg_stat_activity WHERE usename = 'rapport_app'");
  int k = NULL != n ? atoi (n) : -1;

  free (n);
  return k;
}

/** Every account name of the organization, with its multiplicity. */
static json_t *
all_names (const char *key)
{
  json_t *counts = json_object ();
  char path[512] = "/v1/accounts?limit=200";

  for (int page = 0; page < 100; page++)
  {
    struct th_resp r;
    json_t *item;
    size_t i;
    const char *next;

    th_request ("GET", path, key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "listing: %s", r.body);
    json_array_foreach (json_object_get (r.json, "data"), i, item)
    {
      const char *name = json_string_value (json_object_get (item, "name"));
      json_t *n = json_object_get (counts, name);

      json_object_set_new (counts, name,
                           json_integer (json_integer_value (n) + 1));
    }
    next = json_string_value (json_object_get (r.json, "next_cursor"));
    if (NULL == next)
    {
      th_resp_free (&r);
      return counts;
    }
    snprintf (path, sizeof (path), "/v1/accounts?limit=200&cursor=%s", next);
    th_resp_free (&r);
  }
  cr_assert_fail ("more than 100 pages");
  return counts;
}

Test (resilience, idempotent_writes_survive_database_restarts_exactly_once)
{
  static struct writer w; /* large: not on the stack */
  struct th_org org;
  pthread_t t;
  int killed, readyz_down = 0, readyz_retry_after = 0;
  json_t *counts;
  const char *name;
  json_t *n;

  curl_global_init (CURL_GLOBAL_ALL);
  cr_assert (sp_wait_ready (th_url (), 30000), "the service is not ready");
  th_org_new (&org);
  memset (&w, 0, sizeof (w));
  w.base = th_url ();
  w.key = org.key;
  w.org_id = org.id;
  w.hard_deadline_ms = sp_now_ms () + 150000;
  cr_assert_eq (0, pthread_create (&t, NULL, write_loop, &w));
  cr_assert (wait_writes (&w, 10, 20000), "the writer does not write");

  /* Backends killed under the writer, again and again. */
  for (int k = 0; k < 10; k++)
  {
    killed = terminate_backends ();
    cr_assert (killed >= 0, "cannot reach PostgreSQL as the admin");
    wait_writes (&w, 1 + k % 3, 20000);
  }
  /* A fast shutdown, with a look at readiness while it is down. */
  cr_assert_eq (0, sp_pg_ctl ("stop -m fast"));
  for (int k = 0; k < 5; k++)
  {
    struct sp_resp r;

    sp_http (NULL, th_url (), "GET", "/readyz", NULL, NULL, NULL, 15, &r);
    if (503 == r.status)
    {
      char *ra = sp_header (&r, "Retry-After");

      readyz_down++;
      readyz_retry_after += NULL != ra;
      free (ra);
    }
    sp_resp_free (&r);
    sp_sleep_ms (200);
  }
  {
    struct sp_resp r;

    sp_http (NULL, th_url (), "GET", "/healthz", NULL, NULL, NULL, 15, &r);
    cr_expect_eq (200, r.status,
                  "/healthz follows the process, not the "
                  "database");
    sp_resp_free (&r);
  }
  cr_assert_eq (0, sp_pg_ctl ("start"), "PostgreSQL did not start again");
  cr_assert (wait_writes (&w, 10, 30000), "no writes after a fast restart");
  /* An immediate shutdown (crash recovery on start). */
  cr_assert_eq (0, sp_pg_ctl ("stop -m immediate"));
  sp_sleep_ms (500);
  cr_assert_eq (0, sp_pg_ctl ("start"), "PostgreSQL did not recover");
  cr_assert (wait_writes (&w, 10, 30000), "no writes after an immediate "
                                          "restart");
  /* pg_ctl's own restart, then backends killed once more. */
  cr_assert_eq (0, sp_pg_ctl ("restart -m fast"));
  cr_assert (wait_writes (&w, 5, 30000), "no writes after pg_ctl restart");
  terminate_backends ();
  cr_assert (wait_writes (&w, 20, 30000), "the writer did not recover");
  atomic_store (&w.stop, true);
  pthread_join (t, NULL);

  cr_log_info ("%d writes acknowledged (%d replays), %d answers 503, %d "
               "transport errors",
               atomic_load (&w.acked), w.replayed, w.unavailable, w.transport);
  cr_assert_eq (0, w.bad,
                "%d answers were neither 2xx nor 503; the first: "
                "%ld %s",
                w.bad, w.bad_status, w.bad_body);
  cr_assert_gt (readyz_down, 0,
                "/readyz never said 503 while PostgreSQL "
                "was stopped");
  cr_assert_eq (readyz_down, readyz_retry_after,
                "a 503 from /readyz "
                "without Retry-After");
  cr_assert (sp_wait_ready (th_url (), 30000), "not ready again");

  counts = all_names (org.key);
  for (int i = 0; i < atomic_load (&w.acked); i++)
    cr_expect_eq (1, json_integer_value (json_object_get (counts, w.names[i])),
                  "acknowledged %s is stored %lld times", w.names[i],
                  (long long) json_integer_value (
                    json_object_get (counts, w.names[i])));
  json_object_foreach (counts, name, n)
    cr_expect_eq (1, json_integer_value (n), "%s is stored %lld times", name,
                  (long long) json_integer_value (n));
  cr_assert_leq (json_object_size (counts),
                 (size_t) atomic_load (&w.acked) + 1,
                 "more accounts than writes attempted");
  json_decref (counts);
}

/** A client thread of the SIGTERM test and what it saw. */
struct loader
{
  const char *base;
  const char *key;
  atomic_bool *termed;
  long long deadline_ms;
  int ok, before_errors, after_errors;
  int bad;
  long bad_status;
};

/** GET /v1/accounts on one keep-alive connection until it goes away. */
static void *
load_loop (void *cls)
{
  struct loader *l = cls;
  CURL *c = curl_easy_init ();

  while (sp_now_ms () < l->deadline_ms)
  {
    struct sp_resp r;
    bool after;

    sp_http (c, l->base, "GET", "/v1/accounts?limit=5", l->key, NULL, NULL, 10,
             &r);
    after = atomic_load (l->termed);
    if (0 != r.curl_code)
    {
      sp_resp_free (&r);
      if (after)
      {
        l->after_errors++;
        break;
      }
      l->before_errors++;
      sp_sleep_ms (20);
      continue;
    }
    if (r.status >= 200 && r.status < 300)
      l->ok++;
    else if (0 == l->bad++)
      l->bad_status = r.status;
    sp_resp_free (&r);
  }
  curl_easy_cleanup (c);
  return NULL;
}

Test (resilience, sigterm_under_load_drains_and_exits_0)
{
  static const char *const env[] = { "RAPPORT_SHUTDOWN_TIMEOUT=5",
                                     "RAPPORT_THREADS=4", NULL };
  struct sp_instance in;
  struct th_org org;
  struct loader l[4];
  pthread_t t[4];
  atomic_bool termed = false;
  CURL *ready = NULL;
  struct sp_resp r;
  int total_ok = 0, ready_503 = 0;
  long long t_term;

  curl_global_init (CURL_GLOBAL_ALL);
  th_org_new (&org);
  sp_start (&in, env);
  for (int i = 0; i < 4; i++)
  {
    l[i] = (struct loader){ in.url, org.key, &termed, sp_now_ms () + 30000,
                            0,      0,       0,       0,
                            0 };
    cr_assert_eq (0, pthread_create (&t[i], NULL, load_loop, &l[i]));
  }
  /* A keep-alive connection that will ask /readyz while draining. */
  ready = curl_easy_init ();
  sp_http (ready, in.url, "GET", "/readyz", NULL, NULL, NULL, 10, &r);
  cr_assert_eq (200, r.status);
  sp_resp_free (&r);
  sp_sleep_ms (1500);
  atomic_store (&termed, true);
  t_term = sp_now_ms ();
  cr_assert_eq (0, kill (in.pid, SIGTERM));
  for (int k = 0; k < 50; k++)
  {
    sp_http (ready, in.url, "GET", "/readyz", NULL, NULL, NULL, 10, &r);
    if (0 != r.curl_code)
    {
      sp_resp_free (&r);
      break; /* the connection went: not observable */
    }
    if (503 == r.status)
    {
      char *ra = sp_header (&r, "Retry-After");
      char *conn = sp_header (&r, "Connection");

      ready_503++;
      cr_expect_not_null (ra, "a draining /readyz carries Retry-After");
      cr_expect (NULL != conn && 0 == strcasecmp (conn, "close"),
                 "a draining reply carries Connection: close (got %s)",
                 NULL != conn ? conn : "none");
      free (ra);
      free (conn);
      sp_resp_free (&r);
      break;
    }
    cr_expect_eq (200, r.status, "/readyz: %ld %s", r.status, r.body);
    sp_resp_free (&r);
    sp_sleep_ms (10);
  }
  curl_easy_cleanup (ready);
  for (int i = 0; i < 4; i++)
    pthread_join (t[i], NULL);
  cr_assert (sp_wait_exit (&in, 15000), "still running 15 s after SIGTERM "
                                        "(RAPPORT_SHUTDOWN_TIMEOUT=5)");
  cr_log_info ("exited %lld ms after SIGTERM; /readyz said 503 %d time(s)",
               sp_now_ms () - t_term, ready_503);
  cr_assert (sp_log_contains (&in, "draining"), "no drain was logged");
  cr_assert (WIFEXITED (in.status), "killed by signal %d",
             WIFSIGNALED (in.status) ? WTERMSIG (in.status) : 0);
  cr_assert_eq (0, WEXITSTATUS (in.status), "exit status %d",
                WEXITSTATUS (in.status));
  for (int i = 0; i < 4; i++)
  {
    total_ok += l[i].ok;
    cr_expect_eq (0, l[i].bad, "client %d got a non-2xx answer: %ld", i,
                  l[i].bad_status);
    cr_expect_eq (0, l[i].before_errors,
                  "client %d lost its connection "
                  "before SIGTERM",
                  i);
  }
  cr_assert_gt (total_ok, 20, "too little load: %d requests", total_ok);
  sp_stop (&in, 1);
}

Test (resilience, a_request_after_its_backend_was_killed_is_served)
{
  static const char *const env[] = { "RAPPORT_THREADS=1", "LOG_LEVEL=info",
                                     NULL };
  struct sp_instance in;
  struct th_org org;
  struct th_resp r;
  char *n;
  FILE *f;
  char line[4096];

  th_org_new (&org);
  sp_start (&in, env);
  sp_use (&in);
  /* Its one pooled connection is open and idle... */
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  /* ...when the database ends its backend. */
  n = sp_admin_sql ("SELECT count(pg_terminate_backend(pid)) FROM "
                    "pg_stat_activity WHERE application_name = 'rapport'");
  cr_assert (NULL != n && atoi (n) >= 1, "no backend to terminate");
  free (n);
  sp_sleep_ms (200);
  for (int i = 0; i < 3; i++)
  {
    th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "request %d after the kill: %ld %s", i + 1,
                  r.status, r.body);
    th_resp_free (&r);
  }
  /* libpq's own messages reach the log as JSON lines too. */
  f = fopen (in.log, "r");
  cr_assert_not_null (f);
  while (NULL != fgets (line, sizeof (line), f))
    cr_assert ('{' == line[0], "a log line is not JSON: %s", line);
  fclose (f);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (resilience, key_revocations_reach_other_instances_after_a_restart)
{
  /* Cached keys would live an hour here: only the notice can end them. */
  static const char *const env[] = { "RAPPORT_KEY_CACHE_TTL_MS=3600000",
                                     NULL };
  struct sp_instance in;
  struct th_org org;
  char key[128], id[64];
  long long ms;

  th_org_new (&org);
  sp_start (&in, env);
  cr_assert_eq (0, sp_pg_ctl ("restart -m fast"));
  cr_assert (sp_wait_ready (in.url, 30000));
  cr_assert (sp_wait_ready (th_url (), 30000));
  /* The instance listens on a connection of its own, which the restart
     ended: it must listen again, or it would miss the revocation. */
  for (int i = 0; i < 100
                  && ! sp_log_contains (&in, "listening for API key "
                                             "revocations again");
       i++)
    sp_sleep_ms (100);
  th_key_new (&org, "write", key, id);
  ms = sp_revoke_and_time (in.url, org.key, key, id);
  cr_assert (ms >= 0 && ms <= 1000,
             "after the restart, the revoked key was refused after %lld ms",
             ms);
  cr_assert_eq (0, sp_stop (&in, 15));
}
