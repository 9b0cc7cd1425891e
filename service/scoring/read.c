/**
 * @file read.c
 * @brief Reading a call: what is boilerplate, who says what, and whom
 *        each cue describes.
 *
 * Integrations push notes as they come: e-mail threads with signatures,
 * disclaimers and quoted replies, pasted auto-replies and web forms,
 * invites, tracking updates, speaker-labelled call transcripts. Before
 * the lexicon reads a call, this file
 *
 * 1. sets boilerplate aside, line by line (clean_lines): each kind is
 *    recognised by the shape of its lines (docs/scoring.md lists them);
 *    the bytes of a set-aside line are blanked in a copy of the notes,
 *    so offsets and excerpts stay those of the notes and no cue can
 *    come from them;
 * 2. finds speaker labels ("Dana: ...", "Rep: ...", "[00:12:31] Dana
 *    (CFO): ...", a "Dana Ruiz 00:03:12" line) and the call's
 *    transcript turns, and splits the text into stretches said by a
 *    buyer (which contact, when the label or turn names one), the
 *    seller, someone else, or the seller's own narrative;
 * 3. after the lexicon matched, marks each hit with its speaker and the
 *    reasons it may not describe the contact (attribute): a colleague
 *    or a predecessor as the clause's subject, a habit that stopped, a
 *    supposition, irony, a longer cue of another orientation in the
 *    same clause.
 *
 * score_hit_counts() then says, per target kind, which hits count.
 */
#include "svc/score.h"
#include "internal.h"

#include <stdlib.h>
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

/** A speaker label seen in the notes. */
struct label
{
  char name[48]; /**< lowercased, without role or time */
  char role[48]; /**< lowercased text in parentheses */
  bool timed;    /**< a timestamp came with it */
  uint8_t speaker;
  int8_t contact;
  unsigned lines;
};

/** Most distinct speaker labels per call. */
#define MAX_LABELS 16

/* ------------------------------------------------------------------ */
/* Small text helpers                                                   */
/* ------------------------------------------------------------------ */

/**
 * Lowercase the line [s, e) of @a t into @a out (at most LOOK bytes),
 * trimmed of leading and trailing spaces.
 *
 * @return bytes written
 */
