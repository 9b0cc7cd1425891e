/**
 * @file tokenize.c
 * @brief The note reader: tokenizer, Snowball stems, typo correction,
 *        phrase matching over stems and negation scope.
 *
 * A note is cut into tokens (lowercased words; apostrophes handled; "n't"
 * and the other negators become one NEG token). Punctuation and contrast
 * words ("but", "however") mark clause breaks. Each word is stemmed with
 * libstemmer's English stemmer and hashed; lexicon patterns are sequences
 * of such hashes, with "~" gaps. A match inside a negator's scope (a few
 * tokens after "not"/"no"/"never"/"without"... in the same clause, or a
 * negator right after the cue) is marked negated and is not evidence.
 */
#include "svc/score.h"
#include "internal.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/** Largest word considered; longer ones are cut. */
#define WORD_MAX 64

/** Words that negate what follows (besides any word ending in "n't"). */
static const char *const negators[] = {
  "not", "no", "never", "without", "none", "hardly", "barely", "nobody",
  "nothing", "neither", "nor", "nope", "nowhere", "cannot",
  "dont", "didnt", "doesnt", "wont", "cant", "isnt", "wasnt", "arent",
  "werent", "havent", "hasnt", "hadnt", "wouldnt", "couldnt", "shouldnt",
  "aint", "nt"
};

/**
 * Resolution words: past forms of solving a problem. A service-problem cue
 * a few tokens after one ("we solved their routing problem", "fixed the
 * sync issue") or right before one ("problem solved", "the outage was
 * fixed") is a problem we solved, not a complaint. Only past forms: "need
 * to fix the outage" is still a problem.
 */
static const char *const resolvers[] = {
  "solved", "fixed", "resolved", "sorted", "handled", "addressed",
  "repaired", "patched", "remedied", "rectified"
};

/** Tokens a resolution word may stand before a problem cue. */
#define RESOLVE_BEFORE 4
/** Tokens a resolution word may stand after a problem cue. */
#define RESOLVE_AFTER 3

/** Words that end a negation scope (contrast and clause words). */
static const char *const breakers[] = {
  "but", "however", "although", "though", "yet", "whereas", "except",
  "instead", "still", "otherwise", "meanwhile", "anyway", "although",
  "btw", "also", "then", "plus"
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
  { "w", "with" }, { "w/", "with" }, { "w/o", "without" }, { "w/in", "within" },
  { "b/c", "because" }, { "bc", "because" }, { "cuz", "because" },
  { "coz", "because" }, { "b4", "before" }, { "abt", "about" },
  { "thru", "through" }, { "tho", "though" }, { "altho", "although" },
  { "alot", "a lot" }, { "v", "very" }, { "vv", "very" }, { "ppl", "people" },
  { "yrs", "years" }, { "yr", "year" }, { "wk", "week" }, { "wks", "weeks" },
  { "hrs", "hours" }, { "mos", "months" }, { "mgr", "manager" },
  { "mgrs", "managers" }, { "mngr", "manager" }, { "mgmt", "management" },
  { "mtg", "meeting" }, { "mtgs", "meetings" }, { "convo", "conversation" },
  { "convos", "conversations" }, { "ref", "reference" },
  { "refs", "references" }, { "impl", "implementation" },
  { "q", "question" }, { "qs", "questions" }, { "exec", "executive" },
  { "execs", "executives" }, { "bday", "birthday" }, { "prob", "problem" },
  { "probs", "problems" }, { "info", "information" },
  { "req", "requirement" }, { "reqs", "requirements" },
  { "cust", "customer" }, { "custs", "customers" }, { "biz", "business" },
  { "dept", "department" }, { "depts", "departments" },
  { "govt", "government" }, { "gonna", "going to" }, { "wanna", "want to" },
  { "gotta", "got to" }, { "kinda", "kind of" }, { "sorta", "sort of" },
  { "pls", "please" }, { "plz", "please" }, { "thx", "thanks" },
  { "tmrw", "tomorrow" }, { "prolly", "probably" }, { "def", "definitely" },
  { "defo", "definitely" }, { "rly", "really" }, { "esp", "especially" },
  { "recs", "recommendations" }, { "sched", "schedule" },
  { "cmte", "committee" }, { "cttee", "committee" }, { "approx", "about" },
  { "pref", "prefers" }, { "prefs", "preferences" }, { "reqd", "required" },
  { "doc", "document" }, { "dox", "docs" },
  { "guar", "guarantee" }, { "perf", "performance" },
  { "orgs", "organizations" }, { "cos", "companies" },
  /* "client" and "customer" are one word in a CRM note */
  { "client", "customer" }, { "clients", "customers" },
  /* irregular past tenses, which the stemmer leaves alone: "knew
     exactly what she wanted" is "knows exactly what", "ran the whole
     meeting" is "runs the meeting" */
  { "knew", "know" }, { "ran", "run" }, { "took", "take" },
  { "gave", "give" }, { "brought", "bring" }, { "told", "tell" },
  { "sent", "send" }, { "made", "make" }, { "went", "go" },
  { "said", "say" }, { "thought", "think" }, { "felt", "feel" },
  { "kept", "keep" }, { "met", "meet" }, { "led", "lead" },
  { "saw", "see" }, { "found", "find" }, { "spent", "spend" },
  { "bought", "buy" }, { "held", "hold" }, { "left", "leave" },
  { "paid", "pay" }, { "sold", "sell" }, { "got", "get" },
  { "came", "come" }, { "wrote", "write" }, { "drove", "drive" },
  { "spoke", "speak" }, { "chose", "choose" }, { "stood", "stand" },
  { "built", "build" }, { "lost", "lose" }, { "won", "win" },
  { "fought", "fight" }, { "taught", "teach" }, { "caught", "catch" },
  { "heard", "hear" }, { "meant", "mean" }, { "began", "begin" },
  { "became", "become" }, { "grew", "grow" }, { "threw", "throw" }
};

