/**
 * @file internal.h
 * @brief Shared internals of the scoring engine (not part of the API).
 */
#ifndef SVC_SCORING_INTERNAL_H
#define SVC_SCORING_INTERNAL_H

#include "svc/score.h"
#include "svc/score_model.h"

#include <math.h>
#include <string.h>

/** Seconds per day. */
#define SCORE_DAY 86400.0

/** Token flags. */
#define TOK_NEG 1u      /**< a negator */
#define TOK_CLAUSE 2u   /**< a clause break precedes this token */
#define TOK_SENTENCE 4u /**< a sentence break precedes this token */
#define TOK_RESOLVE 8u  /**< a resolution word ("solved", "fixed", ...) */
#define TOK_NEG_FWD \
  16u /**< a negator that governs only what follows
                           ("without", "no"): "grow without breaking" */
#define TOK_NEG_CLAUSE \
  32u /**< the token's clause holds a negator (set once the text is
                           tokenized): a hit anywhere else is not negated */

/** One token of a note. */
struct score_token
{
  uint32_t hash;     /**< stem hash, or SCORE_TOKEN_NEG */
  uint32_t start;    /**< byte offset in the text */
  uint32_t end;      /**< byte offset one past the token */
  uint16_t flags;    /**< TOK_* */
  uint16_t sentence; /**< sentence number within the text */
};

/** One lexicon match in a text. */
struct score_hit
{
  int cue;             /**< index into model->cues */
  int pattern;         /**< index into model->patterns */
  uint32_t first;      /**< first token */
  uint32_t last;       /**< last token */
  bool negated;        /**< inside a negation scope (or resolved or
                          superseded, below): not evidence */
  bool resolved;       /**< a service problem we solved ("fixed their
                          sync issue", "problem solved") */
  bool superseded;     /**< a risk phrase inside a longer pillar phrase
                          ("before going to RFP" is trust) */
  bool against;        /**< a value the party is against ("rules slow
                          everything down", "skip the certificates") */
  bool cue_repeat;     /**< an earlier hit of the text that counts has
                          the same cue */
  bool pattern_repeat; /**< ... has the same pattern */
  uint16_t reasons;    /**< SCORE_READ_* bits from the reading (read.c) */
  uint8_t speaker;     /**< enum score_read_speaker of its stretch */
  int8_t contact;      /**< index into the call's contact_ids of the
                          buyer who said it, -1 if not known */
  uint8_t kind;        /**< its cue's enum score_target_kind, kept here so
                          the loops over hits need not load the cue */
};

/** Who a stretch of a call's text speaks for. */
enum score_read_speaker
{
  SCORE_SAY_NARRATIVE = 0, /**< the seller's own note about the call */
  SCORE_SAY_BUYER,         /**< a buyer's transcript turn */
  SCORE_SAY_SELLER,        /**< the seller's transcript turn */
  SCORE_SAY_OTHER,         /**< anyone else's turn */
  SCORE_SAY_RECORD         /**< a record section of the seller's note
                              ("Background:", "Technical notes:",
                              "Follow-ups:"): facts and to-dos, nobody's
                              behaviour */
};

/** One stretch of a call's reading text and who it speaks for. */
struct score_segment
{
  uint32_t start;  /**< byte offset in the reading text */
  uint32_t end;    /**< one past */
  uint8_t speaker; /**< enum score_read_speaker */
  int8_t contact;  /**< call contact index of the speaker, -1, or
                        SCORE_SEG_RELAYED */
  uint16_t label;  /**< speaker label number within the call, 0 = none */
};

/** score_segment.contact of a narrative stretch written by someone not
    on our side who is no call contact (a forwarded e-mail from the
    buyer's colleague): read like a note, but its "I", "we" and "our"
    are the writer's, not the seller's. On a seller's stretch: a
    colleague's note quoted ("Our AE's note: ..."), a claim about the
    relationship, not evidence of it. */
