/**
 * @file speakers.c
 * @brief Who says what in a call: speaker labels in notes ("Dana: ...",
 *        "[00:12:31] Dana (CFO): ...", "Acme - Leo: ..."), the call's
 *        transcript turns, e-mails and forwarded blocks by their writer,
 *        and the seller's talk share and questions measured from turns.
 */
#include "svc/score.h"
#include "read_text.h"

#include <stdint.h>

/** A speaker label seen in the notes. */
struct label
{
  char name[48]; /**< lowercased, without role or time */
  char role[48]; /**< lowercased text in parentheses */
  bool timed;    /**< a timestamp came with it */
  uint8_t speaker;
  int8_t contact;
  unsigned lines;
  int asks;     /**< questions and "you" minus "we/our/us" in their lines: a
               seller asks and speaks to the buyer */
  char key[64]; /**< what a speaker key says of "Speaker 2" (lowercased) */
  bool met;     /**< the note's heading says the writer met them */
};

/** Most distinct speaker labels per call. */
#define MAX_LABELS 16

/* ------------------------------------------------------------------ */
/* Speakers                                                             */
/* ------------------------------------------------------------------ */

/** Labels that name the seller's side. */
static const char *const seller_labels[] = { "rep",
                                             "me",
                                             "i",
                                             "us",
                                             "seller",
                                             "sales",
                                             "salesperson",
                                             "sales rep",
                                             "ae",
                                             "sdr",
                                             "bdr",
                                             "am",
                                             "csm",
                                             "account manager",
                                             "account executive",
                                             "account exec",
                                             "host",
                                             "our side",
                                             "we",
                                             "vendor",
                                             "kam",
                                             "key account manager",
                                             "sales engineer",
                                             "presales",
                                             NULL };

/** Labels that name the customer's side without naming who. */
static const char *const buyer_labels[] = { "customer", "client", "buyer",
                                            "prospect", "cx",     "them",
                                            "they",     "caller", NULL };

/** Words before a colon that are not speakers. */
static const char *const not_speakers[] = { "note",
                                            "notes",
                                            "update",
                                            "summary",
                                            "next steps",
                                            "next step",
                                            "action items",
                                            "action item",
                                            "re",
                                            "fwd",
                                            "fw",
                                            "ps",
                                            "p.s",
                                            "fyi",
                                            "todo",
                                            "to do",
                                            "agenda",
                                            "pros",
                                            "cons",
                                            "risk",
                                            "risks",
                                            "decision",
                                            "outcome",
                                            "background",
                                            "context",
                                            "call notes",
                                            "meeting notes",
                                            "follow up",
                                            "follow-up",
                                            "followup",
                                            "topic",
                                            "topics",
                                            "result",
                                            "results",
                                            "issue",
                                            "issues",
                                            "pricing",
                                            "price",
                                            "timeline",
                                            "competitors",
                                            "competition",
                                            "objections",
                                            "pain points",
                                            "goals",
                                            "goal",
                                            "nb",
                                            "n.b",
                                            "important",
                                            "update from",
                                            "recap",
                                            "takeaways",
                                            "key points",
                                            "action",
                                            "actions",
                                            "q",
                                            "a",
                                            "edit",
                                            "re-cap",
                                            "attendees",
                                            "participants",
                                            "tl;dr",
                                            "tldr",
                                            "bottom line",
                                            "conclusion",
                                            "warning",
                                            "reminder",
                                            "heads up",
                                            "also",
                                            "plus",
                                            "minus",
                                            "concern",
                                            "concerns",
                                            "ask",
                                            "asks",
                                            "request",
                                            "requests",
                                            "feedback",
                                            "status",
                                            "question",
                                            "one thing",
                                            "another thing",
                                            "the thing is",
                                            "thing is",
                                            "bottom line",
                                            "point is",
                                            "quick question",
                                            "btw",
                                            "answer",
                                            "why",
                                            "what",
                                            "how",
                                            "when",
                                            "where",
                                            "who",
                                            "today",
                                            "tomorrow",
                                            "yesterday",
                                            NULL };

/** Skip a timestamp at *p: a clock ("[00:12:31]", "(12:31)", "00:12"),
    or a chat export's date and clock ("[10:42, 3/4/2026]" and
    "[3/4/26, 10:42:15 AM]" from WhatsApp, "3/4/26, 10:42 - " from its
    Android export, "[10:42 AM]" from Teams). */
static void
skip_time (const char *l, size_t *p)
{
  size_t q = *p;
  bool br = '[' == l[q] || '(' == l[q];
  unsigned digits = 0;
  bool clock = false;
  bool dated = false; /* a date or a comma: then a clock is needed */

  q += br;
  for (;;)
  {
    char c = l[q];

    if (c >= '0' && c <= '9')
      digits++;
    else if (':' == c)
      clock = true;
    else if ('/' == c)
      dated = true;
    else if ('.' == c)
      ;
    else if (',' == c && ' ' == l[q + 1] && l[q + 2] >= '0' && l[q + 2] <= '9')
    {
      dated = true;
      q++; /* "10:42, 3/4/2026" */
    }
    else if (' ' == c && digits > 0 && ('a' == l[q + 1] || 'p' == l[q + 1])
             && 'm' == l[q + 2]
             && (']' == l[q + 3] || ')' == l[q + 3] || ' ' == l[q + 3]))
    {
      q += 3; /* "10:42 AM" */
      break;
    }
    else
      break;
    q++;
  }
  if (digits < 2 || (dated && ! clock))
    return;
  if (br)
  {
    if (']' != l[q] && ')' != l[q])
      return;
    q++;
  }
  while (' ' == l[q] || '-' == l[q])
    q++;
  *p = q;
}

/**
 * A WEBVTT caption's voice tag, "<v Birgit Hofmann>Perhaps." or
 * "<v.loud Ravi Iyer>...": the speaker of the cue's text.
 *
 * @param l the line (lowercased, trimmed), starting "<v"
 * @param raw_offset bytes trimmed at the start of the raw line
 * @param[out] lb the label's name
 * @param[out] cut bytes of the raw line the tag takes
 * @return true if the tag names someone
 */
static bool
caption_voice (const char *l, size_t raw_offset, struct label *lb, size_t *cut)
{
  const char *close = strchr (l, '>');
  size_t p = 2;

  while ('.' == l[p] || (l[p] >= 'a' && l[p] <= 'z'))
    p++; /* the tag's classes: "<v.loud" */
  while (' ' == l[p])
    p++;
  if (NULL == close || close - (l + p) < 1
      || (size_t) (close - (l + p)) >= sizeof (lb->name))
    return false;
  memcpy (lb->name, l + p, (size_t) (close - (l + p)));
  lb->timed = true; /* a caption cue carries its time */
  *cut = raw_offset + (size_t) (close - l) + 1;
  return true;
}

/**
 * Parse a speaker label at the start of a lowercased line.
 *
 * @param l the line (lowercased, trimmed)
 * @param raw_offset bytes trimmed at the start of the raw line
 * @param keyed letters a speaker key names (bit 0 "a"): "A:" is then a
 *        speaker, not an answer
 * @param[out] lb the label's name and role
 * @param[out] cut bytes of the raw line the label takes (all of a
 *             label-only line: a name and a time, the text below)
 * @return true if the line starts with a speaker label
 */
static bool
parse_label (const char *l, size_t raw_offset, uint32_t keyed,
             struct label *lb, size_t *cut)
{
  size_t p = 0;
  size_t ns;
  size_t ne;
  unsigned words = 0;
  bool timed;
  bool chat = false;
  bool comma = false;

