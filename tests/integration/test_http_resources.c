/**
 * @file test_http_resources.c
 * @brief Sellers, contacts, calls, report cards and commitments over HTTP:
 *        round trips, every validation rule, filters and pagination,
 *        idempotent retries, upserts by external id, other organizations'
 *        ids (404 in paths, 422 in bodies) and what deletes leave behind.
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

TestSuite (resources, .init = setup);

/* ------------------------------------------------------------ sellers -- */

Test (resources, seller_round_trip_with_values_and_etags)
{
  struct th_resp r;
  char id[64], path[128], *etag, *etag2;

  th_json ("POST", "/v1/sellers", org.key,
           "{\"name\":\"Sam Seller\",\"email\":\"sam@example.com\","
           "\"values\":{\"priorities\":{\"quality\":0.9},"
           "\"answers\":{\"What matters?\":\"Doing it right\"}}}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/sellers/%s", id);
  {
    char *loc = th_header (&r, "Location");

    cr_assert_str_eq (loc, path);
    free (loc);
  }
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag, "a created resource has an ETag");
  cr_assert_str_eq (th_str (&r, "email"), "sam@example.com");
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Sam Seller");
  cr_assert_float_eq (json_number_value (json_object_get (json_object_get (
      json_object_get (r.json, "values"), "priorities"), "quality")), 0.9,
                      1e-9);
  th_resp_free (&r);

  /* Merge patch goes into the nested values and keeps the rest. */
  th_patch (org.key, path, etag,
            "{\"values\":{\"priorities\":{\"speed\":0.4}}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  {
    json_t *p = json_object_get (json_object_get (r.json, "values"),
                                 "priorities");

    cr_assert_eq (2, json_object_size (p), "%s", r.body);
    cr_assert_float_eq (json_number_value (json_object_get (p, "speed")), 0.4,
                        1e-9);
    cr_assert_str_eq (json_string_value (json_object_get (
      json_object_get (json_object_get (r.json, "values"), "answers"),
      "What matters?")), "Doing it right");
  }
  etag2 = th_header (&r, "ETag");
  cr_assert_str_neq (etag, etag2);
  th_resp_free (&r);

  th_patch (org.key, path, etag, "{\"name\":\"Stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_str_eq (th_str (&r, "name"), "Sam Seller",
                    "the 412 changed nothing");
  th_resp_free (&r);

  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  free (etag);
  free (etag2);
}

Test (resources, seller_validation_rules)
{
  static const struct { const char *body, *field; } cases[] = {
    { "{\"email\":\"a@b.c\"}", "/name" },
    { "{\"name\":\"\"}", "/name" },
    { "{\"name\":\"x\",\"email\":\"not-an-email\"}", "/email" },
    { "{\"name\":\"x\",\"email\":\"a b@c.d\"}", "/email" },
    { "{\"name\":\"x\",\"external_id\":\"a/b\"}", "/external_id" },
    { "{\"name\":\"x\",\"values\":{\"priorities\":{\"bogus\":0.5}}}",
      "/values/priorities/bogus" },
    { "{\"name\":\"x\",\"values\":{\"priorities\":{\"quality\":1.5}}}",
      "/values/priorities/quality" },
    { "{\"name\":\"x\",\"values\":{\"answers\":{\"q\":7}}}",
      "/values/answers/q" },
    { "{\"name\":\"x\",\"values\":{\"colour\":{}}}", "/values/colour" },
    { "{\"name\":\"x\",\"values\":[]}", "/values" },
    { "{\"name\":\"x\",\"id\":\"00000000-0000-4000-8000-000000000000\"}",
      "/id" },
    { "{\"name\":\"x\",\"nickname\":\"y\"}", "/nickname" },
  };
  struct th_resp r;

  for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
  {
    th_json ("POST", "/v1/sellers", org.key, cases[i].body, &r);
    th_expect_422 (&r, cases[i].field, cases[i].body);
  }
  cr_assert_eq (0, th_count (org.key, "/v1/sellers"), "nothing was written");
}

Test (resources, seller_upsert_by_external_id_twice_is_one_row)
{
  struct th_resp r;
  char id[64];

  th_json ("PUT", "/v1/sellers/by-external-id/emp-7", org.key,
           "{\"name\":\"Pat\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  cr_assert_str_eq (th_str (&r, "external_id"), "emp-7");
  th_resp_free (&r);
  th_json ("PUT", "/v1/sellers/by-external-id/emp-7", org.key,
           "{\"name\":\"Pat Jones\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  cr_assert_str_eq (th_str (&r, "name"), "Pat Jones");
  th_resp_free (&r);
  th_request ("GET", "/v1/sellers/by-external-id/emp-7", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "id"), id);
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, "/v1/sellers"));
  th_json ("POST", "/v1/sellers", org.key,
           "{\"name\":\"Other Pat\",\"external_id\":\"emp-7\"}", &r);
  th_assert_problem (&r, 409);
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, "/v1/sellers"));
}

Test (resources, seller_filters_and_pagination)
{
  char ids[8][64], seen[8][64], middle[64];
  struct th_resp r;

  for (int i = 0; i < 5; i++)
    th_create (org.key, "/v1/sellers",
               th_fmt ("{\"name\":\"%s %d\"}", i % 2 ? "Alex" : "Blake", i),
               ids[i]);
  cr_assert_eq (5, th_walk (org.key, "/v1/sellers", 2, seen, 8));
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[4 - i], "newest first");
  cr_assert_eq (2, th_count (org.key, "/v1/sellers?q=alex"));
  th_request ("GET", th_fmt ("/v1/sellers/%s", ids[2]), org.key, NULL, NULL,
              &r);
  snprintf (middle, sizeof (middle), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  cr_assert_eq (3, th_count (org.key, th_fmt ("/v1/sellers?updated_since=%s",
                                              middle)));
  th_request ("GET", "/v1/sellers?updated_since=yesterday", org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "updated_since"));
  th_resp_free (&r);
}

