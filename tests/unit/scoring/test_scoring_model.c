/**
 * @file test_scoring_model.c
 * @brief Model loading, validation messages, weight overrides, rendering.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/model.h"
#include "svc/score_model.h"

/**
 * Parse the shipped model file.
 *
 * @return new reference
 */
static json_t *
shipped (void)
{
  json_error_t e;
  json_t *root = json_load_file (RAPPORT_MODEL_PATH, 0, &e);

  cr_assert_not_null (root, "%s", e.text);
  return root;
}

Test (scoring_model, shipped_model_loads)
{
  char err[512];
  struct score_model *m = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));

  cr_assert_not_null (m, "%s", err);
  cr_assert_str_eq (m->version, "2026-12-05.191");
  cr_assert_gt (m->n_patterns, 1000);
  for (int i = 0; i < m->n_cues; i++)
    cr_assert_str_neq (m->cues[i].seed, "");
  model_free (&m);
  cr_assert_null (m);
}

Test (scoring_model, missing_file_names_the_path)
{
  char err[512];

  cr_assert_null (model_load ("/nonexistent/model.json", err, sizeof (err)));
  cr_assert_not_null (strstr (err, "/nonexistent/model.json"));
}

/**
 * Load a changed copy of the shipped model and return its error.
 *
 * @param root changed document
 * @param err buffer
 * @param len bytes
 */
static void
expect_error (json_t *root, char *err, size_t len)
{
  struct score_model *m = model_from_json (root, err, len);

  cr_assert_null (m);
  json_decref (root);
}

Test (scoring_model, bad_entries_are_named_by_path)
{
  char err[512];
  json_t *root = shipped ();

  json_object_set_new (json_array_get (json_object_get (root, "lexicon"), 3),
                       "weight", json_real (9.0));
  expect_error (root, err, sizeof (err));
  cr_assert_not_null (strstr (err, "/lexicon/3/weight"), "%s", err);

  root = shipped ();
  json_object_set_new (json_array_get (json_object_get (root, "lexicon"), 0),
                       "seed", json_string ("999-made-up.txt"));
  expect_error (root, err, sizeof (err));
  cr_assert_not_null (strstr (err, "/lexicon/0/seed"), "%s", err);

  root = shipped ();
  json_object_del (json_object_get (root, "parameters"), "risk.high_at");
  expect_error (root, err, sizeof (err));
  cr_assert_not_null (strstr (err, "/parameters/risk.high_at"), "%s", err);

  root = shipped ();
  json_object_set_new (json_array_get (json_object_get (root, "lexicon"), 1),
                       "target", json_string ("charisma"));
  expect_error (root, err, sizeof (err));
  cr_assert_not_null (strstr (err, "/lexicon/1/target"), "%s", err);
}

/* A phrase that crosses a clause break, or opens with a word the
   tokenizer reads as one ("still", "also"), would match less than it
   says ("still with us" matched every "with us"): it is refused. */
Test (scoring_model, phrases_across_clause_breaks_are_refused)
{
  static const char *const bad[] = { "still with us", "also if the first",
                                     "quality, not price" };
  char err[512];

  for (size_t i = 0; i < sizeof (bad) / sizeof (bad[0]); i++)
  {
    json_t *root = shipped ();

    json_array_append_new (
      json_object_get (json_array_get (json_object_get (root, "lexicon"), 0),
                       "phrases"),
      json_string (bad[i]));
    expect_error (root, err, sizeof (err));
    cr_assert_not_null (strstr (err, "crosses a clause break"), "%s: %s",
                        bad[i], err);
  }
}

