/**
 * @file match.c
 * @brief The note reader's matcher: lexicon phrases over stem hashes,
 *        negation scope, solved problems, and evidence excerpts.
 *
 * Lexicon patterns are sequences of stem hashes, with "~" gaps, looked up
 * by their first two tokens. A match inside a negator's scope (a few
 * tokens after "not"/"no"/"never"/"without"... in the same clause, or a
 * negator right after the cue) is marked negated and is not evidence.
 */
#include "svc/score.h"
#include "internal.h"

#include <stdint.h>
#include <string.h>

/** Tokens a resolution word may stand before a problem cue. */
#define RESOLVE_BEFORE 4
/** Tokens a resolution word may stand after a problem cue. */
#define RESOLVE_AFTER 3
/**
 * Whether the value phrase starting at token @a ti goes on a negated value
 * phrase right before it: one noun ("won't spend a cent on carbon
 * reporting": the reporting is the carbon's, and as refused). A comma
 * or other clause break between them ends the noun.
 *
 * @param s scratch
 * @param ti first token of the phrase
 * @return true if the phrase before it is negated
 */
static bool
negated_compound (const struct score_scratch *s, size_t ti)
{
  if (0 == ti || (s->tokens[ti].flags & TOK_CLAUSE))
    return false;
  for (size_t i = s->n_hits; i > 0; i--)
  {
    const struct score_hit *g = &s->hits[i - 1];

    if (g->last + 1 == ti && SCORE_TARGET_VALUE == g->kind)
      return g->negated;
  }
  return false;
}

/**
 * Try to match pattern @a pat at token @a ti, pattern token @a pi.
 *
 * @param m model
 * @param s scratch
 * @param pat pattern
 * @param ti token index
 * @param pi pattern token index
 * @param[out] last last matched token
 * @param[in,out] gap_neg set when a gap skipped a negator
 * @return true on a match
 */
static bool
match_at (const struct score_model *m, const struct score_scratch *s,
          const struct score_pattern *pat, size_t ti, int pi, uint32_t *last,
          bool *gap_neg)
{
  int gmax;
  uint32_t next; /* the pattern's word after a gap */
  bool neg = false;

  /* words in a row: a plain loop; only a gap needs to try its widths */
  for (; pi < pat->n_tokens && SCORE_TOKEN_GAP != pat->hashes[pi]; pi++, ti++)
    if (ti >= s->n_tokens || s->tokens[ti].hash != pat->hashes[pi]
        || (pi > 0 && (s->tokens[ti].flags & TOK_CLAUSE)))
      return false;
  if (pi == pat->n_tokens)
  {
    *last = (uint32_t) (ti - 1);
    return true;
  }
  gmax = (int) score_p (m, SCORE_P_GAP_MAX);
  next = (pi + 1 < pat->n_tokens) ? pat->hashes[pi + 1] : SCORE_TOKEN_GAP;
  for (int k = 0; k <= gmax; k++)
  {
    size_t tj = ti + (size_t) k;

    if (tj >= s->n_tokens || (s->tokens[tj].flags & TOK_CLAUSE))
      return false; /* a phrase stays inside one clause */
    if (k > 0)
      neg = neg || (s->tokens[tj - 1].flags & TOK_NEG); /* what it skips */
    if (SCORE_TOKEN_GAP != next && s->tokens[tj].hash != next)
      continue; /* the word after the gap is not here */
    if (match_at (m, s, pat, tj, pi + 1, last, gap_neg))
    {
      *gap_neg = *gap_neg || neg;
      return true;
    }
  }
  return false;
}

/** Whether a comma stands between tokens @a p and @a q (the items of one
    shorthand word share their span: nothing between them). */
static bool
comma_between (const struct score_scratch *s, size_t p, size_t q)
{
  return s->tokens[q].start > s->tokens[p].end
         && NULL
              != memchr (s->text + s->tokens[p].end, ',',
                         s->tokens[q].start - s->tokens[p].end);
}

