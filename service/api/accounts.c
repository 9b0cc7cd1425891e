/**
 * @file accounts.c
 * @brief /v1/accounts: create, read, list, merge-patch, delete, and upsert
 *        by external id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/util.h"

static const char *const stages[] = { "prospect", "customer", "former", NULL };
static const char *const purchase_stages[] = { "pre_purchase", "purchase",
                                               "post_purchase", NULL };

enum
{
  F_NAME, F_EXTERNAL_ID, F_INDUSTRY, F_OWNER_ID, F_STAGE, F_PURCHASE_STAGE,
  F_ANNUAL_VALUE, F_CURRENCY, F_RENEWAL_DATE, N_FIELDS
};

static const struct jspec_field fields[N_FIELDS] = {
  [F_NAME] = { "name", JSPEC_STRING, true, 1, 200 },
  [F_EXTERNAL_ID] = { "external_id", JSPEC_STRING, false, 1, 255 },
  [F_INDUSTRY] = { "industry", JSPEC_STRING, false, 1, 200 },
  [F_OWNER_ID] = { "owner_id", JSPEC_UUID, false },
  [F_STAGE] = { "stage", JSPEC_ENUM, false, .choices = stages },
  [F_PURCHASE_STAGE] = { "purchase_stage", JSPEC_ENUM, false,
                         .choices = purchase_stages },
  [F_ANNUAL_VALUE] = { "annual_value", JSPEC_NUMBER, false, .min = 0,
                       .max = 1e13 },
  [F_CURRENCY] = { "currency", JSPEC_CURRENCY, false },
  [F_RENEWAL_DATE] = { "renewal_date", JSPEC_DATE, false },
};

static const char *const read_only[] = { "id", "created_at", "updated_at",
                                         NULL };

static const struct jspec_spec spec = { fields, N_FIELDS, read_only };

/** A validated account body, with its text parameters. */
struct account_body
{
  struct jspec_value v[N_FIELDS];
  struct store_account_fields f;
  char annual_value[48];
};

/**
 * Validates @a obj as a whole account and lays it out as parameters.
 *
 * @return the number of errors appended to @a errors
 */
static unsigned int
parse_account (const json_t *obj, struct account_body *b, json_t *errors)
{
  unsigned int n = jspec_parse (&spec, obj, "", b->v, errors);
  struct jspec_value *v = b->v;

  if (! v[F_EXTERNAL_ID].is_null && NULL != v[F_EXTERNAL_ID].s
      && NULL != strchr (v[F_EXTERNAL_ID].s, '/'))
  {
    jspec_error (errors, "", "external_id", "must not contain '/'");
    n++;
  }
  if (! v[F_ANNUAL_VALUE].is_null && v[F_CURRENCY].is_null)
  {
    jspec_error (errors, "", "currency",
                 "is required when annual_value is set");
    n++;
  }
  if (0 != n)
    return n;
  snprintf (b->annual_value, sizeof (b->annual_value), "%.2f",
            v[F_ANNUAL_VALUE].d);
  b->f = (struct store_account_fields) {
    .name = v[F_NAME].s,
    .external_id = v[F_EXTERNAL_ID].is_null ? NULL : v[F_EXTERNAL_ID].s,
    .industry = v[F_INDUSTRY].is_null ? NULL : v[F_INDUSTRY].s,
    .owner_id = v[F_OWNER_ID].is_null ? NULL : v[F_OWNER_ID].s,
    .stage = v[F_STAGE].is_null ? NULL : v[F_STAGE].s,
    .purchase_stage = v[F_PURCHASE_STAGE].is_null ? NULL
                      : v[F_PURCHASE_STAGE].s,
    .annual_value = v[F_ANNUAL_VALUE].is_null ? NULL : b->annual_value,
    .currency = v[F_CURRENCY].is_null ? NULL : v[F_CURRENCY].s,
    .renewal_date = v[F_RENEWAL_DATE].is_null ? NULL : v[F_RENEWAL_DATE].s,
  };
  return 0;
}

/** The writable members of @a a, as a merge patch target. */
static json_t *
writable_json (const struct store_account *a)
{
  json_t *o = json_object ();

  json_object_set_new (o, "name", json_string (a->name));
  api_set_str (o, "external_id", a->has_external_id, a->external_id);
  api_set_str (o, "industry", a->has_industry, a->industry);
  api_set_str (o, "owner_id", a->has_owner_id, a->owner_id);
  api_set_str (o, "stage", a->has_stage, a->stage);
  api_set_str (o, "purchase_stage", a->has_purchase_stage, a->purchase_stage);
  json_object_set_new (o, "annual_value",
                       a->has_annual_value
                       ? json_real (strtod (a->annual_value, NULL))
                       : json_null ());
  api_set_str (o, "currency", a->has_currency, a->currency);
  api_set_str (o, "renewal_date", a->has_renewal_date, a->renewal_date);
  return o;
}

