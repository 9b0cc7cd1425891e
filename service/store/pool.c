/**
 * @file pool.c
 * @brief A bounded pool of PostgreSQL connections, one per HTTP worker:
 *        lazily connected, checked on handout, re-prepared on reconnect.
 */
#include "svc/store.h"
#include "svc/alloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/log.h"

/** The pool: a stack of free connections behind a mutex. */
struct store_pool
{
  pthread_mutex_t lock;
  pthread_cond_t freed;
  char *conninfo;
  unsigned int size;
  unsigned int n_free;
  struct store_conn *conns; /**< all of them */
  struct store_conn **free; /**< stack of free ones */
  uint64_t waits;
  uint64_t timeouts;
};

struct store_pool *
store_pool_new (const char *conninfo, unsigned int size,
                long statement_timeout_ms)
{
  struct store_pool *p = util_calloc (1, sizeof (*p));

  p->conninfo = util_strdup (conninfo);
  p->conns = util_calloc (size, sizeof (*p->conns));
  p->free = util_calloc (size, sizeof (*p->free));
  pthread_mutex_init (&p->lock, NULL);
  pthread_cond_init (&p->freed, NULL);
  p->size = size;
  for (unsigned int i = 0; i < size; i++)
  {
    p->conns[i].statement_timeout_ms = statement_timeout_ms;
    p->conns[i].conninfo = p->conninfo;
    p->free[p->n_free++] = &p->conns[i];
  }
  return p;
}

void
store_pool_free (struct store_pool *p)
{
  if (NULL == p)
    return;
  if (NULL != p->conns)
    for (unsigned int i = 0; i < p->size; i++)
      if (NULL != p->conns[i].pg)
        PQfinish (p->conns[i].pg);
  if (NULL != p->free)
  {
    pthread_mutex_destroy (&p->lock);
    pthread_cond_destroy (&p->freed);
  }
  free (p->conns);
  free (p->free);
  free (p->conninfo);
  free (p);
}

PGconn *
store_connect_once (const char *conninfo, char *err, size_t err_len)
{
  /* A short connect timeout keeps an unreachable database a quick 503;
     keepalives and a TCP user timeout turn a database that stops answering
     into an error instead of a hang. */
  const char *keys[] = {
    "dbname",           "connect_timeout",  "application_name",
    "keepalives",       "keepalives_idle",  "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", NULL
  };
  const char *vals[] = { conninfo, "3", "rapport", "1", "10",
                         "3",      "3", "10000",   NULL };
  PGconn *pg = PQconnectdbParams (keys, vals, 1);

  if (NULL == pg || CONNECTION_OK != PQstatus (pg))
  {
    if (NULL != err)
      snprintf (err, err_len, "cannot connect to PostgreSQL: %s",
                NULL != pg ? PQerrorMessage (pg) : "out of memory");
    if (NULL != pg)
      PQfinish (pg);
    return NULL;
  }
  return pg;
}

void
store_on_notice (void *arg, const char *message)
{
  struct store_conn *c = arg;
  char text[512];

  snprintf (text, sizeof (text), "%s", message);
  text[strcspn (text, "\n")] = '\0';
  if (NULL != c && 0 == strncmp (text, "FATAL", 5))
    c->fatal = true;
  log_warn ("PostgreSQL: %s", text);
}

/** Prepares statement @a st on connection @a cls; 0 or -1. */
static int
prepare_one (void *cls, const struct store_statement *st)
{
  struct store_conn *c = cls;
  PGresult *r = PQprepare (c->pg, st->name, st->sql, 0, NULL);

  if (PGRES_COMMAND_OK != PQresultStatus (r))
  {
    /* A server going down is a warning; a statement that does not
       prepare (a schema behind the code) is an error. */
    store_classify (c, r, st->name);
    PQclear (r);
    return -1;
  }
  PQclear (r);
  return 0;
}

/** Applies session settings and prepares every statement on @a c. */
static int
prepare_conn (struct store_conn *c)
{
  char sql[256];
  PGresult *r;

  /* Through a transaction pooler (unnamed statements) a session setting
     would reach whichever server connection is lent, and stay there for
     others: the statement timeout is set in each transaction instead
     (tx.c), and the pooler keeps TimeZone and DateStyle, which it tracks
     for each client. */
  if (store_prepared ())
    snprintf (sql, sizeof (sql),
              "SET statement_timeout = %ld;"
              "SET idle_in_transaction_session_timeout = '30s';"
              "SET TimeZone = 'UTC'; SET DateStyle = 'ISO'",
              c->statement_timeout_ms);
  else
    snprintf (sql, sizeof (sql),
              "SET TimeZone = 'UTC'; SET DateStyle = 'ISO'");
  r = PQexec (c->pg, sql);
  if (PGRES_COMMAND_OK != PQresultStatus (r))
  {
    store_classify (c, r, "session settings");
    PQclear (r);
    return -1;
  }
  PQclear (r);
  if (store_prepared () && 0 != store_statements_visit (&prepare_one, c))
    return -1;
  c->prepared = true;
  return 0;
}

