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
 * Whether a value hit would count but for a negation. value_vector turns
 * such a hit around: "not one-off orders" (a cue against partnership)
 * holds partnership, and "we don't ship betas" said by the business or
 * seller stands against innovation; a buyer's negated value is only not
 * held.
 */
static bool
negated_fact (const struct score_model *m, const struct score_hit *h)
{
  struct score_hit plain = *h;

  if (! h->negated || h->resolved || h->superseded)
    return false;
  plain.negated = false;
  return score_hit_counts (m, &plain);
}

/**
 * Whether negated value hit @a h is something the buyer turns away rather
 * than only does not hold: "we don't want reports", "we don't need a
 * partner", "no service visits, please", "no projects, no quarterly
 * reviews", "not interested in long pilots" (a negator with "want",
 * "need" or "interested" up to four words before it in its clause, or
 * "no" right before it or a word before: "no ongoing relationship"; or
 * told not to: "Please don't take me to dinner"),
 * where "price isn't the conversation" only holds no price.
 */
static bool
refused_want (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const between[] = { "ongoing", "long",  "further",
                                         "more",    "extra", "real",
                                         "big",     "fancy", NULL };
  size_t q = h->first;

  if (q > 0 && SCORE_TOKEN_NEG == s->tokens[q - 1].hash
      && score_token_is (s, q - 1, "no"))
    return true;
  if (q > 1 && SCORE_TOKEN_NEG == s->tokens[q - 2].hash
      && score_token_is (s, q - 2, "no") && score_token_in (s, q - 1, between))
    return true; /* "no ongoing relationship" */
  if (q > 1 && SCORE_TOKEN_NEG == s->tokens[q - 1].hash
      && score_token_is (s, q - 1, "not")
      && ',' == s->text[s->tokens[q - 2].end])
    return true; /* "we need results, not rules" */
  for (size_t r = q; r > 0 && r + 5 > q; r--)
  {
    if (SCORE_TOKEN_NEG == s->tokens[r - 1].hash
        && score_token_is (s, r - 1, "don't")
        && ((s->tokens[r - 1].flags & TOK_CLAUSE)
            || (r > 1 && score_token_is (s, r - 2, "please"))))
      return true; /* "Please don't take me to dinner", "Don't send me
                      brochures": told not to */
    if (s->tokens[r].flags & TOK_CLAUSE)
      break;
    if (SCORE_TOKEN_NEG == s->tokens[r - 1].hash && r < q
        && (score_token_is (s, r, "want") || score_token_is (s, r, "need")
            || score_token_is (s, r, "interested")))
      return true;
    if (SCORE_TOKEN_NEG == s->tokens[r - 1].hash && r < q && q <= r + 2
        && (score_token_is (s, r, "do") || score_token_is (s, r, "pay")))
      return true; /* "I don't do lunches, golf or small talk", "we don't
                      pay for service contracts" (not "what we won't do:
                      compete on price", a list's heading) */
  }
  return false;
}

/**
 * Where one of @a words stands up to @a span words before value hit @a h
 * in its clause (the clause's first word included), nearest first.
 *
 * @param s scratch holding the analysed text
 * @param h a hit
 * @param span how many words back to look
 * @param words the words, NULL-terminated
 * @return its token, or SIZE_MAX if none
 */
static size_t
word_before (const struct score_scratch *s, const struct score_hit *h,
             size_t span, const char *const *words)
{
  for (size_t r = h->first; r > 0 && r + span > h->first; r--)
  {
    if (s->tokens[r].flags & (TOK_CLAUSE | TOK_SENTENCE))
      break;
    if (score_token_in (s, r - 1, words))
      return r - 1;
  }
  return SIZE_MAX;
}

/**
 * Whether value hit @a h is what a concession sets aside, up to four
 * words before it in its clause: "the cheapest hardware, whatever the
 * energy use", "regardless of the rules", "despite the price", "no
 * matter the cost". A buyer who sets a value aside so stands against it,
 * as one who turns it away does.
 */
static bool
conceded (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const concessions[] = { "whatever", "regardless",
                                             "despite", "matter", NULL };
  size_t at = word_before (s, h, 5, concessions);

  return SIZE_MAX != at
         && (! score_token_is (s, at, "matter")
             || (at > 0 && score_token_is (s, at - 1, "no")));
}

/**
 * Whether value hit @a h stands in a condition, a "when", "if" or
 * "unless" up to six words before it in its clause: "we say so openly
 * when a module isn't earning its keep" tells what the business does in
 * that case; it does not stand against profitability as "we don't ship
 * betas" stands against innovation.
 */
static bool
conditioned (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const conditions[] = { "when", "whenever", "if", "unless",
                                            "once", "until",    NULL };

  return SIZE_MAX != word_before (s, h, 7, conditions);
}

/**
 * Whether hypothetical value hit @a h is a plan of the party's own, up
 * to eight words after "plan", "aim" or "intend" in its sentence with no
 * "if" between: "we plan to triple output in three years" is what the
 * buyer values, where "if we were the sort of buyer who ..." is not.
 */
