/**
 * @file common.c
 * @brief Pagination, signed cursors, ETags, idempotency and transactions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/util.h"

void
api_param_error (json_t *errors, const char *name, const char *message)
{
  json_array_append_new (errors, json_pack ("{s:s, s:s}", "field", name,
                                            "message", message));
}

void
api_page_sign_filters (struct api_page *page, const char *const *values,
                       unsigned int n)
{
  struct buf b = { 0 };
  uint8_t sum[32];

  for (unsigned int i = 0; i < n; i++)
  {
    const char *v = NULL != values[i] ? values[i] : "";

    buf_append (&b, NULL != values[i] ? "+" : "-", 1, SIZE_MAX);
    buf_append (&b, v, strlen (v) + 1, SIZE_MAX);
  }
  util_sha256 (b.data, b.len, sum);
  memcpy (page->filter_sig, sum, sizeof (page->filter_sig));
  buf_free (&b);
}

void
api_page_parse (struct http_request *req, struct api_page *page,
                json_t *errors)
{
  const char *limit = http_query (req, "limit");

  page->limit = 50;
  page->has_cursor = NULL != http_query (req, "cursor");
  if (NULL != limit)
  {
    char *end;
    long v = strtol (limit, &end, 10);

    if ('\0' == limit[0] || '\0' != *end || v < 1 || v > 200)
      api_param_error (errors, "limit", "must be an integer from 1 to 200");
    else
      page->limit = (unsigned int) v;
  }
}

/** The signed text of a cursor: org, filters and position. */
static int
cursor_payload (const char *org_id, const struct api_page *page,
                const char *ts, const char *id, char *out, size_t cap)
{
  char sig[17];

  util_hex (page->filter_sig, sizeof (page->filter_sig), sig);
  return snprintf (out, cap, "1|%s|%s|%s|%s", org_id, sig, ts, id);
}

char *
api_cursor_make (struct store_conn *conn, const char *org_id,
                 const struct api_page *page, const char *ts, const char *id)
{
  char payload[200];
  uint8_t key[32], mac[32];
  char *out;
  int n = cursor_payload (org_id, page, ts, id, payload, sizeof (payload));

  if (n < 0 || n >= (int) sizeof (payload)
      || 0 > store_cursor_secret (conn, key))
    return NULL;
  util_hmac_sha256 (key, sizeof (key), payload, (size_t) n, mac);
  /* The cursor carries only position and MAC; org and filters are checked
     by recomputing the MAC, so they need not be visible. */
  n = snprintf (payload, sizeof (payload), "%s|%s", ts, id);
  memcpy (payload + n, mac, 16);
  out = util_malloc (4 * ((size_t) n + 16) / 3 + 8);
  util_b64url_encode ((uint8_t *) payload, (size_t) n + 16, out);
  return out;
}

bool
api_cursor_check (const uint8_t key[32], const char *org_id,
                  struct api_page *page, const char *raw)
{
  uint8_t bytes[160];
  uint8_t mac[32];
  char text[160], payload[200];
  long n = util_b64url_decode (raw, bytes, sizeof (bytes));
  char *bar;
  int len;

  if (n <= 16)
    return false;
  memcpy (text, bytes, (size_t) n - 16);
  text[n - 16] = '\0';
  bar = strchr (text, '|');
  if (NULL == bar || (size_t) (bar - text) >= sizeof (page->after.ts))
    return false;
  *bar = '\0';
  if (! (NULL != page->key_ok ? page->key_ok (text) : util_is_timestamp (text))
      || ! util_is_uuid (bar + 1))
    return false;
  len = cursor_payload (org_id, page, text, bar + 1, payload,
                        sizeof (payload));
  util_hmac_sha256 (key, 32, payload, (size_t) len, mac);
  if (! util_ct_equal (mac, bytes + n - 16, 16))
    return false;
  memcpy (page->after.ts, text, (size_t) (bar - text) + 1);
  snprintf (page->after.id, sizeof (page->after.id), "%s", bar + 1);
  return true;
}

bool
api_cursor_verify (struct store_conn *conn, const char *org_id,
                   struct api_page *page, const char *raw)
{
  uint8_t key[32];

  if (0 > store_cursor_secret (conn, key))
    return false;
  return api_cursor_check (key, org_id, page, raw);
}

