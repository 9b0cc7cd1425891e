/**
 * @file test_scoring_reader.c
 * @brief Reader scopes of model 2026-11-23.3: resolved problems, coming
 *        to us before an RFP or bid, and personal-connection evidence.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "svc/model.h"
#include "../../../service/scoring/internal.h"

/**
 * Assess a one-contact account (decision maker) from notes, calls
 * @a gap days apart, the newest @a newest days ago.
 *
 * @param notes NULL-terminated notes, oldest first
 * @param newest days ago of the last call
 * @param gap days between calls
 * @param[out] a result
 */
static void
account (const char *const *notes, int newest, int gap,
         struct score_account_assessment *a)
{
  json_t *c = json_pack ("{s:[{s:s, s:s, s:s, s:f}], s:[]}", "contacts", "id",
                         "c1", "name", "Pat Lee", "role", "decision_maker",
                         "influence", 1.0, "calls");
  struct fx_case *fc;
  int n = 0;

  while (notes[n])
    n++;
  for (int i = 0; i < n; i++)
  {
    char id[16];

    snprintf (id, sizeof (id), "call-%d", i);
    json_array_append_new (json_object_get (c, "calls"),
                           json_pack ("{s:s, s:i, s:[s], s:s}", "id", id,
                                      "days_ago", newest + gap * (n - 1 - i),
                                      "contacts", "c1", "notes", notes[i]));
  }
  fc = fx_case_new (c);
  json_decref (c);
  cr_assert_eq (score_assess_account (fx_tmodel, &fc->in, fc->as_of,
                                      fx_tscratch, a),
                SCORE_OK);
  fx_case_free (fc);
}

/**
 * Points of one driver.
 *
 * @param a assessment
 * @param d driver
 * @return its points (0 when not ranked)
 */
static double
driver (const struct score_account_assessment *a, enum score_driver d)
{
  for (size_t i = 0; i < a->buyer_risk.n_drivers; i++)
    if (d == a->buyer_risk.drivers[i].driver)
      return a->buyer_risk.drivers[i].points;
  return 0;
}

TestSuite (scoring_reader, .init = fx_text_setup, .fini = fx_text_teardown);

/* (a) a problem we solved is not a service problem; a complaint is */
Test (scoring_reader, resolution_scope)
{
  cr_assert_eq (fx_hit ("we solved their routing problem", "risk.service"), 2);
  cr_assert_eq (fx_hit ("we solved their routing problem", "knowledge.solved"),
                1);
  cr_assert_eq (fx_hit ("fixed the sync issue for them", "risk.service"), 2);
  cr_assert_eq (fx_hit ("fixed the sync issue for them", "knowledge.solved"),
                1);
  cr_assert_eq (fx_hit ("problem solved, she was relieved", "risk.service"),
                2);
  cr_assert_eq (fx_hit ("the outage was resolved last week", "risk.service"),
                2);
  cr_assert_eq (fx_hit ("sorted out the billing glitch", "risk.service"), 2);
  /* genuine complaints still count */
  cr_assert_eq (fx_hit ("still broken", "risk.service"), 1);
  cr_assert_eq (fx_hit ("complained about the outage", "risk.service"), 1);
  cr_assert_eq (fx_hit ("problem not fixed", "risk.service"), 1);
  cr_assert_eq (fx_hit ("they never fixed the bug", "risk.service"), 1);
  cr_assert_eq (fx_hit ("need to fix the outage asap", "risk.service"), 1);
  cr_assert_eq (fx_hit ("fixed the login bug but the outage is still broken",
                        "risk.service"),
                1);
}