/** Longest word of the shorthand table. */
#define SHORTHAND_MAX 7

/** Words that a following "." does not end a sentence after. */
static const char *const dot_words[] = {
  "v", "vs", "mr", "mrs", "ms", "dr", "approx", "etc", "eg", "ie", "st",
  "jr", "sr", "inc", "co", "ltd", "dept", "mgmt", "appt", "est", "min",
  "max", "w", "re", "fyi", "cc"
};

/**
 * 32-bit FNV-1a of a byte string, avoiding the special values 0..2.
 *
 * @param s bytes
 * @param n length
 * @return hash
 */
static uint32_t
fnv32 (const unsigned char *s, size_t n)
{
  uint32_t h = 2166136261u;

  for (size_t i = 0; i < n; i++)
    {
      h ^= s[i];
      h *= 16777619u;
    }
  return (h < 16u) ? h + 16u : h;
}

/**
 * 64-bit FNV-1a of a byte string, never 0.
 *
 * @param s bytes
 * @param n length
 * @return hash
 */
static uint64_t
fnv64 (const char *s, size_t n)
{
  uint64_t h = 1469598103934665603ull;

  for (size_t i = 0; i < n; i++)
    {
      h ^= (unsigned char) s[i];
      h *= 1099511628211ull;
    }
  return (0 == h) ? 1 : h;
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
    if (strlen (list[i]) == len && 0 == memcmp (list[i], w, len))
      return true;
  return false;
}

struct score_scratch *
score_scratch_new (void)
{
  struct score_scratch *s = calloc (1, sizeof (*s));

  if (NULL == s)
    return NULL;
  s->stemmer = sb_stemmer_new ("english", "UTF_8");
  s->tokens_cap = SCORE_MAX_NOTE_BYTES / 2 + 2;
  s->tokens = calloc (s->tokens_cap, sizeof (*s->tokens));
  s->hits_cap = 4096;
  s->hits = calloc (s->hits_cap, sizeof (*s->hits));
  if (NULL == s->stemmer || NULL == s->tokens || NULL == s->hits)
    score_scratch_free (&s);
  return s;
}

void
score_scratch_free (struct score_scratch **scratch)
{
  struct score_scratch *s;

  if (NULL == scratch || NULL == *scratch)
    return;
  s = *scratch;
  if (NULL != s->stemmer)
    sb_stemmer_delete (s->stemmer);
  free (s->tokens);
  free (s->hits);
  free (s);
  *scratch = NULL;
}

