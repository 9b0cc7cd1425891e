/**
 * @file resource_handlers.c
 * @brief One set of handlers for every resource of the table: create,
 *        read, list, merge-patch, delete, read and upsert by external id.
 *        The route's closure says which resource.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/resource.h"
#include "svc/util.h"

/** The resource a route serves. */
#define RES(req) ((const struct resource *) (req)->route_cls)

unsigned int
api_resource_validate (const struct resource *res, json_t *obj,
                       const char *prefix, json_t *errors)
{
  struct jspec_value v[32];
  unsigned int n = jspec_parse (&res->spec, obj, prefix, v, errors);
  json_t *xid;

  if (! json_is_object (obj))
    return n;
  xid = json_object_get (obj, "external_id");
  if (json_is_string (xid) && NULL != strchr (json_string_value (xid), '/'))
  {
    jspec_error (errors, prefix, "external_id", "must not contain '/'");
    n++;
  }
  if (NULL != res->check)
    n += res->check (obj, prefix, errors);
  if (0 != n)
    return n;
  /* Absent columns with a default get it, so a write always sets every
     column (a PATCH that nulls one resets it). */
  for (unsigned int i = 0; i < res->n_columns; i++)
  {
    const struct res_column *c = &res->columns[i];
    json_t *cur = json_object_get (obj, c->spec.name);

    if (NULL != c->def && (NULL == cur || json_is_null (cur)))
      json_object_set_new (obj, c->spec.name,
                           json_loads (c->def, JSON_DECODE_ANY, NULL));
  }
  if (NULL != res->complete)
    res->complete (obj);
  return 0;
}

/**
 * Appends an error at @a prefix/@a name/N/contact_id for each
 * position N of the comma-separated @a items.
 */
static void
item_ref_errors (const char *items, const char *prefix, const char *name,
                 json_t *errors)
{
  char at[600];

  for (const char *p = items; NULL != p && '\0' != *p; p += strspn (p, ","))
  {
    size_t len = strspn (p, "0123456789");

    if (0 == len)
      break;
    snprintf (at, sizeof (at), "%s/%s/%.*s", prefix, name, (int) len, p);
    jspec_error (errors, at, "contact_id",
                 "must name a contact of the same account");
    p += len;
  }
}

void
api_resource_ref_errors (const struct resource *res, uint32_t bad,
                         const char *items, const char *prefix, json_t *errors)
{
  for (unsigned int i = 0; i < res->n_columns; i++)
  {
    static const char *const why[] = {
      [RES_REF_SELLER] = "must name a seller of this organization",
      [RES_REF_CONTACT] = "must name a contact of the same account",
      [RES_REF_CONTACTS] = "must name contacts of the same account",
    };

    if (0 == (bad & ((uint32_t) 1 << i)))
      continue;
    if (RES_REF_ITEM_CONTACTS == res->columns[i].ref)
      item_ref_errors (items, prefix, res->columns[i].spec.name, errors);
    else
      jspec_error (errors, prefix, res->columns[i].spec.name,
                   why[res->columns[i].ref]);
  }
}

static enum store_qs reply_row (struct http_request *req, unsigned int status,
                                struct store_row *row);

enum store_qs
api_resource_explain (struct store_conn *conn, const struct resource *res,
                      const char *org_id, const char *account_id,
                      const char *body, const char *xid,
                      const char *item_prefix, const char *data_prefix,
                      json_t *errors, struct store_row *row)
{
  uint32_t bad = 0;
  char *items = NULL;
  enum store_qs qs;

  memset (row, 0, sizeof (*row));
  if (res->under_account)
  {
    qs = store_account_exists (conn, org_id, account_id);
    if (qs < 0)
      return qs;
    if (0 == qs)
    {
      jspec_error (errors, item_prefix, "account_id",
                   "must name an account of this organization");
      return STORE_QS_NO_RESULTS;
    }
  }
  qs = store_res_check_refs (conn, res, org_id, account_id, body, &bad,
                             &items);
  if (qs < 0)
    return qs;
  if (0 != bad)
  {
    api_resource_ref_errors (res, bad, items, data_prefix, errors);
    free (items);
    return STORE_QS_NO_RESULTS;
  }
  if (NULL == xid)
    return STORE_QS_SOFT_ERROR; /* nothing explains it: try again */
  qs = store_res_get_by_external_id (conn, res, org_id, xid, row);
  if (qs <= 0)
    return 0 == qs ? STORE_QS_SOFT_ERROR : qs;
  if (res->under_account && 0 != strcmp (row->account_id, account_id))
  {
    store_row_clear (row);
    jspec_error (errors, data_prefix, "external_id",
                 "belongs to a record of another account");
    return STORE_QS_NO_RESULTS;
  }
  return STORE_QS_ONE;
}

