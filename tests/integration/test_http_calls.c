/**
 * @file test_http_calls.c
 * @brief Calls over HTTP: a round trip in UTC, every validation rule,
 *        newest occurred_at first with since/until and the other filters,
 *        upserts by external id, timestamps at the edges of the years
 *        accepted, and transcripts: their turns' rules and limits, their
 *        contacts, through PATCH, PUT and batch, and a PATCH of only the
 *        transcript re-assessing the account.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* ---------------------------------------------------------- transcripts -- */

/** An id that never existed anywhere. */
#define NEVER "7e1f0c4a-9b3d-4c2e-8f6a-5d4b3a2c1e0f"

/** @a id in upper case, in one of th_fmt's buffers. */
static const char *
upper (const char *id)
{
  char *out = (char *) th_fmt ("%s", id);

  for (char *p = out; *p; p++)
    if (*p >= 'a' && *p <= 'f')
      *p = (char) (*p - 'a' + 'A');
  return out;
}

/**
 * A call body whose transcript has @a n turns, turn i of @a len copies of
 * @a unit as its text (new: the caller frees it).
 */
static char *
transcript_body (int n, int len, const char *unit)
{
  size_t cap = (size_t) n * ((size_t) len * strlen (unit) + 64) + 128;
  char *body = malloc (cap);
  size_t off = (size_t) snprintf (body, cap,
                                  "{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                                  "\"transcript\":[");

  for (int i = 0; i < n; i++)
  {
    off += (size_t) snprintf (body + off, cap - off,
                              "%s{\"speaker\":\"S\",\"role\":\"buyer\","
                              "\"text\":\"",
                              0 == i ? "" : ",");
    for (int k = 0; k < len; k++)
      off += (size_t) snprintf (body + off, cap - off, "%s", unit);
    off += (size_t) snprintf (body + off, cap - off, "\"}");
  }
  snprintf (body + off, cap - off, "]}");
  return body;
}

/** The transcript of response @a r (borrowed). */
static json_t *
transcript_of (const struct th_resp *r)
{
  return json_object_get (r->json, "transcript");
}

/** Member @a name of turn @a i of @a r's transcript, as a string or "". */
static const char *
turn_str (const struct th_resp *r, size_t i, const char *name)
{
  const char *s = json_string_value (
    json_object_get (json_array_get (transcript_of (r), i), name));

  return NULL != s ? s : "";
}

Test (calls, transcript_round_trip_patch_and_clear)
{
  char acct[64], kim[64], path[128], plain[64], *etag;
  struct th_resp r, g;

  th_account_new (org.key, "Acme", acct);
  th_contact_new (org.key, acct, "Kim", kim);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                   "\"notes\":\"Price came up.\",\"transcript\":["
                   "{\"speaker\":\"Kim\",\"role\":\"buyer\","
                   "\"contact_id\":\"%s\",\"text\":\"What does it cost?\"},"
                   "{\"speaker\":\"Sam\",\"role\":\"seller\","
                   "\"text\":\"Yes.\"},"
                   "{\"speaker\":\"Sam\",\"role\":\"seller\","
                   "\"text\":\"Yes.\"},"
                   "{\"speaker\":\"Pat (partner)\",\"role\":\"other\","
                   "\"contact_id\":null,\"text\":\"\"}]}",
                   upper (kim)),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert_eq (4, json_array_size (transcript_of (&r)),
                "two equal turns are two turns");
  cr_assert_str_eq (turn_str (&r, 0, "contact_id"), kim,
                    "a contact id comes back as every id does, lower case");
  cr_assert_str_eq (turn_str (&r, 0, "text"), "What does it cost?");
  cr_assert_str_eq (turn_str (&r, 1, "role"), "seller");
  cr_assert_str_eq (turn_str (&r, 3, "speaker"), "Pat (partner)");
  snprintf (path, sizeof (path), "/v1/calls/%s", th_str (&r, "id"));

  /* Read back, alone and in the listing, exactly as written. */
  th_request ("GET", path, org.key, NULL, NULL, &g);
  cr_assert_eq (200, g.status);
  cr_assert (json_equal (transcript_of (&r), transcript_of (&g)), "%s",
             g.body);
  etag = th_header (&g, "ETag");
  th_resp_free (&g);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2025-03-01T10:30:00Z\"}", plain);
  th_request ("GET", th_fmt ("/v1/accounts/%s/calls", acct), org.key, NULL,
              NULL, &g);
  cr_assert_eq (200, g.status);
  cr_assert (json_equal (
    transcript_of (&r),
    json_object_get (json_array_get (json_object_get (g.json, "data"), 0),
                     "transcript")));
  cr_assert (json_is_null (json_object_get (
               json_array_get (json_object_get (g.json, "data"), 1),
               "transcript")),
             "a call without one says null: %s", g.body);
  th_resp_free (&g);
  th_resp_free (&r);

  /* PATCH replaces it whole, keeps it when left out, and clears it. */
  th_patch (org.key, path, etag,
            "{\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
            "\"text\":\"Deal.\"}]}",
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (1, json_array_size (transcript_of (&r)));
  cr_assert_str_eq (turn_str (&r, 0, "text"), "Deal.");
  cr_assert_str_eq (th_str (&r, "notes"), "Price came up.");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"notes\":\"stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"notes\":\"Agreed.\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (turn_str (&r, 0, "text"), "Deal.");
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"transcript\":null}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_null (transcript_of (&r)), "%s", r.body);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &g);
  cr_assert (json_is_null (transcript_of (&g)), "%s", g.body);
  cr_assert_str_eq (th_str (&g, "notes"), "Agreed.");
  th_resp_free (&g);
  free (etag);
}