bool
api_cursor_accept (struct store_conn *conn, struct http_request *req,
                   struct api_page *page, const char *param, const char *raw,
                   const char *why)
{
  json_t *errors;

  if (api_cursor_verify (conn, req->auth.org_id, page, raw))
    return true;
  errors = json_array ();
  api_param_error (errors, param, why);
  http_reply_errors (req, SVC_EC_INVALID_PARAMETER, NULL, errors);
  return false;
}

json_t *
api_collection (json_t *data, char *next_take)
{
  json_t *o = json_pack ("{s:o, s:s?}", "data", data, "next_cursor",
                         next_take);

  if (NULL != o && NULL == next_take)
    json_object_set_new (o, "next_cursor", json_null ());
  free (next_take);
  return o;
}

void
api_etag (int version, char *out)
{
  snprintf (out, 16, "\"%d\"", version);
}

bool
api_if_match (struct http_request *req, int version)
{
  const char *h = http_header (req, "If-Match");
  char tag[16];

  if (NULL == h)
    return true;
  api_etag (version, tag);
  /* A list of tags, weak or strong, or "*". */
  for (const char *p = h; *p;)
  {
    size_t n;

    p += strspn (p, " ,\t");
    if (0 == strncmp (p, "W/", 2))
      p += 2;
    n = strcspn (p, ", \t");
    if ((1 == n && '*' == *p)
        || (strlen (tag) == n && 0 == strncmp (p, tag, n)))
      return true;
    p += n;
  }
  return false;
}

void
api_set_etag (struct http_request *req, int version)
{
  char tag[16];

  api_etag (version, tag);
  http_add_header (req, "ETag", tag);
}

int
api_run (struct http_request *req, store_tx_cb cb, void *cls)
{
  /* GET only reads: the database refuses a write in one. */
  bool read_only = 0 == strcmp (req->method, "GET");
  enum store_qs qs = store_run_tx (req->db, req->auth.org_id, read_only, cb,
                                   cls);

  /* A callback may leave the reply to the caller (reads that score after
     the transaction); the dispatcher answers 500 if nobody sets one. */
  if (STORE_QS_ROLLBACK == qs || qs >= 0)
    return 0;
  return http_reply_store_error (req, qs);
}

bool
api_id_param (struct http_request *req, unsigned int i, enum svc_ec not_found)
{
  if (i < req->n_params && util_is_uuid (req->params[i]))
  {
    util_uuid_canonical (req->params[i]);
    return true;
  }
  http_reply_error (req, not_found, NULL);
  return false;
}

void
api_set_str (json_t *obj, const char *key, bool has, const char *s)
{
  json_object_set_new (obj, key, has ? json_string (s) : json_null ());
}

/** Values one list parameter may name. */
#define LIST_MAX_VALUES 50

const char *
api_list_param (struct http_request *req, const char *name,
                bool (*ok) (const char *), const char *expected, char *out,
                size_t cap)
{
  const char *q = http_query (req, name);
  char tmp[LIST_MAX_VALUES * 38 + 4];
  unsigned int n = 0;
  size_t len = 1;
  bool bad = false;

  if (NULL == q)
    return NULL;
  snprintf (tmp, sizeof (tmp), "%s", q);
  out[0] = '{';
  for (char *save = NULL, *w = strtok_r (tmp, ",", &save); NULL != w;
       w = strtok_r (NULL, ",", &save))
  {
    char id[37];
    const char *v = w;

    if (NULL == ok)
    {
      snprintf (id, sizeof (id), "%s", w);
      bad = bad || ! util_is_uuid (w);
      util_uuid_canonical (id);
      v = id;
    }
    else
      bad = bad || ! ok (w);
    if (bad || ++n > LIST_MAX_VALUES || len + strlen (v) + 2 >= cap)
    {
      bad = true;
      break;
    }
    len += (size_t) snprintf (out + len, cap - len, "%s%s", n > 1 ? "," : "",
                              v);
  }
  if (bad || 0 == n || strlen (q) >= sizeof (tmp))
  {
    char msg[256];

    snprintf (msg, sizeof (msg), "must be a comma-separated list of %s",
              expected);
    api_param_error (http_query_errors (req), name, msg);
    return NULL;
  }
  snprintf (out + len, cap - len, "}");
  return out;
}
