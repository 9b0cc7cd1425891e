/**
 * @file ops.c
 * @brief Operational endpoints: liveness, readiness, metrics and the
 *        contract.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/metrics.h"

int
api_ops_healthz (struct http_request *req)
{
  return http_reply_json (req, 200, json_pack ("{s:s}", "status", "ok"));
}

/** Sets the 503 of a service that should not get traffic now. */
static int
not_ready (struct http_request *req, const char *why)
{
  http_reply_error (req, SVC_EC_DB_UNAVAILABLE, why);
  http_add_header (req, "Retry-After", "1");
  return 0;
}

int
api_ops_readyz (struct http_request *req)
{
  enum store_qs qs;
  struct store_conn *conn;

  if (http_draining ())
    return not_ready (req, "The service is stopping.");
  /* Acquiring connects and prepares every statement, which fails while
     the database is down or its schema is far behind. */
  conn = store_acquire (http_service.pool,
                        http_service.cfg->db_acquire_timeout_ms, &qs);
  if (NULL == conn)
    return not_ready (req, "The database cannot be reached.");
  qs = '\0' == http_service.latest_migration[0]
         ? STORE_QS_ONE
         : store_migrations_current (conn, http_service.latest_migration);
  store_release (http_service.pool, conn);
  if (STORE_QS_ONE != qs)
    return not_ready (req,
                      STORE_QS_NO_RESULTS == qs
                        ? "The database has not applied the latest migration."
                        : "The database cannot be reached.");
  return http_reply_json (req, 200,
                          json_pack ("{s:s, s:s}", "status", "ready",
                                     "migration",
                                     http_service.latest_migration));
}

int
api_ops_metrics (struct http_request *req)
{
  char *text = metrics_render ();

  if (NULL == text)
    return -1;
  http_reply_text (req, 200, text);
  req->reply_type = "text/plain; version=0.0.4";
  return 0;
}

int
api_ops_openapi (struct http_request *req)
{
  char *copy;

  if (NULL == http_service.openapi_json)
    return http_reply_error (req, SVC_EC_ENDPOINT_NOT_FOUND,
                             "The contract was not loaded at start.");
  copy = util_strdup (http_service.openapi_json);
  return http_reply_text (req, 200, copy);
}