static bool
planned (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const plans[] = { "plan", "plans",  "planning", "aim",
                                       "aims", "intend", "intends",  NULL };
  uint16_t sentence = s->tokens[h->first].sentence;

  for (size_t r = h->first; r > 0 && r + 9 > h->first; r--)
  {
    if (s->tokens[r - 1].sentence != sentence
        || score_token_is (s, r - 1, "if"))
      return false;
    if (score_token_in (s, r - 1, plans))
      return true;
  }
  return false;
}

/**
 * Whether negated value hit @a h is only free of a fear: "audits don't
 * worry me", "inspections never bother us" (a negator, then "worry",
 * "bother", "scare" or "faze", within four words after it). The party
 * is at ease with the value, not against it.
 */
static bool
fear_denied (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const fears[] = { "worry",     "worries", "bother",
                                       "bothers",   "scare",   "scares",
                                       "faze",      "fazes",   "frighten",
                                       "frightens", NULL };

  for (size_t r = h->last + 1; r + 1 < s->n_tokens && r <= h->last + 4; r++)
  {
    if (s->tokens[r].flags & (TOK_CLAUSE | TOK_SENTENCE))
      break;
    if (SCORE_TOKEN_NEG == s->tokens[r].hash
        && score_token_in (s, r + 1, fears))
      return true;
  }
  return false;
}

/**
 * Whether value hit @a h follows "without" in its clause: "we help fleets
 * grow without growing their headcount" does not stand against growth,
 * where "we don't ship betas" stands against innovation.
 */
static bool
without (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const withouts[] = { "without", NULL };

  return SIZE_MAX != word_before (s, h, 4, withouts);
}

/**
 * Whether hit @a h stands in a question the answer asks itself before
 * answering it ("What are our standards? Low cost, low effort.",
 * "Service? We'll use the help pages."): a sentence of up to three
 * words, or one that opens with "what", "how", "why" ..., that ends in
 * "?" and has more of the answer after it names a topic, not a value
 * held (what the rest says of it decides). A hit after "about",
 * "define", "regarding" or "standards for", the topic of 003's frame,
 * is not one ("What's important to us about profitability? Numbers
 * proven on our own data." holds profitability, as a question sent
 * apart would).
 *
 * @param s scratch holding the analysed answer
 * @param h a hit
 * @return true if so
 */
static bool
self_asked (const struct score_scratch *s, const struct score_hit *h)
{
  static const char *const openers[] = { "what",  "what's", "how",
                                         "why",   "which",  "who",
                                         "where", "when",   NULL };
  uint16_t sentence = s->tokens[h->first].sentence;
  size_t a = h->first;
  size_t t = h->last;
  bool asked = false;

  while (t + 1 < s->n_tokens && s->tokens[t + 1].sentence == sentence)
    t++;
  if (t + 1 >= s->n_tokens)
    return false; /* the answer's last sentence */
  for (size_t e = s->tokens[t].end; e < s->tokens[t + 1].start && ! asked; e++)
    asked = '?' == s->text[e];
  if (! asked)
    return false;
  while (a > 0 && s->tokens[a - 1].sentence == sentence)
    a--;
  if (t - a > 2 && ! score_token_in (s, a, openers))
    return false; /* a topic of up to three words ("Service? We'll live
                     without it.") or a question that opens so; not "one
                     question: will they still pick up the phone when it
                     goes wrong? We want the same." */
  for (size_t q = a; q < h->first; q++)
    if (score_token_is (s, q, "about") || score_token_is (s, q, "define")
        || score_token_is (s, q, "regarding")
        || (q > a && score_token_is (s, q, "for")
            && (score_token_is (s, q - 1, "standards")
                || score_token_is (s, q - 1, "standard"))))
      return false;
  return true;
}

/** What a question or heading says of the answer under it. */
struct question
{
  bool negated; /**< "What we don't do", "Not for us": what the business
                     or seller lists under it, it stands against */
  size_t n;     /**< values the question's topic names */
  int cue[SCORE_VALUE_COUNT];
  char excerpt[SCORE_VALUE_COUNT][SCORE_EXCERPT_LEN];
};

/**
 * Whether the answer in @a s turns down what its question @a qn asks
 * about: a value the question names is negated or stood against in it
 * ("price isn't the conversation" to a question about price; "a remake
 * costs us the patient's patience" turns down no quality), or a negator
 * opens it before it affirms anything ("Not really relevant for us", "We
 * don't think about it much").
 *
 * @param m model
 * @param s scratch holding the analysed answer
 * @param qn the question read
 * @return true if turned down
 */
static bool
turned_down (const struct score_model *m, const struct score_scratch *s,
             const struct question *qn)
{
  size_t affirmed = s->n_tokens; /* the first value the answer holds */

  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];
    bool counts;
    bool named = false;

    if (SCORE_TARGET_VALUE != cue->target.kind)
      continue;
    for (size_t k = 0; k < qn->n && ! named; k++)
      named = m->cues[qn->cue[k]].target.index == cue->target.index;
    counts = score_hit_counts (m, h);
    if (named
        && (negated_fact (m, h)
            || (counts && (h->against || cue->weight < 0))))
      return true;
    if (counts && h->first < affirmed)
    {
      if ((h->against || cue->weight < 0) && 0 == s->tokens[h->first].sentence)
        return true; /* the answer opens by standing against: "The bare
                        minimum." to a question on compliance */
      affirmed = h->first;
    }
  }
  /* "without", "no" govern what follows them only: "comes out without
     being asked" affirms */
  for (size_t t = 0; t < affirmed && 0 == s->tokens[t].sentence; t++)
    if ((s->tokens[t].flags & TOK_NEG) && ! (s->tokens[t].flags & TOK_NEG_FWD))
      return true;
  return false;
}

