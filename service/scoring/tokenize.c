/**
 * @file tokenize.c
 * @brief The note reader's tokenizer: words, CRM shorthand, negators,
 *        clause and sentence breaks, and a per-scratch cache of what each
 *        word reads as.
 *
 * A note is cut into tokens (lowercased words; apostrophes handled; "n't"
 * and the other negators become one NEG token). Punctuation and contrast
 * words ("but", "however") mark clause breaks. Each word's stem hash comes
 * from lexicon.c (stem, then typo correction); match.c matches the
 * lexicon's phrases against the tokens.
 */
#include "svc/score.h"
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/** Largest word considered; longer ones are cut. */
#define WORD_MAX 64

/** Words that negate what follows (besides any word ending in "n't");
    "pas", "jamais", "aucun", "nunca", "não" for notes half in French,
    Spanish or Portuguese. */
static const char *const negators[] = {
  "not", "no", "never", "without", "none", "hardly", "barely", "nobody",
  "nothing", "neither", "nor", "nope", "nowhere", "cannot", "dont", "didnt",
  "doesnt", "wont", "cant", "isnt", "wasnt", "arent", "werent", "havent",
  "hasnt", "hadnt", "wouldnt", "couldnt", "shouldnt", "aint", "nt", "declines",
  "declined", "refuses", "refused", "rarely", "seldom",
  /* half-translated notes: French, Spanish and Portuguese negators */
  "pas", "jamais", "aucun", "aucune", "nunca", "n\xc3\xa3o"
};

/**
 * Resolution words: past forms of solving a problem. A service-problem cue
 * a few tokens after one ("we solved their routing problem", "fixed the
 * sync issue") or right before one ("problem solved", "the outage was
 * fixed") is a problem we solved, not a complaint. Only past forms: "need
 * to fix the outage" is still a problem. The tokenizer marks them
 * (TOK_RESOLVE); match.c applies the scope.
 */
static const char *const resolvers[] = { "solved",    "fixed",   "resolved",
                                         "sorted",    "handled", "addressed",
                                         "repaired",  "patched", "remedied",
                                         "rectified", "closed" };

/** Words that end a negation scope (contrast and clause words). */
static const char *const breakers[] = {
  "but",      "however", "although", "though",    "yet",       "whereas",
  "except",   "instead", "still",    "otherwise", "meanwhile", "anyway",
  "although", "btw",     "also",     "then",      "plus"
};

/**
 * CRM shorthand and informal spellings, read as the words they stand for
 * (notes are "short, informal": w/ for with, b4 for before, refs for
 * references). Applied to lexicon phrases too, so both sides agree.
 */
