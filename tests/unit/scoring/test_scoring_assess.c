/**
 * @file test_scoring_assess.c
 * @brief Golden vectors and properties of the contact, account and seller
 *        assessments.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "svc/model.h"

/** Shared model. */
static struct score_model *model;
/** Shared scratch. */
static struct score_scratch *scratch;

/** Load the model. */
static void
setup (void)
{
  model = fx_model ();
  scratch = score_scratch_new ();
}

/** Free the model. */
static void
teardown (void)
{
  score_scratch_free (&scratch);
  model_free (&model);
}

/**
 * Build a one-contact case from notes (days ago 5, 25, 45 ...).
 *
 * @param notes NULL-terminated notes
 * @return new case
 */
static struct fx_case *
notes_case (const char *const *notes)
{
  json_t *c = json_pack ("{s:[{s:s, s:s, s:s, s:f}], s:[]}", "contacts", "id",
                         "c1", "name", "Dana Reyes", "role", "decision_maker",
                         "influence", 0.8, "calls");
  struct fx_case *fc;

  for (int i = 0; notes[i]; i++)
    json_array_append_new (json_object_get (c, "calls"),
                           json_pack ("{s:s, s:i, s:[s], s:s}", "id",
                                      i ? "call-b" : "call-a", "days_ago",
                                      5 + 20 * i, "contacts", "c1", "notes",
                                      notes[i]));
  fc = fx_case_new (c);
  json_decref (c);
  return fc;
}

/**
 * Assess contact c1.
 *
 * @param fc case
 * @param as_of time
 * @param[out] out result
 */
static void
contact (struct fx_case *fc, int64_t as_of,
         struct score_contact_assessment *out)
{
  cr_assert_eq (score_assess_contact (model, &fc->in, "c1", as_of, scratch,
                                      out),
                SCORE_OK);
}

TestSuite (scoring_assess, .init = setup, .fini = teardown);

Test (scoring_assess, golden_contact_security)
{
  static const char *const notes[] = {
    "very cautious, wants everything in writing and two references",
    "sent the spec sheets; she'll check with legal first. hates surprises",
    NULL
  };
  struct fx_case *fc = notes_case (notes);
  struct score_contact_assessment a;
  double sum = 0;

  contact (fc, fc->as_of, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_SECURITY);
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    sum += a.orientation.scores[o];
  cr_assert_float_eq (sum, 1.0, 1e-9);
  cr_assert_gt (a.orientation.scores[0], 0.6);
  cr_assert_gt (a.orientation.confidence, 0.3);
  cr_assert_leq (a.orientation.confidence, 1.0);
  cr_assert_geq (a.orientation.independent_evidence, 4);
  cr_assert_gt (a.orientation.evidence.n, 0);
  cr_assert_str_neq (a.orientation.evidence.items[0].excerpt, "");
  cr_assert_not_null (strstr (a.orientation.guidance, "guarantee"));
  fx_case_free (fc);
}

Test (scoring_assess, thin_evidence_has_no_primary)
{
  static const char *const notes[] = { "quick intro, will send deck", NULL };
  static const char *const one[] = { "she seemed a bit cautious", NULL };
  struct fx_case *fc = notes_case (notes);
  struct fx_case *fc1 = notes_case (one);
  struct score_contact_assessment a;

  contact (fc, fc->as_of, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE);
  cr_assert_float_eq (a.orientation.scores[2], 0.25, 1e-9);
  cr_assert_float_eq (a.orientation.confidence, 0.0, 1e-12);
  contact (fc1, fc1->as_of, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE);
  fx_case_free (fc);
  fx_case_free (fc1);
}

Test (scoring_assess, negated_cue_changes_nothing)
{
  static const char *const base[] = {
    "she is warm and chatty, we talked about her kids",
    "loyal to their old supplier", NULL
  };
  static const char *const neg[] = {
    "she is warm and chatty, we talked about her kids",
    "loyal to their old supplier. She did not ask for any "
    "guarantee and never pushed back.",
    NULL
  };
  struct fx_case *a = notes_case (base);
  struct fx_case *b = notes_case (neg);
  struct score_contact_assessment x;
  struct score_contact_assessment y;

  contact (a, a->as_of, &x);
  contact (b, b->as_of, &y);
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    cr_assert_float_eq (x.orientation.scores[o], y.orientation.scores[o],
                        1e-12);
  cr_assert_eq (x.orientation.primary, y.orientation.primary);
  cr_assert_float_eq (x.orientation.confidence, y.orientation.confidence,
                      1e-12);
  fx_case_free (a);
  fx_case_free (b);
}