/**
 * Where a question's topic starts: after the frame of 003's questions,
 * "... about", "standards for", "define", "regarding" ("What are your
 * standards for recyclers?" asks about recyclers: its "standards" are the
 * frame's, not a value), or at its start ("How do budgets work for
 * you?").
 *
 * @param s scratch holding the analysed question
 * @return first token of the topic
 */
static size_t
question_topic_start (const struct score_scratch *s)
{
  size_t topic = 0;

  for (size_t t = 0; t < s->n_tokens; t++)
    if (score_token_is (s, t, "about") || score_token_is (s, t, "define")
        || score_token_is (s, t, "regarding")
        || (t > 0 && score_token_is (s, t, "for")
            && (score_token_is (s, t - 1, "standards")
                || score_token_is (s, t - 1, "standard"))))
      topic = t + 1;
  return topic;
}

/**
 * An answer that carries its question ("Q: What's important to you about
 * partnership? A: Not interested in a partnership."): the question is
 * copied to @a buf and the answer is what follows "A:". Any other answer
 * is returned whole, with no question.
 *
 * @param answer the answer as sent
 * @param buf room for the question
 * @param size its size
 * @param[out] question the question, or NULL
 * @return the answer proper
 */
static const char *
inline_question (const char *answer, char *buf, size_t size,
                 const char **question)
{
  const char *p = answer;
  const char *q;
  const char *r;

  *question = NULL;
  while (' ' == *p || '\t' == *p || '\n' == *p)
    p++;
  if ('q' != (p[0] | 0x20) || ':' != p[1])
    return answer;
  for (q = p + 2; '\0' != *q; q++)
    if (('a' == (q[0] | 0x20)) && ':' == q[1]
        && (' ' == q[-1] || '\n' == q[-1] || '\t' == q[-1]))
      break;
  if ('\0' == *q)
    return answer;
  r = p + 2;
  while (' ' == *r)
    r++;
  if ((size_t) (q - r) >= size)
    return answer; /* a question too long to be one */
  memcpy (buf, r, (size_t) (q - r));
  buf[q - r] = '\0';
  *question = buf;
  return q + 2;
}

/**
 * A one-word answer or list item names its value ("- cost", "Time."):
 * the words the lexicon keeps only in longer forms, since in a note they
 * are mostly something else ("cost us a recall", "every single time").
 * The value is added to @a qn's, as a question naming it would be.
 *
 * @param m model
 * @param s scratch holding the analysed answer
 * @param text the answer
 * @param[in,out] qn the values the answer holds by its question
 */
static void
bare_value (const struct score_model *m, const struct score_scratch *s,
            const char *text, struct question *qn)
{
  static const struct
  {
    const char *word;
    const char *cue;
  } bare[] = { { "cost", "value.cost" },
               { "costs", "value.cost" },
               { "time", "value.time" } };

  if (1 != s->n_tokens || qn->n >= SCORE_VALUE_COUNT)
    return;
  for (size_t i = 0; i < sizeof (bare) / sizeof (bare[0]); i++)
  {
    if (! score_token_is (s, 0, bare[i].word))
      continue;
    for (int c = 0; c < m->n_cues; c++)
      if (0 == strcmp (m->cues[c].id, bare[i].cue))
      {
        for (size_t k = 0; k < qn->n; k++)
          if (qn->cue[k] == c)
            return; /* its question named it already */
        qn->cue[qn->n] = c;
        score_strlcpy (qn->excerpt[qn->n], sizeof (qn->excerpt[0]), text);
        qn->n++;
        return;
      }
  }
}

/**
 * Whether the negator at token @a t asks what is never given up: "What
 * would you never compromise?", "What is not negotiable?" ask for what is
 * held firmly, where "What will you not do?" asks for what is refused.
 *
 * @param s scratch holding the analysed question
 * @param t a negator
 */
static bool
never_given_up (const struct score_scratch *s, size_t t)
{
  static const char *const words[] = { "compromis", "negotiab", "sacrific",
                                       "budge",     "bend",     "trade",
                                       NULL };

  for (size_t r = t + 1; r < s->n_tokens && r <= t + 3; r++)
  {
    const char *w = s->text + s->tokens[r].start;
    size_t n = s->tokens[r].end - s->tokens[r].start;

    for (size_t i = 0; NULL != words[i]; i++)
    {
      size_t k = 0;

      while ('\0' != words[i][k] && k < n && (w[k] | 0x20) == words[i][k])
        k++;
      if ('\0' == words[i][k])
        return true;
    }
  }
  return false;
}