  memset (lb, 0, sizeof (*lb));
  if ('<' == l[0] && 'v' == l[1] && (' ' == l[2] || '.' == l[2]))
    return caption_voice (l, raw_offset, lb, cut);
  skip_time (l, &p);
  timed = p > 0;
  ns = p;
  while (words < 4)
  {
    size_t w0 = p;

    while ((l[p] >= 'a' && l[p] <= 'z') || (unsigned char) l[p] >= 0x80
           || '.' == l[p] || '\'' == l[p] || '-' == l[p]
           || (p > w0 && l[p] >= '0' && l[p] <= '9'))
      p++;
    if (p == w0)
      break;
    words++;
    if (1 == words && ',' == l[p] && ' ' == l[p + 1] && l[p + 2] >= 'a'
        && l[p + 2] <= 'z')
    {
      p += 2; /* "Ortega, Marisol   0:00:31": a Teams export's "Last,
                 First" (with a time only: "Overall, pricing:" is no
                 speaker) */
      comma = true;
      continue;
    }
    if (' ' == l[p] && '-' == l[p + 1] && ' ' == l[p + 2] && l[p + 3] >= 'a'
        && l[p + 3] <= 'z')
    {
      p += 3; /* "Rapport - Leo": a company, then the speaker */
      continue;
    }
    if (' ' == l[p]
        && ((l[p + 1] >= 'a' && l[p + 1] <= 'z')
            || (unsigned char) l[p + 1] >= 0x80 /* "Fergal Ó Dálaigh" */
            || (l[p + 1] >= '0' && l[p + 1] <= '9')))
    {
      p++;
      if (l[p] >= '0' && l[p] <= '9')
      {
        /* "speaker 1" */
        while (l[p] >= '0' && l[p] <= '9')
          p++;
        words++;
        break;
      }
      continue;
    }
    break;
  }
  ne = p;
  if (0 == words || ne - ns >= sizeof (lb->name) || ne - ns > 40)
    return false;
  memcpy (lb->name, l + ns, ne - ns);
  while (' ' == l[p])
    p++;
  if ('(' == l[p])
  {
    const char *close = strchr (l + p, ')');

    if (NULL == close || close - (l + p) > 40)
      return false;
    memcpy (lb->role, l + p + 1, (size_t) (close - (l + p) - 1));
    p = (size_t) (close - l) + 1;
    while (' ' == l[p])
      p++;
  }
  {
    size_t q = p;

    skip_time (l, &q);
    timed = timed || q > p;
    size_t e = p;

    while ((l[e] >= '0' && l[e] <= '9') || ':' == l[e])
      e++;
    if (e > p && ' ' == l[e] && ('a' == l[e + 1] || 'p' == l[e + 1])
        && 'm' == l[e + 2] && (' ' == l[e + 3] || '\t' == l[e + 3]))
    {
      e += 3; /* Slack's "Leilani Kahale  8:02 AM  Aloha!" */
      q = e;
    }
    /* a chat paste: "Mika Salo [10:02] before we talk price ...", and
       the unbracketed "Amara Okafor 09:12  I don't do pilots ..." (a
       clock time, then two spaces or a tab) */
    chat = q > p
           && ('[' == l[p]
               || (e > p && NULL != memchr (l + p, ':', e - p)
                   && (('\t' == l[e]) || (' ' == l[e] && ' ' == l[e + 1]))));
    p = q;
  }
  while (' ' == l[p])
    p++;
  if (comma && ! timed)
    return false;
  if (':' == l[p] && (' ' == l[p + 1] || '\0' == l[p + 1] || '\t' == l[p + 1]))
    p++;
  else if (! ('\0' == l[p] && timed && words <= 4) && ! chat)
    return false;
  if ((in_words (not_speakers, lb->name, strlen (lb->name))
       && ! (1 == strlen (lb->name) && lb->name[0] >= 'a' && lb->name[0] <= 'z'
             && (keyed & (1u << (lb->name[0] - 'a')))))
      || score_form_label (lb->name, strlen (lb->name)))
    return false; /* "A:" is an answer, unless a key says "A = Ewa" */
  lb->timed = timed;
  *cut = raw_offset + p;
  return true;
}

/** Words of a name whose stem hashes a struct name_words keeps. */
#define NAME_WORDS 64

/**
 * The stem hashes of a name's words of three bytes or more, worked out
 * as they are first needed: a name is compared with each contact of the
 * call, and stemming costs far more than the comparison.
 */
struct name_words
{
  const char *name; /**< lowercased; words split as in names */
  size_t n;         /**< hashes known, of the first words */
  uint32_t h[NAME_WORDS];
};

/**
 * Whether @a c is a letter of a name's word as score_name_hashes()
 * splits names: "Soo-jin" is two words, "O'Brien" "o" and "brien".
 */
static bool
name_letter (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (unsigned char) c >= 0x80;
}

/**
 * Whether a label's words name contact @a names (stem hashes).
 *
 * @param s scratch (the stemmer)
 * @param[in,out] nw the label, and the hashes of its words known so far
 * @param names the contact's name hashes
 * @return true if a word of the label is one of the contact's names
 */
static bool
label_names (struct score_scratch *s, struct name_words *nw,
             const uint32_t names[4])
{
  const char *p = nw->name;
  size_t k = 0; /* words of three bytes or more so far */

  while (*p)
  {
    const char *w = p;

    while (name_letter (*p))
      p++;
    if (p - w >= 3)
    {
      uint32_t h;

      if (k < nw->n)
        h = nw->h[k];
      else
      {
        h = score_stem_hash (s, w, (size_t) (p - w));
        if (k < NAME_WORDS)
          nw->h[nw->n++] = h; /* k == nw->n: words are hashed in order */
      }
      k++;
      for (int j = 0; j < 4 && names[j]; j++)
        if (h == names[j])
          return true;
    }
    while ('\0' != *p && ! name_letter (*p))
      p++;
  }
  return false;
}

const uint32_t *
score_contact_names (struct score_scratch *s,
                     const struct score_account_input *in, int ci)
{
  if (! s->names_ready[ci])
  {
    score_name_hashes (s, in->contacts[ci].name, s->names[ci]);
    s->names_ready[ci] = true;
  }
  return s->names[ci];
}

/**
 * The call contact whose name holds a label of one two-letter word, or
 * -1: "Lo:" is Lo Shu-fen, "Wu:" is Wu Jing (many family names are two
 * letters; names are matched by words of three or more elsewhere, where
 * "an", "oh" or "so" would be read as names).
 *
 * @param in account data
 * @param c the call
 * @param name lowercased speaker label
 */
static int
short_name_contact (const struct score_account_input *in,
                    const struct score_call *c, const char *name)
{
  if (NULL == name || ! (name[0] >= 'a' && name[0] <= 'z')
      || ! (name[1] >= 'a' && name[1] <= 'z') || '\0' != name[2])
    return -1;
  for (size_t k = 0; k < c->n_contacts && k < SCORE_MAX_CALL_CONTACTS; k++)
  {
    int ci = score_contact_index (in, c->contact_ids[k]);
    const char *p;

    if (ci < 0)
      continue;
    for (p = in->contacts[ci].name; '\0' != *p;)
    {
      const char *w = p;

      while ('\0' != *p && ' ' != *p && '-' != *p)
        p++;
      if (2 == p - w && (w[0] | 0x20) == name[0] && (w[1] | 0x20) == name[1])
        return (int) k;
      while (' ' == *p || '-' == *p)
        p++;
    }
  }
  return -1;
}

/**
 * Index of the call contact a speaker is, or -1.
 *
 * @param s scratch
 * @param in account data (may be NULL)
 * @param c the call
 * @param name lowercased speaker name
 * @param contact_id a turn's contact id ("" none)
 */
int
score_speaker_contact (struct score_scratch *s,
                       const struct score_account_input *in,
                       const struct score_call *c, const char *name,
                       const char *contact_id)
{
  struct name_words nw; /* h[] is filled as needed: not cleared */

  if (NULL == in)
    return -1;
  nw.name = name;
  nw.n = 0;
  for (size_t k = 0; k < c->n_contacts && k < SCORE_MAX_CALL_CONTACTS; k++)
  {
    int ci = score_contact_index (in, c->contact_ids[k]);

    if (ci < 0)
      continue;
    if (NULL != contact_id && '\0' != contact_id[0])
    {
      if (0 == strcmp (contact_id, c->contact_ids[k]))
        return (int) k;
      continue;
    }
    if (NULL != name && label_names (s, &nw, score_contact_names (s, in, ci)))
      return (int) k;
  }
  return short_name_contact (in, c, name);
}

