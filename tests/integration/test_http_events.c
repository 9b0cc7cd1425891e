/**
 * @file test_http_events.c
 * @brief GET /v1/events: every create, update and delete of the
 *        organization's data in order (a deleted account's calls
 *        included), the risk level changes the refresher stores, a
 *        cursor that resumes exactly where the last page ended, the types
 *        filter, every bad parameter named, and nothing of another
 *        organization.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "spawn.h"
#include "svc/util.h"

/** How long an event may take to be readable (the service under test
    runs with sanitizers; a risk level change needs the refresher). */
#define DEADLINE_MS 15000

/** A page of events after @a cursor (NULL: from the start) of @a types
    (NULL: all), expecting 200. */
static void
events (const struct th_org *org, const char *cursor, const char *types,
        struct th_resp *r)
{
  const char *q = th_fmt ("/v1/events?limit=1000%s%s%s%s",
                          NULL != cursor ? "&since_cursor=" : "",
                          NULL != cursor ? cursor : "",
                          NULL != types ? "&types=" : "",
                          NULL != types ? types : "");

  th_json ("GET", q, org->key, NULL, r);
  cr_assert_eq (200, r->status, "%s", r->body);
  cr_assert (json_is_string (json_object_get (r->json, "next_cursor")));
}

/** The types of page @a r, space-separated, in order. */
static char *
types_of (const struct th_resp *r)
{
  json_t *data = json_object_get (r->json, "data");
  size_t cap = 32 * json_array_size (data) + 1, len = 0;
  char *out = calloc (1, cap);

  for (size_t i = 0; i < json_array_size (data); i++)
    len += (size_t) snprintf (
      out + len, cap - len, "%s%s", i > 0 ? " " : "",
      json_string_value (json_object_get (json_array_get (data, i), "type")));
  return out;
}

/** The cursor at the end of @a org's feed now. */
static char *
end_of_feed (const struct th_org *org)
{
  struct th_resp r;
  char *cursor = NULL;

  do
  {
    char *next;

    events (org, cursor, NULL, &r);
    next = strdup (
      json_string_value (json_object_get (r.json, "next_cursor")));
    free (cursor);
    cursor = next;
    if (! json_is_true (json_object_get (r.json, "has_more")))
      break;
    th_resp_free (&r);
  } while (1);
  th_resp_free (&r);
  return cursor;
}

/**
 * Waits until the feed after @a cursor, of @a types, holds @a want
 * (space-separated types, in order); leaves that page in @a r.
 */
static void
wait_for (const struct th_org *org, const char *cursor, const char *types,
          const char *want, struct th_resp *r)
{
  for (int waited = 0;; waited += 100)
  {
    char *got;
    struct timespec t = { 0, 100 * 1000000L };

    events (org, cursor, types, r);
    got = types_of (r);
    if (0 == strcmp (got, want))
    {
      free (got);
      return;
    }
    cr_assert (waited < DEADLINE_MS, "the feed says \"%s\", not \"%s\"", got,
               want);
    free (got);
    th_resp_free (r);
    nanosleep (&t, NULL);
  }
}

/** The resource types every write of the tests makes. */
#define DATA_TYPES \
  "account.created,account.updated,account.deleted,call.created," \
  "call.updated,call.deleted,contact.created,contact.deleted," \
  "seller.created,seller.deleted"

