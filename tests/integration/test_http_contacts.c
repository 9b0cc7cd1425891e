/**
 * @file test_http_contacts.c
 * @brief Contacts over HTTP: a round trip under their account, every
 *        validation rule (lengths count characters, not bytes), filters,
 *        pagination with cursors bound to the account, and upserts by
 *        external id.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Gives each test an organization of its own. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (contacts, .init = setup);

Test (contacts, contact_round_trip)
{
  struct th_resp r;
  char acct[64], id[64], path[128], *etag;

  th_account_new (org.key, "Acme", acct);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           "{\"name\":\"Dana Buyer\",\"title\":\"CFO\","
           "\"email\":\"dana@acme.test\",\"role\":\"decision_maker\"}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/contacts/%s", id);
  th_assert_header (&r, "Location", path);
  cr_assert_str_eq (th_str (&r, "account_id"), acct);
  cr_assert_float_eq (json_number_value (
                        json_object_get (r.json, "influence")),
                      0.5, 1e-9, "influence defaults to 0.5");
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "role"), "decision_maker");
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag,
            "{\"role\":\"champion\",\"title\":null,"
            "\"influence\":0.9}",
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "role"), "champion");
  cr_assert (json_is_null (json_object_get (r.json, "title")));
  cr_assert_str_eq (th_str (&r, "name"), "Dana Buyer");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"role\":\"end_user\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_patch (org.key, path, NULL,
            "{\"account_id\":\""
            "00000000-0000-4000-8000"
            "-000000000000\"}",
            &r);
  th_expect_422 (&r, "/account_id", "a contact cannot move accounts");
  th_expect_status ("DELETE", path, org.key, NULL, 204);
  th_expect_problem ("GET", path, org.key, NULL, 404);
  cr_assert_eq (0,
                th_count (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)));
  free (etag);
}

Test (contacts, contact_validation_rules)
{
  static const struct
  {
    const char *body, *field;
  } cases[] = {
    { "{\"role\":\"champion\"}", "/name" },
    { "{\"name\":\"x\",\"role\":\"ceo\"}", "/role" },
    { "{\"name\":\"x\",\"influence\":1.01}", "/influence" },
    { "{\"name\":\"x\",\"influence\":-0.1}", "/influence" },
    { "{\"name\":\"x\",\"influence\":\"high\"}", "/influence" },
    { "{\"name\":\"x\",\"email\":\"@nope\"}", "/email" },
    { "{\"name\":\"x\",\"title\":\"\"}", "/title" },
    { "{\"name\":\"x\",\"external_id\":\"\"}", "/external_id" },
    { "{\"name\":\"x\",\"account_id\":\"00000000-0000-4000-8000-"
      "000000000000\"}",
      "/account_id" },
  };
  struct th_resp r;
  char acct[64];
  char name201[420];

  th_account_new (org.key, "Acme", acct);
  for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
  {
    th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
             cases[i].body, &r);
    th_expect_422 (&r, cases[i].field, cases[i].body);
  }
  /* 200 characters of two bytes each are fine; 201 are not. */
  memset (name201, 0, sizeof (name201));
  for (int i = 0; i < 201; i++)
    memcpy (name201 + 2 * i, "\xc3\xa9", 2);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           th_fmt ("{\"name\":\"%s\"}", name201), &r);
  th_expect_422 (&r, "/name", "201 characters");
  name201[400] = '\0';
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           th_fmt ("{\"name\":\"%s\"}", name201), &r);
  cr_assert_eq (201, r.status, "200 two-byte characters: %s", r.body);
  th_resp_free (&r);
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)));
  th_expect_problem ("POST",
                     "/v1/accounts/00000000-0000-4000-8000-000000000000/"
                     "contacts",
                     org.key, "{\"name\":\"x\"}", 404);
}

