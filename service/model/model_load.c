/**
 * @file model_load.c
 * @brief Load and validate the scoring model (model/rapport-model-v1.json)
 *        with Jansson, then prepare it for the engine.
 */
#include "svc/model.h"
#include "svc/alloc.h"
#include "svc/score_model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/**
 * A model parameter's value.
 *
 * @param m model
 * @param id parameter
 * @return value
 */
static double
param (const struct score_model *m, enum score_param_id id)
{
  return m->params[id].value;
}

/** Loader state: the model being filled and the first error. */
struct loader
{
  struct score_model *m;
  const json_t *seeds; /**< the "seeds" object, for citation checks */
  char *err;
  size_t err_len;
  bool failed;
};

/** Allowed range of each parameter, in enum score_param_id order. */
static const struct
{
  double min;
  double max;
} param_range[SCORE_P_COUNT] = { { 1, SCORE_MAX_CALLS },
                                 { 1, SCORE_MAX_CARDS },
                                 { 1, SCORE_MAX_COMMITMENTS },
                                 { 1, 3650 },
                                 { 1, 3650 },
                                 { 1, 3650 },
                                 { 1, 3650 },
                                 { 1, 12 },
                                 { 0, 4 },
                                 { 4, 30 },
                                 { 0, 6 },
                                 { 0.01, 10 },
                                 { 0, 5 },
                                 { 1, 20 },
                                 { 0, 20 },
                                 { 0, 1 },
                                 { 0.1, 50 },
                                 { 0.1, 50 },
                                 { 1, 100 },
                                 { 0, 100 },
                                 { 0, 100 },
                                 { 0, 100 },
                                 { 0.1, 50 },
                                 { 1, 365 },
                                 { 1, 365 },
                                 { 1, 20 },
                                 { 1, 50 },
                                 { 1, 3650 },
                                 { 0, 10 },
                                 { 1, 5 },
                                 { 1, 500 },
                                 { -100, 100 },
                                 { -100, 100 },
                                 { 0, 1 },
                                 { 0, 1 },
                                 { 0, 1 },
                                 { -5, 5 },
                                 { -5, 5 },
                                 { 0, 5 },
                                 { 0, 1 },
                                 { 0, 20 },
                                 { 0, 10 },
                                 { 0, 1 },
                                 { 0, 1 },
                                 { 0, 100 },
                                 { 0, 100 },
                                 { 0, 1 },
                                 { 0, 100 } };

/**
 * Record the first error as "<pointer>: <message>".
 *
 * @param l loader
 * @param ptr JSON Pointer of the bad entry
 * @param fmt message format
 */
static void
fail (struct loader *l, const char *ptr, const char *fmt, ...)
{
  char msg[256];
  va_list ap;

  if (l->failed)
    return;
  l->failed = true;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof (msg), fmt, ap);
  va_end (ap);
  snprintf (l->err, l->err_len, "%s: %s", ptr, msg);
}

/**
 * Copy a required string member into a fixed buffer.
 *
 * @param l loader
 * @param obj object
 * @param key member name
 * @param ptr JSON Pointer of @a obj
 * @param dst buffer
 * @param cap bytes of @a dst
 */
static void
get_string (struct loader *l, const json_t *obj, const char *key,
            const char *ptr, char *dst, size_t cap)
{
  const json_t *v = json_object_get (obj, key);
  char p[256];

  snprintf (p, sizeof (p), "%.180s/%.60s", ptr, key);
  if (! json_is_string (v) || 0 == json_string_length (v))
    fail (l, p, "must be a non-empty string");
  else if (json_string_length (v) >= cap)
    fail (l, p, "must be shorter than %zu bytes", cap);
  else
    score_strlcpy (dst, cap, json_string_value (v));
}

/**
 * Read a required number member within [min, max].
 *
 * @param l loader
 * @param obj object
 * @param key member name
 * @param ptr JSON Pointer of @a obj
 * @param min lowest value
 * @param max highest value
 * @return the value (0 on error)
 */
static double
get_number (struct loader *l, const json_t *obj, const char *key,
            const char *ptr, double min, double max)
{
  const json_t *v = json_object_get (obj, key);
  char p[256];
  double x;

  snprintf (p, sizeof (p), "%.180s/%.60s", ptr, key);
  if (! json_is_number (v))
  {
    fail (l, p, "must be a number from %g to %g", min, max);
    return 0.0;
  }
  x = json_number_value (v);
  if (! (x >= min && x <= max))
    fail (l, p, "must be a number from %g to %g", min, max);
  return x;
}