static size_t
lower_line (const char *t, size_t s, size_t e, char *out)
{
  size_t n = 0;

  while (s < e && (' ' == t[s] || '\t' == t[s] || '\r' == t[s]))
    s++;
  while (e > s && (' ' == t[e - 1] || '\t' == t[e - 1] || '\r' == t[e - 1]))
    e--;
  for (size_t i = s; i < e && n < LOOK; i++)
  {
    char c = t[i];

    out[n++] = (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
  }
  out[n] = '\0';
  return n;
}

/** Whether @a l starts with @a p. */
static bool
starts (const char *l, const char *p)
{
  return 0 == strncmp (l, p, strlen (p));
}

/** Whether @a l starts with any of the NULL-terminated @a list. */
static bool
starts_any (const char *l, const char *const *list)
{
  for (; NULL != *list; list++)
    if (starts (l, *list))
      return true;
  return false;
}

/** Whether @a l ends with @a p. */
static bool
ends (const char *l, size_t n, const char *p)
{
  size_t k = strlen (p);

  return n >= k && 0 == memcmp (l + n - k, p, k);
}

/** Words (runs of letters and digits) of [s, e), counted up to @a cap. */
static size_t
count_words (const char *t, size_t s, size_t e, size_t cap)
{
  size_t n = 0;
  bool in = false;

  for (size_t i = s; i < e && n < cap; i++)
  {
    unsigned char c = (unsigned char) t[i];
    bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
             || (c >= '0' && c <= '9') || c >= 0x80;

    if (w && ! in)
      n++;
    in = w;
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* Boilerplate                                                          */
/* ------------------------------------------------------------------ */

/** Closings that open a signature when they stand on a short line. */
static const char *const closings[] = { "thanks",
                                        "thank you",
                                        "many thanks",
                                        "thx",
                                        "ty",
                                        "best",
                                        "regards",
                                        "kind regards",
                                        "warm regards",
                                        "cheers",
                                        "sincerely",
                                        "yours",
                                        "all the best",
                                        "talk soon",
                                        "speak soon",
                                        "rgds",
                                        "br",
                                        "cordially",
                                        "with thanks",
                                        "best wishes",
                                        "respectfully",
                                        "have a great",
                                        "have a good",
                                        "appreciate it",
                                        "much appreciated",
                                        "saludos",
                                        "un saludo",
                                        "atentamente",
                                        "mit freundlichen",
                                        "cordialement",
                                        NULL };

/** Markers of a confidentiality or legal notice (two are needed). */
static const char *const disclaimer_a[] = {
  "confidential",  "privileged",   "disclaimer", "legally binding",
  "received this", "in error",     "unauthori",  "prohibited",
  "virus",         "not intended", NULL
};
static const char *const disclaimer_b[] = {
  "intended", "recipient",    "addressee",  "e-mail", "email",
  "message",  "transmission", "attachment", "sender", "notify",
  "delete",   "copying",      "liability",  NULL
};

/** Markers of an automatic reply (with a first-person or return cue). */
static const char *const auto_a[] = { "out of office",
                                      "out of the office",
                                      "automatic reply",
                                      "auto-reply",
                                      "autoreply",
                                      "auto reply",
                                      "away from the office",
                                      "on annual leave",
                                      "on parental leave",
                                      "limited access to email",
                                      "limited access to e-mail",
                                      "currently away",
                                      "currently out",
                                      "on leave until",
                                      "away until",
                                      "vacation until",
                                      "holiday until",
                                      NULL };
static const char *const auto_b[] = { "i am",    "i'm",    "i will",
                                      "i'll",    "return", "back on",
                                      "back in", "until",  "access to",
                                      "urgent",  "reply",  NULL };

/** An automatic reply's own voice: with it, the rest of the note is the
    auto-reply's (its values line, its signature, its contacts). */
static const char *const auto_self[] = { "i am out",
                                         "i'm out",
                                         "i am away",
                                         "i'm away",
                                         "i am currently",
                                         "i'm currently",
                                         "i will be back",
                                         "i'll be back",
                                         "i will respond",
                                         "i'll respond",
                                         "i will reply",
                                         "i'll reply",
                                         "thank you for your email",
                                         "thank you for your message",
                                         "thanks for your email",
                                         NULL };

/** Lines a recorder or transcriber writes. */
static const char *const recording[] = { "recording started",
                                         "recording stopped",
                                         "recording in progress",
                                         "is being recorded",
                                         "will be recorded",
                                         "transcript generated",
                                         "transcribed by",
                                         "auto-generated transcript",
                                         "automatically generated",
                                         "auto-transcript",
                                         "autotranscript",
                                         "webvtt",
                                         "call recording",
                                         "meeting recording",
                                         "transcription by",
                                         "powered by otter",
                                         "otter.ai",
                                         "fireflies.ai",
                                         "gong.io",
                                         "chorus.ai",
                                         "-->",
                                         "transcript:",
                                         "transcript start",
                                         "transcript end",
                                         "end of transcript",
                                         "recording ended",
                                         "recording link",
                                         "from recorder",
                                         "from the recorder",
                                         NULL };

/** Meeting-invite lines. */
static const char *const invite[] = { "zoom.us/",
                                      "join zoom meeting",
                                      "meeting id",
                                      "passcode",
                                      "microsoft teams meeting",
                                      "join on your computer",
                                      "click here to join",
                                      "teams.microsoft.com",
                                      "meet.google.com",
                                      "dial-in",
                                      "dial in by",
                                      "one tap mobile",
                                      "join by phone",
                                      "join the meeting",
                                      "you have been invited",
                                      "has invited you",
                                      "invitation:",
                                      "accepted:",
                                      "declined:",
                                      "tentative:",
                                      "calendar invite",
                                      "add to calendar",
                                      "organizer:",
                                      "when:",
                                      "where:",
                                      "video call link",
                                      "webex",
                                      "meeting link",
                                      "join with google meet",
                                      NULL };

/** Parcel and shipment tracking lines. */
static const char *const tracking[] = { "tracking number",
                                        "tracking #",
                                        "tracking no",
                                        "tracking id",
                                        "track your",
                                        "out for delivery",
                                        "in transit",
                                        "estimated delivery",
                                        "proof of delivery",
                                        "shipment status",
                                        "package status",
                                        "your package",
                                        "your parcel",
                                        "your order has",
                                        "your shipment",
                                        "delivery attempt",
                                        "arrived at facility",
                                        "departed facility",
                                        "picked up by carrier",
                                        "label created",
                                        "awb",
                                        NULL };

/** Labels of web forms and CRM records (a "label: value" line). */
static const char *const form_labels[] = { "first name",
                                           "last name",
                                           "full name",
                                           "name",
                                           "e-mail",
                                           "email",
                                           "email address",
                                           "phone",
                                           "phone number",
                                           "mobile",
                                           "company",
                                           "company name",
                                           "company size",
                                           "employees",
                                           "number of employees",
                                           "job title",
                                           "title",
                                           "role",
                                           "job role",
                                           "department",
                                           "industry",
                                           "country",
                                           "state",
                                           "city",
                                           "zip",
                                           "postal code",
                                           "address",
                                           "website",
                                           "how did you hear about us",
                                           "lead source",
                                           "source",
                                           "campaign",
                                           "utm_source",
                                           "utm_medium",
                                           "utm_campaign",
                                           "consent",
                                           "opt-in",
                                           "opt in",
                                           "submitted",
                                           "submitted at",
                                           "submission date",
                                           "form",
                                           "form name",
                                           "page",
                                           "page url",
                                           "referrer",
                                           "ip",
                                           "ip address",
                                           "lead status",
                                           "lead score",
                                           "owner",
                                           "lead owner",
                                           "created",
                                           "created by",
                                           "created on",
                                           "annual revenue",
                                           "revenue",
                                           "budget range",
                                           "product interest",
                                           "interested in",
                                           "preferred contact method",
                                           "timezone",
                                           "time zone",
                                           "linkedin",
                                           "status",
                                           "carrier",
                                           "order",
                                           "order number",
                                           "reference",
                                           "ref",
                                           "priority",
                                           "ticket",
                                           "case",
                                           "case number",
                                           "ticket number",
                                           "assigned to",
                                           "due date",
                                           "type",
                                           "stage",
                                           "deal stage",
                                           "amount",
                                           "close date",
                                           "contact",
                                           "account",
                                           "organizer",
                                           "attendees",
                                           "location",
                                           "date",
                                           "time",
                                           "duration",
                                           "meeting",
                                           "participants",
                                           "recording",
                                           "language",
                                           NULL };

/** Free-text labels whose value is the sender's own words: only the label
    is set aside. */
static const char *const form_free[] = { "message",
                                         "comments",
                                         "comment",
                                         "notes",
                                         "note",
                                         "description",
                                         "additional information",
                                         "additional info",
                                         "details",
                                         "inquiry",
                                         "enquiry",
                                         "question",
                                         "questions",
                                         "how can we help",
                                         "what can we help you with",
                                         "requirements",
                                         "summary",
                                         NULL };

/** E-mail header fields. */
/** Bits of struct score_line.found: which marker lists a line holds. */
enum found
{
  FOUND_DISCLAIMER_A = 1u << 0,
  FOUND_DISCLAIMER_B = 1u << 1,
  FOUND_AUTO_A = 1u << 2,
  FOUND_AUTO_B = 1u << 3,
  FOUND_RECORDING = 1u << 4,
  FOUND_INVITE = 1u << 5,
  FOUND_TRACKING = 1u << 6,
  FOUND_AUTO_SELF = 1u << 7
};

/** The marker lists a line is searched for, with their bits. */
static const struct
{
  const char *const *list;
  uint16_t bit;
} marker_lists[] = {
  { disclaimer_a, FOUND_DISCLAIMER_A },
  { disclaimer_b, FOUND_DISCLAIMER_B },
  { auto_a, FOUND_AUTO_A },
  { auto_b, FOUND_AUTO_B },
  { recording, FOUND_RECORDING },
  { invite, FOUND_INVITE },
  { tracking, FOUND_TRACKING },
  { auto_self, FOUND_AUTO_SELF },
};

/**
 * Index every marker of marker_lists by its first byte (once per
 * scratch), so a line is searched for all of them in one pass.
 *
 * @param s scratch
 */
static void
index_markers (struct score_scratch *s)
{
  size_t count[257] = { 0 };

  for (size_t k = 0; k < sizeof (marker_lists) / sizeof (marker_lists[0]); k++)
    for (const char *const *w = marker_lists[k].list; NULL != *w; w++)
      count[(unsigned char) (*w)[0] + 1]++;
  for (int c = 0; c < 256; c++)
    count[c + 1] += count[c];
  for (int c = 0; c <= 256; c++)
    s->marker_at[c] =
      (uint16_t) (count[c] < SCORE_MAX_MARKERS ? count[c] : SCORE_MAX_MARKERS);
  for (size_t k = 0; k < sizeof (marker_lists) / sizeof (marker_lists[0]); k++)
    for (const char *const *w = marker_lists[k].list; NULL != *w; w++)
    {
      size_t at = count[(unsigned char) (*w)[0]]++;

      if (at >= SCORE_MAX_MARKERS)
        continue; /* test_scoring_reading fails first: every list is
                     tested */
      s->markers[at].text = *w;
      s->markers[at].len = (uint8_t) strlen (*w);
      s->markers[at].bit = marker_lists[k].bit;
    }
}

/** Whether byte @a c is part of a word. */
static bool
word_char (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c >= 0x80;
}

/**
 * The marker lists lowercased line @a l holds (FOUND_* bits): markers
 * are looked for where a word or a punctuation mark starts.
 *
 * @param s scratch (the marker index)
 * @param l the line
 * @param len its bytes
 * @return bits
 */
static uint16_t
line_found (const struct score_scratch *s, const char *l, size_t len)
{
  uint16_t found = 0;

  for (size_t i = 0; i < len; i++)
  {
    unsigned char c = (unsigned char) l[i];

    if (i > 0 && word_char (c) && word_char ((unsigned char) l[i - 1]))
      continue; /* inside a word */
    for (size_t k = s->marker_at[c]; k < s->marker_at[c + 1]; k++)
    {
      const struct score_marker *m = &s->markers[k];

      if (m->len <= len - i && 0 == memcmp (l + i, m->text, m->len))
        found |= m->bit;
    }
  }
  return found;
}

static const char *const headers[] = {
  "from:",    "sent:", "to:",       "cc:",         "bcc:",
  "subject:", "date:", "reply-to:", "importance:", NULL
};

/**
 * Whether @a l (lowercased) is "label: value" with a label from @a list;
 * *cut is the bytes of the label and colon in the lowercased line.
 */
static bool
labelled (const char *l, const char *const *list, size_t *cut)
{
  const char *colon = strchr (l, ':');
  size_t n;

  if (NULL == colon || colon - l > 48)
    return false;
  n = (size_t) (colon - l);
  while (n > 0 && (' ' == l[n - 1] || '?' == l[n - 1] || '*' == l[n - 1]))
    n--;
  for (; NULL != *list; list++)
    if (strlen (*list) == n && 0 == strncmp (l, *list, n))
    {
      *cut = (size_t) (colon - l) + 1;
      return true;
    }
  return false;
}

/** Whether a lowercased line is an e-mail header field. */
static bool
header_line (const char *l)
{
  for (const char *const *h = headers; NULL != *h; h++)
    if (starts (l, *h))
      return true;
  return false;
}

/** Whether the line after @a i ends with "wrote:" (a wrapped "On ...
    wrote:" line). */
static bool
next_wrote (const char *t, const struct line *ln, size_t n, size_t i)
{
  char l2[LOOK + 1];
  size_t n2;

  if (i + 1 >= n)
    return false;
  n2 = lower_line (t, ln[i + 1].s, ln[i + 1].e, l2);
  return ends (l2, n2, "wrote:");
}

/** Whether a line before @a i has words and was not set aside. */
static bool
content_before (const struct line *ln, size_t i)
{
  for (size_t j = 0; j < i; j++)
    if (! ln[j].blank && ln[j].kind < 0)
      return true;
  return false;
}

/** Openings of a greeting line ("Hi Lisa,"): never a signature. */
static const char *const greetings[] = {
  "hi ",      "hey ", "hello ", "dear ", "good morning", "good afternoon",
  "morning ", "hiya", NULL
};

/** Non-blank lines after line @a i, up to an earlier message of the
    thread (a quote, a forwarded or original message, "On ... wrote:"). */
static size_t
content_after (const char *t, const struct line *ln, size_t n, size_t i)
{
  size_t after = 0;

  for (size_t j = i + 1; j < n; j++)
  {
    char l[LOOK + 1];

    if (ln[j].blank)
      continue;
    lower_line (t, ln[j].s, ln[j].e, l);
    if ('>' == l[0] || NULL != strstr (l, "forwarded message")
        || NULL != strstr (l, "original message") || starts (l, "from:")
        || (starts (l, "on ") && NULL != strstr (l, "wrote")))
      break;
    after++;
  }
  return after;
}

/** Bytes of lines [i, end). */
static size_t
span_bytes (const struct line *ln, size_t i, size_t end)
{
  size_t bytes = 0;

  for (size_t j = i; j < end; j++)
    bytes += ln[j].e - ln[j].s;
  return bytes;
}

/** Whether a line is a contact-details line: phone, e-mail, web. */
static bool
contact_details (const char *l, uint8_t words)
{
  unsigned digits = 0;

  for (const char *p = l; *p; p++)
    digits += (*p >= '0' && *p <= '9');
  if (words > (digits >= 7 ? 14 : 8))
    return false;
  return NULL != strstr (l, "@") || NULL != strstr (l, "www.")
         || NULL != strstr (l, "http") || NULL != strstr (l, "linkedin.com")
         || (digits >= 7
             && (starts (l, "t:") || starts (l, "m:") || starts (l, "p:")
                 || starts (l, "tel") || starts (l, "phone")
                 || starts (l, "mobile") || starts (l, "cell")
                 || starts (l, "office") || starts (l, "direct")
                 || starts (l, "fax") || '+' == l[0] || '(' == l[0]
                 || (l[0] >= '0' && l[0] <= '9')));
}

/** Whether a lowercased line is a closing ("Best,", "Thanks!"). */
static bool
closing (const char *l, size_t n, uint8_t words)
{
  if (words > 6 || n > 48)
    return false;
  for (const char *const *c = closings; NULL != *c; c++)
  {
    size_t k = strlen (*c);

    if (0 == strncmp (l, *c, k)
        && (l[k] == '\0' || l[k] == ',' || l[k] == '!' || l[k] == '.'
            || l[k] == ' ' || l[k] == '-'))
      return true;
  }
  return false;
}

/**
 * Whether raw line [a, b) is a bare name: one to four words, each
 * capitalised, letters, dots, hyphens and apostrophes only ("Laura",
 * "Dana M. Ruiz").
 */
static bool
name_line (const char *t, size_t a, size_t b, uint8_t words)
{
  bool start = true;

  if (0 == words || words > 4)
    return false;
  while (a < b && (' ' == t[a] || '\t' == t[a] || '-' == t[a]))
    a++;
  while (b > a && (' ' == t[b - 1] || '\r' == t[b - 1] || ',' == t[b - 1]))
    b--;
  for (size_t i = a; i < b; i++)
  {
    unsigned char c = (unsigned char) t[i];

    if (' ' == c)
    {
      start = true;
      continue;
    }
    if (start && ! (c >= 'A' && c <= 'Z'))
      return false;
    start = false;
    if (! ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || '.' == c
           || '-' == c || '\'' == c || c >= 0x80))
      return false;
  }
  return b > a;
}

/** Whether a lowercased line is a list item ("1.", "-", "*", "•"). */
static bool
list_item (const char *l)
{
  if ('-' == l[0] || '*' == l[0] || 0 == strncmp (l, "\xe2\x80\xa2", 3))
    return true;
  return l[0] >= '0' && l[0] <= '9' && ('.' == l[1] || ')' == l[1]);
}

/**
 * Whether the paragraph starting at line @a i (to the next blank line)
 * holds a marker of list @a a and one of list @a b (FOUND_* bits); *end
 * is its last line + 1.
 */
static bool
paragraph_has (const struct line *ln, size_t n, size_t i, uint16_t a,
               uint16_t b, size_t *end)
{
  uint16_t found = 0;
  size_t j = i;

  for (; j < n && ! ln[j].blank; j++)
    found |= ln[j].found;
  *end = j;
  return (found & a) && (found & b);
}

/**
 * Set boilerplate lines aside: fills ln[].kind.
 *
 * @param t notes
 * @param ln lines
 * @param n number of lines
 */
static size_t
clean_lines (const char *t, struct line *ln, size_t n)
{
  size_t signed_at = n; /* the first closing or "--" line */
  char l[LOOK + 1];
  int rest = -1;       /* kind of every line from here on, -1 none */
  int sig = 0;         /* lines left in a signature block */
  bool fwd = false;    /* inside a forwarding header */
  bool agenda = false; /* inside an agenda list */
  size_t para_end = 0; /* lines up to here were judged as a paragraph */
  int para_kind = -1;
  bool auto_tail = false; /* the paragraphs after an automatic reply */
  unsigned invites = 0;
  unsigned tracks = 0;

  /* a note with two invite lines is an invite: its short lines (title,
     time, attendees, dial-in) are the invite's too; two tracking lines
     make a tracking update (below) */
  for (size_t i = 0; i < n && (invites < 2 || tracks < 2); i++)
  {
    if (ln[i].blank || ln[i].words > SHORT_LINE)
      continue;
    invites += 0 != (ln[i].found & FOUND_INVITE);
    tracks += 0 != (ln[i].found & FOUND_TRACKING);
  }

  for (size_t i = 0; i < n; i++)
  {
    struct line *x = &ln[i];
    size_t len = lower_line (t, x->s, x->e, l);
    size_t cut = 0;

    x->kind = -1;
    if (x->blank)
    {
      fwd = false;
      agenda = false;
      if (sig > 0)
        sig--;
      continue;
    }
    if (rest >= 0)
    {
      x->kind = (int8_t) rest;
      continue;
    }
    /* quoted replies: the rest of the note is the earlier thread */
    if (NULL != strstr (l, "original message")
        || (starts (l, "on ")
            && (ends (l, len, "wrote:")
                || (len > 8 && next_wrote (t, ln, n, i)))))
    {
      rest = SCORE_BOILER_QUOTED_REPLY;
      x->kind = (int8_t) rest;
      continue;
    }
    if ('>' == l[0])
    {
      x->kind = SCORE_BOILER_QUOTED_REPLY;
      continue;
    }
    if (NULL != strstr (l, "forwarded message") || starts (l, "fwd:")
        || starts (l, "fw:") || starts (l, "begin forwarded"))
    {
      fwd = true;
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    if (header_line (l))
    {
      /* an Outlook reply header (From: then Sent:) after some content
         opens the quoted thread; inside a forward it is a header */
      if (! fwd && starts (l, "from:") && i > 0 && i + 1 < n)
      {
        char l2[LOOK + 1];

        lower_line (t, ln[i + 1].s, ln[i + 1].e, l2);
        if (starts (l2, "sent:") || starts (l2, "date:"))
        {
          bool before = false;

          for (size_t j = 0; j < i && ! before; j++)
            before = ln[j].kind < 0 && ! ln[j].blank;
          if (before)
          {
            rest = SCORE_BOILER_QUOTED_REPLY;
            x->kind = (int8_t) rest;
            continue;
          }
        }
      }
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    fwd = false;
    if (0 == strcmp (l, "--") || 0 == strcmp (l, "-- ") || starts (l, "__")
        || starts (l, "sent from my") || starts (l, "get outlook for")
        || starts (l, "sent via") || starts (l, "enviado desde"))
    {
      x->kind = SCORE_BOILER_SIGNATURE;
      sig = 12;
      if (signed_at == n && '-' == l[0])
        signed_at = i;
      continue;
    }
    /* paragraphs: disclaimers and auto-replies are judged whole */
    if (i >= para_end)
    {
      size_t end;

      para_kind = -1;
      if (paragraph_has (ln, n, i, FOUND_DISCLAIMER_A, FOUND_DISCLAIMER_B,
                         &end)
          && span_bytes (ln, i, end) >= 100)
        para_kind = SCORE_BOILER_DISCLAIMER;
      else if (paragraph_has (ln, n, i, FOUND_AUTO_A, FOUND_AUTO_B, &end))
      {
        para_kind = SCORE_BOILER_AUTO_REPLY;
        if (paragraph_has (ln, n, i, FOUND_AUTO_SELF, FOUND_AUTO_SELF, &end))
        {
          /* written by the auto-reply itself: the rest of the note is
             its own (values line, signature, contacts), up to a quote */
          rest = SCORE_BOILER_AUTO_REPLY;
          x->kind = (int8_t) rest;
          continue;
        }
      }
      else if (auto_tail
               && paragraph_has (ln, n, i, FOUND_AUTO_B, FOUND_AUTO_B, &end))
        para_kind = SCORE_BOILER_AUTO_REPLY; /* "For urgent matters ..." */
      auto_tail = SCORE_BOILER_AUTO_REPLY == para_kind;
      para_end = end;
    }
    if (para_kind >= 0)
    {
      x->kind = (int8_t) para_kind;
      continue;
    }
    if (labelled (l, form_free, &cut))
    {
      x->cut = (uint16_t) cut; /* the value stays: the sender's words */
      continue;
    }
    if (tracks >= 2 && x->words <= 2 * SHORT_LINE)
    {
      /* a pasted tracking notice: its lines are the carrier's */
      x->kind = SCORE_BOILER_TRACKING;
      continue;
    }
    if (x->words > SHORT_LINE)
    {
      /* a sentence of the body: none of the line kinds below */
      sig = 0;
      agenda = false;
      continue;
    }
    if ((x->found & FOUND_RECORDING)
        || strspn (l, "0123456789:.,[]() -") == len)
    {
      x->kind = SCORE_BOILER_RECORDING_HEADER;
      continue;
    }
    if ((x->found & FOUND_INVITE) || (invites >= 2 && x->words <= 12))
    {
      x->kind = SCORE_BOILER_INVITE;
      continue;
    }
    if (starts (l, "agenda") && len < 40)
    {
      agenda = true;
      x->kind = SCORE_BOILER_INVITE;
      continue;
    }
    if (agenda && list_item (l) && x->words <= 12)
    {
      x->kind = SCORE_BOILER_INVITE;
      continue;
    }
    agenda = false;
    if (x->found & FOUND_TRACKING)
    {
      x->kind = SCORE_BOILER_TRACKING;
      continue;
    }
    if (labelled (l, form_labels, &cut))
    {
      x->kind = SCORE_BOILER_FORM_FIELD;
      continue;
    }
    if (i > 0 && name_line (t, x->s, x->e, x->words)
        && content_after (t, ln, n, i) <= 8 && content_before (ln, i)
        && ! starts_any (l, greetings))
    {
      /* a name alone near the end: the writer signing off */
      x->kind = SCORE_BOILER_SIGNATURE;
      sig = 12;
      if (signed_at == n)
        signed_at = i;
      continue;
    }
    if (NULL != strstr (l, " | ") && x->words <= 12 && i > 0)
    {
      x->kind = SCORE_BOILER_SIGNATURE; /* "Title | Company" */
      sig = sig > 0 ? sig : 12;
      continue;
    }
    if (closing (l, len, x->words))
    {
      x->kind = SCORE_BOILER_SIGNATURE;
      sig = 12;
      if (signed_at == n)
        signed_at = i;
      continue;
    }
    if (contact_details (l, x->words))
    {
      x->kind = SCORE_BOILER_SIGNATURE;
      continue;
    }
    if (sig > 0 && x->words <= 12 && len <= 90 && '?' != l[len - 1])
    {
      /* name, title, company, address, tagline under a closing */
      x->kind = SCORE_BOILER_SIGNATURE;
      sig--;
      continue;
    }
    sig = 0;
  }
  return signed_at;
}

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

/** Whether lowercased @a w (n bytes) is in the NULL-terminated list. */
static bool
in_words (const char *const *list, const char *w, size_t n)
{
  for (; NULL != *list; list++)
    if (strlen (*list) == n && 0 == memcmp (*list, w, n))
      return true;
  return false;
}

/** Skip a timestamp ("[00:12:31]", "(12:31)", "00:12") at *p. */
static void
skip_time (const char *l, size_t *p)
{
  size_t q = *p;
  bool br = '[' == l[q] || '(' == l[q];
  unsigned digits = 0;

  q += br;
  while ((l[q] >= '0' && l[q] <= '9') || ':' == l[q] || '.' == l[q])
    digits += (l[q++] != ':' && l[q - 1] != '.');
  if (digits < 2)
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
 * Parse a speaker label at the start of a lowercased line.
 *
 * @param l the line (lowercased, trimmed)
 * @param raw_offset bytes trimmed at the start of the raw line
 * @param[out] lb the label's name and role
 * @param[out] cut bytes of the raw line the label takes
 * @param[out] only true for a label-only line (a name and a time)
 * @return true if the line starts with a speaker label
 */
static bool
parse_label (const char *l, size_t raw_offset, struct label *lb, size_t *cut,
             bool *only)
{
  size_t p = 0;
  size_t ns;
  size_t ne;
  unsigned words = 0;
  bool timed;

  memset (lb, 0, sizeof (*lb));
  *only = false;
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
    if (' ' == l[p] && '-' == l[p + 1] && ' ' == l[p + 2] && l[p + 3] >= 'a'
        && l[p + 3] <= 'z')
    {
      p += 3; /* "Rapport - Leo": a company, then the speaker */
      continue;
    }
    if (' ' == l[p]
        && ((l[p + 1] >= 'a' && l[p + 1] <= 'z')
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
    p = q;
  }
  while (' ' == l[p])
    p++;
  if (':' == l[p] && (' ' == l[p + 1] || '\0' == l[p + 1] || '\t' == l[p + 1]))
    p++;
  else if ('\0' == l[p] && timed && words <= 4)
    *only = true;
  else
    return false;
  if (in_words (not_speakers, lb->name, strlen (lb->name))
      || in_words (form_labels, lb->name, strlen (lb->name))
      || in_words (form_free, lb->name, strlen (lb->name)))
    return false;
  lb->timed = timed;
  *cut = raw_offset + p;
  return true;
}

/**
 * Whether a label's words name contact @a names (stem hashes).
 */
static bool
label_names (struct score_scratch *s, const char *name,
             const uint32_t names[4])
{
  const char *p = name;

  while (*p)
  {
    const char *w = p;

    while (*p && ' ' != *p)
      p++;
    if (p - w >= 3)
    {
      uint32_t h = score_stem_hash (s, w, (size_t) (p - w));

      for (int k = 0; k < 4 && names[k]; k++)
        if (h == names[k])
          return true;
    }
    while (' ' == *p)
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
 * Index of the call contact a speaker is, or -1.
 *
 * @param s scratch
 * @param in account data (may be NULL)
 * @param c the call
 * @param name lowercased speaker name
 * @param contact_id a turn's contact id ("" none)
 */
static int
speaker_contact (struct score_scratch *s, const struct score_account_input *in,
                 const struct score_call *c, const char *name,
                 const char *contact_id)
{
  if (NULL == in)
    return -1;
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
    if (NULL != name && label_names (s, name, score_contact_names (s, in, ci)))
      return (int) k;
  }
  return -1;
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
        || in_words (seller_labels, lb[i].role, strlen (lb[i].role)))
    {
      lb[i].speaker = SCORE_SAY_SELLER;
      seller = true;
      continue;
    }
    lb[i].speaker = SCORE_SAY_BUYER;
    if (in_words (buyer_labels, lb[i].name, nl))
      continue;
    lb[i].contact = (int8_t) speaker_contact (s, in, c, lb[i].name, NULL);
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
    lb[first_unknown].speaker = SCORE_SAY_SELLER, unknown--;
  if (0 == named && 1 == unknown && 1 == c->n_contacts)
    for (size_t i = 0; i < n; i++)
      if (SCORE_SAY_BUYER == lb[i].speaker && lb[i].contact < 0
          && ! in_words (buyer_labels, lb[i].name, strlen (lb[i].name)))
        lb[i].contact = 0;
}

/**
 * Whether the labels found make a transcript: two speakers or more, one
 * of them recognisable as a speaker (a seller or customer word, a call
 * contact's name, "Speaker 2", a timestamp or a role in parentheses), and
 * someone speaking twice or a seller among them. "Budget: 50k" and
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
            || speaker_contact (s, in, c, lb[i].name, NULL) >= 0;
  }
  /* labels nobody recognises still make a conversation when several
     people speak in turn, often */
  return (known && (twice || seller)) || (twice && lines >= 4 && n <= 6);
}

/* ------------------------------------------------------------------ */
/* Building the reading text                                            */
/* ------------------------------------------------------------------ */

/** Append a stretch to the segments (merging with an equal neighbour). */
static void
push_seg (struct score_scratch *s, size_t start, size_t end, uint8_t speaker,
          int8_t contact, uint16_t label)
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
static void
forward_author (struct score_scratch *s, const struct score_account_input *in,
                const struct score_call *c, const char *t,
                const struct line *x, int *author)
{
  char l[LOOK + 1];
  char *lt;

  lower_line (t, x->s, x->e, l);
  if (NULL != strstr (l, "forwarded message") || starts (l, "begin forwarded"))
  {
    *author = -1; /* a "Fwd:" subject line opens no block */
    return;
  }
  if (-1 == *author && starts (l, "to:"))
  {
    /* written by someone who is not a call contact to one who is: our
       side writing to the buyer */
    if (speaker_contact (s, in, c, l + 3, NULL) >= 0)
      *author = FORWARD_SELLER;
    return;
  }
  if (*author < -1 || ! starts (l, "from:"))
    return;
  lt = strchr (l, '<');
  if (NULL != lt)
    *lt = '\0'; /* the name before the address */
  *author = speaker_contact (s, in, c, l + 5, NULL);
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
  static const char *const cues[] = { "below",   "fyi",    "fwd",   "forward",
                                      "pasting", "pasted", "reply", "response",
                                      "see ",    NULL };
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
    words += count_words (t, p, e, 64);
    if (words > 20)
      return; /* a note of its own above the quote */
    lower_line (t, p, e, l);
    for (const char *const *k = cues; NULL != *k && ! cue; k++)
      cue = NULL != strstr (l, *k);
    p = e + 1;
  }
  if (p >= len || ! cue)
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

    if (ln[j].blank || ln[j].kind >= 0)
      continue;
    lower_line (s->read_text, ln[j].s, ln[j].e, l);
    for (char *p = l; *p; p++)
      if (! word_char ((unsigned char) *p))
        *p = ' ';
    if (label_names (s, l, names))
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
  static const char *const openers[] = { "hi ",   "hey ",          "hello ",
                                         "dear ", "good morning ", "morning ",
                                         NULL };

  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];

    if (ln[i].blank)
      continue;
    lower_line (s->read_text, ln[i].s, ln[i].e, l);
    for (char *p = l; *p; p++)
      if (! word_char ((unsigned char) *p) && '\'' != *p)
        *p = ' '; /* "dana," is "dana" */
    for (const char *const *o = openers; NULL != *o; o++)
      if (starts (l, *o))
        return speaker_contact (s, in, c, l + strlen (*o), NULL) >= 0;
    if (ln[i].kind < 0)
      return false; /* content before any greeting */
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
      || greets_contact (s, in, c, ln, n))
    return -1;
  return 0;
}

static int
email_signer (struct score_scratch *s, const struct score_account_input *in,
              const struct score_call *c, const struct line *ln, size_t n,
              size_t at);

/**
 * Copy the notes into the reading text, boilerplate blanked, labels
 * blanked and turned into segments.
 */
static void
read_notes (struct score_scratch *s, const struct score_account_input *in,
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
  int signer = -1;
  int author = -2; /* a forwarded block's author: -2 none, -1 not a call
                      contact, FORWARD_SELLER, else the call contact */
  int cur_label = -1;
  size_t seg_start = 0;

  if (NULL == t || 0 == len)
    return;
  if (len > SCORE_MAX_NOTE_BYTES)
    len = SCORE_MAX_NOTE_BYTES;
  memcpy (s->read_text, t, len);
  s->read_len = len;
  s->read_notes = len;
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

      ln[n].found = line_found (s, l, ll);
    }
    ln[n].label = 0;
    ln[n].cut = 0;
    ln[n].label_only = false;
    n++;
    p = e + 1;
  }
  signed_at = clean_lines (t, ln, n);
  /* speaker labels on content lines */
  for (size_t i = 0; i < n; i++)
  {
    char l[LOOK + 1];
    struct label x;
    size_t cut = 0;
    size_t off = 0;
    bool only = false;
    size_t k;

    if (ln[i].kind >= 0 || ln[i].blank || ln[i].cut > 0)
      continue;
    while (ln[i].s + off < ln[i].e
           && (' ' == t[ln[i].s + off] || '\t' == t[ln[i].s + off]))
      off++;
    lower_line (t, ln[i].s, ln[i].e, l);
    if (! parse_label (l, off, &x, &cut, &only))
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
    ln[i].label_only = only;
  }
  if (! transcript_labels (s, in, c, lb, n_lb, labelled_lines))
  {
    /* not a transcript: "Dana: wants a pilot" is a note about Dana */
    for (size_t i = 0; i < n; i++)
      if (ln[i].label)
        ln[i].label = 0, ln[i].cut = 0;
    n_lb = 0;
  }
  decide_labels (s, in, c, lb, n_lb);
  if (0 == n_lb)
    signer = email_signer (s, in, c, ln, n, signed_at);
  for (size_t i = 0; i < n; i++)
  {
    size_t a = ln[i].s;
    size_t b = ln[i].e;

    if (ln[i].kind >= 0)
    {
      if (0 == n_lb && SCORE_BOILER_FORWARD_HEADER == ln[i].kind)
        forward_author (s, in, c, t, &ln[i], &author); /* before blanking */
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
          push_seg (s, seg_start, a, lb[cur_label].speaker,
                    lb[cur_label].contact, (uint16_t) (cur_label + 1));
        else
          push_seg (s, seg_start, a, SCORE_SAY_NARRATIVE, -1, 0);
        cur_label = ln[i].label - 1;
        seg_start = a;
      }
      continue;
    }
    /* no transcript: a line is its writer's. Under a forwarding header,
       the From: line's author (a call contact, or someone else); before
       any, the contact who signed the e-mail, or the seller's note */
    if (-1 == author)
      author = forwarded_writer (s, in, c, ln, n, i);
    if (FORWARD_SELLER == author)
      push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_SELLER, -1, 0);
    else if (author >= 0 || FORWARD_OTHER == author)
      push_seg (s, a, b + 1 < len ? b + 1 : len,
                author >= 0 ? SCORE_SAY_BUYER : SCORE_SAY_NARRATIVE,
                (int8_t) (author >= 0 ? author : -1), 0);
    else if (signer >= 0)
      push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_BUYER,
                (int8_t) signer, 0);
    else
      push_seg (s, a, b + 1 < len ? b + 1 : len, SCORE_SAY_NARRATIVE, -1, 0);
  }
  if (n_lb > 0)
  {
    if (cur_label >= 0)
      push_seg (s, seg_start, len, lb[cur_label].speaker,
                lb[cur_label].contact, (uint16_t) (cur_label + 1));
    else
      push_seg (s, seg_start, len, SCORE_SAY_NARRATIVE, -1, 0);
  }
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

  if (at >= n)
    return -1;
  for (size_t i = at; i < n && i <= at + 2; i++)
  {
    const char *p = l;
    int k;

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
    k = speaker_contact (s, in, c, p, NULL);
    if (k >= 0)
      return k;
    if (i > at)
      break; /* the first signature line names the writer */
  }
  return lone_writer (s, in, c, ln, n);
}

