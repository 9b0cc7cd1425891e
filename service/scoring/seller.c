/**
 * @file seller.c
 * @brief Seller approach: pusher or builder (seed 001-pusher-vs-builder.txt).
 *
 * Each trait gives a signed measure x in [-1, 1] (positive = builder),
 * worth x * trait_max points; the score is 100 * tanh(sum / scale).
 * Note cues with target "trait:*" carry signed weights in the same
 * direction and add to the structured measures.
 *
 * The trait explanations are English templates here, filled with the
 * figures (or saying what to log when there are none): code, not model
 * data (docs/scoring.md). Only the approach guidance comes from the model.
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/** Running sums over a seller's calls. */
struct seller_acc
{
  double talk_sum; /**< decay-weighted talk ratio */
  double talk_w;
  double q_sum; /**< decay-weighted questions asked */
  double q_w;
  double cold;                        /**< decayed cold calls */
  double signal_w[SCORE_TRAIT_COUNT]; /**< structured conduct signals */
  double note_w[SCORE_TRAIT_COUNT];   /**< note cues */
  double calls;                       /**< decayed call count */
  unsigned talk_turns; /**< calls whose talk share came from turns */
  unsigned q_turns;    /**< calls whose questions came from turns */
};

/**
 * Clamp to [-1, 1].
 *
 * @param x value
 * @return clamped value
 */
static double
clamp1 (double x)
{
  return x < -1.0 ? -1.0 : x > 1.0 ? 1.0 : x;
}

/**
 * Add one call's structured data and note cues.
 *
 * @param m model
 * @param s scratch holding the analysed note
 * @param c call
 * @param decay recency factor
 * @param acc sums
 * @param out assessment (trait evidence)
 */
static void
add_call (const struct score_model *m, const struct score_scratch *s,
          const struct score_call *c, double decay, struct seller_acc *acc,
          struct score_seller_assessment *out)
{
  struct score_evidence e;
  double nw[SCORE_TRAIT_COUNT] = { 0 };
  struct score_evidence_list ev[SCORE_TRAIT_COUNT];

  double talk = c->seller_talk_ratio;
  int questions = c->questions_asked;

  /* without logged figures, a transcript with both sides measures them */
  if (! (talk >= 0.0 && talk <= 1.0) && s->turn_talk >= 0.0)
  {
    talk = s->turn_talk;
    acc->talk_turns++;
  }
  if (questions < 0 && s->turn_questions >= 0)
  {
    questions = s->turn_questions;
    acc->q_turns++;
  }
  acc->calls += decay;
  if (talk >= 0.0 && talk <= 1.0)
  {
    acc->talk_sum += decay * talk;
    acc->talk_w += decay;
  }
  if (questions >= 0)
  {
    acc->q_sum += decay * questions;
    acc->q_w += decay;
  }
  if (SCORE_KIND_COLD_CALL == c->kind)
    acc->cold += decay;
  for (int sig = 0; sig < SCORE_SIG_COUNT; sig++)
    for (int t = 0;
         (c->signals & (1ull << sig)) && t < m->n_signal_targets[sig]; t++)
    {
      const struct score_signal_weight *sw = &m->signals[sig][t];

      if (SCORE_TARGET_TRAIT != sw->target.kind)
        continue;
      acc->signal_w[sw->target.index] += sw->weight * decay;
      score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                          score_signal_name (sig), sw->weight * decay);
      score_evidence_add (&out->traits[sw->target.index].evidence, &e);
    }
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
    ev[t] = out->traits[t].evidence;
  score_collect_note_hits (m, s, c, SCORE_TARGET_TRAIT, decay, nw,
                           SCORE_TRAIT_COUNT, ev);
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
  {
    acc->note_w[t] += nw[t];
    out->traits[t].evidence = ev[t];
  }
}

/**
 * Set one trait's measure, contribution and explanation.
 *
 * @param m model
 * @param r trait result
 * @param known whether any data backs it
 * @param value raw measure
 * @param x signed measure in [-1, 1]
 * @param text explanation
 */
static void
trait_set (const struct score_model *m, struct score_trait_result *r,
           bool known, double value, double x, const char *text)
{
  r->known = known;
  r->value = value;
  r->contribution = known ? clamp1 (x) * m->trait_max[r->trait].value : 0.0;
  score_strlcpy (r->explanation, sizeof (r->explanation), text);
}

/**
 * Talk share, questions and prospecting traits.
 *
 * @param m model
 * @param acc sums
 * @param out assessment
 */