/**
 * Whether any word of lowercased @a text is in @a list.
 */
static bool
any_word_in (const char *const *list, const char *text)
{
  const char *p = text;

  while (*p)
  {
    const char *w;

    while (*p && ! word_char ((unsigned char) *p))
      p++;
    w = p;
    while (word_char ((unsigned char) *p) || '\'' == *p)
      p++;
    if (p > w && in_words (list, w, (size_t) (p - w)))
      return true;
  }
  return false;
}

/**
 * A call with one contact whose transcript labels name nobody the CRM
 * knows: the label the lines above the turns say the writer met ("call
 * w/ Bastian Kroll", "meeting with Solveig") is that contact.
 *
 * @param c the call
 * @param[in,out] lb labels (contact set on the one met)
 * @param n number of labels
 * @param head the lines above the first turn, lowercased
 */
static void
met_in_head (const struct score_call *c, struct label *lb, size_t n,
             const char *head)
{
  int met = -1;

  if (1 != c->n_contacts)
    return;
  for (size_t i = 0; i < n; i++)
  {
    size_t w = strcspn (lb[i].name, " ");

    if (w < 3)
      continue;
    for (const char *p = strstr (head, "w"); NULL != p;
         p = strstr (p + 1, "w"))
    {
      const char *q = NULL;

      if (starts (p, "with "))
        q = p + 5;
      else if (starts (p, "w/ "))
        q = p + 3;
      if (NULL == q || (p > head && word_char ((unsigned char) p[-1]))
          || 0 != strncmp (q, lb[i].name, w)
          || word_char ((unsigned char) q[w]))
        continue;
      if (met >= 0 && met != (int) i)
        return; /* two met: no guess */
      met = (int) i;
      break;
    }
  }
  if (met >= 0)
    lb[met].met = true;
}

/**
 * Decide who each label is. A label naming a call contact is that buyer;
 * a seller word ("Rep", "AE", "me") is the seller; "Customer" is a buyer.
 * When no label is the seller, the one left unnamed beside named buyers
 * is, or, when none is named, whoever speaks first (sellers open their
 * calls). A call with one contact and one buyer-side label left over
 * reads that label as the contact (a nickname, a typo).
 */
static void
decide_labels (struct score_scratch *s, const struct score_account_input *in,
               const struct score_call *c, struct label *lb, size_t n)
{
  bool seller = false;
  size_t named = 0;
  size_t unknown = 0;
  size_t first_unknown = n;

  for (size_t i = 0; i < n; i++)
  {
    size_t nl = strlen (lb[i].name);

    lb[i].contact = -1;
    if (in_words (seller_labels, lb[i].name, nl)
        || any_word_in (seller_labels, lb[i].role)
        || (any_word_in (seller_labels, lb[i].key)
            && ! any_word_in (buyer_labels, lb[i].key)) /* not "Vendor
                                                   Management, client" */
        || NULL != strstr (lb[i].role, "our side")
        || 0 == strncmp (lb[i].role, "our ", 4) /* "Bence (our KAM)" */
        || NULL != strstr (lb[i].key, "our side")
        || NULL != strstr (lb[i].key, "our team"))
    {
      lb[i].speaker = SCORE_SAY_SELLER;
      seller = true;
      continue;
    }
    lb[i].speaker = SCORE_SAY_BUYER;
    if (in_words (buyer_labels, lb[i].name, nl))
      continue;
    lb[i].contact = (int8_t) score_speaker_contact (
      s, in, c, '\0' != lb[i].key[0] ? lb[i].key : lb[i].name, NULL);
    if (lb[i].contact < 0 && lb[i].met)
      lb[i].contact = 0; /* "call w/ Bastian": the call's one contact */
    if (lb[i].contact >= 0)
      named++;
    else
    {
      unknown++;
      if (first_unknown == n)
        first_unknown = i;
    }
  }
  if (! seller && unknown >= 1 && (named > 0 || unknown >= 2))
  {
    /* the seller is the one who asks and speaks to the other side the
       most ("How was Cancun?", "great to see you all"); on a tie, whoever
       speaks first */
    size_t best = first_unknown;

    for (size_t i = first_unknown + 1; i < n; i++)
      if (SCORE_SAY_BUYER == lb[i].speaker && lb[i].contact < 0
          && ! in_words (buyer_labels, lb[i].name, strlen (lb[i].name))
          && lb[i].asks > lb[best].asks)
        best = i;
    lb[best].speaker = SCORE_SAY_SELLER;
    unknown--;
  }
  if (0 == named && 1 == unknown && 1 == c->n_contacts)
    for (size_t i = 0; i < n; i++)
      if (SCORE_SAY_BUYER == lb[i].speaker && lb[i].contact < 0
          && ! in_words (buyer_labels, lb[i].name, strlen (lb[i].name)))
        lb[i].contact = 0;
}

/**
 * A speaker key ("Speaker 1 = Dominic Hale (Rapport, AE); Speaker 2 =
 * Farah Qureshi", "RK = Ruth Kessler, CIO; AP = Aaron Pike, Campusly",
 * "SPEAKER 1 = Dilani Perera (client) | SPEAKER 2 = Ravi Shankar")
 * says who a label is: the text after "<label> =" goes to its key.
 */
static void
speaker_keys (const char *t, const struct line *ln, size_t n, struct label *lb,
              size_t n_lb)
{
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];

    if (ln[i].blank || NULL == memchr (t + ln[i].s, '=', ln[i].e - ln[i].s))
      continue;
    lower_line (t, ln[i].s, ln[i].e, l);
    for (size_t k = 0; k < n_lb; k++)
    {
      size_t nl = strlen (lb[k].name);

      for (const char *p = strstr (l, lb[k].name); NULL != p && nl > 0;
           p = strstr (p + 1, lb[k].name))
      {
        const char *q = p + nl;
        const char *e;
        size_t len;

        if ((p > l && word_char ((unsigned char) p[-1]))
            || word_char ((unsigned char) *q))
          continue;
        while (' ' == *q)
          q++;
        if ('=' != *q || '\0' != lb[k].key[0])
          continue;
        q++;
        while (' ' == *q)
          q++;
        /* to the next ';' or '|' or the next "X =" pair */
        e = q + strcspn (q, ";|");
        for (const char *r = q; r < e; r++)
          if ('=' == *r)
          {
            const char *w = r;

            while (w > q && (' ' == w[-1]))
              w--;
            while (w > q && word_char ((unsigned char) w[-1]))
              w--;
            while (w > q && (' ' == w[-1] || ',' == w[-1]))
              w--;
            e = w;
            break;
          }
        len = (size_t) (e - q) < sizeof (lb[k].key) - 1
                ? (size_t) (e - q)
                : sizeof (lb[k].key) - 1;
        memcpy (lb[k].key, q, len);
        lb[k].key[len] = '\0';
        break;
      }
    }
  }
}

/**
 * A speaker key written as each label's first line ("SPEAKER 1: Siobhan
 * Quinn, Managing Director, Atlantic Kelp", then "SPEAKER 1: That was
 * him. ..."): a label whose first line is a short name and title, with no
 * sentence in it, and which speaks again later, takes that line as its
 * key, and the line is a recording header, not speech.
 *
 * @param t the notes
 * @param[in,out] ln lines (label numbers and cuts set)
 * @param n number of lines
 * @param lb labels
 * @param n_lb number of labels
 */
