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

/** The organization of a key's hash ($1, bytea), from api_key_lookup: a
    table of its own, keyed by the hash alone (a reference table under
    Citus), so that authentication then reads one organization's keys. */
static const struct store_statement auth_org_sql = {
  "api_key_lookup.organization",
  "SELECT organization::text AS org_id\n"
  "  FROM api_key_lookup\n"
  " WHERE key_hash = $1",
};

/** The key behind a hash, if it is not revoked: $1 org, $2 the hash. */
static const struct store_statement auth_sql = {
  "api_keys.authenticate",
  "SELECT id::text AS key_id, org_id::text AS org_id, scope\n"
  "  FROM api_keys\n"
  " WHERE org_id = $1 AND key_hash = $2 AND revoked_at IS NULL",
};

/** A new key's hash and organization: $1 the hash, $2 org. */
static const struct store_statement lookup_insert_sql = {
  "api_key_lookup.insert",
  "INSERT INTO api_key_lookup (key_hash, organization)\n"
  "VALUES ($1, $2)",
};

/** Reads an api_keys.authenticate row into a struct store_principal. */
static void
read_principal (const PGresult *r, int row, void *out)
{
  struct store_principal *p = out;

  store_copy (r, row, "key_id", p->key_id, sizeof (p->key_id));
  store_copy (r, row, "org_id", p->org_id, sizeof (p->org_id));
  store_copy (r, row, "scope", p->scope, sizeof (p->scope));
}

/** What the key's transaction reads: the hash, and where the key goes. */
struct auth_ctx
{
  const char *org_id;
  const char *hash; /**< bytea text */
  struct store_principal *out;
};

/** Reads the key in its organization's transaction. */
static enum store_qs
auth_tx (void *cls, struct store_conn *c)
{
  struct auth_ctx *a = cls;
  const char *v[] = { a->org_id, a->hash };

  return store_exec_one (c, &auth_sql, 2, v, &read_principal, a->out);
}

enum store_qs
store_authenticate (struct store_conn *c, const uint8_t hash[32],
                    struct store_principal *out)
{
  char h[67], org[40];
  const char *v[] = { h };
  PGresult *r;
  enum store_qs qs;
  struct auth_ctx a = { org, h, out };

  bytea_param (hash, h);
  qs = store_exec (c, &auth_org_sql, 1, v, &r);
  if (qs > 0)
    store_copy (r, 0, "org_id", org, sizeof (org));
  PQclear (r);
  if (qs <= 0)
    return qs;
  return store_run_tx (c, org, true, &auth_tx, &a);
}

/** The secret that signs pagination cursors. */
static const struct store_statement cursor_secret_sql = {
  "service_secrets.cursor",
  "SELECT secret FROM service_secrets WHERE name = 'cursor'",
};

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
    qs = store_exec (c, &cursor_secret_sql, 0, NULL, &r);
    if (qs > 0)
    {
      size_t len = 0;
      unsigned char *raw =
        PQunescapeBytea ((const unsigned char *) store_get (r, 0, "secret"),
                         &len);

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
read_key (const PGresult *r, int row, void *out)
{
  struct store_api_key *k = out;

  store_copy (r, row, "id", k->id, sizeof (k->id));
  k->has_name = store_copy (r, row, "name", k->name, sizeof (k->name));
  store_copy (r, row, "scope", k->scope, sizeof (k->scope));
  store_copy (r, row, "prefix", k->prefix, sizeof (k->prefix));
  store_copy (r, row, "created_at", k->created_at, sizeof (k->created_at));
}

/** What every statement answering a key returns. */
#define KEY_COLUMNS \
  "id::text AS id, name, scope, prefix, " STORE_TS ( \
    "created_at") " AS created_at"

/** A new key: $1 org, $2 name, $3 scope, $4 prefix, $5 hash. */
static const struct store_statement insert_sql = {
  "api_keys.insert",
  "INSERT INTO api_keys (org_id, name, scope, prefix, key_hash)\n"
  "SELECT $1, $2, $3, $4, $5\n"
  " WHERE (SELECT count(*) FROM api_keys\n"
  "         WHERE org_id = $1 AND revoked_at IS NULL) < $6::integer\n"
  "RETURNING " KEY_COLUMNS,
};

/** Locks the organization's row, so its keys are counted one creation at
    a time: $1 org. */
static const struct store_statement lock_org_sql = {
  "organizations.lock",
  "SELECT 1 AS locked FROM organizations WHERE id = $1 FOR UPDATE",
};

enum store_qs
store_api_keys_insert (struct store_conn *c, const char *org_id,
                       const char *name, const char *scope, const char *prefix,
                       const uint8_t hash[32], long max_keys,
                       struct store_api_key *out)
{
  char h[67], max[24];
  const char *v[] = { org_id, name, scope, prefix, h, max };
  PGresult *r;
  enum store_qs qs = store_exec (c, &lock_org_sql, 1, v, &r);

  PQclear (r);
  if (qs < 0)
    return qs;
  bytea_param (hash, h);
  snprintf (max, sizeof (max), "%ld", max_keys);
  qs = store_exec_one (c, &insert_sql, 6, v, &read_key, out);
  if (qs > 0)
  {
    const char *lv[] = { h, org_id };
    enum store_qs done = store_exec (c, &lookup_insert_sql, 2, lv, &r);

    PQclear (r);
    if (done < 0)
      return done;
  }
  return qs;
}

/** A page of live keys, newest first: $1 org, $2 and $3 the keyset
    position (created_at, id) or NULL, $4 the limit. */
static const struct store_statement list_sql = {
  "api_keys.list",
  "SELECT " KEY_COLUMNS "\n"
  "  FROM api_keys\n"
  " WHERE org_id = $1 AND revoked_at IS NULL\n"
  "   AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))\n"
  " ORDER BY created_at DESC, id DESC\n"
  " LIMIT $4",
};

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
  qs = store_exec (c, &list_sql, 4, v, &r);
  for (int i = 0; i < (int) qs; i++)
  {
    struct store_api_key k;

    read_key (r, i, &k);
    cb (cls, &k);
  }
  PQclear (r);
  return qs;
}

