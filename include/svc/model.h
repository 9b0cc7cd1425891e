/**
 * @file model.h
 * @brief Loading, validating, overriding and rendering the scoring model.
 *
 * The model (lexicon, weights, half-lives, thresholds, guidance, each with
 * the seed article it comes from) is data: model/rapport-model-v1.json.
 * This module (service/model/, CMake target `rapport_model`) is the only
 * part of the scoring stack that uses Jansson.
 */
#ifndef SVC_MODEL_H
#define SVC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include "svc/score.h"

/** Most validation errors reported for one override body. */
#define MODEL_MAX_ERRORS 32

/** One validation error: a JSON Pointer into the body and a message. */
struct model_error
{
  char field[160];   /**< e.g. "/signals/avoids_risk" */
  char message[160]; /**< e.g. "must be a number from -5 to 5" */
};

/** Validation errors of an override body. */
struct model_errors
{
  size_t n;     /**< errors kept (<= MODEL_MAX_ERRORS) */
  size_t total; /**< errors found */
  struct model_error items[MODEL_MAX_ERRORS];
};

/**
 * Load and validate the model file.
 *
 * @param path path of model/rapport-model-v1.json
 * @param[out] err on failure: a clear message naming the file and the
 *             JSON path of the bad entry ("model.json: /lexicon/12/weight:
 *             must be a number from -5 to 5")
 * @param err_len bytes of @a err
 * @return new model (free with model_free), NULL on failure
 */
struct score_model *model_load (const char *path, char *err, size_t err_len);

/**
 * Load and validate a model from a parsed JSON document.
 *
 * @param root the document (borrowed)
 * @param[out] err message naming the bad JSON path on failure
 * @param err_len bytes of @a err
 * @return new model (free with model_free), NULL on failure
 */
struct score_model *
model_from_json (const json_t *root, char *err, size_t err_len);

/**
 * Free a model and set the pointer to NULL; NULL is a no-op.
 *
 * @param[in,out] model the model
 */
void model_free (struct score_model **model);

/**
 * Validate an organization's weights override (PUT
 * /v1/organization/scoring-weights) without applying it. Accepted shape:
 * {"signals": {"<signal>": w}, "cues": {"<cue id>": w},
 *  "topics": {"<topic>": w}, "role_weights": {"<role>": 0..5},
 *  "risk_drivers": {"<driver>": max points 0..100},
 *  "half_lives_days": {"orientation"|"pillars"|"risk"|"seller": 1..3650}}
 * with w a number from -5 to 5. Every member is optional; unknown keys
 * are errors.
 *
 * @param base the model the override applies to (for cue ids)
 * @param body the override (borrowed)
 * @param[out] errors every bad field, as JSON Pointers
 * @return true when valid (errors->n == 0)
 */
bool model_validate_weights (const struct score_model *base,
                             const json_t *body, struct model_errors *errors);

/**
 * Copy @a base and apply a weights override to the copy.
 *
 * @param base the shipped model (borrowed)
 * @param body the override (borrowed); NULL gives a plain copy
 * @param[out] errors validation errors (filled when NULL is returned)
 * @return new model (free with model_free), NULL when @a body is invalid
 *         (see @a errors) or out of memory (errors->n == 0)
 */
struct score_model *
model_apply_weights (const struct score_model *base, const json_t *body,
                     struct model_errors *errors);

/**
 * Render the model for GET /v1/scoring-model: model_version, seeds,
 * parameters, signals, topics, roles, risk drivers, guidance and the
 * lexicon, each entry with its seed.
 *
 * @param model the model
 * @return new reference (caller json_decref's it), NULL when out of memory
 */
json_t *model_to_json (const struct score_model *model);

#endif /* SVC_MODEL_H */
