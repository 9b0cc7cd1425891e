/**
 * @file boilerplate.c
 * @brief What of a note is not the writer's: signatures, disclaimers,
 *        quoted replies, forwarding headers, auto-replies, form fields,
 *        recording headers, invites and tracking notices, recognised
 *        line by line by their shape (docs/scoring.md lists how).
 */
#include "svc/score.h"
#include "read_text.h"

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
                                        "warmest",
                                        "warm wishes",
                                        "with love",
                                        "un beso",
                                        "un abrazo",
                                        "abrazos",
                                        "liebe grüße",
                                        "viele grüße",
                                        "beste grüße",
                                        "herzliche grüße",
                                        "met vriendelijke groet",
                                        "groetjes",
                                        "cordiali saluti",
                                        "distinti saluti",
                                        "un abbraccio",
                                        "bisous",
                                        "bien à vous",
                                        "med vänliga hälsningar",
                                        "vänliga hälsningar",
                                        "venlig hilsen",
                                        "med venlig hilsen",
                                        "mvh",
                                        "pozdrawiam",
                                        "s pozdravem",
                                        "saygılarımla",
                                        "iyi çalışmalar",
                                        NULL };

/** Markers of a confidentiality or legal notice (two are needed), in
    English and in the languages whose mail clients forwarding banners
    are read in (French, German, Spanish, Italian, Portuguese, Dutch):
    "Questo messaggio ... riservato", "Diese Nachricht ist vertraulich";
    also a mail system's external-sender warning ("[EXTERNAL] This
    message was sent from outside the organisation. Please be careful
    with links and attachments."), and a certificate's or data sheet's
    legal line ("The buyer is responsible for verifying suitability for
    its own application"). */
static const char *const disclaimer_a[] = { "confidential",
                                            "privileged",
                                            "disclaimer",
                                            "legally binding",
                                            "received this",
                                            "in error",
                                            "unauthori",
                                            "prohibited",
                                            "virus",
                                            "not intended",
                                            "confidencial",
                                            "confidentiel",
                                            "riservat",
                                            "vertraulich",
                                            "vertrouwelijk",
                                            "per errore",
                                            "por error",
                                            "par erreur",
                                            "por engano",
                                            "irrtümlich",
                                            "irrtuemlich",
                                            "vietat",
                                            "prohibid",
                                            "interdit",
                                            "untersagt",
                                            "proibid",
                                            "abusievelijk",
                                            "intended only",
                                            "intended solely",
                                            "accepts no liability",
                                            "not an offer",
                                            "competition law",
                                            "commercially sensitive",
                                            "outside the organi",
                                            "outside of the organi",
                                            "external sender",
                                            "careful with links",
                                            "click links",
                                            "responsible for verifying",
                                            "no warranty",
                                            "without warranty",
                                            "makes no representation",
                                            "intended recipient",
                                            "for information only",
                                            "does not alter",
                                            NULL };
static const char *const disclaimer_b[] = {
  "intended",  "recipient",   "addressee",     "e-mail",
  "email",     "message",     "transmission",  "attachment",
  "sender",    "notify",      "delete",        "copying",
  "liability", "destinatai",  "destinatari",   "destinatári",
  "empfänger", "empfaenger",  "geadresseerde", "messaggi",
  "mensaje",   "mensagem",    "nachricht",     "bericht",
  "allegat",   "anhang",      "adjunto",       "anexo",
  "mittente",  "remitente",   "expéditeur",    "absender",
  "afzender",  "suitability", "specification", NULL
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
                                      "automatic notice",
                                      "automatic notification",
                                      "automated notification",
                                      "automated message",
                                      "generated automatically",
                                      "automatically generated",
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
static const char *const invite[] = {
  "zoom.us/", "join zoom meeting", "meeting id", "passcode",
  "microsoft teams meeting", "join on your computer", "click here to join",
  "teams.microsoft.com", "meet.google.com", "dial-in", "dial in by",
  "one tap mobile", "join by phone", "join the meeting",
  "you have been invited", "has invited you",
  "invitation:", "accepted:", "declined:", "tentative:", "calendar invite",
  "add to calendar", "organizer:", "when:", "where:", "video call link",
  "webex", "meeting link", "join with google meet",
  /* the same in the other languages
                                         a calendar sends invites in */
  "organisateur:", "organizador:", "organizzatore:", "organisator:",
  "rejoindre la réunion", "unirse a la reunión", "participar da reunião",
  "partecipa alla riunione", "an der besprechung teilnehmen", NULL
};

/** An agenda's heading, in the languages of invites: "Agenda:",
    "Ordre du jour / Agenda:", "Orden del día:", "Tagesordnung:". */
static const char *const agenda_heads[] = {
  "agenda",       "ordre du jour",     "orden del día", "orden del dia",
  "tagesordnung", "ordine del giorno", "pauta:",        NULL
};

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
                                        "customs cleared",
                                        "cleared customs",
                                        "courier update",
                                        "signed by:",
                                        NULL };

/**
 * Whether lowercased line @a l, of the tracking kind, names two of its
 * markers: a carrier's update pasted as one line ("Courier update: crate
 * 3 of 4 ... Customs cleared Narita 18 Nov. Out for delivery 19 Nov.
 * Signed by: HAYASHI."), however long it runs.
 *
 * @param l the line
 * @return true with two markers or more
 */
