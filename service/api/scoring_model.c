/**
 * @file scoring_model.c
 * @brief GET /v1/scoring-model (the model as shipped, with its version)
 *        and an organization's weight overrides (GET, PUT by admins).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/model.h"

int
api_scoring_model_get (struct http_request *req)
{
  return http_reply_text (req, 200, util_strdup (http_service.model_json));
}

/** Transaction context of the weights endpoints. */
struct weights_ctx
{
  struct http_request *req;
  char *body; /**< PUT: the overrides to store */
};

/** Replies {weights, model_version, updated_at} with its ETag. */
static void
reply_weights (struct http_request *req, const char *weights, int version,
               const char *updated_at)
{
  json_t *w = NULL != weights ? json_loads (weights, 0, NULL) : json_object ();

  http_reply_json (req, 200,
                   json_pack ("{s:o, s:s, s:o}", "weights", w, "model_version",
                              score_model_version (http_service.model),
                              "updated_at",
                              NULL != updated_at ? json_string (updated_at)
                                                 : json_null ()));
  if (NULL != updated_at)
    api_set_etag (req, version);
}

/** Transaction: read the overrides (none yet is an empty object). */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct weights_ctx *wc = cls;
  char *json = NULL, updated_at[40];
  int version = 0;
  enum store_qs qs = store_weights_get (conn, wc->req->auth.org_id, &json,
                                        &version, updated_at);

  if (qs >= 0)
    reply_weights (wc->req, json, version, qs > 0 ? updated_at : NULL);
  free (json);
  return qs < 0 ? qs : STORE_QS_ONE;
}

/** Transaction: replace the overrides. */
static enum store_qs
put_tx (void *cls, struct store_conn *conn)
{
  struct weights_ctx *wc = cls;
  char updated_at[40];
  int version = 0;
  enum store_qs qs = store_weights_put (conn, wc->req->auth.org_id, wc->body,
                                        &version, updated_at);

  if (qs > 0)
    reply_weights (wc->req, wc->body, version, updated_at);
  return qs;
}

int
api_scoring_weights_get (struct http_request *req)
{
  struct weights_ctx wc = { req };

  return api_run (req, &get_tx, &wc);
}

int
api_scoring_weights_put (struct http_request *req)
{
  struct weights_ctx wc = { req };
  struct model_errors errs = { 0 };
  int rc;

  if (! model_validate_weights (http_service.model, req->body, &errs))
  {
    json_t *errors = json_array ();

    for (size_t i = 0; i < errs.n; i++)
      json_array_append_new (errors, json_pack ("{s:s, s:s}", "field",
                                                errs.items[i].field, "message",
                                                errs.items[i].message));
    return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                              "Fix the weights listed in errors; GET "
                              "/v1/scoring-model shows every weight.",
                              errors);
  }
  wc.body = json_dumps (req->body, API_JSON_FLAGS);
  rc = api_run (req, &put_tx, &wc);
  free (wc.body);
  return rc;
}