Test (calls, transcript_validation_rules)
{
  char acct[64], calls[128];
  struct th_resp r;
  char *body;

  th_account_new (org.key, "Acme", acct);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  {
#define AT "\"occurred_at\":\"2025-03-04T10:30:00Z\","
#define OK_TURN "{\"speaker\":\"Kim\",\"role\":\"buyer\",\"text\":\"Hi\"}"
    const struct
    {
      const char *body, *field;
    } cases[] = {
      { "{" AT "\"transcript\":\"Kim: hi\"}", "/transcript" },
      { "{" AT "\"transcript\":{\"speaker\":\"Kim\"}}", "/transcript" },
      { "{" AT "\"transcript\":[" OK_TURN ",7]}", "/transcript/1" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"boss\","
        "\"text\":\"Hi\"}]}",
        "/transcript/0/role" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"text\":\"Hi\"}]}",
        "/transcript/0/role" },
      { "{" AT "\"transcript\":[" OK_TURN ",{\"speaker\":\"Kim\","
        "\"role\":\"buyer\"}]}",
        "/transcript/1/text" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
        "\"text\":null}]}",
        "/transcript/0/text" },
      { "{" AT "\"transcript\":[{\"role\":\"buyer\",\"text\":\"Hi\"}]}",
        "/transcript/0/speaker" },
      { "{" AT "\"transcript\":[{\"speaker\":\"\",\"role\":\"buyer\","
        "\"text\":\"Hi\"}]}",
        "/transcript/0/speaker" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
        "\"text\":\"Hi\",\"mood\":\"calm\"}]}",
        "/transcript/0/mood" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
        "\"text\":\"Hi\",\"contact_id\":\"kim\"}]}",
        "/transcript/0/contact_id" },
      { "{" AT "\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
        "\"text\":\"Hi\",\"contact_id\":\"" NEVER "\"}]}",
        "/transcript/0/contact_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json ("POST", calls, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  /* Every bad member of every turn at once, beside the call's own. */
  th_json ("POST", calls, org.key,
           "{\"kind\":\"lunch\",\"transcript\":[" OK_TURN ","
           "{\"speaker\":\"Kim\",\"role\":\"boss\"},"
           "{\"speaker\":\"Sam\",\"role\":\"seller\",\"text\":\"Hi\","
           "\"tone\":\"warm\"}]}",
           &r);
  th_assert_problem (&r, 422);
  cr_assert_eq (5, json_array_size (json_object_get (r.json, "errors")), "%s",
                r.body);
  cr_assert (th_has_error (&r, "/occurred_at"));
  cr_assert (th_has_error (&r, "/kind"));
  cr_assert (th_has_error (&r, "/transcript/1/role"));
  cr_assert (th_has_error (&r, "/transcript/1/text"));
  cr_assert (th_has_error (&r, "/transcript/2/tone"));
  th_resp_free (&r);
  /* A speaker of 201 characters, a turn of 20,001. */
  th_json ("POST", calls, org.key,
           th_fmt ("{" AT "\"transcript\":[{\"speaker\":\"%s\",\"role\":"
                   "\"buyer\",\"text\":\"Hi\"}]}",
                   th_repeat ("x", 201)),
           &r);
  th_expect_422 (&r, "/transcript/0/speaker", "201 characters");
  body = transcript_body (1, 20001, "a");
  th_json ("POST", calls, org.key, body, &r);
  th_expect_422 (&r, "/transcript/0/text", "a turn of 20,001 characters");
  free (body);
  /* 1,000 turns, not 1,001. */
  body = transcript_body (1001, 1, "a");
  th_json ("POST", calls, org.key, body, &r);
  th_expect_422 (&r, "/transcript", "1,001 turns");
  free (body);
  body = transcript_body (1000, 1, "a");
  th_json ("POST", calls, org.key, body, &r);
  cr_assert_eq (201, r.status, "1,000 turns: %.200s", r.body);
  cr_assert_eq (1000, json_array_size (transcript_of (&r)));
  th_resp_free (&r);
  free (body);
  /* 100,000 characters of text in all (here of two bytes each), not
     100,001: five full turns, then a sixth of one character. */
  body = transcript_body (5, 20000, "\xc3\xa9");
  th_json ("POST", calls, org.key, body, &r);
  cr_assert_eq (201, r.status, "100,000 characters: %.200s", r.body);
  th_resp_free (&r);
  free (body);
  body = transcript_body (5, 20000, "\xc3\xa9");
  {
    size_t len = strlen (body);
    char *more = malloc (len + 128);

    memcpy (more, body, len - 2);
    snprintf (more + len - 2, 128,
              ",{\"speaker\":\"S\",\"role\":\"seller\",\"text\":\"!\"}]}");
    th_json ("POST", calls, org.key, more, &r);
    cr_assert (NULL != strstr (r.body, "100000 characters"), "%s", r.body);
    th_expect_422 (&r, "/transcript", "100,001 characters in all");
    free (more);
  }
  free (body);
  cr_assert_eq (2, th_count (org.key, calls), "only the two good calls");
#undef AT
#undef OK_TURN
}

/** A one-turn transcript spoken by contact @a contact, as a body member. */
static const char *
turn_by (const char *contact)
{
  return th_fmt ("\"transcript\":[{\"speaker\":\"Kim\",\"role\":\"buyer\","
                 "\"text\":\"Hi\"},{\"speaker\":\"Lee\",\"role\":\"buyer\","
                 "\"contact_id\":\"%s\",\"text\":\"Hello\"}]",
                 contact);
}

Test (calls, transcript_contacts_are_contacts_of_the_calls_account)
{
  struct th_org b;
  char acct[64], other[64], mine[64], elsewhere[64], theirs[64], bacct[64];
  char calls[128], path[128], updated[64];
  struct th_resp r, never;

  th_org_new (&b);
  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_contact_new (org.key, acct, "Lee", mine);
  th_contact_new (org.key, other, "Lee Elsewhere", elsewhere);
  th_account_new (b.key, "B's", bacct);
  th_contact_new (b.key, bacct, "Secret Buyer", theirs);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);

  th_json ("POST", calls, org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",%s}",
                   turn_by (elsewhere)),
           &r);
  th_assert_problem (&r, 422);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "errors")), "%s",
                r.body);
  th_expect_422 (&r, "/transcript/1/contact_id", "another account's contact");

  /* Another organization's contact is refused exactly as one that never
     existed: nothing tells it is there. */
  th_json ("POST", calls, org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",%s}",
                   turn_by (theirs)),
           &r);
  th_json ("POST", calls, org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\",%s}",
                   turn_by (NEVER)),
           &never);
  th_assert_problem (&r, 422);
  cr_assert (json_equal (json_object_get (r.json, "errors"),
                         json_object_get (never.json, "errors")),
             "%s\nvs\n%s", r.body, never.body);
  cr_assert_null (strstr (r.body, "Secret"));
  th_resp_free (&never);
  th_expect_422 (&r, "/transcript/1/contact_id", "another organization's");

  /* PATCH and PUT check the merged or whole call the same way. */
  th_json ("POST", calls, org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                   "\"external_id\":\"tr-1\",%s}",
                   turn_by (upper (mine))),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (path, sizeof (path), "/v1/calls/%s", th_str (&r, "id"));
  /* created_at and updated_at are two clock readings of the insert */
  snprintf (updated, sizeof (updated), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  th_patch (org.key, path, NULL, th_fmt ("{%s}", turn_by (theirs)), &r);
  th_expect_422 (&r, "/transcript/1/contact_id", "PATCH");
  th_json ("PUT", "/v1/calls/by-external-id/tr-1", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"occurred_at\":"
                   "\"2025-03-04T10:30:00Z\",%s}",
                   acct, turn_by (elsewhere)),
           &r);
  th_expect_422 (&r, "/transcript/1/contact_id", "PUT");
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_str_eq (turn_str (&r, 1, "contact_id"), mine, "unchanged");
  cr_assert_str_eq (th_str (&r, "updated_at"), updated, "not written");
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, calls));
}

