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
     and lock timeout: the client should retry later. */
  /* 08P01 (protocol violation) is ours, not the network's. */
  if ((0 == strncmp (state, "08", 2) && 0 != strcmp (state, "08P01"))
      || 0 == strncmp (state, "57P", 3) || 0 == strcmp (state, "53300")
      || 0 == strcmp (state, "57014") || 0 == strcmp (state, "55P03"))
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

enum store_qs
store_exec (struct store_conn *c, const struct store_statement *st, int n,
            const char *const *values, PGresult **res)
{
  PGresult *r = PQexecPrepared (c->pg, st->name, n, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (r);
  enum store_qs qs;

  *res = NULL;
  /* Dead before anything was sent on it: a fresh connection, once. */
  if (PGRES_FATAL_ERROR == status && store_retry_on_fresh (c))
  {
    PQclear (r);
    r = PQexecPrepared (c->pg, st->name, n, values, NULL, NULL, 0);
    status = PQresultStatus (r);
  }
  c->used = true;
  if (PGRES_TUPLES_OK == status)
  {
    *res = r;
    return (enum store_qs) PQntuples (r);
  }
  if (PGRES_COMMAND_OK == status)
  {
    const char *t = PQcmdTuples (r);

    *res = r;
    return (enum store_qs) ('\0' == t[0] ? 0 : atoi (t));
  }
  qs = store_classify (c, r, st->name);
  PQclear (r);
  return qs;
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

/** Runs a plain command such as BEGIN or COMMIT. */
static enum store_qs
command (struct store_conn *c, const char *sql)
{
  PGresult *r = PQexec (c->pg, sql);
  enum store_qs qs = STORE_QS_NO_RESULTS;

  if (PGRES_FATAL_ERROR == PQresultStatus (r) && store_retry_on_fresh (c))
  {
    PQclear (r);
    r = PQexec (c->pg, sql);
  }
  c->used = true;

  if (PGRES_COMMAND_OK != PQresultStatus (r)
      && PGRES_TUPLES_OK != PQresultStatus (r))
    qs = store_classify (c, r, sql);
  PQclear (r);
  return qs;
}

/** The organization a transaction works for, read by every row-level
    security policy: $1 the organization id ('' for none). */
static const struct store_statement tenant_sql = {
  "tenant.set",
  "SELECT set_config('app.org_id', $1, true) AS org_id",
};

/** Opens a transaction for @a org_id (or none): BEGIN, then the tenant. */
static enum store_qs
begin (struct store_conn *c, const char *org_id)
{
  const char *v[] = { NULL != org_id ? org_id : "" };
  PGresult *r;
  enum store_qs qs = command (c, "BEGIN");

  if (qs < 0)
    return qs;
  qs = store_exec (c, &tenant_sql, 1, v, &r);
  PQclear (r);
  return qs < 0 ? qs : STORE_QS_NO_RESULTS;
}

enum store_qs
store_run_tx (struct store_conn *c, const char *org_id, store_tx_cb cb,
              void *cls)
{
  enum store_qs qs = STORE_QS_SOFT_ERROR;

  for (int attempt = 0; attempt < 3 && STORE_QS_SOFT_ERROR == qs; attempt++)
  {
    enum store_qs done;

    qs = begin (c, org_id);
    if (qs < 0)
    {
      if (CONNECTION_OK == PQstatus (c->pg))
        PQclear (PQexec (c->pg, "ROLLBACK"));
      break;
    }
    qs = cb (cls, c);
    if (qs < 0)
    {
      if (CONNECTION_OK == PQstatus (c->pg))
        PQclear (PQexec (c->pg, "ROLLBACK"));
      continue;
    }
    done = command (c, "COMMIT");
    if (done < 0)
      qs = done;
  }
  return qs;
}

const struct store_statement *const store_tx_statements[] = {
  &tenant_sql,
  NULL,
};