#define SCORE_SEG_RELAYED (-2)

/** One stretch set aside as boilerplate. */
struct score_span
{
  uint32_t start; /**< byte offset in the notes */
  uint32_t end;   /**< one past */
  uint8_t kind;   /**< enum score_boilerplate */
};

/** One line of a call's notes as read.c sees it. */
struct score_line
{
  uint32_t s;     /**< first byte */
  uint32_t e;     /**< one past the last byte (before '\n') */
  int8_t kind;    /**< enum score_boilerplate, -1 = content */
  bool blank;     /**< no words */
  uint8_t words;  /**< words, capped at 255 */
  uint16_t label; /**< speaker label number (1..), 0 = none */
  uint16_t cut;   /**< bytes of the label to blank */
  uint16_t found; /**< which of read.c's marker lists it holds */
  uint8_t record; /**< boilerplate.c: 1 a record's field line, 2 a line
                       of a pasted tracking notice */
};

/** A marker word of read.c's boilerplate lists, indexed by first byte. */
struct score_marker
{
  const char *text; /**< lowercased, static */
  uint8_t len;
  uint16_t bit; /**< the list's bit */
};

/** Most boilerplate markers read.c indexes. */
#define SCORE_MAX_MARKERS 256

/** Most lines of a note read.c looks at (the rest is one line). */
#define SCORE_MAX_LINES 4096
/** Slots of the marker-word table (attribute.c; a power of two, about six
    times its 317 words, so a word that is none is found absent at once). */
#define SCORE_MARK_BITS 11
#define SCORE_MARK_SLOTS (1u << SCORE_MARK_BITS)

/** Bytes of a call's reading text: the notes plus its transcript. */
#define SCORE_READ_BYTES (2 * SCORE_MAX_NOTE_BYTES)
/** Most stretches per call (further turns join the last one). */
#define SCORE_MAX_SEGMENTS 1024
/** Most boilerplate spans reported per call (all are set aside). */
#define SCORE_MAX_SPANS 64

/** Most tokens one cached word stands for (shorthand "a lot"). */
#define SCORE_WORD_ITEMS 3

/** Cache item meaning "a clause break, no token" (a contrast word). */
#define SCORE_ITEM_BREAK 3u
/** Token hash of an emphatic "nothing" ("Nothing I enjoy more than ..."):
    no negator, and no lexicon word. */
#define SCORE_TOKEN_EMPHATIC 4u

/**
 * Cached reading of one normalised word: the token hashes it becomes
 * (stem hash after typo correction, SCORE_TOKEN_NEG, SCORE_TOKEN_GAP) or
 * SCORE_ITEM_BREAK, one per word of its shorthand expansion.
 */
struct score_stem_cache
{
  uint64_t key; /**< hash of the word and model salt, 0 = empty */
  uint32_t items[SCORE_WORD_ITEMS]; /**< what the word becomes */
  uint8_t flags[SCORE_WORD_ITEMS];  /**< TOK_* each item's token carries */
  uint8_t n;                        /**< number of items */
};

/** Stem-cache slots (power of two; two-way: a word lives in one of the
    pair of slots at (key & (SCORE_STEM_CACHE - 2))). */
#define SCORE_STEM_CACHE 16384

/** Accumulated orientation evidence of one person or team. */
struct score_orient_acc
{
  double w[SCORE_ORIENTATION_COUNT];       /**< decayed positive weights */
  unsigned items[SCORE_ORIENTATION_COUNT]; /**< independent items */
  struct score_evidence_list evidence;
};