Test (events, every_write_is_an_event_in_order)
{
  struct th_org org;
  char acct[64], call[64], *start;
  struct th_resp r;
  json_t *ev;

  th_org_new (&org);
  start = end_of_feed (&org);
  th_account_new (org.key, "Acme", acct);
  th_patch (org.key, th_fmt ("/v1/accounts/%s", acct), NULL,
            "{\"stage\":\"customer\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2026-11-02T10:00:00Z\"}", call);
  th_patch (org.key, th_fmt ("/v1/calls/%s", call), NULL,
            "{\"notes\":\"Follow-up booked.\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  th_json ("DELETE", th_fmt ("/v1/calls/%s", call), org.key, NULL, &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  th_resp_free (&r);
  wait_for (&org, start, DATA_TYPES,
            "account.created account.updated call.created call.updated "
            "call.deleted",
            &r);
  ev = json_array_get (json_object_get (r.json, "data"), 2);
  cr_assert_str_eq (json_string_value (json_object_get (ev, "resource")),
                    "call");
  cr_assert_str_eq (json_string_value (json_object_get (ev, "resource_id")),
                    call);
  cr_assert_str_eq (json_string_value (json_object_get (ev, "account_id")),
                    acct);
  cr_assert_eq (1,
                json_integer_value (
                  json_object_get (json_object_get (ev, "data"), "version")));
  cr_assert (json_is_string (json_object_get (ev, "id")));
  cr_assert (json_is_string (json_object_get (ev, "occurred_at")));
  ev = json_array_get (json_object_get (r.json, "data"), 3);
  cr_assert_eq (2,
                json_integer_value (
                  json_object_get (json_object_get (ev, "data"), "version")));
  th_resp_free (&r);
  free (start);
}

Test (events, deleting_an_account_is_seen_for_it_and_what_went_with_it)
{
  struct th_org org;
  char acct[64], contact[64], call[64], *start;
  struct th_resp r;
  json_t *data;

  th_org_new (&org);
  th_account_new (org.key, "Doomed", acct);
  th_contact_new (org.key, acct, "Dana", contact);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2026-11-02T10:00:00Z\"}", call);
  start = end_of_feed (&org);
  th_json ("DELETE", th_fmt ("/v1/accounts/%s", acct), org.key, NULL, &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  th_resp_free (&r);
  wait_for (&org, start, "account.deleted", "account.deleted", &r);
  data = json_object_get (r.json, "data");
  cr_assert_str_eq (json_string_value (
                      json_object_get (json_array_get (data, 0),
                                       "resource_id")),
                    acct);
  th_resp_free (&r);
  /* What went with the account, in the same transaction. */
  events (&org, start, "contact.deleted,call.deleted", &r);
  cr_assert_eq (2, json_array_size (json_object_get (r.json, "data")));
  cr_assert_not_null (strstr (r.body, contact));
  cr_assert_not_null (strstr (r.body, call));
  th_resp_free (&r);
  free (start);
}

Test (events, a_risky_call_changes_the_risk_level_with_its_reasons)
{
  struct th_org org;
  char acct[64], *start;
  struct th_resp r;
  json_t *ev, *data;
  char at[32];
  time_t t = time (NULL) - 3600;

  strftime (at, sizeof (at), "%Y-%m-%dT%H:%M:%SZ", gmtime (&t));
  th_org_new (&org);
  th_account_new (org.key, "Acme", acct);
  wait_for (&org, NULL, "account.risk_level_changed",
            "account.risk_level_changed", &r);
  ev = json_array_get (json_object_get (r.json, "data"), 0);
  data = json_object_get (ev, "data");
  cr_assert (json_is_null (json_object_get (data, "previous")));
  cr_assert_str_eq (json_string_value (json_object_get (ev, "account_id")),
                    acct);
  th_resp_free (&r);

  start = end_of_feed (&org);
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           th_fmt ("{\"occurred_at\":\"%s\",\"signals\":["
                   "\"competitor_mentioned\",\"rfp_issued\","
                   "\"supplier_review\",\"complaint_raised\","
                   "\"service_failure\",\"budget_cut\"],\"notes\":\"They "
                   "issued an RFP, are reviewing suppliers and complained "
                   "about the outage.\"}",
                   at),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  th_resp_free (&r);
  wait_for (&org, start, "account.risk_level_changed",
            "account.risk_level_changed", &r);
  data = json_object_get (json_array_get (json_object_get (r.json, "data"), 0),
                          "data");
  cr_assert (json_is_string (json_object_get (data, "previous")));
  cr_assert_str_neq (json_string_value (json_object_get (data, "previous")),
                     json_string_value (json_object_get (data, "current")));
  cr_assert_gt (json_array_size (json_object_get (data, "top_drivers")), 0);
  th_resp_free (&r);
  free (start);
}

Test (events, a_cursor_resumes_where_the_page_ended)
{
  struct th_org org;
  char a[64], b[64], *start, *middle;
  struct th_resp r;

  th_org_new (&org);
  start = end_of_feed (&org);
  th_account_new (org.key, "First", a);
  wait_for (&org, start, "account.created", "account.created", &r);
  th_resp_free (&r);
  middle = end_of_feed (&org);
  /* Nothing new: an empty page, and the cursor still works. */
  events (&org, middle, "account.created", &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  cr_assert (json_is_false (json_object_get (r.json, "has_more")));
  th_resp_free (&r);
  th_account_new (org.key, "Second", b);
  wait_for (&org, middle, "account.created", "account.created", &r);
  cr_assert_str_eq (json_string_value (json_object_get (
                      json_array_get (json_object_get (r.json, "data"), 0),
                      "resource_id")),
                    b);
  th_resp_free (&r);

  /* Small pages walk the same events. */
  th_json ("GET",
           th_fmt ("/v1/events?types=account.created&limit=1&since_cursor=%s",
                   start),
           org.key, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  cr_assert (json_is_true (json_object_get (r.json, "has_more")));
  cr_assert_str_eq (json_string_value (json_object_get (
                      json_array_get (json_object_get (r.json, "data"), 0),
                      "resource_id")),
                    a);
  th_resp_free (&r);
  free (start);
  free (middle);
}

Test (events, bad_parameters_are_named_and_others_see_nothing)
{
  struct th_org org, other;
  char acct[64], *cursor;
  struct th_resp r;

  th_org_new (&org);
  th_org_new (&other);
  th_json ("GET", "/v1/events?types=account.exploded&limit=0&since_cursor=x",
           org.key, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "types"));
  cr_assert (th_has_error (&r, "limit"));
  th_resp_free (&r);
  th_json ("GET", "/v1/events?since_cursor=bm90IGEgY3Vyc29y", org.key, NULL,
           &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "since_cursor"));
  th_resp_free (&r);

  th_account_new (org.key, "Secret", acct);
  wait_for (&org, NULL, "account.created", "account.created", &r);
  th_resp_free (&r);
  cursor = end_of_feed (&org);
  events (&other, NULL, NULL, &r);
  cr_assert_null (strstr (r.body, acct));
  th_resp_free (&r);
  th_json ("GET", th_fmt ("/v1/events?since_cursor=%s", cursor), other.key,
           NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "since_cursor"));
  th_resp_free (&r);
  free (cursor);
}