/**
 * Read the question an answer replies to, once. 003's Value Discovery
 * questions name a value ("What's important to you about productivity?",
 * "What are your standards for service?"): an answer that does not turn
 * it down holds it, whatever words it finds for it ("Hours per tonne.
 * Anything that gives my welders time back"); each value the question's
 * topic names counts once.
 *
 * @param m model
 * @param s scratch (the question is analysed in it)
 * @param q the question (may be NULL)
 * @param[out] out whether it is negated, and the values it names
 */
static void
read_question (const struct score_model *m, struct score_scratch *s,
               const char *q, struct question *out)
{
  bool named[SCORE_VALUE_COUNT] = { false };
  size_t topic;

  out->negated = false;
  out->n = 0;
  if (NULL == q || '\0' == q[0])
    return;
  score_text_analyze (m, s, q, strlen (q));
  score_text_attribute (m, s);
  for (size_t t = 0; t < s->n_tokens && ! out->negated; t++)
    out->negated = 0 != (s->tokens[t].flags & TOK_NEG)
                   && ! never_given_up (s, t);
  topic = question_topic_start (s);
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    const struct score_cue *cue = &m->cues[h->cue];

    if (SCORE_TARGET_VALUE != cue->target.kind || cue->weight <= 0
        || h->against || named[cue->target.index] || h->first < topic
        || ! score_hit_counts (m, h))
      continue;
    named[cue->target.index] = true;
    out->cue[out->n] = h->cue;
    score_text_excerpt (s, h, out->excerpt[out->n]);
    out->n++;
  }
}

/** The ways of working (000's orientations) a party's answers show and
    stand against: 003's "values and way of doing business". */
/**
 * Traits of 000's orientations that are each other's opposite: the
 * Actualizer, "open, honest", against the Affiliator who "avoids
 * conflict" and is slow "to bring problems to your attention"; "willing
 * to take risks" against "avoid controversy, risk or change"; "shares
 * credit" against "getting credit"; "demands high performance", "not
 * overly loyal", against "innate loyalty"; the Power customer's
 * "assertive" against the Affiliator who "seeks harmony; avoids
 * conflict" (a buyer who wants a gentle supplier, a seller who tells a
 * client's team off in front of everyone).
 * A buyer who wants "a supplier who argues with us when we're wrong"
 * beside a seller for whom "arguments drain me" differ in personality
 * (003's hand-off) though neither stands against the other's word.
 */
static const struct
{
  const char *cue[2];
  int orientation[2];
} opposed[] = {
  { { "actualization.candid", "affiliation.avoids_conflict" },
    { SCORE_ORIENTATION_ACTUALIZATION, SCORE_ORIENTATION_AFFILIATION } },
  { { "actualization.candid", "affiliation.withholds" },
    { SCORE_ORIENTATION_ACTUALIZATION, SCORE_ORIENTATION_AFFILIATION } },
  { { "actualization.takes_risks", "security.risk_averse" },
    { SCORE_ORIENTATION_ACTUALIZATION, SCORE_ORIENTATION_SECURITY } },
  { { "actualization.shares_credit", "power.recognition" },
    { SCORE_ORIENTATION_ACTUALIZATION, SCORE_ORIENTATION_POWER } },
  { { "actualization.performance", "affiliation.loyal" },
    { SCORE_ORIENTATION_ACTUALIZATION, SCORE_ORIENTATION_AFFILIATION } },
  { { "power.assertive", "affiliation.avoids_conflict" },
    { SCORE_ORIENTATION_POWER, SCORE_ORIENTATION_AFFILIATION } },
  { { "power.assertive", "affiliation.harmony" },
    { SCORE_ORIENTATION_POWER, SCORE_ORIENTATION_AFFILIATION } },
};

/** Ways of working (000) that are a value (003) in the words of the
    way: "innate loyalty" is partnership, "we work with distributors for
    years"; so is the Actualizer's "open, honest" dealing, as the
    lexicon's partnership already holds "honest" and "open book" ("we
    tell customers plainly when an estimate looks wrong"). An answer that
    shows the way and does not name the value holds it. */
static const struct
{
  const char *cue;
  int value;
} way_values[] = {
  { "affiliation.loyal", SCORE_VALUE_PARTNERSHIP },
  { "actualization.candid", SCORE_VALUE_PARTNERSHIP },
};

/** Number of ways that are values. */
#define N_WAY_VALUES (sizeof (way_values) / sizeof (way_values[0]))

/** Number of opposed pairs. */
#define N_OPPOSED (sizeof (opposed) / sizeof (opposed[0]))

struct ways
{
  /** how much each side of each opposed pair is shown */
  double trait[N_OPPOSED][2];
  double shown[SCORE_ORIENTATION_COUNT];
  double against[SCORE_ORIENTATION_COUNT];
  /** what it turns away outright ("we do not want suppliers who take
      credit"), not merely denies ("price hardly matters") */
  double refused[SCORE_ORIENTATION_COUNT];
};

/** Values that go together: wanting one is half of wanting the other
    (time saved is productivity; reliability is a kind of quality and of
    service; quality and compliance are both work done to a standard,
    "accuracy" beside "an audit trail nobody can fault"). */