Test (calls, deleting_a_contact_keeps_the_turns_it_spoke)
{
  char acct[64], kim[64], lee[64], path[128], *etag;
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_contact_new (org.key, acct, "Kim", kim);
  th_contact_new (org.key, acct, "Lee", lee);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                   "\"contact_ids\":[\"%s\"],\"transcript\":["
                   "{\"speaker\":\"Kim\",\"role\":\"buyer\","
                   "\"contact_id\":\"%s\",\"text\":\"We will sign.\"},"
                   "{\"speaker\":\"Lee\",\"role\":\"buyer\","
                   "\"contact_id\":\"%s\",\"text\":\"Agreed.\"}]}",
                   lee, kim, lee),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (path, sizeof (path), "/v1/calls/%s", th_str (&r, "id"));
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_expect_status ("DELETE", th_fmt ("/v1/contacts/%s", kim), org.key, NULL,
                    204);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (2, json_array_size (transcript_of (&r)));
  cr_assert_str_eq (turn_str (&r, 0, "speaker"), "Kim");
  cr_assert_str_eq (turn_str (&r, 0, "text"), "We will sign.");
  cr_assert (json_is_null (
               json_object_get (json_array_get (transcript_of (&r), 0),
                                "contact_id")),
             "%s", r.body);
  cr_assert_str_eq (turn_str (&r, 1, "contact_id"), lee);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "contact_ids")));
  th_assert_header (&r, "ETag", "\"2\"");
  th_resp_free (&r);
  th_patch (org.key, path, etag, "{\"notes\":\"stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_patch (org.key, path, "\"2\"", "{\"notes\":\"Signed.\"}", &r);
  cr_assert_eq (200, r.status, "the call stays valid: %s", r.body);
  th_resp_free (&r);
  free (etag);
}