static const struct
{
  const char *word;
  const char *as;
} shorthand[] = {
  { "w", "with" },
  { "w/", "with" },
  { "w/o", "without" },
  { "w/in", "within" },
  { "b/c", "because" },
  { "bc", "because" },
  { "cuz", "because" },
  { "coz", "because" },
  { "b4", "before" },
  { "abt", "about" },
  { "fcst", "forecast" },
  { "thru", "through" },
  { "tho", "though" },
  { "altho", "although" },
  { "alot", "a lot" },
  { "v", "very" },
  { "vv", "very" },
  { "ppl", "people" },
  { "yrs", "years" },
  { "yr", "year" },
  { "wk", "week" },
  { "wks", "weeks" },
  { "hrs", "hours" },
  { "mos", "months" },
  { "mgr", "manager" },
  { "mgrs", "managers" },
  { "mngr", "manager" },
  { "mgmt", "management" },
  { "mtg", "meeting" },
  { "mtgs", "meetings" },
  { "convo", "conversation" },
  { "convos", "conversations" },
  { "ref", "reference" },
  { "refs", "references" },
  { "impl", "implementation" },
  { "q", "question" },
  { "qs", "questions" },
  { "exec", "executive" },
  { "execs", "executives" },
  { "bday", "birthday" },
  { "prob", "problem" },
  { "probs", "problems" },
  { "info", "information" },
  { "req", "requirement" },
  { "reqs", "requirements" },
  { "cust", "customer" },
  { "custs", "customers" },
  { "biz", "business" },
  { "dept", "department" },
  { "depts", "departments" },
  { "govt", "government" },
  { "gonna", "going to" },
  { "wanna", "want to" },
  { "gotta", "got to" },
  { "kinda", "kind of" },
  { "sorta", "sort of" },
  { "thx", "thanks" },
  { "tmrw", "tomorrow" },
  { "prolly", "probably" },
  { "def", "definitely" },
  { "defo", "definitely" },
  { "rly", "really" },
  { "esp", "especially" },
  { "recs", "recommendations" },
  { "sched", "schedule" },
  { "cmte", "committee" },
  { "cttee", "committee" },
  { "approx", "about" },
  { "pref", "prefers" },
  { "prefs", "preferences" },
  { "reqd", "required" },
  { "doc", "document" },
  { "dox", "docs" },
  { "guar", "guarantee" },
  { "perf", "performance" },
  { "orgs", "organizations" },
  { "cos", "companies" },
  /* "please send" is a politeness, not "pleased" (Snowball stems both
     to "pleas") */
  { "please", "pls" },
  { "plz", "pls" },
  /* "client" and "customer" are one word in a CRM note */
  { "client", "customer" },
  { "clients", "customers" },
  /* irregular past tenses, which the stemmer leaves alone: "knew
     exactly what she wanted" is "knows exactly what", "ran the whole
     meeting" is "runs the meeting" */
  { "knew", "know" },
  { "ran", "run" },
  { "took", "take" },
  { "gave", "give" },
  { "brought", "bring" },
  { "told", "tell" },
  { "sent", "send" },
  { "made", "make" },
  { "went", "go" },
  { "said", "say" },
  { "thought", "think" },
  { "felt", "feel" },
  { "kept", "keep" },
  { "met", "meet" },
  { "led", "lead" },
  { "saw", "see" },
  { "found", "find" },
  { "spent", "spend" },
  { "bought", "buy" },
  { "held", "hold" },
  { "left", "leave" },
  { "paid", "pay" },
  { "sold", "sell" },
  { "got", "get" },
  { "came", "come" },
  { "wrote", "write" },
  { "drove", "drive" },
  { "spoke", "speak" },
  { "chose", "choose" },
  { "stood", "stand" },
  { "built", "build" },
  { "lost", "lose" },
  { "won", "win" },
  { "fought", "fight" },
  { "taught", "teach" },
  { "caught", "catch" },
  { "heard", "hear" },
  { "meant", "mean" },
  { "began", "begin" },
  { "became", "become" },
  { "grew", "grow" },
  { "threw", "throw" }
};

/** Longest word of the shorthand table. */
#define SHORTHAND_MAX 7

/** Words that a following "." does not end a sentence after. */
static const char *const dot_words[] = {
  "v",    "vs",  "mr",  "mrs", "ms",  "dr", "approx", "etc",  "eg",
  "ie",   "st",  "jr",  "sr",  "inc", "co", "ltd",    "dept", "mgmt",
  "appt", "est", "min", "max", "w",   "re", "fyi",    "cc"
};
/** Multiplier of the word-key mix. */
#define KEY_MUL 0xff51afd7ed558ccdull

/** Lowercases eight word bytes at once (see word_byte). */
#define KEY_LOWER 0x2020202020202020ull

/**
 * Eight bytes as a little-endian number (one load on x86).
 *
 * @param p bytes
 * @return the number
 */
static inline uint64_t
load8 (const unsigned char *p)
{
  return (uint64_t) p[0] | (uint64_t) p[1] << 8 | (uint64_t) p[2] << 16
         | (uint64_t) p[3] << 24 | (uint64_t) p[4] << 32
         | (uint64_t) p[5] << 40 | (uint64_t) p[6] << 48
         | (uint64_t) p[7] << 56;
}

/**
 * Cache key of a word: a multiply-xorshift hash of its bytes, read eight
 * at a time, its length and the model's salt; never 0. A plain word is
 * keyed straight from the note (@a lower = KEY_LOWER lowercases it on the
 * way), a normalised one from its copy (@a lower = 0): the same word
 * gets the same key either way.
 *
 * @param w bytes
 * @param len word length
 * @param avail bytes readable from @a w (at least @a len)
 * @param salt model salt
 * @param lower KEY_LOWER or 0
 * @return key
 */
