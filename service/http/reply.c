/**
 * @file reply.c
 * @brief Building replies: JSON and problem+json bodies, headers, and the
 *        single place that creates MHD responses.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/log.h"
#include "svc/store.h"

void
reply_clear (struct http_request *req)
{
  free (req->reply_body);
  req->reply_body = NULL;
  for (unsigned int i = 0; i < req->n_headers; i++)
  {
    free (req->headers[i].name);
    free (req->headers[i].value);
  }
  req->n_headers = 0;
  req->status = 0;
}

int
http_reply_json (struct http_request *req, unsigned int status, json_t *body)
{
  reply_clear (req);
  req->status = status;
  req->reply_type = "application/json";
  if (NULL == body)
    return 0;
  req->reply_body = json_dumps (body, JSON_COMPACT | JSON_PRESERVE_ORDER
                                | JSON_REAL_PRECISION (15));
  json_decref (body);
  if (NULL != req->reply_body)
    return 0;
  log_error ("rendering a reply failed");
  return http_reply_error (req, SVC_EC_INTERNAL, NULL) - 1;
}

int
http_reply_text (struct http_request *req, unsigned int status, char *json)
{
  reply_clear (req);
  req->status = status;
  req->reply_type = "application/json";
  req->reply_body = json;
  return 0;
}

int
http_reply_errors (struct http_request *req, enum svc_ec ec,
                   const char *detail, json_t *errors)
{
  const struct svc_error_info *e = svc_error_info (ec);
  char type[128];
  json_t *body;

  snprintf (type, sizeof (type), "%s%s", SVC_PROBLEM_BASE, e->slug);
  body = json_pack ("{s:s, s:s, s:i, s:s, s:s}", "type", type, "title",
                    e->title, "status", (int) e->status, "detail",
                    NULL != detail ? detail : e->title, "code", e->slug);
  if (NULL != errors)
    json_object_set_new (body, "errors", errors);
  reply_clear (req);
  req->status = e->status;
  req->reply_type = "application/problem+json";
  req->reply_body = json_dumps (body, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref (body);
  return 0;
}

int
http_reply_error (struct http_request *req, enum svc_ec ec,
                  const char *detail)
{
  return http_reply_errors (req, ec, detail, NULL);
}

int
http_reply_store_error (struct http_request *req, int qs)
{
  if (STORE_QS_UNAVAILABLE == qs || STORE_QS_SOFT_ERROR == qs)
  {
    http_reply_error (req, SVC_EC_DB_UNAVAILABLE, NULL);
    http_add_header (req, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    return 0;
  }
  return http_reply_error (req, SVC_EC_INTERNAL, NULL);
}

void
http_add_header (struct http_request *req, const char *name,
                 const char *value)
{
  if (req->n_headers >= HTTP_MAX_HEADERS)
    return;
  req->headers[req->n_headers].name = strdup (name);
  req->headers[req->n_headers].value = strdup (value);
  req->n_headers++;
}

enum MHD_Result
reply_queue (struct MHD_Connection *connection, struct request_ctx *rc)
{
  struct http_request *req = &rc->req;
  size_t len = NULL != req->reply_body ? strlen (req->reply_body) : 0;
  struct MHD_Response *resp;
  enum MHD_Result ret;

  resp = MHD_create_response_from_buffer (len, req->reply_body,
                                          MHD_RESPMEM_MUST_FREE);
  if (NULL == resp)
    return MHD_NO;
  req->reply_body = NULL; /* MHD frees it now */
  if (len > 0)
    MHD_add_response_header (resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                             req->reply_type);
  MHD_add_response_header (resp, "X-Request-Id", req->request_id);
  MHD_add_response_header (resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  for (unsigned int i = 0; i < req->n_headers; i++)
    MHD_add_response_header (resp, req->headers[i].name,
                             req->headers[i].value);
  ret = MHD_queue_response (connection, req->status, resp);
  MHD_destroy_response (resp);
  rc->queued = true;
  return ret;
}