Test (calls, transcripts_through_batch_and_upsert)
{
  char acct[64], other[64], kim[64], elsewhere[64], calls[128];
  const char *items;
  struct th_resp r, g;

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  th_contact_new (org.key, acct, "Kim", kim);
  th_contact_new (org.key, other, "Lee", elsewhere);
  snprintf (calls, sizeof (calls), "/v1/accounts/%s/calls", acct);
  items = th_fmt ("{\"items\":["
                  "{\"op\":\"create\",\"resource\":\"calls\","
                  "\"account_id\":\"%s\",\"data\":{\"occurred_at\":"
                  "\"2025-03-04T10:30:00Z\",%s}},"
                  "{\"op\":\"upsert\",\"resource\":\"calls\","
                  "\"account_id\":\"%s\",\"data\":{\"occurred_at\":"
                  "\"2025-03-05T10:30:00Z\",\"external_id\":\"tr-b\",%s}}]}",
                  acct, turn_by (kim), acct, turn_by (upper (kim)));
  th_json ("POST", "/v1/batch", org.key, items, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  for (size_t i = 0; i < 2; i++)
  {
    th_request ("GET",
                th_fmt ("/v1/calls/%s",
                        json_string_value (json_object_get (
                          json_array_get (json_object_get (r.json, "data"), i),
                          "id"))),
                org.key, NULL, NULL, &g);
    cr_assert_eq (2, json_array_size (transcript_of (&g)), "%s", g.body);
    cr_assert_str_eq (turn_str (&g, 1, "contact_id"), kim);
    th_resp_free (&g);
  }
  th_resp_free (&r);

  /* The same upsert again changes nothing, not even the version. */
  th_json ("PUT", "/v1/calls/by-external-id/tr-b", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"occurred_at\":"
                   "\"2025-03-05T10:30:00Z\",%s}",
                   acct, turn_by (upper (kim))),
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_assert_header (&r, "ETag", "\"1\"");
  th_resp_free (&r);
  /* A whole record: left out, the transcript is cleared. */
  th_json ("PUT", "/v1/calls/by-external-id/tr-b", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"occurred_at\":"
                   "\"2025-03-05T10:30:00Z\"}",
                   acct),
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_null (transcript_of (&r)));
  th_assert_header (&r, "ETag", "\"2\"");
  th_resp_free (&r);

  /* Bad turns are named inside their item, and nothing is written. */
  th_json ("POST", "/v1/batch", org.key,
           th_fmt ("{\"items\":[{\"op\":\"create\",\"resource\":\"calls\","
                   "\"account_id\":\"%s\",\"data\":{\"occurred_at\":"
                   "\"2025-03-04T10:30:00Z\",\"transcript\":[{\"speaker\":"
                   "\"Kim\",\"role\":\"boss\",\"text\":\"Hi\"}]}}]}",
                   acct),
           &r);
  th_expect_422 (&r, "/items/0/data/transcript/0/role", "batch: a bad role");
  th_json ("POST", "/v1/batch", org.key,
           th_fmt ("{\"items\":["
                   "{\"op\":\"create\",\"resource\":\"calls\","
                   "\"account_id\":\"%s\",\"data\":{\"occurred_at\":"
                   "\"2025-03-06T10:30:00Z\",%s}},"
                   "{\"op\":\"create\",\"resource\":\"calls\","
                   "\"account_id\":\"%s\",\"data\":{\"occurred_at\":"
                   "\"2025-03-06T10:30:00Z\",%s}}]}",
                   acct, turn_by (kim), acct, turn_by (elsewhere)),
           &r);
  th_expect_422 (&r, "/items/1/data/transcript/1/contact_id",
                 "batch: another account's contact");
  cr_assert_eq (2, th_count (org.key, calls),
                "the refused batches wrote "
                "nothing");
}

