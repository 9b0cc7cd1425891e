/**
 * @file docs.c
 * @brief GET /docs: the API reference as one HTML page, rendered once at
 *        start from the OpenAPI document: every tag with its operations,
 *        their parameters and responses. Plain HTML and inline CSS, no
 *        script and nothing fetched from elsewhere, so it reads the same
 *        offline and behind a strict firewall.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/util.h"

/** Appends @a s, escaped for HTML text and attribute values. */
static void
esc (struct buf *b, const char *s)
{
  for (; NULL != s && *s; s++)
  {
    const char *r = NULL;

    switch (*s)
    {
    case '&':
      r = "&amp;";
      break;
    case '<':
      r = "&lt;";
      break;
    case '>':
      r = "&gt;";
      break;
    case '"':
      r = "&quot;";
      break;
    case '\'':
      r = "&#39;";
      break;
    default:
      buf_append (b, s, 1, SIZE_MAX);
      continue;
    }
    buf_append (b, r, strlen (r), SIZE_MAX);
  }
}

/** Appends literal @a s. */
static void
put (struct buf *b, const char *s)
{
  buf_append (b, s, strlen (s), SIZE_MAX);
}

/** Appends Markdown-ish text as paragraphs (blank lines split them),
    escaped; `code` stays as written. */
static void
paragraphs (struct buf *b, const char *text)
{
  const char *p = text;

  if (NULL == text)
    return;
  while (*p)
  {
    const char *end = strstr (p, "\n\n");
    size_t n = NULL != end ? (size_t) (end - p) : strlen (p);
    char *one = util_strndup (p, n);

    put (b, "<p>");
    esc (b, one);
    put (b, "</p>\n");
    free (one);
    p += n;
    while ('\n' == *p)
      p++;
  }
}

/** The name of the schema a $ref or an array of $refs points to, or "". */
static const char *
ref_name (const json_t *schema)
{
  const char *ref = json_string_value (json_object_get (schema, "$ref"));

  if (NULL == ref)
    ref = json_string_value (
      json_object_get (json_object_get (schema, "items"), "$ref"));
  if (NULL == ref)
    return "";
  return NULL != strrchr (ref, '/') ? strrchr (ref, '/') + 1 : ref;
}

/** The object a local $ref names in @a doc ("#/components/..."), or @a v. */
static const json_t *
deref (const json_t *doc, const json_t *v)
{
  const char *ref = json_string_value (json_object_get (v, "$ref"));
  const json_t *at = doc;
  char part[128];

  if (NULL == ref || 0 != strncmp (ref, "#/", 2))
    return v;
  for (const char *p = ref + 2; *p && NULL != at;)
  {
    size_t n = strcspn (p, "/");

    snprintf (part, sizeof (part), "%.*s", (int) n, p);
    at = json_object_get (at, part);
    p += n;
    p += '/' == *p;
  }
  return NULL != at ? at : v;
}

/** One operation: method, path, summary, description, parameters and
    responses. */
static void
operation (struct buf *b, const json_t *doc, const char *path,
           const char *method, const json_t *op, const json_t *path_params)
{
  const json_t *params[2] = { path_params,
                              json_object_get (op, "parameters") };
  const json_t *resp = json_object_get (op, "responses");
  const char *code;
  const json_t *r;
  char upper[16];
  size_t i;
  const json_t *p;
  bool any = false;

  snprintf (upper, sizeof (upper), "%s", method);
  for (char *c = upper; *c; c++)
    if (*c >= 'a' && *c <= 'z')
      *c = (char) (*c - 'a' + 'A');
  put (b, "<section class=\"op\" id=\"");
  esc (b, json_string_value (json_object_get (op, "operationId")));
  put (b, "\">\n<h3><span class=\"m\">");
  esc (b, upper);
  put (b, "</span> <code>");
  esc (b, path);
  put (b, "</code></h3>\n<p class=\"sum\">");
  esc (b, json_string_value (json_object_get (op, "summary")));
  put (b, " <small>");
  esc (b, json_string_value (json_object_get (op, "operationId")));
  put (b, "</small></p>\n");
  paragraphs (b, json_string_value (json_object_get (op, "description")));
  for (int k = 0; k < 2; k++)
    json_array_foreach (params[k], i, p)
    {
      const json_t *q = deref (doc, p);

      if (! any)
        put (b, "<table><tr><th>parameter</th><th>in</th><th>about</th>"
                "</tr>\n");
      any = true;
      put (b, "<tr><td><code>");
      esc (b, json_string_value (json_object_get (q, "name")));
      put (b, "</code>");
      if (json_is_true (json_object_get (q, "required")))
        put (b, " <small>required</small>");
      put (b, "</td><td>");
      esc (b, json_string_value (json_object_get (q, "in")));
      put (b, "</td><td>");
      esc (b, json_string_value (json_object_get (q, "description")));
      put (b, "</td></tr>\n");
    }
  if (any)
    put (b, "</table>\n");
  {
    const json_t *body =
      json_object_get (json_object_get (json_object_get (op, "requestBody"),
                                        "content"),
                       "application/json");

    if (NULL != body)
    {
      put (b, "<p>Body: <code>");
      esc (b, ref_name (json_object_get (body, "schema")));
      put (b, "</code></p>\n");
    }
  }
  put (b, "<ul class=\"resp\">\n");
  json_object_foreach ((json_t *) resp, code, r)
  {
    const json_t *d = deref (doc, r);

    put (b, "<li><code>");
    esc (b, code);
    put (b, "</code> ");
    esc (b, json_string_value (json_object_get (d, "description")));
    put (b, "</li>\n");
  }
  put (b, "</ul>\n</section>\n");
}