static bool
tracking_line (const char *l)
{
  unsigned n = 0;

  for (const char *const *t = tracking; NULL != *t && n < 2; t++)
    n += NULL != strstr (l, *t);
  return n >= 2;
}

/** Labels of web forms and CRM records (a "label: value" line), first
    the same fields in the web forms of other languages (Portuguese,
    Spanish, French, German). */
static const char *const form_labels[] = { "nome",
                                           "sobrenome",
                                           "nombre",
                                           "apellido",
                                           "apellidos",
                                           "prénom",
                                           "prenom",
                                           "nom",
                                           "vorname",
                                           "nachname",
                                           "cargo",
                                           "empresa",
                                           "entreprise",
                                           "société",
                                           "firma",
                                           "país",
                                           "pais",
                                           "pays",
                                           "land",
                                           "telefone",
                                           "teléfono",
                                           "telefono",
                                           "téléphone",
                                           "telefon",
                                           "instituição",
                                           "instituicao",
                                           "institución",
                                           "institucion",
                                           "first name",
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
                                           "po",
                                           "po number",
                                           "purchase order",
                                           "purchase order number",
                                           "invoice number",
                                           "payment terms",
                                           "incoterms",
                                           "keywords",
                                           "key topics",
                                           "topics",
                                           "tags",
                                           "tagline",
                                           "company tagline",
                                           "slogan",
                                           "motto",
                                           "company description",
                                           "company bio",
                                           "about the company",
                                           "company overview",
                                           "mission statement",
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

/** Forwarding banners (score_forward_banner()). */
static const char *const banners[] = {
  "forwarded message",         "begin forwarded",
  "mensagem encaminhada",      "mensaje reenviado",
  "message transféré",         "message transfere",
  "weitergeleitete nachricht", "messaggio inoltrato",
  "doorgestuurd bericht",      NULL
};

/** The line that opens a quoted thread, in the mail clients of several
    languages ("-----Ursprüngliche Nachricht-----", "-----Message
    d'origine-----", "-----Mensaje original-----"). */
static const char *const original[] = {
  "original message",         "ursprüngliche nachricht",
  "urspruengliche nachricht", "message d'origine",
  "mensaje original",         "mensagem original",
  "messaggio originale",      "oorspronkelijk bericht",
  "orijinal mesaj",           "wiadomość oryginalna",
  "wiadomosc oryginalna",     "ursprungligt meddelande",
  "oprindelig meddelelse",    "opprinnelig melding",
  "alkuperäinen viesti",      NULL
};

/** Whether lowercased line @a l holds an "original message" banner. */
static bool
original_message (const char *l)
{
  for (const char *const *o = original; NULL != *o; o++)
    if (NULL != strstr (l, *o))
      return true;
  return false;
}

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
  FOUND_AUTO_SELF = 1u << 7,
  /** the line may hold a banner or "original message" (see thread_line()) */
  FOUND_THREAD = 1u << 8
};

/** A marker list a line is searched for, with its bit. */
struct marker_list
{
  const char *const *list;
  uint16_t bit;
  /** index the words after each phrase's first space (each has one):
      wherever the phrase is in a line, even inside a word, they start a
      word there */
  bool tail;
};

/** The marker lists a line is searched for. */
static const struct marker_list marker_lists[] = {
  { disclaimer_a, FOUND_DISCLAIMER_A, false },
  { disclaimer_b, FOUND_DISCLAIMER_B, false },
  { auto_a, FOUND_AUTO_A, false },
  { auto_b, FOUND_AUTO_B, false },
  { recording, FOUND_RECORDING, false },
  { invite, FOUND_INVITE, false },
  { tracking, FOUND_TRACKING, false },
  { auto_self, FOUND_AUTO_SELF, false },
  { banners, FOUND_THREAD, true },
  { original, FOUND_THREAD, true },
};

/**
 * What of phrase @a w of marker list @a k is indexed: all of it, or the
 * words after its first space.
 *
 * @param k the list
 * @param w a phrase of it
 * @return the marker (static)
 */
static const char *
marker_text (const struct marker_list *k, const char *w)
{
  return k->tail ? strchr (w, ' ') + 1 : w;
}

/**
 * Index every marker of marker_lists by its first byte (once per
 * scratch), so a line is searched for all of them in one pass. Within a
 * first byte the markers are ordered by their second byte, so that
 * score_line_found() stops at the first marker past the line's.
 *
 * @param s scratch
 */
void
score_index_markers (struct score_scratch *s)
{
  size_t count[257] = { 0 };

  for (size_t k = 0; k < sizeof (marker_lists) / sizeof (marker_lists[0]); k++)
    for (const char *const *w = marker_lists[k].list; NULL != *w; w++)
      count[(unsigned char) marker_text (&marker_lists[k], *w)[0] + 1]++;
  for (int c = 0; c < 256; c++)
    count[c + 1] += count[c];
  for (int c = 0; c <= 256; c++)
    s->marker_at[c] =
      (uint16_t) (count[c] < SCORE_MAX_MARKERS ? count[c] : SCORE_MAX_MARKERS);
  for (size_t k = 0; k < sizeof (marker_lists) / sizeof (marker_lists[0]); k++)
    for (const char *const *w = marker_lists[k].list; NULL != *w; w++)
    {
      const char *m = marker_text (&marker_lists[k], *w);
      unsigned char c = (unsigned char) m[0];
      size_t at = count[c]++;

      if (at >= SCORE_MAX_MARKERS)
        continue; /* test_scoring_reading fails first: every list is
                     tested */
      /* insertion by second byte (every marker has two bytes or more) */
      for (; at > s->marker_at[c]
             && (unsigned char) s->markers[at - 1].text[1]
                  > (unsigned char) m[1];
           at--)
        s->markers[at] = s->markers[at - 1];
      s->markers[at].text = m;
      s->markers[at].len = (uint8_t) strlen (m);
      s->markers[at].bit = marker_lists[k].bit;
    }
}

