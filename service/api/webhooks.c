/**
 * @file webhooks.c
 * @brief /v1/webhooks (admin): endpoints that receive the organization's
 *        events, signed (the secret is shown at creation and at each
 *        rotation, never again), and each endpoint's delivery log.
 *        docs/webhooks.md says how deliveries are made.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "svc/config.h"
#include "svc/hooks.h"
#include "svc/util.h"

static const char *const statuses[] = { "active", "disabled", NULL };
static const char *const delivery_statuses[] = { "pending", "delivered",
                                                 NULL };

/** What an endpoint's body may hold; creation takes the first three. */
static const struct jspec_field fields[] = {
  { "url", JSPEC_STRING, true, 1, HOOKS_URL_MAX },
  { "event_types", JSPEC_ARRAY, true, .choices = hooks_event_types,
    .item = JSPEC_ENUM, .max_items = 64 },
  { "description", JSPEC_STRING, false, 0, 500 },
  { "status", JSPEC_ENUM, false, .choices = statuses },
};

enum
{
  F_URL,
  F_TYPES,
  F_DESCRIPTION,
  F_STATUS,
  N_FIELDS
};

static const char *const create_read_only[] = {
  "id",          "secret",     "status",     "disabled_reason",
  "disabled_at", "created_at", "updated_at", "previous_secret_expires_at",
  NULL
};

static const char *const patch_read_only[] = { "id",
                                               "secret",
                                               "disabled_reason",
                                               "disabled_at",
                                               "created_at",
                                               "updated_at",
                                               "previous_secret_expires_at",
                                               NULL };

/** A rotation: how long the secret it replaces keeps signing (0: not at
    all, when it leaked). */
static const struct jspec_field rotate_fields[] = {
  { "previous_secret_expires_in", JSPEC_INTEGER, false, .min = 0,
    .max = 7 * 86400 },
};

static const struct jspec_spec rotate_spec = { rotate_fields, 1, NULL };

static const struct jspec_spec create_spec = { fields, 3, create_read_only };
static const struct jspec_spec patch_spec = { fields, N_FIELDS,
                                              patch_read_only };

/** Transaction context of the webhook endpoints. */
struct hook_ctx
{
  struct http_request *req;
  const char *id;
  struct jspec_value v[N_FIELDS];
  char *types; /**< new: event_types as JSON text */
  const json_t *patch;
  const char *status; /**< deliveries filter, or NULL */
  struct api_page page;
  const char *cursor;
  json_t *data;
  unsigned int rows;
  char last_ts[40];
  char last_id[37];
};

/** Appends the errors of the checks jspec cannot make: at least one event
    type, and a URL a delivery may go to.  Members jspec already refused
    (of the wrong type) are left alone. */
static void
more_checks (const struct jspec_value *v, bool check_url, json_t *errors)
{
  char why[256];

  if (json_is_array (v[F_TYPES].j) && 0 == json_array_size (v[F_TYPES].j))
    jspec_error (errors, "", "event_types",
                 "must name at least one event type, or \"*\"");
  if (check_url && json_is_string (v[F_URL].j) && NULL != v[F_URL].s
      && ! hooks_url_ok (v[F_URL].s,
                         0 != http_service.cfg->webhook_allow_private, why,
                         sizeof (why)))
    jspec_error (errors, "", "url", why);
}

/** The endpoint's document from @a row (new), with @a secret when set. */
static json_t *
endpoint_json (const struct store_row *row, const char *secret)
{
  json_t *o = json_loads (row->json, 0, NULL);

  if (NULL == o)
    o = json_object ();
  if (NULL != secret)
    json_object_set_new (o, "secret", json_string (secret));
  return o;
}

/** Replies 422 naming every bad field. */
static int
reply_invalid (struct http_request *req, json_t *errors)
{
  return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                            "Fix the fields listed in errors.", errors);
}

/* ---------------------------------------------------------------- create */

