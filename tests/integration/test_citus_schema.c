/**
 * @file test_citus_schema.c
 * @brief The live, migrated schema is one Citus can distribute: every
 *        tenant table (every table of the public schema with an org_id
 *        column) distributed by org_id and colocated with organizations
 *        (distributed by id).  The schema is the sum of every migration,
 *        dynamic SQL included, so this reads pg_catalog as the admin role
 *        (MIGRATE_DATABASE_URL):
 *
 *         - no foreign key that includes the distribution column deletes
 *           with SET NULL or SET DEFAULT (or updates with SET NULL, SET
 *           DEFAULT or CASCADE), and foreign keys between distributed
 *           tables pair org_id with the referenced distribution column;
 *         - every unique, primary key and exclusion index of a distributed
 *           table includes its distribution column;
 *         - every trigger of a distributed table is on TRIGGER_ALLOW, and
 *           no trigger function of one calls pg_notify (under Citus it
 *           runs on a worker: the service LISTENs on the coordinator);
 *         - no LANGUAGE sql function with parameters reads a distributed
 *           table (Citus cannot plan an inlined SQL function's
 *           parameters).
 *
 *        tests/lint/citus.py checks the statements the service prepares
 *        and the migrations as written; its TRIGGER_ALLOW and NOTIFY_ALLOW
 *        equal the ones below (it compares them).
 */
#include <criterion/criterion.h>
#include <libpq-fe.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/** An allow-list entry: POSIX extended expressions matched whole. */
struct allow
{
  const char *table;
  const char *name;
  const char *reason;
};

/* Triggers of distributed tables that may stay: under Citus they need
   citus.enable_unsafe_triggers and may touch rows of the triggering row's
   organization only.  The same list, in the same order, is TRIGGER_ALLOW
   in tests/lint/citus.py. */
static const struct allow trigger_allow[] = {
  /* BEGIN TRIGGER_ALLOW */
  { "accounts|calls|report_cards|commitments", "[a-z_]+_touch",
    "BEFORE UPDATE: changes only NEW, the row being updated" },
  { "contacts", "contacts_deleted",
    "BEFORE DELETE: lets go of OLD in calls and report cards of OLD.org_id" },
  { "sellers", "sellers_deleted",
    "BEFORE DELETE: nulls references to OLD in rows of OLD.org_id" },
  { "[a-z_]+", "[a-z_]+_events",
    "row trigger: writes events and queue rows of its row's own org_id" },
  { "account_assessments", "account_assessments_changed",
    "inserts events of NEW.org_id only" },
  { "events", "events_webhooks",
    "row trigger: queues deliveries to endpoints of the event's own "
    "org_id, as the invoking role" },
  /* END TRIGGER_ALLOW */
  { NULL, NULL, NULL }
};

/* Trigger functions of distributed tables that may call pg_notify (the
   table member names the function).  Empty on purpose: the service
   notifies.  NOTIFY_ALLOW in tests/lint/citus.py. */
static const struct allow notify_allow[] = {
  /* BEGIN NOTIFY_ALLOW */
  /* END NOTIFY_ALLOW */
  { NULL, NULL, NULL }
};

/* The distributed tables with their distribution column: every table of
   the public schema with an org_id column, and organizations by id. */
#define DIST \
  "WITH dist AS (" \
  "  SELECT c.oid AS rel, c.relname::text AS name, a.attnum AS col," \
  "         a.attname::text AS colname" \
  "    FROM pg_class c" \
  "    JOIN pg_namespace n ON n.oid = c.relnamespace" \
  "    JOIN pg_attribute a ON a.attrelid = c.oid" \
  "   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')" \
  "     AND a.attnum > 0 AND NOT a.attisdropped" \
  "     AND CASE c.relname WHEN 'organizations' THEN a.attname = 'id'" \
  "                        ELSE a.attname = 'org_id' END) "

static PGconn *pg;

static void
setup (void)
{
  const char *url = getenv ("MIGRATE_DATABASE_URL");

  cr_assert_not_null (url, "MIGRATE_DATABASE_URL (the admin role) is not "
                           "set: run the tests through scripts/test");
  pg = PQconnectdb (url);
  cr_assert_eq (CONNECTION_OK, PQstatus (pg), "%s", PQerrorMessage (pg));
}

