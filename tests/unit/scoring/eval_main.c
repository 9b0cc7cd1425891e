/**
 * @file eval_main.c
 * @brief Print development-set accuracy per suite (train and held-out).
 */
#include <stdio.h>
#include <string.h>

#include "eval.h"

/**
 * Entry point: scoring_eval [-v] [dev.json].
 *
 * @param argc argument count
 * @param argv arguments
 * @return 0 on success
 */
int
main (int argc, char **argv)
{
  struct eval_result r;
  bool verbose = argc > 1 && 0 == strcmp (argv[1], "-v");
  const char *path = (argc > 1 + verbose) ? argv[1 + verbose]
                     : RAPPORT_FIXTURES "/dev.json";

  if (0 != eval_run (path, &r, verbose))
    return 1;
  for (int k = 0; k < EVAL_SUITES; k++)
    printf ("%-12s train %2d/%2d = %.2f   held-out %2d/%2d = %.2f\n",
            eval_suite_names[k], r.correct[0][k], r.total[0][k],
            r.total[0][k] ? (double) r.correct[0][k] / r.total[0][k] : 1.0,
            r.correct[1][k], r.total[1][k],
            r.total[1][k] ? (double) r.correct[1][k] / r.total[1][k] : 1.0);
  return 0;
}