Test (contacts, contact_filters_and_pagination)
{
  static const char *const roles[] = { "champion", "gatekeeper", "champion",
                                       "procurement", "end_user" };
  char acct[64], other[64], ids[5][64], seen[8][64], id[64], since[64];
  struct th_resp r;
  char list[128];

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", other),
             "{\"name\":\"Elsewhere\",\"role\":\"champion\"}", id);
  for (int i = 0; i < 5; i++)
    th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
               th_fmt ("{\"name\":\"%s %d\",\"role\":\"%s\"}",
                       i < 2 ? "O'Neil" : "Smith", i, roles[i]),
               ids[i]);
  snprintf (list, sizeof (list), "/v1/accounts/%s/contacts", acct);
  cr_assert_eq (5, th_walk (org.key, list, 2, seen, 8),
                "only this account's contacts");
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[4 - i], "newest first");
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?role=champion", list)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?q=o%%27neil", list)));
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("%s?q=smith&role=champion", list)));
  th_request ("GET", th_fmt ("/v1/contacts/%s", ids[3]), org.key, NULL, NULL,
              &r);
  snprintf (since, sizeof (since), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  cr_assert_eq (2, th_count (org.key,
                             th_fmt ("%s?updated_since=%s", list, since)));
  th_patch (org.key, th_fmt ("/v1/contacts/%s", ids[0]), NULL,
            "{\"title\":\"VP\"}", &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  cr_assert_eq (3,
                th_count (org.key,
                          th_fmt ("%s?updated_since=%s", list, since)),
                "a changed contact shows up in a sync");
  {
    char cursor[256];

    th_request ("GET", th_fmt ("%s?limit=1", list), org.key, NULL, NULL, &r);
    snprintf (cursor, sizeof (cursor), "%s",
              json_string_value (json_object_get (r.json, "next_cursor")));
    th_resp_free (&r);
    th_request ("GET",
                th_fmt ("/v1/accounts/%s/contacts?limit=1&cursor=%s", other,
                        cursor),
                org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert (th_has_error (&r, "cursor"),
               "a cursor does not carry over to another account");
    th_resp_free (&r);
  }
  th_expect_problem ("GET", th_fmt ("%s?role=boss&colour=red", list), org.key,
                     NULL, 400);
  th_request ("GET", th_fmt ("%s?role=boss", list), org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "role"));
  th_resp_free (&r);
}

Test (contacts, contact_put_by_external_id)
{
  struct th_resp r;
  char acct[64], other[64], id[64];
  const char *park;

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           "{\"name\":\"No Account\"}", &r);
  th_expect_422 (&r, "/account_id", "PUT needs the account");
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           th_fmt ("{\"name\":\"Lee\",\"account_id\":\"%s\"}", acct), &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  cr_assert_str_eq (th_str (&r, "account_id"), acct);
  th_resp_free (&r);
  park = th_fmt ("{\"name\":\"Lee Park\",\"role\":\"influencer\","
                 "\"account_id\":\"%s\"}",
                 acct);
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key, park, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  cr_assert_str_eq (th_str (&r, "role"), "influencer");
  th_resp_free (&r);
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key, park, &r);
  cr_assert_eq (200, r.status, "an unchanged upsert is a 200: %s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  th_resp_free (&r);
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)));
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           th_fmt ("{\"name\":\"Lee\",\"account_id\":\"%s\"}", other), &r);
  th_expect_422 (&r, "/external_id", "an external id of another account");
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/contacts", other)));
  th_expect_problem ("POST", th_fmt ("/v1/accounts/%s/contacts", other),
                     org.key, "{\"name\":\"Lee\",\"external_id\":\"p-1\"}",
                     409);
  th_request ("GET", "/v1/contacts/by-external-id/p-1", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Lee Park");
  th_resp_free (&r);
}

Test (contacts, an_unchanged_upsert_with_an_upper_case_account_id_is_200)
{
  struct th_resp r;
  char acct[64], up[64];
  const char *body;

  th_account_new (org.key, "Acme", acct);
  for (size_t i = 0; i <= strlen (acct); i++)
    up[i] = (char) ((acct[i] >= 'a' && acct[i] <= 'f') ? acct[i] - 32
                                                       : acct[i]);
  body = th_fmt ("{\"name\":\"Lee\",\"account_id\":\"%s\"}", up);
  th_json ("PUT", "/v1/contacts/by-external-id/u-1", org.key, body, &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "account_id"), acct);
  th_resp_free (&r);
  th_json ("PUT", "/v1/contacts/by-external-id/u-1", org.key, body, &r);
  cr_assert_eq (200, r.status, "the same upsert again: %s", r.body);
  th_resp_free (&r);
}