static void
first_line_keys (const char *t, struct line *ln, size_t n, struct label *lb,
                 size_t n_lb)
{
  for (size_t k = 0; k < n_lb; k++)
  {
    size_t first = n;
    bool again = false;
    char l[LOOK + 1];
    size_t len;
    const char *p;

    if ('\0' != lb[k].key[0])
      continue;
    for (size_t i = 0; i < n && ! again; i++)
      if (ln[i].label == k + 1)
      {
        if (first == n)
          first = i;
        else
          again = true;
      }
    if (! again || ln[first].words > 12)
      continue;
    len = lower_line (t, ln[first].s + ln[first].cut, ln[first].e, l);
    p = l + strspn (l, " ");
    if (NULL == strchr (p, ',') || NULL != strpbrk (p, ".?!;")
        || len > sizeof (lb[k].key) - 1)
      continue;
    memcpy (lb[k].key, p, strlen (p) + 1);
    ln[first].kind = SCORE_BOILER_RECORDING_HEADER;
  }
}

/**
 * How much each label's lines ask and address the other side: questions
 * and "you/your" count for, "we/our/us" against (label.asks).
 *
 * @param t the notes
 * @param ln lines (label numbers set)
 * @param n number of lines
 * @param[in,out] lb labels
 */
static void
label_address (const char *t, const struct line *ln, size_t n,
               struct label *lb)
{
  int cur = -1;

  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];
    size_t len;

    if (ln[i].label)
      cur = ln[i].label - 1;
    if (cur < 0 || ln[i].kind >= 0 || ln[i].blank)
      continue;
    len = lower_line (t, ln[i].s + ln[i].cut, ln[i].e, l);
    for (size_t p = 0; p < len; p++)
    {
      size_t w = p;

      if ('?' == l[p])
        lb[cur].asks++;
      if (! word_char ((unsigned char) l[p])
          || (p > 0 && word_char ((unsigned char) l[p - 1])))
        continue;
      while (w < len && (word_char ((unsigned char) l[w]) || '\'' == l[w]))
        w++;
      if (in_words ((const char *const[]){ "you", "your", "you're", "yours",
                                           NULL },
                    l + p, w - p))
        lb[cur].asks++;
      else if (in_words ((const char *const[]){ "we", "our", "us", "we're",
                                                "ours", NULL },
                         l + p, w - p))
        lb[cur].asks--;
    }
  }
}

/**
 * Whether the labels found make a transcript: two speakers or more, one
 * of them recognisable as a speaker (a seller or customer word, a call
 * contact's name, "Speaker 2", a timestamp or a role in parentheses), and
 * someone speaking twice or a seller among them; or one call contact's
 * own timed or titled label, twice or more. "Budget: 50k" and
 * "Decision maker: Dana" are a note's headings, not a conversation.
 */
static bool
transcript_labels (struct score_scratch *s,
                   const struct score_account_input *in,
                   const struct score_call *c, const struct label *lb,
                   size_t n, unsigned lines)
{
  bool known = false;
  bool seller = false;
  bool twice = false;

  if (1 == n && lines >= 2 && lb[0].lines >= 2
      && (lb[0].timed || '\0' != lb[0].role[0] || lb[0].lines >= 3))
    return score_speaker_contact (s, in, c, lb[0].name, NULL) >= 0;
  /* one contact's own turns, timed or titled ("Morag Sinclair
     00:00:30") or three and more of them (a chat pasted: "Joy Santos:
     Hi Sir Andreas!!"), exported without the other side's */
  if (n < 2 || lines < 2)
    return false;
  for (size_t i = 0; i < n; i++)
  {
    size_t nl = strlen (lb[i].name);
    bool sl = in_words (seller_labels, lb[i].name, nl);

    seller = seller || sl;
    twice = twice || lb[i].lines >= 2;
    known = known || sl || in_words (buyer_labels, lb[i].name, nl)
            || '\0' != lb[i].role[0] || lb[i].timed
            || starts (lb[i].name, "speaker")
            || starts (lb[i].name, "participant")
            || score_speaker_contact (s, in, c, lb[i].name, NULL) >= 0;
  }
  /* labels nobody recognises still make a conversation when several
     people speak in turn, often */
  return (known && (twice || seller)) || (twice && lines >= 4 && n <= 6);
}

/* ------------------------------------------------------------------ */
/* Building the reading text                                            */
/* ------------------------------------------------------------------ */

/** Append a stretch to the segments (merging with an equal neighbour). */
void
score_push_seg (struct score_scratch *s, size_t start, size_t end,
                uint8_t speaker, int8_t contact, uint16_t label)
{
  struct score_segment *g;

  if (end <= start)
    return;
  if (s->n_segs > 0)
  {
    g = &s->segs[s->n_segs - 1];
    if ((g->speaker == speaker && g->contact == contact && g->label == label)
        || s->n_segs >= SCORE_MAX_SEGMENTS)
    {
      g->end = (uint32_t) end;
      return;
    }
  }
  g = &s->segs[s->n_segs++];
  g->start = (uint32_t) start;
  g->end = (uint32_t) end;
  g->speaker = speaker;
  g->contact = contact;
  g->label = label;
}

/** Blank [a, b) of the reading text: a line break, then spaces. */
static void
blank (struct score_scratch *s, size_t a, size_t b)
{
  if (b <= a)
    return;
  s->read_text[a] = '\n';
  memset (s->read_text + a + 1, ' ', b - a - 1);
}

/** Record a set-aside span (merging with the previous one of its kind). */
static void
push_span (struct score_scratch *s, size_t a, size_t b, int kind)
{
  s->n_spans_total++;
  if (s->n_spans > 0 && s->spans[s->n_spans - 1].kind == kind
      && s->spans[s->n_spans - 1].end + 2 >= a)
  {
    s->spans[s->n_spans - 1].end = (uint32_t) b;
    s->n_spans_total--;
    return;
  }
  if (s->n_spans >= SCORE_MAX_SPANS)
    return;
  s->spans[s->n_spans].start = (uint32_t) a;
  s->spans[s->n_spans].end = (uint32_t) b;
  s->spans[s->n_spans].kind = (uint8_t) kind;
  s->n_spans++;
}

/** A forwarded block written by our side to the buyer. */
#define FORWARD_SELLER (-3)
/** A forwarded block written by someone else (decided). */
#define FORWARD_OTHER (-4)

/**
 * A forwarding banner or header line: a banner starts a forwarded block
 * (its author not known yet, -1); its From: line names the author, a call
 * contact (their index) or someone else (-1, read like a note: an
 * assistant relaying "she'll chair it herself" describes her, and the
 * writer's own "I" is theirs); someone else writing To: a call contact is
 * our side (FORWARD_SELLER).
 */
static bool
forward_author (struct score_scratch *s, const struct score_account_input *in,
                const struct score_call *c, const char *t,
                const struct line *x, int *author)
{
  char l[LOOK + 1];
  char *lt;
  size_t from;
  size_t len = lower_line (t, x->s, x->e, l);
  int named;

  if (-2 == *author && score_reply_banner (l, len)
      && (named = score_speaker_contact (s, in, c, l, NULL)) >= 0)
  {
    *author = named; /* "El vie, ... Marisol Ortega escribió:" over the
                        message she wrote, pasted as a quote */
    return true;
  }
  if (score_forward_banner (l))
  {
    *author = -1; /* a "Fwd:" subject line opens no block */
    return false;
  }
  if (-1 == *author && starts (l, "to:"))
  {
    /* written by someone who is not a call contact to one who is: our
       side writing to the buyer */
    if (score_speaker_contact (s, in, c, l + 3, NULL) >= 0)
      *author = FORWARD_SELLER;
    return false;
  }
  if (0 == (from = score_from_label (l)) || (*author < -1 && -2 != *author))
    return false; /* a From: opens a block under a banner, or at the top
                     of a note that pastes an e-mail with its headers */
  lt = strchr (l, '<');
  if (NULL != lt)
    *lt = '\0'; /* the name before the address */
  *author = score_speaker_contact (s, in, c, l + from, NULL);
  return false;
}

