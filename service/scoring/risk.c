/**
 * @file risk.c
 * @brief Buyer risk: customers never stop being buyers
 *        (seed 004-customers-are-buyers.txt, with 000 and 002).
 *
 * Each driver earns points up to its maximum in the model; the score is
 * their sum capped at 100. Signal-like drivers (competitor activity,
 * supplier evaluation, service problems, a new decision maker) and broken
 * promises saturate as max * (1 - exp(-w / scale)) over decayed weight.
 *
 * A driver's explanation is a detail sentence with its figures, written
 * here in English, followed by the model's general explanation: the
 * details are code, not model data (docs/scoring.md).
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/**
 * Add a weight and its evidence to a driver.
 *
 * @param acc accumulator
 * @param d driver
 * @param e evidence with its final weight
 */
static void
risk_add (struct score_account_acc *acc, int d, const struct score_evidence *e)
{
  acc->risk_w[d] += e->weight;
  score_evidence_add (&acc->risk_ev[d], e);
}

void
score_risk_add_call (const struct score_model *m, const struct score_call *c,
                     int64_t as_of, const struct score_scratch *s,
                     struct score_account_acc *acc)
{
  double decay = score_decay (c->occurred_at, as_of,
                              score_p (m, SCORE_P_HALF_LIFE_RISK));
  double before = acc->risk_w[SCORE_DRIVER_SERVICE_PROBLEMS];

  for (int sig = 0; sig < SCORE_SIG_COUNT; sig++)
    if (c->signals & (1ull << sig))
      for (int t = 0; t < m->n_signal_targets[sig]; t++)
      {
        const struct score_signal_weight *sw = &m->signals[sig][t];
        struct score_evidence e;

        if (SCORE_TARGET_RISK != sw->target.kind)
          continue;
        score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                            score_signal_name (sig), sw->weight * decay);
        risk_add (acc, sw->target.index, &e);
      }
  for (int tp = 0; tp < SCORE_TOPIC_COUNT; tp++)
    if ((c->topics & (1u << tp)) && m->has_topic[tp]
        && SCORE_TARGET_RISK == m->topics[tp].target.kind)
    {
      struct score_evidence e;

      score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                          score_topic_name (tp), m->topics[tp].weight * decay);
      risk_add (acc, m->topics[tp].target.index, &e);
    }
  score_collect_note_hits (m, s, c, SCORE_TARGET_RISK, decay, acc->risk_w,
                           SCORE_DRIVER_COUNT, acc->risk_ev);
  /* 004: a call that names a problem three ways ("late again", "the
     plant manager is furious", "I'll have to escalate") says more than
     one mention */
  score_collect_further_phrases (m, s, c, SCORE_TARGET_RISK,
                                 score_p (m, SCORE_P_RISK_PHRASE_STEP) * decay,
                                 acc->risk_w, SCORE_DRIVER_COUNT,
                                 acc->risk_ev);
  if ((c->topics & (1u << SCORE_TOPIC_SERVICE_ISSUE))
      || acc->risk_w[SCORE_DRIVER_SERVICE_PROBLEMS] > before)
    if (c->occurred_at > acc->last_problem_talk)
      acc->last_problem_talk = c->occurred_at;
}

/**
 * Saturating points of a weight.
 *
 * @param m model
 * @param d driver
 * @param w weight
 * @return points in [0, max]
 */
static double
saturate (const struct score_model *m, int d, double w)
{
  if (w <= 0.0)
    return 0.0;
  return m->driver_max[d].value
         * (1.0 - exp (-w / score_p (m, SCORE_P_RISK_SCALE)));
}

/**
 * Start a driver result.
 *
 * @param m model
 * @param out risk result
 * @param d driver
 * @param points points
 * @param detail dynamic explanation (may be NULL)
 * @return the driver entry, NULL when it earns no points
 */