/** The account as the API shows it. */
static json_t *
account_json (const struct store_account *a)
{
  json_t *o = json_pack ("{s:s}", "id", a->id);
  json_t *w = writable_json (a);

  json_object_update (o, w);
  json_decref (w);
  json_object_set_new (o, "created_at", json_string (a->created_at));
  json_object_set_new (o, "updated_at", json_string (a->updated_at));
  return o;
}

/** Replies with one account, its ETag, and @a status. */
static enum store_qs
reply_account (struct http_request *req, unsigned int status,
               const struct store_account *a)
{
  if (0 != http_reply_json (req, status, account_json (a)))
    return STORE_QS_HARD_ERROR;
  api_set_etag (req, a->version);
  return STORE_QS_ONE;
}

/** Replies 422 with @a errors (taken). */
static int
reply_invalid (struct http_request *req, json_t *errors)
{
  return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                            "Fix the fields listed in errors.", errors);
}

/* ---------------------------------------------------------------- create */

/** Transaction context of POST /v1/accounts. */
struct create_ctx
{
  struct http_request *req;
  struct account_body body;
  struct api_idem idem;
};

/** Transaction: claim the idempotency key, insert, record the reply. */
static enum store_qs
create_tx (void *cls, struct store_conn *conn)
{
  struct create_ctx *cc = cls;
  struct store_account a;
  char location[64];
  enum store_qs qs = api_idem_claim (cc->req, conn, &cc->idem);

  if (STORE_QS_ONE != qs)
    return qs;
  qs = store_accounts_insert (conn, cc->req->auth.org_id, &cc->body.f, &a);
  if (STORE_QS_CONFLICT == qs)
  {
    http_reply_error (cc->req, SVC_EC_ACCOUNT_EXTERNAL_ID_TAKEN,
                      "Use PUT /v1/accounts/by-external-id/{external_id} to "
                      "update it.");
    return STORE_QS_ROLLBACK;
  }
  if (qs < 0)
    return qs;
  snprintf (location, sizeof (location), "/v1/accounts/%s", a.id);
  qs = api_idem_created (cc->req, conn, &cc->idem, location,
                         account_json (&a));
  api_set_etag (cc->req, a.version);
  return qs;
}

int
api_accounts_create (struct http_request *req)
{
  struct create_ctx cc = { .req = req };
  json_t *errors = json_array ();

  if (0 != parse_account (req->body, &cc.body, errors))
    return reply_invalid (req, errors);
  json_decref (errors);
  if (! api_idem_init (req, &cc.idem))
    return 0;
  return api_run (req, &create_tx, &cc);
}

/* ------------------------------------------------------------------ read */

/** Transaction context of single-account requests. */
struct one_ctx
{
  struct http_request *req;
  const char *id;           /**< account id or external id */
  struct account_body body; /**< for PATCH and PUT */
  json_t *patch;            /**< for PATCH, borrowed */
};

/** Transaction: read one account by id. */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct store_account a;
  enum store_qs qs = store_accounts_get (conn, oc->req->auth.org_id, oc->id,
                                         false, &a);

  if (0 == qs)
    http_reply_error (oc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
  return qs > 0 ? reply_account (oc->req, 200, &a) : qs;
}

int
api_accounts_get (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };

  if (! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    return 0;
  return api_run (req, &get_tx, &oc);
}

/** Transaction: read one account by external id. */
static enum store_qs
get_by_xid_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct store_account a;
  enum store_qs qs = store_accounts_get_by_external_id (
    conn, oc->req->auth.org_id, oc->id, &a);

  if (0 == qs)
    http_reply_error (oc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
  return qs > 0 ? reply_account (oc->req, 200, &a) : qs;
}

int
api_accounts_get_by_external_id (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };

  return api_run (req, &get_by_xid_tx, &oc);
}

/* ----------------------------------------------------------------- patch */

