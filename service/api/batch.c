/**
 * @file batch.c
 * @brief POST /v1/batch: up to 1,000 creates or upserts of any resource,
 *        all validated before anything is written, then written in one
 *        transaction; any bad item and nothing is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/resource.h"
#include "svc/util.h"

#define BATCH_MAX 1000

/** One validated item. */
struct batch_item
{
  const struct resource *res;
  bool upsert;
  char account_id[37]; /**< child resources: their account */
  char *body;          /**< the data, as JSON text (owned) */
  const char *xid;     /**< upserts: the external id (borrowed) */
  bool done;           /**< written (or found unchanged) */
  bool created;        /**< a new row */
  char id[37];         /**< its id, once done */
};

/** The batch being written. */
struct batch_ctx
{
  struct http_request *req;
  struct batch_item *items;
  size_t n;
  struct api_idem idem;
};

static const char *const ops[] = { "create", "upsert", NULL };

static const struct jspec_field item_fields[] = {
  { "op", JSPEC_ENUM, true, .choices = ops },
  { "resource", JSPEC_STRING, true, 1, 64 },
  { "account_id", JSPEC_UUID },
};

/**
 * Checks the envelope of an item (op, resource, account) and fills
 * @a out; the data is checked by the resource's own rules afterwards.
 *
 * @return the number of errors appended
 */
static unsigned int
check_envelope (json_t *it, const char *prefix, struct batch_item *out,
                json_t *errors)
{
  static const struct jspec_spec spec = { item_fields, 3, NULL };
  struct jspec_value v[3];
  json_t *env = json_copy (it); /* shallow: the data is not copied */
  const char *problem = NULL, *field = NULL;
  unsigned int n;

  json_object_del (env, "data");
  n = jspec_parse (&spec, env, prefix, v, errors);
  json_decref (env);
  if (! json_is_object (json_object_get (it, "data")))
  {
    jspec_error (errors, prefix, "data", "must be an object");
    n++;
  }
  if (0 != n)
    return n;
  out->upsert = (0 == strcmp (v[0].s, "upsert"));
  {
    /* "report-cards", as in its path, is "report_cards" */
    char name[32];

    snprintf (name, sizeof (name), "%s", v[1].s);
    for (char *c = name; *c; c++)
      if ('-' == *c)
        *c = '_';
    out->res = resources_find (name);
  }
  if (NULL == out->res)
    field = "resource", problem = "must be one of accounts, sellers, "
                                  "contacts, calls, report_cards "
                                  "(report-cards), commitments";
  else if (out->upsert && ! out->res->external_id)
    field = "op", problem = "upsert needs a resource with external ids";
  else if (out->res->under_account && v[2].is_null)
    field = "account_id", problem = "is required for this resource";
  else if (! v[2].is_null)
  {
    memcpy (out->account_id, v[2].s, sizeof (out->account_id));
    util_uuid_canonical (out->account_id);
  }
  if (NULL == problem)
    return 0;
  jspec_error (errors, prefix, field, problem);
  return 1;
}

/** Validates every item; returns the number of errors. */
static unsigned int
validate_items (struct batch_ctx *bc, json_t *items, json_t *errors)
{
  unsigned int bad = 0;
  size_t i;
  json_t *it;

  json_array_foreach (items, i, it)
  {
    char prefix[64], data_prefix[80];
    struct batch_item *b = &bc->items[i];
    json_t *data;

    snprintf (prefix, sizeof (prefix), "/items/%zu", i);
    snprintf (data_prefix, sizeof (data_prefix), "%s/data", prefix);
    if (0 != check_envelope (it, prefix, b, errors))
    {
      bad++;
      continue;
    }
    data = json_object_get (it, "data");
    if (0 != api_resource_validate (b->res, data, data_prefix, errors))
    {
      bad++;
      continue;
    }
    b->xid = json_string_value (json_object_get (data, "external_id"));
    if (b->upsert && NULL == b->xid)
    {
      jspec_error (errors, data_prefix, "external_id",
                   "is required to "
                   "upsert");
      bad++;
      continue;
    }
    b->body = json_dumps (data, API_JSON_FLAGS);
  }
  return bad;
}

