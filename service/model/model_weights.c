/**
 * @file model_weights.c
 * @brief An organization's weight overrides (PUT
 *        /v1/organization/scoring-weights): validate them and apply them
 *        to a copy of the shipped model.
 */
#include "svc/model.h"
#include "svc/alloc.h"
#include "svc/score_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/**
 * Drops an incomplete UTF-8 character at the end of @a s (a pointer cut
 * short by snprintf), so the field stays text Jansson accepts.
 */
static void
trim_utf8_tail (char *s)
{
  size_t n = strlen (s);
  size_t lead = n;
  size_t want;

  while (lead > 0 && n - lead < 4
         && 0x80 == ((unsigned char) s[lead - 1] & 0xC0))
    lead--;
  if (0 == lead || ((unsigned char) s[lead - 1] & 0x80) == 0)
    return;
  lead--; /* the lead byte */
  want = 0xF0 == ((unsigned char) s[lead] & 0xF8)   ? 4
         : 0xE0 == ((unsigned char) s[lead] & 0xF0) ? 3
         : 0xC0 == ((unsigned char) s[lead] & 0xE0) ? 2
                                                    : 1;
  if (n - lead < want)
    s[lead] = '\0';
}

/**
 * Record a validation error.
 *
 * @param errors list
 * @param field JSON Pointer
 * @param message message
 */
static void
add_error (struct model_errors *errors, const char *field, const char *message)
{
  errors->total++;
  if (errors->n >= MODEL_MAX_ERRORS)
    return;
  score_strlcpy (errors->items[errors->n].field,
                 sizeof (errors->items[0].field), field);
  trim_utf8_tail (errors->items[errors->n].field);
  score_strlcpy (errors->items[errors->n].message,
                 sizeof (errors->items[0].message), message);
  errors->n++;
}

/** Kinds of override sections. */
enum section
{
  SEC_SIGNALS = 0,
  SEC_CUES,
  SEC_TOPICS,
  SEC_ROLES,
  SEC_DRIVERS,
  SEC_HALF_LIVES
};

/** Override sections, their value ranges and messages. */
static const struct
{
  const char *name;
  double min;
  double max;
  const char *msg;
} sections[] = {
  { "signals", -5, 5, "must be a number from -5 to 5" },
  { "cues", -5, 5, "must be a number from -5 to 5" },
  { "topics", -5, 5, "must be a number from -5 to 5" },
  { "role_weights", 0, 5, "must be a number from 0 to 5" },
  { "risk_drivers", 0, 100, "must be a number from 0 to 100 (max points)" },
  { "half_lives_days", 1, 3650, "must be a number of days from 1 to 3650" }
};

/** Half-life override names, in parameter order. */
static const char *const half_life_names[] = { "orientation", "pillars",
                                               "risk", "seller" };

/**
 * Index of a key within a section, or -1.
 *
 * @param base model (for cue ids)
 * @param sec section
 * @param key key
 * @return index or -1
 */
static int
section_key (const struct score_model *base, enum section sec, const char *key)
{
  switch (sec)
  {
  case SEC_SIGNALS:
    return score_signal_from_name (key);
  case SEC_CUES:
    for (int i = 0; i < base->n_cues; i++)
      if (0 == strcmp (base->cues[i].id, key))
        return i;
    return -1;
  case SEC_TOPICS:
    return (score_topic_from_name (key) >= 0
            && base->has_topic[score_topic_from_name (key)])
             ? score_topic_from_name (key)
             : -1;
  case SEC_ROLES:
    return score_role_from_name (key);
  case SEC_DRIVERS:
    return score_driver_from_name (key);
  case SEC_HALF_LIVES:
    for (int i = 0; i < 4; i++)
      if (0 == strcmp (half_life_names[i], key))
        return i;
    return -1;
  }
  return -1;
}

/**
 * Set one overridden weight in a model.
 *
 * @param m model
 * @param sec section
 * @param i index from section_key
 * @param x value
 */
static void
section_apply (struct score_model *m, enum section sec, int i, double x)
{
  switch (sec)
  {
  case SEC_SIGNALS:
    for (int t = 0; t < m->n_signal_targets[i]; t++)
      m->signals[i][t].weight = (m->signals[i][t].weight < 0) ? -fabs (x) : x;
    break;
  case SEC_CUES:
    m->cues[i].weight = x;
    break;
  case SEC_TOPICS:
    m->topics[i].weight = x;
    break;
  case SEC_ROLES:
    m->role_weights[i].value = x;
    break;
  case SEC_DRIVERS:
    m->driver_max[i].value = x;
    break;
  case SEC_HALF_LIVES:
    m->params[SCORE_P_HALF_LIFE_ORIENTATION + i].value = x;
    break;
  }
}

/**
 * Validate, and optionally apply, an override body.
 *
 * @param base model for key lookup
 * @param body override
 * @param errors errors found
 * @param target model to change (NULL: validate only)
 */
static void
walk_override (const struct score_model *base, const json_t *body,
               struct model_errors *errors, struct score_model *target)
{
  const char *sname;
  const json_t *sv;

  if (! json_is_object (body))
  {
    add_error (errors, "", "must be a JSON object");
    return;
  }
  json_object_foreach ((json_t *) body, sname, sv)
  {
    int sec = -1;
    char p[160];
    const char *key;
    const json_t *v;

    for (int i = 0; i < (int) (sizeof (sections) / sizeof (sections[0])); i++)
      if (0 == strcmp (sections[i].name, sname))
        sec = i;
    snprintf (p, sizeof (p), "/%s", sname);
    if (sec < 0 || ! json_is_object (sv))
    {
      add_error (errors, p, sec < 0 ? "unknown field" : "must be an object");
      continue;
    }
    json_object_foreach ((json_t *) sv, key, v)
    {
      int i = section_key (base, (enum section) sec, key);
      double x = json_is_number (v) ? json_number_value (v) : NAN;

      snprintf (p, sizeof (p), "/%s/%s", sname, key);
      if (i < 0)
        add_error (errors, p, "unknown key");
      else if (! (x >= sections[sec].min && x <= sections[sec].max))
        add_error (errors, p, sections[sec].msg);
      else if (NULL != target)
        section_apply (target, (enum section) sec, i, x);
    }
  }
}

bool
model_validate_weights (const struct score_model *base, const json_t *body,
                        struct model_errors *errors)
{
  memset (errors, 0, sizeof (*errors));
  walk_override (base, body, errors, NULL);
  return 0 == errors->total;
}

struct score_model *
model_apply_weights (const struct score_model *base, const json_t *body,
                     struct model_errors *errors)
{
  struct score_model *m = NULL;

  memset (errors, 0, sizeof (*errors));
  if (NULL != body && ! model_validate_weights (base, body, errors))
    goto cleanup;
  m = util_malloc (sizeof (*m));
  memcpy (m, base, sizeof (*m));
  if (NULL != body)
    walk_override (base, body, errors, m);
cleanup:
  return m;
}
