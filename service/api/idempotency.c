/**
 * @file idempotency.c
 * @brief Idempotency-Key on POST: the first response is stored in the same
 *        transaction as the write, so a retry gets it again and nothing new
 *        is written; the same key with another body is a 422.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/util.h"

bool
api_idem_init (struct http_request *req, struct api_idem *idem)
{
  struct buf b = { 0 };
  char *canon;

  memset (idem, 0, sizeof (*idem));
  idem->key = http_header (req, "Idempotency-Key");
  if (NULL == idem->key)
    return true;
  if ('\0' == idem->key[0] || strlen (idem->key) > 255)
  {
    json_t *errors = json_array ();

    api_param_error (errors, "Idempotency-Key",
                     "must be from 1 to 255 characters long");
    http_reply_errors (req, SVC_EC_INVALID_PARAMETER, NULL, errors);
    return false;
  }
  /* Canonical JSON, so the same body re-serialized still matches. */
  canon = json_dumps (req->body, JSON_COMPACT | JSON_SORT_KEYS);
  buf_append (&b, req->method, strlen (req->method) + 1, SIZE_MAX);
  buf_append (&b, req->url, strlen (req->url) + 1, SIZE_MAX);
  if (NULL != canon)
    buf_append (&b, canon, strlen (canon), SIZE_MAX);
  util_sha256 (b.data, b.len, idem->hash);
  free (canon);
  buf_free (&b);
  return true;
}

enum store_qs
api_idem_claim (struct http_request *req, struct store_conn *conn,
                struct api_idem *idem)
{
  struct store_idem prev = { 0 };
  enum store_qs qs;

  if (NULL == idem->key)
    return STORE_QS_ONE;
  qs = store_idem_claim (conn, req->auth.org_id, idem->key, idem->hash, &prev);
  if (0 != qs)
    return qs;
  if (! util_ct_equal (prev.request_hash, idem->hash, 32))
    http_reply_error (req, SVC_EC_IDEMPOTENCY_KEY_REUSED,
                      "This Idempotency-Key was used with a different "
                      "request; use a new key for a new request.");
  else if (0 == prev.status || NULL == prev.body)
    http_reply_error (req, SVC_EC_CONFLICT,
                      "A request with this Idempotency-Key is in progress.");
  else
  {
    http_reply_json (req, (unsigned int) prev.status, NULL);
    req->reply_body = prev.body;
    prev.body = NULL;
    if (NULL != prev.location)
      http_add_header (req, "Location", prev.location);
    if (NULL != prev.etag)
      http_add_header (req, "ETag", prev.etag);
    http_add_header (req, "Idempotent-Replayed", "true");
  }
  store_idem_clear (&prev);
  return STORE_QS_ROLLBACK;
}

enum store_qs
api_idem_created (struct http_request *req, struct store_conn *conn,
                  struct api_idem *idem, const char *location, char *body,
                  int version)
{
  char etag[16];

  api_etag (version, etag);
  http_reply_text (req, 201, body);
  http_add_header (req, "Location", location);
  http_add_header (req, "ETag", etag);
  if (NULL == idem->key)
    return STORE_QS_ONE;
  return store_idem_complete (conn, req->auth.org_id, idem->key, 201, location,
                              req->reply_body, etag);
}