Test (scoring_assess, notes_made_only_of_negated_cues_are_no_evidence)
{
  /* The issue's own examples, as a seller would log a quiet call: every
     cue is negated, so nothing is read about the buyer. */
  static const char *const notes[] = {
    "Pat did not ask for a discount. no mention of competitors at all. "
    "never brought up price. never pushed back on the timeline",
    "quick check-in, all good", NULL
  };
  struct fx_case *fc = notes_case (notes);
  struct score_contact_assessment a;

  contact (fc, fc->as_of, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE,
                "negations read as %s",
                score_orientation_name (a.orientation.primary));
  cr_assert_eq (a.orientation.evidence.total, 0, "first evidence: %s (%s)",
                a.orientation.evidence.items[0].signal,
                a.orientation.evidence.items[0].excerpt);
  fx_case_free (fc);
}

Test (scoring_assess, supporting_evidence_never_lowers_confidence)
{
  static const char *const n1[] = { "blunt, ran the meeting, wants milestones",
                                    NULL };
  static const char *const n2[] = { "blunt, ran the meeting, wants milestones",
                                    "wants credit with the board for the win",
                                    NULL };
  static const char *const n3[] = {
    "blunt, ran the meeting, wants milestones",
    "wants credit with the board for the win. wants a say in the design", NULL
  };
  const char *const *sets[] = { n1, n2, n3 };
  double prev = -1;

  for (int i = 0; i < 3; i++)
  {
    struct fx_case *fc = notes_case (sets[i]);
    struct score_contact_assessment a;

    contact (fc, fc->as_of, &a);
    cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_POWER);
    cr_assert_geq (a.orientation.confidence, prev);
    prev = a.orientation.confidence;
    fx_case_free (fc);
  }
}

Test (scoring_assess, as_of_before_a_call_removes_its_evidence)
{
  static const char *const notes[] = {
    "honest and candid, wants what's best for the company",
    "very cautious, needs documentation and references", NULL
  };
  static const char *const older[] = {
    "very cautious, needs documentation and references", NULL
  };
  struct fx_case *fc = notes_case (notes);
  struct fx_case *old = notes_case (older);
  struct score_contact_assessment a;
  struct score_contact_assessment b;
  int64_t as_of = fc->as_of - 10 * 86400; /* before call-a (5 days ago) */

  contact (fc, as_of, &a);
  for (size_t i = 0; i < a.orientation.evidence.n; i++)
  {
    cr_assert_str_neq (a.orientation.evidence.items[i].source_id, "call-a");
    cr_assert_leq (a.orientation.evidence.items[i].at, as_of);
  }
  /* same as if only the older call existed (it is 25 days before fc->as_of) */
  old->calls[0].occurred_at = fc->calls[1].occurred_at;
  contact (old, as_of, &b);
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    cr_assert_float_eq (a.orientation.scores[o], b.orientation.scores[o],
                        1e-12);
  fx_case_free (fc);
  fx_case_free (old);
}

/**
 * Load dev.json.
 *
 * @return new reference
 */
static json_t *
dev_cases (void)
{
  json_error_t e;
  json_t *root = json_load_file (RAPPORT_FIXTURES "/dev.json", 0, &e);

  cr_assert_not_null (root, "%s", e.text);
  return root;
}