/**
 * Whether two words are one edit apart (substitution, insertion,
 * deletion or adjacent transposition).
 *
 * @param a first word
 * @param la its length
 * @param b second word (NUL-terminated)
 * @param substitution whether a substituted letter counts
 * @return true if exactly one edit apart
 */
static bool
one_edit (const char *a, size_t la, const char *b, bool substitution)
{
  size_t lb = strlen (b);
  size_t i = 0;

  if (la + 1 < lb || lb + 1 < la)
    return false;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (la == lb)
    {
      if (i == la)
        return false;
      if (substitution && 0 == memcmp (a + i + 1, b + i + 1, la - i - 1))
        return true;
      return (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i]
              && 0 == memcmp (a + i + 2, b + i + 2, la - i - 2));
    }
  if (la > lb)
    return 0 == memcmp (a + i + 1, b + i, lb - i);
  return 0 == memcmp (a + i, b + i + 1, la - i);
}

/**
 * Whether two words differ by one of the commonest typing slips that
 * rarely turns one real word into another: two adjacent letters swapped
 * ("freindly") or a doubled letter typed once or a letter doubled
 * ("sucess", "carefull").
 *
 * @param a typed word
 * @param la its length
 * @param b lexicon word (NUL-terminated)
 * @return true on such a slip
 */
static bool
typing_slip (const char *a, size_t la, const char *b)
{
  size_t lb = strlen (b);
  const char *lo = (la < lb) ? a : b;   /* the shorter */
  const char *hi = (la < lb) ? b : a;
  size_t n = (la < lb) ? la : lb;
  size_t i = 0;

  if (la == lb)
    return one_edit (a, la, b, false);
  if (la + 1 != lb && lb + 1 != la)
    return false;
  while (i < n && lo[i] == hi[i])
    i++;
  /* hi has one extra letter at i: it must repeat a neighbour */
  if (0 != memcmp (lo + i, hi + i + 1, n - i))
    return false;
  return (i > 0 && hi[i] == hi[i - 1]) || hi[i] == hi[i + 1];
}

/**
 * Whether a stem hash is one of the lexicon's stems.
 *
 * @param m model
 * @param h hash
 * @return true if known
 */
static bool
known_stem (const struct score_model *m, uint32_t h)
{
  int lo = 0;
  int hi = m->n_stems - 1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;

      if (m->stems[mid] == h)
        return true;
      if (m->stems[mid] < h)
        lo = mid + 1;
      else
        hi = mid - 1;
    }
  return false;
}

/**
 * Correct a likely typo: a long word whose stem the lexicon does not
 * know but which is one edit from a lexicon word.
 *
 * @param m model (NULL: no correction)
 * @param w lowercased word
 * @param len bytes
 * @param h the word's own stem hash
 * @return corrected stem hash, or @a h
 */
static uint32_t
correct_typo (const struct score_model *m, const char *w, size_t len,
              uint32_t h)
{
  size_t min_len;
  int letter;

  if (NULL == m || m->n_vocab <= 0)
    return h;
  min_len = (size_t) score_p (m, SCORE_P_FUZZY_MIN_LEN);
  /* long words: any one edit; shorter ones (from min_len - 2 letters):
     only a swapped or doubled/undoubled letter, towards a word of 6+
     letters ("sucess", "carefull"): a dropped letter is too often another
     real word ("contact" is not "contract") */
  if (len + 2 < min_len || known_stem (m, h) || w[0] < 'a' || w[0] > 'z')
    return h;
  letter = w[0] - 'a';
  for (int i = m->vocab_start[letter]; i < m->vocab_start[letter + 1]; i++)
    if ((len >= min_len) ? one_edit (w, len, m->vocab[i], true)
        : (strlen (m->vocab[i]) >= 6 && typing_slip (w, len, m->vocab[i])))
      return m->vocab_hash[i];
  return h;
}

