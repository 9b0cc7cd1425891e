/**
 * @file test_refresher.c
 * @brief The refresher across instances: with three instances refreshing
 *        at once (the suite's service and two spawned ones) each queued
 *        account is recomputed and stored exactly once, after a batch of
 *        new accounts and after a change of weights (the stored rows count
 *        their computations); a refreshing instance killed mid-work loses
 *        nothing: every account it had claimed is stored once its claim
 *        lapses, and an instance started again carries on; time and a new
 *        model make stored assessments stale.  One test at a time: they
 *        start instances that refresh for every organization.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "spawn.h"

/** Accounts a test queues. */
#define N_ACCOUNTS 60

/** Times the accounts of @a org were computed and stored, all
    instances together (other organizations' work does not count). */
static long
stored (const struct th_org *org)
{
  char *v = sp_admin_sql (th_fmt ("SELECT coalesce(sum(computations), 0)"
                                  "  FROM account_assessments"
                                  " WHERE org_id = '%s'",
                                  org->id));
  long n = atol (v);

  free (v);
  return n;
}

/** The assessments @a base has stored (its /metrics). */
static long
stored_by (const char *base)
{
  struct sp_resp r;
  const char *line;
  long n = -1;

  sp_http (NULL, base, "GET", "/metrics", NULL, NULL, NULL, 10, &r);
  cr_assert_eq (200, r.status, "%s/metrics: %d", base, r.curl_code);
  line = strstr (r.body, "rapport_assessments_total{kind=\"stored\"} ");
  cr_assert_not_null (line, "%s", r.body);
  n = atol (strchr (line, '}') + 2);
  sp_resp_free (&r);
  return n;
}

/** Accounts of @a org queued for recomputation. */
static long
queued (const struct th_org *org)
{
  char *v = sp_admin_sql (
    th_fmt ("SELECT count(*) FROM assessment_queue WHERE org_id = '%s'",
            org->id));
  long n = atol (v);

  free (v);
  return n;
}

/** Waits until nothing of @a org is queued. */
static void
drain (const struct th_org *org, int timeout_ms)
{
  for (int waited = 0; queued (org) > 0; waited += 100)
  {
    cr_assert (waited < timeout_ms, "%ld accounts still queued", queued (org));
    sp_sleep_ms (100);
  }
}

