/**
 * @file webhooks.c
 * @brief Webhook endpoints and their delivery log, as requests see them
 *        (under the tenant policy), and the outbox as the delivery threads
 *        work it (through migrations/0008's SECURITY DEFINER functions),
 *        with the LISTEN connection that wakes them.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"

/** The channel migrations/0008's trigger notifies when it queues. */
#define CHANNEL "rapport_webhooks"

/** An endpoint as the API shows it (never its secret), with what lists
    and locks need beside it. */
#define ENDPOINT_COLUMNS \
  "jsonb_build_object(\n" \
  "    'id', id, 'url', url, 'description', description,\n" \
  "    'event_types', to_jsonb(event_types), 'status', status,\n" \
  "    'disabled_reason', disabled_reason,\n" \
  "    'disabled_at', " STORE_TS ( \
    "disabled_at") ",\n" \
                   "    'previous_secret_expires_at',\n" \
                   "      CASE WHEN previous_secret_expires_at > " \
                   "clock_timestamp()\n" \
                   "           THEN " STORE_TS ( \
                     "previous_secret_expires_at") " END,\n" \
                                                   "    " \
                                                   "'created_at'," \
                                                   " " STORE_TS ( \
                                                     "created_at") ",\n" \
                                                                   "    " \
                                                                   "'updated" \
                                                                   "_at'," \
                                                                   " " STORE_TS ( \
                                                                     "update" \
                                                                     "d_at") ")::text AS doc,\n" \
                                                                             "  id::text AS id, version, " STORE_TS ( \
                                                                               "created_at") " AS created_at"

/** Reads an ENDPOINT_COLUMNS (or DELIVERY_COLUMNS) row. */
static void
read_doc (const PGresult *r, int row, void *out)
{
  struct store_row *sr = out;

  memset (sr, 0, sizeof (*sr));
  sr->json = store_get_dup (r, row, "doc");
  sr->version = (int) store_get_int (r, row, "version");
  store_copy (r, row, "id", sr->id, sizeof (sr->id));
  store_copy (r, row, "created_at", sr->order_key, sizeof (sr->order_key));
}

/** Runs a statement answering one document row. */
static enum store_qs
doc_one (struct store_conn *c, const struct store_statement *st, int n,
         const char *const *v, struct store_row *out)
{
  memset (out, 0, sizeof (*out));
  return store_exec_one (c, st, n, v, &read_doc, out);
}

/** The one endpoint: $1 org, $2 id (below). */
static const struct store_statement get_sql;

/**
 * Runs a statement that writes one endpoint and answers its id, then
 * reads the endpoint as the API shows it: Citus allows only immutable
 * functions in RETURNING, and the document is built with
 * jsonb_build_object().
 */
static enum store_qs
write_one (struct store_conn *c, const struct store_statement *st, int n,
           const char *const *v, struct store_row *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, st, n, v, &r);
  char id[40];
  const char *get[2];

  memset (out, 0, sizeof (*out));
  if (qs <= 0)
  {
    PQclear (r);
    return qs;
  }
  store_copy (r, 0, "id", id, sizeof (id));
  PQclear (r);
  get[0] = v[0];
  get[1] = id;
  return doc_one (c, &get_sql, 2, get, out);
}

/**
 * The event types, a JSON array of strings the API checked against the
 * list of types (letters, dots and underscores), as a text[] literal.
 *
 * @return false for anything else
 */
static bool
text_array (const char *json, char *out, size_t cap)
{
  size_t n = strlen (json);

  if (n < 2 || n >= cap || '[' != json[0] || ']' != json[n - 1]
      || NULL != strpbrk (json, "\\{}'"))
    return false;
  memcpy (out, json, n + 1);
  out[0] = '{';
  out[n - 1] = '}';
  return true;
}

/** Runs a statement answering document rows, calling @a cb for each. */
static enum store_qs
doc_rows (struct store_conn *c, const struct store_statement *st, int n,
          const char *const *v, store_row_cb cb, void *cls)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, st, n, v, &r);

  for (int i = 0; i < (int) qs; i++)
  {
    struct store_row row;

    read_doc (r, i, &row);
    cb (cls, &row);
    store_row_clear (&row);
  }
  PQclear (r);
  return qs;
}

/** Locks the organization's row, so its endpoints are counted one
    creation at a time: $1 org. */
