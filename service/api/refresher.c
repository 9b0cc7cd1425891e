/**
 * @file refresher.c
 * @brief Keeps every account's stored assessment current (what
 *        GET /v1/assessments ranks and the event feed reports).
 *
 * Writes queue the accounts they touch in their own transaction
 * (migrations/0007); each refresher thread claims queued accounts, loads
 * and scores each exactly as GET /v1/accounts/{id}/assessment does (as of
 * now, and as of 30 days before for the trend), and stores the result
 * unless a newer write queued the account again meanwhile.  An idle
 * thread turns organizations whose weights changed into queued accounts,
 * sweeps for assessments time or a new model made stale (one instance at
 * a time), then waits for the next write's notice.  docs/assessments.md
 * says why it is a queue and not the write's own transaction.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/config.h"
#include "svc/log.h"
#include "svc/metrics.h"
#include "svc/model.h"
#include "svc/score.h"
#include "svc/util.h"

/** Accounts claimed at once by one thread. */
#define BATCH 8

/** How long a claim holds: another instance takes over a claim this old
    (its holder died, or is stuck). */
#define LEASE_MS 15000

/** Longest wait for a notice before looking again. */
#define POLL_MS 500

/** How many top drivers a stored assessment keeps. */
#define TOP_DRIVERS 3

/** How long a refresher pauses after a background recomputation while
    requests are being served, in microseconds. */
#define YIELD_US 1000

/** Seconds in the trend's 30 days. */
#define TREND_S (30 * 86400)

static const struct cfg *config;
static pthread_t *threads;
static unsigned int n_threads;
static atomic_bool stopping;
/** When the last sweep ran (any thread of this instance), Unix seconds. */
static atomic_llong last_sweep;

/** One account being recomputed. */
struct job
{
  const struct store_queued *q;
  char as_of[40];
  int64_t now;
  struct store_assess_data data;
  struct store_stored stored;
};

/** Read transaction: what the assessment reads, as of now. */
static enum store_qs
load_tx (void *cls, struct store_conn *conn)
{
  struct job *j = cls;
  struct store_assess_limits lim = api_assess_limits ();

  store_assess_free (&j->data);
  return store_assess_load_account (conn, j->q->org_id, j->q->account_id, NULL,
                                    j->as_of, &lim, &j->data);
}

/** Write transaction: the account is gone; so is its queue row. */
static enum store_qs
drop_tx (void *cls, struct store_conn *conn)
{
  struct job *j = cls;

  return store_refresh_drop (conn, j->q);
}

/** Write transaction: store the result. */
static enum store_qs
put_tx (void *cls, struct store_conn *conn)
{
  struct job *j = cls;

  return store_refresh_put (conn, j->q, &j->stored);
}

/** The largest drivers as JSON text (new). */
static char *
drivers_json (const struct score_buyer_risk_result *r)
{
  json_t *a = json_array ();
  char *text;

  for (size_t i = 0; i < r->n_drivers && i < TOP_DRIVERS; i++)
    json_array_append_new (a,
                           json_pack ("{s:s, s:f}", "driver",
                                      score_driver_name (r->drivers[i].driver),
                                      "points",
                                      api_round3 (r->drivers[i].points)));
  text = json_dumps (a, API_JSON_FLAGS);
  json_decref (a);
  return text;
}

/**
 * Scores a loaded account now and 30 days ago and stores the result.
 *
 * @return the store's answer
 */
static enum store_qs
score_and_put (struct store_conn *conn, struct job *j,
               struct score_account_assessment *out)
{
  struct api_model m;
  enum store_qs qs = STORE_QS_HARD_ERROR;
  char *drivers = NULL;

  api_model_get (j->q->org_id, j->data.weights, j->data.weights_version, &m);
  if (SCORE_OK
      == score_assess_account (m.model, &j->data.account_in, j->now - TREND_S,
                               api_scratch (), out))
  {
    j->stored.risk_score_30d = api_round3 (out->buyer_risk.score);
    if (SCORE_OK
        == score_assess_account (m.model, &j->data.account_in, j->now,
                                 api_scratch (), out))
    {
      const struct score_buyer_risk_result *r = &out->buyer_risk;

      drivers = drivers_json (r);
      j->stored.risk_score = api_round3 (r->score);
      j->stored.risk_level = score_risk_level_name (r->level);
      j->stored.top_drivers = drivers;
      j->stored.pillar_status = score_pillar_status_name (out->pillars.status);
      j->stored.primary = SCORE_ORIENTATION_NONE == out->orientation.primary
                            ? NULL
                            : score_orientation_name (
                              out->orientation.primary);
      j->stored.model_version = score_model_version (http_service.model);
      j->stored.weights_version = j->data.weights_version;
      j->stored.as_of = j->as_of;
      qs = store_run_tx (conn, j->q->org_id, false, &put_tx, j);
      if (qs > 0)
        metrics_assessment (METRICS_ASSESS_STORED);
    }
  }
  api_model_release (&m);
  free (drivers);
  return qs;
}

