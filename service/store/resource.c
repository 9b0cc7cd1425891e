/**
 * @file resource.c
 * @brief Statements generated from the resource table, prepared on every
 *        connection like the hand-written ones, and the generic queries
 *        that run them.  Bodies travel as one jsonb parameter that
 *        jsonb_to_record() (jsonb_populate_record() in an UPDATE's SET,
 *        which Citus can plan) turns into typed columns; rows come back
 *        as PostgreSQL's text of each column, which read_row() writes as
 *        the API's JSON.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/resource.h"
#include "svc/util.h"

/** The statements of one resource, in this order. */
enum res_stmt
{
  RS_INSERT,
  RS_GET,
  RS_LOCK,
  RS_XID,
  RS_UPDATE,
  RS_UPSERT,
  RS_DELETE,
  RS_LIST,
  RS_REFS,
  RS_BULK_INSERT,
  RS_BULK_UPSERT,
  RS_LIST_ALL,
  RS_COUNT
};

static const char *const stmt_kinds[RS_COUNT] = {
  "insert", "get",  "lock", "xid",         "update",      "upsert",
  "delete", "list", "refs", "bulk_insert", "bulk_upsert", "list_all"
};

#define MAX_RESOURCES 16

/** The most columns a resource may have (read_row's index table). */
#define MAX_COLUMNS 32

/** Every generated statement, compact, in the order they are prepared. */
static struct store_statement generated[MAX_RESOURCES * RS_COUNT];
static unsigned int n_generated;
/** The statement of each resource (by its index) and kind, or NULL. */
static const struct store_statement *by_kind[MAX_RESOURCES][RS_COUNT];

/** Appends printf-formatted text to @a b. */
static void
sqlf (struct buf *b, const char *fmt, ...)
{
  char tmp[4096];
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (tmp, sizeof (tmp), fmt, ap);
  va_end (ap);
  buf_append (b, tmp, (size_t) n, SIZE_MAX);
}

/** The SQL type of a column kind. */
static const char *
sql_type (enum res_sql t)
{
  static const char *const names[] = {
    [RES_TEXT] = "text",         [RES_UUID] = "uuid",
    [RES_INT] = "integer",       [RES_FLOAT] = "double precision",
    [RES_MONEY] = "numeric",     [RES_BOOL] = "boolean",
    [RES_DATE] = "date",         [RES_TS] = "timestamptz",
    [RES_TEXT_ARRAY] = "text[]", [RES_UUID_ARRAY] = "uuid[]",
    [RES_JSONB] = "jsonb",
  };

  return names[t];
}

/**
 * Appends the output columns: id, version, account_id (of child
 * resources), every column (money as float8) and the timestamps, each as
 * PostgreSQL's text.  read_row() writes the API's JSON from them.
 */
static void
out_columns (struct buf *b, const struct resource *r)
{
  sqlf (b, "t.id, t.version%s", r->under_account ? ", t.account_id" : "");
  for (unsigned int i = 0; i < r->n_columns; i++)
  {
    const char *n = r->columns[i].spec.name;

    if (RES_MONEY == r->columns[i].sql)
      sqlf (b, ",\n       t.\"%s\"::float8 AS \"%s\"", n, n);
    else
      sqlf (b, ",\n       t.\"%s\"", n);
  }
  sqlf (b, ",\n       t.created_at, t.updated_at");
}

/** Appends "jsonb_to_record(@a src) AS r(col type, ...)". */
static void
record_source (struct buf *b, const struct resource *r, const char *src)
{
  sqlf (b, "jsonb_to_record(%s) AS r(", src);
  for (unsigned int i = 0; i < r->n_columns; i++)
    sqlf (b, "%s\"%s\" %s", 0 == i ? "" : ", ", r->columns[i].spec.name,
          sql_type (r->columns[i].sql));
  sqlf (b, ")");
}

/**
 * Appends the items of array column @a n whose "contact_id" is set
 * and names no contact of @a account: "FROM ... WHERE ...", the item e.item
 * and its position e.ord (from 1).
 */