static const struct store_statement lock_org_sql = {
  "webhooks.lock_org",
  "SELECT 1 AS locked FROM organizations WHERE id = $1 FOR UPDATE",
};

/** A new endpoint, unless the organization has $6 already: $1 org, $2 url,
    $3 description, $4 event types (a text[]), $5 secret. */
static const struct store_statement insert_sql = {
  "webhooks.insert",
  "INSERT INTO webhook_endpoints (org_id, url, description, event_types,\n"
  "                               secret)\n"
  "SELECT $1, $2, $3, $4::text[], $5\n"
  " WHERE (SELECT count(*) FROM webhook_endpoints WHERE org_id = $1)\n"
  "       < $6::integer\n"
  "RETURNING id::text AS id",
};

enum store_qs
store_webhooks_insert (struct store_conn *c, const char *org_id,
                       const char *url, const char *description,
                       const char *event_types, const char *secret,
                       long max_endpoints, struct store_row *out)
{
  char max[24], types[1024];
  const char *v[] = { org_id, url, description, types, secret, max };
  PGresult *r;
  enum store_qs qs;

  if (! text_array (event_types, types, sizeof (types)))
    return STORE_QS_HARD_ERROR;
  qs = store_exec (c, &lock_org_sql, 1, v, &r);
  PQclear (r);
  if (qs < 0)
    return qs;
  snprintf (max, sizeof (max), "%ld", max_endpoints);
  return write_one (c, &insert_sql, 6, v, out);
}

/** One endpoint: $1 org, $2 id. */
static const struct store_statement get_sql = {
  "webhooks.get",
  "SELECT " ENDPOINT_COLUMNS "\n"
  "  FROM webhook_endpoints\n"
  " WHERE org_id = $1 AND id = $2",
};

/** One endpoint, locked until the transaction ends: $1 org, $2 id. */
static const struct store_statement lock_sql = {
  "webhooks.lock",
  "SELECT " ENDPOINT_COLUMNS "\n"
  "  FROM webhook_endpoints\n"
  " WHERE org_id = $1 AND id = $2\n"
  "   FOR UPDATE",
};

enum store_qs
store_webhooks_get (struct store_conn *c, const char *org_id, const char *id,
                    bool lock, struct store_row *out)
{
  const char *v[] = { org_id, id };

  return doc_one (c, lock ? &lock_sql : &get_sql, 2, v, out);
}

/** A page of endpoints, newest first: $1 org, $2 and $3 the keyset
    position (created_at, id) or NULL, $4 the limit. */
static const struct store_statement list_sql = {
  "webhooks.list",
  "SELECT " ENDPOINT_COLUMNS "\n"
  "  FROM webhook_endpoints\n"
  " WHERE org_id = $1\n"
  "   AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))\n"
  " ORDER BY created_at DESC, id DESC\n"
  " LIMIT $4",
};

enum store_qs
store_webhooks_list (struct store_conn *c, const char *org_id,
                     const char *after_ts, const char *after_id,
                     unsigned int limit, store_row_cb cb, void *cls)
{
  char lim[16];
  const char *v[] = { org_id, after_ts, after_id, lim };

  snprintf (lim, sizeof (lim), "%u", limit);
  return doc_rows (c, &list_sql, 4, v, cb, cls);
}

/** Replaces an endpoint's writable fields: $1 org, $2 id, $3 url,
    $4 description, $5 event types (a text[]), $6 status, $7 the time.
    Disabling records why; enabling clears it. */
static const struct store_statement update_sql = {
  "webhooks.update",
  "UPDATE webhook_endpoints\n"
  "   SET url = $3, description = $4,\n"
  "       event_types = $5::text[],\n"
  "       status = $6,\n"
  "       disabled_reason = CASE\n"
  "         WHEN $6 = 'active' THEN NULL\n"
  "         WHEN status = 'active' THEN 'disabled through the API'\n"
  "         ELSE disabled_reason END,\n"
  "       disabled_at = CASE\n"
  "         WHEN $6 = 'active' THEN NULL\n"
  "         WHEN status = 'active' THEN $7::timestamptz\n"
  "         ELSE disabled_at END,\n"
  "       updated_at = $7::timestamptz, version = version + 1\n"
  " WHERE org_id = $1 AND id = $2\n"
  "RETURNING id::text AS id",
};