/**
 * Whether negator @a q is the subject of a phrase matched before token
 * @a first ("nothing goes wrong during inspection": the "nothing" is the
 * reliability phrase's, and governs no inspection). Only "nothing",
 * "nobody" and "none" are used up so: an auxiliary's "not" governs the
 * objects of its phrase ("won't pay for training or service"). Hits are
 * found in text order, so every phrase that starts before @a first is in.
 *
 * @param m model
 * @param s scratch
 * @param q the negator token
 * @param first first token of the match a negator may govern
 * @param kind target kind of that match: only a phrase of the same kind,
 *        and not one against its target, uses its negator up
 * @return true if an earlier phrase holds it
 */
static bool
used_negator (const struct score_model *m, const struct score_scratch *s,
              size_t q, uint32_t first, uint8_t kind)
{
  if (! score_token_is (s, q, "nothing") && ! score_token_is (s, q, "nobody")
      && ! score_token_is (s, q, "none"))
    return false;
  for (size_t i = s->n_hits; i > 0; i--)
  {
    const struct score_hit *g = &s->hits[i - 1];

    if (g->first <= q && q <= g->last && g->last < first && ! g->negated
        && g->kind == kind && m->cues[g->cue].weight > 0)
      return true;
  }
  return false;
}

/**
 * Whether negator @a q after a value denies that it is mere words: "is
 * not marketing for us", "not a slogan", "not just a buzzword" affirm
 * what went before.
 *
 * @param s scratch
 * @param q the negator token
 * @return true if a word of spin follows it
 */
static bool
denies_spin (const struct score_scratch *s, size_t q)
{
  static const char *const spin[] = { "marketing", "slogan",    "slogans",
                                      "buzzword",  "buzzwords", "hype",
                                      "pr",        "gimmick",   "trend",
                                      "fad",       NULL };
  static const char *const fill[] = {
    "a", "just", "only", "some", "mere", NULL
  };
  size_t r = q + 1;

  while (r < s->n_tokens && r <= q + 3 && score_token_in (s, r, fill))
    r++;
  return r < s->n_tokens && ! (s->tokens[r].flags & TOK_CLAUSE)
         && score_token_in (s, r, spin);
}

/**
 * Whether a negator or a refusal stands before "without" at token @a w
 * in its clause: "we never go live without a sign-off", "nothing ships
 * without an audit", "we refuse to install without a data agreement"
 * insist on what follows "without" (two negations).
 *
 * @param s scratch
 * @param w the "without"
 * @return true if so
 */
static bool
refused_before (const struct score_scratch *s, size_t w)
{
  static const char *const refusals[] = { "refuse", "refuses", "refused",
                                          "refusing", NULL };

  for (size_t q = w; q > 0; q--)
  {
    if (s->tokens[q].flags & TOK_CLAUSE)
      break;
    if (((s->tokens[q - 1].flags & TOK_NEG)
         && ! score_token_is (s, q - 1, "without"))
        || score_token_in (s, q - 1, refusals))
      return true;
  }
  return false;
}

/**
 * Whether the match [first, last] sits in a negation scope.
 *
 * @param m model
 * @param s scratch
 * @param first first token
 * @param last last token
 * @param after_too whether a negator after it counts too
 * @param kind the match's target kind (UINT8_MAX for a bare token)
 * @return true if negated
 */
/** Words that open a clause of their own after a cue: a negator past
    one is that clause's ("someone helps us when it doesn't", "say so
    openly when a module isn't earning its keep"). */
static const char *const opens_clause[] = { "when",    "whenever", "if",
                                            "because", "unless",   "while",
                                            NULL };