static const int related[][2] = {
  { SCORE_VALUE_TIME_SAVINGS, SCORE_VALUE_PRODUCTIVITY },
  { SCORE_VALUE_TIME_SAVINGS, SCORE_VALUE_SPEED },
  { SCORE_VALUE_PRODUCTIVITY, SCORE_VALUE_PROFITABILITY },
  { SCORE_VALUE_COST_SAVINGS, SCORE_VALUE_PROFITABILITY },
  { SCORE_VALUE_RELIABILITY, SCORE_VALUE_QUALITY },
  { SCORE_VALUE_QUALITY, SCORE_VALUE_COMPLIANCE },
  { SCORE_VALUE_RELIABILITY, SCORE_VALUE_SERVICE },
  { SCORE_VALUE_SERVICE, SCORE_VALUE_PARTNERSHIP },
  { SCORE_VALUE_INNOVATION, SCORE_VALUE_GROWTH },
};

/** Whether values @a x and @a y are one value or related (above). */
static bool
alike (int x, int y)
{
  if (x == y)
    return true;
  for (size_t r = 0; r < sizeof (related) / sizeof (related[0]); r++)
    if ((related[r][0] == x && related[r][1] == y)
        || (related[r][0] == y && related[r][1] == x))
      return true;
  return false;
}

/**
 * Whether value hit @a i names what a cue against the same or a related
 * value, up to two words before it in its clause, acts on: "backdate
 * protocol entries", "cut corners on quality". The party stands against
 * it, not for it.
 *
 * @param m model
 * @param s scratch with the text's hits
 * @param i index of a hit whose cue is for a value
 * @return true if so
 */
static bool
object_of_against (const struct score_model *m, const struct score_scratch *s,
                   size_t i)
{
  static const char *const linking[] = { "on",    "the",  "our",  "their",
                                         "any",   "all",  "with", "around",
                                         "about", "a",    "an",   "every",
                                         "its",   "your", "of",   NULL };
  const struct score_hit *h = &s->hits[i];
  int v = m->cues[h->cue].target.index;

  if (h->first != h->last)
    return false; /* "long decision cycles drive me mad": a phrase after
                     the cue says what the party feels about it */
  for (size_t j = 0; j < i; j++)
  {
    const struct score_hit *g = &s->hits[j];
    const struct score_cue *c = &m->cues[g->cue];
    bool apart = false;

    if (SCORE_TARGET_VALUE != c->target.kind || c->weight >= 0
        || g->last >= h->first || h->first - g->last > 3
        || ! score_hit_counts (m, g) || g->against
        || ! alike (c->target.index, v))
      continue;
    if (g->last + 1 == h->first && g->last > 0
        && '-' == s->text[s->tokens[g->last].start - 1])
      continue; /* "self-service onboarding": a compound before a noun */
    for (size_t t = g->last + 1; t <= h->first && ! apart; t++)
      apart = 0 != (s->tokens[t].flags & (TOK_CLAUSE | TOK_SENTENCE))
              || (t < h->first && ! score_token_in (s, t, linking));
    if (! apart)
      return true;
  }
  return false;
}

/**
 * Record a values item read from hit @a h (its excerpt) in @a ev.
 *
 * @param ev evidence list (may be NULL: nothing is recorded)
 * @param s scratch holding the analysed answer
 * @param who "account", "organization" or "owner"
 * @param h the hit
 * @param signal the item's signal (a cue id)
 * @param weight its signed weight
 */
static void
hit_evidence (struct score_evidence_list *ev, const struct score_scratch *s,
              const char *who, const struct score_hit *h, const char *signal,
              double weight)
{
  struct score_evidence e;

  if (NULL == ev)
    return;
  score_evidence_set (&e, SCORE_SOURCE_VALUES, who, 0, signal, weight);
  score_text_excerpt (s, h, e.excerpt);
  score_evidence_add (ev, &e);
}

/**
 * Build one party's value vectors and record the account's evidence.
 * A cue of positive weight that counts raises the value; a cue against
 * a value (negative weight: "we rebid everything every six months"
 * against partnership) lowers it, and negated ("not one-off orders")
 * raises it; a value the reading found the party against ("rules slow
 * everything down") lowers it. The net weight per value goes to @a held
 * when positive and to @a rejected when negative; what the party says
 * it does not hold ("innovation is not relevant to us") goes to @a waved
 * when nothing else it says holds the value.
 *
 * @param m model
 * @param s scratch
 * @param v values (NULL gives zeros)
 * @param who "account", "organization" or "owner"
 * @param[out] held what the party values, 0..1 over the 13 values
 * @param[out] rejected what it rejects, 0..1 over the 13 values
 * @param[out] waved what it waves off, 0..1 over the 13 values
 * @param ev evidence list (may be NULL)
 * @param[out] ways the ways of working its answers show and stand against
 * @param[out] read whether it holds or rejects any value
 * @return true when the party has any priority or answer
 */