/**
 * The bits of the markers of index range [k, end) (one first byte) that
 * @a l starts with.
 *
 * @param s scratch (the marker index)
 * @param l where in the line (NUL-terminated)
 * @param len bytes left in the line
 * @param k first marker
 * @param end one past the last
 * @return bits
 */
static uint16_t
markers_at (const struct score_scratch *s, const char *l, size_t len, size_t k,
            size_t end)
{
  unsigned char c1 = (unsigned char) l[1]; /* l ends with a NUL */
  uint16_t found = 0;

  for (; k < end; k++)
  {
    const struct score_marker *m = &s->markers[k];
    unsigned char m1 = (unsigned char) m->text[1];
    size_t j = 2;

    /* the first byte's markers are ordered by their second byte (every
       marker has two bytes or more) */
    if (m1 < c1)
      continue;
    if (m1 > c1)
      break;
    if (m->len > len)
      continue;
    while (j < m->len && l[j] == m->text[j])
      j++; /* most differ at once: a loop beats a call to memcmp */
    if (j == m->len)
      found |= m->bit;
  }
  return found;
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
uint16_t
score_line_found (const struct score_scratch *s, const char *l, size_t len)
{
  uint16_t found = 0;

  /* in blocks (a line of LOOK bytes is one): first, where a marker may
     start (not inside a word), in a loop the compiler vectorises; then
     the index at those bytes only */
  for (size_t b = 0; b < len; b += 256)
  {
    size_t e = (len - b > 256) ? b + 256 : len;
    size_t i0 = (0 == b) ? 1 : b;
    uint8_t may[256];

    may[0] = 1; /* the line's start (else set below) */
    for (size_t i = i0; i < e; i++)
      may[i - b] = ! (word_char ((unsigned char) l[i])
                      & word_char ((unsigned char) l[i - 1]));
    for (size_t i = b; i < e; i++)
    {
      unsigned char c = (unsigned char) l[i];

      if (may[i - b])
        found |= markers_at (s, l + i, len - i, s->marker_at[c],
                             s->marker_at[c + 1]);
    }
  }
  return found;
}

/** E-mail header fields. */
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
  if (n > 0 && ')' == l[n - 1])
  {
    /* "Company tagline (enriched):": the label before its note */
    const char *open = memchr (l, '(', n);

    if (NULL != open)
      n = (size_t) (open - l);
    while (n > 0 && ' ' == l[n - 1])
      n--;
  }
  if (0 == n)
    return false; /* no list holds "" */
  for (; NULL != *list; list++)
    if ((*list)[0] == l[0] && strlen (*list) == n && 0 == memcmp (l, *list, n))
    {
      /* the first byte first: it rules out most labels */
      *cut = (size_t) (colon - l) + 1;
      return true;
    }
  return false;
}

/* The same header in the mail clients of other languages (French,
   German, Spanish, Italian, Dutch, Portuguese, Polish, Swedish, Danish
   and Norwegian, Turkish, Finnish; a label opening with a capital
   letter outside ASCII, "Ämne", is listed as written, since lines are
   lowercased in ASCII only): a block opens with a
   "from" label followed by a "sent" or "date" label ("De : ...",
   "Envoyé : ..."), and the labels after it are headers while the block
   lasts ("À :" and "A :" only then: alone, "A:" is an answer). */
static const char *const foreign_from[] = {
  "de", "von", "van", "da", "od", "från", "fra", "kimden", "lähettäjä", NULL
};
static const char *const foreign_sent[] = {
  "envoyé",  "envoye", "gesendet",   "enviado",    "inviato",   "verzonden",
  "date",    "datum",  "fecha",      "data",       "wysłano",   "wyslano",
  "skickat", "sendt",  "gönderildi", "gonderildi", "lähetetty", NULL
};
static const char *const foreign_headers[] = { "envoyé",
                                               "envoye",
                                               "gesendet",
                                               "enviado",
                                               "inviato",
                                               "verzonden",
                                               "date",
                                               "datum",
                                               "fecha",
                                               "data",
                                               "à",
                                               "a",
                                               "an",
                                               "para",
                                               "aan",
                                               "cc",
                                               "objet",
                                               "betreff",
                                               "asunto",
                                               "oggetto",
                                               "onderwerp",
                                               "assunto",
                                               "importance",
                                               "wysłano",
                                               "wyslano",
                                               "do",
                                               "dw",
                                               "temat",
                                               "skickat",
                                               "till",
                                               "ämne",
                                               "Ämne",
                                               "kopia",
                                               "sendt",
                                               "til",
                                               "emne",
                                               "gönderildi",
                                               "gonderildi",
                                               "kime",
                                               "konu",
                                               "bilgi",
                                               "lähetetty",
                                               "vastaanottaja",
                                               "aihe",
                                               NULL };

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

