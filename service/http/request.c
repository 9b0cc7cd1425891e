/**
 * @file request.c
 * @brief Reading a request: query arguments and headers.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "svc/resource.h"

const char *
http_query (struct http_request *req, const char *name)
{
  return MHD_lookup_connection_value (req->connection, MHD_GET_ARGUMENT_KIND,
                                      name);
}

const char *
http_header (struct http_request *req, const char *name)
{
  return MHD_lookup_connection_value (req->connection, MHD_HEADER_KIND, name);
}

json_t *
http_query_errors (struct http_request *req)
{
  if (NULL == req->query_errors)
    req->query_errors = json_array ();
  return req->query_errors;
}

bool
http_query_ok (struct http_request *req)
{
  if (0 == json_array_size (req->query_errors))
    return true;
  http_reply_errors (req, SVC_EC_INVALID_PARAMETER,
                     "Fix the query parameters listed in errors.",
                     json_incref (req->query_errors));
  return false;
}

/** State of the query-string scan. */
struct query_scan
{
  const struct route *route;
  json_t *errors;
};

/** Whether @a name is a query parameter @a route reads. */
static bool
route_reads (const struct route *route, const char *name)
{
  const struct resource *res = route->cls;
  size_t n = strlen (name);

  for (const char *p = route->query; '\0' != *p;)
  {
    size_t len = strcspn (p, " ");

    if (9 == len && 0 == strncmp (p, "{filters}", 9) && NULL != res)
    {
      for (unsigned int i = 0; i < res->n_filters; i++)
        if (0 == strcmp (res->filters[i].param, name))
          return true;
    }
    else if (len == n && 0 == strncmp (p, name, n))
      return true;
    p += len;
    p += strspn (p, " ");
  }
  return false;
}

/** Adds {field, message} to @a errors, the field made printable. */
static void
add_error (json_t *errors, const char *field, const char *message)
{
  char safe[128];
  size_t i;

  /* A name that is not UTF-8 cannot be a JSON string as it is. */
  for (i = 0; '\0' != field[i] && i + 1 < sizeof (safe); i++)
    safe[i] = (field[i] & 0x80) ? '?' : field[i];
  safe[i] = '\0';
  json_array_append_new (
    errors,
    json_pack ("{s:s, s:s}", "field",
               util_utf8_length (field, strlen (field)) >= 0 ? field : safe,
               "message", message));
}

/** MHD iterator: records each argument the route does not read or that
    is not valid UTF-8 (a %00 reaches here as 0xFF, never UTF-8). */
static enum MHD_Result
scan_arg (void *cls, enum MHD_ValueKind kind, const char *key,
          const char *value)
{
  struct query_scan *s = cls;

  (void) kind;
  if (! route_reads (s->route, key))
    add_error (s->errors, key, "is not a known query parameter");
  else if (NULL != value && util_utf8_length (value, strlen (value)) < 0)
    add_error (s->errors, key, "is not valid UTF-8 (or holds a NUL)");
  return MHD_YES;
}

void
http_scan_query (struct http_request *req, const struct route *route)
{
  struct query_scan s = { route, http_query_errors (req) };

  MHD_get_connection_values (req->connection, MHD_GET_ARGUMENT_KIND, &scan_arg,
                             &s);
}