/** Pillar and risk evidence gathered over an account's calls. */
struct score_account_acc
{
  double pillar_w[SCORE_PILLAR_COUNT];
  struct score_evidence_list pillar_ev[SCORE_PILLAR_COUNT];
  double risk_w[SCORE_DRIVER_COUNT];
  struct score_evidence_list risk_ev[SCORE_DRIVER_COUNT];
  int64_t last_problem_talk; /**< newest call discussing a problem */
  unsigned trust_items;      /**< positive trust evidence items */
  uint64_t trust_kinds;      /**< bits of their kinds (cue, signal,
                                kept promise, report card) */
  bool compat_talked;        /**< a call raised compatibility: rapport
                                was seen, not only rated */
};

/** Per-thread scratch (see score.h). */
struct score_scratch
{
  struct sb_stemmer *stemmer;
  struct score_token *tokens;
  size_t tokens_cap;
  size_t n_tokens;
  struct score_hit *hits;
  size_t hits_cap;
  size_t n_hits;
  const char *text; /**< text of the last analysis (borrowed) */
  size_t text_len;
  struct score_stem_cache cache[SCORE_STEM_CACHE];
  uint32_t stamp;                            /**< generation of the marks */
  uint32_t pattern_mark[SCORE_MAX_PATTERNS]; /**< == stamp: pattern seen */
  uint32_t cue_mark[SCORE_MAX_CUES];         /**< == stamp: cue seen */
  size_t call_idx[SCORE_MAX_CALLS];          /**< selected calls */
  struct score_orient_acc accs[SCORE_MAX_CONTACTS + 1]; /**< + unattributed */
  struct score_account_acc account;
  uint32_t names[SCORE_MAX_CONTACTS][4]; /**< name word stems per contact */
  bool names_ready[SCORE_MAX_CONTACTS];  /**< names[i] filled for this
                                                  assessment */
  /* the reading of the current call (read.c) */
  char *read_text; /**< notes with boilerplate blanked, then turns */
  size_t read_len; /**< bytes used */
  struct score_segment *segs; /**< SCORE_MAX_SEGMENTS, in text order */
  size_t n_segs;
  struct score_span spans[SCORE_MAX_SPANS];
  size_t n_spans;           /**< reported spans */
  size_t n_spans_total;     /**< every span set aside */
  double turn_talk;         /**< seller's share of the turns' words, < 0
                              when the call has no two-sided turns */
  int turn_questions;       /**< questions in the seller's turns, < 0 */
  struct score_line *lines; /**< SCORE_MAX_LINES, the notes' lines */
  uint64_t *tok_marks;      /**< read.c's marker bits of each token */
  /** Name-word hashes of the call's contacts (attribute.c: a person named
      who is not one of them is someone else). */
  uint32_t call_names[SCORE_MAX_CALL_CONTACTS * 4];
  size_t n_call_names;
  /** Name words the note gives a predecessor ("took over from Marla",
      "predecessor (Mr. Albrecht)"): wherever named, that person. */
  uint32_t former_names[8];
  size_t n_former_names;
  uint32_t mark_key[SCORE_MARK_SLOTS];            /**< read.c's marker stems */
  uint64_t mark_bits[SCORE_MARK_SLOTS];           /**< and their bits */
  struct score_marker markers[SCORE_MAX_MARKERS]; /**< by first byte */
  uint16_t marker_at[257]; /**< markers[marker_at[c] .. marker_at[c+1]]
                              start with byte c */
};

/** Second-token key of "x ~ y ..." phrases: y's hash, flipped so that
    it rarely equals a plain second-token key (when it does, the groups
    merge: lookups then return a few patterns too many, never too few). */
#define SCORE_INDEX_GAPPED(h) ((h) ^ 0x80000000u)

/**
 * Second-token key of a pattern for the lookup table: its second token's
 * hash; for "x ~ y" the gapped key of y; SCORE_INDEX_ANY for one-word
 * phrases (and "x ~ ~ y").
 *
 * @param p prepared pattern
 * @return the key
 */