/**
 * Read and check the "seed" member: one of the files listed in "seeds".
 *
 * @param l loader
 * @param obj object
 * @param ptr JSON Pointer of @a obj
 * @param dst seed buffer (SCORE_SEED_LEN)
 */
static void
get_seed (struct loader *l, const json_t *obj, const char *ptr, char *dst)
{
  char p[256];

  get_string (l, obj, "seed", ptr, dst, SCORE_SEED_LEN);
  snprintf (p, sizeof (p), "%.200s/seed", ptr);
  if (! l->failed && NULL == json_object_get (l->seeds, dst))
    fail (l, p, "\"%s\" is not one of the seed articles listed in /seeds",
          dst);
}

/**
 * Fetch a required object member.
 *
 * @param l loader
 * @param obj parent
 * @param key member
 * @param ptr JSON Pointer of the member
 * @return the member (borrowed) or NULL after recording an error
 */
static const json_t *
get_object (struct loader *l, const json_t *obj, const char *key,
            const char *ptr)
{
  const json_t *v = json_object_get (obj, key);

  if (! json_is_object (v))
  {
    fail (l, ptr, "must be an object");
    return NULL;
  }
  return v;
}

/**
 * Read a {target, weight, seed} object.
 *
 * @param l loader
 * @param v the object
 * @param ptr its JSON Pointer
 * @param[out] out filled
 */
static void
get_target_weight (struct loader *l, const json_t *v, const char *ptr,
                   struct score_signal_weight *out)
{
  const json_t *t = json_object_get (v, "target");
  char p[256];

  snprintf (p, sizeof (p), "%.200s/target", ptr);
  if (! json_is_object (v))
  {
    fail (l, ptr, "must be an object with target, weight and seed");
    return;
  }
  if (! score_target_from_name (json_string_value (t), &out->target))
    fail (l, p,
          "must name an orientation, pillar, risk driver, "
          "\"trait:<trait>\" or \"value:<value>\"");
  out->weight = get_number (l, v, "weight", ptr, -5, 5);
  get_seed (l, v, ptr, out->seed);
}

/**
 * Read "seeds": {file name: title} of the articles the model cites.
 *
 * @param l loader
 */
static void
load_seeds (struct loader *l)
{
  const char *name;
  const json_t *v;

  json_object_foreach ((json_t *) l->seeds, name, v)
  {
    char p[256];

    snprintf (p, sizeof (p), "/seeds/%s", name);
    if (l->m->n_seeds >= 8 || strlen (name) >= SCORE_SEED_LEN
        || ! json_is_string (v))
    {
      fail (l, p, "at most 8 seeds: short file name -> title string");
      return;
    }
    score_strlcpy (l->m->seeds[l->m->n_seeds], SCORE_SEED_LEN, name);
    score_strlcpy (l->m->seed_titles[l->m->n_seeds], SCORE_GUIDANCE_LEN / 2,
                   json_string_value (v));
    l->m->n_seeds++;
  }
}

/**
 * Read "parameters": every named parameter with value and seed.
 *
 * @param l loader
 * @param root document
 */
static void
load_params (struct loader *l, const json_t *root)
{
  const json_t *ps = get_object (l, root, "parameters", "/parameters");

  for (int i = 0; i < SCORE_P_COUNT && NULL != ps; i++)
  {
    const json_t *v = json_object_get (ps, score_param_name (i));
    char p[256];

    snprintf (p, sizeof (p), "/parameters/%s", score_param_name (i));
    if (! json_is_object (v))
    {
      fail (l, p, "missing (an object with value and seed)");
      return;
    }
    l->m->params[i].value = get_number (l, v, "value", p, param_range[i].min,
                                        param_range[i].max);
    get_seed (l, v, p, l->m->params[i].seed);
  }
}

/**
 * Read "signals": every controlled-vocabulary signal with 1..2 targets.
 *
 * @param l loader
 * @param root document
 */