static void
conversation_traits (const struct score_model *m, const struct seller_acc *acc,
                     struct score_seller_assessment *out)
{
  char text[SCORE_TEXT_LEN];
  double talk = acc->talk_w > 0 ? acc->talk_sum / acc->talk_w : -1.0;
  double q = acc->q_w > 0 ? acc->q_sum / acc->q_w : -1.0;
  double refs = acc->signal_w[SCORE_TRAIT_PROSPECTING]
                + (acc->note_w[SCORE_TRAIT_PROSPECTING] > 0
                     ? acc->note_w[SCORE_TRAIT_PROSPECTING]
                     : 0);
  double cold = acc->cold
                - (acc->note_w[SCORE_TRAIT_PROSPECTING] < 0
                     ? acc->note_w[SCORE_TRAIT_PROSPECTING]
                     : 0);
  double nt = acc->note_w[SCORE_TRAIT_TALK_SHARE];
  double nq = acc->note_w[SCORE_TRAIT_QUESTIONS];

  if (talk >= 0 && acc->talk_turns > 0)
    snprintf (text, sizeof (text),
              "Seller talks %.0f%% of the time on average (%u call(s) "
              "measured from their transcript's turns); builders listen "
              "more than they transmit.",
              talk * 100.0, acc->talk_turns);
  else if (talk >= 0)
    snprintf (text, sizeof (text),
              "Seller talks %.0f%% of the time on "
              "average; builders listen more than they transmit.",
              talk * 100.0);
  else if (nt != 0)
    snprintf (text, sizeof (text),
              "No talk-time figures; the notes say the "
              "seller %s. Log seller_talk_ratio on calls to measure it.",
              nt > 0 ? "mostly listens" : "does most of the talking");
  else
    snprintf (text, sizeof (text),
              "No talk-time data yet: log "
              "seller_talk_ratio on calls. Builders listen more than they "
              "transmit.");
  trait_set (m, &out->traits[SCORE_TRAIT_TALK_SHARE], talk >= 0 || nt != 0,
             talk >= 0 ? talk : nt,
             (talk >= 0 ? (0.5 - talk) / 0.2 : 0.0) + 0.5 * nt, text);
  if (q >= 0 && acc->q_turns > 0)
    snprintf (text, sizeof (text),
              "%.1f questions asked per call (for %u call(s), real "
              "questions per ten of the seller's transcript turns); deep "
              "conversations expose opportunities.",
              q, acc->q_turns);
  else if (q >= 0)
    snprintf (text, sizeof (text),
              "%.1f questions asked per call; deep "
              "conversations expose opportunities.",
              q);
  else if (nq != 0)
    snprintf (text, sizeof (text),
              "No question counts; the notes say the "
              "seller %s. Log questions_asked on calls to measure it.",
              nq > 0 ? "asks and digs into needs"
                     : "skips discovery questions");
  else
    snprintf (text, sizeof (text),
              "No question data yet: log "
              "questions_asked on calls. Deep conversations with the client "
              "expose opportunities.");
  trait_set (m, &out->traits[SCORE_TRAIT_QUESTIONS], q >= 0 || nq != 0,
             q >= 0 ? q : nq, (q >= 0 ? (q - 5.0) / 4.0 : 0.0) + 0.5 * nq,
             text);
  if (refs + cold > 0)
    snprintf (text, sizeof (text),
              "%.1f cold calls against %.1f referrals "
              "(recency-weighted).",
              cold, refs);
  else
    snprintf (text, sizeof (text),
              "No prospecting data yet: log cold calls "
              "(kind cold_call) and referrals (signal referral_given). "
              "Builders grow through referrals rather than cold calls.");
  trait_set (m, &out->traits[SCORE_TRAIT_PROSPECTING], refs + cold > 0,
             refs - cold, (refs - cold) / (refs + cold + 1.0), text);
}

/**
 * Report-card habit: cards gathered and followed up.
 *
 * @param m model
 * @param in seller data
 * @param as_of assessment time
 * @param out assessment
 */