/** Transaction: a new endpoint, its secret shown once. */
static enum store_qs
create_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  char secret[64], location[64];
  struct store_row row;
  enum store_qs qs;

  if (0 != hooks_secret_new (secret))
    return STORE_QS_HARD_ERROR;
  qs = store_webhooks_insert (conn, hc->req->auth.org_id, hc->v[F_URL].s,
                              hc->v[F_DESCRIPTION].is_null
                                ? NULL
                                : hc->v[F_DESCRIPTION].s,
                              hc->types, secret,
                              http_service.cfg->max_webhooks, &row);
  if (0 == qs)
  {
    char detail[160];

    snprintf (detail, sizeof (detail),
              "The organization has %ld webhook endpoints, the most it may "
              "have; delete one first.",
              http_service.cfg->max_webhooks);
    http_reply_error (hc->req, SVC_EC_WEBHOOK_LIMIT_REACHED, detail);
    return STORE_QS_ROLLBACK;
  }
  if (qs < 0)
    return qs;
  http_reply_json (hc->req, 201, endpoint_json (&row, secret));
  snprintf (location, sizeof (location), "/v1/webhooks/%s", row.id);
  http_add_header (hc->req, "Location", location);
  api_set_etag (hc->req, row.version);
  store_row_clear (&row);
  return STORE_QS_ONE;
}

int
api_webhooks_create (struct http_request *req)
{
  struct hook_ctx hc = { .req = req };
  json_t *errors = json_array ();
  int rc;

  if (! json_is_object (req->body))
  {
    jspec_error (errors, "", "", "must be a JSON object");
    return reply_invalid (req, errors);
  }
  jspec_parse (&create_spec, req->body, "", hc.v, errors);
  more_checks (hc.v, true, errors);
  if (json_array_size (errors) > 0)
    return reply_invalid (req, errors);
  json_decref (errors);
  hc.types = json_dumps (hc.v[F_TYPES].j, JSON_COMPACT);
  rc = api_run (req, &create_tx, &hc);
  free (hc.types);
  return rc;
}

/* ------------------------------------------------------------------- get */

/** Transaction: one endpoint. */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  struct store_row row;
  enum store_qs qs = store_webhooks_get (conn, hc->req->auth.org_id, hc->id,
                                         false, &row);

  if (0 == qs)
    http_reply_error (hc->req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  else if (qs > 0)
  {
    http_reply_json (hc->req, 200, endpoint_json (&row, NULL));
    api_set_etag (hc->req, row.version);
  }
  store_row_clear (&row);
  return qs;
}

int
api_webhooks_get (struct http_request *req)
{
  struct hook_ctx hc = { .req = req, .id = req->params[0] };

  if (! api_id_param (req, 0, SVC_EC_WEBHOOK_NOT_FOUND))
    return 0;
  return api_run (req, &get_tx, &hc);
}

/* ----------------------------------------------------------------- patch */

/** Transaction: lock, merge the patch, check, update; re-enabling makes
    the pending deliveries due again. */