static struct score_risk_driver_result *
driver_set (const struct score_model *m, struct score_buyer_risk_result *out,
            int d, double points, const char *detail)
{
  struct score_risk_driver_result *r = &out->drivers[d];
  char text[SCORE_TEXT_LEN + SCORE_GUIDANCE_LEN + 2];

  r->driver = (enum score_driver) d;
  r->points = points;
  r->action = m->driver_actions[d].text;
  snprintf (text, sizeof (text), "%.*s%s%s", SCORE_TEXT_LEN,
            detail ? detail : "", detail ? " " : "",
            m->driver_explanations[d].text);
  score_strlcpy (r->explanation, sizeof (r->explanation), text);
  score_evidence_clear (&r->evidence);
  return (points > 0.0) ? r : NULL;
}

/**
 * Points for silence against the account's own cadence: the median gap
 * between its calls (the model default with fewer than three calls).
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param calls counted calls, newest first
 * @param n number of counted calls
 * @param out risk result
 */
static void
contact_gap (const struct score_model *m, const struct score_account_input *in,
             int64_t as_of, const size_t *calls, size_t n,
             struct score_buyer_risk_result *out)
{
  double gaps[SCORE_MAX_CALLS];
  double cadence = score_p (m, SCORE_P_CADENCE_DEFAULT_DAYS);
  double since;
  double ratio;
  double start = score_p (m, SCORE_P_GAP_RATIO_START);
  double full = score_p (m, SCORE_P_GAP_RATIO_FULL);
  size_t k = 0;
  char detail[SCORE_TEXT_LEN];
  struct score_risk_driver_result *r;
  struct score_evidence e;

  if (0 == n)
  {
    driver_set (m, out, SCORE_DRIVER_CONTACT_GAP,
                (SCORE_STAGE_FORMER == in->account.stage)
                  ? 0.0
                  : m->driver_max[SCORE_DRIVER_CONTACT_GAP].value,
                "No call is on record.");
    return;
  }
  for (size_t i = 0; i + 1 < n; i++)
  {
    double g = (double) (in->calls[calls[i]].occurred_at
                         - in->calls[calls[i + 1]].occurred_at)
               / SCORE_DAY;
    size_t j = k++;

    while (j > 0 && gaps[j - 1] > g)
    {
      gaps[j] = gaps[j - 1];
      j--;
    }
    gaps[j] = g;
  }
  if (k >= 2)
    cadence = (k % 2) ? gaps[k / 2] : 0.5 * (gaps[k / 2 - 1] + gaps[k / 2]);
  if (cadence < score_p (m, SCORE_P_CADENCE_MIN_DAYS))
    cadence = score_p (m, SCORE_P_CADENCE_MIN_DAYS);
  since = (double) (as_of - in->calls[calls[0]].occurred_at) / SCORE_DAY;
  ratio = since / cadence;
  snprintf (detail, sizeof (detail),
            "Last call %.0f days ago against a usual "
            "gap of %.0f days.",
            since, cadence);
  ratio = (ratio - start) / (full - start);
  ratio = ratio < 0 ? 0 : ratio > 1 ? 1 : ratio;
  r = driver_set (m, out, SCORE_DRIVER_CONTACT_GAP,
                  ratio * m->driver_max[SCORE_DRIVER_CONTACT_GAP].value,
                  detail);
  if (NULL == r)
    return;
  score_evidence_set (&e, SCORE_SOURCE_CALL, in->calls[calls[0]].id,
                      in->calls[calls[0]].occurred_at, "last_call", since);
  score_evidence_add (&r->evidence, &e);
}

/**
 * Points for broken and overdue promises.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param out risk result
 */