static void
bad_items (struct buf *b, const char *row, const char *n, const char *account)
{
  sqlf (b,
        "FROM jsonb_array_elements(%s\"%s\") WITH ORDINALITY AS e(item, ord)"
        " WHERE e.item->>'contact_id' IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.org_id = $1"
        " AND k.account_id = %s"
        " AND k.id = (e.item->>'contact_id')::uuid)",
        row, n, account);
}

/**
 * Appends the reference guards, one a line, each led by @a lead
 * ("   AND " in a WHERE clause, ",\n       " in a select list); @a account
 * is the SQL of the account the contacts must belong to.  In a select
 * list each guard is named after its column and is a boolean, except that
 * of a RES_REF_ITEM_CONTACTS column: the positions (from 0) of its bad
 * items, comma-separated, or NULL when they all hold.
 */
static void
ref_guards (struct buf *b, const struct resource *r, const char *row,
            const char *account, const char *lead)
{
  bool list = 0 == strcmp (lead, ",\n       ");

  for (unsigned int i = 0; i < r->n_columns; i++)
  {
    const char *n = r->columns[i].spec.name;

    if (RES_REF_NONE == r->columns[i].ref)
      continue;
    sqlf (b, "%s", lead);
    if (RES_REF_ITEM_CONTACTS == r->columns[i].ref && list)
    {
      sqlf (b, "(SELECT string_agg((e.ord - 1)::text, ',' ORDER BY e.ord) ");
      bad_items (b, row, n, account);
      sqlf (b, ")");
    }
    else if (RES_REF_ITEM_CONTACTS == r->columns[i].ref)
    {
      sqlf (b, "NOT EXISTS (SELECT 1 ");
      bad_items (b, row, n, account);
      sqlf (b, ")");
    }
    else if (RES_REF_SELLER == r->columns[i].ref)
      sqlf (b,
            "(%s\"%s\" IS NULL OR EXISTS (SELECT 1 FROM sellers s WHERE"
            " s.org_id = $1 AND s.id = %s\"%s\"))",
            row, n, row, n);
    else if (RES_REF_CONTACT == r->columns[i].ref)
      sqlf (b,
            "(%s\"%s\" IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE"
            " k.org_id = $1 AND k.account_id = %s AND k.id = %s\"%s\"))",
            row, n, account, row, n);
    else
      sqlf (b,
            "(%s\"%s\" IS NULL OR (SELECT count(*) FROM contacts k WHERE"
            " k.org_id = $1 AND k.account_id = %s AND k.id = ANY (%s\"%s\"))"
            " = cardinality(%s\"%s\"))",
            row, n, account, row, n, row, n);
    if (list)
      sqlf (b, " AS \"%s\"", n);
  }
}

/** Appends the column list, each prefixed with @a prefix. */
static void
column_list (struct buf *b, const struct resource *r, const char *prefix)
{
  for (unsigned int i = 0; i < r->n_columns; i++)
    sqlf (b, "%s%s\"%s\"", 0 == i ? "" : ", ", prefix,
          r->columns[i].spec.name);
}

/** Appends `"col" = <from>"col",` for every column, one a line. */
static void
set_list (struct buf *b, const struct resource *r, const char *from)
{
  for (unsigned int i = 0; i < r->n_columns; i++)
    sqlf (b, "\"%s\" = %s\"%s\",\n       ", r->columns[i].spec.name, from,
          r->columns[i].spec.name);
}

/** Appends the ON CONFLICT (org_id, external_id) clause of an upsert. */
static void
upsert_clause (struct buf *b, const struct resource *r)
{
  sqlf (b, "\n    ON CONFLICT (org_id, external_id) DO UPDATE\n   SET ");
  set_list (b, r, "EXCLUDED.");
  /* The row proposed for insertion got its updated_at from the column's
     default: no function in DO UPDATE, which Citus wants immutable. */
  sqlf (b, "version = t.version + 1, updated_at = EXCLUDED.updated_at\n"
           " WHERE (");
  column_list (b, r, "t.");
  sqlf (b, ")\n       IS DISTINCT FROM (");
  column_list (b, r, "EXCLUDED.");
  sqlf (b, ")%s",
        r->under_account ? "\n   AND t.account_id = EXCLUDED.account_id" : "");
}