static inline uint64_t
word_key (const unsigned char *w, size_t len, size_t avail, uint64_t salt,
          uint64_t lower)
{
  uint64_t h = salt;
  uint64_t c = 0;
  size_t i = 0;
  size_t rest;

  for (; i + 8 <= len; i += 8)
  {
    h = (h ^ (load8 (w + i) | lower)) * KEY_MUL;
    h ^= h >> 32;
  }
  rest = len - i;
  if (rest > 0)
  {
    uint64_t mask = (1ull << (8 * rest)) - 1;

    if (i + 8 <= avail)
      c = load8 (w + i) & mask; /* the bytes after the word are ignored */
    else
      for (size_t k = 0; k < rest; k++)
        c |= (uint64_t) w[i + k] << (8 * k);
    c |= lower & mask;
  }
  h = (h ^ c ^ ((uint64_t) len * 0x9e3779b97f4a7c15ull)) * KEY_MUL;
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 32;
  return h | 1u;
}

/**
 * The salt of the word cache's keys: a cache filled under one model (or
 * none, for the lexicon's own phrases) is not read under another.
 *
 * @param m model (may be NULL)
 * @return salt
 */
static uint64_t
model_salt (const struct score_model *m)
{
  return (NULL == m) ? 0x9e3779b97f4a7c15ull
                     : ((uint64_t) m->n_stems << 32) ^ (uint64_t) m->n_vocab;
}

/**
 * Whether a word is in a word list.
 *
 * @param list words
 * @param n entries
 * @param w word
 * @param len bytes
 * @return true if present
 */
static bool
in_list (const char *const *list, size_t n, const char *w, size_t len)
{
  for (size_t i = 0; i < n; i++)
    if (list[i][0] == w[0] && strlen (list[i]) == len
        && 0 == memcmp (list[i], w, len))
      return true;
  return false;
}
/**
 * Token hash of one word: negators give SCORE_TOKEN_NEG, "~" the gap,
 * others their (typo-corrected) stem hash.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param w lowercased word
 * @param len bytes
 * @return the token hash
 */
static uint32_t
word_hash (const struct score_model *m, struct score_scratch *s, const char *w,
           size_t len)
{
  if (in_list (negators, sizeof (negators) / sizeof (negators[0]), w, len)
      || (len >= 3 && 0 == memcmp (w + len - 3, "n't", 3)))
    return SCORE_TOKEN_NEG;
  if (1 == len && '~' == w[0])
    return SCORE_TOKEN_GAP;
  return score_correct_typo (m, w, len, score_stem_hash (s, w, len));
}

/**
 * What one word becomes: a contrast word a clause break
 * (SCORE_ITEM_BREAK), any other word its token hash.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param w lowercased word
 * @param len bytes
 * @return the item
 */
static uint32_t
word_item (const struct score_model *m, struct score_scratch *s, const char *w,
           size_t len)
{
  if (in_list (breakers, sizeof (breakers) / sizeof (breakers[0]), w, len))
    return SCORE_ITEM_BREAK;
  return word_hash (m, s, w, len);
}

/**
 * The token flags an item of word @a w carries: TOK_NEG for a negator
 * (TOK_NEG_FWD too for "no", "without", "nobody", which govern only what
 * follows), TOK_RESOLVE for every item of a resolution word.
 *
 * @param w normalised word
 * @param len bytes
 * @param item the item's hash
 * @return TOK_* flags
 */
static uint8_t
item_flags (const char *w, size_t len, uint32_t item)
{
  uint8_t f = 0;

  if (SCORE_TOKEN_NEG == item)
  {
    f |= TOK_NEG;
    if ((2 == len && 'n' == w[0] && 'o' == w[1])
        || (7 == len && 0 == memcmp (w, "without", 7))
        || (6 == len && 0 == memcmp (w, "nobody", 6)))
      f |= TOK_NEG_FWD;
  }
  if (len >= 5 && len <= 9 && 'e' == w[len - 2] && 'd' == w[len - 1]
      && in_list (resolvers, sizeof (resolvers) / sizeof (resolvers[0]), w,
                  len))
    f |= TOK_RESOLVE;
  return f;
}

/**
 * The cache slot of the word with key @a key, or NULL.
 *
 * @param s scratch
 * @param key the word's key
 * @return the slot
 */