static bool
negated (const struct score_model *m, const struct score_scratch *s,
         uint32_t first, uint32_t last, bool after_too, uint8_t kind)
{
  /* words that end the noun a "no" governs: "no finding at audit", "no
     incident with a donor" (not "no interest in", "no need for"); so does
     a comma ("no surprises, full documentation") */
  static const char *const beyond_noun[] = { "at", "during", "with", "after",
                                             NULL };
  size_t before;
  size_t after;
  bool joined = false; /* an "and", "but", "at" or a comma between it and
                          the negator */

  /* a match stays inside one clause (match_at), and most clauses hold no
     negator at all */
  if (! (s->tokens[first].flags & TOK_NEG_CLAUSE))
    return false;
  before = (size_t) score_p (m, SCORE_P_NEGATION_WINDOW);
  after = (size_t) score_p (m, SCORE_P_NEGATION_AFTER);
  for (size_t q = first; q > 0 && first - q < before; q--)
  {
    if (s->tokens[q].flags & TOK_CLAUSE)
      break;
    if (q >= 2 && score_token_is (s, q - 1, "of")
        && (score_token_is (s, q - 2, "expense")
            || score_token_is (s, q - 2, "sacrifice")))
      break; /* "never at the expense of accuracy" guards accuracy */
    /* "no", "without" govern the words after them, not what an "and"
       joins on ("do it without me, and I'm open about costs"), and a
       "no" hyphened to a word is that compound's ("a no-frills platform
       at the lowest price") */
    if ((s->tokens[q - 1].flags & TOK_NEG)
        && used_negator (m, s, q - 1, first, kind))
      return false;
    if (SCORE_TARGET_VALUE == kind
        && (score_token_is (s, q - 1, "afraid")
            || score_token_is (s, q - 1, "scared")))
      return false; /* a value "not afraid of" ("suppliers not afraid of
                       difficult conversations") is held: the negator
                       denies the fear */
    if (score_token_is (s, q - 1, "until") || score_token_is (s, q - 1, "till")
        || score_token_is (s, q - 1, "unless"))
      return false; /* "I won't recommend anything until each of them has
                       seen it", "we won't sign unless legal reviews it":
                       the condition is what is wanted */
    if ((s->tokens[q - 1].flags & TOK_NEG)
        && score_token_is (s, q - 1, "without") && refused_before (s, q - 1))
      return false; /* "we never go live without a sign-off" insists on
                       the sign-off */
    if (s->tokens[q - 1].flags & TOK_NEG)
      return ! (joined && (s->tokens[q - 1].flags & TOK_NEG_FWD))
             && ! (q < first && s->tokens[q - 1].end < s->text_len
                   && '-' == s->text[s->tokens[q - 1].end]);
    joined = joined || score_token_is (s, q - 1, "and")
             || score_token_is (s, q - 1, "but")
             || score_token_in (s, q - 1, beyond_noun)
             || comma_between (s, q - 1, q);
    if (score_token_is (s, q - 1, "or")
        || score_token_is (s, q - 1, "anything")
        || score_token_is (s, q - 1, "any")
        || (q >= 2 && score_token_is (s, q - 1, "into")
            && (score_token_is (s, q - 2, "get")
                || score_token_is (s, q - 2, "go"))))
      before = SIZE_MAX; /* "didn't ask about the system or share any
                            plans", "hasn't involved us in anything else or
                            asked our advice": one negator governs both
                            verbs, back to the clause's start; so does
                            one whose "anything" reaches the cue ("we
                            haven't brought her anything on bad-debt
                            trends") or that will not "get into" it ("we
                            didn't get into their expansion plans") */
  }
  for (size_t q = (size_t) last + 1;
       after_too && q < s->n_tokens && q - last <= after; q++)
  {
    if (score_aside_at (s, q))
      after++; /* the aside's word takes no place in the window */
    if (((s->tokens[q].flags & TOK_CLAUSE) && ! score_clause_goes_on (s, q))
        || score_token_is (s, q, "and") || score_token_is (s, q, "but")
        || score_token_is (s, q, "or") || score_token_in (s, q, opens_clause)
        || score_token_in (s, last, opens_clause))
      break; /* "keeps things pleasant and never argues": the "never" is
                the second verb's; "the price, honestly, is not so
                important" goes on over its aside */
    if ((s->tokens[q].flags & TOK_NEG) && ! (s->tokens[q].flags & TOK_NEG_FWD))
      return ! denies_spin (s, q); /* "pricing wasn't an issue"; not "grow
                                      without breaking", "uptime and no
                                      experiments", nor "sustainability
                                      is not marketing for us" */
  }
  return false;
}

/**
 * Whether a negator governs token @a r (up to the negation window before
 * it in its clause, or right after it: "never fixed", "not resolved",
 * "fixed? no").
 *
 * @param m model
 * @param s scratch
 * @param r token index
 * @return true if negated
 */
static bool
token_negated (const struct score_model *m, const struct score_scratch *s,
               size_t r)
{
  return negated (m, s, (uint32_t) r, (uint32_t) r, true, UINT8_MAX);
}

