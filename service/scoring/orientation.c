/**
 * @file orientation.c
 * @brief Customer orientation of a contact and of a buying team
 *        (seed 000-customer-orientations.txt).
 *
 * Structured signals and note cues of the calls a contact attended add
 * recency-decayed weight to Security, Power, Affiliation or
 * Actualization. Scores are the smoothed shares of those weights; the
 * primary orientation is withheld while the evidence is thin (fewer
 * independent items, less weight or a smaller lead than the model asks).
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>
#include <string.h>

/**
 * Hash the words of a contact's name (3+ letters) for note attribution.
 *
 * @param s scratch
 * @param name the name
 * @param[out] out up to 4 hashes, 0 = unused
 */
void
score_name_hashes (struct score_scratch *s, const char *name, uint32_t out[4])
{
  char w[SCORE_NAME_LEN];
  size_t k = 0;
  int n = 0;

  memset (out, 0, 4 * sizeof (uint32_t));
  for (const char *p = name;; p++)
  {
    char c = *p;

    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (unsigned char) c >= 0x80)
    {
      if (k < sizeof (w) - 1)
        w[k++] = (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
      continue;
    }
    if (k >= 3 && n < 4)
      out[n++] = score_stem_hash (s, w, k);
    k = 0;
    if ('\0' == c)
      break;
  }
}

/**
 * Index of a contact id in the input, or -1.
 *
 * @param in account data
 * @param id contact id
 * @return index or -1
 */
int
score_contact_index (const struct score_account_input *in, const char *id)
{
  for (size_t i = 0; i < in->n_contacts; i++)
    if (0 == strcmp (in->contacts[i].id, id))
      return (int) i;
  return -1;
}

/**
 * A 64-bit filter of name hashes: a token whose bit is clear is no name.
 *
 * @param names name hashes per call contact (0 = unused)
 * @param n number of call contacts
 * @return the filter
 */
static uint64_t
name_filter (const uint32_t (*names)[4], size_t n)
{
  uint64_t f = 0;

  for (size_t c = 0; c < n; c++)
    for (int k = 0; k < 4 && names[c][k]; k++)
      f |= 1ull << (names[c][k] & 63);
  return f;
}

/**
 * Flag the call contacts a token names.
 *
 * @param w the token's hash
 * @param names name hashes per call contact
 * @param n number of call contacts
 * @param filter name_filter() of @a names
 * @param[in,out] named flags per call contact
 */
static void
name_token (uint32_t w, const uint32_t (*names)[4], size_t n, uint64_t filter,
            bool *named)
{
  if (! (filter & (1ull << (w & 63))))
    return; /* most words */
  for (size_t c = 0; c < n; c++)
    for (int k = 0; k < 4 && names[c][k]; k++)
      named[c] = named[c] || w == names[c][k];
}

/**
 * Which of a call's contacts are named in the sentence of a hit.
 *
 * @param s scratch with the analysed note
 * @param h the hit
 * @param names name hashes per call contact
 * @param n number of call contacts
 * @param filter name_filter() of @a names
 * @param[out] named flags per call contact
 * @return number of contacts named
 */
static size_t
named_in_sentence (const struct score_scratch *s, const struct score_hit *h,
                   const uint32_t (*names)[4], size_t n, uint64_t filter,
                   bool *named)
{
  uint16_t sent = s->tokens[h->first].sentence;
  size_t count = 0;

  memset (named, 0, n * sizeof (*named));
  /* from the hit back to the sentence start, then on to its end */
  for (size_t t = h->first + 1; t > 0 && s->tokens[t - 1].sentence == sent;
       t--)
    name_token (s->tokens[t - 1].hash, names, n, filter, named);
  for (size_t t = h->first + 1;
       t < s->n_tokens && s->tokens[t].sentence == sent; t++)
    name_token (s->tokens[t].hash, names, n, filter, named);
  for (size_t c = 0; c < n; c++)
    count += named[c];
  return count;
}

/**
 * Add one evidence item to an accumulator.
 *
 * @param acc accumulator
 * @param o orientation
 * @param weight the item's final weight
 * @param e the item with that weight, or NULL when no list would keep it
 *        (it is then only counted, as score_evidence_add() would)
 * @param new_item whether it counts as an independent item
 */
static void
acc_add (struct score_orient_acc *acc, int o, double weight,
         const struct score_evidence *e, bool new_item)
{
  acc->w[o] += weight;
  if (new_item)
    acc->items[o]++;
  if (NULL != e)
    score_evidence_add (&acc->evidence, e);
  else
    acc->evidence.total++;
}

/**
 * Add a call's structured orientation signals to its contacts.
 *
 * @param m model
 * @param c call
 * @param decay recency factor
 * @param accs accumulators of the call's contacts (NULL entries skipped)
 * @param n number of entries
 */