static void
commitments (const struct score_model *m, const struct score_account_input *in,
             int64_t as_of, struct score_buyer_risk_result *out)
{
  struct score_evidence_list ev;
  double w = 0.0;
  unsigned broken = 0;
  unsigned overdue = 0;
  char detail[SCORE_TEXT_LEN];
  struct score_risk_driver_result *r;

  score_evidence_clear (&ev);
  for (size_t i = 0; i < in->n_commitments; i++)
  {
    const struct score_commitment *cm = &in->commitments[i];
    bool resolved = cm->resolved_at > 0 ? cm->resolved_at <= as_of
                                        : SCORE_COMMITMENT_OPEN != cm->status;
    struct score_evidence e;
    double x = 0.0;

    if (cm->made_at > as_of)
      continue;
    if (resolved && SCORE_COMMITMENT_BROKEN == cm->status)
    {
      int64_t at = cm->resolved_at ? cm->resolved_at : cm->made_at;

      x = score_decay (at, as_of, score_p (m, SCORE_P_HALF_LIFE_RISK));
      broken++;
      score_evidence_set (&e, SCORE_SOURCE_COMMITMENT, cm->id, at,
                          "commitment_broken", x);
    }
    else if (! resolved && cm->due_date > 0 && cm->due_date < as_of)
    {
      double late = (double) (as_of - cm->due_date) / SCORE_DAY;

      x = 0.6 + 0.4 * (late > 30 ? 1.0 : late / 30.0);
      overdue++;
      score_evidence_set (&e, SCORE_SOURCE_COMMITMENT, cm->id, cm->due_date,
                          "commitment_overdue", x);
    }
    if (x <= 0.0)
      continue;
    w += x;
    score_evidence_add (&ev, &e);
  }
  snprintf (detail, sizeof (detail), "%u broken and %u overdue promise(s).",
            broken, overdue);
  r = driver_set (m, out, SCORE_DRIVER_COMMITMENTS,
                  saturate (m, SCORE_DRIVER_COMMITMENTS, w), detail);
  if (NULL != r)
    r->evidence = ev;
}

/**
 * Indices of report cards dated on or before as_of, oldest first.
 *
 * @param in account data
 * @param as_of assessment time
 * @param[out] idx indices (SCORE_MAX_CARDS)
 * @return count
 */
static size_t
cards_by_date (const struct score_account_input *in, int64_t as_of,
               size_t *idx)
{
  size_t n = 0;

  for (size_t i = 0; i < in->n_cards && n < SCORE_MAX_CARDS; i++)
  {
    size_t j;

    if (in->cards[i].received_at > as_of)
      continue;
    j = n++;
    while (j > 0
           && in->cards[idx[j - 1]].received_at > in->cards[i].received_at)
    {
      idx[j] = idx[j - 1];
      j--;
    }
    idx[j] = i;
  }
  return n;
}

/**
 * Points for falling or low report cards (overall rating).
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param out risk result
 */
static void
card_trend (const struct score_model *m, const struct score_account_input *in,
            int64_t as_of, struct score_buyer_risk_result *out)
{
  size_t idx[SCORE_MAX_CARDS];
  size_t n = cards_by_date (in, as_of, idx);
  const struct score_report_card *last;
  double prev = 0.0;
  double w = 0.0;
  char detail[SCORE_TEXT_LEN];
  struct score_risk_driver_result *r;
  struct score_evidence e;

  if (0 == n)
    return;
  last = &in->cards[idx[n - 1]];
  for (size_t i = 0; i + 1 < n; i++)
    prev += in->cards[idx[i]].ratings[SCORE_RATING_OVERALL];
  if (n >= 2 && last->ratings[SCORE_RATING_OVERALL] < prev / (double) (n - 1))
    w += (prev / (double) (n - 1) - last->ratings[SCORE_RATING_OVERALL]);
  if (last->ratings[SCORE_RATING_OVERALL] <= score_p (m, SCORE_P_CARD_LOW))
    w += 1.0 + score_p (m, SCORE_P_CARD_LOW)
         - last->ratings[SCORE_RATING_OVERALL];
  if (! last->follow_up_done && last->improvements_requested > 0)
    w += 0.5;
  w *= score_decay (last->received_at, as_of,
                    score_p (m, SCORE_P_HALF_LIFE_RISK));
  snprintf (detail, sizeof (detail),
            "Latest overall rating %d of 5 against "
            "an earlier average of %.1f.",
            last->ratings[SCORE_RATING_OVERALL],
            n >= 2 ? prev / (double) (n - 1)
                   : (double) last->ratings[SCORE_RATING_OVERALL]);
  r = driver_set (m, out, SCORE_DRIVER_REPORT_CARD_TREND,
                  saturate (m, SCORE_DRIVER_REPORT_CARD_TREND, w), detail);
  if (NULL == r)
    return;
  score_evidence_set (&e, SCORE_SOURCE_REPORT_CARD, last->id,
                      last->received_at, "overall", -w);
  score_evidence_add (&r->evidence, &e);
}

