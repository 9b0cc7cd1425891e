/**
 * @file http.h
 * @brief The request context handlers see, and the replies they can make.
 *        Nothing outside service/http includes microhttpd.h: handlers read
 *        the request and set a reply here; the router queues it.
 */
#ifndef SVC_HTTP_H
#define SVC_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "svc/config.h"
#include "svc/errors.h"

struct store_pool;
struct store_conn;
struct score_model;

/** What an API key may do; each scope includes the ones before it. */
enum http_scope
{
  HTTP_SCOPE_NONE = 0,
  HTTP_SCOPE_READ,
  HTTP_SCOPE_WRITE,
  HTTP_SCOPE_ADMIN
};

/** The authenticated caller. */
struct http_principal
{
  char key_id[37];       /**< the API key's id */
  char org_id[37];       /**< its organization */
  enum http_scope scope; /**< its scope */
};

#define HTTP_MAX_PARAMS 4
#define HTTP_MAX_HEADERS 8

/** One response header set by a handler. */
struct http_header
{
  char *name;  /**< new, owned */
  char *value; /**< new, owned */
};

/** Per-request state; lives from the first callback to NOTIFY_COMPLETED. */
struct http_request
{
  void *connection;              /**< the MHD connection (opaque here) */
  const char *method;            /**< borrowed from MHD; HEAD reads as GET */
  const char *url;               /**< borrowed from MHD: path without query */
  const char *route;             /**< the matched path template, or NULL */
  const void *route_cls;         /**< the route's closure (e.g. a resource) */
  char request_id[33];           /**< hex; also the X-Request-Id header */
  char *params[HTTP_MAX_PARAMS]; /**< path parameters, new, owned */
  unsigned int n_params;         /**< how many */
  json_t *body;                  /**< parsed JSON body (owned) or NULL */
  const char *raw_body;       /**< the body bytes, borrowed, NUL-terminated */
  uint8_t sent_hash[32];      /**< SHA-256 of method, path and the body as
                                   the client sent it (canonical JSON),
                                   before any validation filled defaults */
  size_t raw_body_len;        /**< their length */
  struct http_principal auth; /**< set before the handler runs */
  json_t *query_errors;       /**< bad query parameters found so far, owned;
                                   see http_query_errors */
  struct store_conn *db;      /**< a pooled connection for this callback */
  int64_t started_us;         /**< monotonic start time */

  /* The reply, set by the handler through http_reply_*. */
  unsigned int status;    /**< 0 until a reply is set */
  char *reply_body;       /**< new, owned, NUL-terminated */
  const char *reply_type; /**< static content type */
  struct http_header headers[HTTP_MAX_HEADERS]; /**< extra headers */
  unsigned int n_headers;                       /**< how many */
  long rl_limit;     /**< rate limit of the key (0: none) */
  long rl_quota;     /**< this instance's bucket: requests it holds */
  long rl_window;    /**< seconds that bucket takes to refill from empty */
  long rl_remaining; /**< requests left in its bucket */
  long rl_reset;     /**< seconds until the bucket is full */
};

/** The process-wide state handlers may read (read-only while serving). */
struct http_service
{
  const struct cfg *cfg;           /**< configuration */
  struct store_pool *pool;         /**< database pool (the primary) */
  struct store_pool *read_pool;    /**< replicas for the heavy reads, or
                                      NULL (DATABASE_READ_URL) */
  const struct score_model *model; /**< the scoring model as shipped */
  char *model_json;                /**< GET /v1/scoring-model's body */
  char latest_migration[256];      /**< newest migration file, "" if unknown */
  char *openapi_json;              /**< GET /v1/openapi.json's body, or NULL */
  char *docs_html;                 /**< GET /docs's page, or NULL */
};

/** The service handlers run in; set once before MHD starts. */
extern struct http_service http_service;

/**
 * A query-string argument.
 *
 * @return borrowed until the request completes, or NULL if absent
 */
const char *http_query (struct http_request *req, const char *name);

/**
 * The request's list of bad query parameters ({field, message} each): the
 * router has put in every parameter the route does not read and every one
 * that is not valid UTF-8; a handler adds the ones whose values it
 * refuses, then calls http_query_ok, so one 400 names them all.
 *
 * @return borrowed, owned by the request
 */
json_t *http_query_errors (struct http_request *req);

/**
 * Whether the query string is good: when http_query_errors lists anything,
 * sets the 400 (invalid-parameter) naming every one and returns false.
 */
bool http_query_ok (struct http_request *req);

/**
 * A request header (case-insensitive name).
 *
 * @return borrowed until the request completes, or NULL if absent
 */
const char *http_header (struct http_request *req, const char *name);

/**
 * Sets a JSON reply; takes ownership of @a body (may be NULL for 204).
 *
 * @return 0, or -1 if it could not be rendered (a 500 is set instead)
 */
int
http_reply_json (struct http_request *req, unsigned int status, json_t *body);

/**
 * Sets a reply whose body is already JSON text; takes @a json.
 *
 * @return 0
 */
int
http_reply_text (struct http_request *req, unsigned int status, char *json);

/**
 * Sets a problem+json reply from the error table.
 *
 * @param detail the occurrence-specific explanation, or NULL
 * @return 0
 */
int http_reply_error (struct http_request *req, enum svc_ec ec,
                      const char *detail);

/**
 * Sets a problem+json reply with an `errors` array, which it takes.
 *
 * @param errors array of {"field": JSON Pointer, "message": text}
 * @return 0
 */
int http_reply_errors (struct http_request *req, enum svc_ec ec,
                       const char *detail, json_t *errors);

/** Adds a response header (copied); silently ignored past the maximum. */
void http_add_header (struct http_request *req, const char *name,
                      const char *value);

/** True once SIGTERM asked the service to drain. */
bool http_draining (void);

/** Starts draining: readiness fails, replies close their connections. */
void http_drain (void);

/** Requests between their first callback and completion. */
unsigned int http_active (void);

/** The reply for a failed store call: 503 when unavailable, else 500. */
int http_reply_store_error (struct http_request *req, int qs);

/** A running HTTP server (libmicrohttpd behind it). */
struct http_server;

/**
 * Starts serving on the configured address and port, with the thread
 * pool, limits and the deadline janitor.
 *
 * @param[out] port the port bound (useful with port 0)
 * @return new (stop with http_server_stop), or NULL
 */
struct http_server *
http_server_start (const struct cfg *cfg, unsigned int *port);

/**
 * Drains (readiness fails, the listening socket closes, requests in flight
 * finish up to SHUTDOWN_TIMEOUT), then stops and frees @a server.
 *
 * @param sig the signal that asked for it, for the log
 */
void http_server_stop (struct http_server *server, int sig);

/** One route, as the map shows it. */
struct http_route_info
{
  const char *method;    /**< GET, POST, PUT, PATCH or DELETE */
  const char *path;      /**< template, {name} for a parameter */
  const char *handler;   /**< the C function that serves it */
  const char *auth;      /**< public, read, write or admin */
  char statements[1536]; /**< prepared statements it runs beyond
                                authentication, space-separated */
  char test[128];        /**< its integration test file */
};

/** How many routes the table has. */
unsigned int http_route_count (void);

/**
 * Describes route @a i (0 <= i < http_route_count()), in the table's
 * order, which is the order of matching.
 */
void http_route_describe (unsigned int i, struct http_route_info *out);

/**
 * Prints the route map: method, path, auth, handler, statements and test
 * of every route, as text or (@a markdown) as the page docs/routes.md.
 */
void http_routes_print (FILE *out, bool markdown);

#endif
