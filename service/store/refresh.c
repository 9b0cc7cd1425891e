/**
 * @file refresh.c
 * @brief The queue of accounts whose stored assessment may be out of
 *        date (migrations/0007), and the stored assessments themselves:
 *        claiming queued accounts, queuing what time or a new model made
 *        stale, storing a result only if nothing queued the account again
 *        meanwhile, and waiting for the notice a queuing write sends.
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/** Claims queued accounts: $1 how many, $2 the lease in milliseconds. */
static const struct store_statement claim_sql = {
  "refresh.claim",
  "SELECT org_id, account_id, seq, priority\n"
  "  FROM rapport_assess_claim($1::integer, $2::integer)",
};

enum store_qs
store_refresh_claim (struct store_conn *c, unsigned int limit, long lease_ms,
                     struct store_queued *out)
{
  char n[16], lease[24];
  const char *v[] = { n, lease };
  PGresult *r;
  enum store_qs qs;

  snprintf (n, sizeof (n), "%u", limit);
  snprintf (lease, sizeof (lease), "%ld", lease_ms);
  qs = store_exec (c, &claim_sql, 2, v, &r);
  for (int i = 0; i < (int) qs && i < (int) limit; i++)
  {
    store_copy (r, i, "org_id", out[i].org_id, sizeof (out[i].org_id));
    store_copy (r, i, "account_id", out[i].account_id,
                sizeof (out[i].account_id));
    store_copy (r, i, "seq", out[i].seq, sizeof (out[i].seq));
    out[i].priority = (int) store_get_int (r, i, "priority");
  }
  PQclear (r);
  return qs;
}

/** Turns one queued organization (weights changed) into its accounts. */
static const struct store_statement expand_sql = {
  "refresh.expand",
  "SELECT rapport_assess_expand() AS queued",
};

/**
 * Queues accounts never assessed, assessed with another model than $1, or
 * last assessed more than $2 seconds ago; ends events older than $3 days.
 */
static const struct store_statement sweep_sql = {
  "refresh.sweep",
  "SELECT rapport_assess_sweep($1, $2::integer * interval '1 second',\n"
  "                            $3::integer * interval '1 day') AS queued",
};

/** Runs a statement that answers one count. */
static enum store_qs
count (struct store_conn *c, const struct store_statement *st, int n,
       const char *const *v, long *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, st, n, v, &r);

  *out = qs > 0 ? (long) store_get_int (r, 0, "queued") : 0;
  PQclear (r);
  return qs < 0 ? qs : STORE_QS_ONE;
}

enum store_qs
store_refresh_expand (struct store_conn *c, long *queued)
{
  return count (c, &expand_sql, 0, NULL, queued);
}

enum store_qs
store_refresh_sweep (struct store_conn *c, const char *model_version,
                     long max_age_s, long retention_days, long *queued)
{
  char age[24], days[24];
  const char *v[] = { model_version, age, days };

  snprintf (age, sizeof (age), "%ld", max_age_s);
  snprintf (days, sizeof (days), "%ld", retention_days);
  return count (c, &sweep_sql, 3, v, queued);
}

/** Drops a queued account that no longer exists: $1 org, $2 account,
    $3 the sequence claimed. */
static const struct store_statement drop_sql = {
  "refresh.drop",
  "DELETE FROM assessment_queue\n"
  " WHERE org_id = $1 AND account_id = $2 AND seq = $3",
};

enum store_qs
store_refresh_drop (struct store_conn *c, const struct store_queued *q)
{
  const char *v[] = { q->org_id, q->account_id, q->seq };
  PGresult *r;
  enum store_qs qs = store_exec (c, &drop_sql, 3, v, &r);

  PQclear (r);
  return qs;
}

/**
 * Stores an account's assessment and takes it off the queue, but only if
 * the queue still holds the sequence claimed: a write that queued the
 * account again since may not be in what was scored, and a later
 * recomputation will store the newer result.  The account is locked
 * against deletion first (a deleted one is dropped from the queue by the
 * next claim).  $1 org, $2 account, $3 the sequence, then the assessment.
 */
