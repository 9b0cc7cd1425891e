/**
 * @file test_http_api_keys.c
 * @brief API keys and their scopes: a read key cannot write and a write key
 *        cannot manage keys; revoked, missing and bad keys are 401; secrets
 *        are shown once and never listed; the last admin key stays.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "spawn.h"

static struct th_org org;

/** Gives each test an organization of its own. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (api_keys, .init = setup);

Test (api_keys, read_key_cannot_write_and_write_key_cannot_admin)
{
  struct th_resp r;
  char rkey[128], wkey[128], id[64];

  th_key_new (&org, "read", rkey, NULL);
  th_key_new (&org, "write", wkey, NULL);
  th_expect_problem ("POST", "/v1/accounts", rkey, "{\"name\":\"Nope\"}", 403);
  th_request ("GET", "/v1/accounts", rkey, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")),
                "the refused write wrote nothing");
  th_resp_free (&r);
  th_account_new (wkey, "Written", id);
  th_expect_problem ("GET", "/v1/api-keys", wkey, NULL, 403);
  th_expect_problem ("POST", "/v1/api-keys", wkey, "{\"scope\":\"admin\"}",
                     403);
}

Test (api_keys, revoked_key_is_refused_on_the_next_request)
{
  char key[128], id[64], path[128];

  th_key_new (&org, "write", key, id);
  th_expect_status ("GET", "/v1/accounts", key, NULL, 200);
  snprintf (path, sizeof (path), "/v1/api-keys/%s", id);
  th_expect_status ("DELETE", path, org.key, NULL, 204);
  th_expect_problem ("GET", "/v1/accounts", key, NULL, 401);
  th_expect_problem ("GET", path, org.key, NULL, 404);
}

Test (api_keys, keys_are_listed_without_secrets_and_shown_once)
{
  struct th_resp r;
  char key[128], id[64];
  json_t *k;
  size_t i;

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

Test (api_keys, the_last_admin_key_cannot_be_revoked)
{
  struct th_resp r;
  char path[128];
  json_t *k;
  size_t i;

  th_request ("GET", "/v1/api-keys", org.key, NULL, NULL, &r);
  json_array_foreach (json_object_get (r.json, "data"), i, k)
    snprintf (path, sizeof (path), "/v1/api-keys/%s",
              json_string_value (json_object_get (k, "id")));
  th_resp_free (&r);
  th_expect_problem ("DELETE", path, org.key, NULL, 409);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the key still works");
  th_resp_free (&r);
}

Test (api_keys, missing_or_bad_keys_are_401_with_a_challenge)
{
  static const char *const keys[] = { NULL, "", "rk_live_nope", "' OR 1=1 --",
                                      NULL };
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

/** @a s with its letters in upper case, in one of th_fmt's buffers. */
static const char *
upper (const char *s)
{
  char *u = (char *) th_fmt ("%s", s);

  for (char *p = u; *p; p++)
    if (*p >= 'a' && *p <= 'z')
      *p = (char) (*p - 'a' + 'A');
  return u;
}

Test (api_keys, the_last_admin_key_cannot_be_revoked_by_its_id_in_upper_case)
{
  struct th_resp r;
  const char *id = NULL;
  json_t *k;
  size_t i;

  th_request ("GET", "/v1/api-keys", org.key, NULL, NULL, &r);
  json_array_foreach (json_object_get (r.json, "data"), i, k)
    id = th_fmt ("%s", json_string_value (json_object_get (k, "id")));
  th_resp_free (&r);
  cr_assert_not_null (id);
  th_expect_problem ("DELETE", th_fmt ("/v1/api-keys/%s", upper (id)), org.key,
                     NULL, 409);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the organization was locked out");
  th_resp_free (&r);
  /* An upper-case id reads the same key. */
  th_request ("GET", th_fmt ("/v1/api-keys/%s", upper (id)), org.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (id, th_str (&r, "id"));
  th_resp_free (&r);
}

Test (api_keys, an_organization_has_at_most_the_configured_number_of_keys)
{
  static const char *const env[] = { "RAPPORT_MAX_API_KEYS=3", NULL };
  struct sp_instance in;
  struct th_resp r;
  int made = 0;

  sp_start (&in, env);
  sp_use (&in);
  /* The organization's admin key is one of the three. */
  for (int i = 0; i < 5; i++)
  {
    th_json ("POST", "/v1/api-keys", org.key,
             "{\"name\":\"dashboard\",\"scope\":\"read\"}", &r);
    if (201 == r.status)
      made++;
    else
    {
      th_assert_problem (&r, 409);
      cr_assert_str_eq ("api-key-limit-reached", th_str (&r, "code"));
      th_resp_free (&r);
      break;
    }
    th_resp_free (&r);
  }
  cr_assert_eq (2, made, "%d keys made under a cap of 3", made);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (api_keys, a_key_revoked_on_another_instance_is_refused_within_a_second)
{
  /* Cached keys would live an hour here: only the notice can end them. */
  const char *env[] = { "RAPPORT_KEY_CACHE_TTL_MS=3600000", NULL };
  struct sp_instance in;
  char key[128], id[64];
  long long ms;

  sp_start (&in, env);
  th_key_new (&org, "write", key, id);
  ms = sp_revoke_and_time (in.url, org.key, key, id);
  cr_assert (ms >= 0 && ms <= 1000,
             "the other instance refused the revoked key after %lld ms", ms);
  cr_assert_eq (0, sp_stop (&in, 15));
}
