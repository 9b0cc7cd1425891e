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

/** Whether @a key is 1 to 255 bytes of UTF-8 without control characters. */
static bool
key_is_valid (const char *key)
{
  size_t n = strlen (key);

  if (0 == n || n > 255 || util_utf8_length (key, n) < 0)
    return false;
  for (const unsigned char *p = (const unsigned char *) key; *p; p++)
    if (*p < 0x20 || 0x7F == *p)
      return false;
  return true;
}

bool
api_idem_init (struct http_request *req, struct api_idem *idem)
{
  memset (idem, 0, sizeof (*idem));
  idem->key = http_header (req, "Idempotency-Key");
  if (NULL == idem->key)
    return true;
  if (! key_is_valid (idem->key))
  {
    json_t *errors = json_array ();

    api_param_error (errors, "Idempotency-Key",
                     "must be 1 to 255 characters of UTF-8 text without "
                     "control characters");
    http_reply_errors (req, SVC_EC_INVALID_PARAMETER, NULL, errors);
    return false;
  }
  /* What the client sent, hashed before validation filled in defaults, so
     a retry of the same request always matches. */
  memcpy (idem->hash, req->sent_hash, 32);
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
