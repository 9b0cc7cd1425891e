/**
 * @file read.c
 * @brief Reading a call: what is boilerplate, who says what, and whom
 *        each cue describes.
 *
 * Integrations push notes as they come: e-mail threads with signatures,
 * disclaimers and quoted replies, pasted auto-replies and web forms,
 * invites, tracking updates, speaker-labelled call transcripts. Before
 * the lexicon reads a call, the reader
 *
 * 1. sets boilerplate aside (boilerplate.c), line by line (clean_lines): each kind is
 *    recognised by the shape of its lines (docs/scoring.md lists them);
 *    the bytes of a set-aside line are blanked in a copy of the notes,
 *    so offsets and excerpts stay those of the notes and no cue can
 *    come from them;
 * 2. finds speaker labels (speakers.c) ("Dana: ...", "Rep: ...", "[00:12:31] Dana
 *    (CFO): ...", a "Dana Ruiz 00:03:12" line) and the call's
 *    transcript turns, and splits the text into stretches said by a
 *    buyer (which contact, when the label or turn names one), the
 *    seller, someone else, or the seller's own narrative;
 * 3. after the lexicon matched, marks each hit (attribute.c) with its speaker and the
 *    reasons it may not describe the contact (attribute): a colleague
 *    or a predecessor as the clause's subject, a habit that stopped, a
 *    supposition, irony, a longer cue of another orientation in the
 *    same clause.
 *
 * score_hit_counts() then says, per target kind, which hits count.
 */
#include "svc/score.h"
#include "read_text.h"

void
score_read_init (struct score_scratch *s)
{
  score_index_markers (s);
  score_marks_init (s);
}

/**
 * Keep the name words of the call's contacts in the scratch, for
 * name_reasons and attribute.c: a contact named, not a word or someone
 * else.
 *
 * @param s scratch
 * @param in account (may be NULL)
 * @param c the call
 */
static void
call_names (struct score_scratch *s, const struct score_account_input *in,
            const struct score_call *c)
{
  s->n_call_names = 0;
  if (NULL == in)
    return;
  for (size_t k = 0; k < c->n_contacts && k < SCORE_MAX_CALL_CONTACTS; k++)
  {
    int ci = score_contact_index (in, c->contact_ids[k]);
    const uint32_t *names;

    if (ci < 0)
      continue;
    names = score_contact_names (s, in, ci);
    for (int w = 0; w < 4 && names[w]; w++)
      s->call_names[s->n_call_names++] = names[w];
  }
}

/**
 * A one-word cue written with a capital that is a name of one of the
 * call's contacts is the name ("Frank", "Hope"), not the word; so is one
 * capitalised inside a sentence (a company or a product: "the vendor is
 * Rapport"), unless the whole word is in capitals.
 *
 * @param s scratch (call_names filled)
 * @param in account (NULL: no names are known, nothing is marked)
 */
static void
name_reasons (struct score_scratch *s, const struct score_account_input *in)
{
  if (NULL == in)
    return;
  for (size_t i = 0; i < s->n_hits; i++)
  {
    struct score_hit *h = &s->hits[i];
    size_t q = (size_t) h->last + 1;
    char first;

    if (SCORE_TARGET_PILLAR == h->kind && q < s->n_tokens
        && ! (s->tokens[q].flags & TOK_CLAUSE)
        && (score_token_is (s, q, "director")
            || score_token_is (s, q, "manager")
            || score_token_is (s, q, "officer")
            || score_token_is (s, q, "coordinator")))
      h->reasons |= SCORE_READ_NAME; /* a job's title: "the new plant
                                        director", not new plant plans */
    if (h->first != h->last)
      continue;
    first = s->text[s->tokens[h->first].start];
    if (first < 'A' || first > 'Z')
      continue;
    if (! (s->tokens[h->first].flags & TOK_SENTENCE)
        && s->tokens[h->first].end > s->tokens[h->first].start + 1)
    {
      char second = s->text[s->tokens[h->first].start + 1];

      if (second >= 'a' && second <= 'z')
      {
        h->reasons |= SCORE_READ_NAME; /* a proper noun mid-sentence */
        continue;
      }
    }
    for (size_t k = 0; k < s->n_call_names; k++)
      if (s->call_names[k] == s->tokens[h->first].hash)
        h->reasons |= SCORE_READ_NAME;
  }
}

void
score_call_read (const struct score_model *m, struct score_scratch *s,
                 const struct score_account_input *in,
                 const struct score_call *c)
{
  s->read_len = 0;
  s->n_segs = 0;
  s->n_spans = 0;
  s->n_spans_total = 0;
  score_read_notes (s, in, c);
  score_read_turns (s, in, c);
  score_blank_role_tags (s);
  score_blank_addresses (s);
  score_turn_talk (s);
  score_text_analyze (m, s, s->read_text, s->read_len);
  call_names (s, in, c);
  name_reasons (s, in);
  score_text_attribute (m, s);
}

enum score_status
score_read_call (const struct score_model *m,
                 const struct score_account_input *in,
                 const struct score_call *c, struct score_scratch *s,
                 struct score_call_reading *out)
{
  if (NULL == m || NULL == c || NULL == out)
    return SCORE_ERR_ARGUMENT;
  if (NULL == s || NULL == s->stemmer)
    return SCORE_ERR_STEMMER;
  memset (out, 0, sizeof (*out));
  memset (s->names_ready, 0, sizeof (s->names_ready));
  score_call_read (m, s, in, c);
  out->spans_total = s->n_spans_total;
  for (size_t i = 0; i < s->n_spans && out->n_spans < SCORE_READING_SPANS; i++)
  {
    out->spans[out->n_spans].kind = (enum score_boilerplate) s->spans[i].kind;
    out->spans[out->n_spans].start = s->spans[i].start;
    out->spans[out->n_spans].end = s->spans[i].end;
    out->n_spans++;
  }
  for (size_t i = 0; i < s->n_segs; i++)
    out->speakers += SCORE_SAY_NARRATIVE != s->segs[i].speaker
                     && SCORE_SAY_RECORD != s->segs[i].speaker;
  out->turn_talk = s->turn_talk;
  out->turn_questions = s->turn_questions;
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    struct score_reading_cue *r;

    if (h->cue_repeat && h->pattern_repeat)
      continue; /* the same phrase again */
    out->cues_total++;
    if (out->n_cues >= SCORE_READING_CUES)
      continue;
    r = &out->cues[out->n_cues++];
    score_strlcpy (r->cue, sizeof (r->cue), m->cues[h->cue].id);
    score_text_excerpt (s, h, r->excerpt);
    r->counted = score_hit_counts (m, h);
    r->reasons = h->reasons | (h->negated ? SCORE_READ_NEGATED : 0);
    r->speaker = h->speaker;
    r->contact = h->contact;
  }
  return SCORE_OK;
}
