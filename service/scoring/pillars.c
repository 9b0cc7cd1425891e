/**
 * @file pillars.c
 * @brief Relationship pillars: compatibility, knowledge and trust
 *        (seed 002-relationship-pillars.txt).
 *
 * Each pillar adds recency-decayed weight from structured signals, call
 * topics, note cues, report-card ratings and kept or broken promises;
 * the score is 100 * (1 - exp(-w / scale)). A pillar stands at the
 * model's threshold; one standing pillar (or none) is vulnerable, two are
 * developing, three make a favored vendor.
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>

/**
 * Add a weight and its evidence to a pillar.
 *
 * @param acc accumulator
 * @param target target (ignored unless a pillar)
 * @param e evidence with its final weight
 */
static void
pillar_add (struct score_account_acc *acc, struct score_target target,
            const struct score_evidence *e)
{
  if (SCORE_TARGET_PILLAR != target.kind || target.index < 0
      || target.index >= SCORE_PILLAR_COUNT)
    return;
  acc->pillar_w[target.index] += e->weight;
  score_evidence_add (&acc->pillar_ev[target.index], e);
}

/**
 * Count one positive trust item of a kind (a note cue, a signal, kept
 * promises, report cards): 002 gives trust for "sustained performance
 * on the customer's behalf in broad spectrum of services".
 *
 * @param acc accumulator
 * @param kind kind number below 64
 */
static void
trust_item (struct score_account_acc *acc, unsigned kind)
{
  acc->trust_items++;
  acc->trust_kinds |= 1ull << kind;
}

void
score_pillars_add_call (const struct score_model *m,
                        const struct score_call *c, int64_t as_of,
                        const struct score_scratch *s,
                        struct score_account_acc *acc)
{
  double decay = score_decay (c->occurred_at, as_of,
                              score_p (m, SCORE_P_HALF_LIFE_PILLARS));
  struct score_evidence e;
  double compat = acc->pillar_w[SCORE_PILLAR_COMPATIBILITY];

  for (int sig = 0; sig < SCORE_SIG_COUNT; sig++)
    if (c->signals & (1ull << sig))
      for (int t = 0; t < m->n_signal_targets[sig]; t++)
      {
        score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                            score_signal_name (sig),
                            m->signals[sig][t].weight * decay);
        pillar_add (acc, m->signals[sig][t].target, &e);
        if (SCORE_TARGET_PILLAR == m->signals[sig][t].target.kind
            && SCORE_PILLAR_TRUST == m->signals[sig][t].target.index
            && m->signals[sig][t].weight > 0)
          trust_item (acc, 48 + (unsigned) sig % 12);
      }
  for (int tp = 0; tp < SCORE_TOPIC_COUNT; tp++)
    if ((c->topics & (1u << tp)) && m->has_topic[tp])
    {
      char name[SCORE_SIGNAL_LEN];

      score_strlcpy (name, sizeof (name), "topic:");
      score_strlcpy (name + 6, sizeof (name) - 6, score_topic_name (tp));
      score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at, name,
                          m->topics[tp].weight * decay);
      pillar_add (acc, m->topics[tp].target, &e);
    }
  score_collect_note_hits (m, s, c, SCORE_TARGET_PILLAR, decay, acc->pillar_w,
                           SCORE_PILLAR_COUNT, acc->pillar_ev);
  /* 002: compatibility grows with "interests in common" and "genuine
     interest in the things they love": "golf", "kids", "fishing" in one
     note are more than one */
  score_collect_further_phrases (m, s, c, SCORE_TARGET_PILLAR,
                                 score_p (m, SCORE_P_PILLAR_PHRASE_STEP)
                                   * decay,
                                 acc->pillar_w, SCORE_PILLAR_COUNT,
                                 acc->pillar_ev);
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];

    if (SCORE_TARGET_PILLAR == h->kind
        && SCORE_PILLAR_TRUST == cue->target.index && cue->weight > 0
        && ! h->cue_repeat && score_hit_counts (m, h))
      trust_item (acc, (unsigned) h->cue % 48);
  }
  if (acc->pillar_w[SCORE_PILLAR_COMPATIBILITY] > compat)
    acc->compat_talked = true;
}

/**
 * Add report-card ratings: each point above 3 adds, below 3 removes.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param acc accumulator
 */
static void
add_cards (const struct score_model *m, const struct score_account_input *in,
           int64_t as_of, struct score_account_acc *acc)
{
  for (size_t i = 0; i < in->n_cards; i++)
  {
    const struct score_report_card *rc = &in->cards[i];
    double decay = score_decay (rc->received_at, as_of,
                                score_p (m, SCORE_P_HALF_LIFE_PILLARS));

    bool counted = false; /* one card is one trust item, however many
                             of its ratings speak for trust */

    if (decay <= 0.0)
      continue;
    for (int r = 0; r < SCORE_RATING_COUNT; r++)
    {
      struct score_evidence e;

      if (! m->has_rating[r] || rc->ratings[r] < 1 || rc->ratings[r] > 5
          || 3 == rc->ratings[r])
        continue;
      score_evidence_set (&e, SCORE_SOURCE_REPORT_CARD, rc->id,
                          rc->received_at, score_rating_name (r),
                          m->ratings[r].weight * (rc->ratings[r] - 3) * decay);
      pillar_add (acc, m->ratings[r].target, &e);
      if (SCORE_TARGET_PILLAR == m->ratings[r].target.kind
          && SCORE_PILLAR_TRUST == m->ratings[r].target.index && e.weight > 0
          && ! counted)
      {
        trust_item (acc, 62);
        counted = true;
      }
    }
  }
}

