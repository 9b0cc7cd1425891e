/**
 * @file read_text.h
 * @brief The note reader's shared pieces (boilerplate.c, speakers.c,
 *        attribute.c, read.c): small text helpers over a line and the
 *        functions each file gives the others. Not part of the engine's
 *        API.
 */
#ifndef SVC_SCORING_READ_TEXT_H
#define SVC_SCORING_READ_TEXT_H

#include "internal.h"

#include <string.h>

/** Most lines of a note the boilerplate pass looks at (the rest is
    read as one line). */
#define MAX_LINES SCORE_MAX_LINES

/** Words of the longest line the line kinds below (recording headers,
    invites, tracking, form fields, signatures) are looked for in. */
#define SHORT_LINE 16

/** Bytes of a line the pass lowercases to look at. */
#define LOOK 240

/** One line of the notes (struct score_line, internal.h). */
#define line score_line

/* ------------------------------------------------------------------ */
/* Small text helpers                                                   */
/* ------------------------------------------------------------------ */

/**
 * Lowercase the line [s, e) of @a t into @a out (at most LOOK bytes),
 * trimmed of leading and trailing spaces.
 *
 * @return bytes written
 */
static inline size_t
lower_line (const char *t, size_t s, size_t e, char *out)
{
  size_t n;

  while (s < e && (' ' == t[s] || '\t' == t[s] || '\r' == t[s]))
    s++;
  while (e > s && (' ' == t[e - 1] || '\t' == t[e - 1] || '\r' == t[e - 1]))
    e--;
  n = (e - s < LOOK) ? e - s : LOOK;
  /* a counted loop with no early exit: the compiler vectorises it */
  for (size_t i = 0; i < n; i++)
  {
    unsigned char c = (unsigned char) t[s + i];

    out[i] = (char) (c + ((unsigned char) (c - 'A') < 26 ? 'a' - 'A' : 0));
  }
  out[n] = '\0';
  return n;
}

/** Whether @a l starts with @a p. */
static inline bool
starts (const char *l, const char *p)
{
  /* byte by byte: most lines differ at the first byte, where a call to
     strlen and strncmp would cost more than the whole test */
  for (; '\0' != *p; l++, p++)
    if (*l != *p)
      return false;
  return true;
}

/** Whether @a l starts with any of the NULL-terminated @a list. */
static inline bool
starts_any (const char *l, const char *const *list)
{
  for (; NULL != *list; list++)
    if (starts (l, *list))
      return true;
  return false;
}

/** Whether @a l ends with @a p. */
static inline bool
ends (const char *l, size_t n, const char *p)
{
  size_t k = strlen (p);

  return n >= k && 0 == memcmp (l + n - k, p, k);
}

/** Whether byte @a c is part of a word (a letter, a digit or a byte of
    UTF-8). */
static inline bool
word_char (unsigned char c)
{
  /* branch-free, so that loops over it vectorise */
  return ((unsigned char) ((c | 0x20) - 'a') < 26)
         | ((unsigned char) (c - '0') < 10) | (c >= 0x80);
}

/** Words (runs of letters and digits) of [s, e), counted up to @a cap. */
static inline size_t
count_words (const char *t, size_t s, size_t e, size_t cap)
{
  size_t n;

  if (s >= e)
    return 0;
  n = word_char ((unsigned char) t[s]);
  /* word starts counted in blocks of 128 bytes, each a loop the compiler
     vectorises; the cap is checked between blocks */
  for (size_t a = s + 1; a < e && n < cap; a += 128)
  {
    size_t b = (e - a > 128) ? a + 128 : e;
    uint8_t k = 0;

    for (size_t i = a; i < b; i++)
      k += word_char ((unsigned char) t[i])
           & ! word_char ((unsigned char) t[i - 1]);
    n += k;
  }
  return n < cap ? n : cap;
}

/** Whether lowercased @a w (n bytes) is in the NULL-terminated list. */
static inline bool
in_words (const char *const *list, const char *w, size_t n)
{
  if (0 == n)
    return false; /* no list holds "" */
  for (; NULL != *list; list++)
    if ((*list)[0] == w[0] && strlen (*list) == n && 0 == memcmp (*list, w, n))
      return true; /* the first byte first: it rules out most words */
  return false;
}

/* boilerplate.c */

/** Openings of a greeting line ("Hi Lisa,", "Dear Mr. Jonas"): never a
    signature, and the name after one says whom an e-mail was written
    to. */
extern const char *const score_greetings[];

/** Words of a short lead that forwards what follows ("Sophie's reply
    below", "fyi", "pasted her response"), lowercased, NULL-terminated. */
extern const char *const score_forward_words[];