/** Transaction: lock, check If-Match, merge, validate, update. */
static enum store_qs
patch_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct store_account a;
  json_t *merged;
  json_t *errors;
  enum store_qs qs = store_accounts_get (conn, oc->req->auth.org_id, oc->id,
                                         true, &a);

  if (0 == qs)
    http_reply_error (oc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
  if (qs <= 0)
    return 0 == qs ? STORE_QS_ROLLBACK : qs;
  if (! api_if_match (oc->req, a.version))
  {
    http_reply_error (oc->req, SVC_EC_PRECONDITION_FAILED,
                      "The account changed since you read it; read it again "
                      "and retry with its current ETag.");
    return STORE_QS_ROLLBACK;
  }
  merged = jspec_merge_patch (writable_json (&a), oc->patch);
  errors = json_array ();
  if (0 != parse_account (merged, &oc->body, errors))
  {
    reply_invalid (oc->req, errors);
    json_decref (merged);
    return STORE_QS_ROLLBACK;
  }
  json_decref (errors);
  qs = store_accounts_update (conn, oc->req->auth.org_id, oc->id,
                              &oc->body.f, &a);
  json_decref (merged); /* the parameters pointed into it until here */
  if (STORE_QS_CONFLICT == qs)
  {
    http_reply_error (oc->req, SVC_EC_ACCOUNT_EXTERNAL_ID_TAKEN, NULL);
    return STORE_QS_ROLLBACK;
  }
  return qs > 0 ? reply_account (oc->req, 200, &a) : qs;
}

int
api_accounts_patch (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };
  json_t *errors;

  if (! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    return 0;
  errors = json_array ();
  if (! json_is_object (req->body))
    json_array_append_new (errors, json_pack ("{s:s, s:s}", "field", "",
                                              "message",
                                              "must be a JSON object"));
  else if (0 == jspec_check_names (&spec, req->body, "", errors))
  {
    json_decref (errors);
    oc.patch = req->body;
    return api_run (req, &patch_tx, &oc);
  }
  return reply_invalid (req, errors);
}

/* ---------------------------------------------------------------- delete */

/** Transaction: delete one account. */
static enum store_qs
delete_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  enum store_qs qs;

  if (NULL != http_header (oc->req, "If-Match"))
  {
    struct store_account a;

    qs = store_accounts_get (conn, oc->req->auth.org_id, oc->id, true, &a);
    if (qs > 0 && ! api_if_match (oc->req, a.version))
    {
      http_reply_error (oc->req, SVC_EC_PRECONDITION_FAILED, NULL);
      return STORE_QS_ROLLBACK;
    }
  }
  qs = store_accounts_delete (conn, oc->req->auth.org_id, oc->id);
  if (0 == qs)
    http_reply_error (oc->req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
  else if (qs > 0)
    http_reply_json (oc->req, 204, NULL);
  return qs;
}

int
api_accounts_delete (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };

  if (! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    return 0;
  return api_run (req, &delete_tx, &oc);
}

/* ------------------------------------------------------------------- put */

/** Transaction: insert or replace by external id. */
static enum store_qs
put_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct store_account a;
  bool created;
  char location[64];
  enum store_qs qs = store_accounts_upsert (conn, oc->req->auth.org_id,
                                            &oc->body.f, &a, &created);

  if (qs <= 0)
    return qs;
  qs = reply_account (oc->req, created ? 201 : 200, &a);
  if (created)
  {
    snprintf (location, sizeof (location), "/v1/accounts/%s", a.id);
    http_add_header (oc->req, "Location", location);
  }
  return qs;
}

int
api_accounts_put_by_external_id (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };
  json_t *errors = json_array ();
  json_t *body = req->body;
  json_t *xid = json_is_object (body) ? json_object_get (body, "external_id")
                                      : NULL;

  if (NULL != xid && ! json_is_null (xid)
      && ! (json_is_string (xid)
            && 0 == strcmp (json_string_value (xid), oc.id)))
    jspec_error (errors, "", "external_id",
                 "must match the external id in the path, or be left out");
  else if (json_is_object (body))
    json_object_set_new (body, "external_id", json_string (oc.id));
  if (0 == json_array_size (errors)
      && 0 == parse_account (body, &oc.body, errors))
  {
    json_decref (errors);
    return api_run (req, &put_tx, &oc);
  }
  return reply_invalid (req, errors);
}

/* ------------------------------------------------------------------ list */

/** Transaction context of GET /v1/accounts. */
struct list_ctx
{
  struct http_request *req;
  struct store_account_filter filter;
  struct api_page page;
  const char *cursor;       /**< the raw cursor, or NULL */
  json_t *data;             /**< the page being built */
  unsigned int rows;        /**< rows seen */
  char last_ts[40];         /**< position of the last row kept */
  char last_id[37];
};