/**
 * Resolution scope of a service-problem hit: a resolution word up to
 * RESOLVE_BEFORE tokens before it or RESOLVE_AFTER after it, in the same
 * clause, makes it a solved problem (not evidence of a service problem).
 * A negated resolution ("problem not fixed", "never fixed the bug") keeps
 * it a problem, and the negator is the resolution's, not the problem's.
 *
 * @param m model
 * @param s scratch
 * @param h the hit (negated / resolved updated)
 * @param gap_neg whether the phrase's own gap skipped a negator
 */
static void
resolution_scope (const struct score_model *m, const struct score_scratch *s,
                  struct score_hit *h, bool gap_neg)
{
  const struct score_cue *cue = &m->cues[h->cue];
  size_t r = SIZE_MAX;

  if (SCORE_TARGET_RISK != cue->target.kind
      || SCORE_DRIVER_SERVICE_PROBLEMS != cue->target.index
      || cue->weight <= 0.0 || gap_neg)
    return;
  for (size_t q = h->first; q > 0 && h->first - q < RESOLVE_BEFORE; q--)
  {
    if (s->tokens[q].flags & TOK_CLAUSE)
      break;
    if (s->tokens[q - 1].flags & TOK_RESOLVE)
    {
      r = q - 1;
      break;
    }
  }
  for (size_t q = (size_t) h->last + 1;
       SIZE_MAX == r && q < s->n_tokens && q - h->last <= RESOLVE_AFTER; q++)
  {
    if (s->tokens[q].flags & TOK_CLAUSE)
      break;
    if (s->tokens[q].flags & TOK_RESOLVE)
      r = q;
  }
  if (SIZE_MAX == r)
    return;
  if (token_negated (m, s, r))
  {
    /* "problem not fixed", "never fixed the bug": still a problem, the
         negator denies the fix; a negator on the problem's other side
         ("no problem, ...") still counts */
    bool other = false;

    if (r < h->first)
      for (size_t q = (size_t) h->last + 1;
           q < s->n_tokens
           && q - h->last <= (size_t) score_p (m, SCORE_P_NEGATION_AFTER);
           q++)
      {
        if (s->tokens[q].flags & TOK_CLAUSE)
          break;
        other = other || (s->tokens[q].flags & TOK_NEG);
      }
    else
      for (size_t q = h->first; q > 0 && h->first - q < 2; q--)
      {
        if (s->tokens[q].flags & TOK_CLAUSE)
          break;
        other = other || (s->tokens[q - 1].flags & TOK_NEG);
      }
    h->negated = other;
    return;
  }
  h->resolved = true;
  h->negated = true;
}

/**
 * Whether hit @a p supersedes risk hit @a d: a longer pillar or
 * orientation phrase around it that counts for something.
 *
 * @param m model
 * @param p the other hit
 * @param d the risk hit
 * @return true if @a p contains @a d and supersedes it
 */
static bool
superseding (const struct score_model *m, const struct score_hit *p,
             const struct score_hit *d)
{
  const struct score_pattern *pat;
  uint32_t lead = 0;
  uint32_t trail = 0;

  /* the hit's own fields first: most neighbours do not contain it */
  if (! (p->first <= d->first && p->last >= d->last
         && p->last - p->first > d->last - d->first && ! p->negated
         && (SCORE_TARGET_PILLAR == p->kind
             || SCORE_TARGET_ORIENTATION == p->kind)
         && m->cues[p->cue].weight > 0.0))
    return false;
  /* a phrase does not read the words its "~" skipped: "told to keep
     options open" is not "told ~ openly" reading "keep options open";
     "before the RFP" is "before ~ rfp" reading its own last word */
  pat = &m->patterns[p->pattern];
  while (lead < (uint32_t) pat->n_tokens
         && SCORE_TOKEN_GAP != pat->hashes[lead])
    lead++;
  while (trail < (uint32_t) pat->n_tokens
         && SCORE_TOKEN_GAP != pat->hashes[pat->n_tokens - 1 - trail])
    trail++;
  return lead == (uint32_t) pat->n_tokens || d->first < p->first + lead
         || d->first + trail > p->last;
}

