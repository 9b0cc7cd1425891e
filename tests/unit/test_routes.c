/**
 * @file test_routes.c
 * @brief The route table against the contract and the map: every routed
 *        operation is in openapi/openapi.yaml and every documented one is
 *        routed; docs/routes.md is what `rapport routes --markdown`
 *        prints; every statement a route names is one the service
 *        prepares; every route's test file exists and exercises its path.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/http.h"
#include "svc/resource.h"
#include "svc/store.h"
#include "svc/util.h"
#include "svc/yaml.h"

#define SRC RAPPORT_SOURCE_DIR

/** Reads a whole file (caller frees); NULL when it does not exist. */
static char *
slurp (const char *path)
{
  size_t len;

  return util_read_file (path, &len);
}

/** The contract's paths object (borrowed from @a doc). */
static json_t *
contract_paths (json_t **doc)
{
  char err[256] = "";

  *doc = yaml_load_json (SRC "/openapi/openapi.yaml", err, sizeof (err));
  cr_assert_not_null (*doc, "%s", err);
  return json_object_get (*doc, "paths");
}

/** The contract's operation @a method (upper case) on @a path, or NULL. */
static json_t *
documented (json_t *paths, const char *method, const char *path)
{
  char lower[16];
  size_t i;

  for (i = 0; '\0' != method[i] && i < sizeof (lower) - 1; i++)
    lower[i] = (char) (method[i] | 0x20);
  lower[i] = '\0';
  return json_object_get (json_object_get (paths, path), lower);
}

Test (routes, every_route_is_documented)
{
  json_t *doc;
  json_t *paths = contract_paths (&doc);

  for (unsigned int i = 0; i < http_route_count (); i++)
  {
    struct http_route_info r;

    http_route_describe (i, &r);
    cr_expect_not_null (documented (paths, r.method, r.path),
                        "%s %s is routed but not in openapi/openapi.yaml",
                        r.method, r.path);
  }
  json_decref (doc);
}

Test (routes, every_documented_operation_is_routed)
{
  static const char *const methods[] = { "get",     "put",    "post",
                                         "patch",   "delete", "head",
                                         "options", "trace",  NULL };
  json_t *doc;
  json_t *paths = contract_paths (&doc);
  const char *path;
  json_t *item;
  unsigned int operations = 0;

  json_object_foreach (paths, path, item) for (const char *const *m = methods;
                                               NULL != *m; m++)
  {
    bool routed = false;

    if (NULL == json_object_get (item, *m))
      continue;
    operations++;
    for (unsigned int i = 0; i < http_route_count () && ! routed; i++)
    {
      struct http_route_info r;

      http_route_describe (i, &r);
      routed = 0 == strcasecmp (r.method, *m) && 0 == strcmp (r.path, path);
    }
    cr_expect (routed, "%s %s is documented but not routed", *m, path);
  }
  cr_expect_eq (operations, http_route_count (),
                "the contract has %u "
                "operations, the route table %u",
                operations, http_route_count ());
  json_decref (doc);
}

Test (routes, docs_routes_md_is_the_generated_map)
{
  char *want = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&want, &len);
  char *have = slurp (SRC "/docs/routes.md");

  resources_init ();
  http_routes_print (f, true);
  fclose (f);
  cr_assert_not_null (have, "docs/routes.md is missing: run scripts/golden");
  cr_expect_str_eq (have, want,
                    "docs/routes.md is out of date: run "
                    "scripts/golden and review the diff");
  free (want);
  free (have);
}

/** Collects statement names ("name\n" each) into a memstream. */
static int
collect (void *cls, const char *name, const char *sql, const char *file)
{
  (void) sql;
  (void) file;
  fprintf (cls, "\n%s\n", name);
  return 0;
}