Test (scoring_assess, deterministic_and_in_range_over_the_dev_set)
{
  json_t *root = dev_cases ();
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  struct score_account_assessment *b = calloc (1, sizeof (*b));
  json_t *c;
  size_t i;

  json_array_foreach (json_object_get (root, "cases"), i, c)
  {
    struct fx_case *fc;
    double sum = 0;

    if (NULL != json_object_get (c, "a"))
      continue;
    fc = fx_case_new (c);
    cr_assert_eq (score_assess_account (model, &fc->in, fc->as_of, scratch, a),
                  SCORE_OK);
    cr_assert_eq (score_assess_account (model, &fc->in, fc->as_of, scratch, b),
                  SCORE_OK);
    cr_assert_eq (memcmp (&a->buyer_risk.score, &b->buyer_risk.score,
                          sizeof (double)),
                  0);
    cr_assert_eq (memcmp (a->orientation.scores, b->orientation.scores,
                          sizeof (a->orientation.scores)),
                  0);
    for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    {
      cr_assert (a->orientation.scores[o] >= 0
                 && a->orientation.scores[o] <= 1);
      sum += a->orientation.scores[o];
    }
    cr_assert_float_eq (sum, 1.0, 1e-9);
    cr_assert (a->orientation.confidence >= 0
               && a->orientation.confidence <= 1);
    for (int p = 0; p < SCORE_PILLAR_COUNT; p++)
      cr_assert (a->pillars.pillars[p].score >= 0
                 && a->pillars.pillars[p].score <= 100);
    cr_assert (a->buyer_risk.score >= 0 && a->buyer_risk.score <= 100);
    if (a->values_fit.available)
      cr_assert (a->values_fit.score >= 0 && a->values_fit.score <= 1);
    fx_case_free (fc);
  }
  free (a);
  free (b);
  json_decref (root);
}

/**
 * Assess a dev-set case by id as an account.
 *
 * @param id case id
 * @param[out] out result
 */
static void
account_case (const char *id, struct score_account_assessment *out)
{
  json_t *root = dev_cases ();
  json_t *c;
  size_t i;
  bool found = false;

  json_array_foreach (
    json_object_get (root, "cases"), i,
    c) if (0 == strcmp (id, json_string_value (json_object_get (c, "id"))))
  {
    struct fx_case *fc = fx_case_new (c);

    cr_assert_eq (score_assess_account (model, &fc->in, fc->as_of, scratch,
                                        out),
                  SCORE_OK);
    fx_case_free (fc);
    found = true;
  }
  cr_assert (found, "case %s", id);
  json_decref (root);
}

Test (scoring_assess, golden_account_favored_vendor_low_risk)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  account_case ("pillars-06", a);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_FAVORED_VENDOR);
  cr_assert_eq (a->pillars.foundation, 7u);
  cr_assert_gt (a->pillars.pillars[SCORE_PILLAR_TRUST].evidence.n, 0);
  cr_assert_eq (a->buyer_risk.level, SCORE_RISK_LOW);
  cr_assert_not_null (a->pillars.guidance);
  free (a);
}

Test (scoring_assess, golden_account_high_risk_drivers)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  bool competitor = false;

  account_case ("risk-level-01", a);
  cr_assert_geq (a->buyer_risk.level, SCORE_RISK_HIGH);
  cr_assert_geq (a->buyer_risk.n_drivers, 5);
  for (size_t i = 0; i < a->buyer_risk.n_drivers; i++)
  {
    const struct score_risk_driver_result *d = &a->buyer_risk.drivers[i];

    cr_assert_gt (d->points, 0);
    cr_assert_not_null (d->action);
    cr_assert_str_neq (d->explanation, "");
    if (i > 0)
      cr_assert_leq (d->points, a->buyer_risk.drivers[i - 1].points);
    if (SCORE_DRIVER_COMPETITOR_ACTIVITY == d->driver)
      competitor = d->evidence.n > 0 && d->evidence.items[0].excerpt[0];
  }
  cr_assert (competitor, "competitor driver with a note excerpt");
  cr_assert_eq (a->buyer_risk.n_actions, a->buyer_risk.n_drivers);
  free (a);
}

Test (scoring_assess, golden_values_fit)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  account_case ("values-01", a);
  cr_assert (a->values_fit.available);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY);
  account_case ("values-02", a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF);
  cr_assert_gt (a->values_fit.score_organization, a->values_fit.score_owner);
  account_case ("pillars-00", a);
  cr_assert (! a->values_fit.available);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_NONE);
  free (a);
}