/**
 * A positive pillar or orientation phrase that strictly contains a
 * positive risk phrase reads those words: "asked our advice before going
 * to RFP" is coming to us first (trust), not shopping around; "season
 * tickets" is not a support ticket; "accepts short-term pain" is taking a
 * risk, not a service problem; "a penalty clause" is a guarantee asked
 * for, not price pressure. The contained risk hit is superseded (not
 * evidence).
 *
 * @param m model
 * @param s scratch
 */
static void
supersede_risk (const struct score_model *m, struct score_scratch *s)
{
  uint32_t span = 0; /* the longest hit of the text, last - first */

  for (size_t j = 0; j < s->n_hits; j++)
    if (s->hits[j].last - s->hits[j].first > span)
      span = s->hits[j].last - s->hits[j].first;
  for (size_t j = 0; j < s->n_hits; j++)
  {
    struct score_hit *d = &s->hits[j];
    size_t lo = (j > 32) ? j - 32 : 0;
    size_t hi = (j + 32 < s->n_hits) ? j + 32 : s->n_hits;

    if (SCORE_TARGET_RISK != d->kind || d->negated
        || m->cues[d->cue].weight <= 0.0)
      continue;
    /* hits come in order of their first token: a hit that contains this
       one starts at most `span` tokens before its end, and a phrase has
       at most SCORE_MAX_PATTERN_WORDS words, so it is among the 32 hits
       on either side */
    for (size_t i = j + 1; i > lo; i--)
    {
      const struct score_hit *p = &s->hits[i - 1];

      if (p->first + span < d->last)
        break;
      if (superseding (m, p, d))
      {
        d->negated = true;
        d->superseded = true;
        break;
      }
    }
    for (size_t i = j + 1; ! d->superseded && i < hi; i++)
    {
      const struct score_hit *p = &s->hits[i];

      if (p->first > d->first)
        break;
      if (superseding (m, p, d))
      {
        d->negated = true;
        d->superseded = true;
      }
    }
  }
}

/**
 * Whether knowledge hit @a k is about family life: a word of it within
 * the hit or the two words before it ("told me about his daughter's
 * wedding plans", "their holiday plans"). Such plans are small talk,
 * which their own cues count.
 */
static bool
family_plans (const struct score_scratch *s, const struct score_hit *k)
{
  static const char *const words[] = { "wedding",   "daughter", "son",
                                       "wife",      "husband",  "kids",
                                       "holiday",   "vacation", "birthday",
                                       "honeymoon", "family",   NULL };
  size_t q = (k->first >= 2) ? k->first - 2 : 0;

  for (; q <= k->last; q++)
  {
    const struct score_token *t = &s->tokens[q];
    char c = (char) (s->text[t->start] | 0x20);

    if ((q < k->first && (s->tokens[q + 1].flags & TOK_CLAUSE))
        || t->end - t->start < 3
        || ! ('w' == c || 'd' == c || 's' == c || 'h' == c || 'k' == c
              || 'v' == c || 'b' == c || 'f' == c))
      continue; /* no family word starts otherwise */
    if (score_token_in (s, q, words))
      return true;
  }
  return false;
}

/**
 * 002's knowledge is insight into the customer's business: "tips" and an
 * "article" about a hobby ("swapped hiking tips", "the article on the
 * ski-touring race he's entering") are compatibility, which the hobby's
 * own cue already counts. A knowledge hit within three tokens of a
 * compatibility hit in its clause is superseded.
 *
 * @param m model
 * @param s scratch
 */