/* ----------------------------------------------------------- contacts -- */

Test (resources, contact_round_trip)
{
  struct th_resp r;
  char acct[64], id[64], path[128], *etag;

  th_account_new (org.key, "Acme", acct);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           "{\"name\":\"Dana Buyer\",\"title\":\"CFO\","
           "\"email\":\"dana@acme.test\",\"role\":\"decision_maker\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/contacts/%s", id);
  {
    char *loc = th_header (&r, "Location");

    cr_assert_str_eq (loc, path);
    free (loc);
  }
  cr_assert_str_eq (th_str (&r, "account_id"), acct);
  cr_assert_float_eq (json_number_value (json_object_get (r.json,
                                                          "influence")),
                      0.5, 1e-9, "influence defaults to 0.5");
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "role"), "decision_maker");
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"role\":\"champion\",\"title\":null,"
            "\"influence\":0.9}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "role"), "champion");
  cr_assert (json_is_null (json_object_get (r.json, "title")));
  cr_assert_str_eq (th_str (&r, "name"), "Dana Buyer");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"role\":\"end_user\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"account_id\":\"" "00000000-0000-4000-8000"
            "-000000000000\"}", &r);
  th_expect_422 (&r, "/account_id", "a contact cannot move accounts");
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  cr_assert_eq (0, th_count (org.key, th_fmt ("/v1/accounts/%s/contacts",
                                              acct)));
  free (etag);
}

Test (resources, contact_validation_rules)
{
  static const struct { const char *body, *field; } cases[] = {
    { "{\"role\":\"champion\"}", "/name" },
    { "{\"name\":\"x\",\"role\":\"ceo\"}", "/role" },
    { "{\"name\":\"x\",\"influence\":1.01}", "/influence" },
    { "{\"name\":\"x\",\"influence\":-0.1}", "/influence" },
    { "{\"name\":\"x\",\"influence\":\"high\"}", "/influence" },
    { "{\"name\":\"x\",\"email\":\"@nope\"}", "/email" },
    { "{\"name\":\"x\",\"title\":\"\"}", "/title" },
    { "{\"name\":\"x\",\"external_id\":\"\"}", "/external_id" },
    { "{\"name\":\"x\",\"account_id\":\"00000000-0000-4000-8000-"
      "000000000000\"}", "/account_id" },
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
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/contacts",
                                              acct)));
  th_json ("POST", "/v1/accounts/00000000-0000-4000-8000-000000000000/"
           "contacts", org.key, "{\"name\":\"x\"}", &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
}

Test (resources, contact_filters_and_pagination)
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
                       i < 2 ? "O'Neil" : "Smith", i, roles[i]), ids[i]);
  snprintf (list, sizeof (list), "/v1/accounts/%s/contacts", acct);
  cr_assert_eq (5, th_walk (org.key, list, 2, seen, 8),
                "only this account's contacts");
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[4 - i], "newest first");
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?role=champion", list)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?q=o%%27neil", list)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?q=smith&role=champion",
                                              list)));
  th_request ("GET", th_fmt ("/v1/contacts/%s", ids[3]), org.key, NULL, NULL,
              &r);
  snprintf (since, sizeof (since), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?updated_since=%s", list,
                                              since)));
  th_patch (org.key, th_fmt ("/v1/contacts/%s", ids[0]), NULL,
            "{\"title\":\"VP\"}", &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  cr_assert_eq (3, th_count (org.key, th_fmt ("%s?updated_since=%s", list,
                                              since)),
                "a changed contact shows up in a sync");
  {
    char cursor[256];

    th_request ("GET", th_fmt ("%s?limit=1", list), org.key, NULL, NULL, &r);
    snprintf (cursor, sizeof (cursor), "%s",
              json_string_value (json_object_get (r.json, "next_cursor")));
    th_resp_free (&r);
    th_request ("GET", th_fmt ("/v1/accounts/%s/contacts?limit=1&cursor=%s",
                               other, cursor), org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert (th_has_error (&r, "cursor"),
               "a cursor does not carry over to another account");
    th_resp_free (&r);
  }
  th_request ("GET", th_fmt ("%s?role=boss&colour=red", list), org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  th_request ("GET", th_fmt ("%s?role=boss", list), org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "role"));
  th_resp_free (&r);
}

Test (resources, contact_put_by_external_id)
{
  struct th_resp r;
  char acct[64], other[64], id[64];

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
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           th_fmt ("{\"name\":\"Lee Park\",\"role\":\"influencer\","
                   "\"account_id\":\"%s\"}", acct), &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  cr_assert_str_eq (th_str (&r, "role"), "influencer");
  th_resp_free (&r);
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           th_fmt ("{\"name\":\"Lee Park\",\"role\":\"influencer\","
                   "\"account_id\":\"%s\"}", acct), &r);
  cr_assert_eq (200, r.status, "an unchanged upsert is a 200: %s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/contacts",
                                              acct)));
  th_json ("PUT", "/v1/contacts/by-external-id/p-1", org.key,
           th_fmt ("{\"name\":\"Lee\",\"account_id\":\"%s\"}", other), &r);
  th_expect_422 (&r, "/external_id", "an external id of another account");
  cr_assert_eq (0, th_count (org.key, th_fmt ("/v1/accounts/%s/contacts",
                                              other)));
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", other), org.key,
           "{\"name\":\"Lee\",\"external_id\":\"p-1\"}", &r);
  th_assert_problem (&r, 409);
  th_resp_free (&r);
  th_request ("GET", "/v1/contacts/by-external-id/p-1", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Lee Park");
  th_resp_free (&r);
}

