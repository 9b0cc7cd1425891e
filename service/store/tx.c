/**
 * @file tx.c
 * @brief Executing statements, classifying SQLSTATEs, and transactions
 *        with retry (after GNUnet's pq_eval.c and Taler's retry loop).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/util.h"

enum store_qs
store_classify (struct store_conn *c, const PGresult *res, const char *what)
{
  const char *state = NULL != res ? PQresultErrorField (res, PG_DIAG_SQLSTATE)
                                  : NULL;

  if (NULL == c->pg || CONNECTION_BAD == PQstatus (c->pg) || NULL == res)
  {
    log_warn ("database unavailable during %s: %s", what,
              NULL != c->pg ? PQerrorMessage (c->pg) : "not connected");
    return STORE_QS_UNAVAILABLE;
  }
  if (NULL == state)
    state = "";
  if (0 == strcmp (state, "40001") || 0 == strcmp (state, "40P01"))
    return STORE_QS_SOFT_ERROR;
  if (0 == strcmp (state, "23505"))
    return STORE_QS_CONFLICT;
  /* Connection trouble, shutdown, too many connections, statement timeout
     and lock timeout: the client should retry later.  08P01 is one too:
     pgbouncer answers it ("server conn crashed?") when the server
     connection it lent went away, the client's staying open. */
  if (0 == strncmp (state, "08", 2) || 0 == strncmp (state, "57P", 3)
      || 0 == strcmp (state, "53300") || 0 == strcmp (state, "57014")
      || 0 == strcmp (state, "55P03"))
  {
    log_warn ("database unavailable during %s: SQLSTATE %s", what, state);
    return STORE_QS_UNAVAILABLE;
  }
  log_line (LOG_ERROR, NULL, "%s failed: SQLSTATE %s: %s %s", what, state,
            PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY),
            NULL != PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL)
              ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL)
              : "");
  return STORE_QS_HARD_ERROR;
}

/** Whether statements are prepared by name on each connection (else
    each goes out as an unnamed one, which a transaction pooler such as
    pgbouncer 1.18 can carry).  Set once at start. */
static bool use_prepared = true;

void
store_set_prepared (bool on)
{
  use_prepared = on;
}

bool
store_prepared (void)
{
  return use_prepared;
}

/** Runs statement @a st and waits for its result. */
static PGresult *
exec_statement (struct store_conn *c, const struct store_statement *st, int n,
                const char *const *values)
{
  if (use_prepared)
    return PQexecPrepared (c->pg, st->name, n, values, NULL, NULL, 0);
  return PQexecParams (c->pg, st->sql, n, NULL, values, NULL, NULL, 0);
}

/** Runs a prepared statement on its own, outside any pipeline. */
static enum store_qs
exec_plain (struct store_conn *c, const struct store_statement *st, int n,
            const char *const *values, PGresult **res)
{
  PGresult *r = exec_statement (c, st, n, values);
  ExecStatusType status = PQresultStatus (r);
  enum store_qs qs;

  /* Dead before anything was sent on it: a fresh connection, once. */
  if (PGRES_FATAL_ERROR == status && store_retry_on_fresh (c))
  {
    PQclear (r);
    r = exec_statement (c, st, n, values);
    status = PQresultStatus (r);
  }
  c->used = true;
  if (PGRES_TUPLES_OK == status || PGRES_COMMAND_OK == status)
  {
    *res = r;
    return STORE_QS_NO_RESULTS;
  }
  qs = store_classify (c, r, st->name);
  PQclear (r);
  return qs;
}

/* ------------------------------------------------------------- pipeline -- */

/** Queues a query's result to be read by flush(). */
static bool
pending (struct store_conn *c, int sent, const char *what, PGresult **out)
{
  if (1 != sent)
    return false;
  c->pending[c->n_pending].what = what;
  c->pending[c->n_pending].out = out;
  c->n_pending++;
  return true;
}

/** Sends prepared statement @a st into the pipeline. */
static bool
send_prepared (struct store_conn *c, const struct store_statement *st, int n,
               const char *const *values, PGresult **out)
{
  if (c->n_pending >= STORE_PIPELINE_MAX)
    return false;
  if (! use_prepared)
    return pending (c,
                    PQsendQueryParams (c->pg, st->sql, n, NULL, values, NULL,
                                       NULL, 0),
                    st->name, out);
  return pending (c,
                  PQsendQueryPrepared (c->pg, st->name, n, values, NULL, NULL,
                                       0),
                  st->name, out);
}