/** One live key: $1 org, $2 id. */
static const struct store_statement get_sql = {
  "api_keys.get",
  "SELECT " KEY_COLUMNS "\n"
  "  FROM api_keys\n"
  " WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL",
};

enum store_qs
store_api_keys_get (struct store_conn *c, const char *org_id, const char *id,
                    struct store_api_key *out)
{
  const char *v[] = { org_id, id };

  return store_exec_one (c, &get_sql, 2, v, &read_key, out);
}

/** Locks the organization's live admin keys: $1 org. */
static const struct store_statement lock_admins_sql = {
  "api_keys.lock_admins",
  "SELECT id::text AS id\n"
  "  FROM api_keys\n"
  " WHERE org_id = $1 AND scope = 'admin' AND revoked_at IS NULL\n"
  " ORDER BY id\n"
  "   FOR UPDATE",
};

/** Tells every instance that keys changed, at commit. */
static const struct store_statement changed_sql = {
  "api_keys.changed",
  "SELECT pg_notify('rapport_api_keys', '')::text AS notified",
};

/** Revokes a key: $1 org, $2 id, $3 the time. */
static const struct store_statement revoke_sql = {
  "api_keys.revoke",
  "UPDATE api_keys SET revoked_at = $3::timestamptz\n"
  " WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL\n"
  "RETURNING scope",
};

enum store_qs
store_api_keys_revoke (struct store_conn *c, const char *org_id,
                       const char *id)
{
  char now[40];
  const char *v[] = { org_id, id, store_now (now) };
  PGresult *r;
  enum store_qs qs;
  bool last_admin;

  /* Lock the admin keys so two revocations cannot both pass the check. */
  qs = store_exec (c, &lock_admins_sql, 1, v, &r);
  if (qs < 0)
    return qs;
  last_admin = (1 == PQntuples (r))
               && 0 == strcmp (store_get (r, 0, "id"), id);
  PQclear (r);
  if (last_admin)
    return STORE_QS_CONFLICT;
  qs = store_exec (c, &revoke_sql, 3, v, &r);
  PQclear (r);
  if (qs > 0)
  {
    /* Every instance's key cache empties at commit.  The trigger on
       api_keys says so too, but under Citus it fires on a worker, where
       nobody listens; this statement touches no table and stays on the
       coordinator. */
    enum store_qs told = store_exec (c, &changed_sql, 0, NULL, &r);

    PQclear (r);
    if (told < 0)
      return told;
  }
  return qs;
}

/** A new organization: $1 id, $2 name. */
static const struct store_statement org_insert_sql = {
  "organizations.insert",
  "INSERT INTO organizations (id, name) VALUES ($1, $2)",
};

enum store_qs
store_org_create (struct store_conn *c, const char *name, const char *prefix,
                  const uint8_t hash[32], char org_id[37])
{
  const char *v[] = { org_id, name };
  PGresult *r;
  enum store_qs qs;
  struct store_api_key key;

  qs = store_exec (c, &org_insert_sql, 2, v, &r);
  PQclear (r);
  if (qs < 0)
    return qs;
  return store_api_keys_insert (c, org_id, "bootstrap admin key", "admin",
                                prefix, hash, 1, &key);
}

const struct store_statement *const store_api_keys_statements[] = {
  &auth_org_sql,
  &auth_sql,
  &lookup_insert_sql,
  &cursor_secret_sql,
  &lock_org_sql,
  &insert_sql,
  &list_sql,
  &get_sql,
  &lock_admins_sql,
  &revoke_sql,
  &changed_sql,
  &org_insert_sql,
  NULL,
};
