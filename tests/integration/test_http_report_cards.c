/**
 * @file test_http_report_cards.c
 * @brief Report cards over HTTP: every validation rule of ratings
 *        and references, a round trip with merge patches, filters and
 *        pagination.
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

TestSuite (report_cards, .init = setup);

Test (report_cards, report_card_round_trip_and_validation)
{
  char acct[64], other[64], c1[64], elsewhere[64], seller[64], id[64];
  char path[128], *etag;
  char cards[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_seller_new (org.key, "Sam", seller);
  th_contact_new (org.key, acct, "A", c1);
  th_contact_new (org.key, other, "B", elsewhere);
  snprintf (cards, sizeof (cards), "/v1/accounts/%s/report-cards", acct);
  {
    const struct
    {
      const char *body, *field;
    } cases[] = {
      { "{\"ratings\":{\"overall\":4}}", "/received_at" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\"}", "/ratings" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":{}}",
        "/ratings/overall" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":6}}",
        "/ratings/overall" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"responsiveness\":0}}",
        "/ratings/responsiveness" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"value_for_money\":4.5}}",
        "/ratings/value_for_money" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3,\"charm\":5}}",
        "/ratings/charm" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"recommend_score\":11}",
        "/recommend_score" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"recommend_score\":-1}",
        "/recommend_score" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"improvements_requested\":[\"faster\",7]}",
        "/improvements_requested/1" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"follow_up_done\":1}",
        "/follow_up_done" },
      { th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"contact_id\":\"%s\"}",
                elsewhere),
        "/contact_id" },
      { "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":3},\"seller_id\":\"00000000-0000-4000-8000-"
        "000000000000\"}",
        "/seller_id" },
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
                   "\"follow_up_done\":false}",
                   c1, seller),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/report-cards/%s", id);
  cr_assert_eq (2, json_integer_value (
                     json_object_get (json_object_get (r.json, "ratings"),
                                      "promises_kept")));
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "contact_id"), c1);
  cr_assert_eq (8, json_integer_value (
                     json_object_get (r.json, "recommend_score")));
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag,
            "{\"follow_up_done\":true,\"ratings\":"
            "{\"promises_kept\":null}}",
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_true (json_object_get (r.json, "follow_up_done")));
  cr_assert_null (
    json_object_get (json_object_get (r.json, "ratings"), "promises_kept"));
  cr_assert_eq (4, json_integer_value (
                     json_object_get (json_object_get (r.json, "ratings"),
                                      "overall")));
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"ratings\":{\"overall\":null}}", &r);
  th_expect_422 (&r, "/ratings/overall", "overall stays required");
  th_patch (org.key, path, NULL, th_fmt ("{\"contact_id\":\"%s\"}", elsewhere),
            &r);
  th_expect_422 (&r, "/contact_id", "PATCH to another account's contact");
  th_expect_status ("DELETE", path, org.key, NULL, 204);
  th_expect_problem ("GET", path, org.key, NULL, 404);
  free (etag);
}

Test (report_cards, report_card_filters_and_pagination)
{
  char acct[64], s1[64], c1[64], ids[5][64], seen[8][64];
  char cards[128];

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Sam", s1);
  th_contact_new (org.key, acct, "A", c1);
  snprintf (cards, sizeof (cards), "/v1/accounts/%s/report-cards", acct);
  for (int i = 0; i < 5; i++)
    th_create (org.key, cards,
               i < 2 ? th_fmt ("{\"received_at\":\"2025-0%d-10T00:00:00Z\","
                               "\"ratings\":{\"overall\":%d},"
                               "\"seller_id\":\"%s\",\"contact_id\":\"%s\"}",
                               5 - i, i + 1, s1, c1)
                     : th_fmt ("{\"received_at\":\"2025-0%d-10T00:00:00Z\","
                               "\"ratings\":{\"overall\":%d}}",
                               5 - i, i + 1),
               ids[i]);
  cr_assert_eq (5, th_walk (org.key, cards, 2, seen, 8));
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[i], "newest received_at first");
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?seller_id=%s", cards, s1)));
  cr_assert_eq (2, th_count (org.key, th_fmt ("%s?contact_id=%s", cards, c1)));
  cr_assert_eq (3, th_count (org.key,
                             th_fmt ("%s?since=2025-03-10T00:00:00Z", cards)));
  cr_assert_eq (2, th_count (org.key,
                             th_fmt ("%s?until=2025-03-10T00:00:00Z", cards)));
  cr_assert_eq (5, th_count (org.key,
                             th_fmt ("%s?updated_since=2000-01-01T00:00:00Z",
                                     cards)));
  th_expect_problem ("GET", th_fmt ("%s?status=open", cards), org.key, NULL,
                     400);
}

/** Asserts that member @a key of @a got equals the one of @a sent. */
static void
same (const json_t *sent, const json_t *got, const char *key)
{
  char *a = json_dumps (json_object_get (sent, key), JSON_ENCODE_ANY);
  char *b = json_dumps (json_object_get (got, key), JSON_ENCODE_ANY);

  cr_assert (json_equal (json_object_get (sent, key),
                         json_object_get (got, key)),
             "%s: sent %s, got %s", key, a, b);
  free (a);
  free (b);
}