Test (scoring_assess, golden_seller)
{
  json_t *root = dev_cases ();
  json_t *c;
  size_t i;

  json_array_foreach (json_object_get (root, "cases"), i, c)
  {
    const char *id = json_string_value (json_object_get (c, "id"));
    struct score_seller_assessment s;
    struct fx_case *fc;

    if (strcmp (id, "seller-00") && strcmp (id, "seller-01"))
      continue;
    fc = fx_case_new (c);
    cr_assert_eq (score_assess_seller (model, &fc->seller, fc->as_of, scratch,
                                       &s),
                  SCORE_OK);
    cr_assert (s.score >= -100 && s.score <= 100);
    if (0 == strcmp (id, "seller-00"))
    {
      cr_assert_eq (s.approach, SCORE_APPROACH_BUILDER);
      cr_assert_gt (s.traits[SCORE_TRAIT_TALK_SHARE].contribution, 0);
      cr_assert_gt (s.traits[SCORE_TRAIT_SERVICE_RECOVERY].evidence.n, 0);
    }
    else
    {
      cr_assert_eq (s.approach, SCORE_APPROACH_PUSHER);
      cr_assert_lt (s.traits[SCORE_TRAIT_PRICE_RELIANCE].contribution, 0);
      cr_assert_lt (s.traits[SCORE_TRAIT_PROSPECTING].contribution, 0);
    }
    fx_case_free (fc);
  }
  json_decref (root);
}

Test (scoring_assess, bad_arguments)
{
  static const char *const notes[] = { "hello", NULL };
  struct fx_case *fc = notes_case (notes);
  struct score_contact_assessment a;

  cr_assert_eq (score_assess_contact (model, &fc->in, "nobody", fc->as_of,
                                      scratch, &a),
                SCORE_ERR_UNKNOWN_CONTACT);
  cr_assert_eq (score_assess_contact (NULL, &fc->in, "c1", fc->as_of, scratch,
                                      &a),
                SCORE_ERR_ARGUMENT);
  cr_assert_eq (score_assess_contact (model, &fc->in, "c1", fc->as_of, NULL,
                                      &a),
                SCORE_ERR_STEMMER);
  fx_case_free (fc);
}

/**
 * Assess seller s1 of a JSON case.
 *
 * @param c case JSON (stolen)
 * @param[out] out result
 */
static void
seller_case (json_t *c, struct score_seller_assessment *out)
{
  struct fx_case *fc = fx_case_new (c);

  json_decref (c);
  cr_assert_eq (score_assess_seller (model, &fc->seller, fc->as_of, scratch,
                                     out),
                SCORE_OK);
  fx_case_free (fc);
}

Test (scoring_assess, seller_traits_without_data_say_so)
{
  struct score_seller_assessment *s = calloc (1, sizeof (*s));

  /* one call with no talk ratio, no question count and a neutral note */
  seller_case (json_pack ("{s:[{s:s, s:i, s:s, s:s}], s:[]}", "calls", "id",
                          "call-a", "days_ago", 3, "kind", "follow_up",
                          "notes", "sent the agenda for next week", "cards"),
               s);
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
  {
    const struct score_trait_result *r = &s->traits[t];

    cr_assert (! r->known, "trait %d has no data", t);
    cr_assert_eq (r->contribution, 0.0);
    cr_assert_null (strstr (r->explanation, "-100"), "%s", r->explanation);
    cr_assert_null (strstr (r->explanation, "-1.0"), "%s", r->explanation);
    cr_assert_null (strstr (r->explanation, "%"), "%s", r->explanation);
    cr_assert (0 == strncmp (r->explanation, "No ", 3), "%s", r->explanation);
  }
  cr_assert_str_eq (s->traits[SCORE_TRAIT_TALK_SHARE].explanation,
                    "No talk-time data yet: log seller_talk_ratio on calls. "
                    "Builders listen more than they transmit.");
  cr_assert (
    strstr (s->traits[SCORE_TRAIT_QUESTIONS].explanation, "questions_asked"));
  cr_assert (
    strstr (s->traits[SCORE_TRAIT_REPORT_CARDS].explanation, "report cards"));
  cr_assert_eq (s->approach, SCORE_APPROACH_MIXED);

  /* measured traits keep their numbers */
  seller_case (json_pack ("{s:[{s:s, s:i, s:s, s:f, s:i, s:s}], s:[]}",
                          "calls", "id", "call-a", "days_ago", 3, "kind",
                          "discovery", "talk", 0.3, "questions", 9, "notes",
                          "agenda", "cards"),
               s);
  cr_assert (s->traits[SCORE_TRAIT_TALK_SHARE].known);
  cr_assert (strstr (s->traits[SCORE_TRAIT_TALK_SHARE].explanation,
                     "talks 30%"),
             "%s", s->traits[SCORE_TRAIT_TALK_SHARE].explanation);
  cr_assert (strstr (s->traits[SCORE_TRAIT_QUESTIONS].explanation,
                     "9.0 questions"),
             "%s", s->traits[SCORE_TRAIT_QUESTIONS].explanation);

  /* talk known from notes only: no invented percentage */
  seller_case (json_pack ("{s:[{s:s, s:i, s:s, s:s}], s:[]}", "calls", "id",
                          "call-a", "days_ago", 3, "kind", "discovery",
                          "notes", "mostly listened and let her talk",
                          "cards"),
               s);
  cr_assert (s->traits[SCORE_TRAIT_TALK_SHARE].known);
  cr_assert_null (strstr (s->traits[SCORE_TRAIT_TALK_SHARE].explanation, "%"),
                  "%s", s->traits[SCORE_TRAIT_TALK_SHARE].explanation);
  cr_assert (strstr (s->traits[SCORE_TRAIT_TALK_SHARE].explanation, "listens"),
             "%s", s->traits[SCORE_TRAIT_TALK_SHARE].explanation);
  free (s);
}