static inline uint32_t
score_pattern_second (const struct score_pattern *p)
{
  if (p->n_tokens < 2)
    return SCORE_INDEX_ANY;
  if (SCORE_TOKEN_GAP != p->hashes[1])
    return p->hashes[1];
  if (p->n_tokens < 3 || SCORE_TOKEN_GAP == p->hashes[2])
    return SCORE_INDEX_ANY;
  return SCORE_INDEX_GAPPED (p->hashes[2]);
}

/**
 * Home slot of a (first, second) group in the pattern lookup table.
 *
 * @param first first-token hash
 * @param second second-token key
 * @return slot index
 */
static inline uint32_t
score_index_probe (uint32_t first, uint32_t second)
{
  uint32_t h = first * 0x9E3779B1u ^ (second + 0x7F4A7C15u) * 0x85EBCA77u;

  return (h ^ (h >> 15)) & (SCORE_INDEX_SLOTS - 1);
}

/**
 * The bit of a (first, second) group in the pair filter.
 *
 * @param first first-token hash
 * @param second second-token key (not SCORE_INDEX_ANY)
 * @return bit index
 */
static inline uint32_t
score_pair_bit (uint32_t first, uint32_t second)
{
  uint32_t h = (first ^ 0x5bd1e995u) * 0x85EBCA77u ^ second * 0xC2B2AE3Du;

  return (h ^ (h >> 16)) & (SCORE_PAIR_FILTER_BITS - 1);
}

/**
 * Whether the pair filter says group (@a first, @a second) may exist.
 */
static inline bool
score_pair_maybe (const struct score_model *m, uint32_t first, uint32_t second)
{
  uint32_t b = score_pair_bit (first, second);

  return 0 != (m->pair_filter[b / 64] & (1ull << (b % 64)));
}

/**
 * Whether score_evidence_add would keep an item of this weight (so its
 * excerpt is worth cutting).
 *
 * @param l the list
 * @param weight the item's weight
 * @return true unless the list is full of items at least as strong
 */
static inline bool
score_evidence_keeps (const struct score_evidence_list *l, double weight)
{
  return l->n < SCORE_MAX_EVIDENCE
         || fabs (l->items[l->n - 1].weight) < fabs (weight);
}

/**
 * Whether token @a t of the text in @a s is the ASCII word @a w (given in
 * lowercase), in any case: "about", "rather", "think".
 */
static inline bool
score_token_is (const struct score_scratch *s, size_t t, const char *w)
{
  const char *x = s->text + s->tokens[t].start;
  size_t n = s->tokens[t].end - s->tokens[t].start;
  size_t k = 0;

  while (k < n && '\0' != w[k] && (x[k] | 0x20) == w[k])
    k++;
  return k == n && '\0' == w[k];
}

/**
 * Whether token @a t of the text in @a s is one of @a words (lowercase,
 * NULL-terminated), as score_token_is() reads each.
 */
static inline bool
score_token_in (const struct score_scratch *s, size_t t,
                const char *const *words)
{
  for (size_t i = 0; NULL != words[i]; i++)
    if (score_token_is (s, t, words[i]))
      return true;
  return false;
}

/**
 * Whether token @a q is an aside set off by commas: one word written as
 * an -ly adverb between two commas ("The price, honestly, is not so
 * important"). The clause goes on over it: the breaks before and after
 * it end nothing.
 */
static inline bool
score_aside_at (const struct score_scratch *s, size_t q)
{
  const struct score_token *t = &s->tokens[q];
  const char *w = s->text + t->end;

  if (0 == q || q + 1 >= s->n_tokens || t->end - t->start <= 3
      || 'l' != (w[-2] | 0x20) || 'y' != (w[-1] | 0x20)
      || (t->flags & TOK_SENTENCE) || ! (t->flags & TOK_CLAUSE)
      || (s->tokens[q + 1].flags & TOK_SENTENCE)
      || ! (s->tokens[q + 1].flags & TOK_CLAUSE))
    return false;
  return NULL
           != memchr (s->text + s->tokens[q - 1].end, ',',
                      t->start - s->tokens[q - 1].end)
         && NULL != memchr (w, ',', s->tokens[q + 1].start - t->end);
}