static void
load_signals (struct loader *l, const json_t *root)
{
  const json_t *ss = get_object (l, root, "signals", "/signals");

  for (int i = 0; i < SCORE_SIG_COUNT && NULL != ss; i++)
  {
    const json_t *arr = json_object_get (ss, score_signal_name (i));
    char p[256];

    snprintf (p, sizeof (p), "/signals/%s", score_signal_name (i));
    if (! json_is_array (arr) || json_array_size (arr) < 1
        || json_array_size (arr) > 2)
    {
      fail (l, p, "must be an array of 1 or 2 {target, weight, seed}");
      return;
    }
    l->m->n_signal_targets[i] = (int) json_array_size (arr);
    for (size_t k = 0; k < json_array_size (arr); k++)
    {
      char q[300];

      snprintf (q, sizeof (q), "%s/%zu", p, k);
      get_target_weight (l, json_array_get (arr, k), q, &l->m->signals[i][k]);
    }
  }
  if (NULL != ss && json_object_size (ss) != SCORE_SIG_COUNT)
    fail (l, "/signals", "has a member that is not a known signal");
}

/**
 * Read an optional per-name {target, weight, seed} table (topics,
 * report-card ratings).
 *
 * @param l loader
 * @param root document
 * @param key "topics" or "report_card_ratings"
 * @param from_name name parser
 * @param n number of names
 * @param out table
 * @param has presence flags
 */
static void
load_weight_table (struct loader *l, const json_t *root, const char *key,
                   int (*from_name) (const char *), int n,
                   struct score_signal_weight *out, bool *has)
{
  char ptr[64];
  const json_t *obj;
  const char *name;
  const json_t *v;

  snprintf (ptr, sizeof (ptr), "/%s", key);
  obj = get_object (l, root, key, ptr);
  json_object_foreach ((json_t *) obj, name, v)
  {
    int i = from_name (name);
    char p[256];

    snprintf (p, sizeof (p), "%.180s/%.60s", ptr, name);
    if (i < 0 || i >= n)
    {
      fail (l, p, "unknown name");
      return;
    }
    has[i] = true;
    get_target_weight (l, v, p, &out[i]);
  }
}

/**
 * Read a {value, seed} per name table where every name is required.
 *
 * @param l loader
 * @param root document
 * @param key member
 * @param name_of name of index i
 * @param n entries
 * @param member number member ("value" or "max_points")
 * @param max highest value
 * @param out parameters
 */
static void
load_param_table (struct loader *l, const json_t *root, const char *key,
                  const char *(*name_of) (int), int n, const char *member,
                  double max, struct score_param *out)
{
  char ptr[64];
  const json_t *obj;

  snprintf (ptr, sizeof (ptr), "/%s", key);
  obj = get_object (l, root, key, ptr);
  for (int i = 0; i < n && NULL != obj; i++)
  {
    const json_t *v = json_object_get (obj, name_of (i));
    char p[256];

    snprintf (p, sizeof (p), "%.180s/%.60s", ptr, name_of (i));
    if (! json_is_object (v))
    {
      fail (l, p, "missing (an object with %s and seed)", member);
      return;
    }
    out[i].value = get_number (l, v, member, p, 0, max);
    get_seed (l, v, p, out[i].seed);
  }
}

/**
 * Read a {text, seed} object.
 *
 * @param l loader
 * @param obj parent
 * @param key member
 * @param ptr JSON Pointer of parent
 * @param out text
 */
static void
load_text (struct loader *l, const json_t *obj, const char *key,
           const char *ptr, struct score_text *out)
{
  const json_t *v = json_object_get (obj, key);
  char p[256];

  snprintf (p, sizeof (p), "%.180s/%.60s", ptr, key);
  if (! json_is_object (v))
  {
    fail (l, p, "missing (an object with text and seed)");
    return;
  }
  get_string (l, v, "text", p, out->text, SCORE_GUIDANCE_LEN);
  get_seed (l, v, p, out->seed);
}

/**
 * Read "risk_drivers" (max points, explanation, action) and "traits".
 *
 * @param l loader
 * @param root document
 */
static void
load_drivers (struct loader *l, const json_t *root)
{
  const json_t *obj = get_object (l, root, "risk_drivers", "/risk_drivers");

  for (int d = 0; d < SCORE_DRIVER_COUNT && NULL != obj; d++)
  {
    const json_t *v = json_object_get (obj, score_driver_name (d));
    char p[256];

    snprintf (p, sizeof (p), "/risk_drivers/%s", score_driver_name (d));
    if (! json_is_object (v))
    {
      fail (l, p, "missing driver");
      return;
    }
    l->m->driver_max[d].value = get_number (l, v, "max_points", p, 0, 100);
    get_seed (l, v, p, l->m->driver_max[d].seed);
    get_string (l, v, "explanation", p, l->m->driver_explanations[d].text,
                SCORE_GUIDANCE_LEN);
    get_string (l, v, "action", p, l->m->driver_actions[d].text,
                SCORE_GUIDANCE_LEN);
    score_strlcpy (l->m->driver_explanations[d].seed, SCORE_SEED_LEN,
                   l->m->driver_max[d].seed);
    score_strlcpy (l->m->driver_actions[d].seed, SCORE_SEED_LEN,
                   l->m->driver_max[d].seed);
  }
  load_param_table (l, root, "traits", score_trait_name, SCORE_TRAIT_COUNT,
                    "max_points", 100, l->m->trait_max);
}

