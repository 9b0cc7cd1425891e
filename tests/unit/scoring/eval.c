/**
 * @file eval.c
 * @brief Run the labelled development set and report accuracy per suite.
 */
#include "eval.h"
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/**
 * Print an evidence list (diagnosis: SCORING_EVAL_SHOW=<case id>).
 *
 * @param what heading
 * @param l list
 */
static void
show_evidence (const char *what, const struct score_evidence_list *l)
{
  for (size_t i = 0; i < l->n; i++)
    printf ("    %-14s %-10s %-28s %+.2f  %s\n", what, l->items[i].source_id,
            l->items[i].signal, l->items[i].weight, l->items[i].excerpt);
}

/** Number of ways_clash items in evidence list @a l. */
static size_t
clashes (const struct score_evidence_list *l)
{
  size_t n = 0;

  for (size_t i = 0; i < l->n; i++)
    n += 0 == strncmp (l->items[i].signal, "ways_clash.", 11);
  return n;
}

/**
 * Predicted label of one case.
 *
 * @param m model
 * @param s scratch
 * @param c case JSON
 * @param[out] label buffer (32 bytes)
 */
static void
predict (const struct score_model *m, struct score_scratch *s, json_t *c,
         char *label)
{
  const char *suite = json_string_value (json_object_get (c, "suite"));
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  struct score_account_assessment *b = calloc (1, sizeof (*b));
  const char *show_id = getenv ("SCORING_EVAL_SHOW");
  bool show =
    NULL != show_id
    && 0 == strcmp (show_id, json_string_value (json_object_get (c, "id")));

  if (0 == strcmp (suite, "risk_pair"))
  {
    struct fx_case *x = fx_case_new (json_object_get (c, "a"));
    struct fx_case *y = fx_case_new (json_object_get (c, "b"));

    score_assess_account (m, &x->in, x->as_of, s, a);
    score_assess_account (m, &y->in, y->as_of, s, b);
    snprintf (label, 32, "%s",
              a->buyer_risk.score > b->buyer_risk.score ? "a" : "b");
    for (int p = 0; show && p < 2; p++)
    {
      const struct score_buyer_risk_result *r = p ? &b->buyer_risk
                                                  : &a->buyer_risk;

      printf ("  %s risk %.1f\n", p ? "b" : "a", r->score);
      for (size_t d = 0; d < r->n_drivers; d++)
      {
        printf ("   %5.1f %s\n", r->drivers[d].points,
                r->drivers[d].explanation);
        show_evidence ("", &r->drivers[d].evidence);
      }
    }
    fx_case_free (x);
    fx_case_free (y);
  }
  else
  {
    struct fx_case *x = fx_case_new (c);

    if (0 == strcmp (suite, "orientation"))
    {
      struct score_contact_assessment ca;

      score_assess_contact (m, &x->in, "c1", x->as_of, s, &ca);
      snprintf (label, 32, "%s",
                ca.orientation.primary < 0
                  ? "none"
                  : score_orientation_name (ca.orientation.primary));
      if (show)
      {
        printf ("  scores %.2f %.2f %.2f %.2f items %u\n",
                ca.orientation.scores[0], ca.orientation.scores[1],
                ca.orientation.scores[2], ca.orientation.scores[3],
                ca.orientation.independent_evidence);
        show_evidence ("", &ca.orientation.evidence);
      }
    }
    else if (0 == strcmp (suite, "seller"))
    {
      struct score_seller_assessment sa;

      score_assess_seller (m, &x->seller, x->as_of, s, &sa);
      snprintf (label, 32, "%s", score_approach_name (sa.approach));
      if (show)
      {
        printf ("  score %.1f\n", sa.score);
        for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
        {
          printf ("   %+5.1f %s\n", sa.traits[t].contribution,
                  sa.traits[t].explanation);
          show_evidence ("", &sa.traits[t].evidence);
        }
      }
    }
    else
    {
      score_assess_account (m, &x->in, x->as_of, s, a);
      if (0 == strcmp (suite, "pillars"))
        snprintf (label, 32, "%s",
                  score_pillar_status_name (a->pillars.status));
      else if (0 == strcmp (suite, "values"))
        snprintf (label, 32, "%s",
                  a->values_fit.recommendation < 0
                    ? "none"
                    : score_values_rec_name (a->values_fit.recommendation));
      else
        snprintf (label, 32, "%s",
                  score_risk_level_name ((int) a->buyer_risk.level));
      for (int p = 0; show && p < SCORE_PILLAR_COUNT; p++)
      {
        printf ("  pillar %d %.1f\n", p, a->pillars.pillars[p].score);
        show_evidence ("", &a->pillars.pillars[p].evidence);
      }
      if (show && a->values_fit.available)
      {
        printf ("  values organization %.2f owner %.2f\n",
                a->values_fit.score_organization, a->values_fit.score_owner);
        for (int v = 0; v < SCORE_VALUE_COUNT; v++)
          if (a->values_fit.account_priorities[v] > 0
              || a->values_fit.account_against[v] > 0)
            printf ("   account %-14s %.2f against %.2f\n",
                    score_value_name (v), a->values_fit.account_priorities[v],
                    a->values_fit.account_against[v]);
        show_evidence ("", &a->values_fit.evidence);
      }
      if (NULL != getenv ("SCORING_EVAL_PILLARS")
          && 0 == strcmp (suite, "pillars"))
        printf ("pillars-fit %s %.1f %.1f %.1f got %s\n",
                json_string_value (json_object_get (c, "id")),
                a->pillars.pillars[0].score, a->pillars.pillars[1].score,
                a->pillars.pillars[2].score, label);
      if (NULL != getenv ("SCORING_EVAL_VALUES")
          && 0 == strcmp (suite, "values"))
      {
        int held = 0;
        int against = 0;

        for (int v = 0; v < SCORE_VALUE_COUNT; v++)
        {
          held += a->values_fit.account_priorities[v] > 0;
          against += a->values_fit.account_against[v] > 0;
        }
        printf ("values-fit %s org %.2f owner %.2f held %d against %d "
                "clash %zu got %s\n",
                json_string_value (json_object_get (c, "id")),
                a->values_fit.score_organization, a->values_fit.score_owner,
                held, against, clashes (&a->values_fit.evidence), label);
      }
      if (show)
        printf ("  risk %.1f\n", a->buyer_risk.score);
      for (size_t d = 0; show && d < a->buyer_risk.n_drivers; d++)
      {
        printf ("   %5.1f %s\n", a->buyer_risk.drivers[d].points,
                a->buyer_risk.drivers[d].explanation);
        show_evidence ("", &a->buyer_risk.drivers[d].evidence);
      }
    }
    fx_case_free (x);
  }
  free (a);
  free (b);
}