/**
 * Assess an account built from JSON.
 *
 * @param c case JSON (stolen)
 * @param[out] a result
 */
static void
account_json (json_t *c, struct score_account_assessment *a)
{
  struct fx_case *fc = fx_case_new (c);

  json_decref (c);
  cr_assert_eq (score_assess_account (model, &fc->in, fc->as_of, scratch, a),
                SCORE_OK);
  fx_case_free (fc);
}

/**
 * The single_threaded driver of an assessment.
 *
 * @param a assessment
 * @return the driver among the ranked ones, or NULL
 */
static const struct score_risk_driver_result *
single_thread_driver (const struct score_account_assessment *a)
{
  for (size_t i = 0; i < a->buyer_risk.n_drivers; i++)
    if (SCORE_DRIVER_SINGLE_THREADED == a->buyer_risk.drivers[i].driver)
      return &a->buyer_risk.drivers[i];
  return NULL;
}

Test (scoring_assess, single_threaded_wording_counts_contacts)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  const struct score_risk_driver_result *d;

  /* no contacts at all */
  account_json (json_pack ("{s:[], s:[{s:s, s:i, s:[], s:s}]}", "contacts",
                           "calls", "id", "call-a", "days_ago", 5, "contacts",
                           "notes", "left a voicemail"),
                a);
  d = single_thread_driver (a);
  cr_assert_not_null (d);
  cr_assert_gt (d->points, 0);
  cr_assert_null (strstr (d->explanation, "0 contact"), "%s", d->explanation);
  cr_assert_null (strstr (d->explanation, "One contact"), "%s",
                  d->explanation);
  cr_assert (0 == strncmp (d->explanation, "No contact is recorded", 22), "%s",
             d->explanation);

  /* two contacts on record, none met in the window */
  account_json (
    json_pack ("{s:[{s:s, s:s}, {s:s, s:s}], s:[{s:s, s:i, s:[s], s:s}]}",
               "contacts", "id", "c1", "name", "Dana Reyes", "id", "c2",
               "name", "Tim Ng", "calls", "id", "call-a", "days_ago", 200,
               "contacts", "c1", "notes", "check in"),
    a);
  d = single_thread_driver (a);
  cr_assert_not_null (d);
  cr_assert_null (strstr (d->explanation, "One contact"), "%s",
                  d->explanation);
  cr_assert (strstr (d->explanation,
                     "No contact engaged in the last 120 days (2 on record)"),
             "%s", d->explanation);

  /* one contact met: the thin-thread wording */
  account_json (json_pack ("{s:[{s:s, s:s}], s:[{s:s, s:i, s:[s], s:s}]}",
                           "contacts", "id", "c1", "name", "Dana Reyes",
                           "calls", "id", "call-a", "days_ago", 5, "contacts",
                           "c1", "notes", "check in"),
                a);
  d = single_thread_driver (a);
  cr_assert_not_null (d);
  cr_assert (
    strstr (
      d->explanation,
      "1 contact engaged in the last 120 days. One contact is a thin thread"),
    "%s", d->explanation);
  free (a);
}
