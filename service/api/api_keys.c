/**
 * @file api_keys.c
 * @brief /v1/api-keys (admin): create (the secret is shown once), list and
 *        read (never the secret), revoke (effective on the next request).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "svc/util.h"

static const char *const scopes[] = { "read", "write", "admin", NULL };

static const struct jspec_field fields[] = {
  { "name", JSPEC_STRING, false, 1, 200 },
  { "scope", JSPEC_ENUM, true, .choices = scopes },
};

static const char *const read_only[] = { "id", "prefix", "created_at",
                                         "secret", NULL };

static const struct jspec_spec spec = { fields, 2, read_only };

int
api_key_generate (char secret[64], char prefix[16], uint8_t hash[32])
{
  uint8_t raw[32];

  if (0 != util_random (raw, sizeof (raw)))
    return -1;
  memcpy (secret, "rk_live_", 8);
  util_b64url_encode (raw, sizeof (raw), secret + 8);
  snprintf (prefix, 16, "%.12s", secret);
  util_sha256 (secret, strlen (secret), hash);
  return 0;
}

/** The key as listed: never the secret. */
static json_t *
key_json (const struct store_api_key *k)
{
  json_t *o = json_pack ("{s:s}", "id", k->id);

  api_set_str (o, "name", k->has_name, k->name);
  json_object_set_new (o, "scope", json_string (k->scope));
  json_object_set_new (o, "prefix", json_string (k->prefix));
  json_object_set_new (o, "created_at", json_string (k->created_at));
  return o;
}

/** Transaction context of the api-keys endpoints. */
struct key_ctx
{
  struct http_request *req;
  struct jspec_value v[2];
  const char *id;
  struct api_page page;
  const char *cursor;
  json_t *data;
  unsigned int rows;
  char last_ts[40];
  char last_id[37];
};

/** Transaction: insert a new key and show its secret once. */
static enum store_qs
create_tx (void *cls, struct store_conn *conn)
{
  struct key_ctx *kc = cls;
  char secret[64], prefix[16], location[64];
  uint8_t hash[32];
  struct store_api_key k;
  json_t *body;
  enum store_qs qs;

  if (0 != api_key_generate (secret, prefix, hash))
    return STORE_QS_HARD_ERROR;
  qs = store_api_keys_insert (conn, kc->req->auth.org_id,
                              kc->v[0].is_null ? NULL : kc->v[0].s, kc->v[1].s,
                              prefix, hash, http_service.cfg->max_api_keys,
                              &k);
  if (0 == qs)
  {
    char detail[160];

    snprintf (detail, sizeof (detail),
              "The organization has %ld live API keys, the most it may have; "
              "revoke one first.",
              http_service.cfg->max_api_keys);
    http_reply_error (kc->req, SVC_EC_API_KEY_LIMIT_REACHED, detail);
    return STORE_QS_ROLLBACK;
  }
  if (qs < 0)
    return qs;
  body = key_json (&k);
  json_object_set_new (body, "secret", json_string (secret));
  http_reply_json (kc->req, 201, body);
  snprintf (location, sizeof (location), "/v1/api-keys/%s", k.id);
  http_add_header (kc->req, "Location", location);
  return STORE_QS_ONE;
}

int
api_api_keys_create (struct http_request *req)
{
  struct key_ctx kc = { .req = req };
  json_t *errors = json_array ();

  if (0 != jspec_parse (&spec, req->body, "", kc.v, errors))
    return http_reply_errors (req, SVC_EC_VALIDATION_FAILED,
                              "Fix the fields listed in errors.", errors);
  json_decref (errors);
  return api_run (req, &create_tx, &kc);
}

/** Transaction: read one active key. */
static enum store_qs
get_tx (void *cls, struct store_conn *conn)
{
  struct key_ctx *kc = cls;
  struct store_api_key k;
  enum store_qs qs = store_api_keys_get (conn, kc->req->auth.org_id, kc->id,
                                         &k);

  if (0 == qs)
    http_reply_error (kc->req, SVC_EC_API_KEY_NOT_FOUND, NULL);
  else if (qs > 0)
    http_reply_json (kc->req, 200, key_json (&k));
  return qs;
}