/**
 * Add kept and broken commitments to trust.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param acc accumulator
 */
static void
add_commitments (const struct score_model *m,
                 const struct score_account_input *in, int64_t as_of,
                 struct score_account_acc *acc)
{
  struct score_target trust = { SCORE_TARGET_PILLAR, SCORE_PILLAR_TRUST };

  for (size_t i = 0; i < in->n_commitments; i++)
  {
    const struct score_commitment *cm = &in->commitments[i];
    int64_t at = cm->resolved_at ? cm->resolved_at : cm->made_at;
    struct score_evidence e;
    double w;

    if (SCORE_COMMITMENT_OPEN == cm->status || at > as_of
        || cm->made_at > as_of)
      continue;
    w = (SCORE_COMMITMENT_KEPT == cm->status)
          ? score_p (m, SCORE_P_COMMITMENT_KEPT)
          : score_p (m, SCORE_P_COMMITMENT_BROKEN);
    score_evidence_set (
      &e, SCORE_SOURCE_COMMITMENT, cm->id, at,
      SCORE_COMMITMENT_KEPT == cm->status ? "commitment_kept"
                                          : "commitment_broken",
      w * score_decay (at, as_of, score_p (m, SCORE_P_HALF_LIFE_PILLARS)));
    pillar_add (acc, trust, &e);
    if (SCORE_COMMITMENT_KEPT == cm->status && e.weight > 0)
      trust_item (acc, 63);
  }
}

/** Trust kinds from the calls (note cues, bits 0-47, and call signals,
    48-59), not report cards (62) or kept commitments (63): a first sign
    of trust is something the customer did or said. */
#define SAID_TRUST ((1ull << 60) - 1)

void
score_pillars_finish (const struct score_model *m,
                      const struct score_account_input *in, int64_t as_of,
                      struct score_account_acc *acc,
                      struct score_pillars_result *out)
{
  double scale = score_p (m, SCORE_P_PILLAR_SCALE);
  double stands = score_p (m, SCORE_P_PILLAR_STANDS);
  double need_items = score_p (m, SCORE_P_TRUST_MIN_ITEMS);
  double need_kinds = score_p (m, SCORE_P_TRUST_MIN_KINDS);
  unsigned kinds;
  double first_trust = 0.0; /* trust's score before the sustained rule */
  bool knowledge;
  bool compat;
  bool trust;

  add_cards (m, in, as_of, acc);
  add_commitments (m, in, as_of, acc);
  kinds = 0;
  for (uint64_t b = acc->trust_kinds; b; b &= b - 1)
    kinds++;
  out->foundation = 0;
  for (int p = 0; p < SCORE_PILLAR_COUNT; p++)
  {
    struct score_pillar_result *r = &out->pillars[p];
    double w = acc->pillar_w[p] > 0 ? acc->pillar_w[p] : 0.0;

    r->score = 100.0 * (1.0 - exp (-w / scale));
    if (SCORE_PILLAR_TRUST == p)
      first_trust = r->score;
    if (SCORE_PILLAR_TRUST == p
        && (acc->trust_items < need_items || kinds < need_kinds))
    {
      /* not yet sustained, or from one kind of evidence only: trust
         grows towards standing but does not stand */
      double fi = (need_items > 0 && acc->trust_items < need_items)
                    ? acc->trust_items / need_items
                    : 1.0;
      double fk = (need_kinds > 0 && kinds < need_kinds) ? kinds / need_kinds
                                                         : 1.0;

      r->score *= fi * fk;
      if (r->score > stands - 1.0)
        r->score = stands - 1.0;
      if (r->score < 0)
        r->score = 0;
    }
    if (SCORE_PILLAR_COMPATIBILITY == p && ! acc->compat_talked
        && r->score > stands - 1.0)
      r->score = stands - 1.0; /* 002's rapport is seen in what was
                                  talked about; good ratings of our
                                  communication alone do not make it */
    r->stands = r->score >= stands;
    r->evidence = acc->pillar_ev[p];
    if (r->stands)
      out->foundation |= 1u << p;
  }
  /* 002: all three assure favored-vendor status. Knowledge "stands hand
     in hand with compatibility" and moves a relationship on: standing
     knowledge with compatibility at least half-way to standing (a
     little small talk) or with a first sign of trust (a confidence,
     before it is sustained, said or done in a call: a kept promise alone
     is performance, not yet trust) and some compatibility (not a buyer who
     keeps it curt) is developing, as
     are two standing pillars; compatibility alone, or anything resting
     on one pillar, is vulnerable to competitive attack */
  knowledge = out->pillars[SCORE_PILLAR_KNOWLEDGE].stands;
  compat = out->pillars[SCORE_PILLAR_COMPATIBILITY].stands;
  trust = out->pillars[SCORE_PILLAR_TRUST].stands;
  if (knowledge && compat && trust)
    out->status = SCORE_STATUS_FAVORED_VENDOR;
  else if ((knowledge
            && (out->pillars[SCORE_PILLAR_COMPATIBILITY].score >= stands / 2
                || (first_trust >= stands / 2
                    && acc->pillar_w[SCORE_PILLAR_COMPATIBILITY] >= 0
                    && (acc->trust_kinds & SAID_TRUST))))
           || (compat && trust) || (knowledge && trust))
    out->status = SCORE_STATUS_DEVELOPING;
  else
    out->status = SCORE_STATUS_VULNERABLE;
  out->guidance = m->guidance_pillars[out->status].text;
}
