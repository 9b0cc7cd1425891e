/**
 * @file test_sql_split.c
 * @brief The migration runner's statement splitter (store_sql_next): a
 *        semicolon ends a statement only outside strings, quoted
 *        identifiers, comments and dollar quotes, so each statement of a
 *        migration goes to PostgreSQL (or Citus) on its own, whole.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/store.h"
#include "svc/util.h"

/** Splits @a sql into at most 16 statements, each copied into @a out. */
static int
split (const char *sql, char out[16][256])
{
  const char *p = sql, *start, *end;
  int n = 0;

  while (NULL != (start = store_sql_next (p, &end)))
  {
    cr_assert_lt (n, 16);
    while (' ' == *start || '\n' == *start)
      start++;
    snprintf (out[n++], 256, "%.*s", (int) (end - start), start);
    p = end;
  }
  return n;
}

Test (sql_split, semicolons_inside_quotes_comments_and_bodies_stay)
{
  char s[16][256];
  int n = split ("CREATE TABLE \"a;b\" (x text DEFAULT 'x;''y');\n"
                 "-- a comment; still a comment\n"
                 "/* a /* nested; */ comment; */ SELECT E'it\\'s;';\n"
                 "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
                 "BEGIN RETURN 1; END $$;\n"
                 "DO $body$ BEGIN PERFORM 1; END $body$;;\n"
                 "SELECT $1::int; -- a parameter, not a dollar quote\n"
                 "  \n-- only a comment after the last one\n",
                 s);

  cr_assert_eq (5, n, "%d statements", n);
  cr_assert_str_eq (s[0], "CREATE TABLE \"a;b\" (x text DEFAULT 'x;''y');");
  cr_assert (s[1] == strstr (s[1], "-- a comment; still a comment\n"), "%s",
             s[1]);
  cr_assert (NULL != strstr (s[1], "/* a /* nested; */ comment; */"), "%s",
             s[1]);
  cr_assert (NULL != strstr (s[1], "SELECT E'it\\'s;';"), "%s", s[1]);
  cr_assert (NULL != strstr (s[2], "BEGIN RETURN 1; END $$;"), "%s", s[2]);
  cr_assert_str_eq (s[3], "DO $body$ BEGIN PERFORM 1; END $body$;");
  cr_assert_str_eq (s[4], "SELECT $1::int;");
}

Test (sql_split, a_last_statement_without_a_semicolon_is_one)
{
  char s[16][256];

  cr_assert_eq (2, split ("SELECT 1; SELECT 2", s));
  cr_assert_str_eq (s[1], "SELECT 2");
  cr_assert_eq (0, split ("  -- nothing\n/* at all */ ;; ", s));
}

Test (sql_split, every_migration_splits_into_whole_statements)
{
  struct dirent **names;
  int n = scandir (RAPPORT_SOURCE_DIR "/migrations", &names, NULL, alphasort);
  int files = 0;

  cr_assert_gt (n, 0);
  for (int i = 0; i < n; i++)
  {
    char path[4096];
    size_t len;
    char *sql;
    const char *p, *start, *end;

    if (NULL == strstr (names[i]->d_name, ".sql"))
    {
      free (names[i]);
      continue;
    }
    snprintf (path, sizeof (path), RAPPORT_SOURCE_DIR "/migrations/%s",
              names[i]->d_name);
    sql = util_read_file (path, &len);
    cr_assert_not_null (sql, "%s", path);
    p = sql;
    while (NULL != (start = store_sql_next (p, &end)))
    {
      /* Every statement but a file's last ends with its semicolon, and
         none starts inside a dollar quote's body. */
      cr_assert (';' == end[-1] || '\0' == *end,
                 "%s: a statement runs to "
                 "the end of the file without a semicolon",
                 path);
      p = end;
    }
    free (sql);
    free (names[i]);
    files++;
  }
  free (names);
  cr_assert_gt (files, 10);
}
