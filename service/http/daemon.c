/**
 * @file daemon.c
 * @brief libmicrohttpd set-up (every limit explicit) and the access
 *        handler: route, authenticate from the headers alone, accumulate
 *        the body under its caps, count its JSON values, parse it, call
 *        the handler, queue the reply, log.
 */
#include <arpa/inet.h>
#include <stdatomic.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/metrics.h"
#include "svc/store.h"

struct http_service http_service;

static atomic_bool draining;
static atomic_uint active;
/** Body bytes held by all requests together (RAPPORT_BODY_BYTES_IN_FLIGHT). */
static atomic_size_t body_bytes;

bool
http_draining (void)
{
  return atomic_load (&draining);
}

void
http_drain (void)
{
  atomic_store (&draining, true);
}

unsigned int
http_active (void)
{
  return atomic_load (&active);
}

/** Longest path we route; longer ones answer 414. */
#define MAX_URL_LEN 2048
/** Longest query string (all names and values); longer answers 414. */
#define MAX_QUERY_LEN 8192
/** Most bytes of request headers (names and values); more answer 431. */
#define MAX_HEADER_BYTES (32 * 1024)
/**
 * libmicrohttpd's memory per connection, which must hold the request line
 * and headers: well above our own limits (8 KiB of query, 32 KiB of
 * headers), so that even a 100 KB path, query or header still reaches us
 * and gets a problem+json 414 or 431, not libmicrohttpd's HTML page.  No
 * larger: libmicrohttpd zeroes the whole of it between two requests on a
 * connection, which at 256 KiB took a quarter of the service's CPU
 * (docs/performance.md).
 */
#define CONNECTION_MEMORY (128 * 1024)

/** Writes the client's address (IPv4 or IPv6) as text into @a out. */
static void
client_address (struct MHD_Connection *connection, char *out, size_t cap)
{
  const union MHD_ConnectionInfo *ci =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  const struct sockaddr *sa = NULL != ci ? ci->client_addr : NULL;

  snprintf (out, cap, "unknown");
  if (NULL == sa)
    return;
  if (AF_INET == sa->sa_family)
    inet_ntop (AF_INET, &((const struct sockaddr_in *) sa)->sin_addr, out,
               (socklen_t) cap);
  else if (AF_INET6 == sa->sa_family)
    inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) sa)->sin6_addr, out,
               (socklen_t) cap);
}