static const struct store_statement put_sql = {
  "refresh.put",
  "WITH account AS (\n"
  "  SELECT org_id, id FROM accounts\n"
  "   WHERE org_id = $1 AND id = $2\n"
  "     FOR KEY SHARE),\n"
  "done AS (\n"
  "  DELETE FROM assessment_queue q\n"
  "   USING account a\n"
  "   WHERE q.org_id = a.org_id AND q.account_id = a.id AND q.seq = $3\n"
  "  RETURNING q.org_id, q.account_id)\n"
  "INSERT INTO account_assessments AS s\n"
  "       (org_id, account_id, risk_score, risk_level, risk_score_30d,\n"
  "        top_drivers, pillar_status, primary_orientation, model_version,\n"
  "        weights_version, as_of)\n"
  "SELECT org_id, account_id, $4, $5, $6, $7, $8, $9, $10, $11, $12\n"
  "  FROM done\n"
  "ON CONFLICT (org_id, account_id) DO UPDATE\n"
  "   SET risk_score = EXCLUDED.risk_score,\n"
  "       risk_level = EXCLUDED.risk_level,\n"
  "       risk_score_30d = EXCLUDED.risk_score_30d,\n"
  "       top_drivers = EXCLUDED.top_drivers,\n"
  "       pillar_status = EXCLUDED.pillar_status,\n"
  "       primary_orientation = EXCLUDED.primary_orientation,\n"
  "       model_version = EXCLUDED.model_version,\n"
  "       weights_version = EXCLUDED.weights_version,\n"
  "       as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at,\n"
  "       computations = s.computations + 1",
};

/**
 * The put's transaction commits without waiting for its WAL to reach the
 * disk: a put lost in a crash takes its queue row's deletion with it, so
 * the account is simply scored again, and the refresher does not wait for
 * an fsync per account.
 */
static const struct store_statement async_commit_sql = {
  "refresh.async_commit",
  "SET LOCAL synchronous_commit = off",
};

enum store_qs
store_refresh_put (struct store_conn *c, const struct store_queued *q,
                   const struct store_stored *s)
{
  char score[32], score_30d[32], weights[16];
  const char *v[] = {
    q->org_id,     q->account_id,    q->seq,         score,
    s->risk_level, score_30d,        s->top_drivers, s->pillar_status,
    s->primary,    s->model_version, weights,        s->as_of
  };
  PGresult *r;
  enum store_qs qs;

  snprintf (score, sizeof (score), "%.17g", s->risk_score);
  snprintf (score_30d, sizeof (score_30d), "%.17g", s->risk_score_30d);
  snprintf (weights, sizeof (weights), "%d", s->weights_version);
  qs = store_exec_later (c, &async_commit_sql, 0, NULL);
  if (qs < 0)
    return qs;
  qs = store_exec (c, &put_sql, 12, v, &r);
  PQclear (r);
  return qs;
}

bool
store_refresh_listen (struct store_conn *c)
{
  PGresult *r;
  bool ok;

  if (NULL == c->pg || CONNECTION_OK != PQstatus (c->pg))
    return false;
  /* Again each time: the pool may have replaced the connection. */
  r = PQexec (c->pg, "LISTEN rapport_assess");
  c->used = true;
  ok = PGRES_COMMAND_OK == PQresultStatus (r);
  if (! ok)
    (void) store_classify (c, r, "LISTEN rapport_assess");
  PQclear (r);
  return ok;
}

bool
store_refresh_wait (struct store_conn *c, long timeout_ms)
{
  struct pollfd p = { .fd = PQsocket (c->pg), .events = POLLIN };
  PGnotify *n;
  bool any = false;

  /* Notices that came with earlier results count too. */
  if (poll (&p, 1, (int) timeout_ms) > 0 && 1 != PQconsumeInput (c->pg))
    return false;
  while (NULL != (n = PQnotifies (c->pg)))
  {
    any = true;
    PQfreemem (n);
  }
  return any;
}

const struct store_statement *const store_refresh_statements[] = {
  &claim_sql, &expand_sql,       &sweep_sql, &drop_sql,
  &put_sql,   &async_commit_sql, NULL,
};