static void
supersede_personal_knowledge (const struct score_model *m,
                              struct score_scratch *s)
{
  for (size_t j = 0; j < s->n_hits; j++)
  {
    struct score_hit *k = &s->hits[j];
    const struct score_cue *kc;

    if (SCORE_TARGET_PILLAR != k->kind || k->negated)
      continue;
    kc = &m->cues[k->cue];
    if (SCORE_PILLAR_KNOWLEDGE != kc->target.index || kc->weight <= 0.0)
      continue;
    if (family_plans (s, k))
    {
      k->negated = true; /* "told me about his daughter's wedding plans" */
      k->superseded = true;
      continue;
    }
    for (size_t i = (j > 8) ? j - 8 : 0; i < s->n_hits && i < j + 8; i++)
    {
      const struct score_hit *p = &s->hits[i];
      const struct score_cue *pc;
      uint32_t lo = (p->first < k->first) ? p->first : k->first;
      uint32_t hi = (p->first < k->first) ? k->first : p->first;
      bool clause = false;

      if (SCORE_TARGET_PILLAR != p->kind || p->negated
          || p->last + 3 < k->first || k->last + 3 < p->first)
        continue;
      pc = &m->cues[p->cue];
      if (SCORE_PILLAR_COMPATIBILITY != pc->target.index || pc->weight <= 0.0)
        continue;
      for (uint32_t q = lo + 1; q <= hi && ! clause; q++)
        clause = 0 != (s->tokens[q].flags & TOK_CLAUSE);
      if (clause)
        continue;
      k->negated = true;
      k->superseded = true;
      break;
    }
  }
}

/**
 * Record a hit unless the same cue already matched overlapping tokens or
 * a longer phrase of the same target kind contains it (a longer one
 * replaces shorter ones it contains).
 *
 * @param m model
 * @param s scratch
 * @param h the hit
 */
static void
add_hit (const struct score_model *m, struct score_scratch *s,
         const struct score_hit *h)
{
  uint8_t kind = h->kind;

  for (size_t i = s->n_hits; i > 0; i--)
  {
    struct score_hit *o = &s->hits[i - 1];
    bool overlap = ! (o->last < h->first || h->last < o->first);
    uint32_t lo = o->last - o->first;
    uint32_t lh = h->last - h->first;

    if (o->last + 8 < h->first)
      break;
    if (! overlap || o->kind != kind)
      continue;
    if (o->cue == h->cue)
    {
      if (o->negated && ! h->negated && lh >= lo)
        *o = *h;
      return;
    }
    /* the most specific (longest, containing) phrase wins */
    if (lo > lh && o->first <= h->first && o->last >= h->last)
      return;
    if (lh > lo && h->first <= o->first && h->last >= o->last)
    {
      *o = *h;
      return;
    }
  }
  if (s->n_hits < s->hits_cap)
    s->hits[s->n_hits++] = *h;
}

/**
 * The patterns of one (first, second) group of the lookup table.
 *
 * @param m model
 * @param first first-token hash
 * @param second second-token hash or SCORE_INDEX_ANY
 * @param[out] n number of patterns
 * @return the group's pattern indices (ascending), NULL when none
 */
static const int *
index_group (const struct score_model *m, uint32_t first, uint32_t second,
             size_t *n)
{
  uint32_t k = score_index_probe (first, second);

  for (;;)
  {
    const struct score_index_slot *slot = &m->index_slots[k];

    if (0 == slot->count)
      break;
    if (slot->first == first && slot->second == second)
    {
      *n = slot->count;
      return &m->index_pattern[slot->start];
    }
    k = (k + 1) & (SCORE_INDEX_SLOTS - 1);
  }
  *n = 0;
  return NULL;
}

/**
 * Whether tokens from @a first are written as the words of @a words (one
 * space apart, lower case; ASCII case aside).
 *
 * @param s scratch (the text)
 * @param first first token
 * @param words the phrase after its "="
 * @return true if the same forms
 */
static bool
same_form (const struct score_scratch *s, size_t first, const char *words)
{
  size_t i = 0;

  for (size_t k = first; k < s->n_tokens; k++)
  {
    const struct score_token *t = &s->tokens[k];

    for (size_t p = t->start; p < t->end; p++, i++)
    {
      char c = s->text[p];

      if (c >= 'A' && c <= 'Z')
        c = (char) (c - 'A' + 'a');
      if (c != words[i])
        return false; /* words[i] is never '\0' here: c is not */
    }
    if ('\0' == words[i])
      return true;
    if (' ' != words[i++])
      return false;
  }
  return false;
}

/**
 * Try one pattern at token @a ti and record the hit.
 *
 * @param m model
 * @param s scratch
 * @param pi pattern index
 * @param ti token index
 */