static void
add_signals (const struct score_model *m, const struct score_call *c,
             double decay, struct score_orient_acc **accs, size_t n)
{
  for (int sig = 0; sig < SCORE_SIG_COUNT; sig++)
  {
    if (! (c->signals & (1ull << sig)))
      continue;
    for (int t = 0; t < m->n_signal_targets[sig]; t++)
    {
      const struct score_signal_weight *sw = &m->signals[sig][t];
      struct score_evidence e;

      if (SCORE_TARGET_ORIENTATION != sw->target.kind || sw->weight <= 0)
        continue;
      score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                          score_signal_name (sig),
                          sw->weight * decay / (double) n);
      for (size_t k = 0; k < n; k++)
        if (NULL != accs[k])
          acc_add (accs[k], sw->target.index, e.weight, &e, true);
    }
  }
}

/**
 * Add a call's note cues to its contacts: a cue goes to the contacts
 * named in its sentence, else it is shared by all the call's contacts.
 * Each distinct phrase matched in a note is one independent item; the
 * same phrase repeated in one note adds weight but no new item.
 *
 * @param m model
 * @param s scratch with the call's analysed note
 * @param c call
 * @param decay recency factor
 * @param accs accumulators (NULL entries skipped)
 * @param names name hashes per call contact
 * @param n number of call contacts (>= 1)
 * @param slot_of accs index of each of the call's contact_ids, -1 unknown
 */
static void
add_notes (const struct score_model *m, const struct score_scratch *s,
           const struct score_call *c, double decay,
           struct score_orient_acc **accs, const uint32_t (*names)[4],
           size_t n, const int *slot_of)
{
  bool named[SCORE_MAX_CALL_CONTACTS + 1];
  bool named_s[SCORE_MAX_CALL_CONTACTS + 1] = { false };
  uint32_t named_sentence = UINT32_MAX; /* sentence `named` describes */
  size_t named_k = 0;
  uint64_t filter = (n > 1) ? name_filter (names, n) : 0;

  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];
    struct score_evidence e;
    double x;
    size_t k;
    bool kept = false;

    if (SCORE_TARGET_ORIENTATION != h->kind || cue->weight <= 0
        || ! score_hit_counts (m, h))
      continue;
    if (h->contact >= 0 && (size_t) h->contact < c->n_contacts)
    {
      /* a buyer's own turn: it describes the speaker */
      if (slot_of[h->contact] < 0)
        continue;
      memset (named, 0, sizeof (named));
      named[slot_of[h->contact]] = true;
      k = 1;
    }
    else
    {
      if (n > 1 && s->tokens[h->first].sentence != named_sentence)
      {
        /* hits come in text order: one look per sentence */
        named_sentence = s->tokens[h->first].sentence;
        named_k = named_in_sentence (s, h, names, n, filter, named_s);
      }
      memcpy (named, named_s, sizeof (named));
      k = (n > 1) ? named_k : 0;
    }
    x = score_cue_weight (m, h->cue) * decay / (double) (k > 0 ? k : n);
    /* build the item (strings, excerpt) only when some list keeps it */
    for (size_t j = 0; j < n && ! kept; j++)
      kept = NULL != accs[j] && (0 == k || named[j])
             && score_evidence_keeps (&accs[j]->evidence, x);
    if (kept)
    {
      score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at,
                          cue->id, x);
      score_text_excerpt (s, h, e.excerpt);
    }
    for (size_t j = 0; j < n; j++)
      if (NULL != accs[j] && (0 == k || named[j]))
        acc_add (accs[j], cue->target.index, x, kept ? &e : NULL,
                 ! h->pattern_repeat);
  }
}

void
score_orientation_add_call (const struct score_model *m,
                            const struct score_account_input *in,
                            const struct score_call *c, int64_t as_of,
                            struct score_scratch *s,
                            struct score_orient_acc *acc,
                            struct score_orient_acc *unattributed)
{
  struct score_orient_acc *accs[SCORE_MAX_CALL_CONTACTS];
  uint32_t names[SCORE_MAX_CALL_CONTACTS][4];
  int slot_of[SCORE_MAX_CALL_CONTACTS];
  int ci_of[SCORE_MAX_CALL_CONTACTS]; /* contact index of each slot */
  double decay = score_decay (c->occurred_at, as_of,
                              score_p (m, SCORE_P_HALF_LIFE_ORIENTATION));
  size_t n = 0;