/**
 * INSERT (and, with @a upsert, ON CONFLICT on external_id): $1 org,
 * $2 body, $3 account for child resources; or, with @a bulk, every item
 * of the CTE "input" (see gen_bulk).
 */
static void
gen_insert (struct buf *b, const struct resource *r, bool upsert, bool bulk)
{
  /* One row from $2 (account $3), or every item of the array $2, each
     {"n": its new id (made by the caller), "a": account, "d": data}. */
  const char *acct = ! r->under_account ? "NULL"
                     : bulk             ? "i.acct"
                                        : "$3::uuid";

  sqlf (b, "INSERT INTO %s AS t (org_id, %s%s", r->table, bulk ? "id, " : "",
        r->under_account ? "account_id, " : "");
  column_list (b, r, "");
  sqlf (b, ")\nSELECT $1, %s%s%s", bulk ? "i.new_id, " : "",
        r->under_account ? acct : "", r->under_account ? ", " : "");
  column_list (b, r, "r.");
  sqlf (b, "\n  FROM ");
  if (bulk)
    sqlf (b, "input i, ");
  record_source (b, r, bulk ? "i.d" : "$2::jsonb");
  sqlf (b, "\n WHERE true");
  if (r->under_account)
    sqlf (b,
          "\n   AND EXISTS (SELECT 1 FROM accounts a WHERE a.org_id = $1"
          " AND a.id = %s)",
          acct);
  ref_guards (b, r, "r.", acct, "\n   AND ");
  if (upsert)
    upsert_clause (b, r);
  if (bulk)
  {
    sqlf (b, "\nRETURNING t.id, %s AS external_id, (t.xmax = 0) AS created",
          r->external_id ? "t.external_id" : "NULL::text");
    return;
  }
  sqlf (b, "\nRETURNING ");
  out_columns (b, r);
  if (upsert)
    sqlf (b, ",\n       (t.xmax = 0) AS created");
}

/**
 * A whole batch group in one statement: $1 org, $2 the items.  Answers
 * (ord, id, created) for every item written; items a guard refused or
 * an unchanged upsert are missing, for the caller to explain.
 */
static void
gen_bulk (struct buf *b, const struct resource *r, bool upsert)
{
  sqlf (b,
        "WITH input AS (\n"
        "  SELECT e.ord, (e.v->>'n')::uuid AS new_id,\n"
        "         (e.v->>'a')::uuid AS acct, e.v->'d' AS d\n"
        "    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord)"
        "),\nins AS (\n");
  gen_insert (b, r, upsert, true);
  sqlf (b,
        ")\nSELECT i.ord, ins.id::text AS id, ins.created\n"
        "  FROM input i JOIN ins ON %s\n ORDER BY i.ord",
        upsert ? "ins.external_id = i.d->>'external_id'"
               : "ins.id = i.new_id");
}

/**
 * UPDATE: $1 org, $2 id, $3 body, $4 the time (updated_at).  Each column
 * is read from the body as jsonb_populate_record() types it, in the SET
 * list itself: Citus cannot plan an UPDATE ... FROM a function, and wants
 * no volatile function (clock_timestamp()) in SET.
 */
static void
gen_update (struct buf *b, const struct resource *r)
{
  char row[160];

  snprintf (row, sizeof (row), "(jsonb_populate_record(NULL::%s, $3))",
            r->table);
  sqlf (b, "UPDATE %s AS t\n   SET ", r->table);
  for (unsigned int i = 0; i < r->n_columns; i++)
    sqlf (b, "\"%s\" = %s.\"%s\",\n       ", r->columns[i].spec.name, row,
          r->columns[i].spec.name);
  sqlf (b, "version = t.version + 1, updated_at = $4::timestamptz\n");
  sqlf (b, " WHERE t.org_id = $1 AND t.id = $2");
  strcat (row, ".");
  ref_guards (b, r, row, "t.account_id", "\n   AND ");
  sqlf (b, "\nRETURNING ");
  out_columns (b, r);
}