bool
score_answered_inline (const char *t, size_t p, size_t len)
{
  int state = 0; /* 1 a quote seen, 2 then an answer */

  while (p < len)
  {
    const char *nl = memchr (t + p, '\n', len - p);
    size_t e = (NULL == nl) ? len : (size_t) (nl - t);
    size_t q = p;

    while (q < e && (' ' == t[q] || '\t' == t[q]))
      q++;
    if (q < e && '>' == t[q])
    {
      if (2 == state)
        return true;
      state = 1;
    }
    else if (q < e && 1 == state)
      state = 2;
    p = e + 1;
  }
  return false;
}

/** Whether line @a x is a header of a quoted message: From:, Sent:,
    To:, Cc:, Date: or Subject:, or the same in another language's mail
    client ("Von:", "Gesendet:", "De :", "Envoyé :", "Asunto:"). */
static bool
header_of_message (const char *t, const struct line *x)
{
  static const char *const labels[] = { "from:", "sent:",    "to:", "cc:",
                                        "date:", "subject:", NULL };
  char l[LOOK + 1];
  size_t cut;

  lower_line (t, x->s, x->e, l);
  for (const char *const *k = labels; NULL != *k; k++)
    if (starts (l, *k))
      return true;
  return labelled (l, foreign_from, &cut)
         || labelled (l, foreign_headers, &cut);
}

/** Verbs of mail clients' reply banners: "On ... wrote:", "El ...
    escribió:", "Am ... schrieb ...:", "Le ... a écrit :", "Il ... ha
    scritto:", "Em ... escreveu:", "Op ... schreef ...:", "Den ... skrev:". */
static const char *const reply_verbs[] = {
  "wrote",   "escribió",   "escribio", "schrieb", "a écrit",
  "a ecrit", "ha scritto", "escreveu", "schreef", "skrev",
  "yazdı",   "napisał",    "napisała", "napsal",  "kirjoitti",
  "írta",    "scrise",     "pisze",    NULL
};

/* One of the verbs above (also Turkish, Polish, Czech, Finnish,
   Hungarian, Romanian), a date or time (a digit), and a colon at the
   end ("Here is what she wrote:" has no date). */
bool
score_reply_banner (const char *l, size_t len)
{
  bool digit = false;

  if (len < 12 || len >= LOOK || ':' != l[len - 1] || '>' == l[0])
    return false;
  for (size_t i = 0; i < len && ! digit; i++)
    digit = l[i] >= '0' && l[i] <= '9';
  for (const char *const *v = reply_verbs; digit && NULL != *v; v++)
    if (NULL != strstr (l, *v))
      return true;
  return false;
}

/**
 * Whether line @a i is a banner with no date that names who wrote the
 * quoted lines under it: a reply verb, a colon at the end, and the next
 * line that is not blank quoted ("Verónica Salas (administración) wrote:"
 * then "> Diego, thank you for the lunch ...").
 *
 * @param t notes
 * @param ln lines
 * @param n number of lines
 * @param i the line
 * @param l the line lowercased
 * @param len its length
 */
static bool
named_banner (const char *t, const struct line *ln, size_t n, size_t i,
              const char *l, size_t len)
{
  bool verb = false;

  if (len < 8 || len >= LOOK || ':' != l[len - 1] || '>' == l[0])
    return false;
  for (const char *const *v = reply_verbs; ! verb && NULL != *v; v++)
    verb = NULL != strstr (l, *v);
  if (! verb)
    return false;
  for (size_t j = i + 1; j < n; j++)
    if (! ln[j].blank)
      return '>' == t[ln[j].s];
  return false;
}

/**
 * Whether line [@a a, @a b) of @a t is a security or handling marking: at
 * most four words, no small letters, and a word of marking in it
 * ("OFFICIAL-SENSITIVE COMMERCIAL", "UNCLASSIFIED", "CONFIDENTIAL -
 * INTERNAL", "[EXTERNAL]", "CUI").
 *
 * @param t text
 * @param a line start
 * @param b line end
 * @param l the line lowercased
 */
static bool
classification_banner (const char *t, size_t a, size_t b, const char *l)
{
  static const char *const marks[] = {
    "official",    "sensitive",    "unclassified",
    "classified",  "confidential", "restricted",
    "secret",      "internal",     "external",
    "proprietary", "cui",          "privileged",
    NULL
  };
  unsigned words = 0;
  bool in_word = false;

  if (b - a > 48)
    return false;
  for (size_t i = a; i < b; i++)
  {
    char c = t[i];

    if (c >= 'a' && c <= 'z')
      return false; /* a sentence, not a marking */
    if ((c >= 'A' && c <= 'Z') && ! in_word)
      words++;
    in_word = (c >= 'A' && c <= 'Z');
  }
  if (0 == words || words > 4)
    return false;
  for (size_t i = 0; NULL != marks[i]; i++)
    if (NULL != strstr (l, marks[i]))
      return true;
  return false;
}

/** What content_before() has read of the lines so far. */
struct before
{
  size_t upto;  /**< lines [0, upto) are read */
  bool content; /**< one of them has words and was not set aside */
};

/**
 * Whether a line before @a i has words and was not set aside.
 * score_clean_lines() asks line by line, @a i never going down, and has
 * judged the lines before @a i for good: each line is read once, not
 * once per question (a run of quote headers was quadratic).
 *
 * @param ln lines
 * @param i the line asking
 * @param[in,out] b what is read so far (zeroed before the first call)
 * @return true if a line before @a i is content
 */