static enum store_qs
patch_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  struct http_request *req = hc->req;
  struct store_row row, updated;
  json_t *cur, *merged, *errors;
  struct jspec_value v[N_FIELDS];
  char *types;
  bool was_disabled;
  enum store_qs qs = store_webhooks_get (conn, req->auth.org_id, hc->id, true,
                                         &row);

  if (0 == qs)
    http_reply_error (req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  if (qs <= 0)
  {
    store_row_clear (&row);
    return qs;
  }
  if (! api_if_match (req, row.version))
  {
    store_row_clear (&row);
    http_reply_error (req, SVC_EC_PRECONDITION_FAILED, NULL);
    return STORE_QS_ROLLBACK;
  }
  cur = endpoint_json (&row, NULL);
  store_row_clear (&row);
  was_disabled = 0
                 == strcmp ("disabled", json_string_value (
                                          json_object_get (cur, "status")));
  merged = json_pack ("{s:O, s:O, s:O, s:O}", "url",
                      json_object_get (cur, "url"), "event_types",
                      json_object_get (cur, "event_types"), "description",
                      json_object_get (cur, "description"), "status",
                      json_object_get (cur, "status"));
  json_decref (cur);
  merged = jspec_merge_patch (merged, hc->patch);
  errors = json_array ();
  jspec_parse (&patch_spec, merged, "", v, errors);
  more_checks (v, NULL != json_object_get (hc->patch, "url"), errors);
  if (json_array_size (errors) > 0)
  {
    reply_invalid (req, errors);
    json_decref (merged);
    return STORE_QS_ROLLBACK;
  }
  json_decref (errors);
  types = json_dumps (v[F_TYPES].j, JSON_COMPACT);
  qs = store_webhooks_update (
    conn, req->auth.org_id, hc->id, v[F_URL].s,
    v[F_DESCRIPTION].present && ! v[F_DESCRIPTION].is_null ? v[F_DESCRIPTION].s
                                                           : NULL,
    types,
    v[F_STATUS].present && ! v[F_STATUS].is_null ? v[F_STATUS].s : "active",
    &updated);
  free (types);
  if (qs > 0)
  {
    json_t *doc = endpoint_json (&updated, NULL);
    const char *now = json_string_value (json_object_get (doc, "status"));

    if (was_disabled && NULL != now && 0 == strcmp (now, "active")
        && store_webhooks_resume (conn, req->auth.org_id, hc->id) < 0)
    {
      json_decref (doc);
      store_row_clear (&updated);
      json_decref (merged);
      return STORE_QS_HARD_ERROR;
    }
    http_reply_json (req, 200, doc);
    api_set_etag (req, updated.version);
  }
  else if (0 == qs)
    http_reply_error (req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  store_row_clear (&updated);
  json_decref (merged);
  return qs;
}

int
api_webhooks_patch (struct http_request *req)
{
  struct hook_ctx hc = { .req = req, .id = req->params[0] };
  json_t *errors;

  if (! api_id_param (req, 0, SVC_EC_WEBHOOK_NOT_FOUND))
    return 0;
  errors = json_array ();
  if (! json_is_object (req->body))
  {
    jspec_error (errors, "", "", "must be a JSON object");
    return reply_invalid (req, errors);
  }
  if (0 != jspec_check_names (&patch_spec, req->body, "", errors))
    return reply_invalid (req, errors);
  json_decref (errors);
  hc.patch = req->body;
  return api_run (req, &patch_tx, &hc);
}

/* ---------------------------------------------------------------- delete */

/** Transaction: delete the endpoint and its log. */
static enum store_qs
delete_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  enum store_qs qs;

  if (NULL != http_header (hc->req, "If-Match"))
  {
    struct store_row row;

    qs = store_webhooks_get (conn, hc->req->auth.org_id, hc->id, true, &row);
    store_row_clear (&row);
    if (qs > 0 && ! api_if_match (hc->req, row.version))
    {
      http_reply_error (hc->req, SVC_EC_PRECONDITION_FAILED, NULL);
      return STORE_QS_ROLLBACK;
    }
  }
  qs = store_webhooks_delete (conn, hc->req->auth.org_id, hc->id);
  if (0 == qs)
    http_reply_error (hc->req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  else if (qs > 0)
    http_reply_json (hc->req, 204, NULL);
  return qs;
}

int
api_webhooks_delete (struct http_request *req)
{
  struct hook_ctx hc = { .req = req, .id = req->params[0] };

  if (! api_id_param (req, 0, SVC_EC_WEBHOOK_NOT_FOUND))
    return 0;
  return api_run (req, &delete_tx, &hc);
}

/* --------------------------------------------------------- rotate-secret */

/** Transaction: a new secret, shown once; the old one keeps signing for a
    while (a day unless the body says otherwise). */
static enum store_qs
rotate_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  char secret[64];
  struct store_row row;
  enum store_qs qs;

  if (0 != hooks_secret_new (secret))
    return STORE_QS_HARD_ERROR;
  qs = store_webhooks_rotate (conn, hc->req->auth.org_id, hc->id, secret,
                              hc->v[0].present && ! hc->v[0].is_null
                                ? (long) hc->v[0].i
                                : HOOKS_SECRET_GRACE_S,
                              &row);
  if (0 == qs)
    http_reply_error (hc->req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  else if (qs > 0)
  {
    http_reply_json (hc->req, 200, endpoint_json (&row, secret));
    api_set_etag (hc->req, row.version);
  }
  store_row_clear (&row);
  return qs;
}

int
api_webhooks_rotate_secret (struct http_request *req)
{
  struct hook_ctx hc = { .req = req, .id = req->params[0] };
  json_t *errors;

  if (! api_id_param (req, 0, SVC_EC_WEBHOOK_NOT_FOUND))
    return 0;
  errors = json_array ();
  if (! json_is_object (req->body))
    jspec_error (errors, "", "", "must be a JSON object");
  else
    jspec_parse (&rotate_spec, req->body, "", hc.v, errors);
  if (json_array_size (errors) > 0)
    return reply_invalid (req, errors);
  json_decref (errors);
  return api_run (req, &rotate_tx, &hc);
}

/* ------------------------------------------------------------- listings */

/** Row callback of both listings. */
static void
list_row (void *cls, const struct store_row *row)
{
  struct hook_ctx *hc = cls;

  if (++hc->rows > hc->page.limit)
    return;
  json_array_append_new (hc->data, endpoint_json (row, NULL));
  snprintf (hc->last_ts, sizeof (hc->last_ts), "%s", row->order_key);
  snprintf (hc->last_id, sizeof (hc->last_id), "%s", row->id);
}

/** Checks the request's cursor; false with a 400 set when it is not one
    this listing gave out. */
static bool
cursor_ok (struct hook_ctx *hc, struct store_conn *conn)
{
  return NULL == hc->cursor
         || api_cursor_accept (conn, hc->req, &hc->page, "cursor", hc->cursor,
                               "is not a cursor this listing gave out");
}

/** Replies with the page listed, and the cursor after it. */
static enum store_qs
reply_page (struct hook_ctx *hc, struct store_conn *conn)
{
  char *next = NULL;

  if (hc->rows > hc->page.limit
      && NULL
           == (next = api_cursor_make (conn, hc->req->auth.org_id, &hc->page,
                                       hc->last_ts, hc->last_id)))
    return STORE_QS_HARD_ERROR;
  http_reply_json (hc->req, 200,
                   api_collection (json_incref (hc->data), next));
  return STORE_QS_ONE;
}

/** Transaction: one page of endpoints. */
static enum store_qs
list_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  enum store_qs qs;

  if (! cursor_ok (hc, conn))
    return STORE_QS_ROLLBACK;
  json_array_clear (hc->data);
  hc->rows = 0;
  qs = store_webhooks_list (conn, hc->req->auth.org_id,
                            NULL != hc->cursor ? hc->page.after.ts : NULL,
                            NULL != hc->cursor ? hc->page.after.id : NULL,
                            hc->page.limit + 1, &list_row, hc);
  return qs < 0 ? qs : reply_page (hc, conn);
}

