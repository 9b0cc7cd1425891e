/**
 * @file migrate.c
 * @brief The migration runner and the organization-creating CLI path.
 *        Migrations are plain SQL files applied in name order, each in
 *        its own transaction, recorded in schema_migrations with their
 *        SHA-256, under an advisory lock.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/util.h"

/** Arbitrary constant naming our advisory lock. */
#define MIGRATION_LOCK "7316204051"

/** Runs @a sql; on failure fills @a err and returns -1. */
static int
run (PGconn *pg, const char *sql, char *err, size_t err_len)
{
  PGresult *r = PQexec (pg, sql);
  int ok = PGRES_COMMAND_OK == PQresultStatus (r)
           || PGRES_TUPLES_OK == PQresultStatus (r);

  if (! ok)
    snprintf (err, err_len, "%s", PQresultErrorMessage (r));
  PQclear (r);
  return ok ? 0 : -1;
}

/** Whether @a c may be part of an identifier (or a dollar quote's tag). */
static bool
ident_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || '_' == c || (unsigned char) c >= 0x80;
}

/**
 * The length of the dollar quote's opening tag at @a p ("$$", "$body$"),
 * or 0 when @a p does not open one ($1 is a parameter).
 */
static size_t
dollar_tag (const char *p)
{
  size_t n = 1;

  if ('$' != p[0] || (p[1] >= '0' && p[1] <= '9'))
    return 0;
  while (ident_char (p[n]) && '$' != p[n])
    n++;
  return '$' == p[n] ? n + 1 : 0;
}

const char *
store_sql_next (const char *p, const char **end)
{
  const char *start = NULL;
  bool text = false; /* something other than space and comments */

  for (; '\0' != *p; p++)
  {
    size_t tag;

    if (NULL == start)
      start = p;
    if (' ' == *p || '\t' == *p || '\n' == *p || '\r' == *p || '\f' == *p)
      continue;
    if ('-' == p[0] && '-' == p[1])
    {
      while ('\0' != p[1] && '\n' != p[1])
        p++;
      continue;
    }
    if ('/' == p[0] && '*' == p[1])
    {
      int depth = 1;

      for (p += 2; '\0' != *p && depth > 0; p++)
        if ('/' == p[0] && '*' == p[1])
          depth++, p++;
        else if ('*' == p[0] && '/' == p[1])
          depth--, p++;
      p--;
      continue;
    }
    if (';' == *p)
    {
      if (text)
      {
        *end = p + 1;
        return start;
      }
      start = NULL; /* an empty statement */
      continue;
    }
    text = true;
    if ('\'' == *p || '"' == *p)
    {
      char q = *p;
      /* E'...' strings take backslash escapes. */
      bool esc = '\'' == q && p > start && ('E' == p[-1] || 'e' == p[-1])
                 && (p - 1 == start || ! ident_char (p[-2]));

      for (p++; '\0' != *p; p++)
        if (esc && '\\' == *p && '\0' != p[1])
          p++;
        else if (q == *p && q == p[1])
          p++;
        else if (q == *p)
          break;
      if ('\0' == *p)
        break;
      continue;
    }
    if ('$' == *p && (p == start || ! ident_char (p[-1]))
        && 0 != (tag = dollar_tag (p)))
    {
      const char *close = p + tag;

      while ('\0' != *close && 0 != strncmp (close, p, tag))
        close++;
      if ('\0' == *close)
      {
        p = close - 1;
        continue;
      }
      p = close + tag - 1;
      continue;
    }
  }
  if (! text)
    return NULL;
  *end = p;
  return start;
}

/** True if @a name looks like NNNN_something.sql. */
static int
is_migration (const struct dirent *d)
{
  size_t n = strlen (d->d_name);

  return n > 8 && 0 == strcmp (d->d_name + n - 4, ".sql")
         && d->d_name[0] >= '0' && d->d_name[0] <= '9';
}

/** Runs each statement of @a sql in turn; on failure fills @a err with
    the error and the statement's first line, and returns -1. */
static int
run_each (PGconn *pg, char *sql, char *err, size_t err_len)
{
  const char *p = sql;
  const char *start, *end;

  while (NULL != (start = store_sql_next (p, &end)))
  {
    char saved = *end;
    int rc;

    *(char *) end = '\0';
    rc = run (pg, start, err, err_len);
    *(char *) end = saved;
    if (0 != rc)
    {
      size_t used = strcspn (err, "\n");

      while (' ' == *start || '\n' == *start)
        start++;
      snprintf (err + used, err_len - used, " at \"%.*s\"",
                (int) strcspn (start, "\n"), start);
      return -1;
    }
    p = end;
  }
  return 0;
}