enum store_qs
store_webhooks_update (struct store_conn *c, const char *org_id,
                       const char *id, const char *url,
                       const char *description, const char *event_types,
                       const char *status, struct store_row *out)
{
  char types[1024], now[40];
  const char *v[] = { org_id,         id, url, description, types, status,
                      store_now (now) };

  if (! text_array (event_types, types, sizeof (types)))
    return STORE_QS_HARD_ERROR;
  return write_one (c, &update_sql, 7, v, out);
}

/** Makes an endpoint's pending deliveries due now with a fresh count of
    failures (the write's commit wakes the delivery threads): $1 org, $2 id, $3 the
    time. */
static const struct store_statement resume_sql = {
  "webhooks.resume",
  "UPDATE webhook_deliveries\n"
  "   SET failures = 0, next_attempt_at = $3::timestamptz\n"
  " WHERE org_id = $1 AND endpoint_id = $2 AND status = 'pending'",
};

enum store_qs
store_webhooks_resume (struct store_conn *c, const char *org_id,
                       const char *id)
{
  char now[40];
  const char *v[] = { org_id, id, store_now (now) };
  PGresult *r;
  enum store_qs qs = store_exec (c, &resume_sql, 3, v, &r);

  /* The delivery threads wake at commit, as after every write (tx.wake). */
  PQclear (r);
  return qs;
}

/** A new signing secret; the one it replaces keeps signing until $4:
    $1 org, $2 id, $3 the new secret, $5 the time. */
static const struct store_statement rotate_sql = {
  "webhooks.rotate",
  "UPDATE webhook_endpoints\n"
  "   SET previous_secret = secret, secret = $3,\n"
  "       previous_secret_expires_at = $4::timestamptz,\n"
  "       updated_at = $5::timestamptz, version = version + 1\n"
  " WHERE org_id = $1 AND id = $2\n"
  "RETURNING id::text AS id",
};

enum store_qs
store_webhooks_rotate (struct store_conn *c, const char *org_id,
                       const char *id, const char *secret, long grace_s,
                       struct store_row *out)
{
  char until[40], now[40];
  const char *v[] = { org_id, id, secret, store_time_in (until, grace_s),
                      store_now (now) };

  return write_one (c, &rotate_sql, 5, v, out);
}

/** Deletes an endpoint and its log: $1 org, $2 id. */
static const struct store_statement delete_sql = {
  "webhooks.delete",
  "DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2",
};

enum store_qs
store_webhooks_delete (struct store_conn *c, const char *org_id,
                       const char *id)
{
  const char *v[] = { org_id, id };
  PGresult *r;
  enum store_qs qs = store_exec (c, &delete_sql, 2, v, &r);

  PQclear (r);
  return qs;
}

/** A page of an endpoint's deliveries, newest first: $1 org, $2 endpoint,
    $3 status or NULL, $4 and $5 the keyset position or NULL, $6 the
    limit.  The event is shown as it was sent. */
static const struct store_statement deliveries_sql = {
  "webhook_deliveries.list",
  "SELECT jsonb_build_object(\n"
  "    'id', id, 'endpoint_id', endpoint_id, 'event_id', event_id,\n"
  "    'event_type', event_type, 'account_id', account_id,\n"
  "    'status', status, 'attempts', attempts,\n"
  "    'next_attempt_at', CASE status WHEN 'pending'\n"
  "      THEN " STORE_TS (
    "next_attempt_at") " END,\n"
                       "    'last_attempt_at', " STORE_TS (
                         "last_attempt_at") ",\n"
                                            "    'last_status_code', "
                                            "last_status_code, "
                                            "'last_error', last_error,\n"
                                            "    'last_response', "
                                            "last_response,\n"
                                            "    "
                                            "'delivered_at', " STORE_TS (
                                              "delivered_at") ",\n"
                                                              "    "
                                                              "'created_"
                                                              "at',"
                                                              " " STORE_TS (
                                                                "created_"
                                                                "at") ",\n"
                                                                      "   "
                                                                      " '"
                                                                      "eve"
                                                                      "nt'"
                                                                      ", "
                                                                      "pay"
                                                                      "loa"
                                                                      "d::"
                                                                      "jso"
                                                                      "nb)"
                                                                      "::"
                                                                      "tex"
                                                                      "t "
                                                                      "AS "
                                                                      "doc"
                                                                      ",\n"
                                                                      "  "
                                                                      "id:"
                                                                      ":te"
                                                                      "xt "
                                                                      "AS "
                                                                      "id,"
                                                                      " 0 "
                                                                      "AS "
                                                                      "ver"
                                                                      "sio"
                                                                      "n,"
                                                                      " " STORE_TS (
                                                                        "c"
                                                                        "r"
                                                                        "e"
                                                                        "a"
                                                                        "t"
                                                                        "e"
                                                                        "d"
                                                                        "_"
                                                                        "a"
                                                                        "t") " AS created_at\n"
                                                                             "  FROM webhook_deliveries\n"
                                                                             " WHERE org_id = $1 AND endpoint_id = $2\n"
                                                                             "   AND ($3::text IS NULL OR status = $3)\n"
                                                                             "   AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))\n"
                                                                             " ORDER BY created_at DESC, id DESC\n"
                                                                             " LIMIT $6",
};

