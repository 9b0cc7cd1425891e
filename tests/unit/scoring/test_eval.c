/**
 * @file test_eval.c
 * @brief Accuracy floors on the labelled development set, per split.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "eval.h"

/**
 * Floors per split: train is what the model was tuned on; held, blind3,
 * blind4, blind5 and blind6 were not (each blind batch was written before
 * the round it measures; see docs/scoring.md).
 * They guard against regressions, not targets to tune. forms (tuned on)
 * and blind7 to blind12 (each kept aside, then measured once) are the
 * integration-form batches of issue 13, whose target of 0.90 is not
 * reached on a batch measured once (blind12; docs/scoring.md).
 */
static const double floors[EVAL_SPLITS] = { 0.85, 0.75, 0.75, 0.75, 0.75,
                                            0.75, 0.90, 0.85, 0.85, 0.85,
                                            0.85, 0.85, 0.60, 0.60 };

Test (scoring_eval, dev_set_accuracy)
{
  struct eval_result r;

  cr_assert_eq (eval_run (RAPPORT_FIXTURES "/dev.json", &r,
                          NULL != getenv ("SCORING_EVAL_VERBOSE")),
                0);
  for (int k = 0; k < EVAL_SUITES; k++)
    for (int p = 0; p < EVAL_SPLITS; p++)
    {
      double acc;

      if (0 == r.total[p][k])
        continue;
      acc = (double) r.correct[p][k] / r.total[p][k];
      printf ("scoring eval %-12s %-6s %2d/%2d = %.2f\n", eval_suite_names[k],
              eval_split_names[p], r.correct[p][k], r.total[p][k], acc);
      cr_expect_geq (acc, floors[p], "%s %s accuracy %.2f",
                     eval_suite_names[k], eval_split_names[p], acc);
    }
}