  for (size_t i = 0; i < c->n_contacts && i < SCORE_MAX_CALL_CONTACTS; i++)
  {
    int ci = score_contact_index (in, c->contact_ids[i]);

    slot_of[i] = -1;
    if (ci < 0)
      continue;
    slot_of[i] = (int) n;
    ci_of[n] = ci;
    accs[n] = (NULL != acc) ? &acc[ci] : NULL;
    memset (names[n], 0, sizeof (names[n]));
    n++;
  }
  if (0 == n)
  {
    accs[0] = unattributed;
    n = 1;
  }
  else if (n > 1)
    for (size_t k = 0; k < n; k++)
    {
      int ci = ci_of[k];

      /* stemmed once per contact and assessment */
      if (! s->names_ready[ci])
      {
        score_name_hashes (s, in->contacts[ci].name, s->names[ci]);
        s->names_ready[ci] = true;
      }
      memcpy (names[k], s->names[ci], sizeof (names[0]));
    }
  add_signals (m, c, decay, accs, n);
  add_notes (m, s, c, decay, accs, (const uint32_t (*)[4]) names, n, slot_of);
}

/**
 * Indices of the largest and second-largest weights (first wins ties).
 *
 * @param w weights
 * @param[out] top largest
 * @param[out] second second largest
 */
static void
top_two (const double *w, int *top, int *second)
{
  *top = 0;
  for (int o = 1; o < SCORE_ORIENTATION_COUNT; o++)
    if (w[o] > w[*top])
      *top = o;
  *second = (0 == *top) ? 1 : 0;
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    if (o != *top && w[o] > w[*second])
      *second = o;
}

void
score_orientation_finish (const struct score_model *m,
                          const struct score_orient_acc *acc,
                          struct score_orientation_result *out)
{
  double prior = score_p (m, SCORE_P_ORIENTATION_PRIOR);
  double sum = 0.0;
  double norm = 0.0;
  int top;
  int second;
  bool thin;

  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    sum += (acc->w[o] > 0) ? acc->w[o] : 0.0;
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
  {
    out->scores[o] = ((acc->w[o] > 0 ? acc->w[o] : 0.0) + prior)
                     / (sum + SCORE_ORIENTATION_COUNT * prior);
    norm += out->scores[o];
  }
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    out->scores[o] /= norm;
  top_two (acc->w, &top, &second);
  out->independent_evidence = acc->items[top];
  thin = sum <= 0.0
         || acc->items[top] < (unsigned) score_p (m, SCORE_P_THIN_MIN_EVIDENCE)
         || acc->w[top] < score_p (m, SCORE_P_THIN_MIN_WEIGHT)
         || (acc->w[top] - acc->w[second]) / sum
              < score_p (m, SCORE_P_THIN_MIN_MARGIN);
  out->confidence = (sum <= 0.0)
                      ? 0.0
                      : (1.0
                         - exp (-(double) acc->items[top]
                                / score_p (m, SCORE_P_CONFIDENCE_SCALE)))
                          * (acc->w[top] / sum);
  out->primary = thin ? SCORE_ORIENTATION_NONE : (enum score_orientation) top;
  out->guidance = thin ? m->guidance_thin.text
                       : m->guidance_orientation[top].text;
  out->evidence = acc->evidence;
}

enum score_status
score_assess_contact (const struct score_model *m,
                      const struct score_account_input *in,
                      const char *contact_id, int64_t as_of,
                      struct score_scratch *s,
                      struct score_contact_assessment *out)
{
  struct score_orient_acc *acc;
  size_t *idx;
  size_t n;
  int ci;

  if (NULL == m || NULL == in || NULL == contact_id || NULL == out
      || in->n_contacts > SCORE_MAX_CONTACTS || in->n_calls > SCORE_MAX_CALLS)
    return SCORE_ERR_ARGUMENT;
  if (NULL == s || NULL == s->stemmer)
    return SCORE_ERR_STEMMER;
  if ((ci = score_contact_index (in, contact_id)) < 0)
    return SCORE_ERR_UNKNOWN_CONTACT;
  acc = s->accs;
  idx = s->call_idx;
  memset (out, 0, sizeof (*out));
  memset (acc, 0, sizeof (acc[0]) * in->n_contacts);
  memset (s->names_ready, 0, sizeof (s->names_ready));
  score_strlcpy (out->contact_id, sizeof (out->contact_id), contact_id);
  n = score_select_calls (m, in->calls, in->n_calls, as_of, idx);
  for (size_t i = 0; i < n; i++)
  {
    const struct score_call *c = &in->calls[idx[i]];
    bool attended = false;

    for (size_t k = 0; k < c->n_contacts && ! attended; k++)
      attended = 0 == strcmp (c->contact_ids[k], contact_id);
    if (! attended)
      continue;
    score_call_read (m, s, in, c);
    score_orientation_add_call (m, in, c, as_of, s, acc, NULL);
  }
  score_orientation_finish (m, &acc[ci], &out->orientation);
  return SCORE_OK;
}