/**
 * Index of a suite name in the result table.
 *
 * @param suite name
 * @return index or -1
 */
static int
suite_index (const char *suite)
{
  for (int i = 0; i < EVAL_SUITES; i++)
    if (0 == strcmp (eval_suite_names[i], suite))
      return i;
  return -1;
}

const char *const eval_split_names[EVAL_SPLITS] = {
  "train",    "held",     "blind3",   "blind4",   "blind5",   "blind6",
  "forms",    "blind7",   "blind8",   "blind9",   "blind10",  "blind11",
  "blind12",  "blind13",  "blind14",  "blind15",  "blind16",  "blind17",
  "blind18",  "blind19",  "blind20",  "blind21",  "blind22",  "blind23",
  "blind24",  "blind25",  "blind26",  "blind27",  "blind28",  "blind29",
  "blind30",  "blind31",  "blind32",  "blind33",  "blind34",  "blind35",
  "blind36",  "blind37",  "blind38",  "blind39",  "blind40",  "blind41",
  "blind42",  "blind43",  "blind44",  "blind45",  "blind46",  "blind47",
  "blind48",  "blind50",  "blind49",  "blind51",  "blind54",  "blind52",
  "blind53",  "blind55",  "blind56",  "blind57",  "blind58",  "blind59",
  "blind60",  "blind61",  "blind62",  "blind63",  "blind64",  "blind65",
  "blind67",  "blind68",  "blind66",  "blind69",  "blind70",  "blind71",
  "blind72",  "blind74",  "blind75",  "blind76",  "blind73",  "blind77",
  "blind79",  "blind80",  "blind78",  "blind82",  "blind83",  "blind84",
  "blind81",  "blind85",  "blind86",  "blind87",  "blind88",  "blind89",
  "blind90",  "blind91",  "blind92",  "blind93",  "blind94",  "blind95",
  "blind96",  "blind97",  "blind98",  "blind99",  "blind100", "blind101",
  "blind102", "blind103", "blind104", "blind105", "blind106", "blind107",
  "blind108", "blind109", "blind110", "blind111", "blind112", "blind113",
  "blind114", "blind115", "blind116", "blind117", "blind118", "blind119",
  "blind120", "blind121", "blind122", "blind123", "blind124", "blind125",
  "blind126", "blind127", "blind128", "blind129", "blind130", "blind131",
  "blind132", "blind133", "blind134", "blind135", "blind136", "blind137",
  "blind138", "blind139", "blind140", "blind141", "blind142", "blind143",
  "blind144", "blind145", "blind146", "blind147", "blind148", "blind149",
  "blind150", "blind151", "blind152", "blind153", "blind154", "blind155",
  "blind156", "blind157", "blind158", "blind159", "blind160", "blind161",
  "blind162", "blind163", "blind164", "blind165", "blind167", "blind168",
  "blind166", "blind169", "blind170", "blind171", "blind172", "blind173",
  "blind174", "blind175", "blind176", "blind177", "blind178", "blind179",
  "blind180", "blind184", "blind181", "blind183", "blind182", "blind185",
  "blind186", "blind187", "blind188", "blind189", "blind190", "blind191",
  "blind192", "blind193", "blind194", "blind195", "blind196", "blind197",
  "blind198", "blind199", "blind200", "blind201", "blind202", "blind203",
  "blind204", "blind205", "blind206", "blind207", "blind208", "blind209",
  "blind210", "blind211", "blind212", "blind213", "blind214", "blind215",
  "blind216", "blind217", "blind218", "blind219", "blind220", "blind221",
  "blind222", "blind223", "blind224", "blind225", "blind226", "blind227",
  "blind228", "blind229", "blind230", "blind231", "blind232", "blind233",
  "blind234", "blind235", "blind236", "blind237", "blind238", "blind239",
  "blind240", "blind241", "blind242", "blind243", "blind244", "blind245",
  "blind246", "blind247", "blind248"
};