static inline const struct score_stem_cache *
cache_find (const struct score_scratch *s, uint64_t key)
{
  const struct score_stem_cache *slot =
    &s->cache[key & (SCORE_STEM_CACHE - 2)];

  if (slot[0].key == key)
    return &slot[0];
  if (slot[1].key == key)
    return &slot[1];
  return NULL;
}

/**
 * Fill the cache slot of a normalised word the cache does not hold:
 * shorthand expands to the words it stands for, each read by word_item.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param w normalised word
 * @param len bytes
 * @param key its key
 * @return the slot
 */
static const struct score_stem_cache *
word_items (const struct score_model *m, struct score_scratch *s,
            const char *w, size_t len, uint64_t key)
{
  /* two-way: a word that shares its slot with another common word ("to"
     and "vendors") must not evict it on every use */
  struct score_stem_cache *slot = &s->cache[key & (SCORE_STEM_CACHE - 2)];
  const char *x = NULL;

  slot[1] = slot[0];
  for (size_t i = 0;
       len <= SHORTHAND_MAX && i < sizeof (shorthand) / sizeof (shorthand[0]);
       i++)
    if (shorthand[i].word[0] == w[0] && strlen (shorthand[i].word) == len
        && 0 == memcmp (shorthand[i].word, w, len))
    {
      x = shorthand[i].as;
      break;
    }
  slot->n = 0;
  if (NULL == x)
    slot->items[slot->n++] = word_item (m, s, w, len);
  else
    while ('\0' != *x && slot->n < SCORE_WORD_ITEMS)
    {
      /* one item per word of the expansion */
      size_t k = strcspn (x, " ");

      slot->items[slot->n++] = word_item (m, s, x, k);
      x += k + (' ' == x[k]);
    }
  for (unsigned i = 0; i < slot->n; i++)
    slot->flags[i] = item_flags (w, len, slot->items[i]);
  slot->key = key;
  return slot;
}

/** Class of the ASCII bytes that have one whatever follows them: word
    bytes 1, the apostrophe 2, clause breaks 3, sentence breaks 4; 0 for
    the rest, which char_class looks at further. A plain word is made of
    class-1 bytes only (word_byte). */
static const uint8_t ascii_class[256] = {
  ['0'] = 1, ['1'] = 1,  ['2'] = 1, ['3'] = 1,  ['4'] = 1, ['5'] = 1,
  ['6'] = 1, ['7'] = 1,  ['8'] = 1, ['9'] = 1,  ['~'] = 1, ['a'] = 1,
  ['b'] = 1, ['c'] = 1,  ['d'] = 1, ['e'] = 1,  ['f'] = 1, ['g'] = 1,
  ['h'] = 1, ['i'] = 1,  ['j'] = 1, ['k'] = 1,  ['l'] = 1, ['m'] = 1,
  ['n'] = 1, ['o'] = 1,  ['p'] = 1, ['q'] = 1,  ['r'] = 1, ['s'] = 1,
  ['t'] = 1, ['u'] = 1,  ['v'] = 1, ['w'] = 1,  ['x'] = 1, ['y'] = 1,
  ['z'] = 1, ['A'] = 1,  ['B'] = 1, ['C'] = 1,  ['D'] = 1, ['E'] = 1,
  ['F'] = 1, ['G'] = 1,  ['H'] = 1, ['I'] = 1,  ['J'] = 1, ['K'] = 1,
  ['L'] = 1, ['M'] = 1,  ['N'] = 1, ['O'] = 1,  ['P'] = 1, ['Q'] = 1,
  ['R'] = 1, ['S'] = 1,  ['T'] = 1, ['U'] = 1,  ['V'] = 1, ['W'] = 1,
  ['X'] = 1, ['Y'] = 1,  ['Z'] = 1, ['\''] = 2, [','] = 3, [';'] = 3,
  ['('] = 3, [')'] = 3,  ['"'] = 3, ['['] = 3,  [']'] = 3, ['|'] = 3,
  ['*'] = 3, ['='] = 3,  ['>'] = 3, ['<'] = 3,  ['.'] = 4, ['!'] = 4,
  ['?'] = 4, ['\n'] = 4, ['\r'] = 4
};

/** Whether byte @a c is an ASCII letter, digit or "~" (a plain word's). */
static inline bool
word_byte (unsigned char c)
{
  return 1 == ascii_class[c];
}