/** Sends a plain command (BEGIN, COMMIT, SAVEPOINT ...) into the pipeline. */
static bool
send_command (struct store_conn *c, const char *sql)
{
  if (c->n_pending >= STORE_PIPELINE_MAX)
    return false;
  return pending (c,
                  PQsendQueryParams (c->pg, sql, 0, NULL, NULL, NULL, NULL, 0),
                  sql, NULL);
}

/**
 * Ends the pipeline with a Sync and reads the result of every query in
 * it, in order: each one's goes to its @a out (or is checked and
 * cleared).  After a failure the server skips the rest up to the Sync.
 *
 * @return STORE_QS_NO_RESULTS, or the first failure classified
 */
static enum store_qs
flush (struct store_conn *c, bool sent)
{
  enum store_qs qs = STORE_QS_NO_RESULTS;
  bool reading = NULL != c->pg && CONNECTION_OK == PQstatus (c->pg)
                 && 1 == PQpipelineSync (c->pg);

  for (unsigned int i = 0; i < c->n_pending; i++)
  {
    struct store_pending *q = &c->pending[i];
    PGresult *r = reading ? PQgetResult (c->pg) : NULL;
    ExecStatusType status = PQresultStatus (r);

    if (NULL == r)
      reading = false; /* the connection is gone */
    else
    {
      PGresult *more;

      /* Each query's results end with a NULL. */
      while (NULL != (more = PQgetResult (c->pg)))
        PQclear (more);
    }
    if (PGRES_TUPLES_OK == status || PGRES_COMMAND_OK == status)
    {
      if (NULL != q->out)
        *q->out = r;
      else
        PQclear (r);
      continue;
    }
    if (qs >= 0 && PGRES_PIPELINE_ABORTED != status)
      qs = store_classify (c, r, q->what);
    PQclear (r);
  }
  c->n_pending = 0;
  if (reading)
  {
    PGresult *r = PQgetResult (c->pg);

    reading = PGRES_PIPELINE_SYNC == PQresultStatus (r);
    PQclear (r);
  }
  if (! reading)
    c->fatal = true; /* out of step with the server: a new one next time */
  if (qs >= 0 && ! sent && NULL != c->pg && CONNECTION_OK == PQstatus (c->pg))
  {
    log_error ("a pipeline could not be sent (more than %d queries?)",
               STORE_PIPELINE_MAX);
    qs = STORE_QS_HARD_ERROR;
  }
  else if (qs >= 0 && ! reading)
    qs = store_classify (c, NULL, "a pipeline");
  return qs;
}

/**
 * Whether @a org is safe to write into SET LOCAL: empty (no organization)
 * or an id of hexadecimal digits and dashes, as the database makes them.
 */
static bool
org_literal_ok (const char *org)
{
  size_t n = strspn (org, "0123456789abcdefABCDEF-");

  return '\0' == org[n] && n <= 36;
}

/**
 * Sends what the transaction needs before its first statement: BEGIN
 * (READ ONLY for a read) and the organization every row-level security
 * policy reads, with SET LOCAL: a setting of the transaction, which
 * pgbouncer's transaction pooling carries and Citus passes on to its
 * workers (citus.propagate_set_commands = 'local'), where set_config()
 * is not.  With unnamed statements the statement timeout is set here
 * too, as no session setting survives a transaction pooler.
 */
static bool
send_opening (struct store_conn *c)
{
  char sql[80];

  if (c->begun)
    return true;
  if (! org_literal_ok (c->org_id))
  {
    log_error ("refusing an organization id that is not one: \"%.40s\"",
               c->org_id);
    return false;
  }
  c->begun = true;
  snprintf (sql, sizeof (sql), "SET LOCAL app.org_id = '%s'", c->org_id);
  if (! send_command (c,
                      STORE_MODE_READ == c->mode ? "BEGIN READ ONLY" : "BEGIN")
      || ! send_command (c, sql))
    return false;
  if (use_prepared)
    return true;
  snprintf (sql, sizeof (sql), "SET LOCAL statement_timeout = %ld",
            c->statement_timeout_ms);
  return send_command (c, sql);
}

/** A read ends its transaction with each pipeline: one round trip a
    read, as before. */
static bool
send_closing (struct store_conn *c)
{
  if (STORE_MODE_READ != c->mode)
    return true;
  c->begun = false;
  return send_command (c, "COMMIT");
}

/** Sends what the transaction still needs, then every query of @a q. */
static bool
send_all (struct store_conn *c, struct store_query *q, unsigned int n)
{
  if (! send_opening (c))
    return false;
  for (unsigned int i = 0; i < n; i++)
    if (! send_prepared (c, q[i].st, q[i].n, q[i].values, &q[i].res))
      return false;
  return send_closing (c);
}