/**
 * LIST: $1 org, [$2 account], then one parameter per filter, the keyset
 * position (two) and the limit.
 */
static void
gen_list (struct buf *b, const struct resource *r, bool all)
{
  bool one_account = r->under_account && ! all;
  int p = one_account ? 3 : 2;

  sqlf (b, "SELECT ");
  out_columns (b, r);
  sqlf (b, "\n  FROM %s t\n WHERE t.org_id = $1", r->table);
  if (one_account)
    sqlf (b, " AND t.account_id = $2");
  for (unsigned int i = 0; i < r->n_filters; i++, p++)
  {
    const struct res_filter *f = &r->filters[i];
    static const char *const ops[] = {
      [RES_EQ] = "=", [RES_GE] = ">=", [RES_LT] = "<"
    };

    if (RES_CONTAINS == f->op)
      sqlf (b, "\n   AND ($%d::uuid IS NULL OR $%d::uuid = ANY (t.\"%s\"))", p,
            p, f->column);
    else if (RES_ILIKE == f->op)
      sqlf (b, "\n   AND ($%d::text IS NULL OR t.\"%s\" ILIKE $%d)", p,
            f->column, p);
    else
    {
      const char *type = JSPEC_TIMESTAMP == f->spec.type ? "timestamptz"
                         : JSPEC_UUID == f->spec.type    ? "uuid"
                                                         : "text";

      sqlf (b, "\n   AND ($%d::%s IS NULL OR t.\"%s\" %s $%d::%s)", p, type,
            f->column, ops[f->op], p, type);
    }
  }
  sqlf (b,
        "\n   AND ($%d::timestamptz IS NULL\n"
        "        OR (t.\"%s\", t.id) < ($%d::timestamptz, $%d::uuid))\n"
        " ORDER BY t.\"%s\" DESC, t.id DESC\n LIMIT $%d",
        p, r->order_column, p, p + 1, r->order_column, p + 2);
}

/** SELECT of one row by id (optionally locked) or by external_id. */
static void
gen_get (struct buf *b, const struct resource *r, enum res_stmt kind)
{
  sqlf (b, "SELECT ");
  out_columns (b, r);
  sqlf (b, "\n  FROM %s t\n WHERE t.org_id = $1 AND t.%s = $2%s", r->table,
        RS_XID == kind ? "external_id" : "id",
        RS_LOCK == kind ? "\n   FOR UPDATE" : "");
}

/** Which references of a body hold: $1 org, $2 body, $3 account. */
static void
gen_refs (struct buf *b, const struct resource *r)
{
  sqlf (b, "SELECT true AS ok");
  ref_guards (b, r, "r.", "$3::uuid", ",\n       ");
  sqlf (b, "\n  FROM ");
  record_source (b, r, "$2::jsonb");
  /* Every parameter is named, so the statement takes exactly what
     store_res_check_refs binds. */
  sqlf (b, "\n WHERE $1::uuid IS NOT NULL%s",
        r->under_account ? " AND $3::uuid IS NOT NULL" : "");
}

/** Generates one statement of @a r into the table. */
static int
generate (const struct resource *r, enum res_stmt kind)
{
  struct buf b = { 0 };
  char name[64];

  switch (kind)
  {
  case RS_INSERT:
  case RS_UPSERT:
    gen_insert (&b, r, RS_UPSERT == kind, false);
    break;
  case RS_BULK_INSERT:
  case RS_BULK_UPSERT:
    gen_bulk (&b, r, RS_BULK_UPSERT == kind);
    break;
  case RS_GET:
  case RS_LOCK:
  case RS_XID:
    gen_get (&b, r, kind);
    break;
  case RS_UPDATE:
    gen_update (&b, r);
    break;
  case RS_DELETE:
    sqlf (&b, "DELETE FROM %s WHERE org_id = $1 AND id = $2", r->table);
    break;
  case RS_LIST:
  case RS_LIST_ALL:
    gen_list (&b, r, RS_LIST_ALL == kind);
    break;
  case RS_REFS:
    gen_refs (&b, r);
    break;
  default:
    break;
  }
  if (NULL == b.data || n_generated >= MAX_RESOURCES * RS_COUNT)
    return -1;
  snprintf (name, sizeof (name), "%s.%s", r->table, stmt_kinds[kind]);
  generated[n_generated].name = util_strdup (name);
  generated[n_generated].sql = b.data;
  n_generated++;
  return 0;
}