/**
 * Points for detractors: the newest recommend_score of each contact.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param out risk result
 */
static void
detractors (const struct score_model *m, const struct score_account_input *in,
            int64_t as_of, struct score_buyer_risk_result *out)
{
  size_t idx[SCORE_MAX_CARDS];
  size_t n = cards_by_date (in, as_of, idx);
  struct score_evidence_list ev;
  double w = 0.0;
  unsigned count = 0;
  unsigned passives = 0;
  char detail[SCORE_TEXT_LEN];
  struct score_risk_driver_result *r;

  score_evidence_clear (&ev);
  for (size_t i = n; i > 0; i--)
  {
    const struct score_report_card *rc = &in->cards[idx[i - 1]];
    bool newer = false;
    struct score_evidence e;
    double x;

    if (rc->recommend_score < 0)
      continue;
    for (size_t j = i; j < n && ! newer; j++)
      newer = in->cards[idx[j]].recommend_score >= 0
              && 0 == strcmp (in->cards[idx[j]].contact_id, rc->contact_id);
    if (newer || rc->recommend_score > 8)
      continue;
    x = (rc->recommend_score <= score_p (m, SCORE_P_DETRACTOR_MAX))
          ? 1.0
              + (score_p (m, SCORE_P_DETRACTOR_MAX) - rc->recommend_score)
                  / 3.0
          : 0.15;
    x *= score_decay (rc->received_at, as_of,
                      score_p (m, SCORE_P_HALF_LIFE_RISK));
    if (rc->recommend_score <= score_p (m, SCORE_P_DETRACTOR_MAX))
      count++;
    else
      passives++;
    w += x;
    score_evidence_set (&e, SCORE_SOURCE_REPORT_CARD, rc->id, rc->received_at,
                        "recommend_score", x);
    score_evidence_add (&ev, &e);
  }
  /* passives (7-8) only add to real detractors: a driver called
     detractors never stands on none */
  if (0 == count)
    return;
  if (passives > 0)
    snprintf (detail, sizeof (detail),
              "%u contact(s) would not recommend us; %u more are lukewarm "
              "(7 or 8 of 10).",
              count, passives);
  else
    snprintf (detail, sizeof (detail), "%u contact(s) would not recommend us.",
              count);
  r = driver_set (m, out, SCORE_DRIVER_DETRACTORS,
                  saturate (m, SCORE_DRIVER_DETRACTORS, w), detail);
  if (NULL != r)
    r->evidence = ev;
}

/**
 * Points for a single-threaded buying team: at most one contact met in
 * the engagement window.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param a assessment with the team filled
 * @param out risk result
 */
static void
single_threaded (const struct score_model *m,
                 const struct score_account_input *in, int64_t as_of,
                 const struct score_account_assessment *a,
                 struct score_buyer_risk_result *out)
{
  int64_t window = (int64_t) (score_p (m, SCORE_P_ENGAGED_WINDOW_DAYS)
                              * SCORE_DAY);
  unsigned engaged = 0;
  char detail[SCORE_TEXT_LEN];

  for (size_t i = 0; i < a->n_team; i++)
    if (a->team[i].last_contact > 0
        && as_of - a->team[i].last_contact <= window)
      engaged++;
  if (engaged > 1 || SCORE_STAGE_FORMER == in->account.stage)
    return;
  if (1 == engaged)
  {
    snprintf (detail, sizeof (detail),
              "1 contact engaged in the last %.0f "
              "days.",
              score_p (m, SCORE_P_ENGAGED_WINDOW_DAYS));
    driver_set (m, out, SCORE_DRIVER_SINGLE_THREADED,
                m->driver_max[SCORE_DRIVER_SINGLE_THREADED].value, detail);
    return;
  }
  /* no thread at all: the model's "one contact" sentence would be wrong */
  driver_set (m, out, SCORE_DRIVER_SINGLE_THREADED,
              m->driver_max[SCORE_DRIVER_SINGLE_THREADED].value, NULL);
  if (0 == a->n_team)
    snprintf (detail, sizeof (detail),
              "No contact is recorded for this "
              "account: nobody in the buying team is known, and others "
              "influence the next buying decision.");
  else
    snprintf (detail, sizeof (detail),
              "No contact engaged in the last %.0f "
              "days (%zu on record): no thread into the buying team, and "
              "others influence the next buying decision.",
              score_p (m, SCORE_P_ENGAGED_WINDOW_DAYS), a->n_team);
  score_strlcpy (out->drivers[SCORE_DRIVER_SINGLE_THREADED].explanation,
                 sizeof (
                   out->drivers[SCORE_DRIVER_SINGLE_THREADED].explanation),
                 detail);
}