/**
 * Whether the newline at @a p only wraps a sentence, as mail clients and
 * pasted e-mails do at 70 to 100 characters ("I'd rather take a rough
 * quarter on the\nmigration than keep paying ..."): the line it ends is
 * long (60 bytes or more) and ends in a letter or a comma, and the next
 * line opens with a lower-case letter. A short line ("Call w/ Dana\n")
 * and a line ending in punctuation still end the sentence.
 */
static bool
wrapped (const unsigned char *t, size_t len, size_t p)
{
  size_t q = p + 1;
  size_t a = p;

  if (0 == p
      || ! (('a' <= (t[p - 1] | 0x20) && (t[p - 1] | 0x20) <= 'z')
            || ',' == t[p - 1]))
    return false;
  while (q < len && ' ' == t[q])
    q++;
  if (q >= len || t[q] < 'a' || t[q] > 'z')
    return false;
  while (a > 0 && '\n' != t[a - 1] && p - a < 60)
    a--;
  return p - a >= 60;
}

/**
 * Classify the byte at @a p: word byte (1), apostrophe (2, with its byte
 * length in *n), clause break (3), sentence break (4) or space (0).
 *
 * @param t text
 * @param len text length
 * @param p position
 * @param[out] n bytes of the character
 * @return the class
 */
static inline int
char_class (const unsigned char *t, size_t len, size_t p, size_t *n)
{
  unsigned char c = t[p];

  *n = 1;
  if (ascii_class[c] > 0)
  {
    if ('\n' == c && wrapped (t, len, p))
      return 0; /* a wrapped line goes on */
    return ascii_class[c];
  }
  if (' ' == c)
    return 0; /* the most common byte after a word */
  if (0xE2 == c && p + 2 < len && 0x80 == t[p + 1])
  {
    *n = 3;
    if (0x98 == t[p + 2] || 0x99 == t[p + 2])
      return 2; /* curly apostrophes */
    if (0xA6 == t[p + 2])
      return 4; /* ellipsis */
    return 3;   /* dashes, quotes, bullets */
  }
  if (0xC2 == c && p + 1 < len && (0xA0 == t[p + 1] || 0xB7 == t[p + 1]))
  {
    *n = 2;
    return 0;
  }
  if (c >= 0x80)
    return 1;
  if ('-' == c && p > 0 && p + 1 < len && ' ' == t[p - 1] && ' ' == t[p + 1])
    return 3;
  if ('-' == c && p + 1 < len && '-' == t[p + 1])
    return 3; /* "--", a dash typed as two hyphens */
  if ('_' == c && p > 0 && p + 1 < len && word_byte (t[p - 1])
      && word_byte (t[p + 1]))
    return 1; /* "results_driven_leaders": an identifier, one word */
  return 0;
}

/**
 * Normalise a raw word: lowercase ASCII, drop "'s", turn "x'nt" forms
 * into "n't", drop other apostrophes.
 *
 * @param raw raw bytes (apostrophes as ASCII '\'')
 * @param n bytes
 * @param[out] out buffer of WORD_MAX bytes
 * @return length of the normalised word
 */
static size_t
normalize_word (const char *raw, size_t n, char *out)
{
  size_t k = 0;

  if (n >= 2 && '\'' == raw[n - 2]
      && ('s' == raw[n - 1] || 'S' == raw[n - 1] || 'd' == raw[n - 1]
          || 'D' == raw[n - 1] || 'm' == raw[n - 1] || 'M' == raw[n - 1]))
    n -= 2; /* 's, 'd ("we'd" is not "wed"), 'm */
  else if (n >= 3 && '\'' == raw[n - 3]
           && ((('l' == (raw[n - 2] | 0x20)) && 'l' == (raw[n - 1] | 0x20))
               || (('r' == (raw[n - 2] | 0x20)) && 'e' == (raw[n - 1] | 0x20))
               || (('v' == (raw[n - 2] | 0x20))
                   && 'e' == (raw[n - 1] | 0x20))))
    n -= 3; /* 'll, 're, 've */
  if (n >= 3 && 0 == memcmp (raw + n - 3, "n't", 3))
  {
    memcpy (out, "n't", 3);
    return 3;
  }
  for (size_t i = 0; i < n && k < WORD_MAX - 1; i++)
  {
    char c = raw[i];

    if ('\'' == c)
      continue;
    if (c >= 'A' && c <= 'Z')
      c = (char) (c - 'A' + 'a');
    out[k++] = c;
  }
  return k;
}

