/**
 * @file test_http_calls.c
 * @brief Calls over HTTP: a round trip in UTC, every validation rule,
 *        newest occurred_at first with since/until and the other filters,
 *        upserts by external id, and timestamps at the edges of the
 *        years accepted.
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

TestSuite (calls, .init = setup);

Test (calls, call_round_trip)
{
  struct th_resp r;
  char acct[64], seller[64], c1[64], c2[64], id[64], path[128], *etag;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Sam", seller);
  th_contact_new (org.key, acct, "A", c1);
  th_contact_new (org.key, acct, "B", c2);
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
                   seller, c1, c2),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/calls/%s", id);
  cr_assert_str_eq (th_str (&r, "occurred_at"), "2025-03-04T08:30:00.000000Z",
                    "timestamps come back in UTC");
  cr_assert_eq (2, json_array_size (json_object_get (r.json, "contact_ids")));
  cr_assert_str_eq (json_string_value (
                      json_array_get (json_object_get (r.json, "signals"), 0)),
                    "competitor_mentioned");
  cr_assert (json_is_true (json_object_get (r.json, "next_step_agreed")));
  cr_assert_eq (45, json_integer_value (
                      json_object_get (r.json, "duration_minutes")));
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "seller_id"), seller);
  cr_assert_str_eq (th_str (&r, "kind"), "discovery");
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_patch (org.key, path, etag,
            th_fmt ("{\"contact_ids\":[\"%s\"],\"signals\":null,"
                    "\"duration_minutes\":50}",
                    c2),
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "contact_ids")));
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "signals")),
                "nulling a list resets it to empty");
  cr_assert_str_eq (th_str (&r, "occurred_at"), "2025-03-04T08:30:00.000000Z");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"notes\":\"stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_expect_status ("DELETE", path, org.key, NULL, 204);
  th_expect_problem ("GET", "/v1/calls/by-external-id/gong-1", org.key, NULL,
                     404);
  free (etag);
}

Test (calls, call_validation_rules)
{
  char acct[64], other[64], c1[64], elsewhere[64];
  struct th_resp r;
  char calls[128];
  char *notes = malloc (40010);
  char *bad = malloc (40200);

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_contact_new (org.key, acct, "A", c1);
  th_contact_new (org.key, other, "B", elsewhere);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  {
    const struct
    {
      const char *body, *field;
    } cases[] = {
      { "{\"notes\":\"x\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04 10:30\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-02-30T10:30:00Z\"}", "/occurred_at" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"seller_id\":\"x\"}",
        "/seller_id" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"seller_id\":"
        "\"00000000-0000-4000-8000-000000000000\"}",
        "/seller_id" },
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
        "[\"budget_cut\",\"sunny\"]}",
        "/signals/1" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"signals\":"
        "[\"budget_cut\",\"budget_cut\"]}",
        "/signals/1" },
      { "{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"next_step_agreed\":"
        "\"yes\"}",
        "/next_step_agreed" },
      { th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}",
                c1, c1),
        "/contact_ids/1" },
      { th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}",
                c1, elsewhere),
        "/contact_ids" },
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
  snprintf (bad, 40200,
            "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
            "\"notes\":\"%s\"}",
            notes);
  th_json ("POST", calls, org.key, bad, &r);
  th_expect_422 (&r, "/notes", "20,001 characters");
  notes[40000] = '\0';
  snprintf (bad, 40200,
            "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
            "\"notes\":\"%s\"}",
            notes);
  th_json ("POST", calls, org.key, bad, &r);
  cr_assert_eq (201, r.status, "20,000 characters: %.200s", r.body);
  cr_assert_eq (20000,
                json_string_length (json_object_get (r.json, "notes")) / 2);
  th_resp_free (&r);
  /* A body that is not UTF-8 is not JSON. */
  th_expect_problem ("POST", calls, org.key,
                     "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                     "\"notes\":\"caf\xe9\"}",
                     400);
  cr_assert_eq (1, th_count (org.key, calls), "only the one good call");
  free (notes);
  free (bad);
}

Test (calls, call_list_order_filters_and_pagination)
{
  static const char *const months[] = { "2025-02", "2025-04", "2025-01",
                                        "2025-03", "2025-05", "2025-03" };
  char acct[64], s1[64], s2[64], c1[64], c2[64], ids[6][64], seen[8][64];
  char calls[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "One", s1);
  th_seller_new (org.key, "Two", s2);
  th_contact_new (org.key, acct, "A", c1);
  th_contact_new (org.key, acct, "B", c2);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  for (int i = 0; i < 6; i++)
    th_create (org.key, calls,
               th_fmt ("{\"occurred_at\":\"%s-01T12:00:00Z\","
                       "\"seller_id\":\"%s\",\"contact_ids\":[\"%s\"]}",
                       months[i], i % 2 ? s2 : s1, i < 4 ? c1 : c2),
               ids[i]);
  cr_assert_eq (6, th_walk (org.key, calls, 4, seen, 8));
  {
    /* Newest occurred_at first, whatever order they were written in. */
    char prev[64] = "9999";

    for (int i = 0; i < 6; i++)
    {
      th_request ("GET", th_fmt ("/v1/calls/%s", seen[i]), org.key, NULL, NULL,
                  &r);
      cr_assert (strcmp (th_str (&r, "occurred_at"), prev) <= 0, "%s after %s",
                 th_str (&r, "occurred_at"), prev);
      snprintf (prev, sizeof (prev), "%s", th_str (&r, "occurred_at"));
      th_resp_free (&r);
    }
    cr_assert_str_eq (seen[0], ids[4]);
    cr_assert_str_eq (seen[5], ids[2]);
  }
  cr_assert_eq (4,
                th_count (org.key,
                          th_fmt ("%s?since=2025-03-01T12:00:00Z", calls)),
                "since is inclusive");
  cr_assert_eq (2,
                th_count (org.key,
                          th_fmt ("%s?until=2025-03-01T12:00:00Z", calls)),
                "until is exclusive");
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
  cr_assert_eq (3,
                th_walk (org.key, th_fmt ("%s?seller_id=%s", calls, s1), 1,
                         seen, 8),
                "filters hold across pages");
  th_request ("GET", th_fmt ("%s?since=march&contact_id=1", calls), org.key,
              NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "since"));
  cr_assert (th_has_error (&r, "contact_id"));
  th_resp_free (&r);
}

Test (calls, call_upsert_by_external_id_twice_is_one_row)
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
                   "\"2025-01-02T09:00:00Z\",\"kind\":\"negotiation\"}",
                   acct),
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

/* Regression (fixed; was a bug in service/util/util.c, util_is_timestamp, and the YYYY format of
   service/store/resource.c out_columns): the year is checked on the local
   date only, so instants just outside 0001..9999 in UTC are accepted.
   9999-12-31T23:59:59-05:00 is stored and comes back as
   "10000-01-01T04:59:59.000000Z", which the API itself rejects: every
   later PATCH of the call (even of notes only) is a 422 on /occurred_at.
   0001-01-01T00:00:00+05:00 is 1 BC in UTC and comes back as
   "0001-12-31T19:00:00.000000Z", a different instant.  Now refused
   up front: timestamps are limited to years 1000..9998. */
Test (calls, accepted_timestamps_round_trip)
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