/* -------------------------------------------------------------- calls -- */

Test (resources, call_round_trip)
{
  struct th_resp r;
  char acct[64], seller[64], c1[64], c2[64], id[64], path[128], *etag;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Sam\"}", seller);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"B\"}", c2);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00+02:00\","
                   "\"seller_id\":\"%s\",\"contact_ids\":[\"%s\",\"%s\"],"
                   "\"channel\":\"video\",\"kind\":\"discovery\","
                   "\"duration_minutes\":45,\"seller_talk_ratio\":0.35,"
                   "\"questions_asked\":12,\"topics\":[\"business\","
                   "\"pricing\"],\"signals\":[\"competitor_mentioned\","
                   "\"asked_for_advice\"],"
                   "\"notes\":\"They compared us with a rival.\","
                   "\"next_step\":\"Send a proposal\","
                   "\"next_step_agreed\":true,\"external_id\":\"gong-1\"}",
                   seller, c1, c2), &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/calls/%s", id);
  cr_assert_str_eq (th_str (&r, "occurred_at"), "2025-03-04T08:30:00.000000Z",
                    "timestamps come back in UTC");
  cr_assert_eq (2, json_array_size (json_object_get (r.json, "contact_ids")));
  cr_assert_str_eq (json_string_value (json_array_get (json_object_get (
    r.json, "signals"), 0)), "competitor_mentioned");
  cr_assert (json_is_true (json_object_get (r.json, "next_step_agreed")));
  cr_assert_eq (45, json_integer_value (json_object_get (r.json,
                                                         "duration_minutes")));
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "seller_id"), seller);
  cr_assert_str_eq (th_str (&r, "kind"), "discovery");
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag,
            th_fmt ("{\"contact_ids\":[\"%s\"],\"signals\":null,"
                    "\"duration_minutes\":50}", c2), &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "contact_ids")));
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "signals")),
                "nulling a list resets it to empty");
  cr_assert_str_eq (th_str (&r, "occurred_at"), "2025-03-04T08:30:00.000000Z");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"notes\":\"stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", "/v1/calls/by-external-id/gong-1", org.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  free (etag);
}

Test (resources, call_validation_rules)
{
  char acct[64], other[64], c1[64], elsewhere[64];
  struct th_resp r;
  char calls[128];
  char *notes = malloc (40010);
  char *bad = malloc (40200);

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", other),
             "{\"name\":\"B\"}", elsewhere);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  {
    const struct { const char *body, *field; } cases[] = {
      { "{\"notes\":\"x\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04 10:30\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-02-30T10:30:00Z\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"seller_id\":\"x\"}",
        "/seller_id" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"seller_id\":"
        "\"00000000-0000-4000-8000-000000000000\"}", "/seller_id" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"channel\":\"fax\"}",
        "/channel" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"kind\":\"lunch\"}",
        "/kind" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"duration_minutes\":1441}",
        "/duration_minutes" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"duration_minutes\":-1}",
        "/duration_minutes" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"duration_minutes\":2.5}",
        "/duration_minutes" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"seller_talk_ratio\":1.2}",
        "/seller_talk_ratio" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"questions_asked\":-3}",
        "/questions_asked" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"topics\":[\"weather\"]}",
        "/topics/0" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"topics\":\"pricing\"}",
        "/topics" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"signals\":"
        "[\"budget_cut\",\"sunny\"]}", "/signals/1" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"signals\":"
        "[\"budget_cut\",\"budget_cut\"]}", "/signals/1" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"next_step_agreed\":"
        "\"yes\"}", "/next_step_agreed" },
      { th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}", c1, c1), "/contact_ids/1" },
      { th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}", c1, elsewhere), "/contact_ids" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"contact_ids\":[\"x\"]}",
        "/contact_ids/0" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json ("POST", calls, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  /* notes: 20,000 characters (here of two bytes each) but not 20,001. */
  for (int i = 0; i < 20001; i++)
    memcpy (notes + 2 * i, "\xc3\xa9", 2);
  notes[40002] = '\0';
  snprintf (bad, 40200, "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
            "\"notes\":\"%s\"}", notes);
  th_json ("POST", calls, org.key, bad, &r);
  th_expect_422 (&r, "/notes", "20,001 characters");
  notes[40000] = '\0';
  snprintf (bad, 40200, "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
            "\"notes\":\"%s\"}", notes);
  th_json ("POST", calls, org.key, bad, &r);
  cr_assert_eq (201, r.status, "20,000 characters: %.200s", r.body);
  cr_assert_eq (20000, json_string_length (json_object_get (r.json,
                                                            "notes")) / 2);
  th_resp_free (&r);
  /* A body that is not UTF-8 is not JSON. */
  th_json ("POST", calls, org.key,
           "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"notes\":\"caf\xe9\"}",
           &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, calls), "only the one good call");
  free (notes);
  free (bad);
}

Test (resources, call_list_order_filters_and_pagination)
{
  static const char *const months[] = { "2025-02", "2025-04", "2025-01",
                                        "2025-03", "2025-05", "2025-03" };
  char acct[64], s1[64], s2[64], c1[64], c2[64], ids[6][64], seen[8][64];
  char calls[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, "/v1/sellers", "{\"name\":\"One\"}", s1);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Two\"}", s2);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"B\"}", c2);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  for (int i = 0; i < 6; i++)
    th_create (org.key, calls,
               th_fmt ("{\"occurred_at\":\"%s-01T12:00:00Z\","
                       "\"seller_id\":\"%s\",\"contact_ids\":[\"%s\"]}",
                       months[i], i % 2 ? s2 : s1, i < 4 ? c1 : c2), ids[i]);
  cr_assert_eq (6, th_walk (org.key, calls, 4, seen, 8));
  {
    /* Newest occurred_at first, whatever order they were written in. */
    char prev[64] = "9999";

    for (int i = 0; i < 6; i++)
    {
      th_request ("GET", th_fmt ("/v1/calls/%s", seen[i]), org.key, NULL, NULL,
                  &r);
      cr_assert (strcmp (th_str (&r, "occurred_at"), prev) <= 0,
                 "%s after %s", th_str (&r, "occurred_at"), prev);
      snprintf (prev, sizeof (prev), "%s", th_str (&r, "occurred_at"));
      th_resp_free (&r);
    }
    cr_assert_str_eq (seen[0], ids[4]);
    cr_assert_str_eq (seen[5], ids[2]);
  }
  cr_assert_eq (4, th_count (org.key, th_fmt ("%s?since=2025-03-01T12:00:00Z",
                                              calls)), "since is inclusive");
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?until=2025-03-01T12:00:00Z",
                                              calls)), "until is exclusive");
  cr_assert_eq (3, th_count (org.key, th_fmt ("%s?since=2025-02-01T00:00:00Z&"
                                              "until=2025-04-01T00:00:00Z",
                                              calls)));
  cr_assert_eq (3, th_count (org.key, th_fmt ("%s?seller_id=%s", calls, s2)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?contact_id=%s", calls, c2)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?contact_id=%s&seller_id=%s",
                                              calls, c2, s2)));
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("%s?updated_since=2999-01-01T00:00:00Z",
                                     calls)));
  cr_assert_eq (3, th_walk (org.key, th_fmt ("%s?seller_id=%s", calls, s1), 1,
                            seen, 8), "filters hold across pages");
  th_request ("GET", th_fmt ("%s?since=march&contact_id=1", calls), org.key,
              NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "since"));
  cr_assert (th_has_error (&r, "contact_id"));
  th_resp_free (&r);
}

