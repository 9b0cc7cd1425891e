/**
 * @file test_router.c
 * @brief The route table: 404 versus 405, HEAD, path parameters, and the
 *        error table's completeness.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../service/http/internal.h"
#include "svc/yaml.h"

/** Matches and frees the parameters; returns the outcome. */
static enum route_match
match (const char *method, const char *path, const struct route **r,
       char *first_param, char *allow)
{
  char *params[HTTP_MAX_PARAMS];
  unsigned int n = 0;
  enum route_match m = router_match (method, path, r, params, &n, allow, 128);

  first_param[0] = '\0';
  if (n > 0)
    strcpy (first_param, params[0]);
  for (unsigned int i = 0; i < n; i++)
    free (params[i]);
  return m;
}

Test (router, finds_routes_and_path_parameters)
{
  const struct route *r = NULL;
  char p[256], allow[128];

  cr_assert_eq (ROUTE_FOUND, match ("GET", "/v1/accounts", &r, p, allow));
  cr_assert_str_eq (r->path, "/v1/accounts");
  cr_assert_eq (ROUTE_FOUND,
                match ("PATCH", "/v1/accounts/abc", &r, p, allow));
  cr_assert_str_eq (p, "abc");
  cr_assert_eq (ROUTE_FOUND, match ("PUT", "/v1/accounts/by-external-id/x-1",
                                    &r, p, allow));
  cr_assert_str_eq (p, "x-1");
  cr_assert_eq (ROUTE_FOUND, match ("HEAD", "/v1/accounts", &r, p, allow),
                "HEAD is served as GET");
}

Test (router, unknown_path_is_404_and_wrong_method_405_with_allow)
{
  const struct route *r = NULL;
  char p[256], allow[128];

  cr_assert_eq (ROUTE_NO_PATH, match ("GET", "/v1/nope", &r, p, allow));
  cr_assert_eq (ROUTE_NO_PATH, match ("GET", "/v1/accounts/", &r, p, allow),
                "an empty segment is not an id");
  cr_assert_eq (ROUTE_NO_PATH,
                match ("GET", "/v1/accounts/a/b", &r, p, allow));
  cr_assert_eq (ROUTE_NO_METHOD, match ("PUT", "/v1/accounts", &r, p, allow));
  cr_assert_not_null (strstr (allow, "GET"));
  cr_assert_not_null (strstr (allow, "HEAD"));
  cr_assert_not_null (strstr (allow, "POST"));
}

Test (router, every_route_has_a_handler_and_a_sane_template)
{
  unsigned int n;
  const struct route *t = router_table (&n);

  cr_assert_gt (n, 0);
  for (unsigned int i = 0; i < n; i++)
  {
    cr_assert_not_null (t[i].handler);
    cr_assert_eq ('/', t[i].path[0]);
    if (0 == strncmp (t[i].path, "/v1/", 4)
        && 0 != strcmp (t[i].path, "/v1/openapi.json"))
      cr_assert_neq (ROUTE_PUBLIC, t[i].auth, "%s needs a key", t[i].path);
    cr_assert_eq (0 == strcmp (t[i].method, "POST")
                    || 0 == strcmp (t[i].method, "PUT")
                    || 0 == strcmp (t[i].method, "PATCH"),
                  t[i].body, "%s %s: bodies go with POST, PUT and PATCH",
                  t[i].method, t[i].path);
  }
}

Test (errors, every_code_has_a_row_with_an_error_status)
{
  unsigned int n;
  const struct svc_error_info *t = svc_error_table (&n);

  for (unsigned int i = 0; i < n; i++)
  {
    cr_assert (t[i].status >= 400 && t[i].status < 600);
    cr_assert_not_null (t[i].slug);
    cr_assert_not_null (t[i].title);
    cr_assert_eq (&t[i], svc_error_info (t[i].ec));
  }
  cr_assert_eq (500, svc_error_info ((enum svc_ec) 99999)->status);
}

Test (errors, one_code_per_condition)
{
  unsigned int n;
  const struct svc_error_info *t = svc_error_table (&n);

  for (unsigned int i = 0; i < n; i++)
    for (unsigned int k = i + 1; k < n; k++)
      cr_expect_str_neq (t[i].slug, t[k].slug,
                         "two conditions share the "
                         "code %s",
                         t[i].slug);
}

Test (errors, the_contract_lists_exactly_the_codes_of_the_table)
{
  char err[256] = "";
  json_t *doc = yaml_load_json (RAPPORT_SOURCE_DIR "/openapi/openapi.yaml",
                                err, sizeof (err));
  json_t *codes, *v;
  unsigned int n;
  const struct svc_error_info *t = svc_error_table (&n);
  size_t i;

  cr_assert_not_null (doc, "%s", err);
  codes = json_object_get (
    json_object_get (
      json_object_get (
        json_object_get (json_object_get (json_object_get (doc, "components"),
                                          "schemas"),
                         "Problem"),
        "properties"),
      "code"),
    "enum");
  cr_assert (json_is_array (codes));
  cr_expect_eq (n, json_array_size (codes),
                "the table has %u codes, the "
                "contract %zu",
                n, json_array_size (codes));
  for (unsigned int k = 0; k < n; k++)
  {
    bool listed = false;

    json_array_foreach (codes, i, v)
      listed = listed || 0 == strcmp (json_string_value (v), t[k].slug);
    cr_expect (listed, "%s is not in the contract's Problem.code", t[k].slug);
  }
  json_decref (doc);
}
