/**
 * @file test_golden_sql.c
 * @brief Every statement the service prepares, hand-written or generated
 *        from the resource table, is written out as
 *        tests/golden/sql/<name>.sql, and this test fails when what the
 *        service would prepare differs from those files (or a file names
 *        a statement that no longer exists).  A change to the resource
 *        table thus shows in review as a SQL diff.  scripts/golden
 *        rewrites the files (RAPPORT_GOLDEN_UPDATE=1).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/resource.h"
#include "svc/store.h"
#include "svc/util.h"

#define GOLDEN_DIR RAPPORT_SOURCE_DIR "/tests/golden/sql"

/** What the golden file of a statement holds. */
static char *
golden_text (const char *name, const char *sql, const char *file)
{
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&out, &len);

  cr_assert_not_null (f);
  fprintf (f, "-- %s\n-- written in %s; rewrite with scripts/golden\n%s\n",
           name, file, sql);
  fclose (f);
  return out;
}

/** Reads a whole file (caller frees); NULL when it does not exist. */
static char *
slurp (const char *path)
{
  size_t len;

  return util_read_file (path, &len);
}

/** What the comparison found. */
struct check
{
  bool update;         /**< rewrite instead of compare */
  char names[256][64]; /**< statements seen */
  unsigned int n;
  unsigned int differ;
};

/** Compares (or writes) one statement's golden file. */
static int
check_one (void *cls, const char *name, const char *sql, const char *file)
{
  struct check *c = cls;
  char path[512];
  char *want = golden_text (name, sql, file);
  char *have;

  cr_assert_lt (c->n, 256);
  for (unsigned int i = 0; i < c->n; i++)
    cr_assert_str_neq (c->names[i], name, "two statements named %s", name);
  snprintf (c->names[c->n++], sizeof (c->names[0]), "%s", name);
  snprintf (path, sizeof (path), "%s/%s.sql", GOLDEN_DIR, name);
  if (c->update)
  {
    FILE *f = fopen (path, "wb");

    cr_assert_not_null (f, "cannot write %s", path);
    fputs (want, f);
    fclose (f);
  }
  else
  {
    have = slurp (path);
    if (NULL == have || 0 != strcmp (have, want))
    {
      cr_log_error ("%s differs from what the service prepares:\n%s", path,
                    want);
      c->differ++;
    }
    free (have);
  }
  free (want);
  return 0;
}

/** Whether @a file (a NAME.sql) belongs to a statement seen. */
static bool
known (const struct check *c, const char *file)
{
  size_t len = strlen (file);

  if (len < 5 || 0 != strcmp (file + len - 4, ".sql"))
    return false;
  for (unsigned int i = 0; i < c->n; i++)
    if (strlen (c->names[i]) == len - 4
        && 0 == strncmp (c->names[i], file, len - 4))
      return true;
  return false;
}

Test (golden_sql, every_prepared_statement_matches_its_file)
{
  static struct check c;
  unsigned int n;
  struct resource *const *table;
  DIR *d;
  struct dirent *e;

  c.update = NULL != getenv ("RAPPORT_GOLDEN_UPDATE");
  resources_init ();
  table = resources_table (&n);
  cr_assert_eq (0, store_resources_init (table, n));
  cr_assert_eq (0, store_statements_each (&check_one, &c));
  cr_assert_gt (c.n, 40, "only %u statements", c.n);
  d = opendir (GOLDEN_DIR);
  cr_assert_not_null (d);
  while (NULL != (e = readdir (d)))
  {
    if ('.' == e->d_name[0] || known (&c, e->d_name))
      continue;
    if (c.update)
    {
      char path[512];

      snprintf (path, sizeof (path), "%s/%s", GOLDEN_DIR, e->d_name);
      remove (path);
      continue;
    }
    cr_log_error ("%s/%s names no statement the service prepares", GOLDEN_DIR,
                  e->d_name);
    c.differ++;
  }
  closedir (d);
  store_resources_free ();
  cr_assert_eq (0, c.differ,
                "%u golden SQL files are out of date: run "
                "scripts/golden and review the diff",
                c.differ);
}
