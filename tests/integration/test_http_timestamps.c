/**
 * @file test_http_timestamps.c
 * @brief Every timestamp and date the service accepts is one PostgreSQL
 *        and the engine read the same way: offsets PostgreSQL cannot hold
 *        and instants outside the years 1000 to 9999 (UTC) are a 400 or a
 *        422 naming the field, never a 500; an accepted instant's cursor
 *        is accepted back.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Makes the test's organization. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (timestamps, .init = setup);

Test (timestamps, offsets_postgresql_cannot_hold_are_refused_by_name)
{
  static const char *const bad[] = { "+16:00", "-16:00", "+23:59", "-20:30",
                                     NULL };
  char acct[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  for (const char *const *o = bad; NULL != *o; o++)
  {
    const char *body = th_fmt ("{\"occurred_at\":\"2025-03-04T10:30:00%s\"}",
                               *o);
    char q[16];

    th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key, body,
             &r);
    th_assert_problem (&r, 422);
    cr_assert (th_names_field (&r, "/occurred_at"), "%s", r.body);
    th_resp_free (&r);
    /* The same in a query parameter ('+' as %2B). */
    snprintf (q, sizeof (q), "%s%s", '+' == (*o)[0] ? "%2B" : "-", *o + 1);
    th_request ("GET",
                th_fmt ("/v1/accounts?updated_since=2025-03-04T10:30:00%s", q),
                org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert (th_names_field (&r, "updated_since"), "%s", r.body);
    th_resp_free (&r);
  }
  /* The widest offset PostgreSQL holds still works. */
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           "{\"occurred_at\":\"2025-03-04T10:30:00+15:59\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  th_resp_free (&r);
}

Test (timestamps, as_of_outside_the_years_1000_to_9999_is_400)
{
  static const char *const bad[] = { "0013-01-01", "0001-01-01",
                                     "0999-12-31T23:59:59Z", "10000-01-01",
                                     NULL };
  char acct[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  for (const char *const *a = bad; NULL != *a; a++)
  {
    th_request ("GET",
                th_fmt ("/v1/accounts/%s/assessment?as_of=%s", acct, *a),
                org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert (th_names_field (&r, "as_of"), "%s: %s", *a, r.body);
    th_resp_free (&r);
  }
  th_request ("GET",
              th_fmt ("/v1/accounts/%s/assessment?as_of=1000-01-01", acct),
              org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq ("1000-01-01T23:59:59Z",
                    json_string_value (json_object_get (r.json, "as_of")));
  th_resp_free (&r);
}

Test (timestamps, an_instant_before_the_year_1000_in_utc_is_refused)
{
  char acct[64];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  /* Local 1000-01-01 at +01:00 is 0999-12-31T23:00Z. */
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           "{\"occurred_at\":\"1000-01-01T00:00:00+01:00\"}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_names_field (&r, "/occurred_at"), "%s", r.body);
  th_resp_free (&r);
  /* And 9999-12-31 at -01:00 is in the year 10000. */
  th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
           "{\"occurred_at\":\"9999-12-31T23:30:00-01:00\"}", &r);
  th_assert_problem (&r, 422);
  th_resp_free (&r);
}

Test (timestamps, the_earliest_instant_pages_with_its_own_cursor)
{
  char acct[64];
  struct th_resp r;
  const char *calls;
  const char *next;

  th_account_new (org.key, "Acme", acct);
  calls = th_fmt ("/v1/accounts/%s/calls", acct);
  for (int i = 0; i < 2; i++)
  {
    th_json ("POST", calls, org.key,
             "{\"occurred_at\":\"1000-01-01T00:00:00Z\"}", &r);
    cr_assert_eq (201, r.status, "%s", r.body);
    th_resp_free (&r);
  }
  th_request ("GET", th_fmt ("%s?limit=1", calls), org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  next = json_string_value (json_object_get (r.json, "next_cursor"));
  cr_assert_not_null (next, "%s", r.body);
  next = th_fmt ("%s?limit=1&cursor=%s", calls, next);
  th_resp_free (&r);
  th_request ("GET", next, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "its own cursor was refused: %s", r.body);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
}