/** Makes a new request context with a fresh request id. */
/** One step of splitmix64: a bijection of the counter @a x advances. */
static uint64_t
splitmix64 (uint64_t *x)
{
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/**
 * A new request id: 128 bits from two generators per thread, seeded once
 * from the kernel.  Ids need to be unique, not secret; a getrandom() per
 * request was a system call on every request (docs/performance.md).
 */
static void
request_id (uint8_t id[16])
{
  static _Thread_local uint64_t state[2];
  static _Thread_local bool seeded;
  uint64_t a, b;

  if (! seeded)
  {
    if (0 != util_random (state, sizeof (state)))
    {
      state[0] = (uint64_t) util_now_us ();
      state[1] = (uint64_t) (uintptr_t) &seeded;
    }
    seeded = true;
  }
  a = splitmix64 (&state[0]);
  b = splitmix64 (&state[1]);
  memcpy (id, &a, 8);
  memcpy (id + 8, &b, 8);
}

static struct request_ctx *
ctx_new (struct MHD_Connection *connection, const char *url,
         const char *method)
{
  struct request_ctx *rc = util_calloc (1, sizeof (*rc));
  uint8_t id[16];

  client_address (connection, rc->address, sizeof (rc->address));
  rc->req.connection = connection;
  rc->req.url = url;
  rc->req.method = method;
  rc->req.started_us = util_now_us ();
  request_id (id);
  util_hex (id, sizeof (id), rc->req.request_id);
  return rc;
}

/** True when the request's Content-Type is JSON (or merge-patch JSON). */
static bool
is_json_type (const char *ct)
{
  size_t n;

  if (NULL == ct)
    return false;
  n = strcspn (ct, "; \t");
  return (16 == n && 0 == strncasecmp (ct, "application/json", 16))
         || (28 == n
             && 0 == strncasecmp (ct, "application/merge-patch+json", 28));
}

/** The body cap of the request's route. */
static size_t
body_cap (const struct request_ctx *rc)
{
  const struct cfg *cfg = http_service.cfg;

  return (size_t) (NULL != rc->route && rc->route->batch ? cfg->batch_body_max
                                                         : cfg->body_max);
}

/**
 * Answers an OPTIONS request (a CORS preflight needs no key): 204 with the
 * methods the path allows, or 404 for an unknown path.
 */
static bool
preflight (struct http_request *req, const char *url)
{
  const struct route *r;
  char *params[HTTP_MAX_PARAMS];
  unsigned int n = 0;
  char allow[128];
  enum route_match m = router_match ("OPTIONS", url, &r, params, &n, allow,
                                     sizeof (allow));

  for (unsigned int i = 0; i < n; i++)
    free (params[i]);
  if (ROUTE_NO_PATH == m)
    return 0 == http_reply_error (req, SVC_EC_ENDPOINT_NOT_FOUND, NULL);
  http_reply_json (req, 204, NULL);
  http_add_header (req, MHD_HTTP_HEADER_ALLOW, allow);
  http_add_header (req, "Access-Control-Allow-Methods", allow);
  http_add_header (req, "Access-Control-Allow-Headers",
                   "Authorization, Content-Type, If-Match, Idempotency-Key, "
                   "X-Request-Id");
  http_add_header (req, "Access-Control-Max-Age", "600");
  return true;
}

/** Adds the length of one name and value to the sum in @a cls. */
static enum MHD_Result
add_bytes (void *cls, enum MHD_ValueKind kind, const char *key,
           const char *value)
{
  size_t *sum = cls;

  (void) kind;
  *sum += strlen (key) + (NULL != value ? strlen (value) : 0);
  return MHD_YES;
}

/** The bytes of the request's values of @a kind (headers, arguments). */
static size_t
kind_bytes (struct request_ctx *rc, enum MHD_ValueKind kind)
{
  size_t sum = 0;

  MHD_get_connection_values (rc->req.connection, kind, &add_bytes, &sum);
  return sum;
}

/**
 * First callback: routes the request and rejects what can be rejected
 * before any body is read (414, 404, 405, 413, 415).
 *
 * @return true when a reply was set
 */
static bool
first_checks (struct request_ctx *rc, const char *url, const char *method)
{
  struct http_request *req = &rc->req;
  const char *cl = http_header (req, MHD_HTTP_HEADER_CONTENT_LENGTH);
  const char *te = http_header (req, MHD_HTTP_HEADER_TRANSFER_ENCODING);
  char allow[128];

  rc->has_body = (NULL != cl && 0 != strtoull (cl, NULL, 10)) || NULL != te;
  if (strlen (url) > MAX_URL_LEN
      || kind_bytes (rc, MHD_GET_ARGUMENT_KIND) > MAX_QUERY_LEN)
    return 0 == http_reply_error (req, SVC_EC_URI_TOO_LONG, NULL);
  if (kind_bytes (rc, MHD_HEADER_KIND) > MAX_HEADER_BYTES)
    return 0 == http_reply_error (req, SVC_EC_HEADERS_TOO_LARGE, NULL);
  if (util_utf8_length (url, strlen (url)) < 0)
  {
    json_t *errors = json_array ();

    json_array_append_new (
      errors, json_pack ("{s:s, s:s}", "field", "path", "message",
                         "is not valid UTF-8 once percent-decoded, or holds "
                         "a NUL (%00)"));
    return 0
           == http_reply_errors (req, SVC_EC_INVALID_PARAMETER, NULL, errors);
  }
  if (0 == strcmp (method, "OPTIONS"))
    return preflight (req, url);
  switch (router_match (method, url, &rc->route, req->params, &req->n_params,
                        allow, sizeof (allow)))
  {
  case ROUTE_NO_PATH:
    return 0 == http_reply_error (req, SVC_EC_ENDPOINT_NOT_FOUND, NULL);
  case ROUTE_NO_METHOD:
    http_reply_error (req, SVC_EC_METHOD_NOT_ALLOWED, NULL);
    http_add_header (req, MHD_HTTP_HEADER_ALLOW, allow);
    return true;
  case ROUTE_FOUND:
    break;
  }
  req->route = rc->route->path;
  req->route_cls = rc->route->cls;
  if (NULL != cl && strtoull (cl, NULL, 10) > body_cap (rc))
    return 0
           == http_reply_error (req, SVC_EC_BODY_TOO_LARGE,
                                "The body is larger than the limit.");
  if (rc->has_body && rc->route->body
      && ! is_json_type (http_header (req, MHD_HTTP_HEADER_CONTENT_TYPE)))
    return 0
           == http_reply_error (req, SVC_EC_UNSUPPORTED_MEDIA_TYPE,
                                "Send Content-Type: application/json.");
  return false;
}

/** The most JSON values a body of the request's route may hold. */
static size_t
values_cap (const struct request_ctx *rc)
{
  const struct cfg *cfg = http_service.cfg;

  return (size_t) (rc->route->batch ? cfg->batch_json_values_max
                                    : cfg->json_values_max);
}

/**
 * Whether the JSON text @a data holds more than @a max values, counted
 * without parsing (every value but the first follows a comma or opens an
 * array or object, outside strings).  Parsing a value costs Jansson about
 * a hundred bytes, so this bounds a request's memory before any is spent.
 * Text nested deeper than Jansson reads is left to Jansson, which refuses
 * it as malformed after reading only that far.
 */
static bool
json_values_over (const char *data, size_t len, size_t max)
{
  size_t values = 1;
  size_t depth = 0;
  bool in_string = false;

  for (size_t i = 0; i < len; i++)
  {
    char c = data[i];

    if (in_string)
    {
      if ('\\' == c)
        i++;
      else if ('"' == c)
        in_string = false;
      continue;
    }
    if ('"' == c)
      in_string = true;
    else if (']' == c || '}' == c)
      depth -= depth > 0;
    else if (',' == c || '[' == c || '{' == c)
    {
      if ('[' == c || '{' == c)
        if (++depth > JSON_PARSER_MAX_DEPTH)
          return false;
      if (++values > max)
        return true;
    }
  }
  return false;
}

/**
 * Hashes what the client sent (method, path, the body as canonical JSON,
 * so the same body re-serialized still matches) before a handler fills in
 * defaults: an Idempotency-Key retry is compared on this.
 */
static void
hash_sent (struct http_request *req)
{
  struct buf b = { 0 };
  char *canon = json_dumps (req->body, JSON_COMPACT | JSON_SORT_KEYS);

  buf_append (&b, req->method, strlen (req->method) + 1, SIZE_MAX);
  buf_append (&b, req->url, strlen (req->url) + 1, SIZE_MAX);
  if (NULL != canon)
    buf_append (&b, canon, strlen (canon), SIZE_MAX);
  util_sha256 (b.data, b.len, req->sent_hash);
  free (canon);
  buf_free (&b);
}

/** Parses the accumulated body as JSON; sets a 400 on failure. */
static bool
parse_body (struct request_ctx *rc)
{
  json_error_t jerr;
  char detail[300];

  if (0 == rc->body.len)
  {
    http_reply_error (&rc->req, SVC_EC_MALFORMED_JSON,
                      "The request needs a JSON body.");
    return false;
  }
  if (json_values_over (rc->body.data, rc->body.len, values_cap (rc)))
  {
    snprintf (detail, sizeof (detail),
              "The body has more than %zu JSON values.", values_cap (rc));
    http_reply_error (&rc->req, SVC_EC_BODY_TOO_LARGE, detail);
    return false;
  }
  rc->req.body = json_loadb (rc->body.data, rc->body.len,
                             JSON_REJECT_DUPLICATES, &jerr);
  if (NULL == rc->req.body)
  {
    snprintf (detail, sizeof (detail), "Line %d, column %d: %s.", jerr.line,
              jerr.column, jerr.text);
    http_reply_error (&rc->req, SVC_EC_MALFORMED_JSON, detail);
    return false;
  }
  rc->req.raw_body = rc->body.data;
  rc->req.raw_body_len = rc->body.len;
  hash_sent (&rc->req);
  return true;
}

/** Until when the read pool is not tried (util_now_us), after a failure
    to reach it. */
static _Atomic int64_t read_pool_down_until;

/** Last callback: body complete; parse it, run the handler. */
static void
dispatch (struct request_ctx *rc)
{
  struct http_request *req = &rc->req;
  enum store_qs qs;

  if (rc->too_large)
  {
    http_reply_error (req, SVC_EC_BODY_TOO_LARGE,
                      "The body is larger than the limit.");
    return;
  }
  if (rc->too_busy)
  {
    http_reply_error (req, SVC_EC_DB_UNAVAILABLE,
                      "The service holds too many request bodies at once; "
                      "retry after the number of seconds in Retry-After.");
    http_add_header (req, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    return;
  }
  if (rc->route->body && ! parse_body (rc))
    return;
  if (ROUTE_PUBLIC != rc->route->auth)
  {
    long window = http_service.cfg->read_your_writes_ms;

    rc->pool = http_service.pool;
    /* With replicas, a write marks its key and a heavy read by a key that
       has not written lately goes to them; without, nothing to decide. */
    if (NULL != http_service.read_pool
        && (0 != strcmp (req->method, "GET")
            && 0 != strcmp (req->method, "HEAD")))
      recent_write_mark (req->auth.key_id);
    else if (NULL != http_service.read_pool && router_heavy_read (rc->route)
             && ! recent_write_within (req->auth.key_id, window)
             && util_now_us () >= atomic_load (&read_pool_down_until))
    {
      /* A replica that cannot be reached leaves the reads to the primary,
         and is not tried again for a second. */
      req->db = store_acquire (http_service.read_pool,
                               http_service.cfg->db_acquire_timeout_ms, &qs);
      if (NULL != req->db)
        rc->pool = http_service.read_pool;
      else
        atomic_store (&read_pool_down_until, util_now_us () + 1000000);
    }
    if (NULL == req->db)
      req->db = store_acquire (http_service.pool,
                               http_service.cfg->db_acquire_timeout_ms, &qs);
    if (NULL == req->db)
    {
      http_reply_store_error (req, qs);
      return;
    }
  }
  http_scan_query (req, rc->route);
  if ('\0' == rc->route->query[0] && ! http_query_ok (req))
    return;
  if (0 != rc->route->handler (req) || 0 == req->status)
  {
    log_error ("%s %s set no reply", req->method, rc->route->path);
    reply_clear (req);
    http_reply_error (req, SVC_EC_INTERNAL, NULL);
  }
  else if (req->status < 400 && 0 != json_array_size (req->query_errors))
    log_error ("%s %s answered %u despite bad query parameters", req->method,
               rc->route->path, req->status);
}

/** Gives the request's body bytes back to the in-flight budget. */
static void
unreserve (struct request_ctx *rc)
{
  atomic_fetch_sub (&body_bytes, rc->reserved);
  rc->reserved = 0;
}

/**
 * Appends a chunk of the body, within the route's cap and the budget of
 * body bytes all requests may hold together; past either, the body is
 * dropped (and the rest read and ignored, so memory stays flat).
 */
static void
accumulate (struct request_ctx *rc, const char *data, size_t n)
{
  size_t budget = (size_t) http_service.cfg->body_bytes_in_flight;

  if (atomic_fetch_add (&body_bytes, n) + n > budget)
  {
    atomic_fetch_sub (&body_bytes, n);
    rc->too_busy = true;
  }
  else
  {
    rc->reserved += n;
    if (0 != buf_append (&rc->body, data, n, body_cap (rc)))
      rc->too_large = true;
  }
  if (rc->too_large || rc->too_busy)
  {
    buf_free (&rc->body);
    unreserve (rc);
  }
}

/** The MHD access handler. */
static enum MHD_Result
on_access (void *cls, struct MHD_Connection *connection, const char *url,
           const char *method, const char *version, const char *upload_data,
           size_t *upload_data_size, void **req_cls)
{
  struct request_ctx *rc = *req_cls;

  if (NULL == rc)
  {
    rc = ctx_new (connection, url, method);
    if (NULL == rc)
      return MHD_NO;
    *req_cls = rc;
    atomic_fetch_add (&active, 1);
    janitor_request (connection, true);
    if (first_checks (rc, url, method)
        || (ROUTE_PUBLIC != rc->route->auth && ! http_authenticate (rc)))
      return reply_queue (connection, rc);
    return MHD_YES;
  }
  if (0 != *upload_data_size)
  {
    /* Past the cap, keep reading but drop the bytes: the 413 goes out once
       the body has ended, and memory stays flat. */
    if (! rc->too_large && ! rc->too_busy)
      accumulate (rc, upload_data, *upload_data_size);
    *upload_data_size = 0;
    return MHD_YES;
  }
  if (rc->queued)
    return MHD_YES;
  dispatch (rc);
  store_release (rc->pool, rc->req.db);
  rc->req.db = NULL;
  return reply_queue (connection, rc);
}

/** NOTIFY_COMPLETED: log the request and free its context. */
static void
on_completed (void *cls, struct MHD_Connection *connection, void **req_cls,
              enum MHD_RequestTerminationCode toe)
{
  struct request_ctx *rc = *req_cls;
  char fields[512], method[96];

  if (NULL == rc)
    return;
  /* The method is the client's text: escaped, as every logged string. */
  log_escape (method, sizeof (method), rc->req.method);
  snprintf (fields, sizeof (fields),
            "\"request_id\":\"%s\",\"method\":\"%s\",\"route\":\"%s\","
            "\"status\":%u,\"latency_us\":%lld%s",
            rc->req.request_id, method,
            NULL != rc->req.route ? rc->req.route : "-", rc->req.status,
            (long long) (util_now_us () - rc->req.started_us),
            MHD_REQUEST_TERMINATED_COMPLETED_OK == toe ? ""
                                                       : ",\"aborted\":true");
  log_line (rc->req.status >= 500 ? LOG_WARN : LOG_INFO, fields, "request");
  {
    unsigned int n;
    const struct route *t = router_table (&n);

    metrics_request (NULL != rc->route ? (int) (rc->route - t) : -1,
                     rc->req.status, util_now_us () - rc->req.started_us);
  }
  janitor_request (connection, false);
  atomic_fetch_sub (&active, 1);
  store_release (rc->pool, rc->req.db);
  unreserve (rc);
  json_decref (rc->req.body);
  json_decref (rc->req.query_errors);
  for (unsigned int i = 0; i < rc->req.n_params; i++)
    free (rc->req.params[i]);
  reply_clear (&rc->req);
  buf_free (&rc->body);
  free (rc);
  *req_cls = NULL;
}

/** NOTIFY_CONNECTION: connections opening and closing, for deadlines. */
static void
on_connection (void *cls, struct MHD_Connection *connection,
               void **socket_context, enum MHD_ConnectionNotificationCode toe)
{
  if (MHD_CONNECTION_NOTIFY_STARTED == toe)
    janitor_opened (connection, socket_context);
  else
    janitor_closed (*socket_context);
}

/** The value of hexadecimal digit @a c, or -1. */
static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/**
 * Percent-decoding of paths and query arguments (libmicrohttpd's own, but
 * for one byte): %00 decodes to 0xFF, which is never UTF-8, so a NUL in a
 * path or an argument is refused as invalid UTF-8 instead of silently
 * cutting the string short.
 */
static size_t
on_unescape (void *cls, struct MHD_Connection *c, char *s)
{
  char *out = s;

  (void) cls;
  (void) c;
  for (const char *in = s; '\0' != *in; in++)
  {
    int hi, lo;

    if ('%' == in[0] && (hi = hex_digit (in[1])) >= 0
        && (lo = hex_digit (in[2])) >= 0)
    {
      char b = (char) (hi * 16 + lo);

      *out++ = '\0' == b ? (char) 0xFF : b;
      in += 2;
    }
    else
      *out++ = *in;
  }
  *out = '\0';
  return (size_t) (out - s);
}

/** Accept policy: refuses a connection from an address holding its
    share (RAPPORT_PER_IP_CONNECTION_LIMIT). */
static enum MHD_Result
on_accept (void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
  (void) cls;
  (void) addrlen;
  return janitor_admit (addr, http_service.cfg->per_ip_connection_limit)
           ? MHD_YES
           : MHD_NO;
}

/** Logs MHD's own errors as JSON lines. */
static void
on_mhd_error (void *cls, const char *fmt, va_list ap)
{
  char msg[512];

  vsnprintf (msg, sizeof (msg), fmt, ap);
  msg[strcspn (msg, "\n")] = '\0';
  log_warn ("libmicrohttpd: %s", msg);
}

/** A running daemon. */
struct http_server
{
  struct MHD_Daemon *daemon;
  const struct cfg *cfg;
  MHD_socket listen_fd; /**< quiesced while draining; closed after stop */
};

/**
 * Starts the daemon on the configured address and port.
 *
 * @param[out] port the port bound (useful with port 0)
 * @return the daemon or NULL
 */
static struct MHD_Daemon *
daemon_start (const struct cfg *cfg, unsigned int *port)
{
  struct sockaddr_in addr;
  struct MHD_Daemon *d;
  const union MHD_DaemonInfo *info;

  memset (&addr, 0, sizeof (addr));
  addr.sin_family = AF_INET;
  addr.sin_port = htons ((uint16_t) cfg->port);
  if (1 != inet_pton (AF_INET, cfg->bind_address, &addr.sin_addr))
  {
    log_line (LOG_ERROR, NULL, "BIND_ADDRESS %s is not an IPv4 address",
              cfg->bind_address);
    return NULL;
  }
  /* The janitor's registry must exist before the first connection can
     arrive, and libmicrohttpd accepts as soon as it starts. */
  if (0 != janitor_start (cfg))
    return NULL;
  d = MHD_start_daemon (
    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG
      | MHD_USE_ITC,
    0, &on_accept, NULL, &on_access, NULL, MHD_OPTION_EXTERNAL_LOGGER,
    &on_mhd_error, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &addr,
    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) cfg->threads,
    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) cfg->connection_timeout,
    MHD_OPTION_CONNECTION_LIMIT, (unsigned int) cfg->connection_limit,
    MHD_OPTION_UNESCAPE_CALLBACK, &on_unescape, NULL,
    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) CONNECTION_MEMORY,
    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int) 1024,
    MHD_OPTION_STRICT_FOR_CLIENT, (int) 1, MHD_OPTION_NOTIFY_COMPLETED,
    &on_completed, NULL, MHD_OPTION_NOTIFY_CONNECTION, &on_connection, NULL,
    MHD_OPTION_END);
  if (NULL == d)
  {
    janitor_stop ();
    return NULL;
  }
  info = MHD_get_daemon_info (d, MHD_DAEMON_INFO_BIND_PORT);
  *port = (NULL != info) ? info->port : (unsigned int) cfg->port;
  return d;
}