/**
 * The call contact a line heads a message from ("Voice memo
 * (transcribed) from Serena Castellano, 14:02", "Voicemail from Dana",
 * "WhatsApp from Priya:"), or -1: a voice or text message word, then
 * "from" and the contact's name. A line that opens with a voice or chat
 * word and names the contact without "from" is a recording's header too
 * ("Voicemail (transcribed), 1:12, Tanya Oberholtzer, VP Fleet",
 * "Voicemail transcription - 0:47 - Mariela Quiroga"), unless it says
 * whom the message went to ("Voicemail for Tanya": the seller's). An
 * e-mail heads one only as a line of its own that ends in a colon
 * ("Email from Edgardo:").
 */
static int
message_from (struct score_scratch *s, const struct score_account_input *in,
              const struct score_call *c, const char *t, const struct line *x)
{
  static const char *const kinds[] = {
    "voice memo", "voicemail",    "voice mail", "voice message", "voice note",
    "whatsapp",   "text message", "sms",        "loom",          "message",
    NULL
  };
  static const char *const mails[] = { "email", "e-mail", "mail", NULL };
  char l[LOOK + 1];
  size_t len = lower_line (t, x->s, x->e, l);
  const char *from;
  bool kind = false;

  if (len > 120)
    return -1;
  if (NULL == (from = strstr (l, " from ")))
  {
    const char *p = l + strspn (l, " \t-*#[(");

    for (size_t k = 0; NULL != kinds[k] && ! kind; k++)
    {
      size_t n = strlen (kinds[k]);

      /* a header may open with any kind but "message", too common a word
         to open a note's own sentence */
      if (0 == strncmp (p, kinds[k], n) && ! name_letter (p[n])
          && 0 != strcmp (kinds[k], "message"))
      {
        kind = true;
        p += n;
      }
    }
    if (! kind || NULL != strstr (p, " for ") || NULL != strstr (p, " to ")
        || NULL != strstr (p, " left "))
      return -1;
    return score_speaker_contact (s, in, c, p, NULL);
  }
  for (const char *const *k = kinds; NULL != *k && ! kind; k++)
  {
    const char *at = strstr (l, *k);

    kind = NULL != at && at < from;
  }
  for (const char *const *k = mails; NULL != *k && ! kind; k++)
  {
    const char *at = strstr (l, *k);

    /* "Email from Edgardo:" heads the message under it; "Email from
       Dana about pricing, she wants ..." is the note's own sentence */
    kind = NULL != at && at < from && len > 0 && ':' == l[len - 1];
  }
  return kind ? score_speaker_contact (s, in, c, from + 6, NULL) : -1;
}

/**
 * A note that forwards a reply ("Ingrid's reply below, fyi") in quoted
 * lines: those lines are the note's substance, not an earlier thread. The
 * first level of quoting is unwrapped in the reading text (the '>' turned
 * into a space) up to a deeper quote or the reply's own "Original
 * Message" / "wrote:" line, which stay quoted.
 */
static void
unwrap_forwarded_quote (struct score_scratch *s)
{
  char *t = s->read_text;
  size_t len = s->read_len;
  size_t p = 0;
  size_t words = 0;
  bool cue = false;

  while (p < len)
  {
    const char *nl = memchr (t + p, '\n', len - p);
    size_t e = (NULL == nl) ? len : (size_t) (nl - t);
    size_t q = p;
    char l[LOOK + 1];

    while (q < e && (' ' == t[q] || '\t' == t[q]))
      q++;
    if (q < e && '>' == t[q])
      break;
    lower_line (t, p, e, l);
    if (0 == score_from_label (l) && NULL == strstr (l, "-----"))
      words += count_words (t, p, e, 64); /* a banner or From: line is
                                             no note of its own */
    if (words > 20)
      return; /* a note of its own above the quote */
    for (const char *const *k = score_forward_words; NULL != *k && ! cue; k++)
      cue = NULL != strstr (l, *k);
    cue = cue || NULL != strstr (l, "see "); /* "see her answer" */
    p = e + 1;
  }
  if (p >= len || ! cue || score_answered_inline (t, p, len))
    return;
  while (p < len)
  {
    const char *nl = memchr (t + p, '\n', len - p);
    size_t e = (NULL == nl) ? len : (size_t) (nl - t);
    size_t q = p;
    char l[LOOK + 1];
    size_t n;

    while (q < e && (' ' == t[q] || '\t' == t[q]))
      q++;
    if (q >= e)
    {
      p = e + 1;
      continue;
    }
    if ('>' != t[q] || (q + 1 < e && '>' == t[q + 1])
        || (q + 2 < e && ' ' == t[q + 1] && '>' == t[q + 2]))
      return;
    n = lower_line (t, q + 1, e, l);
    if (NULL != strstr (l, "original message") || ends (l, n, "wrote:"))
      return;
    t[q] = ' ';
    p = e + 1;
  }
}

/**
 * The writer of a forwarded block whose From: is not a call contact by
 * name: with one contact on the call, a block that never names them is
 * theirs (they forwarded their own mail); one that speaks of them by
 * name is someone else's (an assistant's).
 *
 * @param i first content line of the block
 * @return 0, or -4 (someone else, decided: read like a note)
 */
static int
forwarded_writer (struct score_scratch *s,
                  const struct score_account_input *in,
                  const struct score_call *c, const struct line *ln, size_t n,
                  size_t i)
{
  int ci;
  const uint32_t *names;

  if (NULL == in || 1 != c->n_contacts
      || (ci = score_contact_index (in, c->contact_ids[0])) < 0)
    return FORWARD_OTHER;
  names = score_contact_names (s, in, ci);
  for (size_t j = i; j < n; j++)
  {
    char l[LOOK + 1];
    struct name_words nw;

    if (ln[j].blank || ln[j].kind >= 0)
      continue;
    lower_line (s->read_text, ln[j].s, ln[j].e, l);
    for (char *p = l; *p; p++)
      if (! word_char ((unsigned char) *p))
        *p = ' ';
    nw.name = l;
    nw.n = 0;
    if (label_names (s, &nw, names))
      return FORWARD_OTHER;
  }
  return 0;
}

/**
 * Whether the greeting line of the notes ("Dear Mr. Jonas,", "Hi Neha")
 * names a call contact: then the e-mail was written to the buyer.
 */
static bool
greets_contact (struct score_scratch *s, const struct score_account_input *in,
                const struct score_call *c, const struct line *ln, size_t n)
{
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];

    if (ln[i].blank)
      continue;
    lower_line (s->read_text, ln[i].s, ln[i].e, l);
    for (char *p = l; *p; p++)
      if (! word_char ((unsigned char) *p) && '\'' != *p)
        *p = ' '; /* "dana," is "dana" */
    for (const char *const *o = score_greetings; NULL != *o; o++)
      if (starts (l, *o))
        return score_speaker_contact (s, in, c, l + strlen (*o), NULL) >= 0;
    if (ln[i].kind < 0)
      return false; /* content before any greeting */
  }
  return false;
}

/**
 * Whether line [s, e) is a speaker key of two or more "<label> = <who>"
 * pairs ("Legend: A = Ewa Kowalska (COO), B = Piotr (AE)"), and the
 * single letters it keys (bit 0 "a").
 */
static bool
key_line (const char *t, size_t s, size_t e, uint32_t *letters)
{
  unsigned pairs = 0;

  for (size_t p = s; p < e; p++)
  {
    size_t w;
    size_t r = p + 1;

    while (r < e && ' ' == t[r])
      r++;
    if ('=' != t[p] || p == s || ' ' != t[p - 1] || r == e || t[r] < 'A'
        || t[r] > 'Z')
      continue; /* "<label> = <Name>" */
    pairs++;
    w = p - 1;
    while (w > s && ' ' == t[w - 1])
      w--;
    /* a lone letter before " =", after a start, a space or a colon */
    if (w > s && ((t[w - 1] | 0x20) >= 'a' && (t[w - 1] | 0x20) <= 'z')
        && (w - 1 == s || ' ' == t[w - 2] || ':' == t[w - 2] || ',' == t[w - 2]
            || ';' == t[w - 2] || '|' == t[w - 2] || '(' == t[w - 2]))
      *letters |= 1u << ((t[w - 1] | 0x20) - 'a');
  }
  return pairs >= 2;
}