int
api_webhooks_list (struct http_request *req)
{
  static const char *const sig[] = { "webhooks" };
  struct hook_ctx hc = { .req = req };
  int rc;

  api_page_sign_filters (&hc.page, sig, 1);
  api_page_parse (req, &hc.page, http_query_errors (req));
  if (! http_query_ok (req))
    return 0;
  hc.cursor = http_query (req, "cursor");
  hc.data = json_array ();
  rc = api_run (req, &list_tx, &hc);
  json_decref (hc.data);
  return rc;
}

/** Transaction: one page of an endpoint's deliveries. */
static enum store_qs
deliveries_tx (void *cls, struct store_conn *conn)
{
  struct hook_ctx *hc = cls;
  struct store_row row;
  enum store_qs qs = store_webhooks_get (conn, hc->req->auth.org_id, hc->id,
                                         false, &row);

  store_row_clear (&row);
  if (0 == qs)
    http_reply_error (hc->req, SVC_EC_WEBHOOK_NOT_FOUND, NULL);
  if (qs <= 0)
    return qs;
  if (! cursor_ok (hc, conn))
    return STORE_QS_ROLLBACK;
  json_array_clear (hc->data);
  hc->rows = 0;
  qs = store_webhook_deliveries_list (
    conn, hc->req->auth.org_id, hc->id, hc->status,
    NULL != hc->cursor ? hc->page.after.ts : NULL,
    NULL != hc->cursor ? hc->page.after.id : NULL, hc->page.limit + 1,
    &list_row, hc);
  return qs < 0 ? qs : reply_page (hc, conn);
}

int
api_webhooks_deliveries (struct http_request *req)
{
  struct hook_ctx hc = { .req = req, .id = req->params[0] };
  const char *sig[3];
  int rc;

  hc.status = http_query (req, "status");
  if (NULL != hc.status)
  {
    bool known = false;

    for (const char *const *s = delivery_statuses; NULL != *s; s++)
      known |= 0 == strcmp (*s, hc.status);
    if (! known)
      api_param_error (http_query_errors (req), "status",
                       "must be pending or delivered");
  }
  if (! api_id_param (req, 0, SVC_EC_WEBHOOK_NOT_FOUND))
    return 0;
  sig[0] = "webhook_deliveries";
  sig[1] = req->params[0];
  sig[2] = hc.status;
  api_page_sign_filters (&hc.page, sig, 3);
  api_page_parse (req, &hc.page, http_query_errors (req));
  if (! http_query_ok (req))
    return 0;
  hc.cursor = http_query (req, "cursor");
  hc.data = json_array ();
  rc = api_run (req, &deliveries_tx, &hc);
  json_decref (hc.data);
  return rc;
}