Test (report_cards, text_and_lists_come_back_exactly_as_sent)
{
  /* Every character JSON escapes, and every one PostgreSQL quotes in an
     array's text: what is stored is what a read answers, in the one row,
     in a listing and in the create's own answer. */
  json_t *items = json_pack ("[s,s,s,s,s,s,s,s,s,s]", "a,b", "say \"hi\"",
                             "back\\slash", "{braces}", "NULL", " ",
                             "  spaces  ", "tab\there\nline",
                             "\x01\x1f control", "ünïcödé ✓ 🚀");
  json_t *body = json_pack (
    "{s:s, s:{s:i}, s:s, s:o}", "received_at", "2025-01-15T08:00:00.5Z",
    "ratings", "overall", 4, "comments",
    "Quote \" backslash \\ slash / \b\f\n\r\t \x02 é 日本 🙂 </script>",
    "improvements_requested", items);
  char *text = json_dumps (body, JSON_COMPACT);
  char acct[64], cards[128], path[160];
  struct th_resp r;
  json_t *row;

  th_account_new (org.key, "Acme", acct);
  snprintf (cards, sizeof (cards), "/v1/accounts/%s/report-cards", acct);
  th_json ("POST", cards, org.key, text, &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  same (body, r.json, "comments");
  same (body, r.json, "improvements_requested");
  cr_assert_str_eq (th_str (&r, "received_at"), "2025-01-15T08:00:00.500000Z");
  snprintf (path, sizeof (path), "/v1/report-cards/%s", th_str (&r, "id"));
  th_resp_free (&r);
  th_json ("GET", path, org.key, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  same (body, r.json, "comments");
  same (body, r.json, "improvements_requested");
  cr_assert_str_eq (th_str (&r, "received_at"), "2025-01-15T08:00:00.500000Z");
  th_resp_free (&r);
  th_json ("GET", cards, org.key, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  row = json_array_get (json_object_get (r.json, "data"), 0);
  same (body, row, "comments");
  same (body, row, "improvements_requested");
  th_resp_free (&r);
  free (text);
  json_decref (body);
}

/* A survey tool sends the same answers twice: one report card, updated;
   PATCH by its external id changes only what it sends. */
Test (report_cards, upsert_and_patch_by_external_id)
{
  char acct[64];
  struct th_resp r;
  char id[64];

  th_account_new (org.key, "Acme", acct);
  for (int round = 0; round < 2; round++)
  {
    th_json ("PUT", "/v1/report-cards/by-external-id/nps-31", org.key,
             th_fmt ("{\"account_id\":\"%s\",\"received_at\":"
                     "\"2026-02-01T10:00:00Z\",\"ratings\":{\"overall\":4},"
                     "\"recommend_score\":%d,\"comments\":\"Good support\"}",
                     acct, round ? 9 : 8),
             &r);
    cr_assert_eq (round ? 200 : 201, r.status, "%s", r.body);
    if (0 == round)
      snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
    cr_assert_str_eq (th_str (&r, "id"), id);
    th_resp_free (&r);
  }
  th_request ("GET", th_fmt ("/v1/accounts/%s/report-cards", acct), org.key,
              NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_json ("PATCH", "/v1/report-cards/by-external-id/nps-31", org.key,
           "{\"follow_up_done\":true}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_true (json_object_get (r.json, "follow_up_done")));
  cr_assert_eq (9, json_integer_value (
                     json_object_get (r.json, "recommend_score")));
  cr_assert_str_eq (th_str (&r, "comments"), "Good support");
  th_resp_free (&r);
  th_request ("GET", "/v1/report-cards/by-external-id/nps-31", org.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "id"), id);
  th_resp_free (&r);
}
