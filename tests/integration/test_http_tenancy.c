/**
 * @file test_http_tenancy.c
 * @brief Organizations, API keys and scopes: another tenant's ids are
 *        indistinguishable from unknown ones; scopes and revocation hold.
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

Test (tenancy, read_key_cannot_write_and_write_key_cannot_admin)
{
  struct th_org org;
  struct th_resp r;
  char rkey[128], wkey[128], id[64];

  th_org_new (&org);
  th_key_new (&org, "read", rkey, NULL);
  th_key_new (&org, "write", wkey, NULL);
  th_json ("POST", "/v1/accounts", rkey, "{\"name\":\"Nope\"}", &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", rkey, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")),
                "the refused write wrote nothing");
  th_resp_free (&r);
  th_account_new (wkey, "Written", id);
  th_request ("GET", "/v1/api-keys", wkey, NULL, NULL, &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
  th_json ("POST", "/v1/api-keys", wkey, "{\"scope\":\"admin\"}", &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
}

Test (tenancy, revoked_key_is_refused_on_the_next_request)
{
  struct th_org org;
  struct th_resp r;
  char key[128], id[64], path[128];

  th_org_new (&org);
  th_key_new (&org, "write", key, id);
  th_request ("GET", "/v1/accounts", key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/api-keys/%s", id);
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", key, NULL, NULL, &r);
  th_assert_problem (&r, 401);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
}

Test (tenancy, keys_are_listed_without_secrets_and_shown_once)
{
  struct th_org org;
  struct th_resp r;
  char key[128], id[64];
  json_t *k;
  size_t i;

  th_org_new (&org);
  th_key_new (&org, "read", key, id);
  cr_assert (0 == strncmp (key, "rk_live_", 8));
  th_request ("GET", "/v1/api-keys", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (2, json_array_size (json_object_get (r.json, "data")));
  json_array_foreach (json_object_get (r.json, "data"), i, k)
  {
    cr_assert_null (json_object_get (k, "secret"));
    cr_assert (json_is_string (json_object_get (k, "prefix")));
  }
  cr_assert_null (strstr (r.body, key), "no secret in the listing");
  th_resp_free (&r);
  th_json ("POST", "/v1/api-keys", org.key, "{\"scope\":\"owner\"}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/scope"));
  th_resp_free (&r);
}

Test (tenancy, the_last_admin_key_cannot_be_revoked)
{
  struct th_org org;
  struct th_resp r;
  char path[128];
  json_t *k;
  size_t i;

  th_org_new (&org);
  th_request ("GET", "/v1/api-keys", org.key, NULL, NULL, &r);
  json_array_foreach (json_object_get (r.json, "data"), i, k)
    snprintf (path, sizeof (path), "/v1/api-keys/%s",
              json_string_value (json_object_get (k, "id")));
  th_resp_free (&r);
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 409);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the key still works");
  th_resp_free (&r);
}

Test (tenancy, missing_or_bad_keys_are_401_with_a_challenge)
{
  static const char *const keys[] = { NULL, "", "rk_live_nope",
                                      "' OR 1=1 --", NULL };
  struct th_resp r;

  for (int i = 0; i < 4; i++)
  {
    char *www;

    th_request ("GET", "/v1/accounts", keys[i], NULL, NULL, &r);
    th_assert_problem (&r, 401);
    www = th_header (&r, "WWW-Authenticate");
    cr_assert_not_null (www);
    free (www);
    th_resp_free (&r);
  }
}