/**
 * Append the token(s) a word stands for: shorthand expands to one token
 * per word, all on the word's bytes; a contrast word adds a clause break
 * instead of a token.
 *
 * @param s scratch
 * @param c the word's cache slot
 * @param start word start
 * @param end word end
 * @param flags pending break flags
 * @param sentence sentence number
 * @return flags to carry to the next token
 */
static inline uint16_t
emit_word (struct score_scratch *s, const struct score_stem_cache *c,
           size_t start, size_t end, uint16_t flags, uint16_t sentence)
{
  for (unsigned i = 0; i < c->n; i++)
  {
    struct score_token *tok;

    if (SCORE_ITEM_BREAK == c->items[i])
    {
      flags |= TOK_CLAUSE;
      continue;
    }
    if (s->n_tokens >= s->tokens_cap)
      continue;
    tok = &s->tokens[s->n_tokens++];
    tok->hash = c->items[i];
    tok->start = (uint32_t) start;
    tok->end = (uint32_t) end;
    tok->flags = flags | c->flags[i];
    tok->sentence = sentence;
    flags = 0;
  }
  return flags;
}

/**
 * Cache slot of a plain word the cache does not know yet.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param t text
 * @param start word start
 * @param len word length (< WORD_MAX)
 * @param key its key
 * @return the slot
 */
static const struct score_stem_cache *
plain_miss (const struct score_model *m, struct score_scratch *s,
            const char *t, size_t start, size_t len, uint64_t key)
{
  char w[WORD_MAX];

  for (size_t i = 0; i < len; i++)
    w[i] = (char) (t[start + i] | 0x20); /* lowercase (see word_byte) */
  return word_items (m, s, w, len, key);
}

/**
 * Cache slot of a word with apostrophes, slashes or non-ASCII letters,
 * or one too long to key whole: normalised first (normalize_word).
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param t text
 * @param start word start
 * @param end word end
 * @param salt model salt
 * @return the slot, NULL when nothing is left of the word
 */
static const struct score_stem_cache *
odd_word (const struct score_model *m, struct score_scratch *s, const char *t,
          size_t start, size_t end, uint64_t salt)
{
  char raw[WORD_MAX];
  char w[WORD_MAX];
  const struct score_stem_cache *c;
  uint64_t k;
  size_t n = 0;
  size_t len;

  for (size_t i = start; i < end && n < WORD_MAX - 1; i++)
  {
    unsigned char ch = (unsigned char) t[i];

    if (0xE2 == ch && i + 2 < end && 0x80 == (unsigned char) t[i + 1])
    {
      raw[n++] = '\'';
      i += 2;
      continue;
    }
    raw[n++] = (char) ch;
  }
  len = normalize_word (raw, n, w);
  if (0 == len)
    return NULL;
  k = word_key ((const unsigned char *) w, len, len, salt, 0);
  if (NULL == (c = cache_find (s, k)))
    c = word_items (m, s, w, len, k);
  return c;
}

/**
 * Append the token(s) for the word at [start, end).
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param t text
 * @param start word start
 * @param end word end
 * @param plain whether the word is ASCII letters, digits and "~" only
 * @param salt model salt (model_salt)
 * @param flags pending break flags
 * @param sentence sentence number
 * @return flags to carry to the next token
 */
static inline uint16_t
push_word (const struct score_model *m, struct score_scratch *s, const char *t,
           size_t start, size_t end, bool plain, uint64_t salt, uint16_t flags,
           uint16_t sentence)
{
  const struct score_stem_cache *c;

  if (plain && end - start < WORD_MAX)
  {
    /* the common case: keyed straight from the note, copied only when
       the cache does not know it */
    uint64_t k = word_key ((const unsigned char *) t + start, end - start,
                           s->text_len - start, salt, KEY_LOWER);

    if (NULL == (c = cache_find (s, k)))
      c = plain_miss (m, s, t, start, end - start, k);
  }
  else if (NULL == (c = odd_word (m, s, t, start, end, salt)))
    return flags;
  return emit_word (s, c, start, end, flags, sentence);
}

