/**
 * @file api_keys.c
 * @brief Authentication, API keys, organizations and the shared secret.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/log.h"
#include "svc/util.h"

/** Renders 32 bytes as a bytea text parameter, "\x" + hex. */
static void
bytea_param (const uint8_t hash[32], char out[67])
{
  out[0] = '\\';
  out[1] = 'x';
  util_hex (hash, 32, out + 2);
}

enum store_qs
store_authenticate (struct store_conn *c, const uint8_t hash[32],
                    struct store_principal *out)
{
  char h[67];
  const char *v[] = { h };
  PGresult *r;
  enum store_qs qs;

  bytea_param (hash, h);
  qs = store_exec (c, "auth", 1, v, &r);
  if (qs > 0)
  {
    store_copy (r, 0, 0, out->key_id, sizeof (out->key_id));
    store_copy (r, 0, 1, out->org_id, sizeof (out->org_id));
    store_copy (r, 0, 2, out->scope, sizeof (out->scope));
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

static pthread_mutex_t secret_lock = PTHREAD_MUTEX_INITIALIZER;
static bool secret_loaded;
static uint8_t secret[32];

enum store_qs
store_cursor_secret (struct store_conn *c, uint8_t out[32])
{
  PGresult *r;
  enum store_qs qs = STORE_QS_ONE;

  pthread_mutex_lock (&secret_lock);
  if (! secret_loaded)
  {
    qs = store_exec (c, "cursor_secret", 0, NULL, &r);
    if (qs > 0)
    {
      size_t len = 0;
      unsigned char *raw = PQunescapeBytea (
        (const unsigned char *) PQgetvalue (r, 0, 0), &len);

      memset (secret, 0, sizeof (secret));
      if (NULL != raw)
        memcpy (secret, raw, len < 32 ? len : 32);
      PQfreemem (raw);
      secret_loaded = (NULL != raw && len >= 16);
      qs = secret_loaded ? STORE_QS_ONE : STORE_QS_HARD_ERROR;
    }
    else if (0 == qs)
      qs = STORE_QS_HARD_ERROR;
    PQclear (r);
  }
  memcpy (out, secret, 32);
  pthread_mutex_unlock (&secret_lock);
  return qs;
}

/** Copies row @a row of an API_KEY_COLS result into @a k. */
static void
read_key (const PGresult *r, int row, struct store_api_key *k)
{
  store_copy (r, row, 0, k->id, sizeof (k->id));
  k->has_name = store_copy (r, row, 1, k->name, sizeof (k->name));
  store_copy (r, row, 2, k->scope, sizeof (k->scope));
  store_copy (r, row, 3, k->prefix, sizeof (k->prefix));
  store_copy (r, row, 4, k->created_at, sizeof (k->created_at));
}

/** Runs @a stmt and reads at most one key from it. */
static enum store_qs
one_key (struct store_conn *c, const char *stmt, int n, const char *const *v,
         struct store_api_key *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, stmt, n, v, &r);

  if (qs > 0)
  {
    read_key (r, 0, out);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_api_keys_insert (struct store_conn *c, const char *org_id,
                       const char *name, const char *scope,
                       const char *prefix, const uint8_t hash[32],
                       struct store_api_key *out)
{
  char h[67];
  const char *v[] = { org_id, name, scope, prefix, h };

  bytea_param (hash, h);
  return one_key (c, "api_keys_insert", 5, v, out);
}

enum store_qs
store_api_keys_list (struct store_conn *c, const char *org_id,
                     const char *after_ts, const char *after_id,
                     unsigned int limit, store_api_key_cb cb, void *cls)
{
  char lim[16];
  const char *v[] = { org_id, after_ts, after_id, lim };
  PGresult *r;
  enum store_qs qs;

  snprintf (lim, sizeof (lim), "%u", limit);
  qs = store_exec (c, "api_keys_list", 4, v, &r);
  for (int i = 0; i < (int) qs; i++)
  {
    struct store_api_key k;

    read_key (r, i, &k);
    cb (cls, &k);
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_api_keys_get (struct store_conn *c, const char *org_id, const char *id,
                    struct store_api_key *out)
{
  const char *v[] = { org_id, id };

  return one_key (c, "api_keys_get", 2, v, out);
}

enum store_qs
store_api_keys_revoke (struct store_conn *c, const char *org_id,
                       const char *id)
{
  const char *v[] = { org_id, id };
  PGresult *r;
  enum store_qs qs;
  bool last_admin;

  /* Lock the admin keys so two revocations cannot both pass the check. */
  qs = store_exec (c, "api_keys_lock_admins", 1, v, &r);
  if (qs < 0)
    return qs;
  last_admin = (1 == PQntuples (r)) && 0 == strcmp (PQgetvalue (r, 0, 0), id);
  PQclear (r);
  if (last_admin)
    return STORE_QS_CONFLICT;
  qs = store_exec (c, "api_keys_revoke", 2, v, &r);
  PQclear (r);
  return qs;
}

enum store_qs
store_org_create (struct store_conn *c, const char *name, const char *prefix,
                  const uint8_t hash[32], char org_id[37])
{
  const char *v[] = { org_id, name };
  PGresult *r;
  enum store_qs qs;
  struct store_api_key key;

  qs = store_exec (c, "org_insert", 2, v, &r);
  PQclear (r);
  if (qs < 0)
    return qs;
  return store_api_keys_insert (c, org_id, "bootstrap admin key", "admin",
                                prefix, hash, &key);
}