/* (b) asked our advice before the RFP is trust; an RFP issued is risk */
Test (scoring_reader, coming_to_us_before_an_rfp)
{
  cr_assert_eq (fx_hit ("asked our advice before the RFP", "risk.competitor"),
                2);
  cr_assert_eq (fx_hit ("asked our advice before the RFP", "trust.advice"), 1);
  cr_assert_eq (fx_hit ("wants our input on the RFP spec", "risk.competitor"),
                2);
  cr_assert_eq (fx_hit ("wants our input on the RFP spec", "trust.advice"), 1);
  cr_assert_eq (fx_hit ("called us before going out to bid",
                        "risk.competitor"),
                2);
  cr_assert_eq (fx_hit ("called us before going out to bid", "trust.early"),
                1);
  /* shopping around still counts */
  cr_assert_eq (fx_hit ("they issued an RFP", "risk.competitor"), 1);
  cr_assert_eq (fx_hit ("going out to bid in march", "risk.competitor"), 1);
  cr_assert_eq (fx_hit ("getting 3 quotes", "risk.competitor"), 1);
  /* a competitor outside the trust phrase still counts */
  cr_assert_eq (
    fx_hit ("asked our advice before the RFP, 3 other vendors invited",
            "risk.competitor"),
    1);
}

/**
 * Compatibility score of a one-call account.
 *
 * @param note the note
 * @param days_ago its age
 * @return the score
 */
static double
compatibility (const char *note, int days_ago)
{
  const char *notes[] = { note, NULL };
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  double v;

  account (notes, days_ago, 3, a);
  v = a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score;
  free (a);
  return v;
}

/* (c) several shared interests in one call are more than one; one
   small-talk phrase is what it was, and a repeated phrase adds nothing */
Test (scoring_reader, distinct_personal_phrases)
{
  double one = compatibility ("talked about golf", 60);
  double three = compatibility ("golfed w/ her sat, talked kids + fishing",
                                60);
  double repeat = compatibility ("golf, golf, golf", 60);

  cr_assert_lt (one, 50, "%f", one);
  cr_assert_geq (three, 50, "%f", three);
  cr_assert_gt (three, one);
  cr_assert_float_eq (repeat, one, 1e-9);
  /* negated personal talk is no evidence */
  cr_assert_float_eq (compatibility ("no small talk, no golf, no kids", 5),
                      0.0, 1e-9);
}

/* The account of the 2026-11-23.3 spot check: a favored vendor, low risk. */
Test (scoring_reader, spot_check_account)
{
  static const char *const notes[] = {
    "golfed w/ Pat sat, talked kids + fishing. she called for advice on their "
    "2027 plan before going to RFP",
    "we solved their routing problem, saved them 12%. they brought us in "
    "early on the new warehouse project, intro'd us to the COO",
    "Pat shared confidential board numbers, asked what we'd do. referred us "
    "to her old colleague at Acme",
    NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  account (notes, 2, 3, a);
  fprintf (
    stderr,
    "spot check: pillars C %.1f K %.1f T %.1f status %d; risk %.1f level %d;"
    " competitor %.1f service %.1f\n",
    a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
    a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
    a->pillars.pillars[SCORE_PILLAR_TRUST].score, (int) a->pillars.status,
    a->buyer_risk.score, (int) a->buyer_risk.level,
    driver (a, SCORE_DRIVER_COMPETITOR_ACTIVITY),
    driver (a, SCORE_DRIVER_SERVICE_PROBLEMS));
  cr_assert_eq (a->pillars.status, SCORE_STATUS_FAVORED_VENDOR);
  cr_assert_eq (a->buyer_risk.level, SCORE_RISK_LOW, "%f",
                a->buyer_risk.score);
  cr_assert_float_eq (driver (a, SCORE_DRIVER_COMPETITOR_ACTIVITY), 0.0, 1e-9);
  cr_assert_float_eq (driver (a, SCORE_DRIVER_SERVICE_PROBLEMS), 0.0, 1e-9);
  /* the same account six weeks later: still favored */
  account (notes, 45, 3, a);
  fprintf (stderr,
           "spot check +43 days: C %.1f K %.1f T %.1f status %d; risk %.1f "
           "level %d\n",
           a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
           a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
           a->pillars.pillars[SCORE_PILLAR_TRUST].score,
           (int) a->pillars.status, a->buyer_risk.score,
           (int) a->buyer_risk.level);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_FAVORED_VENDOR);
  free (a);
}
