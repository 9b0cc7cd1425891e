/**
 * @file reply.c
 * @brief Building replies: JSON and problem+json bodies, headers, and the
 *        single place that creates MHD responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "svc/alloc.h"
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
  /* the id a support request quotes, also in X-Request-Id and the logs */
  json_object_set_new (body, "request_id", json_string (req->request_id));
  reply_clear (req);
  req->status = e->status;
  req->reply_type = "application/problem+json";
  req->reply_body = json_dumps (body, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref (body);
  return 0;
}

int
http_reply_error (struct http_request *req, enum svc_ec ec, const char *detail)
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
http_add_header (struct http_request *req, const char *name, const char *value)
{
  if (req->n_headers >= HTTP_MAX_HEADERS)
    return;
  req->headers[req->n_headers].name = util_strdup (name);
  req->headers[req->n_headers].value = util_strdup (value);
  req->n_headers++;
}

/**
 * Adds the rate-limit fields of an authenticated request, all in one
 * unit, requests of this instance's token bucket for the key: the IETF
 * httpapi fields `RateLimit-Policy: "key";q=<bucket>;w=<seconds to refill
 * it>` and `RateLimit: "key";r=<left>;t=<seconds until full>`, and the
 * earlier drafts' `RateLimit-Limit` (the bucket), `RateLimit-Remaining`
 * and `RateLimit-Reset` that many clients read.
 */
static void
add_rate_limit (struct MHD_Response *resp, const struct http_request *req)
{
  char v[96];

  if (0 == req->rl_limit)
    return;
  snprintf (v, sizeof (v), "\"key\";q=%ld;w=%ld", req->rl_quota,
            req->rl_window);
  MHD_add_response_header (resp, "RateLimit-Policy", v);
  snprintf (v, sizeof (v), "\"key\";r=%ld;t=%ld", req->rl_remaining,
            req->rl_reset);
  MHD_add_response_header (resp, "RateLimit", v);
  snprintf (v, sizeof (v), "%ld", req->rl_quota);
  MHD_add_response_header (resp, "RateLimit-Limit", v);
  snprintf (v, sizeof (v), "%ld", req->rl_remaining);
  MHD_add_response_header (resp, "RateLimit-Remaining", v);
  snprintf (v, sizeof (v), "%ld", req->rl_reset);
  MHD_add_response_header (resp, "RateLimit-Reset", v);
}

/** True when @a origin is in the configured allow-list (or it is "*"). */
static bool
origin_allowed (const char *origin)
{
  const char *list = http_service.cfg->cors_origins;
  size_t n = strlen (origin);

  if (NULL == list || '\0' == list[0])
    return false;
  if (0 == strcmp (list, "*"))
    return true;
  for (const char *p = list; *p;)
  {
    size_t len = strcspn (p, ", ");

    if (len == n && 0 == strncmp (p, origin, n))
      return true;
    p += len;
    p += strspn (p, ", ");
  }
  return false;
}

/** CORS: lets allowed browser origins read every reply, errors too. */
static void
add_cors (struct MHD_Response *resp, struct http_request *req)
{
  const char *origin = http_header (req, "Origin");

  if (NULL == origin || ! origin_allowed (origin))
    return;
  MHD_add_response_header (resp, "Access-Control-Allow-Origin", origin);
  MHD_add_response_header (resp, "Vary", "Origin");
  MHD_add_response_header (resp, "Access-Control-Expose-Headers",
                           "ETag, Location, X-Request-Id, Retry-After, "
                           "Idempotent-Replayed, RateLimit, RateLimit-Policy, "
                           "RateLimit-Limit, RateLimit-Remaining, "
                           "RateLimit-Reset");
}

/** The entity tag @a t without a weak prefix, and its length. */
static const char *
opaque_tag (const char *t, size_t *n)
{
  if (0 == strncmp (t, "W/", 2))
    t += 2;
  *n = strcspn (t, ", \t");
  return t;
}

/**
 * Whether a GET's 200 reply carries an ETag the client already holds in
 * If-None-Match ("*" or a list; weak comparison, RFC 9110 13.1.2): then
 * the reply is a 304 with no body.
 */
static bool
not_modified (struct http_request *req)
{
  const char *etag = NULL;
  const char *inm;
  const char *mine;
  size_t n_mine;

  if (200 != req->status || 0 != strcmp (req->method, "GET"))
    return false;
  for (unsigned int i = 0; i < req->n_headers; i++)
    if (0 == strcasecmp (req->headers[i].name, "ETag"))
      etag = req->headers[i].value;
  inm = http_header (req, "If-None-Match");
  if (NULL == etag || NULL == inm)
    return false;
  mine = opaque_tag (etag, &n_mine);
  for (const char *p = inm; *p;)
  {
    size_t n;
    const char *t;

    p += strspn (p, " ,\t");
    if ('\0' == *p)
      break;
    if ('*' == *p)
      return true;
    t = opaque_tag (p, &n);
    if (n == n_mine && 0 == strncmp (t, mine, n))
      return true;
    p = t + n;
  }
  return false;
}

enum MHD_Result
reply_queue (struct MHD_Connection *connection, struct request_ctx *rc)
{
  struct http_request *req = &rc->req;
  size_t len;
  struct MHD_Response *resp;
  enum MHD_Result ret;

  if (not_modified (req))
  {
    free (req->reply_body);
    req->reply_body = NULL;
    req->status = MHD_HTTP_NOT_MODIFIED;
  }
  len = NULL != req->reply_body ? strlen (req->reply_body) : 0;

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
  add_rate_limit (resp, req);
  add_cors (resp, req);
  /* Draining: finish this request, then let the client reconnect to an
     instance that is not stopping. */
  if (http_draining ())
    MHD_add_response_header (resp, MHD_HTTP_HEADER_CONNECTION, "close");
  ret = MHD_queue_response (connection, req->status, resp);
  MHD_destroy_response (resp);
  rc->queued = true;
  return ret;
}