static void
card_trait (const struct score_model *m, const struct score_seller_input *in,
            int64_t as_of, struct score_seller_assessment *out)
{
  struct score_trait_result *r = &out->traits[SCORE_TRAIT_REPORT_CARDS];
  unsigned cards = 0;
  unsigned asked = 0;
  unsigned followed = 0;
  char text[SCORE_TEXT_LEN];

  for (size_t i = 0; i < in->n_cards; i++)
  {
    const struct score_report_card *rc = &in->cards[i];
    struct score_evidence e;

    if (rc->received_at > as_of)
      continue;
    cards++;
    asked += rc->improvements_requested > 0;
    followed += rc->improvements_requested > 0 && rc->follow_up_done;
    score_evidence_set (&e, SCORE_SOURCE_REPORT_CARD, rc->id, rc->received_at,
                        rc->follow_up_done ? "follow_up_done" : "report_card",
                        1.0);
    score_evidence_add (&r->evidence, &e);
  }
  if (cards > 0)
    snprintf (text, sizeof (text),
              "%u report card(s) gathered; %u of %u "
              "improvement request(s) followed up.",
              cards, followed, asked);
  else
    snprintf (text, sizeof (text),
              "No report cards yet: gather customer "
              "report cards regularly and follow up so improvements are "
              "recognized.");
  trait_set (m, r, cards > 0, cards,
             0.5 * (cards >= 3 ? 1.0 : cards / 3.0)
               + (asked ? (double) followed / asked - 0.5 : 0.5),
             text);
}

/**
 * Traits read mostly from notes and conduct signals.
 *
 * @param m model
 * @param acc sums
 * @param out assessment
 */
static void
conduct_traits (const struct score_model *m, const struct seller_acc *acc,
                struct score_seller_assessment *out)
{
  static const struct
  {
    int trait;
    double scale;
    const char *text;
    const char *none;
  } t[] = {
    { SCORE_TRAIT_PRICE_RELIANCE, 1.5,
      "Leaning on discounts and low prices "
      "rather than selling value.",
      "No evidence yet on price reliance: note "
      "when you hold your price or discount. Builders sell value at the "
      "highest price possible." },
    { SCORE_TRAIT_SERVICE_RECOVERY, 1.5,
      "Owning and recovering from "
      "service mistakes.",
      "No service recovery on record yet: when a service "
      "mistake hurts a client, do whatever it takes to recover and log it "
      "(signal service_recovery)." },
    { SCORE_TRAIT_ALTERNATIVE, 1.0,
      "Recommending another product when it "
      "solves the client's problem better.",
      "No recommendation of another "
      "product on record: when someone else's product solves the client's "
      "problem better, say so and log it (signal recommended_alternative)." },
    { SCORE_TRAIT_PRODUCT_PUSH, 1.5,
      "Pitching and force-fitting product "
      "instead of solving the client's problem.",
      "No evidence yet of pitching "
      "or of solving the client's problem: note what was proposed and why it "
      "fits their problem." }
  };

  for (size_t i = 0; i < sizeof (t) / sizeof (t[0]); i++)
  {
    double w = acc->signal_w[t[i].trait] + acc->note_w[t[i].trait];

    trait_set (m, &out->traits[t[i].trait], w != 0.0, w, w / t[i].scale,
               w != 0.0 ? t[i].text : t[i].none);
  }
}

enum score_status
score_assess_seller (const struct score_model *m,
                     const struct score_seller_input *in, int64_t as_of,
                     struct score_scratch *s,
                     struct score_seller_assessment *out)
{
  struct seller_acc acc;
  size_t *idx;
  size_t n;
  double sum = 0.0;

  if (NULL == m || NULL == in || NULL == out || in->n_calls > SCORE_MAX_CALLS
      || in->n_cards > SCORE_MAX_CARDS)
    return SCORE_ERR_ARGUMENT;
  if (NULL == s || NULL == s->stemmer)
    return SCORE_ERR_STEMMER;
  memset (out, 0, sizeof (*out));
  memset (&acc, 0, sizeof (acc));
  score_strlcpy (out->seller_id, sizeof (out->seller_id), in->seller_id);
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
    out->traits[t].trait = (enum score_trait) t;
  idx = s->call_idx;
  n = score_select_calls (m, in->calls, in->n_calls, as_of, idx);
  for (size_t i = 0; i < n; i++)
  {
    const struct score_call *c = &in->calls[idx[i]];

    score_call_read (m, s, NULL, c);
    add_call (m, s, c,
              score_decay (c->occurred_at, as_of,
                           score_p (m, SCORE_P_HALF_LIFE_SELLER)),
              &acc, out);
  }
  conversation_traits (m, &acc, out);
  card_trait (m, in, as_of, out);
  conduct_traits (m, &acc, out);
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
    sum += out->traits[t].contribution;
  out->score = 100.0 * tanh (sum / score_p (m, SCORE_P_SELLER_SCALE));
  out->approach = (out->score >= score_p (m, SCORE_P_SELLER_BUILDER))
                    ? SCORE_APPROACH_BUILDER
                  : (out->score <= score_p (m, SCORE_P_SELLER_PUSHER))
                    ? SCORE_APPROACH_PUSHER
                    : SCORE_APPROACH_MIXED;
  out->guidance = m->guidance_seller[out->approach].text;
  return SCORE_OK;
}