Test (resources, call_upsert_by_external_id_twice_is_one_row)
{
  struct th_resp r;
  char acct[64], id[64];
  const char *body;

  th_account_new (org.key, "Acme", acct);
  body = th_fmt ("{\"account_id\":\"%s\","
                 "\"occurred_at\":\"2025-01-02T09:00:00Z\",\"kind\":\"demo\"}",
                 acct);
  th_json ("PUT", "/v1/calls/by-external-id/zoom-9", org.key, body, &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  th_resp_free (&r);
  th_json ("PUT", "/v1/calls/by-external-id/zoom-9", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"occurred_at\":"
                   "\"2025-01-02T09:00:00Z\",\"kind\":\"negotiation\"}", acct),
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  cr_assert_str_eq (th_str (&r, "kind"), "negotiation");
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
  th_json ("PUT", "/v1/calls/by-external-id/zoom-9", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"kind\":\"demo\"}", acct), &r);
  th_expect_422 (&r, "/occurred_at", "an upsert is validated like a create");
}

/* ------------------------------------------------------- report cards -- */

Test (resources, report_card_round_trip_and_validation)
{
  char acct[64], other[64], c1[64], elsewhere[64], seller[64], id[64];
  char path[128], *etag;
  char cards[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Sam\"}", seller);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", other),
             "{\"name\":\"B\"}", elsewhere);
  snprintf (cards, sizeof (cards), "/v1/accounts/%s/report-cards", acct);
  {
    const struct { const char *body, *field; } cases[] = {
      { "{\"ratings\":{\"overall\":4}}", "/received_at" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\"}", "/ratings" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":{}}",
        "/ratings/overall" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":6}}", "/ratings/overall" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"responsiveness\":0}}", "/ratings/responsiveness" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"value_for_money\":4.5}}",
        "/ratings/value_for_money" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"charm\":5}}", "/ratings/charm" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"recommend_score\":11}", "/recommend_score" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"recommend_score\":-1}", "/recommend_score" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"improvements_requested\":[\"faster\",7]}",
        "/improvements_requested/1" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"follow_up_done\":1}", "/follow_up_done" },
      { th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"contact_id\":\"%s\"}", elsewhere),
        "/contact_id" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"seller_id\":\"00000000-0000-4000-8000-"
        "000000000000\"}", "/seller_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json ("POST", cards, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  cr_assert_eq (0, th_count (org.key, cards));

  th_json ("POST", cards, org.key,
           th_fmt ("{\"received_at\":\"2025-01-15T08:00:00Z\",\"contact_id\":"
                   "\"%s\",\"seller_id\":\"%s\",\"ratings\":{\"overall\":4,"
                   "\"responsiveness\":5,\"promises_kept\":2},"
                   "\"recommend_score\":8,"
                   "\"comments\":\"Good, slow on fixes\","
                   "\"improvements_requested\":[\"faster fixes\"],"
                   "\"follow_up_done\":false}", c1, seller), &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/report-cards/%s", id);
  cr_assert_eq (2, json_integer_value (json_object_get (json_object_get (
    r.json, "ratings"), "promises_kept")));
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "contact_id"), c1);
  cr_assert_eq (8, json_integer_value (json_object_get (r.json,
                                                        "recommend_score")));
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"follow_up_done\":true,\"ratings\":"
            "{\"promises_kept\":null}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_true (json_object_get (r.json, "follow_up_done")));
  cr_assert_null (json_object_get (json_object_get (r.json, "ratings"),
                                   "promises_kept"));
  cr_assert_eq (4, json_integer_value (json_object_get (json_object_get (
    r.json, "ratings"), "overall")));
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"ratings\":{\"overall\":null}}", &r);
  th_expect_422 (&r, "/ratings/overall", "overall stays required");
  th_patch (org.key, path, NULL, th_fmt ("{\"contact_id\":\"%s\"}", elsewhere),
            &r);
  th_expect_422 (&r, "/contact_id", "PATCH to another account's contact");
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  free (etag);
}