/** Whether the clause break before token @a q ends nothing: it opens an
    aside, or closes one (score_aside_at). */
static inline bool
score_clause_goes_on (const struct score_scratch *s, size_t q)
{
  return score_aside_at (s, q) || (q > 0 && score_aside_at (s, q - 1));
}

/* The note reader: tokenize.c (words, breaks), lexicon.c (stems, typo
   correction, the scratch) and match.c (phrases, negation, excerpts). */

/**
 * Tokenize, stem and match a text against the lexicon. Results stay in
 * scratch->tokens and scratch->hits until the next call. Which hits
 * repeat an earlier one (cue_repeat, pattern_repeat) is marked by
 * score_text_attribute, which every reader calls next.
 *
 * @param model prepared model
 * @param scratch scratch
 * @param text UTF-8 text (need not be NUL-terminated), may be NULL
 * @param len bytes of @a text (cut at SCORE_MAX_NOTE_BYTES)
 */
void score_text_analyze (const struct score_model *model,
                         struct score_scratch *scratch, const char *text,
                         size_t len);

/**
 * Read one call: set its boilerplate aside, split it into who says what
 * (notes with speaker labels, the transcript's turns), analyse the text
 * and mark each hit with its speaker and the reasons it may not count.
 * Results stay in the scratch until the next call.
 *
 * @param model prepared model
 * @param scratch scratch
 * @param in account data (contact names), may be NULL
 * @param c the call
 */
void score_call_read (const struct score_model *model,
                      struct score_scratch *scratch,
                      const struct score_account_input *in,
                      const struct score_call *c);

/**
 * Mark the hits of the last analysed text with the reasons they may not
 * describe the person (subject, tense, mood, irony, opposition), then
 * the repeats among those that count.
 *
 * @param m model
 * @param s scratch
 */
void
score_text_attribute (const struct score_model *m, struct score_scratch *s);

/**
 * Index of a contact id in the input, or -1.
 *
 * @param in account data
 * @param id contact id
 * @return index or -1
 */
int score_contact_index (const struct score_account_input *in, const char *id);

/**
 * Hash the words of a name (3+ letters) for note attribution.
 *
 * @param s scratch
 * @param name the name
 * @param[out] out up to 4 hashes, 0 = unused
 */
void
score_name_hashes (struct score_scratch *s, const char *name, uint32_t out[4]);

/**
 * The name hashes of contact @a ci, stemmed once per assessment.
 *
 * @param s scratch
 * @param in account data
 * @param ci contact index
 * @return four hashes (0 = unused)
 */
const uint32_t *
score_contact_names (struct score_scratch *s,
                     const struct score_account_input *in, int ci);

/**
 * Fill the scratch's table of read.c's marker words (at scratch
 * creation: it uses the tokenizer).
 *
 * @param s scratch
 */
void score_read_init (struct score_scratch *s);

/**
 * Whether a hit of the last reading counts as evidence for its cue's
 * target kind, given its speaker and reasons.
 *
 * @param m model
 * @param h the hit
 * @return true if it counts
 */
bool score_hit_counts (const struct score_model *m, const struct score_hit *h);

/**
 * Mark repeated cues and patterns among the hits that count (one item
 * per cue / phrase per text).
 *
 * @param m model
 * @param s scratch
 */
void score_mark_repeats (const struct score_model *m, struct score_scratch *s);

/**
 * Tokenize and stem a text without matching (used for lexicon patterns
 * and contact names).
 *
 * @param model model (for typo correction; NULL disables it)
 * @param scratch scratch
 * @param text UTF-8 text
 * @param len bytes of @a text
 */
void score_text_tokenize (const struct score_model *model,
                          struct score_scratch *scratch, const char *text,
                          size_t len);