/**
 * Read "guidance" for orientations, pillars, values and seller.
 *
 * @param l loader
 * @param root document
 */
static void
load_guidance (struct loader *l, const json_t *root)
{
  const json_t *g = get_object (l, root, "guidance", "/guidance");
  const json_t *o;

  if (NULL == g)
    return;
  load_text (l, g, "thin", "/guidance", &l->m->guidance_thin);
  if (NULL != (o = get_object (l, g, "orientation", "/guidance/orientation")))
    for (int i = 0; i < SCORE_ORIENTATION_COUNT; i++)
      load_text (l, o, score_orientation_name (i), "/guidance/orientation",
                 &l->m->guidance_orientation[i]);
  if (NULL != (o = get_object (l, g, "pillars", "/guidance/pillars")))
    for (int i = 0; i < 3; i++)
      load_text (l, o, score_pillar_status_name (i), "/guidance/pillars",
                 &l->m->guidance_pillars[i]);
  if (NULL != (o = get_object (l, g, "values", "/guidance/values")))
    for (int i = 0; i < 3; i++)
      load_text (l, o, score_values_rec_name (i), "/guidance/values",
                 &l->m->guidance_values[i]);
  if (NULL != (o = get_object (l, g, "seller", "/guidance/seller")))
    for (int i = 0; i < 3; i++)
      load_text (l, o, score_approach_name (i), "/guidance/seller",
                 &l->m->guidance_seller[i]);
}

/**
 * Read one lexicon cue and its phrases.
 *
 * @param l loader
 * @param v the cue object
 * @param ptr its JSON Pointer
 */
static void
load_cue (struct loader *l, const json_t *v, const char *ptr)
{
  struct score_model *m = l->m;
  struct score_cue *cue = &m->cues[m->n_cues];
  const json_t *phrases = json_object_get (v, "phrases");
  struct score_signal_weight tw;

  if (! json_is_object (v))
  {
    fail (l, ptr, "must be an object with id, target, weight, seed, phrases");
    return;
  }
  get_string (l, v, "id", ptr, cue->id, sizeof (cue->id));
  get_target_weight (l, v, ptr, &tw);
  cue->target = tw.target;
  cue->weight = tw.weight;
  score_strlcpy (cue->seed, sizeof (cue->seed), tw.seed);
  for (int i = 0; i < m->n_cues && ! l->failed; i++)
    if (0 == strcmp (m->cues[i].id, cue->id))
      fail (l, ptr, "duplicate cue id \"%s\"", cue->id);
  if (! json_is_array (phrases) || 0 == json_array_size (phrases))
    fail (l, ptr, "phrases must be a non-empty array of strings");
  for (size_t k = 0; ! l->failed && k < json_array_size (phrases); k++)
  {
    const json_t *ph = json_array_get (phrases, k);
    char p[300];

    snprintf (p, sizeof (p), "%s/phrases/%zu", ptr, k);
    if (m->n_patterns >= SCORE_MAX_PATTERNS)
      fail (l, p, "more than %d phrases in the lexicon", SCORE_MAX_PATTERNS);
    else if (! json_is_string (ph) || 0 == json_string_length (ph)
             || json_string_length (ph) >= sizeof (m->patterns[0].text))
      fail (l, p, "must be a string of 1 to %zu bytes",
            sizeof (m->patterns[0].text) - 1);
    else
    {
      m->patterns[m->n_patterns].cue = m->n_cues;
      score_strlcpy (m->patterns[m->n_patterns].text,
                     sizeof (m->patterns[0].text), json_string_value (ph));
      m->n_patterns++;
    }
  }
  if (! l->failed)
    m->n_cues++;
}

/**
 * Read "lexicon": an array of cues.
 *
 * @param l loader
 * @param root document
 */