Test (resources, report_card_filters_and_pagination)
{
  char acct[64], s1[64], c1[64], ids[5][64], seen[8][64];
  char cards[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Sam\"}", s1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  snprintf (cards, sizeof (cards), "/v1/accounts/%s/report-cards", acct);
  for (int i = 0; i < 5; i++)
    th_create (org.key, cards,
               i < 2 ? th_fmt ("{\"received_at\":\"2025-0%d-10T00:00:00Z\","
                               "\"ratings\":{\"overall\":%d},"
                               "\"seller_id\":\"%s\",\"contact_id\":\"%s\"}",
                               5 - i, i + 1, s1, c1)
                     : th_fmt ("{\"received_at\":\"2025-0%d-10T00:00:00Z\","
                               "\"ratings\":{\"overall\":%d}}", 5 - i, i + 1),
               ids[i]);
  cr_assert_eq (5, th_walk (org.key, cards, 2, seen, 8));
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[i], "newest received_at first");
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?seller_id=%s", cards, s1)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?contact_id=%s", cards, c1)));
  cr_assert_eq (3, th_count (org.key, th_fmt ("%s?since=2025-03-10T00:00:00Z",
                                              cards)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?until=2025-03-10T00:00:00Z",
                                              cards)));
  cr_assert_eq (5, th_count (org.key,
                             th_fmt ("%s?updated_since=2000-01-01T00:00:00Z",
                                     cards)));
  th_request ("GET", th_fmt ("%s?status=open", cards), org.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
}

/* -------------------------------------------------------- commitments -- */

Test (resources, commitment_round_trip_status_and_resolved_at)
{
  char acct[64], seller[64], id[64], path[128];
  char list[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Sam\"}", seller);
  snprintf (list, sizeof (list), "/v1/accounts/%s/commitments", acct);
  {
    const struct { const char *body, *field; } cases[] = {
      { "{\"made_at\":\"2025-01-01T00:00:00Z\"}", "/description" },
      { "{\"description\":\"\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
        "/description" },
      { "{\"description\":\"Fix it\"}", "/made_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"due_date\":\"2025-13-01\"}", "/due_date" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"status\":\"pending\"}", "/status" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"resolved_at\":\"2025-02-01T00:00:00Z\"}", "/resolved_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"status\":\"open\",\"resolved_at\":\"2025-02-01T00:00:00Z\"}",
        "/resolved_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"seller_id\":\"00000000-0000-4000-8000-000000000000\"}",
        "/seller_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json ("POST", list, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  th_json ("POST", list, org.key,
           th_fmt ("{\"description\":\"Ship the fix by Friday\",\"made_at\":"
                   "\"2025-01-01T09:00:00Z\",\"due_date\":\"2025-01-03\","
                   "\"seller_id\":\"%s\"}", seller), &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/commitments/%s", id);
  cr_assert_str_eq (th_str (&r, "status"), "open", "status defaults to open");
  cr_assert (json_is_null (json_object_get (r.json, "resolved_at")));
  cr_assert_str_eq (th_str (&r, "due_date"), "2025-01-03");
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"status\":\"kept\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_string (json_object_get (r.json, "resolved_at")),
             "leaving open sets resolved_at: %s", r.body);
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"status\":\"broken\",\"resolved_at\":"
            "\"2025-01-04T00:00:00Z\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "resolved_at"), "2025-01-04T00:00:00.000000Z");
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"status\":\"open\",\"resolved_at\":null}",
            &r);
  cr_assert_eq (200, r.status, "reopened: %s", r.body);
  cr_assert (json_is_null (json_object_get (r.json, "resolved_at")));
  th_resp_free (&r);
  th_json ("POST", list, org.key,
           "{\"description\":\"Call back\",\"made_at\":"
           "\"2025-02-01T09:00:00Z\",\"status\":\"kept\",\"resolved_at\":"
           "\"2025-02-02T10:00:00Z\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "resolved_at"), "2025-02-02T10:00:00.000000Z");
  th_resp_free (&r);
  th_json ("POST", list, org.key,
           "{\"description\":\"Discount\",\"made_at\":"
           "\"2025-03-01T09:00:00Z\",\"status\":\"broken\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert (json_is_string (json_object_get (r.json, "resolved_at")));
  th_resp_free (&r);

  cr_assert_eq (3, th_count (org.key, list));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?status=open", list)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?status=kept", list)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?seller_id=%s", list,
                                              seller)));
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("%s?updated_since=2999-01-01T00:00:00Z",
                                     list)));
  cr_assert_eq (3, th_count (org.key,
                             th_fmt ("%s?updated_since=2000-01-01T00:00:00Z",
                                     list)));
  {
    char seen[4][64];

    cr_assert_eq (3, th_walk (org.key, list, 1, seen, 4));
    cr_assert_str_eq (seen[2], id, "oldest made_at last");
  }
  th_request ("GET", th_fmt ("%s?status=done", list), org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "status"));
  th_resp_free (&r);
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  cr_assert_eq (2, th_count (org.key, list));
}

/* ---------------------------------------------- idempotency, tenancy -- */