static bool
value_vector (const struct score_model *m, struct score_scratch *s,
              const struct score_values *v, const char *who, double *held,
              double *rejected, double *waved, bool *read,
              struct score_evidence_list *ev, struct ways *ways)
{
  double w[SCORE_VALUE_COUNT] = { 0 };
  double wv[SCORE_VALUE_COUNT] = { 0 };
  bool any = false;
  bool buyer = 0 == strcmp (who, "account");
  bool refused;
  bool named[SCORE_VALUE_COUNT];
  const struct score_hit *way[N_WAY_VALUES];
  struct score_hit plain;
  struct question qn;
  char asked[SCORE_EXCERPT_LEN * 2];
  const char *text;
  const char *question;
  double k = score_p (m, SCORE_P_VALUES_TEXT_WEIGHT);

  *read = false;
  memset (held, 0, sizeof (double) * SCORE_VALUE_COUNT);
  memset (rejected, 0, sizeof (double) * SCORE_VALUE_COUNT);
  memset (waved, 0, sizeof (double) * SCORE_VALUE_COUNT);
  memset (ways, 0, sizeof (*ways));
  if (NULL == v)
    return false;
  for (size_t a = 0; a < v->n_answers && a < SCORE_MAX_ANSWERS; a++)
  {
    if (NULL == v->answers[a] || '\0' == v->answers[a][0])
      continue;
    any = true;
    s->n_call_names = 0; /* an answer is no call: nobody is on it */
    text = v->answers[a];
    question = v->questions[a];
    if (NULL == question || '\0' == question[0])
      text = inline_question (text, asked, sizeof (asked), &question);
    read_question (m, s, question, &qn);
    refused = ! buyer && qn.negated;
    score_text_analyze (m, s, text, strlen (text));
    score_text_attribute (m, s);
    memset (way, 0, sizeof (way));
    memset (named, 0, sizeof (named));
    for (size_t i = 0; i < s->n_hits; i++)
    {
      const struct score_hit *h = &s->hits[i];
      const struct score_cue *cue = &m->cues[h->cue];
      double sign;

      if (SCORE_TARGET_ORIENTATION == cue->target.kind && cue->weight > 0
          && ! h->superseded)
      {
        /* the way of working an answer shows or stands against ("I
           can't stand customers who need the spotlight") */
        if (h->against || (h->negated && refused_want (s, h)))
          ways->refused[cue->target.index] += cue->weight;
        if (h->against || h->negated)
        {
          ways->against[cue->target.index] += cue->weight;
          continue;
        }
        ways->shown[cue->target.index] += cue->weight;
        for (size_t y = 0; y < N_WAY_VALUES; y++)
          if (NULL == way[y] && 0 == strcmp (cue->id, way_values[y].cue))
            way[y] = h;
        for (size_t p = 0; p < N_OPPOSED; p++)
          for (int side = 0; side < 2; side++)
            if (0 == strcmp (cue->id, opposed[p].cue[side]))
              ways->trait[p][side] += cue->weight;
        continue;
      }
      if (SCORE_TARGET_VALUE != cue->target.kind || self_asked (s, h))
        continue;
      if ((h->reasons & SCORE_READ_HYPOTHETICAL) && planned (s, h))
      {
        plain = *h; /* a plan is what the party values */
        plain.reasons &= (uint16_t) ~SCORE_READ_HYPOTHETICAL;
        h = &plain;
      }
      named[cue->target.index] = true;
      if (score_hit_counts (m, h))
        sign = (h->against || (refused && cue->weight > 0)
                || (cue->weight > 0 && object_of_against (m, s, i)))
                 ? -1.0
                 : 1.0;
      else if (negated_fact (m, h) && cue->weight > 0 && fear_denied (s, h))
        sign = 1.0; /* "audits don't worry me, I enjoy showing people
                       our line" */
      else if (negated_fact (m, h)
               && (cue->weight < 0
                   || (! buyer && ! without (s, h) && ! conditioned (s, h))
                   || refused_want (s, h) || conceded (s, h)))
        sign = -1.0; /* "not one-off orders"; and what the business or
                        seller says it does not do ("we don't ship
                        betas", "I never rush a decision") is what it
                        stands against, where a buyer's "price isn't
                        the conversation" only means price is not held,
                        unless the buyer turns it away ("we don't want
                        reports") */
      else
      {
        if (negated_fact (m, h) && cue->weight > 0)
          wv[cue->target.index] += cue->weight; /* "innovation is not
                                                    relevant to us" */
        continue;
      }
      w[cue->target.index] += sign * cue->weight;
      hit_evidence (ev, s, who, h, cue->id, sign * cue->weight);
    }
    for (size_t y = 0; y < N_WAY_VALUES && ! refused; y++)
    {
      const struct score_cue *cue;

      if (NULL == way[y] || named[way_values[y].value])
        continue;
      cue = &m->cues[way[y]->cue];
      w[way_values[y].value] += cue->weight;
      hit_evidence (ev, s, who, way[y], cue->id, cue->weight);
    }
    bare_value (m, s, text, &qn);
    if (refused || (qn.n > 0 && turned_down (m, s, &qn)))
      qn.n = 0; /* the answer turns down what its question names */
    for (size_t i = 0; i < qn.n; i++)
    {
      const struct score_cue *cue = &m->cues[qn.cue[i]];
      struct score_evidence e;

      w[cue->target.index] += cue->weight;
      if (NULL == ev)
        continue;
      score_evidence_set (&e, SCORE_SOURCE_VALUES, who, 0, cue->id,
                          cue->weight);
      score_strlcpy (e.excerpt, sizeof (e.excerpt), qn.excerpt[i]);
      score_evidence_add (ev, &e);
    }
  }
  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
  {
    double derived = k * (1.0 - exp (-fabs (w[i])));

    if (w[i] < 0)
      rejected[i] = derived;
    if (w[i] <= 0 && wv[i] > 0)
      waved[i] = k * (1.0 - exp (-wv[i]));
    any = any || v->has_priority[i];
    if (v->has_priority[i])
      held[i] = v->priorities[i] < 0   ? 0
                : v->priorities[i] > 1 ? 1
                                       : v->priorities[i];
    if (w[i] > 0 && derived > held[i])
      held[i] = derived;
    *read = *read || held[i] > 0 || rejected[i] > 0;
  }
  return any;
}