/**
 * After a write wrote nothing: replies with the unchanged row (200) or
 * the 422 that explains it.
 */
static enum store_qs
reply_explained (struct http_request *req, struct store_conn *conn,
                 const char *account_id, const char *body, const char *xid)
{
  const struct resource *res = RES (req);
  struct store_row row;
  json_t *errors = json_array ();
  enum store_qs qs = api_resource_explain (conn, res, req->auth.org_id,
                                           account_id, body, xid, "", "",
                                           errors, &row);

  if (STORE_QS_NO_RESULTS == qs)
  {
    http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                       "Fix the fields listed in errors.", errors);
    return STORE_QS_ROLLBACK;
  }
  json_decref (errors);
  if (STORE_QS_ONE == qs)
    return reply_row (req, 200, &row);
  return qs;
}

/** Replies with @a row (taking its JSON) and its ETag. */
static enum store_qs
reply_row (struct http_request *req, unsigned int status,
           struct store_row *row)
{
  char location[128];

  http_reply_text (req, status, row->json);
  row->json = NULL;
  api_set_etag (req, row->version);
  if (201 == status)
  {
    snprintf (location, sizeof (location), "%s/%s", RES (req)->path, row->id);
    http_add_header (req, "Location", location);
  }
  return STORE_QS_ONE;
}

/** Replies 422 with @a errors. */
static int
reply_invalid (struct http_request *req, json_t *errors)
{
  return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                            "Fix the fields listed in errors.", errors);
}

/* ---------------------------------------------------------------- create */

/** Transaction context of a create. */
struct create_ctx
{
  struct http_request *req;
  const char *account_id;
  char *body;
  struct api_idem idem;
};

/** Transaction: claim the key, insert, explain a refusal, record. */
static enum store_qs
create_tx (void *cls, struct store_conn *conn)
{
  struct create_ctx *cc = cls;
  struct http_request *req = cc->req;
  const struct resource *res = RES (req);
  struct store_row row;
  char location[128];
  enum store_qs qs = api_idem_claim (req, conn, &cc->idem);

  if (STORE_QS_ONE != qs)
    return qs;
  qs = store_res_insert (conn, res, req->auth.org_id, cc->account_id, cc->body,
                         &row);
  if (STORE_QS_CONFLICT == qs)
  {
    http_reply_error (req, res->external_id_taken,
                      "Use PUT on the "
                      "by-external-id path to update it.");
    return STORE_QS_ROLLBACK;
  }
  if (STORE_QS_NO_RESULTS == qs)
  {
    /* The account is in the path: its absence is a 404. */
    if (res->under_account)
    {
      qs = store_account_exists (conn, req->auth.org_id, cc->account_id);
      if (0 == qs)
        http_reply_error (req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
      if (qs <= 0)
        return 0 == qs ? STORE_QS_ROLLBACK : qs;
    }
    return reply_explained (req, conn, cc->account_id, cc->body, NULL);
  }
  if (qs < 0)
    return qs;
  snprintf (location, sizeof (location), "%s/%s", res->path, row.id);
  qs = api_idem_created (req, conn, &cc->idem, location, row.json,
                         row.version);
  row.json = NULL;
  return qs;
}

int
api_resource_create (struct http_request *req)
{
  const struct resource *res = RES (req);
  struct create_ctx cc = { .req = req };
  json_t *errors = json_array ();
  int rc;

  if (res->under_account)
  {
    if (! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
    {
      json_decref (errors);
      return 0;
    }
    cc.account_id = req->params[0];
  }
  if (0 != api_resource_validate (res, req->body, "", errors))
    return reply_invalid (req, errors);
  json_decref (errors);
  if (! api_idem_init (req, &cc.idem))
    return 0;
  cc.body = json_dumps (req->body, API_JSON_FLAGS);
  rc = api_run (req, &create_tx, &cc);
  free (cc.body);
  return rc;
}

/* ------------------------------------------------------------------ read */

/** Transaction context of requests on one row. */
struct one_ctx
{
  struct http_request *req;
  const char *id;         /**< id or external id */
  json_t *patch;          /**< PATCH body, borrowed */
  json_t *body;           /**< PUT body, borrowed */
  const char *account_id; /**< PUT: the account named in the body */
  bool by_xid;            /**< id is the client's external id */
};

/** Transaction: read one row by id or external id. */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  const struct resource *res = RES (oc->req);
  struct store_row row;
  enum store_qs qs =
    oc->by_xid
      ? store_res_get_by_external_id (conn, res, oc->req->auth.org_id, oc->id,
                                      &row)
      : store_res_get (conn, res, oc->req->auth.org_id, oc->id, false, &row);

  if (0 == qs)
    http_reply_error (oc->req, res->not_found, NULL);
  return qs > 0 ? reply_row (oc->req, 200, &row) : qs;
}

int
api_resource_get (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };

  if (! api_id_param (req, 0, RES (req)->not_found))
    return 0;
  return api_run (req, &get_tx, &oc);
}