static bool
content_before (const struct line *ln, size_t i, struct before *b)
{
  for (; ! b->content && b->upto < i; b->upto++)
    b->content = ! ln[b->upto].blank && ln[b->upto].kind < 0;
  return b->content;
}

/** The first word of a reply written under a quote: a greeting. */
static const char *const reply_openers[] = { "hi",     "hey",     "hello",
                                             "dear",   "morning", "hiya",
                                             "thanks", NULL };

/**
 * Whether the "> " lines from line @a i (after blank lines) are an
 * earlier message with its reply written under it: the first line that
 * is not quoted opens with a greeting ("On ..., Rep wrote:", "> our
 * platform is simply the best", then "Hi, thanks. I'd rather judge by
 * results."). A seller's note under a pasted message ("Replied with the
 * plan") greets nobody: the quoted lines are then the writer's words.
 *
 * @param t notes
 * @param ln lines
 * @param n number of lines
 * @param i the line after the banner
 */
static bool
reply_below (const char *t, const struct line *ln, size_t n, size_t i)
{
  bool quoted = false;

  for (; i < n; i++)
  {
    size_t k = 0;
    char w[12];

    if (ln[i].blank)
      continue;
    if ('>' == t[ln[i].s])
    {
      quoted = true;
      continue;
    }
    if (! quoted)
      return false;
    while (
      k + 1 < sizeof (w) && ln[i].s + k < ln[i].e
      && ((t[ln[i].s + k] | 0x20) >= 'a' && (t[ln[i].s + k] | 0x20) <= 'z'))
    {
      w[k] = (char) (t[ln[i].s + k] | 0x20);
      k++;
    }
    w[k] = '\0';
    for (size_t j = 0; NULL != reply_openers[j]; j++)
      if (0 == strcmp (w, reply_openers[j]))
        return true;
    return false;
  }
  return false;
}

/**
 * Whether a lowercased line is a reply's subject line: "Re:", and the
 * German, Nordic, French and Spanish "AW:", "SV:", "TR:", "RV:", "RE :".
 *
 * @param l the line lowercased
 * @return true for a subject line
 */
static bool
reply_subject (const char *l)
{
  static const char *const prefixes[] = {
    "re:", "re :", "aw:", "sv:", "tr:", "tr :", "rv:", "antw:", NULL
  };

  return starts_any (l, prefixes);
}

size_t
score_from_label (const char *l)
{
  size_t n = 0;

  if (starts (l, "from:"))
    return 5;
  for (const char *const *f = foreign_from; NULL != *f && 0 == n; f++)
    if (starts (l, *f))
      n = strlen (*f);
  if (0 == n)
    return 0;
  while (' ' == l[n])
    n++; /* "De : Marie" */
  return (':' == l[n]) ? n + 1 : 0;
}

bool
score_forward_banner (const char *l)
{
  for (const char *const *b = banners; NULL != *b; b++)
    if (NULL != strstr (l, *b))
      return true;
  return false;
}

const char *const score_greetings[] = {
  "hi ",      "hey ",  "hello ", "dear ", "good morning ", "good afternoon ",
  "morning ", "hiya ", NULL
};

/**
 * Whether a line is a forwarding banner or holds "original message".
 *
 * @param x the line (found bits set)
 * @param l the line lowercased
 * @return true if either
 */
static bool
thread_line (const struct line *x, const char *l)
{
  /* FOUND_THREAD is needed for either: most lines stop there, before ten
     calls to strstr */
  return (x->found & FOUND_THREAD)
         && (score_forward_banner (l) || original_message (l));
}

const char *const score_forward_words[] = { "below",   "fyi",      "fwd",
                                            "forward", "pasting",  "pasted",
                                            "reply",   "response", NULL };

/**
 * Whether the lines before @a i are only a short lead that forwards what
 * follows ("Sophie's reply below, forwarded to the bid team."): twenty
 * words at most, with a forwarding word.
 */
static bool
forwarding_lead (const char *t, const struct line *ln, size_t i)
{
  size_t words = 0;
  bool cue = false;

  for (size_t j = 0; j < i; j++)
  {
    char l[LOOK + 1];

    if (ln[j].blank)
      continue;
    words += ln[j].words;
    if (words > 20)
      return false;
    lower_line (t, ln[j].s, ln[j].e, l);
    for (const char *const *k = score_forward_words; NULL != *k && ! cue; k++)
      cue = NULL != strstr (l, *k);
  }
  return cue;
}

/** Non-blank lines after line @a i, up to an earlier message of the
    thread (a quote, a forwarded or original message, "On ... wrote:"),
    counted up to @a cap (the caller asks "a few or more?": the count
    stops there rather than read every line to the end of the note). */
static size_t
content_after (const char *t, const struct line *ln, size_t n, size_t i,
               size_t cap)
{
  size_t after = 0;

  for (size_t j = i + 1; j < n && after < cap; j++)
  {
    char l[LOOK + 1];

    if (ln[j].blank)
      continue;
    lower_line (t, ln[j].s, ln[j].e, l);
    if ('>' == l[0] || thread_line (&ln[j], l) || starts (l, "from:")
        || (starts (l, "on ") && NULL != strstr (l, "wrote")))
      break;
    after++;
  }
  return after;
}