/**
 * Stem hash of one lowercased word, as the tokenizer computes it.
 *
 * @param scratch scratch (stemmer)
 * @param word lowercased ASCII/UTF-8 word
 * @param len bytes
 * @return the hash (never 0, 1 or 2)
 */
uint32_t
score_stem_hash (struct score_scratch *scratch, const char *word, size_t len);

/**
 * Correct a likely typo: a long word whose stem the lexicon does not
 * know but which is one edit from a lexicon word.
 *
 * @param model model (NULL: no correction)
 * @param word lowercased word
 * @param len bytes
 * @param hash the word's own stem hash
 * @return corrected stem hash, or @a hash
 */
uint32_t score_correct_typo (const struct score_model *model, const char *word,
                             size_t len, uint32_t hash);

/**
 * Copy a short excerpt around hit @a h of the last analysed text.
 *
 * @param scratch scratch holding the analysis
 * @param h the hit
 * @param[out] out buffer of SCORE_EXCERPT_LEN bytes (valid UTF-8)
 */
void score_text_excerpt (const struct score_scratch *scratch,
                         const struct score_hit *h, char *out);

/**
 * Recency weight of a dated item.
 *
 * @param at item date (unix seconds)
 * @param as_of assessment time
 * @param half_life_days half-life in days (<= 0: no decay)
 * @return 0 when at > as_of, else 0.5^(age/half_life) in (0, 1]
 */
double score_decay (int64_t at, int64_t as_of, double half_life_days);

/**
 * Clear an evidence list.
 *
 * @param l the list
 */
void score_evidence_clear (struct score_evidence_list *l);

/**
 * Add evidence, keeping the SCORE_MAX_EVIDENCE strongest by |weight|
 * (ties keep the earlier item, so results are deterministic).
 *
 * @param l the list
 * @param e the item (copied)
 */
void score_evidence_add (struct score_evidence_list *l,
                         const struct score_evidence *e);

/**
 * Fill an evidence item.
 *
 * @param[out] e the item
 * @param source source kind
 * @param id source id (may be NULL)
 * @param at source date
 * @param signal signal, cue or rule name
 * @param weight signed weight
 */
void score_evidence_set (struct score_evidence *e, enum score_source source,
                         const char *id, int64_t at, const char *signal,
                         double weight);

/**
 * Model parameter value.
 *
 * @param m model
 * @param id parameter
 * @return its value
 */
static inline double
score_p (const struct score_model *m, enum score_param_id id)
{
  return m->params[id].value;
}

/**
 * Turn accumulated orientation weights into scores, primary, confidence
 * and guidance.
 *
 * @param m model
 * @param acc accumulated evidence
 * @param[out] out result (evidence copied from @a acc)
 */
void score_orientation_finish (const struct score_model *m,
                               const struct score_orient_acc *acc,
                               struct score_orientation_result *out);

/**
 * Add one call's orientation evidence (structured signals and the note
 * analysed in @a scratch) to the accumulators of the call's contacts.
 *
 * @param m model
 * @param in account data (contacts)
 * @param c the call
 * @param as_of assessment time
 * @param scratch scratch holding the analysis of c->notes
 * @param acc accumulators indexed like in->contacts
 * @param unattributed accumulator for calls with no known contact
 */
void score_orientation_add_call (const struct score_model *m,
                                 const struct score_account_input *in,
                                 const struct score_call *c, int64_t as_of,
                                 struct score_scratch *scratch,
                                 struct score_orient_acc *acc,
                                 struct score_orient_acc *unattributed);

/**
 * Pick the newest counted calls (occurred_at <= as_of), newest first,
 * at most the model's max_calls.
 *
 * @param m model
 * @param calls the calls
 * @param n number of calls
 * @param as_of assessment time
 * @param[out] idx indices (SCORE_MAX_CALLS entries)
 * @return number of indices
 */
size_t score_select_calls (const struct score_model *m,
                           const struct score_call *calls, size_t n,
                           int64_t as_of, size_t *idx);

