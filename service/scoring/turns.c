/**
 * @file turns.c
 * @brief A call's transcript turns: appended to the reading text, each
 *        turn a stretch of its speaker (the contact it names, or the
 *        call's only contact), and the seller's talk share and real
 *        questions measured from the turns.
 */
#include "svc/score.h"
#include "read_text.h"

#include <stdint.h>

/** Speaker of a transcript turn. */
static uint8_t
turn_speaker (enum score_speaker_role r)
{
  switch (r)
  {
  case SCORE_SPEAKER_BUYER:
    return SCORE_SAY_BUYER;
  case SCORE_SPEAKER_SELLER:
    return SCORE_SAY_SELLER;
  default:
    return SCORE_SAY_OTHER;
  }
}

/** Whether two turns' speakers are written alike. */
static bool
same_speaker (const struct score_turn *a, const struct score_turn *b)
{
  return a->speaker_len == b->speaker_len
         && (0 == a->speaker_len
             || 0 == memcmp (a->speaker, b->speaker, a->speaker_len));
}

/**
 * Whether the buyer turns speak under two names or more: then, for any
 * buyer turn, another buyer spoke under another name.
 *
 * @param t turns
 * @param n how many are read
 * @return true for two names or more
 */
static bool
two_buyers (const struct score_turn *t, size_t n)
{
  const struct score_turn *first = NULL;

  for (size_t j = 0; j < n; j++)
  {
    if (SCORE_SPEAKER_BUYER != t[j].role)
      continue;
    if (NULL == first)
      first = &t[j];
    else if (! same_speaker (first, &t[j]))
      return true;
  }
  return false;
}

/** Append the call's transcript turns after the notes. */
void
score_read_turns (struct score_scratch *s,
                  const struct score_account_input *in,
                  const struct score_call *c)
{
  size_t n = c->n_turns < SCORE_MAX_TURNS ? c->n_turns : SCORE_MAX_TURNS;
  int buyers = -1; /* two_buyers (), once known */

  if (NULL == c->turns)
    return;
  for (size_t i = 0; i < n; i++)
  {
    const struct score_turn *u = &c->turns[i];
    char name[48];
    size_t k = 0;
    size_t len = u->text_len;
    int contact;
    size_t at;

    if (NULL == u->text || s->read_len + 2 >= SCORE_READ_BYTES)
      break;
    if (len > SCORE_READ_BYTES - s->read_len - 2)
      len = SCORE_READ_BYTES - s->read_len - 2;
    for (size_t j = 0;
         NULL != u->speaker && j < u->speaker_len && k < sizeof (name) - 1;
         j++)
    {
      char ch = u->speaker[j];

      name[k++] = (ch >= 'A' && ch <= 'Z') ? (char) (ch - 'A' + 'a') : ch;
    }
    name[k] = '\0';
    contact = -1;
    if (SCORE_SPEAKER_BUYER == u->role)
    {
      contact = score_speaker_contact (s, in, c, name, u->contact_id);
      if (contact < 0 && '\0' == u->contact_id[0] && 1 == c->n_contacts
          && NULL != in && score_contact_index (in, c->contact_ids[0]) >= 0)
      {
        /* one contact on the call: a buyer not named otherwise is them
           unless another buyer also spoke under another name (the same
           for every buyer turn: worked out once) */
        if (buyers < 0)
          buyers = two_buyers (c->turns, n);
        if (! buyers)
          contact = 0;
      }
    }
    at = s->read_len;
    s->read_text[s->read_len++] = '\n';
    memcpy (s->read_text + s->read_len, u->text, len);
    s->read_len += len;
    score_push_seg (s, at, s->read_len, turn_speaker (u->role),
                    (int8_t) contact, (uint16_t) (1000 + i));
  }
}

/** Openings of a question that asks nothing ("Isn't that amazing?",
    "Shall I send the contract?", "Right?"). */
static const char *const rhetorical[] = { "isn't",
                                          "isnt",
                                          "aren't",
                                          "doesn't",
                                          "doesnt",
                                          "don't",
                                          "wouldn't",
                                          "won't",
                                          "can you believe",
                                          "have you ever seen",
                                          "who wouldn't",
                                          "shall i",
                                          "should i",
                                          "can i send",
                                          "right",
                                          "ok",
                                          "okay",
                                          "sound",
                                          "sounds",
                                          "does that work",
                                          "is that ok",
                                          "is that okay",
                                          "you know",
                                          "see",
                                          "yeah",
                                          NULL };

/** Endings of a tag question ("..., right?", "..., doesn't it?"). */
static const char *const tags[] = { "right?",    "isn't it?",  "doesn't it?",
                                    "does it?",  "don't you?", "wouldn't you?",
                                    "won't it?", "ok?",        "okay?",
                                    "yeah?",     NULL };

/**
 * Whether the sentence [a, b) of the reading text, ending with '?', asks
 * something: at least three words, not opening as a rhetorical or closing
 * question, not a tag.
 */
static bool
real_question (const char *t, size_t a, size_t b)
{
  char l[LOOK + 1];
  size_t n;

  if (count_words (t, a, b, 3) < 3)
    return false;
  n = lower_line (t, a, b, l);
  if (starts_any (l, rhetorical))
    return false;
  for (const char *const *g = tags; NULL != *g; g++)
    if (ends (l, n, *g) && n > strlen (*g) && ' ' == l[n - strlen (*g) - 1]
        && ',' == l[n - strlen (*g) - 2])
      return false;
  return true;
}

/** Whether @a c ends a sentence (or a line) for score_turn_talk(). */
static bool
sentence_end (char c)
{
  return '.' == c || '!' == c || '?' == c || '\n' == c;
}

/**
 * The seller's share of the turns' words, and how often the seller asks
 * a real question: questions per ten of the seller's turns (a builder
 * asks in most turns; "Isn't that amazing?" asks nothing), when both
 * sides spoke.
 */
void
score_turn_talk (struct score_scratch *s)
{
  size_t words[2] = { 0, 0 };
  unsigned turns = 0;
  unsigned questions = 0;

  bool sides[2] = { false, false };

  s->turn_talk = -1.0;
  s->turn_questions = -1;
  for (size_t i = 0; i < s->n_segs; i++)
    if (SCORE_SAY_NARRATIVE != s->segs[i].speaker)
      sides[SCORE_SAY_SELLER == s->segs[i].speaker] = true;
  if (! sides[0] || ! sides[1])
    return; /* a signed e-mail, a note: no turns of both sides to weigh */
  for (size_t i = 0; i < s->n_segs; i++)
  {
    const struct score_segment *g = &s->segs[i];
    int side;

    if (SCORE_SAY_NARRATIVE == g->speaker)
      continue;
    side = SCORE_SAY_SELLER == g->speaker;
    words[side] += count_words (s->read_text, g->start, g->end, SIZE_MAX);
    if (! side)
      continue;
    turns++;
    /* from each '?' back to the end of the sentence before it: memchr
       skips the text between questions */
    for (size_t p = g->start; p < g->end; p++)
    {
      const char *q = memchr (s->read_text + p, '?', g->end - p);
      size_t start;

      if (NULL == q)
        break;
      p = (size_t) (q - s->read_text);
      start = p;
      while (start > g->start && ! sentence_end (s->read_text[start - 1]))
        start--;
      if (real_question (s->read_text, start, p + 1))
        questions++;
    }
  }
  if (0 == words[0] || 0 == words[1] || 0 == turns)
    return;
  s->turn_talk = (double) words[1] / (double) (words[0] + words[1]);
  s->turn_questions = (int) (10.0 * questions / turns + 0.5);
}
