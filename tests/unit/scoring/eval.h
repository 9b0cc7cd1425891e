/**
 * @file eval.h
 * @brief Development-set evaluation shared by the test and the tool.
 */
#ifndef SVC_SCORING_TEST_EVAL_H
#define SVC_SCORING_TEST_EVAL_H

#include <stdbool.h>
#include "svc/model.h"

/** Number of suites. */
#define EVAL_SUITES 6

/** Suite names. */
extern const char *const eval_suite_names[EVAL_SUITES];

/** Correct and total cases per [split: 0 train, 1 held][suite]. */
struct eval_result
{
  int correct[2][EVAL_SUITES];
  int total[2][EVAL_SUITES];
};

/**
 * Run a development set.
 *
 * @param path dev.json
 * @param[out] r results
 * @param verbose print each miss
 * @return 0, or -1 when the file cannot be read
 */
int eval_run (const char *path, struct eval_result *r, bool verbose);

/** Free a model loaded by fx_model. */
#define model_free_shared model_free

#endif