/**
 * Whether a word (any case) is one a dot does not end a sentence after.
 *
 * @param w raw word
 * @param n bytes
 * @return true for v, vs, Mr, approx ...
 */
static bool
dot_word (const char *w, size_t n)
{
  char low[8];

  if (n >= sizeof (low))
    return false;
  for (size_t i = 0; i < n; i++)
    low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char) (w[i] - 'A' + 'a') : w[i];
  return in_list (dot_words, sizeof (dot_words) / sizeof (dot_words[0]), low,
                  n);
}

/** Spanish verbs a "no" stands before as English "not" ("no es
    relevante", "no importa"). */
static const char *const verbs_after_no[] = {
  "es",    "está",    "esta",        "son",      "era",
  "fue",   "será",    "sera",        "importa",  "interesa",
  "tiene", "tenemos", "necesitamos", "queremos", NULL
};

/**
 * An emphatic "nothing" / "nobody" is no negator: "Nothing I enjoy more
 * than working with firms that are growing", "nobody does it better
 * than them" praise what follows "than". Negator @a q loses its
 * negation when "more", "better" or "rather" then "than" follow in its
 * clause; so does a "no" that is said ("I'd rather say no honestly"),
 * and a "not" before "only" or "merely", which adds ("not only price
 * matters, service too"). A Spanish "no" before its verb ("no es
 * relevante") governs back to its subject as "not" does.
 *
 * @param s scratch with the tokens
 * @param q a negator's token
 */
static void
emphatic_negator (struct score_scratch *s, size_t q)
{
  struct score_token *t = &s->tokens[q];
  bool more = false;

  if (SCORE_TOKEN_NEG == t->hash && q > 0 && score_token_is (s, q, "no")
      && (score_token_is (s, q - 1, "say") || score_token_is (s, q - 1, "said")
          || score_token_is (s, q - 1, "says")
          || score_token_is (s, q - 1, "saying"))
      && q + 1 < s->n_tokens && ! (s->tokens[q + 1].flags & TOK_CLAUSE)
      && s->tokens[q + 1].end - s->tokens[q + 1].start > 4
      && 'l' == (s->text[s->tokens[q + 1].end - 2] | 0x20)
      && 'y' == (s->text[s->tokens[q + 1].end - 1] | 0x20))
  {
    /* "I'd rather say no honestly than overpromise": the word said, in
       a manner, is no negator ("said no to the pilot" still refuses) */
    t->hash = score_stem_hash (s, "no", 2);
    t->flags &= (uint16_t) ~(TOK_NEG | TOK_NEG_FWD);
    return;
  }
  if ((t->flags & TOK_NEG_FWD) && score_token_is (s, q, "no")
      && q + 1 < s->n_tokens && score_token_in (s, q + 1, verbs_after_no))
  {
    /* "La innovación no es relevante para nosotros": a Spanish "no"
       before its verb is English "not", and reaches back to its
       subject */
    t->flags &= (uint16_t) ~TOK_NEG_FWD;
    return;
  }
  if (SCORE_TOKEN_NEG == t->hash && score_token_is (s, q, "not")
      && q + 1 < s->n_tokens
      && (score_token_is (s, q + 1, "only")
          || score_token_is (s, q + 1, "merely")))
  {
    /* "not only price matters, service too", "help us cut the energy,
       not only report it": what follows is wanted, and more besides */
    t->hash = score_stem_hash (s, "not", 3);
    t->flags &= (uint16_t) ~(TOK_NEG | TOK_NEG_FWD);
    return;
  }
  if (SCORE_TOKEN_NEG != t->hash
      || ! (score_token_is (s, q, "nothing")
            || score_token_is (s, q, "nobody")))
    return;
  for (size_t r = q + 1;
       r < s->n_tokens && r <= q + 6 && ! (s->tokens[r].flags & TOK_CLAUSE);
       r++)
  {
    if (more && score_token_is (s, r, "than"))
    {
      t->hash = SCORE_TOKEN_EMPHATIC;
      t->flags &= (uint16_t) ~(TOK_NEG | TOK_NEG_FWD);
      return;
    }
    more = more || score_token_is (s, r, "more")
           || score_token_is (s, r, "better")
           || score_token_is (s, r, "rather");
  }
}