Test (resources, idempotent_retry_for_every_resource)
{
  char acct[64];
  struct th_resp a, b, c;

  th_account_new (org.key, "Acme", acct);
  {
    const struct { const char *list, *body, *other; } cases[] = {
      { "/v1/sellers", "{\"name\":\"Sam\"}", "{\"name\":\"Kim\"}" },
      { th_fmt ("/v1/accounts/%s/contacts", acct), "{\"name\":\"Dana\"}",
        "{\"name\":\"Eve\"}" },
      { th_fmt ("/v1/accounts/%s/calls", acct),
        "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}",
        "{\"occurred_at\":\"2025-01-02T00:00:00Z\"}" },
      { th_fmt ("/v1/accounts/%s/report-cards", acct),
        "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":5}}",
        "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":1}}" },
      { th_fmt ("/v1/accounts/%s/commitments", acct),
        "{\"description\":\"Demo\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
        "{\"description\":\"Quote\",\"made_at\":\"2025-01-01T00:00:00Z\"}" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      char key[64];
      const char *h[] = { "Content-Type: application/json", key, NULL };
      char *replayed, *l1, *l2;

      snprintf (key, sizeof (key), "Idempotency-Key: retry-%zu", i);
      th_request ("POST", cases[i].list, org.key, cases[i].body, h, &a);
      cr_assert_eq (201, a.status, "%s: %s", cases[i].list, a.body);
      th_request ("POST", cases[i].list, org.key, cases[i].body, h, &b);
      cr_assert_eq (201, b.status, "%s: %s", cases[i].list, b.body);
      cr_assert_str_eq (a.body, b.body, "the retry gets the same resource");
      replayed = th_header (&b, "Idempotent-Replayed");
      cr_assert_not_null (replayed, "%s", cases[i].list);
      cr_assert_str_eq (replayed, "true");
      l1 = th_header (&a, "Location");
      l2 = th_header (&b, "Location");
      cr_assert_str_eq (l1, l2);
      th_request ("POST", cases[i].list, org.key, cases[i].other, h, &c);
      th_assert_problem (&c, 422);
      cr_assert_eq (1, th_count (org.key, cases[i].list),
                    "%s: one row after a retry and a reuse", cases[i].list);
      free (replayed);
      free (l1);
      free (l2);
      th_resp_free (&a);
      th_resp_free (&b);
      th_resp_free (&c);
    }
  }
}

/* Regression (fixed; was a bug in service/api/idempotency.c, api_idem_claim): a replayed 201 has
   the stored body and Location but no ETag, so a client whose first
   response was lost cannot PATCH with If-Match without reading the
   resource again; every other single-resource response carries one.
  */
Test (resources, a_replayed_create_has_an_etag)
{
  const char *h[] = { "Content-Type: application/json",
                      "Idempotency-Key: etag-1", NULL };
  struct th_resp a, b;
  char *e1, *e2;

  th_request ("POST", "/v1/sellers", org.key, "{\"name\":\"Sam\"}", h, &a);
  th_request ("POST", "/v1/sellers", org.key, "{\"name\":\"Sam\"}", h, &b);
  cr_assert_eq (201, b.status);
  e1 = th_header (&a, "ETag");
  e2 = th_header (&b, "ETag");
  cr_assert_not_null (e1);
  cr_assert_not_null (e2, "the replayed 201 has no ETag");
  cr_assert_str_eq (e1, e2);
  free (e1);
  free (e2);
  th_resp_free (&a);
  th_resp_free (&b);
}