/**
 * Whether the note's first line marks it as our own team's ("Hi team -
 * FYI below. (internal)"): then whoever signs it is on our side.
 *
 * @param s scratch (read_text filled)
 * @param ln lines
 * @param n number of lines
 * @return true if so
 */
static bool
internal_memo (struct score_scratch *s, const struct line *ln, size_t n)
{
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];

    if (ln[i].blank)
      continue;
    lower_line (s->read_text, ln[i].s, ln[i].e, l);
    return NULL != strstr (l, "internal") || starts (l, "hi team")
           || starts (l, "team,") || starts (l, "hey team");
  }
  return false;
}

/**
 * A signed e-mail whose signer is not a call contact by name: with one
 * contact on the call and a greeting that does not name them, the
 * contact wrote it (a nickname, a name the CRM spells otherwise); an
 * e-mail greeting the contact is ours, and with several contacts no one
 * can tell.
 *
 * @return 0 (the call's only contact) or -1
 */
static int
lone_writer (struct score_scratch *s, const struct score_account_input *in,
             const struct score_call *c, const struct line *ln, size_t n)
{
  if (NULL == in || 1 != c->n_contacts
      || score_contact_index (in, c->contact_ids[0]) < 0
      || greets_contact (s, in, c, ln, n) || internal_memo (s, ln, n))
    return -1;
  return 0;
}

static int
email_signer (struct score_scratch *s, const struct score_account_input *in,
              const struct score_call *c, const struct line *ln, size_t n,
              size_t at);

static int
quoted_addressee (struct score_scratch *s,
                  const struct score_account_input *in,
                  const struct score_call *c, const struct line *ln, size_t n);

static int
name_signed (struct score_scratch *s, const struct score_account_input *in,
             const struct score_call *c, const struct line *ln, size_t n);

static bool colleague_note (const char *t, size_t a, size_t b);

/** Labels of a visit report's record sections (lowercased): what the
    line under one says is the account's facts or our to-dos. */
static const char *const record_labels[] = { "background",
                                             "technical notes",
                                             "tech notes",
                                             "technical",
                                             "commercial",
                                             "commercial notes",
                                             "admin",
                                             "logistics",
                                             "directions",
                                             "parking",
                                             "site access",
                                             "site",
                                             "warehouse",
                                             "data",
                                             "software",
                                             "hardware",
                                             "systems",
                                             "infrastructure",
                                             "integrations",
                                             "scope",
                                             "scope recap",
                                             "agenda",
                                             "agenda covered",
                                             "expenses",
                                             "misc",
                                             "follow-ups",
                                             "follow-up",
                                             "follow ups",
                                             "followups",
                                             "next steps",
                                             "action items",
                                             "to do",
                                             "todo",
                                             "attendees",
                                             "present",
                                             "basics",
                                             "open items",
                                             "history",
                                             "support",
                                             "billing",
                                             "account basics",
                                             "next step",
                                             "contract",
                                             "primary contact",
                                             "other contacts",
                                             "site notes",
                                             NULL };

/**
 * Where the record section that line [a, b) of @a t opens ends: a line
 * that opens with a record section's label and a colon ("Technical
 * notes: SSO through Google Workspace; ... is manual.", "Follow-ups: send
 * the dated plan") is the seller's record of facts and to-dos, in which
 * a word such as "manual" or "plan" is nobody's orientation. In a report
 * of several lines the section is its line; a note of one line runs on
 * from its first sentence to what the buyer did.
 *
 * @param t text
 * @param a line start
 * @param b line end
 * @param lines the note's lines that are not blank
 * @return the end of the section, or @a a when the line opens none
 */
static size_t
record_end (const char *t, size_t a, size_t b, size_t lines)
{
  char l[LOOK + 1];
  size_t n;
  const char *colon;

  /* a label is at most 16 letters, after any indent: most lines have no
     colon that early and are not lowercased a second time */
  if (NULL == memchr (t + a, ':', b - a < 64 ? b - a : 64))
    return a;
  n = lower_line (t, a, b, l);
  colon = memchr (l, ':', n);
  if (NULL == colon || ! in_words (record_labels, l, (size_t) (colon - l)))
    return a;
  if (lines > 1)
    return b;
  for (size_t p = a; p + 1 < b; p++)
    if (('.' == t[p] || '!' == t[p] || '?' == t[p]) && ' ' == t[p + 1])
      return p + 1;
  return b;
}

/**
 * Copy the notes into the reading text, boilerplate blanked, labels
 * blanked and turned into segments.
 */