/**
 * Blank the role tag after a name in the reading text: "Wendy (risk
 * analyst)", "Frank (proc)", "Dana (CFO)" say who someone is, not how
 * they behave. A tag is up to four words in parentheses right after a
 * capitalised word, with no sentence punctuation inside.
 *
 * @param s scratch (read_text filled)
 * @param from first byte to look at
 */
static void
blank_role_tags (struct score_scratch *s, size_t from)
{
  char *t = s->read_text;

  for (size_t p = from; p < s->read_len; p++)
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

/** Append the call's transcript turns after the notes. */
static void
read_turns (struct score_scratch *s, const struct score_account_input *in,
            const struct score_call *c)
{
  size_t buyers = 0;
  size_t n = c->n_turns < SCORE_MAX_TURNS ? c->n_turns : SCORE_MAX_TURNS;

  if (NULL == c->turns)
    return;
  for (size_t i = 0; i < n; i++)
    buyers += SCORE_SPEAKER_BUYER == c->turns[i].role;
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
      contact = speaker_contact (s, in, c, name, u->contact_id);
      if (contact < 0 && '\0' == u->contact_id[0] && 1 == c->n_contacts
          && NULL != in && score_contact_index (in, c->contact_ids[0]) >= 0)
      {
        /* one contact on the call: a buyer not named otherwise is them
           unless another buyer also spoke under another name */
        bool other = false;

        for (size_t j = 0; j < n && ! other; j++)
          other = SCORE_SPEAKER_BUYER == c->turns[j].role
                  && (c->turns[j].speaker_len != u->speaker_len
                      || (u->speaker_len > 0
                          && 0
                               != memcmp (c->turns[j].speaker, u->speaker,
                                          u->speaker_len)));
        if (! other)
          contact = 0;
      }
    }
    (void) buyers;
    at = s->read_len;
    s->read_text[s->read_len++] = '\n';
    memcpy (s->read_text + s->read_len, u->text, len);
    s->read_len += len;
    push_seg (s, at, s->read_len, turn_speaker (u->role), (int8_t) contact,
              (uint16_t) (1000 + i));
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

/**
 * The seller's share of the turns' words, and how often the seller asks
 * a real question: questions per ten of the seller's turns (a builder
 * asks in most turns; "Isn't that amazing?" asks nothing), when both
 * sides spoke.
 */
static void
turn_talk (struct score_scratch *s)
{
  size_t words[2] = { 0, 0 };
  unsigned turns = 0;
  unsigned questions = 0;

  s->turn_talk = -1.0;
  s->turn_questions = -1;
  for (size_t i = 0; i < s->n_segs; i++)
  {
    const struct score_segment *g = &s->segs[i];
    int side;
    size_t start = g->start;

    if (SCORE_SAY_NARRATIVE == g->speaker)
      continue;
    side = SCORE_SAY_SELLER == g->speaker;
    words[side] += count_words (s->read_text, g->start, g->end, SIZE_MAX);
    if (! side)
      continue;
    turns++;
    for (size_t p = g->start; p < g->end; p++)
    {
      char c = s->read_text[p];

      if ('.' != c && '!' != c && '?' != c && '\n' != c)
        continue;
      if ('?' == c && real_question (s->read_text, start, p + 1))
        questions++;
      start = p + 1;
    }
  }
  if (0 == words[0] || 0 == words[1] || 0 == turns)
    return;
  s->turn_talk = (double) words[1] / (double) (words[0] + words[1]);
  s->turn_questions = (int) (10.0 * questions / turns + 0.5);
}

/* ------------------------------------------------------------------ */
/* Whom a cue describes                                                 */
/* ------------------------------------------------------------------ */

/** Marker words, stemmed once per scratch. */
enum mark
{
  M_DET = 1u << 0,       /**< the, a, her, his, their ... */
  M_OURS = 1u << 1,      /**< our, my, we: the writer's side */
  M_FORMER = 1u << 2,    /**< former, previous, old, ex ... */
  M_ADJ = 1u << 3,       /**< new, other, senior ... */
  M_ROLE = 1u << 4,      /**< colleague, boss, analyst, procurement ... */
  M_REPORT = 1u << 5,    /**< said, mentioned, told ... */
  M_USED = 1u << 6,      /**< used (to) */
  M_TO = 1u << 7,        /**< to */
  M_STOPPED = 1u << 8,   /**< anymore, formerly, previously */
  M_IF = 1u << 9,        /**< if */
  M_IFQ = 1u << 10,      /**< what/ask/wonder/see/check (an "if" question) */
  M_WERE = 1u << 11,     /**< were, sort, kind, type */
  M_HYPO = 1u << 12,     /**< hypothetically, imagine, suppose, pretend */
  M_IRONY1 = 1u << 13,   /**< oh, yeah */
  M_IRONY2 = 1u << 14,   /**< sure, right, great */
  M_PRED = 1u << 15,     /**< predecessor */
  M_LONGER = 1u << 16,   /**< longer (after "no") */
  M_PRON = 1u << 17,     /**< she, he, they, i, we, you: a new subject */
  M_AS = 1u << 18,       /**< as, even (as if, even if) */
  M_DISMISS = 1u << 19,  /**< irrelevant, secondary, unimportant */
  M_MATTER = 1u << 20,   /**< matter, relevant, care, priority ... */
  M_CONJ = 1u << 21,     /**< and, so, also, oh, well: before a subject */
  M_I = 1u << 22,        /**< i: the writer */
  M_ACT = 1u << 23,      /**< sent, emailed, pitched ...: the seller's doing
                             when a note's clause opens with it */
  M_THAT = 1u << 24,     /**< that (after a reporting verb) */
  M_3RD = 1u << 25,      /**< he, she, they */
  M_WANT = 1u << 26,     /**< asked, wanted, requested, needs ... */
  M_PERCEIVE = 1u << 27, /**< think, heard, noticed, sense ...: what
                             follows is what the writer saw of someone */
  M_MOCK = 1u << 28,     /**< mocking, sarcastic ...: the sentence is irony */
  M_LOSS = 1u << 29      /**< lose, waste, break, fail, let (down) ...: a
                              negated loss affirms a value */
};

static const struct
{
  const char *w;
  uint32_t bits;
} marks[] = {
  { "the", M_DET },
  { "a", M_DET },
  { "an", M_DET },
  { "her", M_DET },
  { "his", M_DET },
  { "their", M_DET },
  { "your", M_DET },
  { "this", M_DET },
  { "that", M_DET | M_THAT },
  { "our", M_DET | M_OURS },
  { "my", M_DET | M_OURS },
  { "former", M_FORMER },
  { "previous", M_FORMER },
  { "prior", M_FORMER },
  { "old", M_FORMER },
  { "ex", M_FORMER },
  { "outgoing", M_FORMER },
  { "retired", M_FORMER },
  { "new", M_ADJ },
  { "other", M_ADJ },
  { "senior", M_ADJ },
  { "junior", M_ADJ },
  { "chief", M_ADJ | M_ROLE },
  { "head", M_ROLE },
  { "colleague", M_ROLE },
  { "coworker", M_ROLE },
  { "boss", M_ROLE },
  { "manager", M_ROLE },
  { "analyst", M_ROLE },
  { "assistant", M_ROLE },
  { "deputy", M_ROLE },
  { "successor", M_ROLE },
  { "predecessor", M_ROLE | M_PRED },
  { "team", M_ROLE },
  { "department", M_ROLE },
  { "dept", M_ROLE },
  { "procurement", M_ROLE },
  { "purchasing", M_ROLE },
  { "legal", M_ROLE },
  { "finance", M_ROLE },
  { "accounting", M_ROLE },
  { "ops", M_ROLE },
  { "engineering", M_ROLE },
  { "engineer", M_ROLE },
  { "cfo", M_ROLE },
  { "ceo", M_ROLE },
  { "coo", M_ROLE },
  { "cto", M_ROLE },
  { "cio", M_ROLE },
  { "vp", M_ROLE },
  { "director", M_ROLE },
  { "partner", M_ROLE },
  { "wife", M_ROLE },
  { "brother", M_ROLE },
  { "sister", M_ROLE },
  { "son", M_ROLE },
  { "daughter", M_ROLE },
  { "mother", M_ROLE },
  { "father", M_ROLE },
  { "uncle", M_ROLE },
  { "aunt", M_ROLE },
  { "cousin", M_ROLE },
  { "neighbour", M_ROLE },
  { "neighbor", M_ROLE },
  { "husband", M_ROLE },
  { "intern", M_ROLE },
  { "lawyer", M_ROLE },
  { "counsel", M_ROLE },
  { "board", M_ROLE },
  { "committee", M_ROLE },
  { "staff", M_ROLE },
  { "supervisor", M_ROLE },
  { "consultant", M_ROLE },
  { "controller", M_ROLE },
  { "specialist", M_ROLE },
  { "coordinator", M_ROLE },
  { "architect", M_ROLE },
  { "officer", M_ROLE },
  { "rep", M_ROLE },
  { "buyer", M_ROLE },
  { "owner", M_ROLE },
  { "contact", M_ROLE },
  { "person", M_ROLE },
  { "guy", M_ROLE },
  { "lady", M_ROLE },
  { "said", M_REPORT },
  { "says", M_REPORT },
  { "mentioned", M_REPORT },
  { "told", M_REPORT },
  { "explained", M_REPORT },
  { "warned", M_REPORT },
  { "thinks", M_REPORT | M_PERCEIVE },
  { "noted", M_REPORT },
  { "joked", M_REPORT },
  { "wanted", M_WANT },
  { "wants", M_WANT },
  { "requested", M_WANT },
  { "needs", M_WANT },
  { "needed", M_WANT },
  { "think", M_REPORT | M_PERCEIVE },
  { "heard", M_REPORT | M_PERCEIVE },
  { "noticed", M_REPORT | M_PERCEIVE },
  { "learned", M_REPORT | M_PERCEIVE },
  { "felt", M_REPORT | M_PERCEIVE },
  { "feel", M_REPORT | M_PERCEIVE },
  { "sense", M_REPORT | M_PERCEIVE },
  { "believe", M_REPORT | M_PERCEIVE },
  { "guess", M_REPORT | M_PERCEIVE },
  { "gather", M_REPORT | M_PERCEIVE },
  { "used", M_USED },
  { "to", M_TO },
  { "anymore", M_STOPPED },
  { "formerly", M_STOPPED },
  { "previously", M_STOPPED },
  { "if", M_IF },
  { "what", M_IFQ },
  { "ask", M_IFQ },
  { "asked", M_IFQ | M_WANT },
  { "wonder", M_IFQ },
  { "see", M_IFQ },
  { "check", M_IFQ },
  { "know", M_IFQ },
  { "sure", M_IFQ | M_IRONY2 },
  { "were", M_WERE },
  { "sort", M_WERE },
  { "kind", M_WERE },
  { "type", M_WERE },
  { "ever", M_WERE },
  { "would", M_WERE },
  { "might", M_WERE },
  { "hypothetically", M_HYPO },
  { "imagine", M_HYPO },
  { "suppose", M_HYPO },
  { "pretend", M_HYPO },
  { "oh", M_IRONY1 | M_CONJ },
  { "yeah", M_IRONY1 },
  { "right", M_IRONY2 },
  { "great", M_IRONY2 },
  { "longer", M_LONGER },
  { "she", M_PRON | M_3RD },
  { "he", M_PRON | M_3RD },
  { "they", M_PRON | M_3RD },
  { "i", M_PRON | M_I },
  { "we", M_PRON | M_OURS },
  { "you", M_PRON },
  { "as", M_AS },
  { "even", M_AS },
  { "irrelevant", M_DISMISS },
  { "secondary", M_DISMISS },
  { "unimportant", M_DISMISS },
  { "whatever", M_DISMISS },
  { "overrated", M_DISMISS },
  { "overhyped", M_DISMISS },
  { "overvalued", M_DISMISS },
  { "pointless", M_DISMISS },
  { "unnecessary", M_DISMISS },
  { "ticking", M_DISMISS },
  { "fluff", M_DISMISS },
  { "lose", M_LOSS },
  { "losing", M_LOSS },
  { "waste", M_LOSS },
  { "wasting", M_LOSS },
  { "miss", M_LOSS },
  { "break", M_LOSS },
  { "fail", M_LOSS },
  { "fall", M_LOSS },
  { "let", M_LOSS },
  { "compromise", M_LOSS },
  { "cut", M_LOSS },
  { "slip", M_LOSS },
  { "stop", M_LOSS },
  { "wait", M_LOSS },
  { "overkill", M_DISMISS },
  { "mocking", M_MOCK },
  { "mocked", M_MOCK },
  { "sarcastic", M_MOCK },
  { "sarcastically", M_MOCK },
  { "ironically", M_MOCK },
  { "matter", M_MATTER },
  { "matters", M_MATTER },
  { "relevant", M_MATTER },
  { "care", M_MATTER },
  { "priority", M_MATTER },
  { "important", M_MATTER },
  { "concern", M_MATTER },
  { "focus", M_MATTER },
  { "interested", M_MATTER },
  { "factor", M_MATTER },
  { "and", M_CONJ },
  { "so", M_CONJ },
  { "also", M_CONJ },
  { "plus", M_CONJ },
  { "then", M_CONJ },
  { "well", M_CONJ },
  { "anyway", M_CONJ },
  { "sent", M_ACT },
  { "send", M_ACT },
  { "emailed", M_ACT },
  { "pitched", M_ACT },
  { "demoed", M_ACT },
  { "offered", M_ACT },
};

#define N_MARKS (sizeof (marks) / sizeof (marks[0]))

/** Marker bits of a token hash (an open-addressing table per scratch,
    filled by score_read_init: token hashes are never 0). */
static uint32_t
mark_of (struct score_scratch *s, uint32_t h)
{
  uint32_t k = (h * 0x9E3779B1u) >> (32 - SCORE_MARK_BITS);

  while (0 != s->mark_key[k])
  {
    if (h == s->mark_key[k])
      return s->mark_bits[k];
    k = (k + 1) & (SCORE_MARK_SLOTS - 1);
  }
  return 0;
}

void
score_read_init (struct score_scratch *s)
{
  index_markers (s);
  memset (s->mark_key, 0, sizeof (s->mark_key));
  memset (s->mark_bits, 0, sizeof (s->mark_bits));
  for (size_t i = 0; i < N_MARKS; i++)
  {
    uint32_t w;
    uint32_t k;

    /* read as a note's word is ("told" is "tell", "sent" is "send") */
    score_text_tokenize (NULL, s, marks[i].w, strlen (marks[i].w));
    if (1 != s->n_tokens)
      continue;
    w = s->tokens[0].hash;
    k = (w * 0x9E3779B1u) >> (32 - SCORE_MARK_BITS);
    while (0 != s->mark_key[k] && w != s->mark_key[k])
      k = (k + 1) & (SCORE_MARK_SLOTS - 1);
    s->mark_key[k] = w;
    s->mark_bits[k] |= marks[i].bits;
  }
  s->n_tokens = 0;
}

/**
 * Subject of the words from token @a p: a colleague, a predecessor or
 * someone on our side named by a role ("her analyst", "the old buyer",
 * "our support team", "Dana's boss"), or 0.
 *
 * @param s scratch
 * @param p first token
 * @param end one past the clause
 * @param ours_is_us whether "our/my" is the writer's (seller's) side
 * @return SCORE_READ_* bits
 */
static uint16_t
subject (struct score_scratch *s, size_t p, size_t end, bool ours_is_us)
{
  bool former = false;
  bool ours = false;
  size_t q;

  while (p < end && (s->tok_marks[p] & M_CONJ))
    p++; /* "and my assistant ...", "oh, ..." */
  if (ours_is_us && p < end
      && ((s->tok_marks[p] & M_I)
          || ((s->tok_marks[p] & M_ACT)
              && (0 == p || (s->tokens[p].flags & TOK_SENTENCE)))))
  {
    /* "I guaranteed ...", a note's sentence opening "sent the ...": the
       seller's doing, unless the clause reports what the buyer asked
       for ("sent him the docs he asked for") */
    for (q = p + 1; q + 1 < end; q++)
      if ((s->tok_marks[q] & M_3RD) && (s->tok_marks[q + 1] & M_WANT))
        return 0;
    return SCORE_READ_SELLER_SELF;
  }
  q = p;
  while (q < end && q < p + 4)
  {
    uint32_t b = s->tok_marks[q];

    if ((b & M_ROLE) && q + 1 < end && s->text[s->tokens[q + 1].start] >= 'A'
        && s->text[s->tokens[q + 1].start] <= 'Z' && 0 == s->tok_marks[q + 1])
      return former ? SCORE_READ_FORMER
                    : 0; /* "VP Sanchez": a title before a name; "the old
                            contact Zbigniew" is still a predecessor */
    if (b & M_ROLE)
    {
      if (b & M_PRED)
        former = true;
      if (former)
        return SCORE_READ_FORMER;
      return (ours && ours_is_us) ? SCORE_READ_OUR_SIDE
                                  : SCORE_READ_THIRD_PARTY;
    }
    if (b & M_FORMER)
      former = true;
    else if (b & M_DET)
      ours = ours || (b & M_OURS);
    else if (q == p && q + 1 < end && 0 == b
             && s->text[s->tokens[q].start] >= 'A'
             && s->text[s->tokens[q].start] <= 'Z'
             && (s->tok_marks[q + 1] & M_ROLE))
      ; /* "Dana's boss" */
    else if (! (b & M_ADJ))
      return 0;
    q++;
  }
  return 0;
}

/** Whether token @a p is an upper-case word or a name of a call contact
    (a new subject that ends an inherited one). */
static bool
new_subject (struct score_scratch *s, size_t p)
{
  uint32_t b = s->tok_marks[p];
  unsigned char c = (unsigned char) s->text[s->tokens[p].start];

  return (b & (M_PRON | M_DET)) || (c >= 'A' && c <= 'Z');
}

/** Reasons that keep a hit out, per target kind. */
/** Reasons that keep a hit out of every reading: it is not a fact about
    anyone there now. */
#define NOT_A_FACT \
  (SCORE_READ_FORMER | SCORE_READ_PAST | SCORE_READ_HYPOTHETICAL \
   | SCORE_READ_SARCASM | SCORE_READ_NAME | SCORE_READ_FILLER)

static const uint16_t excluded[] = {
  [SCORE_TARGET_ORIENTATION] = NOT_A_FACT | SCORE_READ_THIRD_PARTY
                               | SCORE_READ_OUR_SIDE | SCORE_READ_OPPOSED
                               | SCORE_READ_SPEAKER | SCORE_READ_SELLER_SELF,
  [SCORE_TARGET_PILLAR] = NOT_A_FACT,
  [SCORE_TARGET_RISK] = NOT_A_FACT | SCORE_READ_OUR_SIDE | SCORE_READ_SPEAKER
                        | SCORE_READ_SELLER_SELF,
  [SCORE_TARGET_TRAIT] = NOT_A_FACT | SCORE_READ_THIRD_PARTY
                         | SCORE_READ_OUR_SIDE | SCORE_READ_SPEAKER,
  [SCORE_TARGET_VALUE] = NOT_A_FACT,
};

bool
score_hit_counts (const struct score_model *m, const struct score_hit *h)
{
  const struct score_target *t = &m->cues[h->cue].target;

  if (SCORE_TARGET_PILLAR == t->kind && SCORE_PILLAR_TRUST == t->index
      && (h->reasons & (SCORE_READ_OUR_SIDE | SCORE_READ_SELLER_SELF)))
    return false; /* 002: trust is given by the customer; our own claim
                     of it ("told my manager we're their trusted
                     advisor") is not */
  return ! h->negated && 0 == (h->reasons & excluded[t->kind]);
}

/** The speaker reason: a cue said by someone it cannot describe (the
    seller's own line is not the buyer's orientation or risk; a buyer's
    line is not the seller's trait). */
static uint16_t
speaker_reason (enum score_target_kind k, uint8_t speaker)
{
  if (((SCORE_TARGET_ORIENTATION == k || SCORE_TARGET_RISK == k)
       && SCORE_SAY_SELLER == speaker)
      || (SCORE_TARGET_ORIENTATION == k && SCORE_SAY_OTHER == speaker)
      || (SCORE_TARGET_TRAIT == k
          && (SCORE_SAY_BUYER == speaker || SCORE_SAY_OTHER == speaker)))
    return SCORE_READ_SPEAKER;
  return 0;
}

/**
 * Whether the clause starting at token @a a is what someone does not want:
 * it follows "instead of" ("a partner who points at our weak spots
 * instead of telling me everything's lovely").
 */
static bool
rejected_clause (const struct score_scratch *s, size_t a)
{
  size_t p = s->tokens[a].start;
  static const char word[] = "instead";

  while (p > 0 && ' ' == s->text[p - 1])
    p--;
  /* "instead" itself is a clause break, so the clause starts at "of" */
  if (p < 7 || 'd' != (s->text[p - 1] | 0x20))
    return false;
  for (size_t k = 0; k < 7; k++)
    if (word[k] != (s->text[p - 7 + k] | 0x20))
      return false;
  return p == 7 || ! word_char ((unsigned char) s->text[p - 8]);
}

/**
 * Among the orientation hits of one clause that count, when Actualization
 * meets an orientation it is the opposite of (Power's wish for credit,
 * Security's aversion to risk, Affiliation's loyalty), only the longest
 * phrase stands: "gives the credit to her team" is not also "credit",
 * "accepts a rough few weeks for the bigger gain" is not also "risk".
 * Equal lengths keep both; other pairs are no contradiction.
 *
 * @param m model
 * @param s scratch
 * @param h0 first hit of the clause
 * @param h1 one past its last
 */
static void
oppose (const struct score_model *m, struct score_scratch *s, size_t h0,
        size_t h1)
{
  uint32_t best = 0;
  int best_o = -1;
  bool tie = false;

  for (size_t k = h0; k < h1; k++)
  {
    const struct score_hit *h = &s->hits[k];
    const struct score_cue *cue = &m->cues[h->cue];
    uint32_t len = h->last - h->first + 1;

    if (SCORE_TARGET_ORIENTATION != cue->target.kind || cue->weight <= 0
        || ! score_hit_counts (m, h))
      continue;
    if (len > best)
    {
      best = len;
      best_o = cue->target.index;
      tie = false;
    }
    else if (len == best && best_o != cue->target.index)
      tie = true;
  }
  if (best_o < 0 || tie)
    return;
  for (size_t k = h0; k < h1; k++)
  {
    struct score_hit *h = &s->hits[k];
    const struct score_cue *cue = &m->cues[h->cue];

    if (SCORE_TARGET_ORIENTATION == cue->target.kind && cue->weight > 0
        && cue->target.index != best_o
        && (SCORE_ORIENTATION_ACTUALIZATION == best_o
            || SCORE_ORIENTATION_ACTUALIZATION == cue->target.index))
      h->reasons |= SCORE_READ_OPPOSED;
  }
}

/**
 * A negator whose line goes on to a colon opens a negated list ("What we
 * won't do: rush jobs, lowest-bid work" or a list on the next lines): its
 * items, to the next blank line, are not values held.
 *
 * @param s scratch
 * @param q the negator token
 * @param[in,out] from first byte of the list
 * @param[in,out] to one past its last byte
 */
static void
list_negation (const struct score_scratch *s, size_t q, size_t *from,
               size_t *to)
{
  size_t p = s->tokens[q].end;

  for (; p < s->text_len && '\n' != s->text[p] && '.' != s->text[p]; p++)
    if (':' == s->text[p])
    {
      const char *end = NULL;

      for (size_t k = p + 1; k + 1 < s->text_len && NULL == end; k++)
        if ('\n' == s->text[k] && '\n' == s->text[k + 1])
          end = s->text + k;
      *from = p;
      *to = (NULL == end) ? s->text_len : (size_t) (end - s->text);
      return;
    }
}

/**
 * A value negated through a loss is affirmed: "the workers don't lose
 * time", "never lets a farmer down", "we can't compromise on quality"
 * value time, reliability and quality.
 *
 * @param s scratch
 * @param h a negated value hit
 * @param a first token of its clause
 */
static void
affirmed_value (const struct score_scratch *s, struct score_hit *h, size_t a)
{
  bool loss = false;

  for (size_t q = h->first; q <= h->last && ! loss; q++)
    loss = 0 != (s->tok_marks[q] & M_LOSS); /* "lose time" */
  for (size_t q = h->first; q > a && h->first - q < 6; q--)
  {
    if (s->tok_marks[q - 1] & M_LOSS)
      loss = true;
    else if (SCORE_TOKEN_NEG == s->tokens[q - 1].hash)
    {
      if (loss)
        h->negated = false;
      return;
    }
  }
}

/**
 * A clause that waves a value away ("not a priority", "box-ticking")
 * right after a clause of one or two words ("Sustainability? ...") waves
 * that topic away too.
 *
 * @param m model
 * @param s scratch
 * @param a first token of the dismissive clause
 * @param h0 its first hit (hits before it are earlier in the text)
 */
static void
dismiss_topic (const struct score_model *m, struct score_scratch *s, size_t a,
               size_t h0)
{
  size_t st;

  if (0 == a)
    return;
  st = a - 1;
  while (st > 0 && ! (s->tokens[st].flags & TOK_CLAUSE))
    st--;
  if (a - st > 2)
    return;
  for (size_t j = h0; j > 0; j--)
  {
    struct score_hit *h = &s->hits[j - 1];

    if (h->first < st)
      break;
    if (SCORE_TARGET_VALUE == m->cues[h->cue].target.kind && h->first < a)
    {
      h->negated = true;
      h->reasons |= SCORE_READ_NEGATED;
    }
  }
}

/**
 * Mark each hit's speaker and reasons. Clause by clause: the subject at
 * the clause start (or after a reporting verb) scopes the clause and the
 * following clauses of its sentence until a new subject; "used to",
 * "anymore", "no longer", "formerly" make a clause past; "if ... were /
 * the sort of", "as if", "imagine", "hypothetically" make it a
 * supposition; "yeah right", "oh sure" make the sentence ironic, and a
 * one-word cue in quotes is a scare quote.
 *
 * @param m model
 * @param s scratch with tokens and hits
 */
static void
attribute (const struct score_model *m, struct score_scratch *s)
{
  size_t hi = 0;
  size_t seg = 0;
  uint16_t carried = 0;   /* subject scope carried into the next clause */
  uint16_t irony = 0;     /* the sentence is ironic */
  uint16_t supposed = 0;  /* the sentence went hypothetical */
  bool former = false;    /* the last sentence spoke of a predecessor */
  bool he_former = false; /* and this one opens with "he" or "she" */
  uint16_t sentence = UINT16_MAX;
  size_t list_from = SIZE_MAX; /* a negated list's bytes */
  size_t list_to = 0;

  for (size_t t = 0; t < s->n_tokens; t++)
    s->tok_marks[t] = mark_of (s, s->tokens[t].hash); /* once a token */

  for (size_t a = 0; a < s->n_tokens;)
  {
    size_t b = a + 1;
    uint16_t clause = 0;
    uint16_t scope;
    size_t from = a;           /* first token the scope covers */
    size_t used_at = SIZE_MAX; /* past from here */
    size_t hypo_at = SIZE_MAX; /* supposition from here */
    size_t h0;
    bool ours_us;
    bool dismiss = false; /* "X is not relevant to us", "X is secondary" */
    bool rejected;        /* "... instead of X" */
    size_t waved_at = SIZE_MAX; /* "doesn't care about" from here */

    while (b < s->n_tokens && ! (s->tokens[b].flags & TOK_CLAUSE))
      b++;
    while (seg + 1 < s->n_segs && s->segs[seg].end <= s->tokens[a].start)
      seg++;
    ours_us = 0 == s->n_segs || SCORE_SAY_NARRATIVE == s->segs[seg].speaker
              || SCORE_SAY_SELLER == s->segs[seg].speaker;
    if (s->tokens[a].sentence != sentence)
    {
      sentence = s->tokens[a].sentence;
      /* "the old buyer retired. he was very cautious": "he" is still the
         predecessor */
      he_former = former && (s->tok_marks[a] & M_3RD);
      carried = he_former ? SCORE_READ_FORMER : 0;
      former = false;
      irony = 0;
      supposed = 0;
      /* "she was mocking ...", "said sarcastically": the whole sentence */
      for (size_t q = a; q < s->n_tokens && s->tokens[q].sentence == sentence;
           q++)
        if (s->tok_marks[q] & M_MOCK)
          irony = SCORE_READ_SARCASM;
    }
    if (b - a >= 2 && (s->tok_marks[a] & M_IRONY1)
        && (s->tok_marks[a + 1] & M_IRONY2))
      irony = SCORE_READ_SARCASM;
    scope = subject (s, a, b, ours_us);
    if (0 == scope)
      scope = (new_subject (s, a) && ! he_former) ? 0 : carried;
    he_former = false;
    rejected = rejected_clause (s, a);
    if (hi >= s->n_hits || s->hits[hi].first >= b)
    {
      /* no cue here: only what reaches later clauses matters (the
         subject carried on, a negated list opening, "hypothetically,") */
      bool waved = false;

      for (size_t q = a; q < b; q++)
        if (SCORE_TOKEN_NEG == s->tokens[q].hash)
        {
          list_negation (s, q, &list_from, &list_to);
          for (size_t r = q + 1; r < b && r <= q + 3 && ! waved; r++)
            waved = 0 != (s->tok_marks[r] & M_MATTER);
        }
        else if (s->tok_marks[q] & M_DISMISS)
          waved = true;
        else if (s->tok_marks[q] & M_HYPO)
          supposed = SCORE_READ_HYPOTHETICAL;
      if (waved)
        dismiss_topic (m, s, a, hi);
      carried = scope;
      former = former || SCORE_READ_FORMER == scope;
      a = b;
      continue;
    }
    for (size_t q = a; q < b; q++)
    {
      uint32_t bits = s->tok_marks[q];

      if ((bits & M_REPORT) && q + 1 < b)
      {
        size_t r = q + 1;
        uint16_t sub;

        if (r < b && (s->tok_marks[r] & M_PRON) && ! (s->tok_marks[r] & M_I))
          r++; /* "told me", "told us" */
        if (r < b && (s->tok_marks[r] & M_THAT))
          r++; /* "joked that I ..." */
        sub = subject (s, r, b, ours_us);
        if (sub || (SCORE_READ_SELLER_SELF == scope && (bits & M_PERCEIVE)))
        {
          /* "her boss said ...", and "I think she ...": what follows
             is about her; what "I mentioned" stays mine */
          scope = sub;
          from = r;
        }
      }
      if ((bits & M_USED) && q + 1 < b && (s->tok_marks[q + 1] & M_TO)
          && used_at > q)
        used_at = q;
      if (bits & M_DISMISS)
        dismiss = true;
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < b
          && (s->tok_marks[q + 1] & M_TO) && waved_at > q)
        waved_at = q; /* "prefer not to replace the whole line in one go":
                         the whole infinitive is negated */
      if (SCORE_TOKEN_NEG == s->tokens[q].hash)
      {
        for (size_t r = q + 1; r < b && r <= q + 3 && ! dismiss; r++)
          if (s->tok_marks[r] & M_MATTER)
          {
            dismiss = true;
            waved_at = r; /* "doesn't care about X": X is not wanted */
          }
        list_negation (s, q, &list_from, &list_to);
      }
      if (bits & M_STOPPED)
        clause |= SCORE_READ_PAST;
      if (SCORE_TOKEN_NEG == s->tokens[q].hash && q + 1 < b
          && (s->tok_marks[q + 1] & M_LONGER))
        clause |= SCORE_READ_PAST;
      if ((bits & M_HYPO) && hypo_at > q)
      {
        hypo_at = q;
        supposed = SCORE_READ_HYPOTHETICAL; /* and the rest of the
                                                 sentence */
      }
      if ((bits & M_IF) && q > a && ours_us && (s->tok_marks[q - 1] & M_WANT)
          && q + 1 < b && (s->tok_marks[q + 1] & M_3RD)
          && ! (s->tok_marks[a] & M_3RD))
      {
        /* "asked if she'd want a pilot": a question put to her, not her
           wish */
        scope = SCORE_READ_SELLER_SELF;
        from = q;
      }
      if ((bits & M_IF) && (q == a || ! (s->tok_marks[q - 1] & M_IFQ)))
      {
        bool as = q > a && (s->tok_marks[q - 1] & M_AS);

        for (size_t r = q + 1; r < b && ! as; r++)
          as = 0 != (s->tok_marks[r] & M_WERE);
        if (as)
          hypo_at = a;
      }
    }
    carried = scope;
    former = former || SCORE_READ_FORMER == scope;
    h0 = hi;
    for (; hi < s->n_hits && s->hits[hi].first < b; hi++)
    {
      struct score_hit *h = &s->hits[hi];
      const struct score_token *t0 = &s->tokens[h->first];
      const struct score_token *t1 = &s->tokens[h->last];
      size_t g = seg;

      while (g + 1 < s->n_segs && s->segs[g].end <= t0->start)
        g++;
      if (s->n_segs > 0)
      {
        h->speaker = s->segs[g].speaker;
        h->contact = s->segs[g].contact;
      }
      h->reasons |= speaker_reason (m->cues[h->cue].target.kind, h->speaker);
      if (h->negated && ! h->resolved && ! h->superseded
          && SCORE_TARGET_VALUE == m->cues[h->cue].target.kind)
        affirmed_value (s, h, a);
      if (rejected || h->first > waved_at
          || (SCORE_TARGET_VALUE == m->cues[h->cue].target.kind
              && (dismiss || (t0->start >= list_from && t0->start < list_to))))
      {
        /* what is not wanted ("instead of X"); a value waved away, an
           item of a "we won't:" list (of values: in a note, "don't lose
           it:" opens a list of what to keep) */
        h->negated = true;
        h->reasons |= SCORE_READ_NEGATED;
      }
      h->reasons |= irony | clause;
      if (supposed && h->first >= a && (hypo_at == SIZE_MAX || hypo_at < a))
        h->reasons |= supposed;
      if (h->first >= from)
        h->reasons |= scope;
      if (h->first >= used_at)
        h->reasons |= SCORE_READ_PAST;
      if (h->first >= hypo_at)
        h->reasons |= SCORE_READ_HYPOTHETICAL;
      if (h->first == h->last && h->first == a && t1->end - t0->start > 2
          && 'l' == (s->text[t1->end - 2] | 0x20)
          && 'y' == (s->text[t1->end - 1] | 0x20)
          && (1 == b - a || (s->tok_marks[a + 1] & (M_PRON | M_DET | M_CONJ))))
        h->reasons |= SCORE_READ_FILLER; /* "Honestly, ...", "Frankly
                                              we ..." */
      if (h->last == h->first && t0->start > 0 && t1->end < s->text_len)
      {
        char o = s->text[t0->start - 1];
        char c = s->text[t1->end];

        if (('\'' == o || '"' == o) && o == c)
          h->reasons |= SCORE_READ_SARCASM;
      }
    }
    oppose (m, s, h0, hi);
    if (dismiss)
      dismiss_topic (m, s, a, h0);
    a = b;
  }
}