/** Soft product of two vectors over the 13 values: related values
    (above) count as alike to @a k. */
static double
soft_dot (double k, const double *a, const double *b)
{
  double dot = 0.0;

  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
    dot += a[i] * b[i];
  for (size_t r = 0; r < sizeof (related) / sizeof (related[0]); r++)
  {
    int x = related[r][0];
    int y = related[r][1];

    dot += k * (a[x] * b[y] + a[y] * b[x]);
  }
  return dot;
}

/**
 * How alike two parties are: the soft cosine of what they value (related
 * values, above, count as alike to values.related_similarity), less
 * what one values and the other rejects, over the same norms. A buyer
 * who rebids every six months and a business built on multi-year
 * partnerships clash on partnership even when both care about price.
 * What the first party waves off and the second rejects is common
 * ground: a buyer to whom innovation "is not relevant" and a business
 * that "releases conservatively" agree on it (where a buyer's wave at
 * what the business holds is no clash: "price hardly matters" to a
 * business that competes on price). So is what both stand against when
 * the first party holds nothing else: a buyer whose only word is that
 * they "won't rush it" and a business that runs "long, careful
 * evaluations".
 *
 * @param m model
 * @param a first party's held values
 * @param ar first party's rejected values
 * @param aw first party's waved-off values
 * @param b second party's held values
 * @param br second party's rejected values
 * @return 0..1 (0 if either holds nothing, unless the second only
 *         stands against what the first waves off or the first only
 *         against what the second does too)
 */
static double
similarity (const struct score_model *m, const double *a, const double *ar,
            const double *aw, const double *b, const double *br)
{
  double k = score_p (m, SCORE_P_VALUES_RELATED);
  double na = soft_dot (k, a, a);
  double nb = soft_dot (k, b, b);
  double shared = 0.0;
  double dot;

  if (nb <= 0.0 && soft_dot (k, aw, br) > 0.0)
    nb = soft_dot (k, br, br); /* a business that only stands against
                                  what the buyer waves off ("we sell
                                  value, not discounts") */
  if (na <= 0.0 && soft_dot (k, ar, br) > 0.0)
  { /* a buyer who only turns away what the other turns away too */
    shared = soft_dot (k, ar, br);
    na += soft_dot (k, ar, ar);
    nb += soft_dot (k, br, br);
  }
  if (na <= 0.0 || nb <= 0.0)
    return 0.0;
  dot = soft_dot (k, a, b) - soft_dot (k, ar, b) - soft_dot (k, a, br)
        + soft_dot (k, aw, br) + shared;
  dot /= sqrt (na) * sqrt (nb);
  return dot > 1.0 ? 1.0 : dot < 0.0 ? 0.0 : dot;
}

/**
 * Whether everything the second party holds is held by the first too,
 * itself or through a related value, and neither stands against what the
 * other holds: a seller who loves "fast-moving customers"
 * beside a buyer for whom "every hour counts" and who wants the phone
 * picked up on the first ring cares for less than the buyer does, but
 * for nothing else: no clash of personality (003) however low the fit.
 *
 * @param a first party's held values
 * @param ar first party's rejected values
 * @param b second party's held values
 * @param br second party's rejected values
 * @return true if so (false if the second holds nothing)
 */
static bool
held_within (const double *a, const double *ar, const double *b,
             const double *br)
{
  bool any = false;

  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
  {
    bool shared = false;

    if ((br[i] > 0.0 && a[i] > 0.0) || (ar[i] > 0.0 && b[i] > 0.0))
      return false;
    if (b[i] <= 0.0)
      continue;
    any = true;
    for (int j = 0; j < SCORE_VALUE_COUNT && ! shared; j++)
      shared = a[j] > 0.0 && alike (i, j);
    if (! shared)
      return false;
  }
  return any;
}