void
score_read_notes (struct score_scratch *s,
                  const struct score_account_input *in,
                  const struct score_call *c)
{
  struct line *ln = s->lines;
  struct label lb[MAX_LABELS];
  size_t n_lb = 0;
  size_t n = 0;
  size_t len = c->notes_len;
  const char *t = c->notes;
  unsigned labelled_lines = 0;
  size_t signed_at;
  size_t full_lines = 0; /* lines that are not blank (record_end) */
  int signer = -1;
  bool by_banner = false;  /* author is the writer a reply banner named */
  bool top_banner = false; /* that banner opens the note: what follows is
                              the message, quoted or not */
  bool content = false;    /* a line of the note's own read so far */
  bool memo = false;       /* ... or the sender a message heading named */
  int named;
  int author = -2; /* a forwarded block's author: -2 none, -1 not a call
                      contact, FORWARD_SELLER, else the call contact */
  int cur_label = -1;
  size_t seg_start = 0;
  uint32_t keyed = 0; /* letters a speaker key names */

  if (NULL == t || 0 == len)
    return;
  if (len > SCORE_MAX_NOTE_BYTES)
    len = SCORE_MAX_NOTE_BYTES;
  memcpy (s->read_text, t, len);
  s->read_len = len;
  unwrap_forwarded_quote (s);
  t = s->read_text; /* the lines are read from the working copy */
  for (size_t p = 0; p < len && n < MAX_LINES;)
  {
    const char *nl = memchr (t + p, '\n', len - p);
    size_t e = (NULL == nl) ? len : (size_t) (nl - t);

    if (n == MAX_LINES - 1)
      e = len; /* the rest as one line */
    ln[n].s = (uint32_t) p;
    ln[n].e = (uint32_t) e;
    /* the line kinds look at short lines only: 64 words is "long" */
    ln[n].words = (uint8_t) count_words (t, p, e, 64);
    ln[n].blank = 0 == ln[n].words;
    ln[n].found = 0;
    if (! ln[n].blank)
    {
      char l[LOOK + 1];
      size_t ll = lower_line (t, p, e, l);

      ln[n].found = score_line_found (s, l, ll);
    }
    ln[n].label = 0;
    ln[n].cut = 0;
    n++;
    p = e + 1;
  }
  signed_at = score_clean_lines (t, ln, n);
  for (size_t i = 0; i < n; i++)
    full_lines += ! ln[i].blank && ln[i].kind < 0;
  for (size_t i = 0; i < n; i++)
    if (! ln[i].blank && NULL != memchr (t + ln[i].s, '=', ln[i].e - ln[i].s)
        && key_line (t, ln[i].s, ln[i].e, &keyed))
      ln[i].kind = SCORE_BOILER_RECORDING_HEADER; /* who is who, not a
                                                     turn */
  /* speaker labels on content lines */
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];
    struct label x;
    size_t cut = 0;
    size_t off = 0;
    size_t k;

    if (ln[i].kind >= 0 || ln[i].blank || ln[i].cut > 0)
      continue;
    while (ln[i].s + off < ln[i].e
           && (' ' == t[ln[i].s + off] || '\t' == t[ln[i].s + off]))
      off++;
    lower_line (t, ln[i].s, ln[i].e, l);
    if (! parse_label (l, off, keyed, &x, &cut))
      continue;
    for (k = 0; k < n_lb; k++)
      if (0 == strcmp (lb[k].name, x.name))
        break;
    if (k == n_lb)
    {
      if (n_lb == MAX_LABELS)
        continue;
      lb[n_lb++] = x;
    }
    else if ('\0' == lb[k].role[0])
      memcpy (lb[k].role, x.role, sizeof (x.role));
    lb[k].lines++;
    labelled_lines++;
    ln[i].label = (uint16_t) (k + 1);
    ln[i].cut = (uint16_t) cut;
  }
  if (! transcript_labels (s, in, c, lb, n_lb, labelled_lines))
  {
    /* not a transcript: "Dana: wants a pilot" is a note about Dana */
    for (size_t i = 0; i < n; i++)
      if (ln[i].label)
        ln[i].label = 0, ln[i].cut = 0;
    n_lb = 0;
  }
  if (n_lb > 0)
  {
    label_address (t, ln, n, lb);
    speaker_keys (t, ln, n, lb, n_lb);
    first_line_keys (t, ln, n, lb, n_lb);
  }
  if (n_lb > 0)
  {
    /* the lines above the first turn ("Notes from call w/ Bastian
       Kroll"): whom the writer met */
    char head[LOOK + 1] = "";
    size_t hn = 0;

    for (size_t i = 0; i < n && 0 == ln[i].label && hn + 2 < LOOK; i++)
      if (! ln[i].blank)
      {
        char l[LOOK + 1];
        size_t k = lower_line (t, ln[i].s, ln[i].e, l);

        if (k > LOOK - 1 - hn)
          k = LOOK - 1 - hn;
        memcpy (head + hn, l, k);
        hn += k;
        head[hn++] = ' ';
        head[hn] = '\0';
      }
    met_in_head (c, lb, n_lb, head);
  }
  decide_labels (s, in, c, lb, n_lb);
  if (0 == n_lb)
  {
    signer = email_signer (s, in, c, ln, n, signed_at);
    if (signer < 0)
      signer = name_signed (s, in, c, ln, n);
  }
  for (size_t i = 0; i < n; i++)
  {
    size_t a = ln[i].s;
    size_t b = ln[i].e;

    if (ln[i].kind >= 0)
    {
      if (0 == n_lb && SCORE_BOILER_FORWARD_HEADER == ln[i].kind)
      {
        bool by_name = forward_author (s, in, c, t, &ln[i], &author);

        size_t j = i + 1;

        while (j < n && ln[j].blank)
          j++;
        top_banner = by_name && ! content && j < n
                     && '>' != t[ln[j].s + strspn (t + ln[j].s, " \t")];
        by_banner = by_name || by_banner;
      }
      /* before blanking */
      blank (s, a, b);
      push_span (s, a, b, ln[i].kind);
      continue;
    }
    if (ln[i].cut > 0)
    {
      size_t cb = a + ln[i].cut;

      blank (s, a, cb > b ? b : cb);
      if (0 == ln[i].label)
        push_span (s, a, cb > b ? b : cb, SCORE_BOILER_FORM_FIELD);
    }
    if (n_lb > 0)
    {
      if (ln[i].label)
      {
        if (cur_label >= 0)
          score_push_seg (s, seg_start, a, lb[cur_label].speaker,
                          lb[cur_label].contact, (uint16_t) (cur_label + 1));
        else
          score_push_seg (s, seg_start, a, SCORE_SAY_NARRATIVE, -1, 0);
        cur_label = ln[i].label - 1;
        seg_start = a;
      }
      continue;
    }
    if (ln[i].blank && memo)
    {
      memo = false; /* the message under its heading ended */
      author = -2;
    }
    if (0 == n_lb && -2 == author && ! ln[i].blank
        && (0 == i || ln[i - 1].blank || ln[i - 1].kind >= 0)
        && ln[i].words <= 20
        && (named = message_from (s, in, c, t, &ln[i])) >= 0)
    {
      /* "Voice memo (transcribed) from Serena Castellano", a short line
         opening a paragraph: the paragraph under it is hers */
      score_push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_NARRATIVE, -1,
                      0);
      author = named;
      memo = true;
      continue;
    }
    if (! ln[i].blank)
      content = true;
    if (by_banner && ! top_banner && '>' != t[a + strspn (t + a, " \t")])
    {
      by_banner = false; /* the pasted quote ended: the seller's note */
      author = -2;
    }
    /* no transcript: a line is its writer's. Under a forwarding header,
       the From: line's author (a call contact, or someone else); before
       any, the contact who signed the e-mail, or the seller's note */
    if (-1 == author)
      author = forwarded_writer (s, in, c, ln, n, i);
    if (FORWARD_SELLER == author)
      score_push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_SELLER, -1,
                      0);
    else if (author >= 0 || FORWARD_OTHER == author)
      score_push_seg (s, a, b + 1 < len ? b + 1 : len,
                      author >= 0 ? SCORE_SAY_BUYER : SCORE_SAY_NARRATIVE,
                      (int8_t) (author >= 0 ? author : SCORE_SEG_RELAYED), 0);
    else if (signer >= 0)
      score_push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_BUYER,
                      (int8_t) signer, 0);
    else if (colleague_note (t, a, b))
      score_push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_SELLER,
                      SCORE_SEG_RELAYED, 0);
    else
    {
      size_t r = record_end (t, a, b, full_lines);

      score_push_seg (s, a, r, SCORE_SAY_RECORD, -1, 0);
      score_push_seg (s, r, b + 1 < len ? b + 1 : len, SCORE_SAY_NARRATIVE, -1,
                      0);
    }
  }
  if (n_lb > 0)
  {
    if (cur_label >= 0)
      score_push_seg (s, seg_start, len, lb[cur_label].speaker,
                      lb[cur_label].contact, (uint16_t) (cur_label + 1));
    else
      score_push_seg (s, seg_start, len, SCORE_SAY_NARRATIVE, -1, 0);
  }
}

/**
 * The call contact the quoted message of a reply addresses, or -1: the
 * first quoted line opens with their name ("> Lorenzo, before we commit
 * ...") or greets them ("> Hi Lorenzo"), so the reply above it is theirs.
 *
 * @param s scratch (read_text filled)
 * @param in account data (may be NULL)
 * @param c the call
 * @param ln lines (kinds set)
 * @param n number of lines
 * @return the contact's index on the call, or -1
 */
static int
quoted_addressee (struct score_scratch *s,
                  const struct score_account_input *in,
                  const struct score_call *c, const struct line *ln, size_t n)
{
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];
    char *p = l;
    char *comma;

    if (ln[i].blank
        || ! (SCORE_BOILER_QUOTED_REPLY == ln[i].kind
              || (ln[i].kind < 0 && i > 0
                  && SCORE_BOILER_FORWARD_HEADER == ln[i - 1].kind)))
      continue; /* a quote, or the first line of a contact's message
                   pasted under its banner */
    lower_line (s->read_text, ln[i].s, ln[i].e, l);
    if ('>' != l[0])
      continue; /* the banner */
    while ('>' == *p || ' ' == *p)
      p++;
    for (const char *const *o = score_greetings; NULL != *o; o++)
      if (starts (p, *o))
      {
        p += strlen (*o);
        break;
      }
    comma = strpbrk (p, ",:!");
    if (NULL == comma || comma - p > 24 || score_reply_banner (p, strlen (p)))
      return -1; /* no name before a comma on the quote's first line; "> Ravi
                    Anand wrote:" names who wrote the quote, not whom */
    *comma = '\0';
    return score_speaker_contact (s, in, c, p, NULL);
  }
  return -1;
}

/**
 * The call contact who signed an e-mail pasted as the note, or -1: the
 * name on the closing line ("Thanks, Laura") or on the first line of the
 * signature under it. The body is then that buyer's own words ("our CFO"
 * is theirs), not the seller's narrative.
 */