void
score_text_attribute (const struct score_model *m, struct score_scratch *s)
{
  attribute (m, s);
  score_mark_repeats (m, s);
}

/**
 * A one-word cue written with a capital that is a name of one of the
 * call's contacts is the name ("Frank", "Hope"), not the word; so is one
 * capitalised inside a sentence (a company or a product: "the vendor is
 * Rapport"), unless the whole word is in capitals.
 */
static void
name_reasons (struct score_scratch *s, const struct score_account_input *in,
              const struct score_call *c)
{
  if (NULL == in)
    return;
  for (size_t i = 0; i < s->n_hits; i++)
  {
    struct score_hit *h = &s->hits[i];
    char first = s->text[s->tokens[h->first].start];

    if (h->first != h->last || first < 'A' || first > 'Z')
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
    for (size_t k = 0; k < c->n_contacts && k < SCORE_MAX_CALL_CONTACTS; k++)
    {
      int ci = score_contact_index (in, c->contact_ids[k]);
      const uint32_t *names;

      if (ci < 0)
        continue;
      names = score_contact_names (s, in, ci);
      for (int w = 0; w < 4 && names[w]; w++)
        if (names[w] == s->tokens[h->first].hash)
          h->reasons |= SCORE_READ_NAME;
    }
  }
}

void
score_call_read (const struct score_model *m, struct score_scratch *s,
                 const struct score_account_input *in,
                 const struct score_call *c)
{
  s->read_len = 0;
  s->read_notes = 0;
  s->n_segs = 0;
  s->n_spans = 0;
  s->n_spans_total = 0;
  read_notes (s, in, c);
  read_turns (s, in, c);
  blank_role_tags (s, 0);
  turn_talk (s);
  score_text_analyze (m, s, s->read_text, s->read_len);
  name_reasons (s, in, c);
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
    out->speakers += SCORE_SAY_NARRATIVE != s->segs[i].speaker;
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