/** Whether @a r has a statement of @a kind: upserts and lookups by
    external id need external ids, the list across accounts a resource
    listed that way. */
static bool
has_stmt (const struct resource *r, int kind)
{
  if (RS_XID == kind || RS_UPSERT == kind || RS_BULK_UPSERT == kind)
    return r->external_id;
  if (RS_LIST_ALL == kind)
    return r->listed_across;
  return true;
}

int
store_resources_init (struct resource *const *table, unsigned int n)
{
  if (n > MAX_RESOURCES)
    return -1;
  for (unsigned int i = 0; i < n; i++)
  {
    unsigned int items = 0;

    if (table[i]->n_columns > MAX_COLUMNS)
      return -1;
    for (unsigned int k = 0; k < table[i]->n_columns; k++)
      items += RES_REF_ITEM_CONTACTS == table[i]->columns[k].ref;
    if (items > 1) /* store_res_check_refs lists one column's items */
      return -1;
  }
  for (unsigned int i = 0; i < n; i++)
    for (int k = 0; k < RS_COUNT; k++)
      if (has_stmt (table[i], k)
          && 0 != generate (table[i], (enum res_stmt) k))
        return -1;
  /* Pointers into generated[] only now that it no longer grows. */
  for (unsigned int i = 0, g = 0; i < n; i++)
    for (int k = 0; k < RS_COUNT; k++)
      if (has_stmt (table[i], k))
        by_kind[table[i]->index][k] = &generated[g++];
  return 0;
}

/** The statement @a kind of @a res (generated by store_resources_init). */
static const struct store_statement *
stmt (const struct resource *res, enum res_stmt kind)
{
  return by_kind[res->index][kind];
}

const struct store_statement *
store_generated_statements (unsigned int *n)
{
  *n = n_generated;
  return generated;
}

void
store_resources_free (void)
{
  for (unsigned int i = 0; i < n_generated; i++)
  {
    free ((char *) generated[i].name);
    free ((char *) generated[i].sql);
  }
  n_generated = 0;
  memset (by_kind, 0, sizeof (by_kind));
}

void
store_row_clear (struct store_row *row)
{
  if (NULL == row)
    return;
  free (row->json);
  row->json = NULL;
}

/** Where the columns of an out_columns() result are. */
struct row_reader
{
  const struct resource *res;
  struct store_row *out;
  int id, version, account_id, created_at, updated_at, order, created;
  int col[MAX_COLUMNS];
};

/** Column @a name of @a r, or -1, logged: the statement and its reader
    disagree, which is a bug. */
static int
find (const PGresult *r, const char *name)
{
  int col = PQfnumber (r, name);

  if (col < 0)
    log_error ("a resource statement's result has no column \"%s\"", name);
  return col;
}

/** Finds the columns of @a r, by name, once for all its rows. */
static void
reader_init (struct row_reader *rd, const struct resource *res,
             const PGresult *r)
{
  rd->res = res;
  rd->id = find (r, "id");
  rd->version = find (r, "version");
  rd->account_id = res->under_account ? find (r, "account_id") : -1;
  rd->created_at = find (r, "created_at");
  rd->updated_at = find (r, "updated_at");
  rd->order = find (r, res->order_column);
  rd->created = PQfnumber (r, "created"); /* upserts only */
  for (unsigned int i = 0; i < res->n_columns; i++)
    rd->col[i] = find (r, res->columns[i].spec.name);
}

/** The text of column @a c of row @a i ("" for a missing column). */
static const char *
val (const PGresult *r, int i, int c)
{
  return c < 0 ? "" : PQgetvalue (r, i, c);
}