/**
 * Set TOK_NEG_CLAUSE on every token of each clause that holds a negator,
 * so the negation test of a match (match.c) skips the rest at once; an
 * emphatic "nothing" is no negator (emphatic_negator), and a clause goes
 * on over an aside ("The price, honestly, is not so important").
 *
 * @param s scratch with the tokens
 */
static void
mark_negated_clauses (struct score_scratch *s)
{
  for (size_t a = 0; a < s->n_tokens;)
  {
    size_t b = a + 1;
    uint16_t neg;

    if (s->tokens[a].flags & TOK_NEG)
      emphatic_negator (s, a);
    neg = s->tokens[a].flags & TOK_NEG;
    for (; b < s->n_tokens
           && (! (s->tokens[b].flags & TOK_CLAUSE)
               || score_clause_goes_on (s, b));
         b++)
      if (s->tokens[b].flags & TOK_NEG)
      {
        emphatic_negator (s, b);
        neg |= s->tokens[b].flags & TOK_NEG;
      }
    if (neg)
      for (size_t q = a; q < b; q++)
        s->tokens[q].flags |= TOK_NEG_CLAUSE;
    a = b;
  }
}

void
score_text_tokenize (const struct score_model *m, struct score_scratch *s,
                     const char *text, size_t len)
{
  const unsigned char *t = (const unsigned char *) text;
  uint16_t flags = TOK_CLAUSE | TOK_SENTENCE;
  uint16_t sentence = 0;
  size_t p = 0;
  size_t start = 0;
  bool in_word = false;
  bool plain = false; /* the word so far is ASCII word bytes only */
  uint64_t salt = model_salt (m);

  s->n_tokens = 0;
  s->text = text;
  s->text_len = len;
  if (NULL == text)
    return;
  if (len > SCORE_READ_BYTES)
    len = SCORE_READ_BYTES;
  while (p <= len)
  {
    size_t n = 1;
    int cls;

    if (in_word)
    {
      while (p < len && word_byte (t[p]))
        p++; /* the rest of an ASCII word */
      if (p < len && ' ' == t[p])
      {
        /* the common end of a word, a space: the word is read and, when
           a plain word follows the spaces, the scan goes on with it */
        flags = push_word (m, s, text, start, p, plain, salt, flags, sentence);
        in_word = false;
        while (p < len && ' ' == t[p])
          p++;
        if (p < len && word_byte (t[p]))
        {
          in_word = true;
          start = p;
          plain = true;
          continue;
        }
      }
    }
    else
      while (p < len && ' ' == t[p])
        p++; /* spaces, and boilerplate blanked to spaces */
    cls = (p < len) ? char_class (t, len, p, &n) : 0;
    if (2 == cls && in_word && p + n < len
        && 1 == char_class (t, len, p + n, &(size_t){ 0 }))
      cls = 1; /* apostrophe inside a word */
    if (p < len && '/' == t[p] && in_word && p - start == 1)
      cls = 1; /* w/ w/o b/c: one shorthand word */
    if (4 == cls && '.' == t[p] && in_word && p - start <= 6
        && dot_word (text + start, p - start)
        && (p + 1 >= len || ' ' == t[p + 1]))
    {
      /* "v. cautious", "Mr. Hollis": the dot ends the word only */
      flags = push_word (m, s, text, start, p, plain, salt, flags, sentence);
      in_word = false;
      p += n;
      continue;
    }
    if (1 == cls && ! in_word)
    {
      in_word = true;
      start = p;
      plain = word_byte (t[p]);
      if (plain)
        continue; /* the scan above reads it */
    }
    else if (1 == cls && in_word)
      plain = false; /* an apostrophe, "/" or a non-ASCII letter */
    else if (1 != cls && in_word)
    {
      in_word = false;
      flags = push_word (m, s, text, start, p, plain, salt, flags, sentence);
    }
    if (3 == cls)
      flags |= TOK_CLAUSE;
    else if (4 == cls && ! (flags & TOK_SENTENCE))
    {
      flags |= TOK_CLAUSE | TOK_SENTENCE;
      sentence++;
    }
    p += n;
  }
  mark_negated_clauses (s);
}