int
api_api_keys_get (struct http_request *req)
{
  struct key_ctx kc = { .req = req, .id = req->params[0] };

  if (! api_id_param (req, 0, SVC_EC_API_KEY_NOT_FOUND))
    return 0;
  return api_run (req, &get_tx, &kc);
}

/** Transaction: revoke one key, unless it is the last admin key. */
static enum store_qs
delete_tx (void *cls, struct store_conn *conn)
{
  struct key_ctx *kc = cls;
  enum store_qs qs = store_api_keys_revoke (conn, kc->req->auth.org_id,
                                            kc->id);

  if (STORE_QS_CONFLICT == qs)
  {
    http_reply_error (kc->req, SVC_EC_CONFLICT,
                      "This is the organization's last admin key; create "
                      "another admin key before revoking it.");
    return STORE_QS_ROLLBACK;
  }
  if (0 == qs)
    http_reply_error (kc->req, SVC_EC_API_KEY_NOT_FOUND, NULL);
  else if (qs > 0)
    http_reply_json (kc->req, 204, NULL);
  return qs;
}

int
api_api_keys_delete (struct http_request *req)
{
  struct key_ctx kc = { .req = req, .id = req->params[0] };

  int rc;

  if (! api_id_param (req, 0, SVC_EC_API_KEY_NOT_FOUND))
    return 0;
  rc = api_run (req, &delete_tx, &kc);
  /* Committed: the very next request here asks the database again (other
     instances hear of it from migrations/0006's notice). */
  if (204 == req->status)
    store_key_cache_clear ();
  return rc;
}

/** Row callback of the listing. */
static void
list_row (void *cls, const struct store_api_key *k)
{
  struct key_ctx *kc = cls;

  if (++kc->rows > kc->page.limit)
    return;
  json_array_append_new (kc->data, key_json (k));
  memcpy (kc->last_ts, k->created_at, sizeof (kc->last_ts));
  memcpy (kc->last_id, k->id, sizeof (kc->last_id));
}

/** Transaction: one page of active keys. */
static enum store_qs
list_tx (void *cls, struct store_conn *conn)
{
  struct key_ctx *kc = cls;
  char *next = NULL;
  enum store_qs qs;

  if (NULL != kc->cursor
      && ! api_cursor_accept (conn, kc->req, &kc->page, "cursor", kc->cursor,
                              "is not a cursor this listing gave out"))
    return STORE_QS_ROLLBACK;
  json_array_clear (kc->data);
  kc->rows = 0;
  qs = store_api_keys_list (conn, kc->req->auth.org_id,
                            NULL != kc->cursor ? kc->page.after.ts : NULL,
                            NULL != kc->cursor ? kc->page.after.id : NULL,
                            kc->page.limit + 1, &list_row, kc);
  if (qs < 0)
    return qs;
  if (kc->rows > kc->page.limit
      && NULL
           == (next = api_cursor_make (conn, kc->req->auth.org_id, &kc->page,
                                       kc->last_ts, kc->last_id)))
    return STORE_QS_HARD_ERROR;
  http_reply_json (kc->req, 200,
                   api_collection (json_incref (kc->data), next));
  return STORE_QS_ONE;
}

int
api_api_keys_list (struct http_request *req)
{
  static const char *const sig[] = { "api_keys" };
  struct key_ctx kc = { .req = req };
  int rc;

  api_page_sign_filters (&kc.page, sig, 1);
  api_page_parse (req, &kc.page, http_query_errors (req));
  if (! http_query_ok (req))
    return 0;
  kc.cursor = http_query (req, "cursor");
  kc.data = json_array ();
  rc = api_run (req, &list_tx, &kc);
  json_decref (kc.data);
  return rc;
}