static void
teardown (void)
{
  PQfinish (pg);
}

TestSuite (citus_schema, .init = setup, .fini = teardown);

/** Runs @a sql, asserting it returned rows. */
static PGresult *
query (const char *sql)
{
  PGresult *r = PQexec (pg, sql);

  cr_assert_eq (PGRES_TUPLES_OK, PQresultStatus (r), "%s\n%s",
                PQresultErrorMessage (r), sql);
  return r;
}

/** Column @a name of row @a row. */
static const char *
col (const PGresult *r, int row, const char *name)
{
  int c = PQfnumber (r, name);

  cr_assert (c >= 0, "no column %s", name);
  return PQgetvalue (r, row, c);
}

/** Whether @a s matches the POSIX extended expression @a re whole. */
static bool
matches (const char *re, const char *s)
{
  char anchored[512];
  regex_t rx;
  bool m;

  snprintf (anchored, sizeof (anchored), "^(%s)$", re);
  cr_assert_eq (0, regcomp (&rx, anchored, REG_EXTENDED | REG_NOSUB),
                "bad allow-list expression %s", re);
  m = 0 == regexec (&rx, s, 0, NULL, 0);
  regfree (&rx);
  return m;
}

/** A growing report (open_memstream); report_end returns it. */
struct report
{
  FILE *f;
  char *text;
  size_t len;
  int count;
};

static void
report_begin (struct report *rep)
{
  memset (rep, 0, sizeof (*rep));
  rep->f = open_memstream (&rep->text, &rep->len);
  cr_assert_not_null (rep->f);
}

static void report_add (struct report *rep, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
report_add (struct report *rep, const char *fmt, ...)
{
  va_list ap;

  fputs ("\n  ", rep->f);
  va_start (ap, fmt);
  vfprintf (rep->f, fmt, ap);
  va_end (ap);
  rep->count++;
}

static void
report_end (struct report *rep)
{
  fclose (rep->f);
}

Test (citus_schema, the_tenant_tables_are_there)
{
  PGresult *r = query (DIST "SELECT name, colname FROM dist ORDER BY name");

  for (int i = 0; i < PQntuples (r); i++)
    cr_log_info ("distributed by %s: %s", col (r, i, "colname"),
                 col (r, i, "name"));
  cr_assert (PQntuples (r) >= 9,
             "only %d distributed tables: is the database migrated?",
             PQntuples (r));
  PQclear (r);
}

Test (citus_schema, no_foreign_key_with_the_distribution_column_sets_null)
{
  PGresult *r = query (
    DIST "SELECT d.name, c.conname::text AS conname,"
         "       pg_get_constraintdef(c.oid) AS def"
         "  FROM pg_constraint c JOIN dist d ON d.rel = c.conrelid"
         " WHERE c.contype = 'f' AND d.col = ANY (c.conkey)"
         "   AND (c.confdeltype IN ('n', 'd')"
         "        OR c.confupdtype IN ('n', 'd', 'c'))"
         " ORDER BY 1, 2");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
    report_add (&rep,
                "%s: foreign key %s (%s) includes org_id: Citus refuses "
                "ON DELETE SET NULL/SET DEFAULT (and ON UPDATE SET NULL/"
                "SET DEFAULT/CASCADE) there; use CASCADE/RESTRICT/NO "
                "ACTION, or drop it and clear the reference in the "
                "service's own statement",
                col (r, i, "name"), col (r, i, "conname"), col (r, i, "def"));
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count, "%d foreign key(s) Citus refuses:%s", rep.count,
                rep.text);
  free (rep.text);
}