/**
 * Writes item @a i on its own (after a bulk statement failed), or explains
 * why a bulk statement skipped it; marks it done or appends errors.
 *
 * @param write false: only explain (the bulk statement already tried)
 * @return >= 0 to go on (errors may have been appended), or an error that
 *         ends the transaction
 */
static enum store_qs
one_item (struct batch_ctx *bc, struct store_conn *conn, size_t i, bool write,
          json_t *errors)
{
  struct batch_item *b = &bc->items[i];
  const char *org = bc->req->auth.org_id;
  const char *acct = b->res->under_account ? b->account_id : NULL;
  char prefix[64], data_prefix[80];
  struct store_row row = { 0 };
  enum store_qs qs = STORE_QS_NO_RESULTS;

  snprintf (prefix, sizeof (prefix), "/items/%zu", i);
  snprintf (data_prefix, sizeof (data_prefix), "%s/data", prefix);
  if (write)
    qs = b->upsert ? store_res_upsert (conn, b->res, org, acct, b->body, &row)
                   : store_res_insert (conn, b->res, org, acct, b->body, &row);
  if (STORE_QS_CONFLICT == qs)
  {
    /* A unique violation aborts the transaction: report it and stop. */
    jspec_error (errors, data_prefix, "external_id", "is already taken");
    return STORE_QS_ROLLBACK;
  }
  if (0 == qs)
    qs = api_resource_explain (conn, b->res, org, acct, b->body,
                               b->upsert ? b->xid : NULL, prefix, data_prefix,
                               errors, &row);
  if (qs <= 0)
    return qs; /* NO_RESULTS: explained in errors, go on */
  b->done = true;
  b->created = row.created;
  memcpy (b->id, row.id, sizeof (b->id));
  store_row_clear (&row);
  return STORE_QS_ONE;
}

/** A group of items of one resource and operation. */
struct group
{
  struct batch_ctx *bc;
  size_t *index; /**< batch index of each member */
  size_t n;
};

/** Bulk callback: marks member @a k written. */
static void
bulk_done (void *cls, size_t k, const char *id, bool created)
{
  struct group *g = cls;
  struct batch_item *b;

  if (k >= g->n)
    return;
  b = &g->bc->items[g->index[k]];
  b->done = true;
  b->created = created;
  snprintf (b->id, sizeof (b->id), "%s", id);
}

/** The members of a group as the bulk statement's JSON array. */
static char *
group_json (const struct group *g)
{
  struct buf out = { 0 };

  buf_append (&out, "[", 1, SIZE_MAX);
  for (size_t k = 0; k < g->n; k++)
  {
    const struct batch_item *b = &g->bc->items[g->index[k]];
    char head[128], id[37];
    int n;

    /* The new record's id is made here: Citus wants no volatile function
       (gen_random_uuid) in the statement that writes. */
    if (0 != util_uuid_new (id))
    {
      buf_free (&out);
      return NULL;
    }
    n = snprintf (head, sizeof (head),
                  "%s{\"n\":\"%s\",\"a\":%s%s%s,\"d\":", 0 == k ? "" : ",", id,
                  b->res->under_account ? "\"" : "",
                  b->res->under_account ? b->account_id : "null",
                  b->res->under_account ? "\"" : "");

    buf_append (&out, head, (size_t) n, SIZE_MAX);
    buf_append (&out, b->body, strlen (b->body), SIZE_MAX);
    buf_append (&out, "}", 1, SIZE_MAX);
  }
  buf_append (&out, "]", 1, SIZE_MAX);
  return out.data;
}

/**
 * Writes every item of @a res (creates or upserts) in one statement; when
 * it fails (a taken or repeated external id), again one by one to name the
 * item; items it skipped are explained.
 */