/**
 * How far the seller stands against the way of working the buyer shows:
 * for each of 000's orientations the buyer's answers show, what the
 * owner's answers stand against beyond what they show of it themselves
 * (a buyer who wants "to be in every design meeting" and "the credit",
 * a seller who "can't stand customers who need the spotlight"; not a
 * seller who is "careful" and "documents everything" while her clients
 * "never get surprised"), and the other way round, how far the buyer
 * turns away outright the way the seller shows ("we don't like people
 * who seek the spotlight" to a seller who wants "to be seen as the
 * hero"; not a buyer's mere "innovation is not relevant to us"); and
 * how far each shows a trait the other shows the opposite of (opposed[],
 * above: a buyer who wants suppliers "to argue with us when we're
 * wrong", a seller for whom "arguments drain me"), counted under the
 * buyer's side's orientation.
 *
 * @param buyer the buyer's ways
 * @param owner the owner's ways
 * @param ev evidence list: a "ways_clash.<orientation>" item for each
 * @return 0 for none
 */
static double
ways_clash (const struct ways *buyer, const struct ways *owner,
            struct score_evidence_list *ev)
{
  double clash = 0.0;

  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
  {
    double c = 0.0;

    if (owner->against[o] > owner->shown[o] && buyer->shown[o] > 0.0)
      c += buyer->shown[o] * (owner->against[o] - owner->shown[o]);
    if (buyer->refused[o] > buyer->shown[o] && owner->shown[o] > 0.0)
      c += owner->shown[o] * (buyer->refused[o] - buyer->shown[o]);
    for (size_t p = 0; p < N_OPPOSED; p++)
      for (int side = 0; side < 2; side++)
      {
        const double *bt = buyer->trait[p];
        const double *ot = owner->trait[p];

        if (o == opposed[p].orientation[side] && bt[side] > bt[! side]
            && ot[! side] > ot[side])
          c += (bt[side] - bt[! side]) * (ot[! side] - ot[side]);
      }
    if (c > 0.0)
    {
      struct score_evidence e;
      char signal[SCORE_SIGNAL_LEN];

      clash += c;
      score_strlcpy (signal, sizeof (signal), "ways_clash.");
      score_strlcpy (signal + 11, sizeof (signal) - 11,
                     score_orientation_name (o));
      score_evidence_set (&e, SCORE_SOURCE_VALUES, "owner", 0, signal, -c);
      score_evidence_add (ev, &e);
    }
  }
  return clash;
}

void
score_values_assess (const struct score_model *m,
                     const struct score_account_input *in,
                     struct score_scratch *s,
                     struct score_values_fit_result *out)
{
  double org[SCORE_VALUE_COUNT];
  double org_rej[SCORE_VALUE_COUNT];
  double waved[SCORE_VALUE_COUNT];
  double unused[SCORE_VALUE_COUNT];
  double owner[SCORE_VALUE_COUNT];
  double owner_rej[SCORE_VALUE_COUNT];
  bool has_org;
  bool has_owner;
  bool read;
  double proceed = score_p (m, SCORE_P_VALUES_PROCEED);
  double walk = score_p (m, SCORE_P_VALUES_WALK_AWAY);
  struct ways buyer_ways;
  struct ways org_ways;
  struct ways owner_ways;
  double clash;

  memset (out, 0, sizeof (*out));
  out->recommendation = SCORE_VALUES_NONE;
  out->score_organization = -1.0;
  out->score_owner = -1.0;
  out->available = value_vector (m, s, in->account_values, "account",
                                 out->account_priorities, out->account_against,
                                 waved, &read, &out->evidence, &buyer_ways);
  has_org = value_vector (m, s, in->org_values, "organization", org, org_rej,
                          unused, &read, NULL, &org_ways);
  /* 003: a hand-off is "a matter of personality"; a seller whose answers
     name no value we read shows no clash (a business whose answers share
     nothing with the buyer's shows no fit, so it is compared even then) */
  has_owner = value_vector (m, s, in->owner_values, "owner", owner, owner_rej,
                            unused, &read, NULL, &owner_ways);
  clash = ways_clash (&buyer_ways, &owner_ways, &out->evidence);
  has_owner = has_owner && (read || clash > 0.0);
  if (! out->available || (! has_org && ! has_owner))
  {
    out->available = false;
    return;
  }
  if (has_org)
    out->score_organization = similarity (m, out->account_priorities,
                                          out->account_against, waved, org,
                                          org_rej);
  if (has_owner)
    out->score_owner = similarity (m, out->account_priorities,
                                   out->account_against, waved, owner,
                                   owner_rej);
  out->score = (has_org && has_owner)
                 ? 0.5 * (out->score_organization + out->score_owner)
               : has_org ? out->score_organization
                         : out->score_owner;
  /* 003: the business first: a prospect not suited to the business is
     bowed out of whoever sells; only then is a mismatch with the seller
     "a matter of personality", for someone else on the team */
  if (has_org && out->score_organization < walk)
    out->recommendation = SCORE_VALUES_WALK_AWAY;
  else if (has_owner
           && ((out->score_owner < proceed
                && ! held_within (out->account_priorities,
                                  out->account_against, owner, owner_rej))
               || (clash > 0.0
                   && (out->score_owner
                         < score_p (m, SCORE_P_VALUES_CLASH_BELOW)
                       || clash >= score_p (m, SCORE_P_VALUES_CLASH_AT)))))
    out->recommendation = SCORE_VALUES_HAND_OFF;
  else
    out->recommendation = SCORE_VALUES_PROCEED;
  out->guidance = m->guidance_values[out->recommendation].text;
}