/**
 * Derivational suffixes whose removal by the stemmer changes a word's
 * meaning: Snowball reads "confident" and "confided" as "confid",
 * "forceful" as "force", "useful" as "use", "opinionated" as "opinion",
 * "organization" as "organ" (of "organized"), "important" as "import",
 * "decisive" as "decision". A word whose stem dropped one of these keeps
 * a mark of it, so it matches its own family ("confidently" is
 * "confident") and no longer the bare stem's. Inflections (-s, -ed, -ing,
 * -ly alone) are unaffected.
 */
static const struct
{
  const char *suffix;
  uint32_t salt;
} derivations[] = {
  { "fulness", 0x1001u }, { "fully", 0x1001u }, { "ful", 0x1001u },
  { "ently", 0x2002u }, { "ences", 0x2002u }, { "ence", 0x2002u },
  { "ency", 0x2002u }, { "ent", 0x2002u },
  { "antly", 0x3003u }, { "ances", 0x3003u }, { "ance", 0x3003u },
  { "ancy", 0x3003u }, { "ant", 0x3003u },
  { "ively", 0x4004u }, { "ive", 0x4004u },
  { "ations", 0x5005u }, { "ation", 0x5005u },
  { "ated", 0x6006u }
};

/**
 * Mark of the derivational suffix the stemmer removed from a word, or 0.
 *
 * @param w the word (lowercase)
 * @param len its bytes
 * @param slen bytes of its stem
 * @return a salt to mix into the stem hash
 */
static uint32_t
derivation_salt (const char *w, size_t len, size_t slen)
{
  if (len < slen + 3 || len < 6)
    return 0;
  for (size_t i = 0; i < sizeof (derivations) / sizeof (derivations[0]); i++)
    {
      size_t k = strlen (derivations[i].suffix);

      /* the suffix must lie wholly in what the stemmer cut off */
      if (len >= k + slen && 0 == memcmp (w + len - k, derivations[i].suffix, k))
        return derivations[i].salt * 0x9e3779b1u;
    }
  return 0;
}