enum store_qs
store_webhook_deliveries_list (struct store_conn *c, const char *org_id,
                               const char *endpoint_id, const char *status,
                               const char *after_ts, const char *after_id,
                               unsigned int limit, store_row_cb cb, void *cls)
{
  char lim[16];
  const char *v[] = { org_id, endpoint_id, status, after_ts, after_id, lim };

  snprintf (lim, sizeof (lim), "%u", limit);
  return doc_rows (c, &deliveries_sql, 6, v, cb, cls);
}

/* ------------------------------------------------ the delivery threads -- */

/** What a delivery thread holds: a pool of one connection for its
    statements, and one connection that LISTENs. */
struct store_hooks
{
  struct store_pool *pool;
  char *conninfo;
  PGconn *listener; /**< NULL while not listening */
  bool warned;      /**< "not listening" was logged */
};

struct store_hooks *
store_hooks_open (const char *conninfo, long statement_timeout_ms)
{
  struct store_hooks *h = util_calloc (1, sizeof (*h));

  h->pool = store_pool_new (conninfo, 1, statement_timeout_ms);
  h->conninfo = util_strdup (conninfo);
  return h;
}

void
store_hooks_close (struct store_hooks *h)
{
  if (NULL == h)
    return;
  if (NULL != h->listener)
    PQfinish (h->listener);
  store_pool_free (h->pool);
  free (h->conninfo);
  free (h);
}

/** Connects the listener; false when the database cannot be reached. */
static bool
listen_connect (struct store_hooks *h)
{
  PGresult *r;

  h->listener = store_connect_once (h->conninfo, NULL, 0);
  if (NULL == h->listener)
    return false;
  PQsetNoticeProcessor (h->listener, &store_on_notice, NULL);
  r = PQexec (h->listener, "LISTEN " CHANNEL);
  if (PGRES_COMMAND_OK != PQresultStatus (r))
  {
    PQclear (r);
    PQfinish (h->listener);
    h->listener = NULL;
    return false;
  }
  PQclear (r);
  if (h->warned)
    log_info ("webhook deliveries: listening for new deliveries again");
  h->warned = false;
  return true;
}

bool
store_hooks_wait (struct store_hooks *h, long timeout_ms)
{
  struct pollfd p;
  PGnotify *n;
  bool any = false;

  if (NULL == h->listener && ! listen_connect (h))
  {
    if (! h->warned)
      log_warn ("webhook deliveries: not listening for new deliveries; "
                "polling instead");
    h->warned = true;
    poll (NULL, 0, (int) timeout_ms);
    return false;
  }
  p.fd = PQsocket (h->listener);
  p.events = POLLIN;
  p.revents = 0;
  if (poll (&p, 1, (int) timeout_ms) > 0
      && (0 == PQconsumeInput (h->listener)
          || CONNECTION_OK != PQstatus (h->listener)))
  {
    PQfinish (h->listener);
    h->listener = NULL;
    return false;
  }
  while (NULL != (n = PQnotifies (h->listener)))
  {
    any = true;
    PQfreemem (n);
  }
  return any;
}

/** Claims the next due delivery: $1 how many, $2 the lease. */
static const struct store_statement claim_sql = {
  "webhooks.claim",
  "SELECT org_id::text AS org_id, id::text AS id,\n"
  "       claim_token::text AS claim_token, endpoint_id::text AS "
  "endpoint_id,\n"
  "       url, secret, previous_secret, payload, event_id::text AS event_id,\n"
  "       event_type, attempts, failures\n"
  "  FROM rapport_webhook_claim($1, $2)",
};