static enum store_qs
write_group (struct batch_ctx *bc, struct store_conn *conn,
             const struct resource *res, bool upsert, json_t *errors)
{
  struct group g = { bc, util_calloc (bc->n, sizeof (size_t)), 0 };
  enum store_qs qs = STORE_QS_ONE;
  char *items;
  bool one_by_one = false;

  for (size_t i = 0; i < bc->n; i++)
    if (bc->items[i].res == res && bc->items[i].upsert == upsert)
      g.index[g.n++] = i;
  if (0 == g.n)
  {
    free (g.index);
    return NULL == g.index ? STORE_QS_HARD_ERROR : STORE_QS_ONE;
  }
  items = group_json (&g);
  if (NULL == items)
  {
    free (g.index);
    return STORE_QS_HARD_ERROR;
  }
  if ((qs = store_savepoint (conn, STORE_SAVEPOINT_SET)) >= 0)
  {
    qs = store_res_bulk (conn, res, upsert, bc->req->auth.org_id, items,
                         &bulk_done, &g);
    one_by_one = (qs < 0 && STORE_QS_UNAVAILABLE != qs);
    if (one_by_one)
      qs = store_savepoint (conn, STORE_SAVEPOINT_ROLLBACK);
    else if (qs >= 0)
      qs = store_savepoint (conn, STORE_SAVEPOINT_RELEASE);
  }
  for (size_t k = 0; k < g.n && qs >= 0; k++)
    if (! bc->items[g.index[k]].done)
      qs = one_item (bc, conn, g.index[k], one_by_one, errors);
  free (items);
  free (g.index);
  return qs;
}

/** Transaction: claim the key, write every group, commit only if all did. */
static enum store_qs
batch_tx (void *cls, struct store_conn *conn)
{
  struct batch_ctx *bc = cls;
  unsigned int n_res;
  struct resource *const *table = resources_table (&n_res);
  json_t *errors, *results;
  enum store_qs qs = api_idem_claim (bc->req, conn, &bc->idem);

  if (STORE_QS_ONE != qs)
    return qs;
  for (size_t i = 0; i < bc->n; i++)
    bc->items[i].done = false;
  errors = json_array ();
  for (unsigned int r = 0; r < n_res && qs >= 0; r++)
    for (int upsert = 0; upsert < 2 && qs >= 0; upsert++)
      qs = write_group (bc, conn, table[r], upsert, errors);
  if (qs < 0 && STORE_QS_ROLLBACK != qs)
  {
    json_decref (errors);
    return qs;
  }
  if (0 != json_array_size (errors))
  {
    http_reply_errors (bc->req, SVC_EC_VALIDATION_FAILED,
                       "Nothing was "
                       "written; fix the items listed in errors.",
                       errors);
    return STORE_QS_ROLLBACK;
  }
  json_decref (errors);
  results = json_array ();
  for (size_t i = 0; i < bc->n; i++)
    json_array_append_new (results,
                           json_pack ("{s:I, s:s, s:s, s:i}", "index",
                                      (json_int_t) i, "resource",
                                      bc->items[i].res->name, "id",
                                      bc->items[i].id, "status",
                                      bc->items[i].created ? 201 : 200));
  http_reply_json (bc->req, 200, json_pack ("{s:o}", "data", results));
  if (NULL == bc->idem.key)
    return STORE_QS_ONE;
  return store_idem_complete (conn, bc->req->auth.org_id, bc->idem.key, 200,
                              NULL, bc->req->reply_body, NULL);
}

int
api_batch (struct http_request *req)
{
  struct batch_ctx bc = { .req = req };
  json_t *items = json_object_get (req->body, "items");
  json_t *errors = json_array ();
  int rc = 0;

  if (! json_is_object (req->body) || 1 != json_object_size (req->body)
      || ! json_is_array (items) || 0 == json_array_size (items)
      || json_array_size (items) > BATCH_MAX)
  {
    json_array_append_new (
      errors, json_pack ("{s:s, s:s}", "field", "/items", "message",
                         "must be an array of 1 to 1000 items, and the "
                         "only member of the body"));
    return http_reply_errors (req, SVC_EC_VALIDATION_FAILED, NULL, errors);
  }
  bc.n = json_array_size (items);
  bc.items = util_calloc (bc.n, sizeof (*bc.items));
  if (0 != validate_items (&bc, items, errors))
    http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                       "Nothing was written; "
                       "fix the items listed in errors.",
                       errors);
  else
  {
    json_decref (errors);
    if (api_idem_init (req, &bc.idem))
      rc = api_run (req, &batch_tx, &bc);
  }
  for (size_t i = 0; i < bc.n; i++)
    free (bc.items[i].body);
  free (bc.items);
  return rc;
}