/**
 * Whether a lowercased line is a forwarding banner: "Forwarded message",
 * "Begin forwarded message", or the same banner from a client in
 * Portuguese, Spanish, French, German, Italian or Dutch.
 *
 * @param l lowercased line
 * @return true for a banner
 */
bool score_forward_banner (const char *l);

/**
 * Whether lowercased line @a l (@a len bytes) is a mail client's reply
 * banner with a date: "On ... wrote:", "El ... escribió:", "Am ...
 * schrieb ...:", "Le ... a écrit :" and the like (not a quoted one).
 */
bool score_reply_banner (const char *l, size_t len);

/**
 * The length of an e-mail's From: label at the start of lowercased line
 * @a l, colon included, in English or another mail client's language
 * ("Von:", "De :", "Da:", "Van:"), or 0.
 */
size_t score_from_label (const char *l);

/**
 * Index every boilerplate marker by its first byte (once per scratch).
 *
 * @param s scratch
 */
void score_index_markers (struct score_scratch *s);

/**
 * The marker lists a lowercased line holds (bits of score_line.found).
 *
 * @param s scratch (the marker index)
 * @param l the line
 * @param len its bytes
 * @return bits
 */
uint16_t
score_line_found (const struct score_scratch *s, const char *l, size_t len);

/**
 * Whether the e-mail thread from byte @a p on is answered inline: a
 * quoted (">") line, then a line of the writer's own, then another quoted
 * line ("> Can we book it for the 1st?" / "Not before I have seen the
 * dossier."). Then only the ">" lines are the earlier message.
 *
 * @param t text
 * @param p start of the first line to look at
 * @param len text length
 * @return true if the writer answered between quoted lines
 */
bool score_answered_inline (const char *t, size_t p, size_t len);

/**
 * Set boilerplate lines aside: fills ln[].kind.
 *
 * @param t notes
 * @param ln lines, with score_line_found() of each non-blank one
 * @param n number of lines
 * @return the first closing or "--" line (n when none)
 */
size_t score_clean_lines (const char *t, struct line *ln, size_t n);

/**
 * Whether a lowercased word or words are a web form's or CRM record's
 * label ("job title", "message"): never a speaker.
 *
 * @param w the label
 * @param n its bytes
 * @return true for a form label
 */
bool score_form_label (const char *w, size_t n);

/* speakers.c */

/**
 * Copy the notes into the reading text, boilerplate blanked, labels
 * blanked and turned into stretches of who says what.
 *
 * @param s scratch
 * @param in account data (contact names), may be NULL
 * @param c the call
 */
void score_read_notes (struct score_scratch *s,
                       const struct score_account_input *in,
                       const struct score_call *c);

/**
 * Index of the call contact a speaker is (by a turn's contact id, else
 * by the words of the speaker's name), or -1.
 *
 * @param s scratch
 * @param in account data (may be NULL)
 * @param c the call
 * @param name lowercased speaker name (may be NULL)
 * @param contact_id a turn's contact id ("" or NULL: none)
 * @return index into c->contact_ids, or -1
 */
int score_speaker_contact (struct score_scratch *s,
                           const struct score_account_input *in,
                           const struct score_call *c, const char *name,
                           const char *contact_id);

/**
 * Append a stretch of who says what (merging with an equal neighbour).
 *
 * @param s scratch
 * @param start first byte of the reading text
 * @param end one past the last
 * @param speaker enum score_read_speaker
 * @param contact call contact index, -1
 * @param label label number, 0 none
 */
void score_push_seg (struct score_scratch *s, size_t start, size_t end,
                     uint8_t speaker, int8_t contact, uint16_t label);

/**
 * Blank the role tags after names in the reading text ("Wendy (risk
 * analyst)").
 *
 * @param s scratch
 */
void score_blank_role_tags (struct score_scratch *s);

/**
 * Blank the e-mail addresses and web links in the reading text: the
 * words of "tan@perisai-guard.com.my" or "www.guards.example" name a
 * mailbox or a site, not how anyone behaves.
 *
 * @param s scratch (read_text filled)
 */
void score_blank_addresses (struct score_scratch *s);

/* turns.c */

/**
 * Append the call's transcript turns after the notes.
 *
 * @param s scratch
 * @param in account data, may be NULL
 * @param c the call
 */
void score_read_turns (struct score_scratch *s,
                       const struct score_account_input *in,
                       const struct score_call *c);

/**
 * The seller's share of the turns' words and real questions per ten of
 * the seller's turns (scratch turn_talk, turn_questions).
 *
 * @param s scratch
 */
void score_turn_talk (struct score_scratch *s);

/* attribute.c */

/**
 * Fill the scratch's table of the marker words attribute.c reads.
 *
 * @param s scratch
 */
void score_marks_init (struct score_scratch *s);

#endif /* SVC_SCORING_READ_TEXT_H */
