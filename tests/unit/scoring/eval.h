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

/** Number of splits: train, held, blind3, blind4, blind5, blind6. */
#define EVAL_SPLITS 249

/** Split names (dev.json "split"); an unknown split counts as held. */
extern const char *const eval_split_names[EVAL_SPLITS];

/** Correct and total cases per [split][suite]. */
struct eval_result
{
  int correct[EVAL_SPLITS][EVAL_SUITES];
  int total[EVAL_SPLITS][EVAL_SUITES];
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