Test (resources, another_organizations_ids_are_identical_404s)
{
  struct th_org other;
  char acct[64], seller[64], contact[64], call[64], card[64], pledge[64];
  struct th_resp r, unknown;

  th_org_new (&other);
  th_account_new (other.key, "Theirs", acct);
  th_create (other.key, "/v1/sellers", "{\"name\":\"Their seller\","
             "\"external_id\":\"s-x\"}", seller);
  th_create (other.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"Their contact\",\"external_id\":\"c-x\"}", contact);
  th_create (other.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\",\"external_id\":"
             "\"k-x\"}", call);
  th_create (other.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
             "{\"overall\":3}}", card);
  th_create (other.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             "{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
             pledge);
  {
    const struct { const char *mine, *unknown; } paths[] = {
      { th_fmt ("/v1/sellers/%s", seller),
        "/v1/sellers/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/contacts/%s", contact),
        "/v1/contacts/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/calls/%s", call),
        "/v1/calls/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/report-cards/%s", card),
        "/v1/report-cards/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/commitments/%s", pledge),
        "/v1/commitments/00000000-0000-4000-8000-000000000000" },
      { "/v1/sellers/by-external-id/s-x", "/v1/sellers/by-external-id/s-y" },
      { "/v1/contacts/by-external-id/c-x",
        "/v1/contacts/by-external-id/c-y" },
      { "/v1/calls/by-external-id/k-x", "/v1/calls/by-external-id/k-y" },
      { th_fmt ("/v1/accounts/%s/contacts", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/contacts" },
      { th_fmt ("/v1/accounts/%s/calls", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/calls" },
      { th_fmt ("/v1/accounts/%s/report-cards", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/report-cards" },
      { th_fmt ("/v1/accounts/%s/commitments", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/commitments" },
    };

    for (size_t i = 0; i < sizeof (paths) / sizeof (paths[0]); i++)
    {
      th_request ("GET", paths[i].mine, org.key, NULL, NULL, &r);
      th_request ("GET", paths[i].unknown, org.key, NULL, NULL, &unknown);
      th_assert_problem (&r, 404);
      th_assert_problem (&unknown, 404);
      cr_assert_str_eq (r.body, unknown.body, "%s", paths[i].mine);
      th_resp_free (&r);
      th_resp_free (&unknown);
      if (i < 5)
      {
        th_patch (org.key, paths[i].mine, NULL, "{}", &r);
        th_assert_problem (&r, 404);
        th_resp_free (&r);
        th_request ("DELETE", paths[i].mine, org.key, NULL, NULL, &r);
        th_assert_problem (&r, 404);
        th_resp_free (&r);
      }
    }
  }
  /* Writing under their account is a 404 too, and writes nothing. */
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           "{\"name\":\"Intruder\"}", &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_json ("PUT", "/v1/contacts/by-external-id/c-new", org.key,
           th_fmt ("{\"name\":\"Intruder\",\"account_id\":\"%s\"}", acct), &r);
  th_expect_422 (&r, "/account_id", "PUT into another organization's account");
  th_request ("GET", th_fmt ("/v1/contacts/%s", contact), other.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Their contact", "untouched");
  th_resp_free (&r);
  cr_assert_eq (1, th_count (other.key, th_fmt ("/v1/accounts/%s/contacts",
                                                acct)));
}

Test (resources, another_organizations_ids_in_bodies_are_422_never_links)
{
  struct th_org other;
  char their_acct[64], their_seller[64], their_contact[64];
  char acct[64], contact[64], call[64];
  struct th_resp r;

  th_org_new (&other);
  th_account_new (other.key, "Theirs", their_acct);
  th_create (other.key, "/v1/sellers", "{\"name\":\"Their seller\"}",
             their_seller);
  th_create (other.key, th_fmt ("/v1/accounts/%s/contacts", their_acct),
             "{\"name\":\"Their contact\"}", their_contact);
  th_account_new (org.key, "Mine", acct);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"M\"}", contact);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}", call);
  {
    const struct { const char *method, *path, *body, *field; } cases[] = {
      { "POST", "/v1/accounts", th_fmt ("{\"name\":\"x\",\"owner_id\":\"%s\"}",
                                        their_seller), "/owner_id" },
      { "POST", th_fmt ("/v1/accounts/%s/calls", acct),
        th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}", their_seller), "/seller_id" },
      { "POST", th_fmt ("/v1/accounts/%s/calls", acct),
        th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}", contact, their_contact), "/contact_ids" },
      { "POST", th_fmt ("/v1/accounts/%s/report-cards", acct),
        th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"contact_id\":\"%s\"}", their_contact),
        "/contact_id" },
      { "POST", th_fmt ("/v1/accounts/%s/report-cards", acct),
        th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"seller_id\":\"%s\"}", their_seller),
        "/seller_id" },
      { "POST", th_fmt ("/v1/accounts/%s/commitments", acct),
        th_fmt ("{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}", their_seller), "/seller_id" },
      { "PATCH", th_fmt ("/v1/calls/%s", call),
        th_fmt ("{\"seller_id\":\"%s\"}", their_seller), "/seller_id" },
      { "PATCH", th_fmt ("/v1/calls/%s", call),
        th_fmt ("{\"contact_ids\":[\"%s\"]}", their_contact), "/contact_ids" },
      { "PUT", "/v1/calls/by-external-id/k-1",
        th_fmt ("{\"account_id\":\"%s\","
                "\"occurred_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}", acct, their_seller), "/seller_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json (cases[i].method, cases[i].path, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  cr_assert_eq (1, th_count (org.key, "/v1/accounts"));
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
  cr_assert_eq (0, th_count (org.key, th_fmt ("/v1/accounts/%s/report-cards",
                                              acct)));
  cr_assert_eq (0, th_count (org.key, th_fmt ("/v1/accounts/%s/commitments",
                                              acct)));
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert (json_is_null (json_object_get (r.json, "seller_id")));
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "contact_ids")));
  th_resp_free (&r);
}

/* ------------------------------------------------------------ deletes -- */

Test (resources, deleting_an_account_deletes_everything_in_it)
{
  char acct[64], keep[64], contact[64], call[64], card[64], pledge[64], x[64];
  struct th_resp r;

  th_account_new (org.key, "Doomed", acct);
  th_account_new (org.key, "Kept", keep);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"Dana\",\"external_id\":\"c-1\"}", contact);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"external_id\":\"call-1\",\"contact_ids\":[\"%s\"]}",
                     contact), call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":3}}",
                     contact), card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             "{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
             pledge);
  th_json ("PUT", th_fmt ("/v1/accounts/%s/values", acct), org.key,
           "{\"priorities\":{\"quality\":1}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", keep),
             "{\"name\":\"K\"}", x);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", keep),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}", x);

  th_request ("DELETE", th_fmt ("/v1/accounts/%s", acct), org.key, NULL, NULL,
              &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  th_resp_free (&r);
  {
    const char *gone[] = {
      th_fmt ("/v1/contacts/%s", contact), th_fmt ("/v1/calls/%s", call),
      th_fmt ("/v1/report-cards/%s", card),
      th_fmt ("/v1/commitments/%s", pledge),
      "/v1/contacts/by-external-id/c-1", "/v1/calls/by-external-id/call-1",
      th_fmt ("/v1/accounts/%s/values", acct),
      th_fmt ("/v1/accounts/%s/calls", acct),
    };

    for (size_t i = 0; i < sizeof (gone) / sizeof (gone[0]); i++)
    {
      th_request ("GET", gone[i], org.key, NULL, NULL, &r);
      th_assert_problem (&r, 404);
      th_resp_free (&r);
    }
  }
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/contacts",
                                              keep)),
                "the other account keeps its contacts");
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", keep)));
  th_json ("PUT", "/v1/contacts/by-external-id/c-1", org.key,
           th_fmt ("{\"name\":\"Dana again\",\"account_id\":\"%s\"}", keep),
           &r);
  cr_assert_eq (201, r.status, "the external id is free again: %s", r.body);
  th_resp_free (&r);
}