Test (citus_schema, foreign_keys_between_distributed_tables_are_colocated)
{
  PGresult *r = query (
    DIST "SELECT d.name, c.conname::text AS conname,"
         "       pg_get_constraintdef(c.oid) AS def, f.name AS ref,"
         "       f.colname AS refcol"
         "  FROM pg_constraint c"
         "  JOIN dist d ON d.rel = c.conrelid"
         "  JOIN dist f ON f.rel = c.confrelid"
         " WHERE c.contype = 'f'"
         "   AND NOT EXISTS (SELECT 1 FROM generate_subscripts(c.conkey, 1) k"
         "                    WHERE c.conkey[k] = d.col"
         "                      AND c.confkey[k] = f.col)"
         " ORDER BY 1, 2");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
    report_add (&rep,
                "%s: foreign key %s (%s) does not pair org_id with %s.%s: "
                "reference (org_id, ...) of the other tenant table",
                col (r, i, "name"), col (r, i, "conname"), col (r, i, "def"),
                col (r, i, "ref"), col (r, i, "refcol"));
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count, "%d foreign key(s) across shards:%s", rep.count,
                rep.text);
  free (rep.text);
}

Test (citus_schema, every_unique_index_includes_the_distribution_column)
{
  PGresult *r = query (
    DIST "SELECT d.name, d.colname, i.indexrelid::regclass::text AS idx,"
         "       i.indisexclusion AS excl,"
         "       coalesce((SELECT 'constraint ' || k.conname || ': '"
         "                        || pg_get_constraintdef(k.oid)"
         "                   FROM pg_constraint k"
         "                  WHERE k.conindid = i.indexrelid"
         "                    AND k.conrelid = i.indrelid),"
         "                pg_get_indexdef(i.indexrelid)) AS def"
         "  FROM pg_index i JOIN dist d ON d.rel = i.indrelid"
         " WHERE (i.indisunique OR i.indisexclusion)"
         "   AND NOT (d.col = ANY (i.indkey::int2[])"
         "            AND NOT EXISTS ("
         "              SELECT 1 FROM pg_constraint k,"
         "                            generate_subscripts(k.conkey, 1) j"
         "               WHERE k.conindid = i.indexrelid AND k.contype = 'x'"
         "                 AND k.conkey[j] = d.col"
         "                 AND (SELECT oprname FROM pg_operator"
         "                       WHERE oid = k.conexclop[j]) <> '='))"
         " ORDER BY 1, 3");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
    report_add (&rep,
                "%s: unique index %s (%s) does not include %s%s: lead the key "
                "with %s, e.g. UNIQUE (%s, ...)",
                col (r, i, "name"), col (r, i, "idx"), col (r, i, "def"),
                col (r, i, "colname"),
                0 == strcmp ("t", col (r, i, "excl")) ? " WITH =" : "",
                col (r, i, "colname"), col (r, i, "colname"));
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count,
                "%d unique index(es) Citus cannot enforce across shards:%s",
                rep.count, rep.text);
  free (rep.text);
}

Test (citus_schema, every_trigger_of_a_distributed_table_is_allow_listed)
{
  PGresult *r = query (DIST
                       "SELECT d.name, t.tgname::text AS tgname,"
                       "       t.tgfoid::regprocedure::text AS fn"
                       "  FROM pg_trigger t JOIN dist d ON d.rel = t.tgrelid"
                       " WHERE NOT t.tgisinternal"
                       " ORDER BY 1, 2");
  bool used[sizeof (trigger_allow) / sizeof (trigger_allow[0])] = { false };
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
  {
    const char *table = col (r, i, "name");
    const char *trig = col (r, i, "tgname");
    const struct allow *a = trigger_allow;

    for (; NULL != a->table; a++)
      if (matches (a->table, table) && matches (a->name, trig))
        break;
    if (NULL != a->table)
    {
      used[a - trigger_allow] = true;
      continue;
    }
    report_add (&rep,
                "%s: trigger %s (%s) is not allow-listed: do its work in "
                "the service's statements, or add it to TRIGGER_ALLOW in "
                "tests/lint/citus.py and here with the reason it touches "
                "only its own organization's rows",
                table, trig, col (r, i, "fn"));
  }
  PQclear (r);
  report_end (&rep);
  for (const struct allow *a = trigger_allow; NULL != a->table; a++)
    if (! used[a - trigger_allow])
      cr_log_warn ("TRIGGER_ALLOW entry %s / %s matches no trigger: "
                   "remove it from tests/lint/citus.py and here",
                   a->table, a->name);
  cr_assert_eq (0, rep.count, "%d trigger(s) not on TRIGGER_ALLOW:%s",
                rep.count, rep.text);
  free (rep.text);
}

