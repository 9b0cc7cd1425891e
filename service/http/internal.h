/**
 * @file internal.h
 * @brief What the HTTP layer's own files share.
 */
#ifndef SVC_HTTP_INTERNAL_H
#define SVC_HTTP_INTERNAL_H

#include <microhttpd.h>

#include "svc/http.h"
#include "svc/util.h"

/** Who may call a route. */
enum route_auth
{
  ROUTE_PUBLIC = 0, /**< no key needed */
  ROUTE_READ,       /**< any key */
  ROUTE_WRITE,      /**< write or admin keys */
  ROUTE_ADMIN       /**< admin keys */
};

/** One row of the route table. */
struct route
{
  const char *method; /**< GET, POST, PUT, PATCH or DELETE */
  const char *path;   /**< template; {name} matches one segment */
  int (*handler) (struct http_request *req);
  const char *handler_name; /**< the handler's C name, for the map */
  enum route_auth auth;     /**< who may call it */
  bool body;                /**< takes a JSON body */
  const void *cls;          /**< handed to the handler as req->route_cls */
  bool batch;               /**< takes the batch body cap */
  const char *statements;   /**< what it runs beyond authentication, for the
                               map: names separated by spaces, "{t}" for
                               the resource's table ("{every}": every
                               resource's) */
  const char *test;         /**< its integration test, or NULL: the
                               resource's test_http_<name>.c */
  const char *query;        /**< the query parameters it reads, separated
                                 by spaces ("{filters}": the resource's
                                 filters); any other is a 400 */
};

/** Outcome of matching a request against the table. */
enum route_match
{
  ROUTE_FOUND,
  ROUTE_NO_PATH,
  ROUTE_NO_METHOD
};

/**
 * Finds the route of @a method and @a path; HEAD matches GET.
 *
 * @param[out] found the route, when ROUTE_FOUND
 * @param[out] params new copies of the path parameters (caller frees)
 * @param[out] n_params how many
 * @param[out] allow for ROUTE_NO_METHOD, the allowed methods
 */
enum route_match
router_match (const char *method, const char *path, const struct route **found,
              char **params, unsigned int *n_params, char *allow,
              size_t allow_len);

/**
 * The route table.
 *
 * @param[out] n rows
 */
const struct route *router_table (unsigned int *n);

/**
 * Whether @a r is one of the heavy reads a replica may answer: lists,
 * assessments, history, the portfolio and the events feed.
 */
bool router_heavy_read (const struct route *r);

/** Notes that the key @a key_id has just asked for a write. */
void recent_write_mark (const char *key_id);

/**
 * Whether the key @a key_id asked for a write less than @a window_ms ago
 * (its reads then go to the primary, which has it).
 */
bool recent_write_within (const char *key_id, long window_ms);

/** Per-request state of the daemon around the handler's view. */
struct request_ctx
{
  struct http_request req;   /**< what handlers see */
  struct buf body;           /**< the body as it arrives */
  const struct route *route; /**< matched route or NULL */
  bool too_large;            /**< the body passed the cap */
  bool too_busy;             /**< all bodies in flight passed their budget */
  bool queued;               /**< a response was queued */
  bool has_body;             /**< Content-Length > 0 or chunked */
  size_t reserved;           /**< body bytes counted against the budget */
  struct store_pool *pool;   /**< where req.db came from */
  char address[64];          /**< the client's address, for limits */
};

/**
 * Adds to the request's bad query parameters (http_query_errors) every one
 * @a route does not read and every one that is not valid UTF-8.
 */
void http_scan_query (struct http_request *req, const struct route *route);

/**
 * Checks the request's bearer key (from the headers alone, before any
 * body is read) against the database, the route's scope and the rate
 * limits; an address that sent too many missing or bad keys is refused
 * before the lookup.
 *
 * @return true when the request may go on; false with a reply set
 */
bool http_authenticate (struct request_ctx *rc);

/** Queues the reply set on @a rc->req; returns MHD's answer. */
enum MHD_Result
reply_queue (struct MHD_Connection *connection, struct request_ctx *rc);

/** Frees everything the reply part of @a req owns. */
void reply_clear (struct http_request *req);

/** Starts the deadline thread; 0 or -1. */
int janitor_start (const struct cfg *cfg);

/** Stops it (after the daemon is stopped); safe when not started. */
void janitor_stop (void);

/** A connection opened: registers it (its socket context is the slot). */
void janitor_opened (struct MHD_Connection *connection, void **socket_context);

/**
 * Whether a new connection from @a sa may be accepted: fewer than
 * @a limit connections from that address are open (0: no limit).
 */
bool janitor_admit (const struct sockaddr *sa, long limit);

/** A connection closed. */
void janitor_closed (void *socket_context);

/** A request's headers arrived (@a started) or the request completed. */
void janitor_request (struct MHD_Connection *connection, bool started);

/** What a rate-limit decision tells the client. */
struct ratelimit_state
{
  long limit;         /**< requests per second per key (whole service) */
  long quota;         /**< this instance's bucket: requests it holds */
  long window_s;      /**< seconds it takes to refill from empty */
  long remaining;     /**< requests left in this instance's bucket */
  long reset_s;       /**< seconds until the bucket is full again */
  long retry_after_s; /**< when refused: seconds until one is allowed */
};

/**
 * Takes one request from @a key_id's bucket.
 *
 * @return true when allowed; false when the key is over its rate
 */
bool ratelimit_take (const char *key_id, struct ratelimit_state *st);

/**
 * Takes one request from organization @a org_id's bucket (all its keys).
 *
 * @return true when allowed
 */
bool ratelimit_take_org (const char *org_id, struct ratelimit_state *st);

/**
 * The budget of requests with a missing or bad key from client address
 * @a address: with @a take false, whether one more may be looked up;
 * with @a take true, counts one that failed.
 *
 * @return true when the address is within its budget
 */
bool
ratelimit_unauth (const char *address, bool take, struct ratelimit_state *st);

#endif