Test (routes, every_statement_named_is_prepared)
{
  char *names = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&names, &len);
  unsigned int n;
  struct resource *const *table;

  resources_init ();
  table = resources_table (&n);
  cr_assert_eq (0, store_resources_init (table, n));
  store_statements_each (&collect, f);
  fclose (f);
  for (unsigned int i = 0; i < http_route_count (); i++)
  {
    struct http_route_info r;
    char *save = NULL;

    http_route_describe (i, &r);
    for (char *w = strtok_r (r.statements, " ", &save); NULL != w;
         w = strtok_r (NULL, " ", &save))
    {
      char line[128];

      snprintf (line, sizeof (line), "\n%s\n", w);
      cr_expect_not_null (strstr (names, line),
                          "%s %s names statement %s, "
                          "which the service does not prepare",
                          r.method, r.path, w);
    }
  }
  store_resources_free ();
  free (names);
}

Test (routes, every_test_file_exercises_its_route)
{
  for (unsigned int i = 0; i < http_route_count (); i++)
  {
    struct http_route_info r;
    char path[512], prefix[256];
    char *text;
    size_t fixed;

    http_route_describe (i, &r);
    snprintf (path, sizeof (path), "%s/%s", SRC, r.test);
    text = slurp (path);
    cr_expect_not_null (text, "%s %s: its test file %s does not exist",
                        r.method, r.path, r.test);
    if (NULL == text)
      continue;
    /* The path up to its first parameter, as a request would spell it. */
    fixed = strcspn (r.path, "{");
    snprintf (prefix, sizeof (prefix), "%.*s", (int) fixed, r.path);
    cr_expect_not_null (strstr (text, prefix), "%s %s: %s never requests %s",
                        r.method, r.path, r.test, prefix);
    free (text);
  }
}

/* Generated clients name their methods after operationId: one style,
   <resource>_<verb>[_<qualifier>], the resource plural as in the path
   (accounts_assessment_get, not account_assessment_get), unique. */
Test (routes, operation_ids_are_resource_then_verb)
{
  static const char *const methods[] = { "get",   "put",    "post",
                                         "patch", "delete", NULL };
  static const char *const verbs[] = { "get",    "list",    "create",
                                       "put",    "patch",   "delete",
                                       "rotate", "deliver", NULL };
  json_t *doc;
  json_t *paths = contract_paths (&doc);
  const char *path;
  json_t *item;
  json_t *seen = json_object ();

  json_object_foreach (paths, path, item) for (const char *const *m = methods;
                                               NULL != *m; m++)
  {
    const char *id = json_string_value (
      json_object_get (json_object_get (item, *m), "operationId"));
    bool verb = false;

    if (NULL == json_object_get (item, *m))
      continue;
    cr_expect_not_null (id, "%s %s has no operationId", *m, path);
    if (NULL == id)
      continue;
    cr_expect_null (json_object_get (seen, id), "operationId %s twice", id);
    json_object_set_new (seen, id, json_true ());
    for (const char *p = id; *p; p++)
      cr_expect ((*p >= 'a' && *p <= 'z') || '_' == *p,
                 "operationId %s: lowercase words and _ only", id);
    for (const char *const *v = verbs; NULL != *v && ! verb; v++)
    {
      const char *at = strstr (id, *v);

      verb = NULL != at && at > id && '_' == at[-1]
             && ('\0' == at[strlen (*v)] || '_' == at[strlen (*v)]);
    }
    cr_expect (verb, "operationId %s (%s %s) has no verb after its resource",
               id, *m, path);
    /* the resource is one of the path's own words, as written there
       ("report-cards" is report_cards, "openapi.json" openapi) */
    {
      bool named = false;

      for (const char *p = path; *p && ! named;)
      {
        char word[64];
        size_t n;

        p += strspn (p, "/");
        n = strcspn (p, "/.");
        snprintf (word, sizeof (word), "%.*s", (int) n, p);
        for (char *c = word; *c; c++)
          if ('-' == *c)
            *c = '_';
        named = '{' != word[0] && n > 0 && 0 == strncmp (id, word, n)
                && '_' == id[n];
        p += n;
        p += strcspn (p, "/");
      }
      cr_expect (named, "operationId %s does not start with a word of %s", id,
                 path);
    }
  }
  json_decref (seen);
  json_decref (doc);
}