/** Creates @a n accounts for @a org in one batch. */
static void
accounts (const struct th_org *org, int n)
{
  json_t *items = json_array ();
  json_t *doc;
  char *body;
  struct th_resp r;

  for (int i = 0; i < n; i++)
    json_array_append_new (items,
                           json_pack ("{s:s, s:s, s:{s:s}}", "op", "create",
                                      "resource", "accounts", "data", "name",
                                      th_fmt ("Account %d", i)));
  doc = json_pack ("{s:o}", "items", items);
  body = json_dumps (doc, JSON_COMPACT);
  json_decref (doc);
  th_json ("POST", "/v1/batch", org->key, body, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  free (body);
}

/** The number of rows of @a org's portfolio (up to 200). */
static size_t
listed (const struct th_org *org, const char *filter)
{
  struct th_resp r;
  size_t n;

  th_json ("GET", th_fmt ("/v1/assessments?limit=200%s", filter), org->key,
           NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  n = json_array_size (json_object_get (r.json, "data"));
  th_resp_free (&r);
  return n;
}

/** Waits until @a org's portfolio (with @a filter) lists @a n rows. */
static void
wait_listed (const struct th_org *org, const char *filter, size_t n,
             int timeout_ms)
{
  for (int waited = 0; listed (org, filter) < n; waited += 100)
  {
    cr_assert (waited < timeout_ms, "%zu of %zu listed", listed (org, filter),
               n);
    sp_sleep_ms (100);
  }
}

Test (refresher, three_instances_store_each_queued_account_once)
{
  static const char *const env[] = { "RAPPORT_REFRESH_THREADS=2", NULL };
  struct sp_instance a, b;
  struct th_org org;
  long by[3];

  sp_start (&a, env);
  sp_start (&b, env);
  th_org_new (&org);
  by[0] = stored_by (th_url ());
  by[1] = stored_by (a.url);
  by[2] = stored_by (b.url);

  accounts (&org, N_ACCOUNTS);
  wait_listed (&org, "", N_ACCOUNTS, 30000);
  drain (&org, 30000);
  cr_expect_eq (stored (&org), N_ACCOUNTS,
                "%ld assessments stored for %d new accounts", stored (&org),
                N_ACCOUNTS);

  /* A weight change queues every account of the organization again. */
  {
    struct th_resp r;

    th_json ("PUT", "/v1/organization/scoring-weights", org.key,
             "{\"risk_drivers\":{\"contact_gap\":5}}", &r);
    cr_assert_eq (200, r.status, "%s", r.body);
    th_resp_free (&r);
  }
  for (int waited = 0;; waited += 100)
  {
    struct th_resp r;
    bool all;

    th_json ("GET", "/v1/assessments?limit=200", org.key, NULL, &r);
    all = json_array_size (json_object_get (r.json, "data")) == N_ACCOUNTS;
    for (size_t i = 0; all && i < N_ACCOUNTS; i++)
      all = 1
            == json_integer_value (json_object_get (
              json_array_get (json_object_get (r.json, "data"), i),
              "weights_version"));
    th_resp_free (&r);
    if (all)
      break;
    cr_assert (waited < 30000, "not every account was reweighted");
    sp_sleep_ms (100);
  }
  drain (&org, 30000);
  cr_expect_eq (stored (&org), 2 * N_ACCOUNTS,
                "%ld assessments stored for %d accounts, then reweighted",
                stored (&org), N_ACCOUNTS);
  cr_log_info ("stored by each instance (all organizations): %ld, %ld, %ld",
               stored_by (th_url ()) - by[0], stored_by (a.url) - by[1],
               stored_by (b.url) - by[2]);
  sp_stop (&a, 10);
  sp_stop (&b, 10);
}

Test (refresher, a_killed_instance_loses_no_recomputation)
{
  static const char *const env[] = { "RAPPORT_REFRESH_THREADS=4", NULL };
  struct sp_instance a;
  struct th_org org;
  char *held;

  th_org_new (&org);
  sp_start (&a, env);
  accounts (&org, 2 * N_ACCOUNTS);
  /* Killed while it works through the queue, claims and all. */
  sp_sleep_ms (50);
  kill (a.pid, SIGKILL);
  cr_assert (sp_wait_exit (&a, 5000));
  held = sp_admin_sql (th_fmt ("SELECT count(*) FROM assessment_queue"
                               " WHERE org_id = '%s'"
                               "   AND claimed_until > clock_timestamp()",
                               org.id));
  cr_log_info ("claims held by the killed instance: %s", held);
  free (held);

  /* Its claims lapse (15 s) and the others take them over. */
  wait_listed (&org, "", 2 * N_ACCOUNTS, 60000);
  drain (&org, 60000);

  /* Started again, it serves and refreshes as before. */
  sp_start (&a, env);
  sp_use (&a);
  {
    char acct[64];

    th_account_new (org.key, "After the restart", acct);
  }
  wait_listed (&org, "", 2 * N_ACCOUNTS + 1, 30000);
  sp_stop (&a, 10);
}

/** Member @a name of @a account's row of @a org's portfolio (new). */
static char *
member (const struct th_org *org, const char *account, const char *name)
{
  struct th_resp r;
  json_t *data;
  char *out = NULL;

  th_json ("GET", "/v1/assessments?limit=200", org->key, NULL, &r);
  data = json_object_get (r.json, "data");
  for (size_t i = 0; i < json_array_size (data); i++)
  {
    json_t *row = json_array_get (data, i);

    if (0
        == strcmp (account,
                   json_string_value (json_object_get (row, "account_id"))))
      out = strdup (json_string_value (json_object_get (row, name)));
  }
  th_resp_free (&r);
  return out;
}

Test (refresher, time_and_a_new_model_make_stored_assessments_stale)
{
  static const char *const env[] = { "RAPPORT_ASSESS_SWEEP_INTERVAL=1", NULL };
  struct sp_instance a;
  struct th_org org;
  char old_model[64], aged[64];
  char *model, *v;

  th_org_new (&org);
  th_account_new (org.key, "Scored by an older model", old_model);
  th_account_new (org.key, "Scored two days ago", aged);
  wait_listed (&org, "", 2, 30000);
  model = member (&org, aged, "model_version");
  cr_assert_not_null (model);

  /* As if a previous release had scored one, and the other long ago. */
  free (sp_admin_sql (th_fmt ("UPDATE account_assessments"
                              "   SET model_version = '1999-01-01.1'"
                              " WHERE account_id = '%s'",
                              old_model)));
  free (sp_admin_sql (th_fmt ("UPDATE account_assessments"
                              "   SET as_of = (as_of AT TIME ZONE 'UTC'"
                              "                - interval '2 days')"
                              "               AT TIME ZONE 'UTC'"
                              " WHERE account_id = '%s'",
                              aged)));
  v = member (&org, old_model, "model_version");
  cr_assert_str_eq (v, "1999-01-01.1");
  free (v);

  /* An instance sweeping every second finds both and recomputes them. */
  sp_start (&a, env);
  for (int waited = 0;; waited += 100)
  {
    char *m = member (&org, old_model, "model_version");
    char *as_of = member (&org, aged, "as_of");
    char *computed = member (&org, aged, "computed_at");
    bool done = 0 == strcmp (m, model) && 0 == strncmp (as_of, computed, 10);

    free (m);
    free (as_of);
    free (computed);
    if (done)
      break;
    cr_assert (waited < 30000, "the stale assessments were not recomputed");
    sp_sleep_ms (100);
  }
  free (model);
  sp_stop (&a, 10);
}
