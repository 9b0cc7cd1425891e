/**
 * @file ops.c
 * @brief Operational endpoints: liveness and readiness.
 */
#include "internal.h"

int
api_ops_healthz (struct http_request *req)
{
  return http_reply_json (req, 200, json_pack ("{s:s}", "status", "ok"));
}

int
api_ops_readyz (struct http_request *req)
{
  enum store_qs qs;
  struct store_conn *conn = store_acquire (http_service.pool,
                                           http_service.cfg
                                           ->db_acquire_timeout_ms, &qs);

  /* Acquiring connects and prepares every statement, which fails while
     the database is down or its schema is behind. */
  store_release (http_service.pool, conn);
  if (NULL == conn)
  {
    http_reply_error (req, SVC_EC_DB_UNAVAILABLE, NULL);
    http_add_header (req, "Retry-After", "1");
    return 0;
  }
  return http_reply_json (req, 200, json_pack ("{s:s}", "status", "ready"));
}