/** Reads a claimed row. */
static void
read_claim (const PGresult *r, int row, void *out)
{
  struct store_webhook_claim *c = out;

  store_copy (r, row, "org_id", c->org_id, sizeof (c->org_id));
  store_copy (r, row, "id", c->id, sizeof (c->id));
  store_copy (r, row, "claim_token", c->token, sizeof (c->token));
  store_copy (r, row, "endpoint_id", c->endpoint_id, sizeof (c->endpoint_id));
  store_copy (r, row, "event_id", c->event_id, sizeof (c->event_id));
  store_copy (r, row, "event_type", c->event_type, sizeof (c->event_type));
  c->url = store_get_dup (r, row, "url");
  c->secret = store_get_dup (r, row, "secret");
  c->previous_secret = store_get_dup (r, row, "previous_secret");
  c->payload = store_get_dup (r, row, "payload");
  c->attempts = (int) store_get_int (r, row, "attempts");
  c->failures = (int) store_get_int (r, row, "failures");
}

/** Runs @a st on the thread's connection. */
static enum store_qs
hooks_exec_one (struct store_hooks *h, const struct store_statement *st, int n,
                const char *const *v, store_read_cb read, void *out)
{
  enum store_qs qs;
  struct store_conn *c = store_acquire (h->pool, 1000, &qs);

  if (NULL == c)
    return qs;
  qs = store_exec_one (c, st, n, v, read, out);
  store_release (h->pool, c);
  return qs;
}

enum store_qs
store_hooks_claim (struct store_hooks *h, long lease_ms,
                   struct store_webhook_claim *out)
{
  char lease[24];
  const char *v[] = { "1", lease };

  memset (out, 0, sizeof (*out));
  snprintf (lease, sizeof (lease), "%ld", lease_ms);
  return hooks_exec_one (h, &claim_sql, 2, v, &read_claim, out);
}

void
store_webhook_claim_clear (struct store_webhook_claim *c)
{
  if (NULL == c)
    return;
  free (c->url);
  free (c->secret);
  free (c->previous_secret);
  free (c->payload);
  memset (c, 0, sizeof (*c));
}

/** Records an attempt: $1 org, $2 id, $3 claim token, $4 outcome,
    $5 status code, $6 error, $7 response, $8 retry delay (ms), $9 the
    failures that disable the endpoint. */
static const struct store_statement finish_sql = {
  "webhooks.finish",
  "SELECT rapport_webhook_finish($1, $2, $3, $4, $5, $6, $7, $8, $9)\n"
  "       AS result",
};

/** Reads the result of webhooks.finish. */
static void
read_result (const PGresult *r, int row, void *out)
{
  store_copy (r, row, "result", out, 16);
}

enum store_qs
store_hooks_finish (struct store_hooks *h, const struct store_webhook_claim *c,
                    const char *outcome, int status_code, const char *error,
                    const char *response, long long retry_ms, int max_failures,
                    char result[16])
{
  char code[16], retry[24], max[16];
  const char *v[] = { c->org_id, c->id,    c->token, outcome, code,
                      error,     response, retry,    max };

  snprintf (code, sizeof (code), "%d", status_code);
  snprintf (retry, sizeof (retry), "%lld", retry_ms);
  snprintf (max, sizeof (max), "%d", max_failures);
  if (status_code <= 0)
    v[4] = NULL;
  result[0] = '\0';
  return hooks_exec_one (h, &finish_sql, 9, v, &read_result, result);
}

/** Ends the log of deliveries made more than $1 days ago. */
static const struct store_statement prune_sql = {
  "webhooks.prune",
  "SELECT rapport_webhook_prune($1) AS pruned",
};

/** Reads the result of webhooks.prune. */
static void
read_pruned (const PGresult *r, int row, void *out)
{
  *(long long *) out = store_get_int (r, row, "pruned");
}

enum store_qs
store_hooks_prune (struct store_hooks *h, long keep_days, long long *pruned)
{
  char days[24];
  const char *v[] = { days };

  *pruned = 0;
  snprintf (days, sizeof (days), "%ld", keep_days);
  return hooks_exec_one (h, &prune_sql, 1, v, &read_pruned, pruned);
}

const struct store_statement *const store_webhooks_statements[] = {
  &lock_org_sql, &insert_sql, &get_sql,    &lock_sql,   &list_sql,
  &update_sql,   &resume_sql, &rotate_sql, &delete_sql, &deliveries_sql,
  &claim_sql,    &finish_sql, &prune_sql,  NULL,
};