struct http_server *
http_server_start (const struct cfg *cfg, unsigned int *port)
{
  struct http_server *s = util_calloc (1, sizeof (*s));

  s->cfg = cfg;
  s->listen_fd = MHD_INVALID_SOCKET;
  s->daemon = daemon_start (cfg, port);
  if (NULL == s->daemon)
  {
    free (s);
    return NULL;
  }
  return s;
}

/**
 * Drains before stopping: readiness fails at once (a load balancer sends
 * new connections elsewhere), no new connection is accepted, replies
 * carry Connection: close, and requests in flight finish, up to the
 * shutdown deadline.  Idle keep-alive connections get a short grace to
 * see their last reply's Connection: close.  The quiesced listening
 * socket is closed only after MHD_stop_daemon, as libmicrohttpd requires
 * (its threads may still poll it).
 */
static void
drain (struct http_server *s, int sig)
{
  struct MHD_Daemon *d = s->daemon;
  int64_t start = util_now_us ();
  int64_t deadline = start + s->cfg->shutdown_timeout * 1000000;

  log_info ("signal %d: draining (%u requests in flight)", sig,
            http_active ());
  http_drain ();
  s->listen_fd = MHD_quiesce_daemon (d);
  for (;;)
  {
    const union MHD_DaemonInfo *info =
      MHD_get_daemon_info (d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    unsigned int conns = NULL != info ? info->num_connections : 0;
    int64_t now = util_now_us ();
    struct timespec pause = { 0, 20 * 1000000L };

    if (now >= deadline
        || (0 == http_active () && (0 == conns || now - start > 2000000)))
      break;
    nanosleep (&pause, NULL);
  }
  log_info ("stopping with %u requests in flight", http_active ());
}

void
http_server_stop (struct http_server *s, int sig)
{
  if (NULL == s)
    return;
  drain (s, sig);
  MHD_stop_daemon (s->daemon);
  if (MHD_INVALID_SOCKET != s->listen_fd)
    close (s->listen_fd);
  janitor_stop ();
  free (s);
}
