/**
 * @file lexicon.c
 * @brief The note reader's words: Snowball stems and typo correction
 *        towards the lexicon's vocabulary.
 *
 * Each word is stemmed with libstemmer's English stemmer (owned by the
 * scratch, created here) and hashed; lexicon patterns are sequences of
 * such hashes. A long word whose stem the lexicon does not know is read as
 * the lexicon word one edit away. This is the one file that calls
 * libstemmer.
 */
#include "svc/score.h"
#include "internal.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

struct score_scratch *
score_scratch_new (void)
{
  struct score_scratch *s = calloc (1, sizeof (*s));

  if (NULL == s)
    return NULL;
  s->stemmer = sb_stemmer_new ("english", "UTF_8");
  s->tokens_cap = SCORE_READ_BYTES / 2 + 2;
  s->tokens = calloc (s->tokens_cap, sizeof (*s->tokens));
  s->hits_cap = 4096;
  s->hits = calloc (s->hits_cap, sizeof (*s->hits));
  s->read_text = calloc (SCORE_READ_BYTES, 1);
  s->segs = calloc (SCORE_MAX_SEGMENTS, sizeof (*s->segs));
  s->lines = calloc (SCORE_MAX_LINES, sizeof (*s->lines));
  s->tok_marks = calloc (s->tokens_cap, sizeof (*s->tok_marks));
  if (NULL == s->stemmer || NULL == s->tokens || NULL == s->hits
      || NULL == s->read_text || NULL == s->segs || NULL == s->lines
      || NULL == s->tok_marks)
    score_scratch_free (&s);
  else
    score_read_init (s);
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
  free (s->read_text);
  free (s->segs);
  free (s->lines);
  free (s->tok_marks);
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
  const char *lo = (la < lb) ? a : b; /* the shorter */
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
  /* hi holds n + 1 letters and a typed word has no NUL after them: the
     letter after the extra one exists only when i < n */
  return (i > 0 && hi[i] == hi[i - 1]) || (i < n && hi[i] == hi[i + 1]);
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
uint32_t
score_correct_typo (const struct score_model *m, const char *w, size_t len,
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
    if ((len >= min_len)
          ? one_edit (w, len, m->vocab[i], true)
          : (strlen (m->vocab[i]) >= 6 && typing_slip (w, len, m->vocab[i])))
      return m->vocab_hash[i];
  return h;
}

/**
 * Derivational suffixes whose removal by the stemmer changes a word's
 * meaning: Snowball reads "confident" and "confided" as "confid",
 * "forceful" as "force", "useful" as "use", "opinionated" as "opinion",
 * "organization" as "organ" (of "organized"), "important" as "import",
 * "decisive" as "decision", "productivity" as "product", "responsibility" as "response". A word whose stem dropped one of these keeps
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
  { "ently", 0x2002u },   { "ences", 0x2002u }, { "ence", 0x2002u },
  { "ency", 0x2002u },    { "ent", 0x2002u },   { "antly", 0x3003u },
  { "ances", 0x3003u },   { "ance", 0x3003u },  { "ancy", 0x3003u },
  { "ant", 0x3003u },     { "ively", 0x4004u }, { "ive", 0x4004u },
  { "ations", 0x5005u },  { "ation", 0x5005u }, { "ated", 0x6006u },
  { "ably", 0x7007u },    { "able", 0x7007u },  { "ability", 0x7007u },
  { "ivities", 0x4004u }, { "ivity", 0x4004u }, { "ibilities", 0x8008u },
  { "ibility", 0x8008u }, { "ible", 0x8008u },  { "ibly", 0x8008u }
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
  return fnv32 (stem, (size_t) slen)
         ^ derivation_salt (word, len, (size_t) slen);
}