int
api_resource_get_by_external_id (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0], .by_xid = true };

  return api_run (req, &get_tx, &oc);
}

/* ----------------------------------------------------------------- patch */

/**
 * The writable part of a stored row, parsed from its JSON.
 *
 * @return new
 */
static json_t *
writable (const char *row_json)
{
  json_t *o = json_loads (row_json, 0, NULL);
  static const char *const owned[] = { "id", "account_id", "created_at",
                                       "updated_at", "version" };

  for (size_t i = 0; NULL != o && i < sizeof (owned) / sizeof (owned[0]); i++)
    json_object_del (o, owned[i]);
  return o;
}

/** Transaction: lock, If-Match, merge, validate, update. */
static enum store_qs
patch_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct http_request *req = oc->req;
  const struct resource *res = RES (req);
  struct store_row row;
  json_t *merged, *errors;
  char *body;
  char account_id[37];
  char id[37];
  enum store_qs qs;

  snprintf (id, sizeof (id), "%s", oc->id);
  if (oc->by_xid)
  {
    /* PATCH by external id: the record it names, or 404; never a new one */
    qs = store_res_get_by_external_id (conn, res, req->auth.org_id, oc->id,
                                       &row);
    if (qs > 0)
      snprintf (id, sizeof (id), "%s", row.id);
    store_row_clear (&row);
    if (0 == qs)
      http_reply_error (req, res->not_found, NULL);
    if (qs <= 0)
      return 0 == qs ? STORE_QS_ROLLBACK : qs;
  }
  qs = store_res_get (conn, res, req->auth.org_id, id, true, &row);
  if (0 == qs)
    http_reply_error (req, res->not_found, NULL);
  if (qs <= 0)
    return 0 == qs ? STORE_QS_ROLLBACK : qs;
  if (! api_if_match (req, row.version))
  {
    store_row_clear (&row);
    http_reply_error (req, SVC_EC_PRECONDITION_FAILED,
                      "It changed since you "
                      "read it; read it again and retry with its ETag.");
    return STORE_QS_ROLLBACK;
  }
  memcpy (account_id, row.account_id, sizeof (account_id));
  merged = jspec_merge_patch (writable (row.json), oc->patch);
  store_row_clear (&row);
  errors = json_array ();
  if (0 != api_resource_validate (res, merged, "", errors))
  {
    json_decref (merged);
    reply_invalid (req, errors);
    return STORE_QS_ROLLBACK;
  }
  json_decref (errors);
  body = json_dumps (merged, API_JSON_FLAGS);
  json_decref (merged);
  qs = store_res_update (conn, res, req->auth.org_id, id, body, &row);
  if (STORE_QS_CONFLICT == qs)
    http_reply_error (req, res->external_id_taken, NULL);
  else if (0 == qs)
    qs = reply_explained (req, conn, account_id, body, NULL);
  else if (qs > 0)
    qs = reply_row (req, 200, &row);
  free (body);
  return STORE_QS_CONFLICT == qs ? STORE_QS_ROLLBACK : qs;
}

/** Checks a PATCH body's member names, then runs patch_tx. */
static int
patch (struct http_request *req, struct one_ctx *oc)
{
  json_t *errors = json_array ();

  if (! json_is_object (req->body))
    json_array_append_new (errors,
                           json_pack ("{s:s, s:s}", "field", "", "message",
                                      "must be a JSON object"));
  else if (0 == jspec_check_names (&RES (req)->spec, req->body, "", errors))
  {
    json_decref (errors);
    return api_run (req, &patch_tx, oc);
  }
  return reply_invalid (req, errors);
}

int
api_resource_patch (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0], req->body };

  if (! api_id_param (req, 0, RES (req)->not_found))
    return 0;
  return patch (req, &oc);
}

int
api_resource_patch_by_external_id (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0], req->body, .by_xid = true };

  return patch (req, &oc);
}

/* ---------------------------------------------------------------- delete */