/**
 * A cursor the service would have given out @a days ago for @a org at
 * the start of the feed, signed with the service's own secret the way
 * service/api/common.c signs cursors.
 */
static char *
cursor_from (const struct th_org *org, int days)
{
  char *hex = sp_admin_sql (
    "SELECT encode(secret, 'hex') FROM service_secrets WHERE name = 'cursor'");
  uint8_t secret[32], sum[32], mac[32], raw[128];
  char sig[17], key[64], payload[256], *out;
  static const char filters[] = "+events";
  int n;

  cr_assert_not_null (hex);
  for (int i = 0; i < 32; i++)
    sscanf (hex + 2 * i, "%2hhx", &secret[i]);
  free (hex);
  util_sha256 (filters, sizeof (filters), sum);
  util_hex (sum, 8, sig);
  snprintf (key, sizeof (key), "0:0:%lld",
            (long long) time (NULL) - days * 86400LL);
  n = snprintf (payload, sizeof (payload), "1|%s|%s|%s|%s", org->id, sig, key,
                "00000000-0000-0000-0000-000000000000");
  util_hmac_sha256 (secret, 32, payload, (size_t) n, mac);
  n = snprintf ((char *) raw, sizeof (raw), "%s|%s", key,
                "00000000-0000-0000-0000-000000000000");
  memcpy (raw + n, mac, 16);
  out = calloc (1, 4 * ((size_t) n + 16) / 3 + 8);
  util_b64url_encode (raw, (size_t) n + 16, out);
  return out;
}

Test (events, a_cursor_older_than_the_feed_keeps_answers_410)
{
  struct th_org org;
  char *fresh, *old;
  struct th_resp r;

  th_org_new (&org);
  /* A genuine cursor from yesterday still works... */
  fresh = cursor_from (&org, 1);
  events (&org, fresh, NULL, &r);
  th_resp_free (&r);
  /* ...one from before the retention (35 days) does not. */
  old = cursor_from (&org, 40);
  th_json ("GET", th_fmt ("/v1/events?since_cursor=%s", old), org.key, NULL,
           &r);
  th_assert_problem (&r, 410);
  cr_assert_str_eq (th_str (&r, "code"), "cursor-expired");
  th_resp_free (&r);
  free (fresh);
  free (old);
}
