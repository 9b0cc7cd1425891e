/**
 * @file values.c
 * @brief What matters most to an account and to the organization, from
 *        value-discovery answers: GET and PUT of {priorities, answers}.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/resource.h"

/** Transaction context of the values endpoints. */
struct values_ctx
{
  struct http_request *req;
  const char *account_id; /**< NULL for the organization's */
  char *body;             /**< PUT: the document to store */
};

/** Replies with a stored document: {priorities, answers, updated_at}. */
static enum store_qs
reply_values (struct http_request *req, struct store_values *v)
{
  json_t *doc = json_loads (v->json, 0, NULL);
  json_t *out = json_object ();

  json_object_set (out, "priorities", json_object_get (doc, "priorities"));
  json_object_set (out, "answers", json_object_get (doc, "answers"));
  json_object_set_new (out, "updated_at", json_string (v->updated_at));
  json_decref (doc);
  free (v->json);
  http_reply_json (req, 200, out);
  api_set_etag (req, v->version);
  return STORE_QS_ONE;
}

/** Transaction: read; nothing recorded yet is an empty document. */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct values_ctx *vc = cls;
  struct store_values v;
  enum store_qs qs = store_values_get (conn, vc->req->auth.org_id,
                                       vc->account_id, &v);

  if (qs > 0)
    return reply_values (vc->req, &v);
  if (qs < 0)
    return qs;
  if (NULL != vc->account_id)
  {
    qs = store_account_exists (conn, vc->req->auth.org_id, vc->account_id);
    if (0 == qs)
      http_reply_error (vc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
    if (qs <= 0)
      return 0 == qs ? STORE_QS_ROLLBACK : qs;
  }
  http_reply_json (vc->req, 200,
                   json_pack ("{s:{}, s:{}, s:n}", "priorities", "answers",
                              "updated_at"));
  return STORE_QS_ONE;
}

/** Transaction: replace the document. */
static enum store_qs
put_tx (void *cls, struct store_conn *conn)
{
  struct values_ctx *vc = cls;
  struct store_values v;
  enum store_qs qs = store_values_put (conn, vc->req->auth.org_id,
                                       vc->account_id, vc->body, &v);

  if (0 == qs)
    http_reply_error (vc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
  return qs > 0 ? reply_values (vc->req, &v) : qs;
}

/** GET for an account (@a account true) or the organization. */
static int
values_get (struct http_request *req, bool account)
{
  struct values_ctx vc = { req, account ? req->params[0] : NULL };

  if (account && ! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    return 0;
  return api_run (req, &get_tx, &vc);
}

/** PUT for an account (@a account true) or the organization. */
static int
values_put (struct http_request *req, bool account)
{
  struct values_ctx vc = { req, account ? req->params[0] : NULL };
  struct jspec_value v[2];
  json_t *errors;
  int rc;

  if (account && ! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    return 0;
  errors = json_array ();
  if (0 != jspec_parse (&resources_values_spec, req->body, "", v, errors))
    return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                              "Fix the fields listed in errors.", errors);
  json_decref (errors);
  if (NULL == json_object_get (req->body, "priorities")
      || json_is_null (json_object_get (req->body, "priorities")))
    json_object_set_new (req->body, "priorities", json_object ());
  if (NULL == json_object_get (req->body, "answers")
      || json_is_null (json_object_get (req->body, "answers")))
    json_object_set_new (req->body, "answers", json_object ());
  vc.body = json_dumps (req->body, API_JSON_FLAGS);
  rc = api_run (req, &put_tx, &vc);
  free (vc.body);
  return rc;
}

int
api_values_account_get (struct http_request *req)
{
  return values_get (req, true);
}

int
api_values_account_put (struct http_request *req)
{
  return values_put (req, true);
}

int
api_values_org_get (struct http_request *req)
{
  return values_get (req, false);
}

int
api_values_org_put (struct http_request *req)
{
  return values_put (req, false);
}