/**
 * Reads row @a i: the API's JSON (id, account_id, the columns, created_at,
 * updated_at, version, in that order, as the contract shows them), the
 * version, the ids and the order key.
 */
static void
reader_row (const struct row_reader *rd, const PGresult *r, int i,
            struct store_row *out)
{
  const struct resource *res = rd->res;
  struct buf b = { 0 };
  const char *id = val (r, i, rd->id);

  buf_append (&b, "{", 1, SIZE_MAX);
  store_put_key (&b, true, "id");
  store_put_value (&b, RES_UUID, id, false);
  if (res->under_account)
  {
    store_put_key (&b, false, "account_id");
    store_put_value (&b, RES_UUID, val (r, i, rd->account_id), false);
    snprintf (out->account_id, sizeof (out->account_id), "%s",
              val (r, i, rd->account_id));
  }
  for (unsigned int k = 0; k < res->n_columns; k++)
  {
    int c = rd->col[k];

    store_put_key (&b, false, res->columns[k].spec.name);
    store_put_value (&b, res->columns[k].sql, val (r, i, c),
                     c < 0 || PQgetisnull (r, i, c));
  }
  store_put_key (&b, false, "created_at");
  store_put_value (&b, RES_TS, val (r, i, rd->created_at), false);
  store_put_key (&b, false, "updated_at");
  store_put_value (&b, RES_TS, val (r, i, rd->updated_at), false);
  store_put_key (&b, false, "version"); /* the ETag, also in lists */
  store_put_value (&b, RES_INT, val (r, i, rd->version), false);
  buf_append (&b, "}", 2, SIZE_MAX); /* with the NUL */
  out->json = b.data;                /* store_row_clear frees it */
  out->version = atoi (val (r, i, rd->version));
  snprintf (out->id, sizeof (out->id), "%s", id);
  if (! store_ts_rfc3339 (val (r, i, rd->order), out->order_key))
    out->order_key[0] = '\0';
  out->created = rd->created >= 0 && 't' == PQgetvalue (r, i, rd->created)[0];
}

/** Reads row @a i of an out_columns() result into @a cls, a struct
    row_reader. */
static void
read_row (const PGresult *r, int i, void *cls)
{
  struct row_reader *rd = cls;

  reader_init (rd, rd->res, r);
  reader_row (rd, r, i, rd->out);
}

/** Runs statement @a kind of @a res and reads at most one row. */
static enum store_qs
one_row (struct store_conn *c, const struct resource *res, enum res_stmt kind,
         int n, const char *const *v, struct store_row *out)
{
  struct row_reader rd = { .res = res, .out = out };

  memset (out, 0, sizeof (*out));
  return store_exec_one (c, stmt (res, kind), n, v, &read_row, &rd);
}

enum store_qs
store_res_insert (struct store_conn *c, const struct resource *res,
                  const char *org_id, const char *account_id, const char *body,
                  struct store_row *out)
{
  const char *v[] = { org_id, body, account_id };

  return one_row (c, res, RS_INSERT, res->under_account ? 3 : 2, v, out);
}

enum store_qs
store_res_get (struct store_conn *c, const struct resource *res,
               const char *org_id, const char *id, bool lock,
               struct store_row *out)
{
  const char *v[] = { org_id, id };

  return one_row (c, res, lock ? RS_LOCK : RS_GET, 2, v, out);
}

enum store_qs
store_res_get_by_external_id (struct store_conn *c, const struct resource *res,
                              const char *org_id, const char *xid,
                              struct store_row *out)
{
  const char *v[] = { org_id, xid };

  return one_row (c, res, RS_XID, 2, v, out);
}

enum store_qs
store_res_update (struct store_conn *c, const struct resource *res,
                  const char *org_id, const char *id, const char *body,
                  struct store_row *out)
{
  char now[40];
  const char *v[] = { org_id, id, body, store_now (now) };

  return one_row (c, res, RS_UPDATE, 4, v, out);
}

enum store_qs
store_res_upsert (struct store_conn *c, const struct resource *res,
                  const char *org_id, const char *account_id, const char *body,
                  struct store_row *out)
{
  const char *v[] = { org_id, body, account_id };