uint32_t
score_stem_hash (struct score_scratch *scratch, const char *word, size_t len)
{
  const sb_symbol *stem;
  int slen;

  stem = sb_stemmer_stem (scratch->stemmer, (const sb_symbol *) word,
                          (int) len);
  if (NULL == stem)
    return fnv32 ((const unsigned char *) word, len);
  slen = sb_stemmer_length (scratch->stemmer);
  return fnv32 (stem, (size_t) slen) ^ derivation_salt (word, len, (size_t) slen);
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
word_hash (const struct score_model *m, struct score_scratch *s,
           const char *w, size_t len)
{
  if (in_list (negators, sizeof (negators) / sizeof (negators[0]), w, len)
      || (len >= 3 && 0 == memcmp (w + len - 3, "n't", 3)))
    return SCORE_TOKEN_NEG;
  if (1 == len && '~' == w[0])
    return SCORE_TOKEN_GAP;
  return correct_typo (m, w, len, score_stem_hash (s, w, len));
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
word_item (const struct score_model *m, struct score_scratch *s,
           const char *w, size_t len)
{
  if (in_list (breakers, sizeof (breakers) / sizeof (breakers[0]), w, len))
    return SCORE_ITEM_BREAK;
  return word_hash (m, s, w, len);
}

/**
 * Look a normalised word up in the cache, filling the slot on a miss:
 * shorthand expands to the words it stands for, each read by word_item.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param w normalised word
 * @param len bytes
 * @return the slot
 */
static const struct score_stem_cache *
word_items (const struct score_model *m, struct score_scratch *s,
            const char *w, size_t len)
{
  uint64_t salt = (NULL == m) ? 0x9e3779b97f4a7c15ull
                  : ((uint64_t) m->n_stems << 32) ^ (uint64_t) m->n_vocab;
  uint64_t key = (fnv64 (w, len) ^ salt) | 1u;
  /* two-way: a word that shares its slot with another common word ("to"
     and "vendors") must not evict it on every use */
  struct score_stem_cache *slot = &s->cache[key & (SCORE_STEM_CACHE - 2)];
  const char *x = NULL;

  if (slot[0].key == key)
    return &slot[0];
  if (slot[1].key == key)
    return &slot[1];
  slot[1] = slot[0];
  for (size_t i = 0; len <= SHORTHAND_MAX && i < sizeof (shorthand) / sizeof (shorthand[0]); i++)
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
  slot->key = key;
  return slot;
}

/** ASCII bytes char_class calls word bytes (class 1). */
static const bool word_byte[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
  ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['~'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
  ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
  ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
  ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
  ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
  ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
  ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1
};

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
static int
char_class (const unsigned char *t, size_t len, size_t p, size_t *n)
{
  unsigned char c = t[p];

  *n = 1;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
      || (c >= '0' && c <= '9') || '~' == c)
    return 1;
  if ('\'' == c)
    return 2;
  if ('.' == c || '!' == c || '?' == c || '\n' == c || '\r' == c)
    return 4;
  if (',' == c || ';' == c || '(' == c || ')' == c
      || '"' == c || '[' == c || ']' == c || '|' == c || '*' == c
      || '=' == c || '>' == c || '<' == c)
    return 3;
  if (0xE2 == c && p + 2 < len && 0x80 == t[p + 1])
    {
      *n = 3;
      if (0x98 == t[p + 2] || 0x99 == t[p + 2])
        return 2;               /* curly apostrophes */
      if (0xA6 == t[p + 2])
        return 4;               /* ellipsis */
      return 3;                 /* dashes, quotes, bullets */
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

  if (n >= 2 && '\'' == raw[n - 2] && ('s' == raw[n - 1] || 'S' == raw[n - 1]
                                       || 'd' == raw[n - 1] || 'D' == raw[n - 1]
                                       || 'm' == raw[n - 1] || 'M' == raw[n - 1]))
    n -= 2;                     /* 's, 'd ("we'd" is not "wed"), 'm */
  else if (n >= 3 && '\'' == raw[n - 3]
           && ((('l' == (raw[n - 2] | 0x20)) && 'l' == (raw[n - 1] | 0x20))
               || (('r' == (raw[n - 2] | 0x20)) && 'e' == (raw[n - 1] | 0x20))
               || (('v' == (raw[n - 2] | 0x20)) && 'e' == (raw[n - 1] | 0x20))))
    n -= 3;                     /* 'll, 're, 've */
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
 * Append the token(s) for the word at [start, end): shorthand expands
 * to one token per word, all on the same bytes; a contrast word adds a
 * clause break instead of a token.
 *
 * @param m model (may be NULL)
 * @param s scratch
 * @param t text
 * @param start word start
 * @param end word end
 * @param flags pending break flags
 * @param sentence sentence number
 * @return flags to carry to the next token
 */
static uint16_t
push_word (const struct score_model *m, struct score_scratch *s,
           const char *t, size_t start, size_t end, uint16_t flags,
           uint16_t sentence)
{
  char raw[WORD_MAX];
  char w[WORD_MAX];
  const struct score_stem_cache *c;
  size_t n = 0;
  size_t len;

  /* most words are plain ASCII letters and digits: lowercase them in one
     pass (what normalize_word does to such a word) */
  len = 0;
  if (end - start < WORD_MAX)
    for (size_t i = start; i < end; i++)
      {
        unsigned char ch = (unsigned char) t[i];

        if (!word_byte[ch])
          {
            len = 0;
            break;
          }
        w[len++] = (char) ((ch >= 'A' && ch <= 'Z') ? ch - 'A' + 'a' : ch);
      }
  if (0 == len)
    {
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
    }
  if (0 == len)
    return flags;
  c = word_items (m, s, w, len);
  for (uint32_t i = 0; i < c->n; i++)
    {
      struct score_token *tok;

      if (s->n_tokens >= s->tokens_cap)
        continue;
      if (SCORE_ITEM_BREAK == c->items[i])
        {
          flags |= TOK_CLAUSE;
          continue;
        }
      tok = &s->tokens[s->n_tokens++];
      tok->hash = c->items[i];
      tok->start = (uint32_t) start;
      tok->end = (uint32_t) end;
      tok->flags = flags | (SCORE_TOKEN_NEG == tok->hash ? TOK_NEG : 0);
      if (len >= 5 && len <= 9 && 'e' == w[len - 2] && 'd' == w[len - 1]
          && in_list (resolvers, sizeof (resolvers) / sizeof (resolvers[0]),
                      w, len))
        tok->flags |= TOK_RESOLVE;
      tok->sentence = sentence;
      flags = 0;
    }
  return flags;
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
  return in_list (dot_words, sizeof (dot_words) / sizeof (dot_words[0]), low, n);
}

void
score_text_tokenize (const struct score_model *m,
                     struct score_scratch *s, const char *text, size_t len)
{
  const unsigned char *t = (const unsigned char *) text;
  uint16_t flags = TOK_CLAUSE | TOK_SENTENCE;
  uint16_t sentence = 0;
  size_t p = 0;
  size_t start = 0;
  bool in_word = false;

  s->n_tokens = 0;
  s->text = text;
  s->text_len = len;
  if (NULL == text)
    return;
  if (len > SCORE_MAX_NOTE_BYTES)
    len = SCORE_MAX_NOTE_BYTES;
  while (p <= len)
    {
      size_t n = 1;
      int cls;

      if (in_word)
        while (p < len && word_byte[t[p]])
          p++;                  /* the rest of an ASCII word */
      cls = (p < len) ? char_class (t, len, p, &n) : 0;
      if (2 == cls && in_word && p + n < len
          && 1 == char_class (t, len, p + n, &(size_t) { 0 }))
        cls = 1;                /* apostrophe inside a word */
      if (p < len && '/' == t[p] && in_word && p - start == 1)
        cls = 1;                /* w/ w/o b/c: one shorthand word */
      if (4 == cls && '.' == t[p] && in_word && p - start <= 6
          && dot_word (text + start, p - start)
          && (p + 1 >= len || ' ' == t[p + 1]))
        {
          /* "v. cautious", "Mr. Hollis": the dot ends the word only */
          flags = push_word (m, s, text, start, p, flags, sentence);
          in_word = false;
          p += n;
          continue;
        }
      if (1 == cls && !in_word)
        {
          in_word = true;
          start = p;
        }
      else if (1 != cls && in_word)
        {
          in_word = false;
          flags = push_word (m, s, text, start, p, flags, sentence);
        }
      if (3 == cls)
        flags |= TOK_CLAUSE;
      else if (4 == cls && !(flags & TOK_SENTENCE))
        {
          flags |= TOK_CLAUSE | TOK_SENTENCE;
          sentence++;
        }
      p += n;
    }
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
          const struct score_pattern *pat, size_t ti, int pi,
          uint32_t *last, bool *gap_neg)
{
  if (pi == pat->n_tokens)
    {
      *last = (uint32_t) (ti - 1);
      return true;
    }
  if (SCORE_TOKEN_GAP == pat->hashes[pi])
    {
      int gmax = (int) score_p (m, SCORE_P_GAP_MAX);

      for (int k = 0; k <= gmax; k++)
        {
          size_t tj = ti + (size_t) k;
          bool neg = false;

          if (tj >= s->n_tokens || (s->tokens[tj].flags & TOK_CLAUSE))
            return false;       /* a phrase stays inside one clause */
          for (size_t q = ti; q < tj; q++)
            neg = neg || (s->tokens[q].flags & TOK_NEG);
          if (match_at (m, s, pat, tj, pi + 1, last, gap_neg))
            {
              *gap_neg = *gap_neg || neg;
              return true;
            }
        }
      return false;
    }
  if (ti >= s->n_tokens || s->tokens[ti].hash != pat->hashes[pi])
    return false;
  if (pi > 0 && (s->tokens[ti].flags & TOK_CLAUSE))
    return false;
  return match_at (m, s, pat, ti + 1, pi + 1, last, gap_neg);
}

/**
 * Whether the match [first, last] sits in a negation scope.
 *
 * @param m model
 * @param s scratch
 * @param first first token
 * @param last last token
 * @return true if negated
 */
static bool
negated (const struct score_model *m, const struct score_scratch *s,
         uint32_t first, uint32_t last)
{
  size_t before = (size_t) score_p (m, SCORE_P_NEGATION_WINDOW);
  size_t after = (size_t) score_p (m, SCORE_P_NEGATION_AFTER);

  for (size_t q = first; q > 0 && first - q < before; q--)
    {
      if (s->tokens[q].flags & TOK_CLAUSE)
        break;
      if (s->tokens[q - 1].flags & TOK_NEG)
        return true;
    }
  for (size_t q = (size_t) last + 1; q < s->n_tokens && q - last <= after; q++)
    {
      if (s->tokens[q].flags & TOK_CLAUSE)
        break;
      if (s->tokens[q].flags & TOK_NEG)
        return true;
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
  return negated (m, s, (uint32_t) r, (uint32_t) r);
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
 * A positive pillar phrase that strictly contains a positive risk phrase
 * reads those words: "asked our advice before going to RFP" is coming to
 * us first (trust), not shopping around; "season tickets" is not a
 * support ticket. The contained risk hit is superseded (not evidence).
 *
 * @param m model
 * @param s scratch
 */
static void
supersede_risk (const struct score_model *m, struct score_scratch *s)
{
  for (size_t i = 0; i < s->n_hits; i++)
    {
      const struct score_hit *p = &s->hits[i];
      const struct score_cue *pc = &m->cues[p->cue];
      size_t lo = (i > 32) ? i - 32 : 0;
      size_t hi = (i + 32 < s->n_hits) ? i + 32 : s->n_hits;

      if (p->negated || SCORE_TARGET_PILLAR != pc->target.kind
          || pc->weight <= 0.0)
        continue;
      for (size_t j = lo; j < hi; j++)
        {
          struct score_hit *d = &s->hits[j];
          const struct score_cue *dc = &m->cues[d->cue];

          if (SCORE_TARGET_RISK != dc->target.kind || dc->weight <= 0.0
              || d->negated)
            continue;
          if (p->first <= d->first && p->last >= d->last
              && p->last - p->first > d->last - d->first)
            {
              d->negated = true;
              d->superseded = true;
            }
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
  enum score_target_kind kind = m->cues[h->cue].target.kind;

  for (size_t i = s->n_hits; i > 0; i--)
    {
      struct score_hit *o = &s->hits[i - 1];
      bool overlap = !(o->last < h->first || h->last < o->first);
      uint32_t lo = o->last - o->first;
      uint32_t lh = h->last - h->first;

      if (o->last + 8 < h->first)
        break;
      if (!overlap || m->cues[o->cue].target.kind != kind)
        continue;
      if (o->cue == h->cue)
        {
          if (o->negated && !h->negated && lh >= lo)
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
  struct score_hit hit = { 0 };
  bool gap_neg = false;

  if (!match_at (m, s, pat, ti, 0, &hit.last, &gap_neg))
    return;
  hit.cue = pat->cue;
  hit.pattern = pi;
  hit.first = (uint32_t) ti;
  hit.negated = gap_neg || negated (m, s, hit.first, hit.last);
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
static void
mark_repeats (const struct score_model *m, struct score_scratch *s)
{
  uint32_t stamp;

  (void) m;
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
      if (!h->negated)
        {
          s->cue_mark[h->cue] = stamp;
          s->pattern_mark[h->pattern] = stamp;
        }
    }
}

/** Most tokens a "~" may skip that the lookup handles (model.c allows
    up to 6). */
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

      if (!(m->index_filter[(h & (SCORE_INDEX_FILTER_BITS - 1)) / 64]
            & (1ull << (h % 64))))
        continue;
      list[n_lists] = index_group (m, h, SCORE_INDEX_ANY, &left[n_lists]);
      n_lists += left[n_lists] > 0;
      for (int k = 0; k <= gmax; k++)
        {
          size_t tj = ti + 1 + (size_t) k;

          if (tj >= s->n_tokens || (s->tokens[tj].flags & TOK_CLAUSE))
            break;
          if (0 == k)
            {
              list[n_lists] = index_group (m, h, s->tokens[tj].hash,
                                           &left[n_lists]);
              n_lists += left[n_lists] > 0;
            }
          list[n_lists] = index_group (m, h,
                                       SCORE_INDEX_GAPPED (s->tokens[tj].hash),
                                       &left[n_lists]);
          n_lists += left[n_lists] > 0;
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
  mark_repeats (m, s);
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
    if ('.' == s->text[i - 1] || '\n' == s->text[i - 1] || '!' == s->text[i - 1]
        || '?' == s->text[i - 1])
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
