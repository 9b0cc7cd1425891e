/**
 * @file test_http_portfolio.c
 * @brief GET /v1/assessments: every account ranked by its stored
 *        assessment, which the refresher recomputes after each write (a
 *        risky call moves the account up within seconds), agrees with
 *        GET /v1/accounts/{id}/assessment at the same instant, follows a
 *        change of the organization's weights, filters, and pages with a
 *        keyset cursor.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

/** How long a stored assessment may take to follow a write here (the
    service under test runs with sanitizers). */
#define DEADLINE_MS 15000

static void
sleep_ms (long ms)
{
  struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

  nanosleep (&t, NULL);
}

/** GET the portfolio with @a query ("" or "?..."), expecting 200. */
static void
portfolio (const struct th_org *org, const char *query, struct th_resp *r)
{
  th_json ("GET", th_fmt ("/v1/assessments%s", query), org->key, NULL, r);
  cr_assert_eq (200, r->status, "%s", r->body);
}

/** The row of @a account in portfolio page @a r, or NULL. */
static json_t *
row_of (const struct th_resp *r, const char *account)
{
  json_t *data = json_object_get (r->json, "data");

  for (size_t i = 0; i < json_array_size (data); i++)
  {
    json_t *row = json_array_get (data, i);

    if (0
        == strcmp (account,
                   json_string_value (json_object_get (row, "account_id"))))
      return row;
  }
  return NULL;
}

/**
 * Waits until the first page of the portfolio (riskiest first) satisfies
 * @a ok, leaving that page in @a r.
 */
static void
wait_for (const struct th_org *org, const char *query,
          bool (*ok) (const struct th_resp *r, const void *cls),
          const void *cls, struct th_resp *r)
{
  for (int waited = 0;; waited += 100)
  {
    portfolio (org, query, r);
    if (ok (r, cls))
      return;
    cr_assert (waited < DEADLINE_MS, "the portfolio never got there: %s",
               r->body);
    th_resp_free (r);
    sleep_ms (100);
  }
}

/** What a wait waits for. */
struct want
{
  const char *const *accounts; /**< NULL-terminated */
  const char *first;           /**< the one that must come first, or NULL */
};

/** The test's last call to each account: when it was written. */
static struct
{
  char account[64];
  char at[40]; /**< its created_at */
} writes[16];

/** When the test last wrote a call to @a account, or "". */
static const char *
last_write (const char *account)
{
  for (size_t i = 0; i < sizeof (writes) / sizeof (writes[0]); i++)
    if (0 == strcmp (writes[i].account, account))
      return writes[i].at;
  return "";
}

/**
 * Every account of @a cls is listed, recomputed after the test's last
 * call to it and not queued again, and the first is first.  A result can
 * be stored between a write's statement and its trigger queuing the
 * account (without the write in it): the row then says `recomputing`
 * until the newer one is stored.
 */
static bool
settled_ok (const struct th_resp *r, const void *cls)
{
  const struct want *w = cls;
  json_t *first = json_array_get (json_object_get (r->json, "data"), 0);

  for (const char *const *a = w->accounts; NULL != *a; a++)
  {
    json_t *row = row_of (r, *a);

    if (NULL == row
        || strcmp (json_string_value (json_object_get (row, "computed_at")),
                   last_write (*a))
             <= 0
        || ! json_is_false (json_object_get (row, "recomputing")))
      return false;
  }
  return NULL == w->first
         || (NULL != first
             && 0
                  == strcmp (w->first,
                             json_string_value (
                               json_object_get (first, "account_id"))));
}

/**
 * Waits until the stored assessments of @a accounts take in the test's
 * last call (and @a first, if set, leads the ranking); leaves the first
 * page in @a r.
 */
static void
settled (const struct th_org *org, const char *const *accounts,
         const char *first, struct th_resp *r)
{
  struct want w = { accounts, first };

  wait_for (org, "", &settled_ok, &w, r);
}

