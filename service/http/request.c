/**
 * @file request.c
 * @brief Reading a request: query arguments and headers.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

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

/** State of the unknown-argument scan. */
struct unknown_scan
{
  const char *const *allowed;
  json_t *errors;
};

/** MHD iterator: records each argument not in the allowed list. */
static enum MHD_Result
check_arg (void *cls, enum MHD_ValueKind kind, const char *key,
           const char *value)
{
  struct unknown_scan *s = cls;

  for (const char *const *a = s->allowed; NULL != *a; a++)
    if (0 == strcmp (*a, key))
      return MHD_YES;
  json_array_append_new (s->errors,
                         json_pack ("{s:s, s:s}", "field", key, "message",
                                    "is not a known query parameter"));
  return MHD_YES;
}

bool
http_check_query_names (struct http_request *req, const char *const *allowed)
{
  struct unknown_scan s = { allowed, json_array () };

  MHD_get_connection_values (req->connection, MHD_GET_ARGUMENT_KIND,
                             &check_arg, &s);
  if (0 == json_array_size (s.errors))
  {
    json_decref (s.errors);
    return true;
  }
  http_reply_errors (req, SVC_EC_INVALID_PARAMETER, NULL, s.errors);
  return false;
}