static void
try_pattern (const struct score_model *m, struct score_scratch *s, int pi,
             size_t ti)
{
  const struct score_pattern *pat = &m->patterns[pi];
  struct score_hit hit;
  bool gap_neg = false;

  if (! pat->gapped)
  {
    /* words in a row, most phrases: the lookup matched the first two
       already, and many phrases fail on their third */
    size_t n = (size_t) pat->n_tokens;

    if (ti + n > s->n_tokens)
      return;
    for (size_t k = 1; k < n; k++)
      if (s->tokens[ti + k].hash != pat->hashes[k]
          || (s->tokens[ti + k].flags & TOK_CLAUSE))
        return;
    memset (&hit, 0, sizeof (hit));
    hit.last = (uint32_t) (ti + n - 1);
  }
  else
  {
    memset (&hit, 0, sizeof (hit));
    if (! match_at (m, s, pat, ti, 0, &hit.last, &gap_neg))
      return;
  }
  if (pat->exact && ! same_form (s, ti, pat->text + 1))
    return;
  hit.cue = pat->cue;
  hit.kind = (uint8_t) m->cues[pat->cue].target.kind;
  hit.pattern = pi;
  hit.contact = -1;
  hit.first = (uint32_t) ti;
  /* a negator after a new decision maker speaks of what they have not
     done yet, which is the risk: "a new operations manager we haven't
     met yet", "her replacement isn't named yet" */
  hit.negated =
    gap_neg
    || negated (m, s, hit.first, hit.last,
                ! (SCORE_TARGET_RISK == m->cues[pat->cue].target.kind
                   && SCORE_DRIVER_NEW_DECISION_MAKER
                        == m->cues[pat->cue].target.index),
                hit.kind);
  if (! hit.negated && SCORE_TARGET_VALUE == hit.kind)
    hit.negated = negated_compound (s, ti);
  resolution_scope (m, s, &hit, gap_neg);
  add_hit (m, s, &hit);
}

/**
 * Mark hits that repeat an earlier, not negated hit of the same cue or
 * pattern in this text (one item per cue / phrase per note).
 *
 * @param m model
 * @param s scratch
 */
void
score_mark_repeats (const struct score_model *m, struct score_scratch *s)
{
  uint32_t stamp;

  if (0 == ++s->stamp)
  {
    memset (s->pattern_mark, 0, sizeof (s->pattern_mark));
    memset (s->cue_mark, 0, sizeof (s->cue_mark));
    s->stamp = 1;
  }
  stamp = s->stamp;
  for (size_t i = 0; i < s->n_hits; i++)
  {
    struct score_hit *h = &s->hits[i];

    h->cue_repeat = stamp == s->cue_mark[h->cue];
    h->pattern_repeat = stamp == s->pattern_mark[h->pattern];
    if (score_hit_counts (m, h))
    {
      s->cue_mark[h->cue] = stamp;
      s->pattern_mark[h->pattern] = stamp;
    }
  }
}

/** Most tokens a "~" may skip that the lookup handles (model_load.c
    allows up to 6). */
#define GAP_LOOKUP_MAX 15

