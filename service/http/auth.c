/**
 * @file auth.c
 * @brief Who is asking: the bearer key checked against the key cache or
 *        the database (from the headers alone, before any body is read),
 *        the route's scope, and the rate limits of the key, its
 *        organization and, for missing or bad keys, the client's address.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "svc/store.h"

/** Applies the key's rate limit; sets a 429 and returns false when over. */
static bool
rate_limit (struct http_request *req)
{
  struct ratelimit_state st;
  char v[32];
  bool ok = ratelimit_take (req->auth.key_id, &st);

  /* Kept on the request: reply_queue adds them to whatever the reply is. */
  req->rl_limit = st.limit;
  req->rl_quota = st.quota;
  req->rl_window = st.window_s;
  req->rl_remaining = st.remaining;
  req->rl_reset = st.reset_s;
  if (ok)
    return true;
  http_reply_error (req, SVC_EC_RATE_LIMITED,
                    "This API key sent more "
                    "requests than its rate limit; retry after the number of "
                    "seconds in Retry-After.");
  snprintf (v, sizeof (v), "%ld", st.retry_after_s);
  http_add_header (req, MHD_HTTP_HEADER_RETRY_AFTER, v);
  return false;
}

/** Sets the 429 of a request over an address's or organization's rate. */
static bool
throttled (struct http_request *req, const struct ratelimit_state *st)
{
  char v[32];

  http_reply_error (req, SVC_EC_RATE_LIMITED,
                    "Too many requests from this client address with a "
                    "missing or bad key, or from this organization; retry "
                    "after the number of seconds in Retry-After.");
  snprintf (v, sizeof (v), "%ld", st->retry_after_s);
  http_add_header (req, MHD_HTTP_HEADER_RETRY_AFTER, v);
  return false;
}

/**
 * Checks the bearer key (from the headers alone, before any body is read)
 * against the key cache or the database, the route's scope and the rate
 * limits.  An address that sent too many missing or bad keys is refused
 * before the lookup.
 *
 * @return true when the caller may go on; false with a reply set
 */
bool
http_authenticate (struct request_ctx *rc)
{
  struct http_request *req = &rc->req;
  const char *h = http_header (req, MHD_HTTP_HEADER_AUTHORIZATION);
  struct store_principal p;
  struct ratelimit_state st;
  uint8_t hash[32];
  uint64_t gen;
  enum store_qs qs;

  if (! ratelimit_unauth (rc->address, false, &st))
    return throttled (req, &st);
  if (NULL == h || 0 != strncasecmp (h, "Bearer ", 7) || '\0' == h[7])
    goto unauthenticated;
  h += 7;
  while (' ' == *h)
    h++;
  util_sha256 (h, strlen (h), hash);
  if (! store_key_cache_get (hash, &p, &gen))
  {
    req->db = store_acquire (http_service.pool,
                             http_service.cfg->db_acquire_timeout_ms, &qs);
    if (NULL == req->db)
    {
      http_reply_store_error (req, qs);
      return false;
    }
    qs = store_authenticate (req->db, hash, &p);
    store_release (http_service.pool, req->db);
    req->db = NULL;
    if (qs < 0)
    {
      http_reply_store_error (req, qs);
      return false;
    }
    if (0 == qs)
      goto unauthenticated;
    store_key_cache_put (hash, &p, gen);
  }
  memcpy (req->auth.key_id, p.key_id, sizeof (p.key_id));
  memcpy (req->auth.org_id, p.org_id, sizeof (p.org_id));
  req->auth.scope = 'a' == p.scope[0]   ? HTTP_SCOPE_ADMIN
                    : 'w' == p.scope[0] ? HTTP_SCOPE_WRITE
                                        : HTTP_SCOPE_READ;
  if ((int) req->auth.scope >= (int) rc->route->auth)
  {
    if (! ratelimit_take_org (req->auth.org_id, &st))
      return throttled (req, &st);
    return rate_limit (req);
  }
  http_reply_error (req, SVC_EC_FORBIDDEN_SCOPE,
                    ROUTE_ADMIN == rc->route->auth
                      ? "This needs an API key with the admin scope."
                      : "This needs an API key with the write scope.");
  return false;
unauthenticated:
  ratelimit_unauth (rc->address, true, &st);
  http_reply_error (
    req, SVC_EC_UNAUTHENTICATED,
    "Send Authorization: Bearer <api key> with an active key.");
  http_add_header (req, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                   "Bearer realm=\"rapport\"");
  return false;
}
