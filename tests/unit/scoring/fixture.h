/**
 * @file fixture.h
 * @brief Test helpers: build engine inputs from JSON fixture cases.
 */
#ifndef SVC_SCORING_TEST_FIXTURE_H
#define SVC_SCORING_TEST_FIXTURE_H

#include <jansson.h>
#include "svc/score.h"

/** Engine inputs built from one fixture case (owns its arrays). */
struct fx_case
{
  int64_t as_of;
  struct score_account_input in;
  struct score_seller_input seller;
  struct score_contact contacts[SCORE_MAX_CONTACTS];
  struct score_call *calls;
  struct score_report_card cards[SCORE_MAX_CARDS];
  struct score_commitment commitments[SCORE_MAX_COMMITMENTS];
  struct score_values values[3];
  struct score_turn *turns; /**< every call's transcript turns */
  size_t n_turns;
  json_t *root; /**< keeps note strings alive */
};

/**
 * Build inputs from a case object (see tests/fixtures/scoring/README.md).
 *
 * @param c case JSON (a new reference is kept)
 * @return new case (free with fx_case_free)
 */
struct fx_case *fx_case_new (json_t *c);

/**
 * Free a case.
 *
 * @param fc case (NULL is a no-op)
 */
void fx_case_free (struct fx_case *fc);

/**
 * Load the shared model (aborts the test with the loader's message).
 *
 * @return new model
 */
struct score_model *fx_model (void);

/** The model and scratch of the note-reader tests (fx_text_setup). */
extern struct score_model *fx_tmodel;
extern struct score_scratch *fx_tscratch;

/** Criterion init: loads the model and makes a scratch. */
void fx_text_setup (void);

/** Criterion fini: frees them. */
void fx_text_teardown (void);

/**
 * Whether cue @a cue matched @a text and counts.
 *
 * @return 0 no match, 1 counted, 2 matched but negated (not counted)
 */
int fx_hit (const char *text, const char *cue);

#endif