void
score_text_analyze (const struct score_model *m, struct score_scratch *s,
                    const char *text, size_t len)
{
  int gmax = (int) score_p (m, SCORE_P_GAP_MAX);

  if (gmax > GAP_LOOKUP_MAX)
    gmax = GAP_LOOKUP_MAX;
  s->n_hits = 0;
  score_text_tokenize (m, s, text, len);
  for (size_t ti = 0; ti < s->n_tokens; ti++)
  {
    /* candidate groups: any second token; this second token; "~" then
         one of the tokens the gap can reach */
    const int *list[GAP_LOOKUP_MAX + 3];
    size_t left[GAP_LOOKUP_MAX + 3];
    size_t n_lists = 0;
    uint32_t h = s->tokens[ti].hash;
    int last = -1;
    int gaps = gmax;

    if (! (m->index_filter[(h & (SCORE_INDEX_FILTER_BITS - 1)) / 64]
           & (1ull << (h % 64))))
      continue;
    if (m->any_filter[(h & (SCORE_INDEX_FILTER_BITS - 1)) / 64]
        & (1ull << (h % 64)))
    {
      list[n_lists] = index_group (m, h, SCORE_INDEX_ANY, &left[n_lists]);
      n_lists += left[n_lists] > 0;
    }
    if (! (m->gapped_filter[(h & (SCORE_INDEX_FILTER_BITS - 1)) / 64]
           & (1ull << (h % 64))))
    {
      /* no "h ~ y" phrase: only the very next token can be a second */
      size_t tj = ti + 1;

      if (tj < s->n_tokens && ! (s->tokens[tj].flags & TOK_CLAUSE)
          && score_pair_maybe (m, h, s->tokens[tj].hash))
      {
        list[n_lists] = index_group (m, h, s->tokens[tj].hash, &left[n_lists]);
        n_lists += left[n_lists] > 0;
      }
      gaps = -1;
    }
    for (int k = 0; k <= gaps; k++)
    {
      size_t tj = ti + 1 + (size_t) k;

      if (tj >= s->n_tokens || (s->tokens[tj].flags & TOK_CLAUSE))
        break;
      if (0 == k && score_pair_maybe (m, h, s->tokens[tj].hash))
      {
        list[n_lists] = index_group (m, h, s->tokens[tj].hash, &left[n_lists]);
        n_lists += left[n_lists] > 0;
      }
      if (! score_pair_maybe (m, h, SCORE_INDEX_GAPPED (s->tokens[tj].hash)))
        continue;
      list[n_lists] = index_group (m, h,
                                   SCORE_INDEX_GAPPED (s->tokens[tj].hash),
                                   &left[n_lists]);
      n_lists += left[n_lists] > 0;
    }
    if (1 == n_lists)
    {
      for (size_t i = 0; i < left[0]; i++)
        try_pattern (m, s, list[0][i], ti);
      continue;
    }
    /* every group ascends: merge them, so patterns are tried in model
         order, each once, exactly as a scan of every pattern starting
         with h would try the ones that can match here */
    for (;;)
    {
      size_t best = n_lists;

      for (size_t i = 0; i < n_lists; i++)
        if (left[i] > 0 && (best == n_lists || list[i][0] < list[best][0]))
          best = i;
      if (best == n_lists)
        break;
      if (list[best][0] != last)
      {
        last = list[best][0];
        try_pattern (m, s, last, ti);
      }
      list[best]++;
      left[best]--;
    }
  }
  supersede_risk (m, s);
  supersede_personal_knowledge (m, s);
}

/**
 * Move @a p back to the start of a UTF-8 character.
 *
 * @param t text
 * @param p position
 * @return adjusted position
 */
static size_t
utf8_back (const char *t, size_t p)
{
  while (p > 0 && 0x80 == ((unsigned char) t[p] & 0xC0))
    p--;
  return p;
}

void
score_text_excerpt (const struct score_scratch *s, const struct score_hit *h,
                    char *out)
{
  const struct score_token *a = &s->tokens[h->first];
  const struct score_token *b = &s->tokens[h->last];
  size_t room = SCORE_EXCERPT_LEN - 1;
  size_t span = b->end - a->start;
  size_t lo = a->start;
  size_t hi = b->end;
  size_t k = 0;

  if (span < room)
  {
    size_t pad = (room - span) / 2;

    lo = (a->start > pad) ? a->start - pad : 0;
    hi = b->end + (room - span - (a->start - lo));
    if (hi > s->text_len)
      hi = s->text_len;
  }
  else
    hi = lo + room;
  /* stay inside the sentence around the cue */
  for (size_t i = a->start; i > lo; i--)
    if ('.' == s->text[i - 1] || '\n' == s->text[i - 1]
        || '!' == s->text[i - 1] || '?' == s->text[i - 1])
    {
      lo = i;
      break;
    }
  for (size_t i = b->end; i < hi; i++)
    if ('.' == s->text[i] || '\n' == s->text[i] || '!' == s->text[i]
        || '?' == s->text[i])
    {
      hi = i + 1;
      break;
    }
  lo = utf8_back (s->text, lo);
  if (hi < s->text_len)
    hi = utf8_back (s->text, hi);
  while (lo < hi && (' ' == s->text[lo] || '\t' == s->text[lo]))
    lo++;
  for (size_t i = lo; i < hi && k < room; i++)
  {
    char c = s->text[i];

    out[k++] = ('\n' == c || '\r' == c || '\t' == c) ? ' ' : c;
  }
  while (k > 0 && ' ' == out[k - 1])
    k--;
  out[k] = '\0';
}