/**
 * Points for orientation-specific exposure of the buying team: an
 * Actualization team's low loyalty, an Affiliation team's unvoiced
 * problems (no problem discussed lately), a Security team hit by
 * service problems.
 *
 * @param m model
 * @param as_of assessment time
 * @param acc account accumulator
 * @param a assessment with orientation filled
 * @param out risk result
 */
static void
exposure (const struct score_model *m, int64_t as_of,
          const struct score_account_acc *acc,
          const struct score_account_assessment *a,
          struct score_buyer_risk_result *out)
{
  const struct score_orientation_result *o = &a->orientation;
  double max = m->driver_max[SCORE_DRIVER_ORIENTATION_EXPOSURE].value;
  double pts = 0.0;
  const char *detail = NULL;
  struct score_risk_driver_result *r;
  struct score_evidence e;

  if (SCORE_ORIENTATION_ACTUALIZATION == o->primary)
  {
    pts = max * o->scores[SCORE_ORIENTATION_ACTUALIZATION];
    detail = "Actualization buyers are not overly loyal to any supplier.";
  }
  else if (SCORE_ORIENTATION_AFFILIATION == o->primary
           && as_of - acc->last_problem_talk > 90 * SCORE_DAY)
  {
    pts = max * o->scores[SCORE_ORIENTATION_AFFILIATION];
    detail = "Affiliation buyers rarely raise problems; none discussed "
             "in 90 days.";
  }
  else if (SCORE_ORIENTATION_SECURITY == o->primary
           && acc->risk_w[SCORE_DRIVER_SERVICE_PROBLEMS] > 0.0)
  {
    pts = max * o->scores[SCORE_ORIENTATION_SECURITY];
    detail = "Security buyers will not tolerate surprises such as "
             "service failures.";
  }
  r = driver_set (m, out, SCORE_DRIVER_ORIENTATION_EXPOSURE, pts, detail);
  if (NULL == r)
    return;
  score_evidence_set (&e, SCORE_SOURCE_ACCOUNT, a->account_id, 0,
                      score_orientation_name (o->primary), pts);
  score_evidence_add (&r->evidence, &e);
}

/** Whether a new-decision-maker driver's evidence holds the champion's
    departure ("I'm moving to the system office in March"), not only a
    newcomer joining ("introduced us to the new plant manager"). */
static bool
departure (const struct score_evidence_list *ev)
{
  for (size_t i = 0; i < ev->n; i++)
    if (0 == strcmp (ev->items[i].signal, "risk.departure"))
      return true;
  return false;
}

/**
 * Whether an account shows two or more of the risks a buyer's own doings
 * and words raise (004: shopping, a review, problems, a new decision
 * maker, silence, broken promises, falling report cards, detractors),
 * each worth at least risk.medium_breadth_points, or shops around,
 * reviews the spend or loses its champion worth
 * risk.medium_shopping_points on its own: then
 * it is at least medium, however low its sum. The structure of the
 * relationship (one pillar, one thread, an orientation) does not count
 * here.
 *
 * @param m model
 * @param out the drivers
 * @return true if so
 */