/** A call at @a at: a calm one, or one full of risk. */
static void
call (const struct th_org *org, const char *account, const char *at,
      bool risky)
{
  struct th_resp r;

  th_json (
    "POST", th_fmt ("/v1/accounts/%s/calls", account), org->key,
    th_fmt ("{\"occurred_at\":\"%s\",\"notes\":\"%s\","
            "\"signals\":%s}",
            at,
            risky ? "They are talking to a competitor, asked for a supplier "
                    "review and complained about the outages."
                  : "Good meeting; they asked for our advice on the rollout.",
            risky ? "[\"competitor_mentioned\",\"supplier_review\","
                    "\"complaint_raised\"]"
                  : "[\"asked_for_advice\"]"),
    &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  for (size_t i = 0; i < sizeof (writes) / sizeof (writes[0]); i++)
    if ('\0' == writes[i].account[0]
        || 0 == strcmp (writes[i].account, account))
    {
      snprintf (writes[i].account, sizeof (writes[i].account), "%s", account);
      snprintf (writes[i].at, sizeof (writes[i].at), "%s",
                th_str (&r, "created_at"));
      break;
    }
  th_resp_free (&r);
}

/** An hour ago, as RFC 3339 (UTC). */
static const char *
recently (void)
{
  static char buf[32];
  time_t t = time (NULL) - 3600;
  struct tm tm;

  gmtime_r (&t, &tm);
  strftime (buf, sizeof (buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Test (portfolio, a_risky_write_moves_the_account_to_the_top)
{
  struct th_org org;
  char a[64], b[64], c[64];
  const char *all[] = { a, b, c, NULL };
  struct th_resp r;
  json_t *row, *drivers;
  double before;

  th_org_new (&org);
  th_account_new (org.key, "Calm A", a);
  th_account_new (org.key, "Calm B", b);
  th_account_new (org.key, "Soon risky C", c);
  call (&org, a, recently (), false);
  call (&org, b, recently (), false);
  call (&org, c, recently (), false);
  settled (&org, all, NULL, &r);
  before = json_number_value (json_object_get (row_of (&r, c), "risk_score"));
  th_resp_free (&r);

  call (&org, c, recently (), true);
  settled (&org, all, c, &r);
  row = row_of (&r, c);
  cr_assert_gt (json_number_value (json_object_get (row, "risk_score")),
                before);
  cr_assert_str_eq (json_string_value (json_object_get (row, "account_name")),
                    "Soon risky C");
  drivers = json_object_get (row, "top_drivers");
  cr_assert_gt (json_array_size (drivers), 0);
  cr_assert_leq (json_array_size (drivers), 3);
  cr_assert_str_eq (json_string_value (
                      json_object_get (json_array_get (drivers, 0), "driver")),
                    "competitor_activity");
  th_resp_free (&r);
}

/** The assessment endpoint's answer for @a account as of @a as_of. */
static void
assessment (const struct th_org *org, const char *account, const char *as_of,
            struct th_resp *r)
{
  th_json ("GET",
           th_fmt ("/v1/accounts/%s/assessment?as_of=%s", account, as_of),
           org->key, NULL, r);
  cr_assert_eq (200, r->status, "%s", r->body);
}

/** Checks that stored row @a row says what @a full says. */
static void
expect_same (json_t *row, const struct th_resp *full)
{
  json_t *risk = json_object_get (full->json, "buyer_risk");
  json_t *drivers = json_object_get (risk, "drivers");
  json_t *top = json_object_get (row, "top_drivers");
  json_t *primary =
    json_object_get (json_object_get (full->json, "orientation"), "primary");

  cr_assert_float_eq (json_number_value (json_object_get (row, "risk_score")),
                      json_number_value (json_object_get (risk, "score")),
                      1e-9);
  cr_assert_str_eq (json_string_value (json_object_get (row, "risk_level")),
                    json_string_value (json_object_get (risk, "level")));
  cr_assert_str_eq (json_string_value (json_object_get (row, "pillar_status")),
                    json_string_value (
                      json_object_get (json_object_get (full->json, "pillars"),
                                       "status")));
  cr_assert (
    json_equal (json_object_get (row, "primary_orientation"), primary));
  cr_assert_str_eq (json_string_value (json_object_get (row, "model_version")),
                    json_string_value (
                      json_object_get (full->json, "model_version")));
  cr_assert_eq (json_array_size (top),
                json_array_size (drivers) < 3 ? json_array_size (drivers) : 3);
  for (size_t i = 0; i < json_array_size (top); i++)
  {
    json_t *d = json_array_get (drivers, i);
    json_t *t = json_array_get (top, i);

    cr_assert_str_eq (json_string_value (json_object_get (t, "driver")),
                      json_string_value (json_object_get (d, "driver")));
    cr_assert_float_eq (json_number_value (json_object_get (t, "points")),
                        json_number_value (json_object_get (d, "points")),
                        1e-9);
  }
}

Test (portfolio, the_stored_assessment_is_the_one_the_endpoint_gives)
{
  struct th_org org;
  char a[64], b[64], contact[64];
  const char *all[] = { a, b, NULL };
  struct th_resp r, full;

  th_org_new (&org);
  th_account_new (org.key, "Mixed", a);
  th_account_new (org.key, "Quiet", b);
  th_contact_new (org.key, a, "Dana", contact);
  call (&org, a, "2026-09-01T10:00:00Z", true);
  call (&org, a, recently (), false);
  settled (&org, all, NULL, &r);
  for (int i = 0; i < 2; i++)
  {
    json_t *row = row_of (&r, all[i]);
    const char *as_of = json_string_value (json_object_get (row, "as_of"));

    cr_assert_not_null (as_of);
    /* Nothing was written since: no newer assessment is on its way. */
    cr_assert (json_is_false (json_object_get (row, "recomputing")));
    assessment (&org, all[i], as_of, &full);
    expect_same (row, &full);
    th_resp_free (&full);
  }
  th_resp_free (&r);
}

/** Every row of @a cls's version is at weights version 1 or more. */
static bool
reweighted (const struct th_resp *r, const void *cls)
{
  json_t *data = json_object_get (r->json, "data");

  (void) cls;
  for (size_t i = 0; i < json_array_size (data); i++)
    if (json_integer_value (
          json_object_get (json_array_get (data, i), "weights_version"))
        < 1)
      return false;
  return json_array_size (data) > 0;
}

Test (portfolio, a_weight_change_is_recomputed_for_every_account)
{
  struct th_org org;
  char a[64], b[64];
  const char *all[] = { a, b, NULL };
  struct th_resp r, full;
  double before;

  th_org_new (&org);
  th_account_new (org.key, "Risky", a);
  th_account_new (org.key, "Calm", b);
  call (&org, a, recently (), true);
  call (&org, b, recently (), false);
  settled (&org, all, NULL, &r);
  cr_assert_eq (0, json_integer_value (
                     json_object_get (row_of (&r, a), "weights_version")));
  before = json_number_value (json_object_get (row_of (&r, a), "risk_score"));
  th_resp_free (&r);

  /* Competitors no longer count: the risky account's score falls. */
  th_json ("PUT", "/v1/organization/scoring-weights", org.key,
           "{\"risk_drivers\":{\"competitor_activity\":0}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  wait_for (&org, "", &reweighted, NULL, &r);
  cr_assert_lt (json_number_value (
                  json_object_get (row_of (&r, a), "risk_score")),
                before);
  for (int i = 0; i < 2; i++)
  {
    json_t *row = row_of (&r, all[i]);

    cr_assert_not_null (row);
    assessment (&org, all[i],
                json_string_value (json_object_get (row, "as_of")), &full);
    expect_same (row, &full);
    th_resp_free (&full);
  }
  th_resp_free (&r);
}

Test (portfolio, filters_choose_the_rows)
{
  struct th_org org;
  char seller[64], a[64], b[64], c[64];
  const char *all[] = { a, b, c, NULL };
  struct th_resp r;
  json_t *data;

  th_org_new (&org);
  th_seller_new (org.key, "Sam", seller);
  th_create (org.key, "/v1/accounts",
             th_fmt ("{\"name\":\"Owned\",\"owner_id\":\"%s\","
                     "\"stage\":\"customer\"}",
                     seller),
             a);
  th_create (org.key, "/v1/accounts",
             "{\"name\":\"Prospect\",\"stage\":\"prospect\"}", b);
  th_account_new (org.key, "Risky", c);
  call (&org, c, recently (), true);
  settled (&org, all, NULL, &r);
  th_resp_free (&r);

  portfolio (&org, th_fmt ("?owner_id=%s", seller), &r);
  data = json_object_get (r.json, "data");
  cr_assert_eq (1, json_array_size (data));
  cr_assert_not_null (row_of (&r, a));
  cr_assert_str_eq (json_string_value (
                      json_object_get (row_of (&r, a), "owner_id")),
                    seller);
  th_resp_free (&r);

  portfolio (&org, "?stage=prospect,former", &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  cr_assert_not_null (row_of (&r, b));
  th_resp_free (&r);

  /* Each row of a risk level or pillar status filter has it. */
  portfolio (&org, "?risk_level=high,critical", &r);
  data = json_object_get (r.json, "data");
  for (size_t i = 0; i < json_array_size (data); i++)
  {
    const char *level = json_string_value (
      json_object_get (json_array_get (data, i), "risk_level"));

    cr_assert (0 == strcmp (level, "high") || 0 == strcmp (level, "critical"));
  }
  th_resp_free (&r);
  portfolio (&org, "?pillar_status=vulnerable", &r);
  data = json_object_get (r.json, "data");
  cr_assert_gt (json_array_size (data), 0);
  for (size_t i = 0; i < json_array_size (data); i++)
    cr_assert_str_eq (json_string_value (
                        json_object_get (json_array_get (data, i),
                                         "pillar_status")),
                      "vulnerable");
  th_resp_free (&r);

  th_json ("GET",
           "/v1/assessments?risk_level=huge&owner_id=nope&stage=lost"
           "&pillar_status=shaky&sort=name&limit=0",
           org.key, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "risk_level"));
  cr_assert (th_has_error (&r, "owner_id"));
  cr_assert (th_has_error (&r, "stage"));
  cr_assert (th_has_error (&r, "pillar_status"));
  cr_assert (th_has_error (&r, "sort"));
  cr_assert (th_has_error (&r, "limit"));
  th_resp_free (&r);
}

/** The scores of the rows of page @a r, appended to @a scores. */
static size_t
walk (const struct th_org *org, const char *sort, int limit, double *scores,
      char (*ids)[64], size_t cap)
{
  char *cursor = NULL;
  size_t n = 0;

  do
  {
    struct th_resp r;
    json_t *data, *next;

    portfolio (org,
               NULL == cursor
                 ? th_fmt ("?sort=%s&limit=%d", sort, limit)
                 : th_fmt ("?sort=%s&limit=%d&cursor=%s", sort, limit, cursor),
               &r);
    free (cursor);
    cursor = NULL;
    data = json_object_get (r.json, "data");
    for (size_t i = 0; i < json_array_size (data) && n < cap; i++, n++)
    {
      json_t *row = json_array_get (data, i);

      scores[n] = json_number_value (json_object_get (row, "risk_score"));
      snprintf (ids[n], 64, "%s",
                json_string_value (json_object_get (row, "account_id")));
    }
    next = json_object_get (r.json, "next_cursor");
    if (json_is_string (next))
      cursor = strdup (json_string_value (next));
    th_resp_free (&r);
  } while (NULL != cursor);
  return n;
}

Test (portfolio, pages_walk_every_account_once_in_order)
{
  struct th_org org;
  char ids[5][64], seen[8][64];
  const char *all[6];
  double scores[8];
  struct th_resp r;
  size_t n;

  th_org_new (&org);
  for (int i = 0; i < 5; i++)
  {
    th_account_new (org.key, th_fmt ("Account %d", i), ids[i]);
    if (i % 2)
      call (&org, ids[i], recently (), true);
    all[i] = ids[i];
  }
  all[5] = NULL;
  settled (&org, all, NULL, &r);
  th_resp_free (&r);

  n = walk (&org, "-risk", 2, scores, seen, 8);
  cr_assert_eq (5, n);
  for (size_t i = 1; i < n; i++)
  {
    cr_assert_geq (scores[i - 1], scores[i]);
    for (size_t k = 0; k < i; k++)
      cr_assert_str_neq (seen[k], seen[i]);
  }
  n = walk (&org, "risk", 1, scores, seen, 8);
  cr_assert_eq (5, n);
  for (size_t i = 1; i < n; i++)
    cr_assert_leq (scores[i - 1], scores[i]);

  /* A cursor belongs to its sort and filters. */
  portfolio (&org, "?limit=1", &r);
  {
    const char *next = json_string_value (
      json_object_get (r.json, "next_cursor"));
    struct th_resp bad;

    cr_assert_not_null (next);
    th_json ("GET", th_fmt ("/v1/assessments?sort=risk&cursor=%s", next),
             org.key, NULL, &bad);
    th_assert_problem (&bad, 400);
    cr_assert (th_has_error (&bad, "cursor"));
    th_resp_free (&bad);
  }
  th_resp_free (&r);
}

/** No row lists account @a cls. */
static bool
gone (const struct th_resp *r, const void *cls)
{
  return NULL == row_of (r, cls);
}

Test (portfolio, a_deleted_account_leaves_and_other_organizations_see_nothing)
{
  struct th_org org, other;
  char a[64], b[64];
  const char *all[] = { a, b, NULL };
  struct th_resp r;

  th_org_new (&org);
  th_org_new (&other);
  th_account_new (org.key, "Stays", a);
  th_account_new (org.key, "Goes", b);
  settled (&org, all, NULL, &r);
  th_resp_free (&r);
  th_json ("DELETE", th_fmt ("/v1/accounts/%s", b), org.key, NULL, &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  th_resp_free (&r);
  wait_for (&org, "", &gone, b, &r);
  cr_assert_not_null (row_of (&r, a));
  th_resp_free (&r);

  portfolio (&other, "", &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
}