Test (resources, deleting_a_seller_keeps_the_history_without_them)
{
  char seller[64], acct[64], call[64], card[64], pledge[64];
  struct th_resp r;

  th_create (org.key, "/v1/sellers", "{\"name\":\"Leaver\"}", seller);
  th_create (org.key, "/v1/accounts",
             th_fmt ("{\"name\":\"Acme\",\"owner_id\":\"%s\"}", seller), acct);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\",\"notes\":\"kept\"}", seller),
             call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\",\"ratings\":{\"overall\":2}}",
                     seller), card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             th_fmt ("{\"description\":\"x\","
                     "\"made_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\"}", seller), pledge);
  th_request ("DELETE", th_fmt ("/v1/sellers/%s", seller), org.key, NULL, NULL,
              &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  th_resp_free (&r);
  {
    const struct { const char *path, *field; } kept[] = {
      { th_fmt ("/v1/accounts/%s", acct), "owner_id" },
      { th_fmt ("/v1/calls/%s", call), "seller_id" },
      { th_fmt ("/v1/report-cards/%s", card), "seller_id" },
      { th_fmt ("/v1/commitments/%s", pledge), "seller_id" },
    };

    for (size_t i = 0; i < sizeof (kept) / sizeof (kept[0]); i++)
    {
      th_request ("GET", kept[i].path, org.key, NULL, NULL, &r);
      cr_assert_eq (200, r.status, "%s is still readable", kept[i].path);
      cr_assert (json_is_null (json_object_get (r.json, kept[i].field)),
                 "%s: %s", kept[i].path, r.body);
      th_resp_free (&r);
    }
  }
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/calls?seller_id=%s",
                                     acct, seller)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
}

Test (resources, deleting_a_contact_takes_it_out_of_calls_and_cards)
{
  char acct[64], c1[64], c2[64], call[64], card[64];
  char *call_etag;
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"B\"}", c2);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_ids\":[\"%s\",\"%s\"]}", c1, c2), call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":4}}", c1),
             card);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  call_etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_request ("DELETE", th_fmt ("/v1/contacts/%s", c1), org.key, NULL, NULL,
              &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);

  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "contact_ids")),
                "%s", r.body);
  cr_assert_str_eq (json_string_value (json_array_get (json_object_get (
    r.json, "contact_ids"), 0)), c2);
  {
    char *etag = th_header (&r, "ETag");

    cr_assert_str_neq (etag, call_etag, "the call changed, so did its ETag");
    free (etag);
  }
  th_resp_free (&r);
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/calls?contact_id=%s",
                                     acct, c1)));
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status, "the card stays");
  cr_assert (json_is_null (json_object_get (r.json, "contact_id")), "%s",
             r.body);
  cr_assert_eq (4, json_integer_value (json_object_get (json_object_get (
    r.json, "ratings"), "overall")));
  th_resp_free (&r);
  free (call_etag);
}

/* Regression (fixed; was a bug in migrations/0002_resources.sql, report_cards' and the other
   ON DELETE SET NULL foreign keys): deleting a contact nulls a report
   card's contact_id (and deleting a seller nulls seller_id / owner_id)
   through a bare FK action that bumps neither `version` nor `updated_at`.
   The card's representation changes but its ETag stays the same, and an
   integration syncing with ?updated_since= never sees the change.  Calls
   are handled (rapport_contact_deleted() bumps them); the SET NULL paths
   are not. */
Test (resources, nulled_references_change_etag_and_updated_at)
{
  char acct[64], c1[64], card[64], seller[64], call[64];
  char before[64], *etag, *etag2, *cetag, *cetag2;
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_create (org.key, "/v1/sellers", "{\"name\":\"Leaver\"}", seller);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"A\"}", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":4}}", c1),
             card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\"}", seller), call);
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cetag = th_header (&r, "ETag");
  snprintf (before, sizeof (before), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  th_request ("DELETE", th_fmt ("/v1/contacts/%s", c1), org.key, NULL, NULL,
              &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("DELETE", th_fmt ("/v1/sellers/%s", seller), org.key, NULL, NULL,
              &r);
  cr_assert_eq (204, r.status);
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  cr_assert (json_is_null (json_object_get (r.json, "contact_id")));
  etag2 = th_header (&r, "ETag");
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert (json_is_null (json_object_get (r.json, "seller_id")));
  cetag2 = th_header (&r, "ETag");
  th_resp_free (&r);
  cr_assert_str_neq (etag, etag2, "the card changed: its ETag must too");
  cr_assert_str_neq (cetag, cetag2, "the call changed: its ETag must too");
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/report-cards?"
                                              "updated_since=%s", acct,
                                              before)),
                "a sync must see the card whose contact went away");
  free (etag);
  free (etag2);
  free (cetag);
  free (cetag2);
}

/* Regression (fixed; was a bug in service/util/util.c, util_is_timestamp, and the YYYY format of
   service/store/resource.c out_columns): the year is checked on the local
   date only, so instants just outside 0001..9999 in UTC are accepted.
   9999-12-31T23:59:59-05:00 is stored and comes back as
   "10000-01-01T04:59:59.000000Z", which the API itself rejects: every
   later PATCH of the call (even of notes only) is a 422 on /occurred_at.
   0001-01-01T00:00:00+05:00 is 1 BC in UTC and comes back as
   "0001-12-31T19:00:00.000000Z", a different instant.  Now refused
   up front: timestamps are limited to years 1000..9998. */
Test (resources, accepted_timestamps_round_trip)
{
  char acct[64], id[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           "{\"occurred_at\":\"9999-12-31T23:59:59-05:00\"}", &r);
  if (201 == r.status)
  {
    snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
    th_resp_free (&r);
    th_patch (org.key, th_fmt ("/v1/calls/%s", id), NULL, "{\"notes\":\"x\"}",
              &r);
    cr_assert_eq (200, r.status, "an accepted call cannot be patched: %s",
                  r.body);
  }
  else
    th_expect_422 (&r, "/occurred_at", "or it is refused up front");
  th_resp_free (&r);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           "{\"occurred_at\":\"0001-01-01T00:00:00+05:00\"}", &r);
  if (201 == r.status)
    cr_assert_str_neq (th_str (&r, "occurred_at"),
                       "0001-12-31T19:00:00.000000Z",
                       "1 BC comes back as a year later");
  th_resp_free (&r);
}