static int
email_signer (struct score_scratch *s, const struct score_account_input *in,
              const struct score_call *c, const struct line *ln, size_t n,
              size_t at)
{
  char l[LOOK + 1];
  int k;

  if (at >= n)
    return quoted_addressee (s, in, c, ln, n);
  for (size_t i = at; i < n && i <= at + 2; i++)
  {
    const char *p = l;

    if (ln[i].blank || ln[i].kind != SCORE_BOILER_SIGNATURE)
      continue;
    lower_line (s->read_text, ln[i].s, ln[i].e, l);
    if (i == at)
    {
      /* "Thanks, Laura" / "Best - Laura" */
      p = strpbrk (l, ",-");
      if (NULL == p)
        p = l; /* a name line */
      else
        p++;
      while (' ' == *p || '-' == *p)
        p++;
    }
    if ('\0' == *p)
      continue;
    k = score_speaker_contact (s, in, c, p, NULL);
    if (k >= 0)
      return k;
    if (i > at)
      break; /* the first signature line names the writer */
  }
  k = lone_writer (s, in, c, ln, n);
  return (k >= 0) ? k : quoted_addressee (s, in, c, ln, n);
}

/**
 * Whether line [@a a, @a b) quotes a colleague's note on the account ("Our
 * AE's note: 'Excellent, trusted partnership, we are his go-to
 * advisor!!'", "Our SDR's summary: ...", "Rep notes: 'Koos is basically
 * our best friend'"): our side's words, no evidence of the buyer.
 */
static bool
colleague_note (const char *t, size_t a, size_t b)
{
  static const char *const kinds[] = { "'s note",    "'s notes", "'s summary",
                                       "'s comment", "'s view",  NULL };
  static const char *const roles[] = {
    "rep note", "rep's note", "rep summary", "rep's summary",
    "ae note",  "ae's note",  "csm note",    "csm's note",
    "sdr note", "sdr's note", NULL
  };
  char l[LOOK + 1];
  const char *colon;

  lower_line (t, a, b, l);
  if (NULL == (colon = strchr (l, ':')) || colon - l > 32)
    return false;
  if (starts_any (l, roles))
    return true; /* "Rep notes: ...", "AE's note: ..." */
  if (! starts (l, "our "))
    return false;
  for (const char *const *k = kinds; NULL != *k; k++)
  {
    const char *at = strstr (l, *k);

    if (NULL != at && at < colon)
      return true;
  }
  return false;
}

/**
 * The call contact who signed a letter pasted as the note with no closing
 * word, or -1: a note that opens with a salutation ("Sir, thank you for
 * the demo", "Dear Mr Tan") and ends on a line that is a contact's name,
 * alone or before her title ("Teresita Ramos, Director of Crewing").
 */
static int
name_signed (struct score_scratch *s, const struct score_account_input *in,
             const struct score_call *c, const struct line *ln, size_t n)
{
  static const char *const salutes[] = { "sir", "madam", "dear", NULL };
  char l[LOOK + 1];
  size_t first = 0;
  size_t last = n;
  size_t cut;
  size_t words;
  bool saluted;

  while (first < n && ln[first].blank)
    first++;
  while (last > first && ln[last - 1].blank)
    last--;
  if (last < first + 2 || ln[last - 1].words > 8)
    return -1;
  lower_line (s->read_text, ln[first].s, ln[first].e, l);
  saluted = starts_any (l, score_greetings);
  for (const char *const *w = salutes; NULL != *w && ! saluted; w++)
    saluted = starts (l, *w) && ! name_letter (l[strlen (*w)]);
  if (! saluted)
    return -1;
  lower_line (s->read_text, ln[last - 1].s, ln[last - 1].e, l);
  cut = strcspn (l, ",|(");
  l[cut] = '\0';
  words = count_words (l, 0, cut, 8);
  if (words < 2 || words > 4)
    return -1; /* a name is two to four words */
  return score_speaker_contact (s, in, c, l, NULL);
}

/**
 * Blank the role tag after a name in the reading text: "Wendy (risk
 * analyst)", "Frank (proc)", "Dana (CFO)" say who someone is, not how
 * they behave. A tag is up to four words in parentheses right after a
 * capitalised word, with no sentence punctuation inside.
 *
 * @param s scratch (read_text filled)
 */
void
score_blank_role_tags (struct score_scratch *s)
{
  char *t = s->read_text;

  for (size_t p = 0; p < s->read_len; p++)
  {
    const char *open = memchr (t + p, '(', s->read_len - p);
    size_t q;
    size_t w;
    unsigned words = 0;

    if (NULL == open)
      break;
    p = (size_t) (open - t);
    if (p < 2)
      continue;
    w = (' ' == t[p - 1]) ? p - 1 : p;
    if (w == 0
        || ! ((t[w - 1] >= 'a' && t[w - 1] <= 'z')
              || (t[w - 1] >= 'A' && t[w - 1] <= 'Z')))
      continue;
    while (w > 0
           && ((t[w - 1] >= 'a' && t[w - 1] <= 'z')
               || (t[w - 1] >= 'A' && t[w - 1] <= 'Z')))
      w--;
    if (! (t[w] >= 'A' && t[w] <= 'Z'))
      continue; /* after a capitalised word only */
    for (q = p + 1; q < s->read_len && q < p + 40 && ')' != t[q]; q++)
    {
      if ('.' == t[q] || '!' == t[q] || '?' == t[q] || '\n' == t[q]
          || ',' == t[q] || ';' == t[q])
        break;
      if (' ' != t[q] && (q == p + 1 || ' ' == t[q - 1]))
        words++;
    }
    if (q >= s->read_len || ')' != t[q] || 0 == words || words > 4)
      continue;
    memset (t + p + 1, ' ', q - p - 1);
    p = q;
  }
}

/** Whether byte @a c ends an address: space, line break or a bracket. */
static bool
address_end (char c)
{
  return ' ' == c || '\t' == c || '\n' == c || '\r' == c || '<' == c
         || '>' == c || '(' == c || ')' == c || '"' == c || ',' == c
         || ';' == c;
}

/**
 * Blank the address or link around byte @a p of the reading text, if it
 * is one: the run of bytes up to a space or bracket either side.
 *
 * @return where the scan goes on
 */
static size_t
blank_address_at (struct score_scratch *s, size_t p)
{
  char *t = s->read_text;
  size_t len = s->read_len;
  size_t a = p;
  size_t b = p;

  while (a > 0 && ! address_end (t[a - 1]))
    a--;
  while (b < len && ! address_end (t[b]))
    b++;
  while (b > a + 1 && ('.' == t[b - 1] || ':' == t[b - 1]))
    b--; /* the sentence's full stop after the address stays */
  if (a == p || b <= p + 1)
    return p + 1; /* "@ 9am", "meet @", "note:" */
  memset (t + a, ' ', b - a);
  return b;
}

void
score_blank_addresses (struct score_scratch *s)
{
  const char *t = s->read_text;
  size_t len = s->read_len;
  const char *hit;

  /* memchr for the rare bytes, not a test of every byte: "@" of an
     address, "://" of a link, the "." after "www" */
  for (size_t p = 0; p < len && NULL != (hit = memchr (t + p, '@', len - p));)
    p = blank_address_at (s, (size_t) (hit - t));
  for (size_t p = 0; p < len && NULL != (hit = memchr (t + p, ':', len - p));)
  {
    size_t q = (size_t) (hit - t);

    p = (q + 2 < len && '/' == t[q + 1] && '/' == t[q + 2] && q >= 4)
          ? blank_address_at (s, q)
          : q + 1;
  }
  for (size_t p = 0; p < len && NULL != (hit = memchr (t + p, '.', len - p));)
  {
    size_t q = (size_t) (hit - t);

    p = (q >= 3 && 'w' == (t[q - 1] | 0x20) && 'w' == (t[q - 2] | 0x20)
         && 'w' == (t[q - 3] | 0x20) && (3 == q || address_end (t[q - 4])))
          ? blank_address_at (s, q)
          : q + 1;
  }
}