/** Clears the results of @a q. */
static void
clear_all (struct store_query *q, unsigned int n)
{
  for (unsigned int i = 0; i < n; i++)
  {
    PQclear (q[i].res);
    q[i].res = NULL;
  }
}

/**
 * Sends the queries of @a q (after what the transaction still needs
 * before them) and reads every result.  A connection found dead before
 * anything was sent on it since it was handed out is replaced and the
 * pipeline sent again, once.
 */
static enum store_qs
exec_pipelined (struct store_conn *c, struct store_query *q, unsigned int n)
{
  bool fresh = ! c->used && 0 == c->n_pending;
  enum store_qs qs;

  clear_all (q, n);
  qs = flush (c, send_all (c, q, n));
  c->used = true;
  if (STORE_QS_UNAVAILABLE == qs && fresh)
  {
    c->used = false;
    if (store_retry_on_fresh (c) && 1 == PQenterPipelineMode (c->pg))
    {
      c->begun = false;
      clear_all (q, n);
      qs = flush (c, send_all (c, q, n));
    }
    c->used = true;
  }
  if (qs < 0)
  {
    clear_all (q, n);
    /* A read that failed left its transaction open and aborted. */
    if (STORE_MODE_READ == c->mode && NULL != c->pg
        && CONNECTION_OK == PQstatus (c->pg)
        && PQTRANS_IDLE != PQtransactionStatus (c->pg))
      (void) flush (c, send_command (c, "ROLLBACK"));
  }
  return qs;
}

/** The number of rows @a r answered or changed. */
static enum store_qs
rows (const PGresult *r)
{
  const char *t;

  if (PGRES_TUPLES_OK == PQresultStatus (r))
    return (enum store_qs) PQntuples (r);
  t = PQcmdTuples ((PGresult *) r);
  return (enum store_qs) ('\0' == t[0] ? 0 : atoi (t));
}

enum store_qs
store_exec (struct store_conn *c, const struct store_statement *st, int n,
            const char *const *values, PGresult **res)
{
  enum store_qs qs;

  *res = NULL;
  if (STORE_MODE_PLAIN == c->mode)
    qs = exec_plain (c, st, n, values, res);
  else
  {
    struct store_query q = { st, n, values, NULL };

    qs = exec_pipelined (c, &q, 1);
    *res = q.res;
  }
  if (qs < 0)
  {
    PQclear (*res);
    *res = NULL;
    return qs;
  }
  return rows (*res);
}

enum store_qs
store_exec_all (struct store_conn *c, struct store_query *q, unsigned int n)
{
  if (STORE_MODE_PLAIN != c->mode)
    return exec_pipelined (c, q, n);
  for (unsigned int i = 0; i < n; i++)
  {
    enum store_qs qs = store_exec (c, q[i].st, q[i].n, q[i].values, &q[i].res);

    if (qs < 0)
    {
      clear_all (q, n);
      return qs;
    }
  }
  return STORE_QS_NO_RESULTS;
}

enum store_qs
store_exec_later (struct store_conn *c, const struct store_statement *st,
                  int n, const char *const *values)
{
  PGresult *r;
  enum store_qs qs;

  if (STORE_MODE_WRITE != c->mode)
  {
    qs = store_exec (c, st, n, values, &r);
    PQclear (r);
    return qs < 0 ? qs : STORE_QS_NO_RESULTS;
  }
  if (! send_opening (c) || ! send_prepared (c, st, n, values, NULL))
    return flush (c, false);
  return STORE_QS_NO_RESULTS;
}