int
store_reconnect (struct store_conn *c)
{
  if (NULL != c->pg)
    PQfinish (c->pg);
  c->prepared = false;
  c->fatal = false;
  c->pg = store_connect_once (c->conninfo, NULL, 0);
  if (NULL == c->pg)
    return -1;
  PQsetNoticeProcessor (c->pg, &store_on_notice, c);
  if (0 != prepare_conn (c))
  {
    PQfinish (c->pg);
    c->pg = NULL;
    return -1;
  }
  return 0;
}

bool
store_retry_on_fresh (struct store_conn *c)
{
  if (c->used
      || (NULL != c->pg && CONNECTION_BAD != PQstatus (c->pg) && ! c->fatal))
    return false;
  c->used = true;
  log_warn ("a pooled database connection was found dead; reconnecting");
  return 0 == store_reconnect (c);
}

/** Makes @a c usable: connects or reconnects, prepares. */
static enum store_qs
ensure_ready (struct store_pool *p, struct store_conn *c)
{
  bool alive = NULL != c->pg && CONNECTION_OK == PQstatus (c->pg)
               && c->prepared;

  (void) p;
  c->used = false;
  /* Reading (and parsing) what the server sent while the connection sat
     in the pool notices a backend that was terminated or a server that
     restarted: its FATAL comes through store_on_notice, or the read fails. */
  if (alive)
  {
    alive = 0 != PQconsumeInput (c->pg);
    if (alive)
      (void) PQisBusy (c->pg); /* parses what came: a FATAL sets c->fatal */
    alive = alive && ! c->fatal && CONNECTION_OK == PQstatus (c->pg);
  }
  if (NULL != c->pg && ! alive)
    log_warn ("a pooled database connection was closed; reconnecting");
  if (alive && PQTRANS_IDLE != PQtransactionStatus (c->pg))
  {
    log_error ("pooled connection was not idle; rolling back");
    PQclear (PQexec (c->pg, "ROLLBACK"));
    alive = PQTRANS_IDLE == PQtransactionStatus (c->pg);
  }
  if (alive)
    return STORE_QS_ONE;
  return 0 == store_reconnect (c) ? STORE_QS_ONE : STORE_QS_UNAVAILABLE;
}

struct store_conn *
store_acquire (struct store_pool *p, long timeout_ms, enum store_qs *qs)
{
  struct store_conn *c = NULL;
  struct timespec deadline;

  clock_gettime (CLOCK_REALTIME, &deadline);
  deadline.tv_sec += timeout_ms / 1000;
  deadline.tv_nsec += (timeout_ms % 1000) * 1000000L;
  if (deadline.tv_nsec >= 1000000000L)
  {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock (&p->lock);
  if (0 == p->n_free)
    p->waits++;
  while (0 == p->n_free)
    if (ETIMEDOUT == pthread_cond_timedwait (&p->freed, &p->lock, &deadline))
      break;
  if (p->n_free > 0)
    c = p->free[--p->n_free];
  else
    p->timeouts++;
  pthread_mutex_unlock (&p->lock);
  *qs = STORE_QS_UNAVAILABLE;
  if (NULL == c)
    return NULL;
  *qs = ensure_ready (p, c);
  if (STORE_QS_ONE != *qs)
  {
    store_release (p, c);
    return NULL;
  }
  return c;
}

void
store_release (struct store_pool *p, struct store_conn *c)
{
  if (NULL == c)
    return;
  if (NULL != c->pg && CONNECTION_OK == PQstatus (c->pg)
      && PQTRANS_IDLE != PQtransactionStatus (c->pg))
    PQclear (PQexec (c->pg, "ROLLBACK"));
  pthread_mutex_lock (&p->lock);
  p->free[p->n_free++] = c;
  pthread_cond_signal (&p->freed);
  pthread_mutex_unlock (&p->lock);
}

void
store_pool_stats (struct store_pool *p, struct store_pool_stats *out)
{
  pthread_mutex_lock (&p->lock);
  out->size = p->size;
  out->in_use = p->size - p->n_free;
  out->waits = p->waits;
  out->timeouts = p->timeouts;
  pthread_mutex_unlock (&p->lock);
}
