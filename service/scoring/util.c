/**
 * @file util.c
 * @brief Small shared helpers: recency decay, evidence lists, strings,
 *        call selection and note-cue collection.
 */
#include "svc/score.h"
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double
score_decay (int64_t at, int64_t as_of, double half_life_days)
{
  double age;

  if (at > as_of)
    return 0.0;
  if (half_life_days <= 0.0)
    return 1.0;
  age = (double) (as_of - at) / SCORE_DAY;
  return pow (0.5, age / half_life_days);
}

void
score_evidence_clear (struct score_evidence_list *l)
{
  l->n = 0;
  l->total = 0;
}

void
score_evidence_add (struct score_evidence_list *l,
                    const struct score_evidence *e)
{
  size_t pos;

  l->total++;
  pos = l->n;
  while (pos > 0 && fabs (l->items[pos - 1].weight) < fabs (e->weight))
    pos--;
  if (pos >= SCORE_MAX_EVIDENCE)
    return;
  if (l->n < SCORE_MAX_EVIDENCE)
    l->n++;
  memmove (&l->items[pos + 1], &l->items[pos],
           (l->n - 1 - pos) * sizeof (l->items[0]));
  l->items[pos] = *e;
}

void
score_strlcpy (char *dst, size_t cap, const char *src)
{
  size_t n;

  if (0 == cap)
    return;
  if (NULL == src)
    src = "";
  n = strlen (src);
  if (n >= cap)
  {
    n = cap - 1;
    while (n > 0 && 0x80 == ((unsigned char) src[n] & 0xC0))
      n--;
  }
  memcpy (dst, src, n);
  dst[n] = '\0';
}

void
score_evidence_set (struct score_evidence *e, enum score_source source,
                    const char *id, int64_t at, const char *signal,
                    double weight)
{
  e->source = source;
  score_strlcpy (e->source_id, sizeof (e->source_id), id);
  e->at = at;
  score_strlcpy (e->signal, sizeof (e->signal), signal);
  e->excerpt[0] = '\0';
  e->weight = weight;
}

/**
 * Insertion sort of call indices newest first (no shared state, so it is
 * safe across threads).
 *
 * @param calls the calls
 * @param idx indices
 * @param n count
 */
static void
sort_newest (const struct score_call *calls, size_t *idx, size_t n)
{
  for (size_t i = 1; i < n; i++)
  {
    size_t v = idx[i];
    size_t j = i;

    while (j > 0)
    {
      const struct score_call *x = &calls[idx[j - 1]];
      const struct score_call *y = &calls[v];
      bool after = x->occurred_at < y->occurred_at
                   || (x->occurred_at == y->occurred_at
                       && strcmp (x->id, y->id) > 0);

      if (! after)
        break;
      idx[j] = idx[j - 1];
      j--;
    }
    idx[j] = v;
  }
}

size_t
score_select_calls (const struct score_model *m,
                    const struct score_call *calls, size_t n, int64_t as_of,
                    size_t *idx)
{
  size_t k = 0;
  size_t cap = (size_t) score_p (m, SCORE_P_MAX_CALLS);

  if (cap > SCORE_MAX_CALLS)
    cap = SCORE_MAX_CALLS;
  for (size_t i = 0; i < n && k < SCORE_MAX_CALLS; i++)
    if (calls[i].occurred_at <= as_of)
      idx[k++] = i;
  sort_newest (calls, idx, k);
  return (k > cap) ? cap : k;
}

double
score_cue_weight (const struct score_model *m, int cue)
{
  return m->cues[cue].weight * score_p (m, SCORE_P_NOTE_WEIGHT);
}

/**
 * Add a note cue's evidence item to a list, building it (strings and
 * excerpt) only when the list keeps it; otherwise it is only counted, as
 * score_evidence_add() would.
 *
 * @param l the list
 * @param s scratch holding the reading of the call
 * @param c the call
 * @param h the hit
 * @param signal the cue's id
 * @param weight the item's final weight
 */
static void
add_note_item (struct score_evidence_list *l, const struct score_scratch *s,
               const struct score_call *c, const struct score_hit *h,
               const char *signal, double weight)
{
  struct score_evidence e;

  if (! score_evidence_keeps (l, weight))
  {
    l->total++;
    return;
  }
  score_evidence_set (&e, SCORE_SOURCE_CALL, c->id, c->occurred_at, signal,
                      weight);
  score_text_excerpt (s, h, e.excerpt);
  score_evidence_add (l, &e);
}

void
score_collect_note_hits (const struct score_model *m,
                         const struct score_scratch *s,
                         const struct score_call *c,
                         enum score_target_kind kind, double decay, double *w,
                         size_t n_w, struct score_evidence_list *ev)
{
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];
    double x;

    /* one item per cue per note: repeats are passed over first, as
       they are cheapest to tell */
    if (h->cue_repeat || h->kind != kind || cue->target.index < 0
        || (size_t) cue->target.index >= n_w || ! score_hit_counts (m, h))
      continue;
    x = score_cue_weight (m, h->cue) * decay;
    w[cue->target.index] += x;
    if (NULL != ev)
      add_note_item (&ev[cue->target.index], s, c, h, cue->id, x);
  }
}

void
score_collect_further_phrases (const struct score_model *m,
                               const struct score_scratch *s,
                               const struct score_call *c,
                               enum score_target_kind kind, double step,
                               double *w, size_t n_w,
                               struct score_evidence_list *ev)
{
  if (step <= 0.0)
    return;
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];
    unsigned before = 0;
    double x;

    if (! h->cue_repeat || h->pattern_repeat || kind != h->kind
        || cue->weight <= 0.0 || cue->target.index < 0
        || (size_t) cue->target.index >= n_w || ! score_hit_counts (m, h))
      continue;
    /* distinct phrases of this cue before this one */
    for (size_t j = 0; j < i && before <= 2; j++)
      before += s->hits[j].cue == h->cue && ! s->hits[j].pattern_repeat
                && s->hits[j].pattern != h->pattern
                && score_hit_counts (m, &s->hits[j]);
    if (before > 2)
      continue;
    x = score_cue_weight (m, h->cue) * step;
    w[cue->target.index] += x;
    add_note_item (&ev[cue->target.index], s, c, h, cue->id, x);
  }
}