/** Transaction: If-Match (when sent), then delete. */
static enum store_qs
delete_tx (void *cls, struct store_conn *conn)
{
  struct one_ctx *oc = cls;
  struct http_request *req = oc->req;
  const struct resource *res = RES (req);
  enum store_qs qs;

  if (NULL != http_header (req, "If-Match"))
  {
    struct store_row row;

    qs = store_res_get (conn, res, req->auth.org_id, oc->id, true, &row);
    store_row_clear (&row);
    if (qs > 0 && ! api_if_match (req, row.version))
    {
      http_reply_error (req, SVC_EC_PRECONDITION_FAILED, NULL);
      return STORE_QS_ROLLBACK;
    }
  }
  qs = store_res_delete (conn, res, req->auth.org_id, oc->id);
  if (0 == qs)
    http_reply_error (req, res->not_found, NULL);
  else if (qs > 0)
    http_reply_json (req, 204, NULL);
  return qs;
}

int
api_resource_delete (struct http_request *req)
{
  struct one_ctx oc = { req, req->params[0] };

  if (! api_id_param (req, 0, RES (req)->not_found))
    return 0;
  return api_run (req, &delete_tx, &oc);
}

/* ------------------------------------------------------------------- put */

/** Transaction context of PUT by external id. */
struct put_ctx
{
  struct one_ctx one;
  char *body;
  char account_id[37]; /**< copied from the body */
};

/** Transaction: upsert; when nothing was written, explain. */
static enum store_qs
put_tx (void *cls, struct store_conn *conn)
{
  struct put_ctx *pc = cls;
  struct http_request *req = pc->one.req;
  struct store_row row;
  enum store_qs qs = store_res_upsert (conn, RES (req), req->auth.org_id,
                                       pc->one.account_id, pc->body, &row);

  if (qs > 0)
    return reply_row (req, row.created ? 201 : 200, &row);
  if (0 == qs)
    return reply_explained (req, conn, pc->one.account_id, pc->body,
                            pc->one.id);
  return qs;
}

int
api_resource_put_by_external_id (struct http_request *req)
{
  const struct resource *res = RES (req);
  struct put_ctx pc = { { req, req->params[0] } };
  json_t *errors = json_array ();
  json_t *body = req->body;
  json_t *xid = json_object_get (body, "external_id");
  int rc;

  if (! json_is_object (body))
  {
    json_array_append_new (errors,
                           json_pack ("{s:s, s:s}", "field", "", "message",
                                      "must be a JSON object"));
    return reply_invalid (req, errors);
  }
  if (res->under_account)
  {
    const char *acct = json_string_value (
      json_object_get (body, "account_id"));

    if (NULL == acct || ! util_is_uuid (acct))
      jspec_error (errors, "", "account_id",
                   "is required: the id of the account it belongs to");
    else
    {
      memcpy (pc.account_id, acct, sizeof (pc.account_id));
      util_uuid_canonical (pc.account_id);
    }
    pc.one.account_id = pc.account_id;
    json_object_del (body, "account_id");
  }
  if (NULL != xid && ! json_is_null (xid)
      && ! (json_is_string (xid)
            && 0 == strcmp (json_string_value (xid), pc.one.id)))
    jspec_error (errors, "", "external_id",
                 "must match the external id in the path, or be left out");
  else
    json_object_set_new (body, "external_id", json_string (pc.one.id));
  if (0 != api_resource_validate (res, body, "", errors)
      || 0 != json_array_size (errors))
    return reply_invalid (req, errors);
  json_decref (errors);
  pc.body = json_dumps (body, API_JSON_FLAGS);
  rc = api_run (req, &put_tx, &pc);
  free (pc.body);
  return rc;
}

/* ------------------------------------------------------------------ list */

/** Transaction context of a listing. */
struct list_ctx
{
  struct http_request *req;
  const char *account_id;
  const char *filters[RES_MAX_FILTERS];
  struct api_page page;
  const char *cursor;
  struct buf out; /**< the JSON array being built */
  unsigned int rows;
  char last_key[40];
  char last_id[37];
};

/** Row callback: appends the first `limit` rows' JSON. */
static void
list_row (void *cls, const struct store_row *row)
{
  struct list_ctx *lc = cls;

  if (++lc->rows > lc->page.limit)
    return;
  if (lc->rows > 1)
    buf_append (&lc->out, ",", 1, SIZE_MAX);
  buf_append (&lc->out, row->json, strlen (row->json), SIZE_MAX);
  memcpy (lc->last_key, row->order_key, sizeof (lc->last_key));
  memcpy (lc->last_id, row->id, sizeof (lc->last_id));
}