/** Row callback: keeps the first `limit` rows and remembers the last. */
static void
list_row (void *cls, const struct store_account *a)
{
  struct list_ctx *lc = cls;

  if (++lc->rows > lc->page.limit)
    return;
  json_array_append_new (lc->data, account_json (a));
  memcpy (lc->last_ts, a->created_at, sizeof (lc->last_ts));
  memcpy (lc->last_id, a->id, sizeof (lc->last_id));
}

/** Transaction: verify the cursor, read one page plus one row. */
static enum store_qs
list_tx (void *cls, struct store_conn *conn)
{
  struct list_ctx *lc = cls;
  char *next = NULL;
  enum store_qs qs;

  if (NULL != lc->cursor)
  {
    if (! api_cursor_verify (conn, lc->req->auth.org_id, &lc->page,
                             lc->cursor))
    {
      json_t *errors = json_array ();

      api_param_error (errors, "cursor", "is not a cursor this listing gave "
                       "out with these filters");
      http_reply_errors (lc->req, SVC_EC_INVALID_PARAMETER, NULL, errors);
      return STORE_QS_ROLLBACK;
    }
    lc->filter.after_ts = lc->page.after.ts;
    lc->filter.after_id = lc->page.after.id;
  }
  lc->filter.limit = lc->page.limit + 1;
  json_array_clear (lc->data);
  lc->rows = 0;
  qs = store_accounts_list (conn, lc->req->auth.org_id, &lc->filter,
                            &list_row, lc);
  if (qs < 0)
    return qs;
  if (lc->rows > lc->page.limit
      && NULL == (next = api_cursor_make (conn, lc->req->auth.org_id,
                                          &lc->page, lc->last_ts,
                                          lc->last_id)))
    return STORE_QS_HARD_ERROR;
  http_reply_json (lc->req, 200,
                   api_collection (json_incref (lc->data), next));
  return STORE_QS_ONE;
}

/** Checks the filters of GET /v1/accounts; errors go to @a errors. */
static void
list_filters (struct http_request *req, struct list_ctx *lc, char *like,
              size_t like_len, json_t *errors)
{
  const char *q = http_query (req, "q");
  struct store_account_filter *f = &lc->filter;
  const char *sig[5];

  f->stage = http_query (req, "stage");
  f->owner_id = http_query (req, "owner_id");
  f->updated_since = http_query (req, "updated_since");
  if (NULL != f->stage && 0 != strcmp (f->stage, "prospect")
      && 0 != strcmp (f->stage, "customer") && 0 != strcmp (f->stage, "former"))
    api_param_error (errors, "stage", "must be one of prospect, customer, "
                     "former");
  if (NULL != f->owner_id && ! util_is_uuid (f->owner_id))
    api_param_error (errors, "owner_id", "must be a UUID");
  if (NULL != f->updated_since && ! util_is_timestamp (f->updated_since))
    api_param_error (errors, "updated_since",
                     "must be an RFC 3339 timestamp with a time zone");
  if (NULL != q)
  {
    long n = util_utf8_length (q, strlen (q));
    size_t off = 0;

    if (n < 1 || n > 200)
      api_param_error (errors, "q", "must be from 1 to 200 characters long");
    /* A substring match: escape ILIKE's wildcards and its escape. */
    like[off++] = '%';
    for (const char *p = q; *p && off + 3 < like_len; p++)
    {
      if ('%' == *p || '_' == *p || '\\' == *p)
        like[off++] = '\\';
      like[off++] = *p;
    }
    like[off++] = '%';
    like[off] = '\0';
    f->name_like = like;
  }
  sig[0] = f->stage;
  sig[1] = f->owner_id;
  sig[2] = q;
  sig[3] = f->updated_since;
  sig[4] = "accounts";
  api_page_sign_filters (&lc->page, sig, 5);
}

int
api_accounts_list (struct http_request *req)
{
  static const char *const known[] = { "limit", "cursor", "stage",
                                       "owner_id", "q", "updated_since",
                                       NULL };
  struct list_ctx lc = { .req = req };
  char like[1700];
  json_t *errors;
  int rc;

  if (! http_check_query_names (req, known))
    return 0;
  errors = json_array ();
  list_filters (req, &lc, like, sizeof (like), errors);
  api_page_parse (req, &lc.page, errors);
  if (0 != json_array_size (errors))
    return http_reply_errors (req, SVC_EC_INVALID_PARAMETER,
                              "Fix the query parameters listed in errors.",
                              errors);
  json_decref (errors);
  lc.cursor = http_query (req, "cursor");
  lc.data = json_array ();
  rc = api_run (req, &list_tx, &lc);
  json_decref (lc.data);
  return rc;
}