  return one_row (c, res, RS_UPSERT, res->under_account ? 3 : 2, v, out);
}

enum store_qs
store_res_delete (struct store_conn *c, const struct resource *res,
                  const char *org_id, const char *id)
{
  const char *v[] = { org_id, id };
  PGresult *r;
  enum store_qs qs;

  qs = store_exec (c, stmt (res, RS_DELETE), 2, v, &r);
  PQclear (r);
  return qs;
}

enum store_qs
store_res_list (struct store_conn *c, const struct resource *res,
                const char *org_id, const char *account_id,
                const char *const *filters, const char *after_key,
                const char *after_id, unsigned int limit, store_row_cb cb,
                void *cls)
{
  const char *v[3 + RES_MAX_FILTERS + 3];
  struct row_reader rd;
  char lim[16];
  int n = 0;
  PGresult *r;
  enum store_qs qs;

  v[n++] = org_id;
  if (res->under_account && NULL != account_id)
    v[n++] = account_id;
  for (unsigned int i = 0; i < res->n_filters; i++)
    v[n++] = filters[i];
  snprintf (lim, sizeof (lim), "%u", limit);
  v[n++] = after_key;
  v[n++] = after_id;
  v[n++] = lim;
  qs = store_exec (c,
                   stmt (res, res->under_account && NULL == account_id
                                ? RS_LIST_ALL
                                : RS_LIST),
                   n, v, &r);
  if (qs > 0)
    reader_init (&rd, res, r);
  for (int i = 0; i < (int) qs; i++)
  {
    struct store_row row = { 0 };

    reader_row (&rd, r, i, &row);
    cb (cls, &row);
    store_row_clear (&row);
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_res_check_refs (struct store_conn *c, const struct resource *res,
                      const char *org_id, const char *account_id,
                      const char *body, uint32_t *bad, char **items)
{
  const char *v[] = { org_id, body, account_id };
  PGresult *r;
  enum store_qs qs;

  *bad = 0;
  *items = NULL;
  qs = store_exec (c, stmt (res, RS_REFS), res->under_account ? 3 : 2, v, &r);
  for (unsigned int i = 0; qs > 0 && i < res->n_columns; i++)
  {
    const char *n = res->columns[i].spec.name;

    if (RES_REF_NONE == res->columns[i].ref)
      continue;
    if (RES_REF_ITEM_CONTACTS == res->columns[i].ref)
    {
      if (store_isnull (r, 0, n))
        continue;
      *items = util_strdup (store_get (r, 0, n));
      *bad |= (uint32_t) 1 << i;
    }
    else if (! store_get_bool (r, 0, n))
      *bad |= (uint32_t) 1 << i;
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_res_bulk (struct store_conn *c, const struct resource *res, bool upsert,
                const char *org_id, const char *items, store_bulk_cb cb,
                void *cls)
{
  const char *v[] = { org_id, items };
  PGresult *r;
  enum store_qs qs;

  qs = store_exec (c, stmt (res, upsert ? RS_BULK_UPSERT : RS_BULK_INSERT), 2,
                   v, &r);
  for (int i = 0; i < (int) qs; i++)
    cb (cls, (size_t) store_get_int (r, i, "ord") - 1, store_get (r, i, "id"),
        store_get_bool (r, i, "created"));
  PQclear (r);
  return qs;
}

/** Whether an account exists: $1 org, $2 account. */
static const struct store_statement account_exists_sql = {
  "accounts.exists",
  "SELECT 1 AS found FROM accounts WHERE org_id = $1 AND id = $2",
};

enum store_qs
store_account_exists (struct store_conn *c, const char *org_id,
                      const char *account_id)
{
  const char *v[] = { org_id, account_id };
  PGresult *r;
  enum store_qs qs = store_exec (c, &account_exists_sql, 2, v, &r);

  PQclear (r);
  return qs > 0 ? STORE_QS_ONE : qs;
}

const struct store_statement *const store_resource_statements[] = {
  &account_exists_sql,
  NULL,
};
