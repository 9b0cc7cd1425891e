/**
 * @file test_http_paths.c
 * @brief What a path and a query string may hold: invalid UTF-8 and NUL
 *        (%00) anywhere in a path are a 400 and nothing is read or written
 *        through them; unknown query parameters are a 400 on every route;
 *        and every bad parameter of a request is named at once.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Makes the test's organization. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (paths, .init = setup);

/** The number of accounts of the test's organization. */
static size_t
accounts (void)
{
  struct th_resp r;
  size_t n;

  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  n = json_array_size (json_object_get (r.json, "data"));
  th_resp_free (&r);
  return n;
}

Test (paths, invalid_utf8_in_a_path_is_400_and_writes_nothing)
{
  struct th_resp r;

  for (int i = 0; i < 3; i++)
  {
    th_json ("PUT", "/v1/accounts/by-external-id/caf%E9", org.key,
             "{\"name\":\"Cafe\"}", &r);
    th_assert_problem (&r, 400);
    cr_assert (th_names_field (&r, "path"), "%s", r.body);
    th_resp_free (&r);
  }
  cr_assert_eq (0, accounts (), "an invalid path created accounts");
  th_request ("GET", "/v1/accounts/by-external-id/%FF", org.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  /* An overlong encoding of '/' is not UTF-8 either. */
  th_request ("GET", "/v1/accounts/by-external-id/a%C0%AFb", org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  /* Valid UTF-8, percent-encoded, still works. */
  th_json ("PUT", "/v1/accounts/by-external-id/caf%C3%A9", org.key,
           "{\"name\":\"Cafe\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert_str_eq ("café", json_string_value (
                              json_object_get (r.json, "external_id")));
  th_resp_free (&r);
}

Test (paths, a_nul_in_a_path_is_400)
{
  struct th_resp r;
  char body[64];

  th_request ("GET", "/healthz%00/x", NULL, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  snprintf (body, sizeof (body), "{\"name\":\"A\"}");
  th_json ("PUT", "/v1/accounts/by-external-id/acc-A", org.key, body, &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts/by-external-id/acc-A%00junk", org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (NULL == strstr (r.body, "acc-A\""), "acc-A was read: %s", r.body);
  th_resp_free (&r);
}

Test (paths, query_values_must_be_utf8)
{
  struct th_resp r;

  th_request ("GET", "/v1/accounts?q=caf%E9", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_names_field (&r, "q"), "%s", r.body);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=a%00b", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_names_field (&r, "q"), "%s", r.body);
  th_resp_free (&r);
}

Test (paths, unknown_query_parameters_are_400_on_item_routes_too)
{
  /* Path before the id, whose id (s: seller, a: account, -: none), after. */
  static const char *const paths[][3] = {
    { "/v1/sellers/", "s", "/assessment?as-of=2026-06-30" },
    { "/v1/accounts/", "a", "?expand=owner" },
    { "/v1/accounts/", "a", "/assessment?include=risk&asof=2026-01-01" },
    { "/v1/scoring-model?version=1", "-", "" },
    { "/v1/organization/values?x=1", "-", "" },
    { "/healthz?verbose=1", "-", "" }
  };
  char acct[64], seller[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Sam", seller);
  for (size_t i = 0; i < sizeof (paths) / sizeof (paths[0]); i++)
  {
    const char *id = 's' == paths[i][1][0]   ? seller
                     : 'a' == paths[i][1][0] ? acct
                                             : "";
    const char *path = th_fmt ("%s%s%s", paths[i][0], id, paths[i][2]);

    th_request ("GET", path, org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert_str_eq ("invalid-parameter",
                      json_string_value (json_object_get (r.json, "code")),
                      "%s: %s", path, r.body);
    th_resp_free (&r);
  }
}

Test (paths, every_bad_parameter_is_named_at_once)
{
  struct th_resp r;
  char acct[64];

  th_request ("GET", "/v1/accounts?limit=abc&stage=x&foo=1", org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_names_field (&r, "limit"), "%s", r.body);
  cr_assert (th_names_field (&r, "stage"), "%s", r.body);
  cr_assert (th_names_field (&r, "foo"), "%s", r.body);
  th_resp_free (&r);
  th_account_new (org.key, "Acme", acct);
  th_request ("GET",
              th_fmt ("/v1/accounts/%s/assessment?as_of=yesterday&bar=2",
                      acct),
              org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_names_field (&r, "as_of"), "%s", r.body);
  cr_assert (th_names_field (&r, "bar"), "%s", r.body);
  th_resp_free (&r);
}
