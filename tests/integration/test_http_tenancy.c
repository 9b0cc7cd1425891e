/**
 * @file test_http_tenancy.c
 * @brief Organizations: another tenant's ids are indistinguishable from
 *        unknown ones, and its external ids are its own.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

Test (tenancy, another_organizations_account_is_an_identical_404)
{
  struct th_org a, b;
  struct th_resp theirs, unknown, r;
  char id[64], path[128];

  th_org_new (&a);
  th_org_new (&b);
  th_account_new (a.key, "Secret Account", id);
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  th_request ("GET", path, b.key, NULL, NULL, &theirs);
  th_request ("GET", "/v1/accounts/00000000-0000-4000-8000-000000000000",
              b.key, NULL, NULL, &unknown);
  th_assert_problem (&theirs, 404);
  th_assert_problem (&unknown, 404);
  cr_assert_str_eq (theirs.body, unknown.body,
                    "byte-identical to an id that never existed");
  th_resp_free (&theirs);
  th_resp_free (&unknown);

  th_json ("PATCH", path, b.key, "{\"name\":\"Hijacked\"}", &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_request ("DELETE", path, b.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", b.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=Secret", b.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", path, a.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Secret Account", "untouched by the other tenant");
  th_resp_free (&r);
}

Test (tenancy, same_external_id_in_two_organizations_is_two_accounts)
{
  struct th_org a, b;
  struct th_resp ra, rb;

  th_org_new (&a);
  th_org_new (&b);
  th_json ("PUT", "/v1/accounts/by-external-id/ext-1", a.key,
           "{\"name\":\"A's\"}", &ra);
  th_json ("PUT", "/v1/accounts/by-external-id/ext-1", b.key,
           "{\"name\":\"B's\"}", &rb);
  cr_assert_eq (201, ra.status);
  cr_assert_eq (201, rb.status);
  th_resp_free (&ra);
  th_resp_free (&rb);
  th_request ("GET", "/v1/accounts/by-external-id/ext-1", a.key, NULL, NULL,
              &ra);
  cr_assert_str_eq (json_string_value (json_object_get (ra.json, "name")),
                    "A's");
  th_resp_free (&ra);
}