enum store_qs
store_exec_one (struct store_conn *c, const struct store_statement *st, int n,
                const char *const *values, store_read_cb read, void *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, st, n, values, &r);

  if (qs > 0)
  {
    read (r, 0, out);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

/**
 * The number of column @a name in @a r.
 *
 * @return the column, or -1 (logged: the statement and its reader
 *         disagree, which is a bug)
 */
static int
column (const PGresult *r, const char *name)
{
  int col = PQfnumber (r, name);

  if (col < 0)
    log_error ("a statement's result has no column \"%s\"", name);
  return col;
}

const char *
store_get (const PGresult *r, int row, const char *name)
{
  int col = column (r, name);

  return col < 0 ? "" : PQgetvalue (r, row, col);
}

bool
store_isnull (const PGresult *r, int row, const char *name)
{
  int col = column (r, name);

  return col < 0 || PQgetisnull (r, row, col);
}

long long
store_get_int (const PGresult *r, int row, const char *name)
{
  return strtoll (store_get (r, row, name), NULL, 10);
}

double
store_get_double (const PGresult *r, int row, const char *name)
{
  return strtod (store_get (r, row, name), NULL);
}

bool
store_get_bool (const PGresult *r, int row, const char *name)
{
  return 't' == store_get (r, row, name)[0];
}

char *
store_get_dup (const PGresult *r, int row, const char *name)
{
  if (store_isnull (r, row, name))
    return NULL;
  return util_strdup (store_get (r, row, name));
}

bool
store_copy (const PGresult *res, int row, const char *name, char *dst,
            size_t cap)
{
  if (store_isnull (res, row, name))
  {
    dst[0] = '\0';
    return false;
  }
  /* The engine's copy cuts between UTF-8 characters, never inside one. */
  score_strlcpy (dst, cap, store_get (res, row, name));
  return true;
}

/**
 * Runs a command without parameters: in the transaction's pipeline, or on
 * its own outside one.
 */
static enum store_qs
command (struct store_conn *c, const char *sql)
{
  PGresult *r;
  enum store_qs qs = STORE_QS_NO_RESULTS;

  if (STORE_MODE_PLAIN != c->mode)
    return flush (c, send_opening (c) && send_command (c, sql)
                       && send_closing (c));
  r = PQexec (c->pg, sql);
  c->used = true;
  if (PGRES_COMMAND_OK != PQresultStatus (r)
      && PGRES_TUPLES_OK != PQresultStatus (r))
    qs = store_classify (c, r, sql);
  PQclear (r);
  return qs;
}

enum store_qs
store_savepoint (struct store_conn *c, enum store_savepoint_op op)
{
  static const char *const sql[] = { "SAVEPOINT bulk",
                                     "ROLLBACK TO SAVEPOINT bulk",
                                     "RELEASE SAVEPOINT bulk" };

  return command (c, sql[op]);
}

/**
 * What every write says at its commit, in the same pipeline: the
 * refresher (an account may be queued) and the delivery threads (an event
 * may have a delivery) wake up.  The service says it, not the triggers
 * that queue the work: under Citus those run on the workers, where nobody
 * listens and where a notice keeps a two-phase commit from preparing.
 * The statement touches no table, so it stays on the coordinator.
 */
static const struct store_statement wake_sql = {
  "tx.wake",
  "SELECT pg_notify('rapport_assess', '')::text AS assess,\n"
  "       pg_notify('rapport_webhooks', '')::text AS webhooks",
};

/**
 * Ends a transaction's pipeline: COMMIT (with any deferred statement)
 * when @a qs says so and something was sent, else ROLLBACK; then leaves
 * pipeline mode.
 *
 * @return @a qs, or the failure of COMMIT (an outcome not known, with the
 *         connection lost, is STORE_QS_UNAVAILABLE)
 */
static enum store_qs
finish (struct store_conn *c, enum store_qs qs)
{
  if (qs >= 0 && STORE_MODE_WRITE == c->mode && c->begun)
  {
    enum store_qs done = flush (c, send_prepared (c, &wake_sql, 0, NULL, NULL)
                                     && send_command (c, "COMMIT"));

    if (done < 0)
      qs = done;
  }
  else if (c->n_pending > 0)
    (void) flush (c, true); /* deferred statements of a failed body */
  if (NULL != c->pg && PQTRANS_IDLE != PQtransactionStatus (c->pg)
      && CONNECTION_OK == PQstatus (c->pg))
    (void) flush (c, send_command (c, "ROLLBACK"));
  if (NULL != c->pg && 1 != PQexitPipelineMode (c->pg))
    c->fatal = true;
  c->mode = STORE_MODE_PLAIN;
  c->begun = false;
  c->n_pending = 0;
  return qs;
}

enum store_qs
store_run_tx (struct store_conn *c, const char *org_id, bool read_only,
              store_tx_cb cb, void *cls)
{
  enum store_qs qs = STORE_QS_SOFT_ERROR;

  for (int attempt = 0; attempt < 3 && STORE_QS_SOFT_ERROR == qs; attempt++)
  {
    if (NULL == c->pg || 1 != PQenterPipelineMode (c->pg))
      return store_classify (c, NULL, "a transaction");
    c->mode = read_only ? STORE_MODE_READ : STORE_MODE_WRITE;
    c->org_id = NULL != org_id ? org_id : "";
    c->begun = false;
    c->n_pending = 0;
    qs = finish (c, cb (cls, c));
  }
  return qs;
}

const struct store_statement *const store_tx_statements[] = {
  &wake_sql,
  NULL,
};
