/**
 * @file model_render.c
 * @brief Render the scoring model as JSON for GET /v1/scoring-model.
 */
#include "svc/model.h"
#include "svc/score_model.h"

/**
 * Render a {target, weight, seed} entry.
 *
 * @param w entry
 * @return new reference
 */
static json_t *
target_json (const struct score_signal_weight *w)
{
  return json_pack ("{s:s, s:f, s:s}", "target", score_target_name (w->target),
                    "weight", w->weight, "seed", w->seed);
}

/**
 * Render a {text, seed} entry.
 *
 * @param t entry
 * @return new reference
 */
static json_t *
text_json (const struct score_text *t)
{
  return json_pack ("{s:s, s:s}", "text", t->text, "seed", t->seed);
}

/**
 * Render parameters, signals, topics, ratings and role weights.
 *
 * @param m model
 * @param root object to fill
 */
static void
render_numbers (const struct score_model *m, json_t *root)
{
  json_t *o = json_object ();

  for (int i = 0; i < SCORE_P_COUNT; i++)
    json_object_set_new (o, score_param_name (i),
                         json_pack ("{s:f, s:s}", "value", m->params[i].value,
                                    "seed", m->params[i].seed));
  json_object_set_new (root, "parameters", o);
  o = json_object ();
  for (int i = 0; i < SCORE_SIG_COUNT; i++)
  {
    json_t *a = json_array ();

    for (int t = 0; t < m->n_signal_targets[i]; t++)
      json_array_append_new (a, target_json (&m->signals[i][t]));
    json_object_set_new (o, score_signal_name (i), a);
  }
  json_object_set_new (root, "signals", o);
  o = json_object ();
  for (int i = 0; i < SCORE_TOPIC_COUNT; i++)
    if (m->has_topic[i])
      json_object_set_new (o, score_topic_name (i),
                           target_json (&m->topics[i]));
  json_object_set_new (root, "topics", o);
  o = json_object ();
  for (int i = 0; i < SCORE_RATING_COUNT; i++)
    if (m->has_rating[i])
      json_object_set_new (o, score_rating_name (i),
                           target_json (&m->ratings[i]));
  json_object_set_new (root, "report_card_ratings", o);
  o = json_object ();
  for (int i = 0; i < SCORE_ROLE_COUNT; i++)
    json_object_set_new (o, score_role_name (i),
                         json_pack ("{s:f, s:s}", "value",
                                    m->role_weights[i].value, "seed",
                                    m->role_weights[i].seed));
  json_object_set_new (root, "role_weights", o);
}

/**
 * Render risk drivers, traits and guidance.
 *
 * @param m model
 * @param root object to fill
 */
static void
render_texts (const struct score_model *m, json_t *root)
{
  json_t *o = json_object ();
  json_t *g = json_object ();
  json_t *x;

  for (int d = 0; d < SCORE_DRIVER_COUNT; d++)
    json_object_set_new (o, score_driver_name (d),
                         json_pack ("{s:f, s:s, s:s, s:s}", "max_points",
                                    m->driver_max[d].value, "explanation",
                                    m->driver_explanations[d].text, "action",
                                    m->driver_actions[d].text, "seed",
                                    m->driver_max[d].seed));
  json_object_set_new (root, "risk_drivers", o);
  o = json_object ();
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
    json_object_set_new (o, score_trait_name (t),
                         json_pack ("{s:f, s:s}", "max_points",
                                    m->trait_max[t].value, "seed",
                                    m->trait_max[t].seed));
  json_object_set_new (root, "traits", o);
  json_object_set_new (g, "thin", text_json (&m->guidance_thin));
  x = json_object ();
  for (int i = 0; i < SCORE_ORIENTATION_COUNT; i++)
    json_object_set_new (x, score_orientation_name (i),
                         text_json (&m->guidance_orientation[i]));
  json_object_set_new (g, "orientation", x);
  x = json_object ();
  for (int i = 0; i < 3; i++)
    json_object_set_new (x, score_pillar_status_name (i),
                         text_json (&m->guidance_pillars[i]));
  json_object_set_new (g, "pillars", x);
  x = json_object ();
  for (int i = 0; i < 3; i++)
    json_object_set_new (x, score_values_rec_name (i),
                         text_json (&m->guidance_values[i]));
  json_object_set_new (g, "values", x);
  x = json_object ();
  for (int i = 0; i < 3; i++)
    json_object_set_new (x, score_approach_name (i),
                         text_json (&m->guidance_seller[i]));
  json_object_set_new (g, "seller", x);
  json_object_set_new (root, "guidance", g);
}

/**
 * Render the lexicon: cues with their phrases.
 *
 * @param m model
 * @return new reference
 */
static json_t *
render_lexicon (const struct score_model *m)
{
  json_t *lex = json_array ();

  for (int c = 0; c < m->n_cues; c++)
  {
    json_t *phrases = json_array ();

    for (int p = 0; p < m->n_patterns; p++)
      if (m->patterns[p].cue == c)
        json_array_append_new (phrases, json_string (m->patterns[p].text));
    json_array_append_new (lex,
                           json_pack ("{s:s, s:s, s:f, s:s, s:o}", "id",
                                      m->cues[c].id, "target",
                                      score_target_name (m->cues[c].target),
                                      "weight", m->cues[c].weight, "seed",
                                      m->cues[c].seed, "phrases", phrases));
  }
  return lex;
}

json_t *
model_to_json (const struct score_model *m)
{
  json_t *root = json_object ();

  if (NULL == root)
    return NULL;
  json_object_set_new (root, "model_version", json_string (m->version));
  json_object_set_new (root, "language", json_string ("english"));
  json_object_set_new (root, "stemmer", json_string ("snowball (libstemmer)"));
  {
    json_t *seeds = json_object ();

    for (int i = 0; i < m->n_seeds; i++)
      json_object_set_new (seeds, m->seeds[i],
                           json_string (m->seed_titles[i]));
    json_object_set_new (root, "seeds", seeds);
  }
  render_numbers (m, root);
  render_texts (m, root);
  json_object_set_new (root, "lexicon", render_lexicon (m));
  return root;
}