Test (citus_schema, no_trigger_function_of_a_distributed_table_notifies)
{
  PGresult *r = query (
    DIST "SELECT p.oid::regprocedure::text AS fn, p.proname::text AS proname,"
         "       string_agg(t.tgname || ' on ' || d.name, ', '"
         "                  ORDER BY d.name, t.tgname) AS triggers"
         "  FROM pg_trigger t"
         "  JOIN dist d ON d.rel = t.tgrelid"
         "  JOIN pg_proc p ON p.oid = t.tgfoid"
         " WHERE NOT t.tgisinternal AND p.prosrc ~* 'pg_notify'"
         " GROUP BY p.oid ORDER BY 1");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
  {
    const struct allow *a = notify_allow;

    for (; NULL != a->table; a++)
      if (matches (a->table, col (r, i, "proname")))
        break;
    if (NULL != a->table)
      continue;
    report_add (&rep, "%s calls pg_notify and runs for trigger(s) %s",
                col (r, i, "fn"), col (r, i, "triggers"));
  }
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count,
                "%d trigger function(s) notify from a shard: under Citus "
                "they run on a worker and the service's LISTEN on the "
                "coordinator never hears them; notify from the service "
                "after the write:%s",
                rep.count, rep.text);
  free (rep.text);
}

Test (citus_schema, no_sql_function_with_parameters_reads_a_tenant_table)
{
  PGresult *r = query (
    DIST "SELECT p.oid::regprocedure::text AS fn,"
         "       string_agg(d.name, ', ' ORDER BY d.name) AS tables"
         "  FROM pg_proc p"
         "  JOIN pg_namespace n ON n.oid = p.pronamespace"
         "  JOIN pg_language l ON l.oid = p.prolang"
         "  JOIN dist d"
         "    ON CASE WHEN p.prosqlbody IS NOT NULL"
         "            THEN pg_get_function_sqlbody(p.oid)"
         "            ELSE p.prosrc END ~ ('\\m' || d.name || '\\M')"
         " WHERE n.nspname = 'public' AND l.lanname = 'sql'"
         "   AND p.pronargs > 0"
         " GROUP BY p.oid ORDER BY 1");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
    report_add (&rep,
                "%s is LANGUAGE sql, has parameters and reads %s: Citus "
                "cannot plan an inlined SQL function's parameters; make it "
                "LANGUAGE plpgsql (RETURN QUERY ...)",
                col (r, i, "fn"), col (r, i, "tables"));
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count, "%d SQL function(s) Citus cannot plan:%s",
                rep.count, rep.text);
  free (rep.text);
}

Test (citus_schema,
      no_trigger_of_a_distributed_table_uses_transition_tables_or_a_definer)
{
  PGresult *r = query (
    DIST "SELECT t.tgname::text || ' on ' || d.name AS trig,"
         "       (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL)"
         "         AS transition,"
         "       p.prosecdef AS definer"
         "  FROM pg_trigger t"
         "  JOIN dist d ON d.rel = t.tgrelid"
         "  JOIN pg_proc p ON p.oid = t.tgfoid"
         " WHERE NOT t.tgisinternal"
         "   AND (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL"
         "        OR p.prosecdef)"
         " ORDER BY 1");
  struct report rep;

  report_begin (&rep);
  for (int i = 0; i < PQntuples (r); i++)
    report_add (&rep, "%s: %s", col (r, i, "trig"),
                't' == col (r, i, "transition")[0]
                  ? "has transition tables, which a shard's trigger never "
                    "gets (\"could not find named tuplestore\"): use a row "
                    "trigger"
                  : "runs a SECURITY DEFINER function: Citus refuses a "
                    "transaction that reaches the same shards as two "
                    "users; run it as the invoking role");
  PQclear (r);
  report_end (&rep);
  cr_assert_eq (0, rep.count, "%d trigger(s) Citus cannot run:%s", rep.count,
                rep.text);
  free (rep.text);
}