static bool
broad (const struct score_model *m, const struct score_buyer_risk_result *out)
{
  unsigned n = 0;

  for (size_t i = 0; i < out->n_drivers; i++)
    if (out->drivers[i].points >= score_p (m, SCORE_P_RISK_SHOPPING_POINTS)
        && (SCORE_DRIVER_COMPETITOR_ACTIVITY == out->drivers[i].driver
            || SCORE_DRIVER_SUPPLIER_EVALUATION == out->drivers[i].driver
            || (SCORE_DRIVER_NEW_DECISION_MAKER == out->drivers[i].driver
                && departure (&out->drivers[i].evidence))))
      return true; /* 004: a buyer seen shopping or reviewing the spend is
                      weighing the account now, whatever else is calm; so
                      is one whose champion is leaving */
  for (size_t i = 0; i < out->n_drivers; i++)
    n += out->drivers[i].points >= score_p (m, SCORE_P_RISK_BREADTH_POINTS)
         && SCORE_DRIVER_SINGLE_THREADED != out->drivers[i].driver
         && SCORE_DRIVER_ONE_PILLAR != out->drivers[i].driver
         && SCORE_DRIVER_ORIENTATION_EXPOSURE != out->drivers[i].driver;
  return n >= 2;
}

/**
 * Sort drivers with points first, biggest first, then fill the score,
 * level and actions.
 *
 * @param m model
 * @param out risk result with every driver's points set
 */
static void
rank (const struct score_model *m, struct score_buyer_risk_result *out)
{
  struct score_risk_driver_result tmp;
  double sum = 0.0;

  out->n_drivers = 0;
  for (int d = 0; d < SCORE_DRIVER_COUNT; d++)
    if (out->drivers[d].points > 0.0)
    {
      if ((size_t) d != out->n_drivers)
      {
        tmp = out->drivers[out->n_drivers];
        out->drivers[out->n_drivers] = out->drivers[d];
        out->drivers[d] = tmp;
      }
      out->n_drivers++;
    }
  for (size_t i = 1; i < out->n_drivers; i++)
    for (size_t j = i;
         j > 0 && out->drivers[j].points > out->drivers[j - 1].points; j--)
    {
      tmp = out->drivers[j];
      out->drivers[j] = out->drivers[j - 1];
      out->drivers[j - 1] = tmp;
    }
  out->n_actions = 0;
  for (size_t i = 0; i < out->n_drivers; i++)
  {
    sum += out->drivers[i].points;
    out->actions[out->n_actions++] = out->drivers[i].action;
  }
  out->score = sum > 100.0 ? 100.0 : sum;
  out->level =
    (out->score >= score_p (m, SCORE_P_RISK_CRITICAL)) ? SCORE_RISK_CRITICAL
    : (out->score >= score_p (m, SCORE_P_RISK_HIGH))   ? SCORE_RISK_HIGH
    : (out->score >= score_p (m, SCORE_P_RISK_MEDIUM) || broad (m, out))
      ? SCORE_RISK_MEDIUM
      : SCORE_RISK_LOW;
}

void
score_risk_finish (const struct score_model *m,
                   const struct score_account_input *in, int64_t as_of,
                   const size_t *calls, size_t n_calls,
                   struct score_account_acc *acc,
                   const struct score_account_assessment *a,
                   struct score_buyer_risk_result *out)
{
  static const char *const detail[] = {
    "Competitors or alternatives came up.",
    "The buyer is reviewing or justifying the spend.",
    "Service problems or complaints were raised.",
    "A new decision maker is involved."
  };

  memset (out, 0, sizeof (*out));
  for (int d = 0; d <= SCORE_DRIVER_NEW_DECISION_MAKER; d++)
  {
    struct score_risk_driver_result *r =
      driver_set (m, out, d, saturate (m, d, acc->risk_w[d]), detail[d]);

    if (NULL != r)
      r->evidence = acc->risk_ev[d];
  }
  contact_gap (m, in, as_of, calls, n_calls, out);
  commitments (m, in, as_of, out);
  card_trend (m, in, as_of, out);
  detractors (m, in, as_of, out);
  single_threaded (m, in, as_of, a, out);
  if (SCORE_STATUS_VULNERABLE == a->pillars.status)
    driver_set (m, out, SCORE_DRIVER_ONE_PILLAR,
                m->driver_max[SCORE_DRIVER_ONE_PILLAR].value,
                a->pillars.foundation ? "Only one pillar stands."
                                      : "No pillar stands yet.");
  exposure (m, as_of, acc, a, out);
  rank (m, out);
}
