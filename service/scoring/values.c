/**
 * @file values.c
 * @brief Values fit of a prospect (seed 003-value-discovery.txt).
 *
 * Each party's values are a vector over the 13 named values: explicit
 * priorities, raised by what value-discovery answers say (lexicon cues
 * with target "value:*"). Fit is the cosine of the account's vector with
 * the organization's and with the owner's. A poor fit with the
 * organization means walk away; a fit with the organization but not with
 * the owner means hand off to a teammate; otherwise proceed.
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>
#include <string.h>

/**
 * Build one party's value vector and record the account's evidence.
 *
 * @param m model
 * @param s scratch
 * @param v values (NULL gives zeros)
 * @param who "account", "organization" or "owner"
 * @param[out] vec vector over the 13 values
 * @param ev evidence list (may be NULL)
 * @return true when the party has any priority or answer
 */
static bool
value_vector (const struct score_model *m, struct score_scratch *s,
              const struct score_values *v, const char *who, double *vec,
              struct score_evidence_list *ev)
{
  double w[SCORE_VALUE_COUNT] = { 0 };
  bool any = false;

  memset (vec, 0, sizeof (double) * SCORE_VALUE_COUNT);
  if (NULL == v)
    return false;
  for (size_t a = 0; a < v->n_answers && a < SCORE_MAX_ANSWERS; a++)
  {
    if (NULL == v->answers[a] || '\0' == v->answers[a][0])
      continue;
    any = true;
    score_text_analyze (m, s, v->answers[a], strlen (v->answers[a]));
    score_text_attribute (m, s);
    for (size_t i = 0; i < s->n_hits; i++)
    {
      const struct score_hit *h = &s->hits[i];
      const struct score_cue *cue = &m->cues[h->cue];
      struct score_evidence e;

      if (SCORE_TARGET_VALUE != cue->target.kind || ! score_hit_counts (m, h))
        continue;
      w[cue->target.index] += cue->weight;
      if (NULL == ev)
        continue;
      score_evidence_set (&e, SCORE_SOURCE_VALUES, who, 0, cue->id,
                          cue->weight);
      score_text_excerpt (s, h, e.excerpt);
      score_evidence_add (ev, &e);
    }
  }
  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
  {
    double derived = (w[i] > 0) ? 1.0 - exp (-w[i]) : 0.0;

    derived *= score_p (m, SCORE_P_VALUES_TEXT_WEIGHT);
    if (v->has_priority[i])
    {
      any = true;
      vec[i] = v->priorities[i] < 0   ? 0
               : v->priorities[i] > 1 ? 1
                                      : v->priorities[i];
    }
    if (derived > vec[i])
      vec[i] = derived;
  }
  return any;
}

/** Values that go together: wanting one is half of wanting the other
    (time saved is productivity; reliability is a kind of quality and of
    service). */
static const int related[][2] = {
  { SCORE_VALUE_TIME_SAVINGS, SCORE_VALUE_PRODUCTIVITY },
  { SCORE_VALUE_TIME_SAVINGS, SCORE_VALUE_SPEED },
  { SCORE_VALUE_PRODUCTIVITY, SCORE_VALUE_PROFITABILITY },
  { SCORE_VALUE_COST_SAVINGS, SCORE_VALUE_PROFITABILITY },
  { SCORE_VALUE_RELIABILITY, SCORE_VALUE_QUALITY },
  { SCORE_VALUE_RELIABILITY, SCORE_VALUE_SERVICE },
  { SCORE_VALUE_SERVICE, SCORE_VALUE_PARTNERSHIP },
  { SCORE_VALUE_INNOVATION, SCORE_VALUE_GROWTH },
};

/**
 * Soft cosine of two non-negative value vectors: the plain cosine, with
 * related values (above) counted as alike to values.related_similarity.
 *
 * @param m model
 * @param a first
 * @param b second
 * @return 0..1 (0 if either is zero)
 */
static double
cosine (const struct score_model *m, const double *a, const double *b)
{
  double k = score_p (m, SCORE_P_VALUES_RELATED);
  double dot = 0.0;
  double na = 0.0;
  double nb = 0.0;

  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
  {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  for (size_t r = 0; r < sizeof (related) / sizeof (related[0]); r++)
  {
    int x = related[r][0];
    int y = related[r][1];

    dot += k * (a[x] * b[y] + a[y] * b[x]);
    na += 2.0 * k * a[x] * a[y];
    nb += 2.0 * k * b[x] * b[y];
  }
  if (na <= 0.0 || nb <= 0.0)
    return 0.0;
  dot /= sqrt (na) * sqrt (nb);
  return dot > 1.0 ? 1.0 : dot;
}

void
score_values_assess (const struct score_model *m,
                     const struct score_account_input *in,
                     struct score_scratch *s,
                     struct score_values_fit_result *out)
{
  double org[SCORE_VALUE_COUNT];
  double owner[SCORE_VALUE_COUNT];
  bool has_org;
  bool has_owner;
  double proceed = score_p (m, SCORE_P_VALUES_PROCEED);
  double walk = score_p (m, SCORE_P_VALUES_WALK_AWAY);

  memset (out, 0, sizeof (*out));
  out->recommendation = SCORE_VALUES_NONE;
  out->score_organization = -1.0;
  out->score_owner = -1.0;
  out->available = value_vector (m, s, in->account_values, "account",
                                 out->account_priorities, &out->evidence);
  has_org = value_vector (m, s, in->org_values, "organization", org, NULL);
  has_owner = value_vector (m, s, in->owner_values, "owner", owner, NULL);
  if (! out->available || (! has_org && ! has_owner))
  {
    out->available = false;
    return;
  }
  if (has_org)
    out->score_organization = cosine (m, out->account_priorities, org);
  if (has_owner)
    out->score_owner = cosine (m, out->account_priorities, owner);
  out->score = (has_org && has_owner)
                 ? 0.5 * (out->score_organization + out->score_owner)
               : has_org ? out->score_organization
                         : out->score_owner;
  /* 003: the business first: a prospect not suited to the business is
     bowed out of whoever sells; only then is a mismatch with the seller
     "a matter of personality", for someone else on the team */
  if (has_org && out->score_organization < walk)
    out->recommendation = SCORE_VALUES_WALK_AWAY;
  else if (has_owner && out->score_owner < proceed)
    out->recommendation = SCORE_VALUES_HAND_OFF;
  else
    out->recommendation = SCORE_VALUES_PROCEED;
  out->guidance = m->guidance_values[out->recommendation].text;
}