/**
 * Index of a split name; unknown splits count as held.
 *
 * @param split name (may be NULL)
 * @return index
 */
static int
split_index (const char *split)
{
  for (int i = 0; NULL != split && i < EVAL_SPLITS; i++)
    if (0 == strcmp (eval_split_names[i], split))
      return i;
  return 1;
}

const char *const eval_suite_names[EVAL_SUITES] = {
  "orientation", "pillars", "risk_pair", "risk_level", "seller", "values"
};

int
eval_run (const char *path, struct eval_result *r, bool verbose)
{
  json_error_t jerr;
  json_t *root = json_load_file (path, 0, &jerr);
  struct score_model *m = fx_model ();
  struct score_scratch *s = score_scratch_new ();
  json_t *c;
  size_t i;

  memset (r, 0, sizeof (*r));
  if (NULL == root)
    return -1;
  json_array_foreach (json_object_get (root, "cases"), i, c)
  {
    char got[32];
    const char *want = json_string_value (json_object_get (c, "expect"));
    int held = split_index (json_string_value (json_object_get (c, "split")));
    int k = suite_index (json_string_value (json_object_get (c, "suite")));

    if (k < 0)
      continue;
    predict (m, s, c, got);
    r->total[held][k]++;
    /* the first batches label risk low, medium or high ("high" then
       means high or critical); later ones name all four levels */
    if (0 == strcmp (got, want)
        || (0 == strcmp (want, "high") && 0 == strcmp (got, "critical")))
      r->correct[held][k]++;
    else if (verbose)
      printf ("  miss %-6s %-24s want %-14s got %s\n", eval_split_names[held],
              json_string_value (json_object_get (c, "id")), want, got);
  }
  json_decref (root);
  score_scratch_free (&s);
  model_free_shared (&m);
  return 0;
}