/**
 * Whether lowercased line @a l is digits and ":.,[]() -" only (a line of
 * timestamps): strspn (l, "0123456789:.,[]() -") == len, stopping at the
 * first other byte, which is most often the first.
 */
static bool
time_chars_only (const char *l, size_t len)
{
  for (size_t i = 0; i < len; i++)
  {
    char c = l[i];

    if (! ((c >= '0' && c <= '9') || ':' == c || '.' == c || ',' == c
           || '[' == c || ']' == c || '(' == c || ')' == c || ' ' == c
           || '-' == c))
      return false;
  }
  return true;
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
    size_t k;

    if (! starts (l, *c))
      continue;
    k = strlen (*c);
    if (l[k] == '\0' || l[k] == ',' || l[k] == '!' || l[k] == '.'
        || l[k] == ' ' || l[k] == '-')
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
  while (b > a + 1 && ('x' == t[b - 1] || 'X' == t[b - 1])
         && (' ' == t[b - 2] || 'x' == t[b - 2] || 'X' == t[b - 2]))
    b--; /* "Bethan x", "Dana xx": kisses after the name */
  while (b > a && ' ' == t[b - 1])
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
 * The label of a "Label: value" line, hashed, or 0: a colon within the
 * line's first 32 bytes after one to four words of letters, digits and
 * "&_#/()-" ("Budget: Not sure", "Delivered On: Thursday", "UTM: ...").
 *
 * @param l lowercased line
 * @return label hash (never 0 for a label), 0 if none
 */
static uint32_t
label_of (const char *l)
{
  const char *colon = strchr (l, ':');
  uint32_t h = 2166136261u;
  unsigned words = 0;
  bool in_word = false;

  if (NULL == colon || colon == l || colon - l > 32)
    return 0;
  for (const char *p = l; p < colon; p++)
  {
    unsigned char c = (unsigned char) *p;

    if (' ' == c)
    {
      in_word = false;
      continue;
    }
    if (! ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80
           || NULL != strchr ("&_#/()-.", c)))
      return 0;
    if (! in_word)
      words++;
    in_word = true;
    h = (h ^ c) * 16777619u;
  }
  return (words >= 1 && words <= 4 && 0 != h) ? h : 0;
}

/**
 * Whether a lowercased line opens with a web form's question: a "?" or
 * a "(select ...)", "(pick ...)", "(choose ...)", "(tick ...)" or
 * "(check all ...)" within its first 64 bytes, then a colon ("how did you
 * hear about us?: ...", "top priorities (select up to 3): ..."). A
 * speaker's line puts its colon first ("rep: what matters most?").
 */
static bool
form_question (const char *l)
{
  const char *q = strchr (l, '?');
  const char *colon = strchr (l, ':');

  const char *pick = strstr (l, "(select");

  if (NULL == pick)
    pick = strstr (l, "(pick");
  if (NULL == pick)
    pick = strstr (l, "(choose");
  if (NULL == pick)
    pick = strstr (l, "(tick");
  if (NULL == pick)
    pick = strstr (l, "(check all");
  if (NULL != pick && NULL != colon && pick < colon && colon - l <= 64)
    return true; /* "top priorities (select up to 3): ..." */
  return NULL != q && NULL != colon && q < colon && colon - l <= 64
         && q - l >= 8;
}

/** Whether @a l holds at most @a max words. */
static bool
few_words (const char *l, unsigned max)
{
  unsigned words = 0;

  for (const char *p = l; '\0' != *p; p++)
    if (' ' != *p && (p == l || ' ' == p[-1]))
      if (++words > max)
        return false;
  return true;
}

/**
 * Find the pasted records among the paragraphs: sets ln[].record.
 * A paragraph of four or more "Label: value" lines with as many
 * different labels, two of them a web form's or CRM record's, is a
 * record: its label lines are fields ("Budget:", "Timeline:", "UTM:"
 * need not be known) when known or when their value is a few words: a
 * seller's template ("Pain: wants written guarantees before ...") keeps
 * its sentences. One of three or more label lines with a parcel
 * tracking marker is a tracking notice, every line of it ("Guaranteed
 * delivery met." is the carrier's). A transcript repeats its speakers'
 * labels and names no form field, so it is neither.
 *
 * @param t notes
 * @param ln lines
 * @param n number of lines
 */
static void
find_records (const char *t, struct line *ln, size_t n)
{
  char l[LOOK + 1];

  for (size_t i = 0; i < n;)
  {
    uint32_t seen[16];
    unsigned n_seen = 0;
    unsigned labels = 0;
    unsigned known = 0;
    unsigned repeats = 0;
    bool parcel = false;
    size_t j = i;

    for (; j < n && ! ln[j].blank; j++)
    {
      uint32_t h;
      size_t cut;
      bool form;
      bool again = false;

      ln[j].record = 0;
      parcel = parcel || (ln[j].found & FOUND_TRACKING);
      if (NULL == memchr (t + ln[j].s, ':', ln[j].e - ln[j].s))
        continue;
      lower_line (t, ln[j].s, ln[j].e, l);
      h = label_of (l);
      if (form_question (l))
      {
        /* "What matters most to you? (pick any): A; B; C": the form's
           question and its ticked answers, a field in a record */
        labels++;
        ln[j].record = 1;
        continue;
      }
      if (0 == h)
        continue;
      labels++;
      /* a field if the paragraph proves a record: kept below or reset */
      form = labelled (l, form_labels, &cut);
      ln[j].record = form || few_words (strchr (l, ':') + 1, 5);
      known += form || labelled (l, form_free, &cut);
      for (unsigned k = 0; k < n_seen && ! again; k++)
        again = seen[k] == h;
      if (again)
        repeats++;
      else if (n_seen < 16)
        seen[n_seen++] = h;
    }
    for (size_t k = i; k < j; k++)
      if (0 == repeats && labels >= 3 && parcel)
        ln[k].record = 2;
      else if (0 != repeats || labels < 4 || known < 2)
        ln[k].record = 0;
    i = j + 1;
  }
}