Test (scoring_model, weights_override_is_validated_and_applied)
{
  char err[512];
  struct score_model *m = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));
  struct model_errors errors;
  json_t *bad = json_pack ("{s:{s:f, s:f}, s:{s:i}, s:{}}", "signals",
                           "avoids_risk", 7.0, "not_a_signal", 1.0,
                           "half_lives_days", "orientation", 0, "colour");
  json_t *good = json_pack ("{s:{s:f}, s:{s:f}, s:{s:i}}", "signals",
                            "assertive", 2.0, "role_weights", "end_user", 1.0,
                            "half_lives_days", "risk", 30);
  struct score_model *o;

  cr_assert_not (model_validate_weights (m, bad, &errors));
  cr_assert_eq (errors.n, 4);
  cr_assert_null (model_apply_weights (m, bad, &errors));
  o = model_apply_weights (m, good, &errors);
  cr_assert_not_null (o);
  cr_assert_eq (errors.n, 0);
  cr_assert_float_eq (o->signals[SCORE_SIG_ASSERTIVE][0].weight, 2.0, 1e-12);
  cr_assert_float_eq (o->params[SCORE_P_HALF_LIFE_RISK].value, 30.0, 1e-12);
  cr_assert_float_eq (m->signals[SCORE_SIG_ASSERTIVE][0].weight, 1.0, 1e-12);
  model_free (&o);
  json_decref (bad);
  json_decref (good);
  model_free (&m);
}

Test (scoring_model, render_round_trips)
{
  char err[512];
  struct score_model *m = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));
  json_t *j = model_to_json (m);
  struct score_model *again;

  cr_assert_str_eq (json_string_value (json_object_get (j, "model_version")),
                    "2026-12-05.191");
  cr_assert_gt (json_array_size (json_object_get (j, "lexicon")), 10);
  cr_assert_not_null (
    json_object_get (json_array_get (json_object_get (j, "lexicon"), 0),
                     "seed"));
  again = model_from_json (j, err, sizeof (err));
  cr_assert_not_null (again, "%s", err);
  cr_assert_eq (again->n_patterns, m->n_patterns);
  model_free (&again);
  json_decref (j);
  model_free (&m);
}

/**
 * Grow the shipped lexicon to @a total phrases by appending made-up ones
 * ("zq<n> zr<n>", every third with a gap) to the first cue.
 *
 * @param root shipped document (changed)
 * @param total phrases wanted
 */
static void
grow_lexicon (json_t *root, int total)
{
  json_t *lex = json_object_get (root, "lexicon");
  json_t *first = json_object_get (json_array_get (lex, 0), "phrases");
  int n = 0;
  size_t i;
  json_t *cue;

  json_array_foreach (lex, i, cue)
    n += (int) json_array_size (json_object_get (cue, "phrases"));
  for (int k = 0; n < total; k++, n++)
  {
    char text[64];

    snprintf (text, sizeof (text), "zq%d %szr%d", k, (k % 3) ? "" : "~ ", k);
    json_array_append_new (first, json_string (text));
  }
}

Test (scoring_model, lexicon_fills_to_the_limit)
{
  char err[512];
  json_t *root = shipped ();
  struct score_model *m;
  struct score_scratch *s = score_scratch_new ();
  struct score_contact_assessment *out = calloc (1, sizeof (*out));
  struct score_contact contact = { .id = "c1",
                                   .name = "Dana Reyes",
                                   .influence = 0.5 };
  struct score_call call = { .id = "k1",
                             .occurred_at = 1000,
                             .n_contacts = 1,
                             .contact_ids = { "c1" },
                             .seller_talk_ratio = -1,
                             .questions_asked = -1 };
  struct score_account_input in = {
    .contacts = &contact, .n_contacts = 1, .calls = &call, .n_calls = 1
  };
  static const char note[] = "wants everything in writing and two references, "
                             "hates surprises; zq3 and zr3, zq7 zr7";

  cr_assert (s && out);
  grow_lexicon (root, SCORE_MAX_PATTERNS);
  m = model_from_json (root, err, sizeof (err));
  cr_assert_not_null (m, "%s", err);
  cr_assert_eq (m->n_patterns, SCORE_MAX_PATTERNS);
  call.notes = note;
  call.notes_len = sizeof (note) - 1;
  cr_assert_eq (score_assess_contact (m, &in, "c1", 2000, s, out), SCORE_OK);
  cr_assert_gt (out->orientation.scores[SCORE_ORIENTATION_SECURITY], 0.25);
  model_free (&m);
  grow_lexicon (root, SCORE_MAX_PATTERNS + 1);
  cr_assert_null (model_from_json (root, err, sizeof (err)));
  cr_assert_not_null (strstr (err, "phrases in the lexicon"), "%s", err);
  json_decref (root);
  score_scratch_free (&s);
  free (out);
}