/** How long the stored assessment may take to follow a write here (the
    service under test runs with sanitizers). */
#define DEADLINE_MS 15000

/**
 * Waits until the portfolio shows @a account assessed after @a after (an
 * RFC 3339 instant as the service writes them) and not queued again.
 */
static void
wait_assessed_after (const char *account, const char *after)
{
  for (int waited = 0;; waited += 100)
  {
    struct timespec pause = { 0, 100 * 1000000L };
    struct th_resp r;
    size_t i;
    json_t *row;
    bool done = false;

    th_request ("GET", "/v1/assessments", org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "%s", r.body);
    json_array_foreach (json_object_get (r.json, "data"), i, row)
    {
      const char *at = json_string_value (
        json_object_get (row, "computed_at"));

      if (0
          == strcmp (account,
                     json_string_value (json_object_get (row, "account_id"))))
        done = NULL != at && strcmp (at, after) > 0
               && json_is_false (json_object_get (row, "recomputing"));
    }
    cr_assert (done || waited < DEADLINE_MS,
               "the account was not assessed after %s: %s", after, r.body);
    th_resp_free (&r);
    if (done)
      return;
    nanosleep (&pause, NULL);
  }
}

Test (calls, a_transcript_only_patch_reassesses_the_account)
{
  char acct[64], kim[64], seller[64], path[128], after[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_contact_new (org.key, acct, "Kim", kim);
  th_seller_new (org.key, "Sam", seller);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00Z\","
                   "\"seller_id\":\"%s\",\"contact_ids\":[\"%s\"],"
                   "\"notes\":\"Asked about the price.\",%s}",
                   seller, kim, turn_by (kim)),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (path, sizeof (path), "/v1/calls/%s", th_str (&r, "id"));
  snprintf (after, sizeof (after), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  wait_assessed_after (acct, after);

  th_patch (org.key, path, NULL,
            "{\"transcript\":[{\"speaker\":\"Sam\",\"role\":\"seller\","
            "\"text\":\"What would make this a success for you?\"}]}",
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  snprintf (after, sizeof (after), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  wait_assessed_after (acct, after);

  /* Every assessment reads calls with transcripts. */
  th_expect_status ("GET", th_fmt ("/v1/accounts/%s/assessment", acct),
                    org.key, NULL, 200);
  th_expect_status ("GET", th_fmt ("/v1/contacts/%s/assessment", kim), org.key,
                    NULL, 200);
  th_expect_status ("GET", th_fmt ("/v1/sellers/%s/assessment", seller),
                    org.key, NULL, 200);
}

/** POSTs a call of @a acct by @a seller at @a when; returns its id. */
static void
call_at (const char *acct, const char *seller, const char *when, char id[64])
{
  struct th_resp r;

  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"%s\",\"seller_id\":\"%s\"}", when,
                   seller),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, 64, "%s", th_str (&r, "id"));
  th_resp_free (&r);
}

/* GET /v1/calls: a seller's activity across accounts, newest first, in
   pages, with the accounts named, and nothing of another organization's. */
Test (calls, calls_across_accounts_by_seller)
{
  struct th_org other;
  struct th_resp r;
  char a1[64], a2[64], sam[64], kim[64], c1[64], c2[64], c3[64], ck[64];
  char o_acct[64], o_sel[64], o_call[64];
  const char *want[] = { c3, c2, c1 };
  const char *cursor = NULL;
  char next[512];

  th_account_new (org.key, "North", a1);
  th_account_new (org.key, "South", a2);
  th_seller_new (org.key, "Sam", sam);
  th_seller_new (org.key, "Kim", kim);
  call_at (a1, sam, "2026-03-01T09:00:00Z", c1);
  call_at (a2, sam, "2026-03-02T09:00:00Z", c2);
  call_at (a1, kim, "2026-03-02T12:00:00Z", ck);
  call_at (a2, sam, "2026-03-03T09:00:00Z", c3);
  th_org_new (&other);
  th_account_new (other.key, "Elsewhere", o_acct);
  th_seller_new (other.key, "Sam", o_sel);
  {
    struct th_resp x;

    th_json ("POST", th_fmt ("/v1/accounts/%s/calls", o_acct), other.key,
             th_fmt ("{\"occurred_at\":\"2026-03-04T09:00:00Z\","
                     "\"seller_id\":\"%s\"}",
                     o_sel),
             &x);
    cr_assert_eq (201, x.status);
    snprintf (o_call, sizeof (o_call), "%s", th_str (&x, "id"));
    th_resp_free (&x);
  }
  /* Sam's calls, one per page, across both accounts */
  for (int i = 0; i < 3; i++)
  {
    json_t *item;

    th_request ("GET",
                NULL == cursor
                  ? th_fmt ("/v1/calls?seller_id=%s&limit=1", sam)
                  : th_fmt ("/v1/calls?seller_id=%s&limit=1&cursor=%s", sam,
                            cursor),
                org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "%s", r.body);
    cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
    item = json_array_get (json_object_get (r.json, "data"), 0);
    cr_assert_str_eq (json_string_value (json_object_get (item, "id")),
                      want[i], "page %d", i);
    cr_assert_str_eq (json_string_value (json_object_get (item, "account_id")),
                      i == 2 ? a1 : a2);
    if (i < 2)
    {
      snprintf (next, sizeof (next), "%s",
                json_string_value (json_object_get (r.json, "next_cursor")));
      cursor = next;
    }
    else
      cr_assert (json_is_null (json_object_get (r.json, "next_cursor")));
    th_resp_free (&r);
  }
  /* every call of the organization, a day's window, and no other's */
  th_request ("GET", "/v1/calls?limit=100", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (4, json_array_size (json_object_get (r.json, "data")), "%s",
                r.body);
  cr_assert_null (strstr (r.body, o_call), "another organization's call");
  th_resp_free (&r);
  th_request (
    "GET", "/v1/calls?since=2026-03-02T00:00:00Z&until=2026-03-03T00:00:00Z",
    org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (2, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/calls?seller=x&since=yesterday", org.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 400);
  cr_assert (th_names_field (&r, "seller"));
  cr_assert (th_names_field (&r, "since"));
  th_resp_free (&r);
}