/** Transaction: check the cursor, read a page plus one row. */
static enum store_qs
list_tx (void *cls, struct store_conn *conn)
{
  struct list_ctx *lc = cls;
  struct http_request *req = lc->req;
  const struct resource *res = RES (req);
  char *next = NULL;
  enum store_qs qs;

  if (NULL != lc->cursor
      && ! api_cursor_accept (conn, req, &lc->page, "cursor", lc->cursor,
                              "is not a cursor this listing gave out with "
                              "these filters"))
    return STORE_QS_ROLLBACK;
  buf_free (&lc->out);
  buf_append (&lc->out, "{\"data\":[", 9, SIZE_MAX);
  lc->rows = 0;
  qs = store_res_list (conn, res, req->auth.org_id, lc->account_id,
                       lc->filters,
                       NULL != lc->cursor ? lc->page.after.ts : NULL,
                       NULL != lc->cursor ? lc->page.after.id : NULL,
                       lc->page.limit + 1, &list_row, lc);
  if (0 == qs && res->under_account && NULL != lc->account_id)
  {
    qs = store_account_exists (conn, req->auth.org_id, lc->account_id);
    if (0 == qs)
    {
      http_reply_error (req, SVC_EC_ACCOUNT_NOT_FOUND, NULL);
      return STORE_QS_ROLLBACK;
    }
  }
  if (qs < 0)
    return qs;
  if (lc->rows > lc->page.limit
      && NULL
           == (next = api_cursor_make (conn, req->auth.org_id, &lc->page,
                                       lc->last_key, lc->last_id)))
    return STORE_QS_HARD_ERROR;
  buf_append (&lc->out, "],\"next_cursor\":", 16, SIZE_MAX);
  if (NULL == next)
    buf_append (&lc->out, "null}", 5, SIZE_MAX);
  else
  {
    buf_append (&lc->out, "\"", 1, SIZE_MAX);
    buf_append (&lc->out, next, strlen (next), SIZE_MAX);
    buf_append (&lc->out, "\"}", 2, SIZE_MAX);
    free (next);
  }
  http_reply_text (req, 200, lc->out.data);
  lc->out = (struct buf){ 0 };
  return STORE_QS_ONE;
}

/**
 * Validates the filters of @a res from the query string into @a lc;
 * ILIKE filters become escaped patterns in @a like.
 */
static void
list_filters (struct http_request *req, const struct resource *res,
              struct list_ctx *lc, char like[][810], json_t *errors)
{
  const char *sig[RES_MAX_FILTERS + 2];

  for (unsigned int i = 0; i < res->n_filters; i++)
  {
    const struct res_filter *f = &res->filters[i];
    const char *v = http_query (req, f->param);
    struct jspec_field field = f->spec;
    struct jspec_spec one = { &field, 1, NULL };
    struct jspec_value out;
    json_t *tmp, *errs;
    size_t k;
    json_t *e;

    sig[i] = lc->filters[i] = v;
    if (NULL == v)
      continue;
    field.name = f->param;
    tmp = json_pack ("{s:s}", f->param, v);
    errs = json_array ();
    jspec_parse (&one, tmp, "", &out, errs);
    json_array_foreach (errs, k, e)
      api_param_error (errors, f->param,
                       json_string_value (json_object_get (e, "message")));
    json_decref (errs);
    json_decref (tmp);
    if (RES_ILIKE == f->op)
    {
      size_t off = 0;

      like[i][off++] = '%';
      for (const char *p = v; *p && off + 3 < 810; p++)
      {
        if ('%' == *p || '_' == *p || '\\' == *p)
          like[i][off++] = '\\';
        like[i][off++] = *p;
      }
      like[i][off++] = '%';
      like[i][off] = '\0';
      lc->filters[i] = like[i];
    }
  }
  sig[res->n_filters] = res->name;
  sig[res->n_filters + 1] = lc->account_id;
  api_page_sign_filters (&lc->page, sig, res->n_filters + 2);
}

int
api_resource_list (struct http_request *req)
{
  const struct resource *res = RES (req);
  struct list_ctx lc = { .req = req };
  char like[RES_MAX_FILTERS][810];
  json_t *errors = http_query_errors (req);
  int rc;

  /* under an account ("/v1/accounts/{id}/calls"), or across the
     organization's accounts ("/v1/calls": a seller's activity) */
  if (res->under_account && req->n_params > 0)
  {
    if (! api_id_param (req, 0, SVC_EC_ACCOUNT_NOT_FOUND))
      return 0;
    lc.account_id = req->params[0];
  }
  list_filters (req, res, &lc, like, errors);
  api_page_parse (req, &lc.page, errors);
  if (! http_query_ok (req))
    return 0;
  lc.cursor = http_query (req, "cursor");
  rc = api_run (req, &list_tx, &lc);
  buf_free (&lc.out);
  return rc;
}