static void
load_lexicon (struct loader *l, const json_t *root)
{
  const json_t *lex = json_object_get (root, "lexicon");

  if (! json_is_array (lex) || 0 == json_array_size (lex))
  {
    fail (l, "/lexicon", "must be a non-empty array of cues");
    return;
  }
  for (size_t i = 0; i < json_array_size (lex) && ! l->failed; i++)
  {
    char p[64];

    snprintf (p, sizeof (p), "/lexicon/%zu", i);
    if (l->m->n_cues >= SCORE_MAX_CUES)
      fail (l, p, "more than %d cues", SCORE_MAX_CUES);
    else
      load_cue (l, json_array_get (lex, i), p);
  }
}

/**
 * Check relations between parameters that single ranges cannot.
 *
 * @param l loader
 */
static void
check_consistency (struct loader *l)
{
  const struct score_model *m = l->m;

  if (param (m, SCORE_P_RISK_MEDIUM) >= param (m, SCORE_P_RISK_HIGH)
      || param (m, SCORE_P_RISK_HIGH) >= param (m, SCORE_P_RISK_CRITICAL))
    fail (l, "/parameters/risk.medium_at",
          "risk thresholds must rise: "
          "medium_at < high_at < critical_at");
  else if (param (m, SCORE_P_GAP_RATIO_START)
           >= param (m, SCORE_P_GAP_RATIO_FULL))
    fail (l, "/parameters/risk.gap_ratio_start",
          "must be below risk.gap_ratio_full");
  else if (param (m, SCORE_P_SELLER_PUSHER)
           >= param (m, SCORE_P_SELLER_BUILDER))
    fail (l, "/parameters/seller.pusher_at",
          "must be below seller.builder_at");
  /* values.walk_away_below and values.proceed_at bound two different
     fits (the organization's and the owner's), so neither bounds the
     other */
}

struct score_model *
model_from_json (const json_t *root, char *err, size_t err_len)
{
  struct loader l = { .err = err, .err_len = err_len };
  struct score_scratch *s = NULL;
  struct score_model *out = NULL;
  char why[300];

  if (err_len > 0)
    err[0] = '\0';
  l.m = util_calloc (1, sizeof (*l.m));
  if (! json_is_object (root))
    fail (&l, "", "the model must be a JSON object");
  else
  {
    get_string (&l, root, "model_version", "", l.m->version,
                SCORE_VERSION_LEN);
    l.seeds = get_object (&l, root, "seeds", "/seeds");
    load_seeds (&l);
  }
  if (! l.failed)
    load_params (&l, root);
  if (! l.failed)
    load_signals (&l, root);
  if (! l.failed)
    load_weight_table (&l, root, "topics", score_topic_from_name,
                       SCORE_TOPIC_COUNT, l.m->topics, l.m->has_topic);
  if (! l.failed)
    load_weight_table (&l, root, "report_card_ratings", score_rating_from_name,
                       SCORE_RATING_COUNT, l.m->ratings, l.m->has_rating);
  if (! l.failed)
    load_param_table (&l, root, "role_weights", score_role_name,
                      SCORE_ROLE_COUNT, "value", 5, l.m->role_weights);
  if (! l.failed)
    load_drivers (&l, root);
  if (! l.failed)
    load_guidance (&l, root);
  if (! l.failed)
    load_lexicon (&l, root);
  if (! l.failed)
    check_consistency (&l);
  if (l.failed)
    goto cleanup;
  s = score_scratch_new ();
  if (NULL == s)
  {
    fail (&l, "", "cannot create the Snowball English stemmer");
    goto cleanup;
  }
  if (! score_model_prepare (l.m, s, why, sizeof (why)))
  {
    fail (&l, "/lexicon", "%s", why);
    goto cleanup;
  }
  out = l.m;
  l.m = NULL;
cleanup:
  score_scratch_free (&s);
  free (l.m);
  return out;
}

struct score_model *
model_load (const char *path, char *err, size_t err_len)
{
  json_error_t jerr;
  json_t *root = NULL;
  struct score_model *m = NULL;
  char why[400];

  root = json_load_file (path, JSON_REJECT_DUPLICATES, &jerr);
  if (NULL == root)
  {
    snprintf (err, err_len, "scoring model %s: line %d column %d: %s", path,
              jerr.line, jerr.column, jerr.text);
    goto cleanup;
  }
  m = model_from_json (root, why, sizeof (why));
  if (NULL == m)
    snprintf (err, err_len, "scoring model %s: %s", path, why);
cleanup:
  json_decref (root);
  return m;
}

void
model_free (struct score_model **model)
{
  if (NULL == model)
    return;
  free (*model);
  *model = NULL;
}
