/**
 * @file harness.c
 * @brief libcurl client, organization set-up and the request helpers
 *        integration tests share.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

size_t
th_collect (char *data, size_t size, size_t n, void *cls)
{
  char **buf = cls;
  size_t old = NULL != *buf ? strlen (*buf) : 0;
  char *p = realloc (*buf, old + size * n + 1);

  if (NULL == p)
    return 0; /* libcurl fails the transfer, and the caller says so */
  memcpy (p + old, data, size * n);
  p[old + size * n] = '\0';
  *buf = p;
  return size * n;
}

struct curl_slist *
th_curl_prepare (void *curl, const char *base, const char *method,
                 const char *path, const char *key, const char *const *extra,
                 char **body, char **headers)
{
  CURL *c = curl;
  struct curl_slist *h = NULL;
  char url[4096], auth[256];

  snprintf (url, sizeof (url), "%s%s", base, path);
  curl_easy_setopt (c, CURLOPT_URL, url);
  curl_easy_setopt (c, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt (c, CURLOPT_NOBODY, 0 == strcmp (method, "HEAD") ? 1L : 0L);
  curl_easy_setopt (c, CURLOPT_WRITEFUNCTION, th_collect);
  curl_easy_setopt (c, CURLOPT_WRITEDATA, body);
  curl_easy_setopt (c, CURLOPT_HEADERFUNCTION, th_collect);
  curl_easy_setopt (c, CURLOPT_HEADERDATA, headers);
  if (NULL != key)
  {
    snprintf (auth, sizeof (auth), "Authorization: Bearer %s", key);
    h = curl_slist_append (h, auth);
  }
  for (; NULL != extra && NULL != *extra; extra++)
    h = curl_slist_append (h, *extra);
  return curl_slist_append (h, "Expect:");
}

const char *
th_url (void)
{
  const char *u = getenv ("RAPPORT_URL");

  cr_assert_not_null (u, "RAPPORT_URL is not set: run the tests through "
                         "scripts/test");
  return u;
}

void
th_org_new (struct th_org *org)
{
  const char *bin = getenv ("RAPPORT_BIN");
  char cmd[1024], line[512];
  FILE *p;
  static int counter;

  cr_assert_not_null (bin, "RAPPORT_BIN is not set: use scripts/test");
  memset (org, 0, sizeof (*org));
  snprintf (cmd, sizeof (cmd),
            "LOG_LEVEL=warn '%s' org create 'test org %d-%d' 2>&1", bin,
            (int) getpid (), ++counter);
  p = popen (cmd, "r");
  cr_assert_not_null (p);
  while (NULL != fgets (line, sizeof (line), p))
  {
    line[strcspn (line, "\n")] = '\0';
    if (0 == strncmp (line, "RAPPORT_ORG_ID=", 15))
      snprintf (org->id, sizeof (org->id), "%.*s", (int) sizeof (org->id) - 1,
                line + 15);
    else if (0 == strncmp (line, "RAPPORT_API_KEY=", 16))
      snprintf (org->key, sizeof (org->key), "%.*s",
                (int) sizeof (org->key) - 1, line + 16);
  }
  cr_assert_eq (0, pclose (p), "rapport org create failed");
  cr_assert (org->key[0] != '\0' && org->id[0] != '\0');
}

/** State of a chunked upload. */
struct upload
{
  const char *data;
  size_t len, off, chunk;
};

/** libcurl read callback: hands out at most one chunk at a time. */
static size_t
feed (char *dst, size_t size, size_t n, void *cls)
{
  struct upload *u = cls;
  size_t room = size * n;
  size_t take = u->len - u->off;

  if (take > u->chunk)
    take = u->chunk;
  if (take > room)
    take = room;
  memcpy (dst, u->data + u->off, take);
  u->off += take;
  return take;
}

/** The shared request path; @a up set means a chunked upload. */
static void
perform (const char *method, const char *path, const char *key,
         const char *body, const char *const *extra, struct upload *up,
         struct th_resp *out)
{
  CURL *c = curl_easy_init ();
  struct curl_slist *h;
  CURLcode rc;

  memset (out, 0, sizeof (*out));
  h = th_curl_prepare (c, th_url (), method, path, key, extra, &out->body,
                       &out->headers);
  curl_easy_setopt (c, CURLOPT_TIMEOUT, 30L);
  if (NULL != up)
  {
    h = curl_slist_append (h, "Transfer-Encoding: chunked");
    curl_easy_setopt (c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt (c, CURLOPT_READFUNCTION, feed);
    curl_easy_setopt (c, CURLOPT_READDATA, up);
  }
  else if (NULL != body)
  {
    curl_easy_setopt (c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt (c, CURLOPT_POSTFIELDSIZE, (long) strlen (body));
  }
  curl_easy_setopt (c, CURLOPT_HTTPHEADER, h);
  rc = curl_easy_perform (c);
  cr_assert_eq (CURLE_OK, rc, "%s %s: %s", method, path,
                curl_easy_strerror (rc));
  curl_easy_getinfo (c, CURLINFO_RESPONSE_CODE, &out->status);
  if (NULL == out->body)
    out->body = strdup ("");
  out->body_len = strlen (out->body);
  out->json = json_loads (out->body, 0, NULL);
  curl_slist_free_all (h);
  curl_easy_cleanup (c);
}

void
th_request (const char *method, const char *path, const char *key,
            const char *body, const char *const *extra, struct th_resp *out)
{
  perform (method, path, key, body, extra, NULL, out);
}

void
th_json (const char *method, const char *path, const char *key,
         const char *body, struct th_resp *out)
{
  static const char *const ct[] = { "Content-Type: application/json", NULL };

  perform (method, path, key, body, NULL != body ? ct : NULL, NULL, out);
}

void
th_chunked (const char *method, const char *path, const char *key,
            const char *body, size_t len, size_t chunk, struct th_resp *out)
{
  static const char *const ct[] = { "Content-Type: application/json", NULL };
  struct upload up = { body, len, 0, chunk };

  perform (method, path, key, NULL, ct, &up, out);
}

char *
th_header (const struct th_resp *r, const char *name)
{
  return th_header_value (r->headers, name);
}

char *
th_header_value (const char *headers, const char *name)
{
  size_t n = strlen (name);

  for (const char *p = headers; NULL != p && *p;)
  {
    const char *eol = strstr (p, "\r\n");
    size_t len = NULL != eol ? (size_t) (eol - p) : strlen (p);

    if (len > n + 1 && 0 == strncasecmp (p, name, n) && ':' == p[n])
    {
      const char *v = p + n + 1;

      while (' ' == *v)
        v++;
      return strndup (v, len - (size_t) (v - p));
    }
    p += len + (NULL != eol ? 2 : 0);
  }
  return NULL;
}

void
th_resp_free (struct th_resp *r)
{
  if (NULL == r)
    return;
  free (r->body);
  free (r->headers);
  json_decref (r->json);
  memset (r, 0, sizeof (*r));
}

void
th_key_new (const struct th_org *org, const char *scope, char secret[128],
            char id[64])
{
  struct th_resp r;
  char body[128];

  snprintf (body, sizeof (body), "{\"scope\":\"%s\",\"name\":\"%s key\"}",
            scope, scope);
  th_json ("POST", "/v1/api-keys", org->key, body, &r);
  cr_assert_eq (201, r.status, "creating a %s key: %s", scope, r.body);
  snprintf (secret, 128, "%s",
            json_string_value (json_object_get (r.json, "secret")));
  if (NULL != id)
    snprintf (id, 64, "%s",
              json_string_value (json_object_get (r.json, "id")));
  th_resp_free (&r);
}

/** POSTs {"name": @a name} to @a path, asserts 201 and writes the id. */
static void
named_new (const char *key, const char *path, const char *name, char id[64])
{
  json_t *b = json_pack ("{s:s}", "name", name);
  char *body = json_dumps (b, JSON_COMPACT);

  th_create (key, path, body, id);
  free (body);
  json_decref (b);
}

void
th_account_new (const char *key, const char *name, char id[64])
{
  named_new (key, "/v1/accounts", name, id);
}

void
th_seller_new (const char *key, const char *name, char id[64])
{
  named_new (key, "/v1/sellers", name, id);
}

void
th_contact_new (const char *key, const char *account, const char *name,
                char id[64])
{
  char path[128];

  snprintf (path, sizeof (path), "/v1/accounts/%s/contacts", account);
  named_new (key, path, name, id);
}

const char *
th_fmt (const char *fmt, ...)
{
  static char bufs[64][8192];
  static int n;
  char *b = bufs[n++ % 64];
  va_list ap;

  va_start (ap, fmt);
  vsnprintf (b, sizeof (bufs[0]), fmt, ap);
  va_end (ap);
  return b;
}

const char *
th_str (const struct th_resp *r, const char *name)
{
  const char *v = json_string_value (json_object_get (r->json, name));

  return NULL != v ? v : "";
}

void
th_create (const char *key, const char *path, const char *body, char id[64])
{
  struct th_resp r;

  th_json ("POST", path, key, body, &r);
  cr_assert_eq (201, r.status, "POST %s %s: %s", path, body, r.body);
  snprintf (id, 64, "%s", th_str (&r, "id"));
  th_resp_free (&r);
}

void
th_expect_422 (struct th_resp *r, const char *field, const char *what)
{
  th_assert_problem (r, 422);
  cr_assert (th_has_error (r, field), "%s: no error at %s in %s", what, field,
             r->body);
  th_resp_free (r);
}

size_t
th_count (const char *key, const char *path)
{
  struct th_resp r;
  size_t n;

  th_request ("GET", path, key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "GET %s: %s", path, r.body);
  n = json_array_size (json_object_get (r.json, "data"));
  th_resp_free (&r);
  return n;
}

size_t
th_walk (const char *key, const char *path, int limit, char (*ids)[64],
         size_t max)
{
  char url[1024];
  size_t n = 0;
  const char *sep = NULL != strchr (path, '?') ? "&" : "?";

  snprintf (url, sizeof (url), "%s%slimit=%d", path, sep, limit);
  for (;;)
  {
    struct th_resp r;
    json_t *data, *it, *next;
    size_t i;

    th_request ("GET", url, key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "GET %s: %s", url, r.body);
    data = json_object_get (r.json, "data");
    next = json_object_get (r.json, "next_cursor");
    cr_assert (json_array_size (data) <= (size_t) limit);
    if (json_is_string (next))
      cr_assert_eq ((size_t) limit, json_array_size (data),
                    "only the last page is short");
    json_array_foreach (data, i, it)
    {
      const char *id = json_string_value (json_object_get (it, "id"));

      for (size_t k = 0; k < n && k < max; k++)
        cr_assert_str_neq (ids[k], id, "%s listed twice", id);
      if (n < max)
        snprintf (ids[n], 64, "%s", id);
      n++;
    }
    if (! json_is_string (next))
    {
      th_resp_free (&r);
      return n;
    }
    snprintf (url, sizeof (url), "%s%slimit=%d&cursor=%s", path, sep, limit,
              json_string_value (next));
    th_resp_free (&r);
  }
}

void
th_patch (const char *key, const char *path, const char *etag,
          const char *body, struct th_resp *r)
{
  char ifm[128];
  const char *h[] = { "Content-Type: application/merge-patch+json", ifm,
                      NULL };

  if (NULL == etag)
    h[1] = NULL;
  else
    snprintf (ifm, sizeof (ifm), "If-Match: %s", etag);
  th_request ("PATCH", path, key, body, h, r);
}

void
th_assert_problem (const struct th_resp *r, long status)
{
  char *ct = th_header (r, "Content-Type");
  char *rid = th_header (r, "X-Request-Id");

  cr_assert_eq (status, r->status, "expected %ld, got %ld: %s", status,
                r->status, r->body);
  cr_assert_not_null (ct);
  cr_assert_str_eq (ct, "application/problem+json");
  cr_assert_not_null (rid, "no X-Request-Id");
  cr_assert_not_null (r->json, "problem body is not JSON: %s", r->body);
  cr_assert (json_is_string (json_object_get (r->json, "type")));
  cr_assert (json_is_string (json_object_get (r->json, "title")));
  cr_assert_eq (status,
                json_integer_value (json_object_get (r->json, "status")));
  /* the id a support request quotes is in the body too */
  {
    const char *in_body = json_string_value (
      json_object_get (r->json, "request_id"));

    cr_assert_str_eq (NULL != in_body ? in_body : "", rid,
                      "the problem's request_id is not X-Request-Id: %s",
                      r->body);
  }
  free (ct);
  free (rid);
}

void
th_expect_problem (const char *method, const char *path, const char *key,
                   const char *body, long status)
{
  struct th_resp r;

  th_json (method, path, key, body, &r);
  th_assert_problem (&r, status);
  th_resp_free (&r);
}

void
th_expect_status (const char *method, const char *path, const char *key,
                  const char *body, long status)
{
  struct th_resp r;

  th_json (method, path, key, body, &r);
  cr_assert_eq (status, r.status, "%s %s: %s", method, path, r.body);
  th_resp_free (&r);
}

void
th_assert_header (const struct th_resp *r, const char *name, const char *want)
{
  char *v = th_header (r, name);

  cr_assert_not_null (v, "no %s header", name);
  cr_assert_str_eq (v, want, "%s", name);
  free (v);
}

bool
th_has_error (const struct th_resp *r, const char *field)
{
  json_t *errors = json_object_get (r->json, "errors");
  size_t i;
  json_t *e;

  json_array_foreach (errors, i, e)
  {
    const char *f = json_string_value (json_object_get (e, "field"));

    if (NULL != f && 0 == strcmp (f, field))
      return true;
  }
  return false;
}

bool
th_names_field (const struct th_resp *r, const char *field)
{
  json_t *errors = json_object_get (r->json, "errors");
  size_t i;
  json_t *e;

  json_array_foreach (errors, i, e)
  {
    const char *f = json_string_value (json_object_get (e, "field"));

    if (NULL != f && 0 == strcmp (field, f))
      return true;
  }
  return false;
}

void
th_expect_one_field_starting (const struct th_resp *r, const char *prefix)
{
  json_t *errors = json_object_get (r->json, "errors");
  const char *field;

  th_assert_problem (r, 422);
  cr_assert_eq (1, json_array_size (errors),
                "the bad member was not named: %s", r->body);
  field = json_string_value (
    json_object_get (json_array_get (errors, 0), "field"));
  cr_assert (NULL != field && 0 == strncmp (field, prefix, strlen (prefix)),
             "%s", r->body);
}

const char *
th_repeat (const char *s, int n)
{
  char *out = (char *) th_fmt ("%s", "");
  size_t len = 0, k = strlen (s);

  for (int i = 0; i < n && len + k < 8191; i++, len += k)
    memcpy (out + len, s, k);
  out[len] = '\0';
  return out;
}

char *
th_stable_body (const struct th_resp *r)
{
  static const char key[] = "\"request_id\":\"";
  char *out = strdup (NULL != r->body ? r->body : "");
  char *p = strstr (out, key);

  /* every problem names its own request: the rest must match byte for
     byte */
  if (NULL != p)
    for (char *q = p + strlen (key); '"' != *q && '\0' != *q; q++)
      *q = '-';
  return out;
}