char *
api_docs_render (const json_t *doc)
{
  static const char *const methods[] = { "get",   "post",   "put",
                                         "patch", "delete", NULL };
  const json_t *info = json_object_get (doc, "info");
  const json_t *tags = json_object_get (doc, "tags");
  const json_t *paths = json_object_get (doc, "paths");
  struct buf b = { 0 };
  size_t i;
  const json_t *tag;

  put (&b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width\">"
           "<title>");
  esc (&b, json_string_value (json_object_get (info, "title")));
  put (&b, " reference</title><style>"
           "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;"
           "margin:2em auto;padding:0 1em;color:#222}"
           "code{font:13px ui-monospace,monospace;background:#f3f3f3;"
           "padding:0 .2em}"
           "h2{border-bottom:1px solid #ccc;margin-top:2em}"
           ".op{border-left:3px solid #888;padding-left:1em;margin:1.5em 0}"
           ".m{font:bold 13px ui-monospace,monospace}"
           "table{border-collapse:collapse}td,th{border:1px solid #ddd;"
           "padding:.2em .5em;text-align:left;vertical-align:top}"
           "small{color:#666}"
           "</style></head><body>\n<h1>");
  esc (&b, json_string_value (json_object_get (info, "title")));
  put (&b, " <small>");
  esc (&b, json_string_value (json_object_get (info, "version")));
  put (&b, "</small></h1>\n<p>The OpenAPI document itself: "
           "<a href=\"/v1/openapi.json\">/v1/openapi.json</a>.</p>\n"
           "<nav><ul>\n");
  json_array_foreach (tags, i, tag)
  {
    put (&b, "<li><a href=\"#tag-");
    esc (&b, json_string_value (json_object_get (tag, "name")));
    put (&b, "\">");
    esc (&b, json_string_value (json_object_get (tag, "name")));
    put (&b, "</a></li>\n");
  }
  put (&b, "</ul></nav>\n<details><summary>Conventions</summary>\n");
  paragraphs (&b, json_string_value (json_object_get (info, "description")));
  put (&b, "</details>\n");
  json_array_foreach (tags, i, tag)
  {
    const char *name = json_string_value (json_object_get (tag, "name"));
    const char *path;
    const json_t *item;

    put (&b, "<h2 class=\"tag\" id=\"tag-");
    esc (&b, name);
    put (&b, "\">");
    esc (&b, name);
    put (&b, "</h2>\n");
    paragraphs (&b, json_string_value (json_object_get (tag, "description")));
    json_object_foreach ((json_t *) paths, path,
                         item) for (const char *const *m = methods; NULL != *m;
                                    m++)
    {
      const json_t *op = json_object_get (item, *m);
      const json_t *op_tags = json_object_get (op, "tags");
      size_t k;
      const json_t *t;
      bool mine = false;

      json_array_foreach (op_tags, k, t)
        mine = mine || 0 == strcmp (json_string_value (t), name);
      if (mine)
        operation (&b, doc, path, *m, op,
                   json_object_get (item, "parameters"));
    }
  }
  put (&b, "</body></html>\n");
  return b.data;
}

int
api_ops_docs (struct http_request *req)
{
  if (NULL == http_service.docs_html)
    return http_reply_error (req, SVC_EC_ENDPOINT_NOT_FOUND,
                             "The contract was not loaded at start.");
  http_reply_text (req, 200, util_strdup (http_service.docs_html));
  req->reply_type = "text/html; charset=utf-8";
  return 0;
}