/** Recomputes one claimed account. */
static void
refresh_one (struct store_conn *conn, const struct store_queued *q,
             struct score_account_assessment *out)
{
  struct job j = { .q = q };
  enum store_qs qs;

  j.now = (int64_t) time (NULL);
  util_epoch_timestamp (j.now, j.as_of);
  qs = store_run_tx (conn, q->org_id, true, &load_tx, &j);
  if (0 == qs)
    qs = store_run_tx (conn, q->org_id, false, &drop_tx, &j);
  else if (qs > 0)
    qs = score_and_put (conn, &j, out);
  if (qs < 0)
    /* The claim lapses and the account is tried again then. */
    log_warn ("could not refresh the assessment of account %s", q->account_id);
  store_assess_free (&j.data);
}

/**
 * Claims a batch of queued accounts and recomputes each.
 *
 * @return how many were claimed, or an error
 */
static enum store_qs
work (struct store_conn *conn, struct score_account_assessment *out)
{
  struct store_queued q[BATCH];
  enum store_qs qs = store_refresh_claim (conn, BATCH, LEASE_MS, q);

  for (int i = 0; i < (int) qs && ! atomic_load (&stopping); i++)
  {
    refresh_one (conn, &q[i], out);
    /* Work nobody is waiting for (new weights, the calendar, a new model:
       maybe every account) leaves the cores to requests in flight. */
    if (q[i].priority > 0 && http_active () > 0)
    {
      struct timespec t = { 0, YIELD_US * 1000L };

      nanosleep (&t, NULL);
    }
  }
  return qs;
}

/**
 * What an idle thread does before waiting: organizations to expand, a
 * sweep when due.
 *
 * @return true if that queued something
 */
static bool
chores (struct store_conn *conn)
{
  long long now = (long long) time (NULL);
  long long last = atomic_load (&last_sweep);
  long queued = 0;

  if (store_refresh_expand (conn, &queued) >= 0 && queued > 0)
    return true;
  if (now - last < config->assess_sweep_interval
      || ! atomic_compare_exchange_strong (&last_sweep, &last, now))
    return false;
  if (store_refresh_sweep (conn, score_model_version (http_service.model),
                           config->assess_max_age,
                           config->event_retention_days, &queued)
        >= 0
      && queued > 0)
  {
    log_info ("%ld stored assessments queued for recomputation", queued);
    return true;
  }
  return false;
}

/** Sleeps @a ms unless the service stops. */
static void
pause_ms (long ms)
{
  for (long waited = 0; waited < ms && ! atomic_load (&stopping);
       waited += 100)
  {
    struct timespec t = { 0, 100 * 1000000L };

    nanosleep (&t, NULL);
  }
}

/** A refresher thread, with a connection of its own. */
static void *
refresher_main (void *cls)
{
  struct store_pool *pool = store_pool_new (config->database_listen_url, 1,
                                            config->statement_timeout_ms);
  struct score_account_assessment *out = util_calloc (1, sizeof (*out));

  (void) cls;
  while (! atomic_load (&stopping))
  {
    enum store_qs qs;
    struct store_conn *conn = store_acquire (pool, 1000, &qs);

    if (NULL == conn)
    {
      pause_ms (1000);
      continue;
    }
    qs = work (conn, out);
    if (0 == qs && ! chores (conn) && store_refresh_listen (conn))
    {
      /* Listening now: whatever a write queues from here on wakes us, so
         one more look and then a wait miss nothing. */
      qs = work (conn, out);
      if (0 == qs)
        store_refresh_wait (conn, POLL_MS);
    }
    store_release (pool, conn);
    if (qs < 0)
      pause_ms (1000);
  }
  free (out);
  store_pool_free (pool);
  return NULL;
}

void
api_refresher_start (const struct cfg *cfg)
{
  config = cfg;
  atomic_store (&stopping, false);
  atomic_store (&last_sweep, 0);
  threads = util_calloc ((size_t) cfg->refresh_threads + 1, sizeof (*threads));
  for (n_threads = 0; n_threads < (unsigned int) cfg->refresh_threads;
       n_threads++)
    if (0 != pthread_create (&threads[n_threads], NULL, &refresher_main, NULL))
    {
      log_warn ("could start only %u refresher threads", n_threads);
      break;
    }
}

void
api_refresher_stop (void)
{
  atomic_store (&stopping, true);
  for (unsigned int i = 0; i < n_threads; i++)
    pthread_join (threads[i], NULL);
  free (threads);
  threads = NULL;
  n_threads = 0;
}