/** Applies one file unless schema_migrations already has it. */
static int
apply_one (PGconn *pg, const char *dir, const char *name,
           unsigned int *applied, char *err, size_t err_len)
{
  char path[4096];
  char hex[65];
  uint8_t sum[32];
  size_t len = 0;
  char *sql;
  const char *v[2] = { name, hex };
  PGresult *r;
  int done;

  r = PQexecParams (pg, "SELECT 1 FROM schema_migrations WHERE version = $1",
                    1, NULL, v, NULL, NULL, 0);
  done = PGRES_TUPLES_OK == PQresultStatus (r) && PQntuples (r) > 0;
  PQclear (r);
  if (done)
    return 0;
  snprintf (path, sizeof (path), "%s/%s", dir, name);
  sql = util_read_file (path, &len);
  if (NULL == sql)
  {
    snprintf (err, err_len, "cannot read %s", path);
    return -1;
  }
  util_sha256 (sql, len, sum);
  util_hex (sum, 32, hex);
  /* One statement at a time, in one transaction: Citus refuses a string
     of several commands on a distributed table ("cannot insert multiple
     commands into a prepared statement"). */
  if (0 != run (pg, "BEGIN", err, err_len)
      || 0 != run_each (pg, sql, err, err_len))
  {
    free (sql);
    PQclear (PQexec (pg, "ROLLBACK"));
    snprintf (err + strlen (err), err_len - strlen (err), " (in %s)", name);
    return -1;
  }
  free (sql);
  r = PQexecParams (pg,
                    "INSERT INTO schema_migrations (version, sha256)"
                    " VALUES ($1, $2)",
                    2, NULL, v, NULL, NULL, 0);
  PQclear (r);
  if (0 != run (pg, "COMMIT", err, err_len))
    return -1;
  log_info ("applied migration %s", name);
  (*applied)++;
  return 0;
}

int
store_migrate (const char *conninfo, const char *dir, unsigned int *applied,
               char *err, size_t err_len)
{
  PGconn *pg = store_connect_once (conninfo, err, err_len);
  struct dirent **names = NULL;
  int n;
  int rc = -1;

  *applied = 0;
  if (NULL == pg)
    return -1;
  n = scandir (dir, &names, is_migration, alphasort);
  if (n < 0)
    snprintf (err, err_len, "cannot read migrations folder %s", dir);
  else if (0
             == run (pg,
                     "SET client_min_messages = warning;"
                     "SELECT pg_advisory_lock(" MIGRATION_LOCK ")",
                     err, err_len)
           && 0
                == run (pg,
                        "CREATE TABLE IF NOT EXISTS schema_migrations ("
                        " version text PRIMARY KEY, sha256 text NOT NULL,"
                        " applied_at timestamptz NOT NULL DEFAULT now())",
                        err, err_len))
  {
    rc = 0;
    for (int i = 0; i < n && 0 == rc; i++)
      rc = apply_one (pg, dir, names[i]->d_name, applied, err, err_len);
    /* The service role reads it to tell whether migrations are current. */
    PQclear (PQexec (pg, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles"
                         " WHERE rolname = 'rapport_app') THEN GRANT SELECT ON"
                         " schema_migrations TO rapport_app; END IF; END $$"));
    PQclear (PQexec (pg, "SELECT pg_advisory_unlock(" MIGRATION_LOCK ")"));
  }
  for (int i = 0; i < n; i++)
    free (names[i]);
  free (names);
  PQfinish (pg);
  return rc;
}

int
store_latest_migration (const char *dir, char *out, size_t len)
{
  struct dirent **names = NULL;
  int n = scandir (dir, &names, is_migration, alphasort);

  if (n <= 0)
  {
    free (names);
    return -1;
  }
  snprintf (out, len, "%s", names[n - 1]->d_name);
  for (int i = 0; i < n; i++)
    free (names[i]);
  free (names);
  return 0;
}

/** Whether migration $1 was applied (for /readyz). */
static const struct store_statement applied_sql = {
  "schema_migrations.applied",
  "SELECT 1 AS applied FROM schema_migrations WHERE version = $1",
};

enum store_qs
store_migrations_current (struct store_conn *c, const char *latest)
{
  const char *v[] = { latest };
  PGresult *r;
  enum store_qs qs = store_exec (c, &applied_sql, 1, v, &r);

  PQclear (r);
  return qs > 0 ? STORE_QS_ONE : qs;
}

/** Context of the org-creating transaction. */
struct org_create_ctx
{
  const char *name;
  const char *prefix;
  const uint8_t *hash;
  char *org_id;
};

/** Transaction body of store_org_create_cli. */
static enum store_qs
org_create_tx (void *cls, struct store_conn *c)
{
  struct org_create_ctx *oc = cls;

  return store_org_create (c, oc->name, oc->prefix, oc->hash, oc->org_id);
}

int
store_org_create_cli (const char *conninfo, const char *name,
                      const char *prefix, const uint8_t hash[32],
                      char org_id[37], char *err, size_t err_len)
{
  struct store_pool *pool;
  struct store_conn *c;
  enum store_qs qs;
  struct org_create_ctx oc = { name, prefix, hash, org_id };

  if (0 != util_uuid_new (org_id))
  {
    snprintf (err, err_len, "no randomness available");
    return -1;
  }
  pool = store_pool_new (conninfo, 1, 10000);
  if (NULL == pool)
    return -1;
  c = store_acquire (pool, 1000, &qs);
  if (NULL != c)
    qs = store_run_tx (c, org_id, false, &org_create_tx, &oc);
  store_release (pool, c);
  store_pool_free (pool);
  if (qs < 0)
  {
    snprintf (err, err_len,
              "creating the organization failed (%d); is the"
              " database migrated?",
              (int) qs);
    return -1;
  }
  return 0;
}

const struct store_statement *const store_migrate_statements[] = {
  &applied_sql,
  NULL,
};
