/**
 * @file test_http_values.c
 * @brief Value-discovery documents: an account's and the organization's
 *        {priorities, answers}; empty before the first PUT, replaced by
 *        each PUT, validated field by field, private to the organization.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (values, .init = setup);

/** The priorities object of a values response. */
static json_t *
priorities (const struct th_resp *r)
{
  return json_object_get (r->json, "priorities");
}

Test (values, account_values_are_empty_then_stored_then_replaced)
{
  struct th_resp r;
  char acct[64], path[128], *etag;

  th_account_new (org.key, "Acme", acct);
  snprintf (path, sizeof (path), "/v1/accounts/%s/values", acct);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_object (priorities (&r)));
  cr_assert_eq (0, json_object_size (priorities (&r)));
  cr_assert_eq (0, json_object_size (json_object_get (r.json, "answers")));
  cr_assert (json_is_null (json_object_get (r.json, "updated_at")),
             "nothing recorded yet: %s", r.body);
  th_resp_free (&r);

  th_json ("PUT", path, org.key,
           "{\"priorities\":{\"reliability\":0.8,\"cost_savings\":0.25},"
           "\"answers\":{\"What keeps you up at night?\":"
           "\"Late deliveries \xe2\x80\x94 again\"}}",
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_float_eq (json_number_value (
                        json_object_get (priorities (&r), "reliability")),
                      0.8, 1e-9);
  cr_assert (json_is_string (json_object_get (r.json, "updated_at")));
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag);
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (2, json_object_size (priorities (&r)));
  cr_assert_float_eq (json_number_value (
                        json_object_get (priorities (&r), "cost_savings")),
                      0.25, 1e-9);
  cr_assert_str_eq (json_string_value (
                      json_object_get (json_object_get (r.json, "answers"),
                                       "What keeps you up at night?")),
                    "Late deliveries \xe2\x80\x94 again");
  th_resp_free (&r);

  /* A PUT replaces the whole document. */
  th_json ("PUT", path, org.key, "{\"priorities\":{\"speed\":1}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (1, json_object_size (priorities (&r)));
  cr_assert_eq (0, json_object_size (json_object_get (r.json, "answers")),
                "answers left out are cleared: %s", r.body);
  {
    char *etag2 = th_header (&r, "ETag");

    cr_assert_str_neq (etag, etag2);
    free (etag2);
  }
  th_resp_free (&r);
  free (etag);
  th_json ("PUT", path, org.key, "{}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (0, json_object_size (priorities (&r)));
  th_resp_free (&r);
}

Test (values, every_bad_field_is_reported_and_nothing_stored)
{
  struct th_resp r;
  char acct[64], path[128], body[8192];
  static const struct
  {
    const char *body, *field;
  } cases[] = {
    { "{\"priorities\":{\"luck\":0.5}}", "/priorities/luck" },
    { "{\"priorities\":{\"quality\":1.01}}", "/priorities/quality" },
    { "{\"priorities\":{\"quality\":-0.1}}", "/priorities/quality" },
    { "{\"priorities\":{\"quality\":\"high\"}}", "/priorities/quality" },
    { "{\"priorities\":[\"quality\"]}", "/priorities" },
    { "{\"answers\":{\"q\":42}}", "/answers/q" },
    { "{\"answers\":{\"\":\"empty question\"}}", "/answers/" },
    { "{\"answers\":\"free text\"}", "/answers" },
    { "{\"updated_at\":\"2025-01-01T00:00:00Z\"}", "/updated_at" },
    { "{\"mood\":\"good\"}", "/mood" },
    { "[1]", "" },
  };

  th_account_new (org.key, "Acme", acct);
  snprintf (path, sizeof (path), "/v1/accounts/%s/values", acct);
  for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
  {
    th_json ("PUT", path, org.key, cases[i].body, &r);
    th_assert_problem (&r, 422);
    cr_assert (th_has_error (&r, cases[i].field), "%s: no %s in %s",
               cases[i].body, cases[i].field, r.body);
    th_resp_free (&r);
  }
  /* Two bad priorities and a bad answer: all three at once. */
  th_json ("PUT", path, org.key,
           "{\"priorities\":{\"luck\":1,\"speed\":2},"
           "\"answers\":{\"q\":false}}",
           &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/priorities/luck"));
  cr_assert (th_has_error (&r, "/priorities/speed"));
  cr_assert (th_has_error (&r, "/answers/q"));
  th_resp_free (&r);
  /* An answer of 5,001 characters, and 17 answers. */
  {
    char *big = malloc (5100);

    memset (big, 'a', 5001);
    big[5001] = '\0';
    snprintf (body, sizeof (body), "{\"answers\":{\"q\":\"%s\"}}", big);
    free (big);
  }
  th_json ("PUT", path, org.key, body, &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/answers/q"), "%s", r.body);
  th_resp_free (&r);
  {
    size_t off = (size_t) snprintf (body, sizeof (body), "{\"answers\":{");

    for (int i = 0; i < 17; i++)
      off += (size_t) snprintf (body + off, sizeof (body) - off,
                                "%s\"q%d\":\"a\"", i ? "," : "", i);
    snprintf (body + off, sizeof (body) - off, "}}");
  }
  th_json ("PUT", path, org.key, body, &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/answers"), "17 answers: %s", r.body);
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert (json_is_null (json_object_get (r.json, "updated_at")),
             "no failed PUT stored anything: %s", r.body);
  th_resp_free (&r);
}

Test (values, organization_values_need_an_admin_key_to_change)
{
  struct th_resp r;
  char rkey[128], wkey[128];

  th_key_new (&org, "read", rkey, NULL);
  th_key_new (&org, "write", wkey, NULL);
  th_request ("GET", "/v1/organization/values", rkey, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (0, json_object_size (priorities (&r)));
  cr_assert (json_is_null (json_object_get (r.json, "updated_at")));
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/values", wkey,
           "{\"priorities\":{\"partnership\":0.9}}", &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/values", rkey,
           "{\"priorities\":{\"partnership\":0.9}}", &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/values", org.key,
           "{\"priorities\":{\"partnership\":0.9,\"sustainability\":0.6},"
           "\"answers\":{\"Why us?\":\"Long-term partners\"}}",
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  th_request ("GET", "/v1/organization/values", rkey, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (2, json_object_size (priorities (&r)));
  cr_assert_float_eq (json_number_value (
                        json_object_get (priorities (&r), "sustainability")),
                      0.6, 1e-9);
  cr_assert (json_is_string (json_object_get (r.json, "updated_at")));
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/values", org.key,
           "{\"priorities\":{\"partnership\":7}}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/priorities/partnership"));
  th_resp_free (&r);
  /* Account values are ordinary writes. */
  {
    char acct[64], path[128];

    th_account_new (org.key, "Acme", acct);
    snprintf (path, sizeof (path), "/v1/accounts/%s/values", acct);
    th_json ("PUT", path, wkey, "{\"priorities\":{\"growth\":0.5}}", &r);
    cr_assert_eq (200, r.status, "a write key sets account values: %s",
                  r.body);
    th_resp_free (&r);
    th_json ("PUT", path, rkey, "{\"priorities\":{\"growth\":0.1}}", &r);
    th_assert_problem (&r, 403);
    th_resp_free (&r);
  }
}

Test (values, are_private_to_the_organization)
{
  struct th_org other;
  struct th_resp theirs, unknown, r;
  char acct[64], path[128];
  static const char *const nobody =
    "/v1/accounts/00000000-0000-4000-8000-000000000000/values";

  th_org_new (&other);
  th_account_new (other.key, "Theirs", acct);
  snprintf (path, sizeof (path), "/v1/accounts/%s/values", acct);
  th_json ("PUT", path, other.key, "{\"priorities\":{\"quality\":1}}", &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/values", other.key,
           "{\"priorities\":{\"innovation\":1}}", &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &theirs);
  th_request ("GET", nobody, org.key, NULL, NULL, &unknown);
  th_assert_problem (&theirs, 404);
  th_assert_problem (&unknown, 404);
  {
    char *t = th_stable_body (&theirs);
    char *u = th_stable_body (&unknown);

    cr_assert_str_eq (t, u,
                      "another organization's account is an unknown one");
    free (t);
    free (u);
  }
  th_resp_free (&theirs);
  th_resp_free (&unknown);
  th_json ("PUT", path, org.key, "{\"priorities\":{\"quality\":0}}", &theirs);
  th_json ("PUT", nobody, org.key, "{\"priorities\":{\"quality\":0}}",
           &unknown);
  th_assert_problem (&theirs, 404);
  th_assert_problem (&unknown, 404);
  {
    char *t = th_stable_body (&theirs);
    char *u = th_stable_body (&unknown);

    cr_assert_str_eq (t, u);
    free (t);
    free (u);
  }
  th_resp_free (&theirs);
  th_resp_free (&unknown);
  th_request ("GET", "/v1/accounts/not-a-uuid/values", org.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);

  th_request ("GET", path, other.key, NULL, NULL, &r);
  cr_assert_float_eq (json_number_value (
                        json_object_get (priorities (&r), "quality")),
                      1.0, 1e-9, "their values are untouched");
  th_resp_free (&r);
  th_request ("GET", "/v1/organization/values", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (0, json_object_size (priorities (&r)),
                "each organization has its own: %s", r.body);
  th_resp_free (&r);
}

Test (values, a_long_unknown_member_name_is_named_whole_characters_only)
{
  /* 200 euro signs: the pointer is cut, between characters. */
  struct th_resp r;

  th_json ("PUT", "/v1/organization/values", org.key,
           th_fmt ("{\"%s\":1}", th_repeat ("\xe2\x82\xac", 200)), &r);
  th_expect_one_field_starting (&r, "/\xe2\x82\xac");
  th_resp_free (&r);
}