/**
 * Weight of a note cue after decay and the model's note multiplier.
 *
 * @param m model
 * @param cue cue index
 * @return the cue's base weight times the note multiplier
 */
double score_cue_weight (const struct score_model *m, int cue);

/**
 * Add one call's pillar evidence (signals, topics, note cues).
 *
 * @param m model
 * @param c the call
 * @param as_of assessment time
 * @param scratch scratch holding the analysis of c->notes
 * @param acc account accumulator
 */
void score_pillars_add_call (const struct score_model *m,
                             const struct score_call *c, int64_t as_of,
                             const struct score_scratch *scratch,
                             struct score_account_acc *acc);

/**
 * Add report cards and commitments, then score the pillars.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param acc account accumulator (call evidence added)
 * @param[out] out pillars
 */
void score_pillars_finish (const struct score_model *m,
                           const struct score_account_input *in, int64_t as_of,
                           struct score_account_acc *acc,
                           struct score_pillars_result *out);

/**
 * Add one call's buyer-risk evidence (risk signals and note cues).
 *
 * @param m model
 * @param c the call
 * @param as_of assessment time
 * @param scratch scratch holding the analysis of c->notes
 * @param acc account accumulator
 */
void
score_risk_add_call (const struct score_model *m, const struct score_call *c,
                     int64_t as_of, const struct score_scratch *scratch,
                     struct score_account_acc *acc);

/**
 * Score every buyer-risk driver.
 *
 * @param m model
 * @param in account data
 * @param as_of assessment time
 * @param calls counted calls, newest first
 * @param n_calls number of counted calls
 * @param acc account accumulator (call evidence added)
 * @param a assessment with orientation, team and pillars filled
 * @param[out] out risk
 */
void score_risk_finish (const struct score_model *m,
                        const struct score_account_input *in, int64_t as_of,
                        const size_t *calls, size_t n_calls,
                        struct score_account_acc *acc,
                        const struct score_account_assessment *a,
                        struct score_buyer_risk_result *out);

/**
 * Fill the account's values fit.
 *
 * @param m model
 * @param in account data (values)
 * @param scratch scratch
 * @param[out] out values fit
 */
void score_values_assess (const struct score_model *m,
                          const struct score_account_input *in,
                          struct score_scratch *scratch,
                          struct score_values_fit_result *out);

/**
 * Sum a call's note cues for one target kind into per-index weights and
 * record evidence.
 *
 * @param m model
 * @param scratch scratch holding the analysis of the call's notes
 * @param c the call
 * @param kind target kind to collect
 * @param decay recency factor
 * @param[in,out] w weights per target index
 * @param n_w number of entries in @a w
 * @param[in,out] ev evidence lists per target index (may be NULL)
 */
void
score_collect_note_hits (const struct score_model *m,
                         const struct score_scratch *scratch,
                         const struct score_call *c,
                         enum score_target_kind kind, double decay, double *w,
                         size_t n_w, struct score_evidence_list *ev);

/**
 * Distinct phrases of one cue in one note ("late deliveries", "furious",
 * "escalate": three signs of a service problem) are more evidence than
 * one: each further distinct phrase, at most two of them, adds @a step of
 * the cue's weight for one target kind.
 *
 * @param m model
 * @param s scratch holding the reading of the call
 * @param c the call
 * @param kind target kind
 * @param step share of the cue's weight each further phrase adds, decay
 *        included
 * @param[in,out] w weights per target index
 * @param n_w number of entries in @a w
 * @param[in,out] ev evidence lists per target index
 */
void score_collect_further_phrases (const struct score_model *m,
                                    const struct score_scratch *s,
                                    const struct score_call *c,
                                    enum score_target_kind kind, double step,
                                    double *w, size_t n_w,
                                    struct score_evidence_list *ev);

#endif /* SVC_SCORING_INTERNAL_H */
