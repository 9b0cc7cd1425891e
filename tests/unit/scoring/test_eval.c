/**
 * @file test_eval.c
 * @brief Accuracy floors on the labelled development set (train and held-out).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "eval.h"

/** Floors: train is what the model was tuned on, held-out was not. */
#define FLOOR_TRAIN 0.85
#define FLOOR_HELD 0.75

Test (scoring_eval, dev_set_accuracy)
{
  struct eval_result r;

  cr_assert_eq (eval_run (RAPPORT_FIXTURES "/dev.json", &r,
                          NULL != getenv ("SCORING_EVAL_VERBOSE")), 0);
  for (int k = 0; k < EVAL_SUITES; k++)
    {
      double tr = r.total[0][k] ? (double) r.correct[0][k] / r.total[0][k] : 1;
      double ho = r.total[1][k] ? (double) r.correct[1][k] / r.total[1][k] : 1;

      printf ("scoring eval %-12s train %2d/%2d = %.2f   held-out %2d/%2d = %.2f\n",
              eval_suite_names[k], r.correct[0][k], r.total[0][k], tr,
              r.correct[1][k], r.total[1][k], ho);
      cr_expect_geq (tr, FLOOR_TRAIN, "%s train accuracy %.2f", eval_suite_names[k], tr);
      cr_expect_geq (ho, FLOOR_HELD, "%s held-out accuracy %.2f", eval_suite_names[k], ho);
    }
}