/** How many " | " separators line @a l holds. */
static unsigned
pipes (const char *l)
{
  unsigned n = 0;

  for (const char *p = strstr (l, " | "); NULL != p; p = strstr (p + 3, " | "))
    n++;
  return n;
}

/**
 * Set boilerplate lines aside: fills ln[].kind.
 *
 * @param t notes
 * @param ln lines, with score_line_found() of each non-blank one
 * @param n number of lines
 */
size_t
score_clean_lines (const char *t, struct line *ln, size_t n)
{
  size_t signed_at = n; /* the first closing or "--" line */
  struct before before = { 0, false };
  char l[LOOK + 1];
  int rest = -1;        /* kind of every line from here on, -1 none */
  int sig = 0;          /* lines left in a signature block */
  bool fwd = false;     /* inside a forwarding header */
  bool pasted = false;  /* inside the quoted message a note opens with */
  bool agenda = false;  /* inside an agenda list */
  size_t para_end = 0;  /* lines up to here were judged as a paragraph */
  size_t para_from = 0; /* its kind holds from this line */
  int para_kind = -1;
  bool auto_tail = false; /* the paragraphs after an automatic reply */
  unsigned invites = 0;
  unsigned tracks = 0;

  find_records (t, ln, n);
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
    bool wrote;
    bool thread;

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
    if (classification_banner (t, x->s, x->e, l))
    {
      /* "OFFICIAL-SENSITIVE COMMERCIAL", "UNCLASSIFIED", "[EXTERNAL]":
         a marking, no content, so a header under it still opens the
         note */
      x->kind = SCORE_BOILER_DISCLAIMER;
      continue;
    }
    /* quoted replies: the rest of the note is the earlier thread; a
       note that opens with the line only pasted the buyer's message
       under it ("On Thu, ... Nomsa wrote:" then her words, as they are
       or quoted: "El vie, ... Marisol Ortega escribió:" then "> ...") */
    wrote =
      (starts (l, "on ")
       && (ends (l, len, "wrote:") || (len > 8 && next_wrote (t, ln, n, i))))
      || score_reply_banner (l, len) || named_banner (t, ln, n, i, l, len);
    if (wrote && ! content_before (ln, i, &before))
    {
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      if (! ends (l, len, ":"))
        ln[++i].kind = SCORE_BOILER_FORWARD_HEADER; /* its "wrote:" line */
      pasted = ! reply_below (t, ln, n, i + 1);
      continue;
    }
    if (pasted && '>' == l[0] && '>' == l[1 + (' ' == l[1])])
    {
      /* a deeper quote inside the pasted message ("> > Would you like a
         guarantee?", the questions she answers under): the earlier
         message, and the pasted one goes on after it */
      x->kind = SCORE_BOILER_QUOTED_REPLY;
      continue;
    }
    if (pasted && '>' == l[0] && '>' != l[1 + (' ' == l[1])])
    {
      /* a line of the message pasted under the banner: read as if
         unquoted (its closing and signature are still a signature) */
      size_t k = 1 + (' ' == l[1]);

      memmove (l, l + k, len - k + 1);
      len -= k;
      if (0 == len)
        continue;
    }
    else
      pasted = false;
    if ((x->found & FOUND_THREAD) && original_message (l)
        && (! content_before (ln, i, &before) || forwarding_lead (t, ln, i)))
    {
      /* a note that opens with it pasted that message: its headers
         follow, then the buyer's words */
      fwd = true;
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    thread = wrote || ((x->found & FOUND_THREAD) && original_message (l));
    if (thread && i + 1 < n
        && score_answered_inline (t, ln[i + 1].s, ln[n - 1].e))
    {
      /* the banner of a thread answered inline: its ">" lines are the
         earlier message, the lines between them the writer's answers */
      x->kind = SCORE_BOILER_QUOTED_REPLY;
      if (wrote && ! ends (l, len, ":"))
        ln[++i].kind = SCORE_BOILER_QUOTED_REPLY;
      while (i + 1 < n && ! ln[i + 1].blank
             && header_of_message (t, &ln[i + 1]))
        ln[++i].kind = SCORE_BOILER_QUOTED_REPLY; /* its From:, Sent: */
      continue;
    }
    if (((x->found & FOUND_THREAD) && original_message (l)) || wrote)
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
    if (((x->found & FOUND_THREAD) && score_forward_banner (l))
        || starts (l, "fwd:") || starts (l, "fw:"))
    {
      fwd = true;
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    if (reply_subject (l) && ! content_before (ln, i, &before))
    {
      /* "Re: our market outlook deck" over the note: the e-mail's
         subject, a header and not something shared */
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    if (labelled (l, foreign_from, &cut) && i + 1 < n)
    {
      char l2[LOOK + 1];
      size_t c2;

      lower_line (t, ln[i + 1].s, ln[i + 1].e, l2);
      if (labelled (l2, foreign_sent, &c2))
      {
        fwd = true; /* "De : ..." then "Envoyé : ...": a header block */
        x->kind = (content_before (ln, i, &before)
                   && ! forwarding_lead (t, ln, i))
                    ? SCORE_BOILER_QUOTED_REPLY
                    : SCORE_BOILER_FORWARD_HEADER;
        if (SCORE_BOILER_QUOTED_REPLY == x->kind)
          rest = SCORE_BOILER_QUOTED_REPLY;
        continue;
      }
    }
    if (fwd && labelled (l, foreign_headers, &cut))
    {
      x->kind = SCORE_BOILER_FORWARD_HEADER;
      continue;
    }
    if (header_line (l))
    {
      /* an Outlook reply header (From: then Sent:) after some content
         opens the quoted thread; inside a forward, or after a short lead
         that pastes it ("Pasted from Outlook. Renata's answer is on
         top"), it is a header */
      if (! fwd && starts (l, "from:") && i > 0 && i + 1 < n)
      {
        char l2[LOOK + 1];

        lower_line (t, ln[i + 1].s, ln[i + 1].e, l2);
        if ((starts (l2, "sent:") || starts (l2, "date:"))
            && content_before (ln, i, &before) && ! forwarding_lead (t, ln, i))
        {
          rest = SCORE_BOILER_QUOTED_REPLY;
          x->kind = (int8_t) rest;
          continue;
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
      para_from = i;
      if (paragraph_has (ln, n, i, FOUND_DISCLAIMER_A, FOUND_DISCLAIMER_B,
                         &end)
          && span_bytes (ln, i, end) >= 100)
      {
        /* from its first marker: a closing and a signature run straight
           into a disclaimer with no blank line between */
        para_kind = SCORE_BOILER_DISCLAIMER;
        while (para_from + 1 < end
               && ! (ln[para_from].found
                     & (FOUND_DISCLAIMER_A | FOUND_DISCLAIMER_B)))
          para_from++;
      }
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
    if (para_kind >= 0 && i >= para_from)
    {
      x->kind = (int8_t) para_kind;
      continue;
    }
    if (starts_any (l, agenda_heads) && len < 40)
    {
      agenda = true;
      x->kind = SCORE_BOILER_INVITE;
      continue;
    }
    if (agenda && list_item (l) && x->words <= 16)
    {
      /* an agenda's item, however long its topics run (a colon in it is no form field): "2. Risk &
         compliance review: patch status, backup test results, audit
         findings (20 min)" */
      x->kind = SCORE_BOILER_INVITE;
      continue;
    }
    if (labelled (l, form_free, &cut))
    {
      x->cut = (uint16_t) cut; /* the value stays: the sender's words */
      continue;
    }
    if (2 == x->record)
    {
      x->kind = SCORE_BOILER_TRACKING; /* a pasted tracking notice */
      continue;
    }
    if (1 == x->record)
    {
      x->kind = SCORE_BOILER_FORM_FIELD; /* a field of a pasted record */
      continue;
    }
    if ((tracks >= 2 && x->words <= 2 * SHORT_LINE)
        || ((x->found & FOUND_TRACKING) && tracking_line (l)))
    {
      /* a pasted tracking notice: its lines are the carrier's */
      x->kind = SCORE_BOILER_TRACKING;
      continue;
    }
    if (pipes (l) >= 2 && x->words <= 3 * SHORT_LINE && i > 0)
    {
      /* "Name | Title | Company - tagline": a signature however long
         its tagline; a sentence of the body does not run on pipes */
      x->kind = SCORE_BOILER_SIGNATURE;
      sig = sig > 0 ? sig : 12;
      if (signed_at == n)
        signed_at = i; /* the writer is named first on it */
      continue;
    }
    if (x->words > SHORT_LINE)
    {
      /* a sentence of the body: none of the line kinds below */
      sig = 0;
      agenda = false;
      continue;
    }
    if ((x->found & FOUND_RECORDING) || time_chars_only (l, len))
    {
      x->kind = SCORE_BOILER_RECORDING_HEADER;
      continue;
    }
    if ((x->found & FOUND_INVITE) || (invites >= 2 && x->words <= 12))
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
        && content_after (t, ln, n, i, 9) <= 8
        && content_before (ln, i, &before)
        && ! starts_any (l, score_greetings))
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
      x->kind = SCORE_BOILER_SIGNATURE; /* "Title | Company", "Rosa
                                           Delgado | Coordinator | CU" */
      sig = sig > 0 ? sig : 12;
      if (signed_at == n)
        signed_at = i; /* the writer may be named on it */
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
    if (sig > 0 && x->words <= (sig >= 10 ? 16 : 12)
        && len <= (sig >= 10 ? 120u : 90u) && '?' != l[len - 1])
    {
      /* name, title, company, address, tagline under a closing (a
         company's creed right under the name may run longer: "We value
         long-term relationships, honest dealing and excellence") */
      x->kind = SCORE_BOILER_SIGNATURE;
      sig--;
      continue;
    }
    sig = 0;
  }
  return signed_at;
}

bool
score_form_label (const char *w, size_t n)
{
  return in_words (form_labels, w, n) || in_words (form_free, w, n);
}
