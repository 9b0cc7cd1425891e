/**
 * @file test_http_history.c
 * @brief GET /v1/accounts/{id}/assessment/history: steps from `from` to
 *        `to` a week or a calendar month apart, each the account's
 *        assessment as of that step (the same figures GET .../assessment
 *        ?as_of= gives), every bad parameter named, and the cap on steps.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;
static char acct[64];

/** An organization with an account whose calls grow worse over the
    autumn of 2026. */
static void
setup (void)
{
  static const char *const dates[] = { "2026-09-01", "2026-10-15",
                                       "2026-11-20" };
  struct th_resp r;

  th_org_new (&org);
  th_account_new (org.key, "Acme", acct);
  for (size_t i = 0; i < sizeof (dates) / sizeof (dates[0]); i++)
  {
    th_json ("POST", th_fmt ("/v1/accounts/%s/calls", acct), org.key,
             th_fmt ("{\"occurred_at\":\"%sT10:00:00Z\",\"notes\":\"They "
                     "complained about outages again and said a competitor "
                     "offered a lower price; they are unhappy with "
                     "support.\"}",
                     dates[i]),
             &r);
    cr_assert_eq (201, r.status, "%s", r.body);
    th_resp_free (&r);
  }
}

TestSuite (history, .init = setup);

/** The as_of of step @a i of @a r. */
static const char *
step_at (const struct th_resp *r, size_t i)
{
  json_t *step = json_array_get (json_object_get (r->json, "steps"), i);

  return json_string_value (json_object_get (step, "as_of"));
}

/** GET the account's history with query string @a query ("" or "?..."). */
static void
history (const char *query, struct th_resp *r)
{
  th_json ("GET", th_fmt ("/v1/accounts/%s/assessment/history%s", acct, query),
           org.key, NULL, r);
}

Test (history, weekly_steps_replay_the_assessment_as_of_each_step)
{
  static const char *const want[] = {
    "2026-11-03T23:59:59Z", "2026-11-10T23:59:59Z", "2026-11-17T23:59:59Z",
    "2026-11-24T23:59:59Z", "2026-12-01T23:59:59Z"
  };
  struct th_resp r, one;

  history ("?from=2026-11-03&to=2026-12-01&interval=week", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "interval"), "week");
  cr_assert_str_eq (th_str (&r, "to"), "2026-12-01T23:59:59Z");
  cr_assert_str_eq (th_str (&r, "from"), want[0]);
  cr_assert_eq (5, json_array_size (json_object_get (r.json, "steps")));
  for (size_t i = 0; i < 5; i++)
  {
    json_t *step = json_array_get (json_object_get (r.json, "steps"), i);
    json_t *risk = json_object_get (step, "buyer_risk");
    json_t *full;

    cr_assert_str_eq (step_at (&r, i), want[i]);
    /* The step is what the assessment as of that moment says. */
    th_json ("GET",
             th_fmt ("/v1/accounts/%s/assessment?as_of=%s", acct, want[i]),
             org.key, NULL, &one);
    cr_assert_eq (200, one.status, "%s", one.body);
    full = json_object_get (one.json, "buyer_risk");
    cr_assert (json_equal (json_object_get (risk, "score"),
                           json_object_get (full, "score")),
               "step %zu: risk score differs from the assessment as of it", i);
    cr_assert_str_eq (json_string_value (json_object_get (risk, "level")),
                      json_string_value (json_object_get (full, "level")));
    cr_assert_eq (json_array_size (json_object_get (risk, "drivers")),
                  json_array_size (json_object_get (full, "drivers")));
    cr_assert_str_eq (
      json_string_value (
        json_object_get (json_object_get (step, "pillars"), "status")),
      json_string_value (
        json_object_get (json_object_get (one.json, "pillars"), "status")));
    th_resp_free (&one);
  }
  th_resp_free (&r);
}

Test (history, monthly_steps_keep_the_day_or_take_the_month_s_last)
{
  struct th_resp r;

  history ("?from=2026-01-15&to=2026-03-31&interval=month", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (3, json_array_size (json_object_get (r.json, "steps")));
  cr_assert_str_eq (step_at (&r, 0), "2026-01-31T23:59:59Z");
  cr_assert_str_eq (step_at (&r, 1), "2026-02-28T23:59:59Z");
  cr_assert_str_eq (step_at (&r, 2), "2026-03-31T23:59:59Z");
  th_resp_free (&r);
}

Test (history, by_default_thirteen_weeks_up_to_now)
{
  struct th_resp r;

  history ("", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (13, json_array_size (json_object_get (r.json, "steps")));
  cr_assert_str_eq (th_str (&r, "interval"), "week");
  th_resp_free (&r);
}

Test (history, every_bad_parameter_is_named)
{
  struct th_resp r;

  history ("?from=soon&to=later&interval=day", &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "from"));
  cr_assert (th_has_error (&r, "to"));
  cr_assert (th_has_error (&r, "interval"));
  th_resp_free (&r);
  history ("?from=2026-12-02&to=2026-12-01", &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "from"), "from after to");
  th_resp_free (&r);
  th_expect_problem ("GET",
                     th_fmt ("/v1/accounts/%s/assessment/history?bogus=1",
                             acct),
                     org.key, NULL, 400);
}

Test (history, more_than_53_steps_is_400_and_53_is_served)
{
  struct th_resp r;

  /* 2025-12-02 .. 2026-12-01 weekly: 53 steps. */
  history ("?from=2025-12-02&to=2026-12-01", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (53, json_array_size (json_object_get (r.json, "steps")));
  th_resp_free (&r);
  history ("?from=2025-11-24&to=2026-12-01", &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "from"));
  th_resp_free (&r);
}

Test (history, an_unknown_account_is_404)
{
  th_expect_problem ("GET",
                     "/v1/accounts/00000000-0000-4000-8000-000000000000/"
                     "assessment/history",
                     org.key, NULL, 404);
  th_expect_problem ("GET", "/v1/accounts/nope/assessment/history", org.key,
                     NULL, 404);
}
