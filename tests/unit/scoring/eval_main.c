/**
 * @file eval_main.c
 * @brief Print development-set accuracy per suite and split.
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
  {
    printf ("%-12s", eval_suite_names[k]);
    for (int p = 0; p < EVAL_SPLITS; p++)
      if (r.total[p][k])
        printf ("  %s %2d/%2d = %.2f", eval_split_names[p], r.correct[p][k],
                r.total[p][k], (double) r.correct[p][k] / r.total[p][k]);
    printf ("\n");
  }
  return 0;
}
