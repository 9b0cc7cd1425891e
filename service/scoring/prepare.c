/**
 * @file prepare.c
 * @brief Turn a model's lexicon text into stem hashes and lookup indices,
 *        and tell the rest of the service a model's version and limits.
 *
 * Runs once when a model is loaded; it is the one engine function that
 * allocates (a temporary sort buffer, freed before it returns).
 */
#include "svc/score.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/**
 * Compare two uint32 values for qsort.
 *
 * @param a first
 * @param b second
 * @return ordering
 */
static int
cmp_u32 (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a;
  uint32_t y = *(const uint32_t *) b;

  return (x > y) - (x < y);
}

_Static_assert(0 == (SCORE_INDEX_SLOTS & (SCORE_INDEX_SLOTS - 1)),
               "SCORE_INDEX_SLOTS must be a power of two");
_Static_assert(0 == (SCORE_INDEX_FILTER_BITS & (SCORE_INDEX_FILTER_BITS - 1)),
               "SCORE_INDEX_FILTER_BITS must be a power of two");

/** Pattern index entry while sorting. */
struct index_entry
{
  uint32_t first;  /**< first-token hash */
  uint32_t second; /**< second-token hash or SCORE_INDEX_ANY */
  int pattern;
};

/**
 * Compare index entries (first, second, then pattern) for qsort.
 *
 * @param a first
 * @param b second
 * @return ordering
 */
static int
cmp_index (const void *a, const void *b)
{
  const struct index_entry *x = a;
  const struct index_entry *y = b;

  if (x->first != y->first)
    return (x->first > y->first) - (x->first < y->first);
  if (x->second != y->second)
    return (x->second > y->second) - (x->second < y->second);
  return x->pattern - y->pattern;
}

/**
 * Compare vocabulary words for qsort (plain strcmp order).
 *
 * @param a first
 * @param b second
 * @return ordering
 */
static int
cmp_word (const void *a, const void *b)
{
  return strcmp ((const char *) a, (const char *) b);
}

/**
 * Tokenize one pattern's text into hashes.
 *
 * @param m model
 * @param s scratch
 * @param p pattern
 * @param err error buffer
 * @param err_len bytes of @a err
 * @return true when usable
 */
static bool
prepare_pattern (struct score_model *m, struct score_scratch *s,
                 struct score_pattern *p, char *err, size_t err_len)
{
  p->exact = '=' == p->text[0];
  score_text_tokenize (NULL, s, p->text + p->exact,
                       strlen (p->text + p->exact));
  for (size_t i = 0; p->exact && i < s->n_tokens; i++)
    if (SCORE_TOKEN_GAP == s->tokens[i].hash
        || SCORE_TOKEN_NEG == s->tokens[i].hash)
    {
      snprintf (err, err_len, "exact phrase \"%s\" may hold neither ~ nor NOT",
                p->text);
      return false;
    }
  if (0 == s->n_tokens || s->n_tokens > SCORE_MAX_PATTERN_TOKENS)
  {
    snprintf (err, err_len, "phrase \"%s\" must have 1 to %d words", p->text,
              SCORE_MAX_PATTERN_TOKENS);
    return false;
  }
  p->n_tokens = (int) s->n_tokens;
  p->has_negator = false;
  p->gapped = false;
  for (size_t i = 0; i < s->n_tokens; i++)
  {
    const struct score_token *t = &s->tokens[i];

    if ((i > 0 && (t->flags & TOK_CLAUSE))
        || (0 == i && t->start > strspn (p->text, "= ")))
    {
      /* inside the phrase, or a word dropped before its first one: a
         phrase that opens with "still" or "also" would match its tail
         alone */
      snprintf (err, err_len,
                "phrase \"%s\" crosses a clause break "
                "(punctuation or a contrast word)",
                p->text);
      return false;
    }
    p->hashes[i] = t->hash;
    p->has_negator = p->has_negator || SCORE_TOKEN_NEG == t->hash;
    p->gapped = p->gapped || SCORE_TOKEN_GAP == t->hash;
  }
  if (SCORE_TOKEN_GAP == p->hashes[0]
      || SCORE_TOKEN_GAP == p->hashes[p->n_tokens - 1])
  {
    snprintf (err, err_len, "phrase \"%s\" may not start or end with ~",
              p->text);
    return false;
  }
  return true;
}

/**
 * Drop adjacent duplicates from a sorted array.
 *
 * @param base array
 * @param size element size
 * @param n element count
 * @return new count
 */
static size_t
dedupe (void *base, size_t size, size_t n)
{
  char *b = base;
  size_t k = 0;

  for (size_t i = 0; i < n; i++)
    if (0 == k || 0 != memcmp (b + (k - 1) * size, b + i * size, size))
    {
      if (k != i)
        memcpy (b + k * size, b + i * size, size);
      k++;
    }
  return k;
}

/**
 * Copy the lowercased source word of token @a i of the pattern text just
 * tokenized into @a s (a shorthand token gets the shorthand as written).
 *
 * @param p pattern
 * @param s scratch holding the pattern's tokens
 * @param i token index
 * @param[out] w buffer of SCORE_WORD_LEN bytes
 */
static void
pattern_word (const struct score_pattern *p, const struct score_scratch *s,
              size_t i, char *w)
{
  const struct score_token *t = &s->tokens[i];
  size_t len = t->end - t->start;
  size_t k = 0;

  for (size_t j = 0; j < len && k < SCORE_WORD_LEN - 1; j++)
  {
    char c = p->text[p->exact + t->start + j];

    if (c >= 'A' && c <= 'Z')
      c = (char) (c - 'A' + 'a');
    w[k++] = c;
  }
  w[k] = '\0';
}

/**
 * Build the sorted stem set and the typo vocabulary.
 *
 * @param m model with prepared patterns
 * @param s scratch (patterns are tokenized again for their words)
 */
static void
build_vocab (struct score_model *m, struct score_scratch *s)
{
  /* typed words from FUZZY_MIN_LEN - 2 letters may be corrected (see
     lexicon.c), so the vocabulary keeps words from one letter shorter */
  int min_len = (int) score_p (m, SCORE_P_FUZZY_MIN_LEN) - 3;

  if (min_len < 4)
    min_len = 4;
  m->n_stems = 0;
  m->n_vocab = 0;
  for (int i = 0; i < m->n_patterns; i++)
    for (int j = 0; j < m->patterns[i].n_tokens; j++)
    {
      const struct score_pattern *p = &m->patterns[i];
      char w[SCORE_WORD_LEN];
      bool alpha = true;

      if (0 == j)
        score_text_tokenize (NULL, s, p->text + p->exact,
                             strlen (p->text + p->exact));
      pattern_word (p, s, (size_t) j, w);

      if (p->hashes[j] <= SCORE_TOKEN_NEG)
        continue;
      if (m->n_stems == SCORE_MAX_STEMS)
      {
        /* full of repeats: compact before adding more */
        qsort (m->stems, (size_t) m->n_stems, sizeof (uint32_t), cmp_u32);
        m->n_stems = (int) dedupe (m->stems, sizeof (uint32_t),
                                   (size_t) m->n_stems);
      }
      if (m->n_stems < SCORE_MAX_STEMS)
        m->stems[m->n_stems++] = p->hashes[j];
      for (const char *c = w; *c; c++)
        alpha = alpha && *c >= 'a' && *c <= 'z';
      if (alpha && (int) strlen (w) >= min_len
          && m->n_vocab == SCORE_MAX_VOCAB)
      {
        qsort (m->vocab, (size_t) m->n_vocab, SCORE_WORD_LEN, cmp_word);
        m->n_vocab = (int) dedupe (m->vocab, SCORE_WORD_LEN,
                                   (size_t) m->n_vocab);
      }
      if (alpha && (int) strlen (w) >= min_len && m->n_vocab < SCORE_MAX_VOCAB)
      {
        /* whole slot: dedupe compares all SCORE_WORD_LEN bytes, and a
               slot freed by compaction still holds an older word's tail */
        memset (m->vocab[m->n_vocab], 0, SCORE_WORD_LEN);
        score_strlcpy (m->vocab[m->n_vocab], SCORE_WORD_LEN, w);
        m->n_vocab++;
      }
    }
  qsort (m->stems, (size_t) m->n_stems, sizeof (uint32_t), cmp_u32);
  qsort (m->vocab, (size_t) m->n_vocab, SCORE_WORD_LEN, cmp_word);
  m->n_stems = (int) dedupe (m->stems, sizeof (uint32_t), (size_t) m->n_stems);
  m->n_vocab = (int) dedupe (m->vocab, SCORE_WORD_LEN, (size_t) m->n_vocab);
}

/**
 * Hash the vocabulary words and index them by first letter.
 *
 * @param m model
 * @param s scratch
 */
static void
index_vocab (struct score_model *m, struct score_scratch *s)
{
  int k = 0;

  for (int i = 0; i < m->n_vocab; i++)
    m->vocab_hash[i] = score_stem_hash (s, m->vocab[i], strlen (m->vocab[i]));
  for (int letter = 0; letter <= 26; letter++)
  {
    while (k < m->n_vocab && m->vocab[k][0] - 'a' < letter)
      k++;
    m->vocab_start[letter] = k;
  }
}

/**
 * Fill the pattern lookup table from sorted index entries: one slot per
 * (first, second) group, patterns ascending within it.
 *
 * @param m model
 * @param entries n_patterns entries sorted by cmp_index
 */
static void
build_index (struct score_model *m, const struct index_entry *entries)
{
  memset (m->index_slots, 0, sizeof (m->index_slots));
  memset (m->index_filter, 0, sizeof (m->index_filter));
  memset (m->pair_filter, 0, sizeof (m->pair_filter));
  memset (m->gapped_filter, 0, sizeof (m->gapped_filter));
  memset (m->any_filter, 0, sizeof (m->any_filter));
  for (int i = 0; i < m->n_patterns; i++)
    m->index_pattern[i] = entries[i].pattern;
  for (int i = 0; i < m->n_patterns;)
  {
    uint32_t first = entries[i].first;
    uint32_t second = entries[i].second;
    uint32_t k = score_index_probe (first, second);
    int j = i;

    while (j < m->n_patterns && entries[j].first == first
           && entries[j].second == second)
      j++;
    while (0 != m->index_slots[k].count)
      k = (k + 1) & (SCORE_INDEX_SLOTS - 1);
    m->index_slots[k] =
      (struct score_index_slot){ .first = first,
                                 .second = second,
                                 .start = (uint32_t) i,
                                 .count = (uint32_t) (j - i) };
    m->index_filter[(first & (SCORE_INDEX_FILTER_BITS - 1)) / 64] |=
      1ull << (first % 64);
    if (SCORE_INDEX_ANY == second)
      m->any_filter[(first & (SCORE_INDEX_FILTER_BITS - 1)) / 64] |=
        1ull << (first % 64);
    else
    {
      uint32_t b = score_pair_bit (first, second);

      m->pair_filter[b / 64] |= 1ull << (b % 64);
      for (int g = i; g < j; g++)
        if (SCORE_TOKEN_GAP == m->patterns[entries[g].pattern].hashes[1])
          m->gapped_filter[(first & (SCORE_INDEX_FILTER_BITS - 1)) / 64] |=
            1ull << (first % 64);
    }
    i = j;
  }
}

bool
score_model_prepare (struct score_model *m, struct score_scratch *s, char *err,
                     size_t err_len)
{
  struct index_entry *entries = NULL;
  bool ok = false;

  if (NULL == m || NULL == s || NULL == s->stemmer)
  {
    snprintf (err, err_len, "no model or no stemmer");
    goto cleanup;
  }
  if (m->n_patterns > SCORE_MAX_PATTERNS || m->n_cues > SCORE_MAX_CUES)
  {
    snprintf (err, err_len, "too many lexicon entries");
    goto cleanup;
  }
  entries = calloc ((size_t) m->n_patterns + 1, sizeof (*entries));
  if (NULL == entries)
  {
    snprintf (err, err_len, "out of memory");
    goto cleanup;
  }
  for (int i = 0; i < m->n_patterns; i++)
  {
    char why[200];

    if (! prepare_pattern (m, s, &m->patterns[i], why, sizeof (why)))
    {
      snprintf (err, err_len, "lexicon cue \"%s\": %s",
                m->cues[m->patterns[i].cue].id, why);
      goto cleanup;
    }
    entries[i].first = m->patterns[i].hashes[0];
    entries[i].second = score_pattern_second (&m->patterns[i]);
    entries[i].pattern = i;
  }
  qsort (entries, (size_t) m->n_patterns, sizeof (entries[0]), cmp_index);
  build_index (m, entries);
  build_vocab (m, s);
  index_vocab (m, s);
  memset (s->cache, 0, sizeof (s->cache));
  ok = true;
cleanup:
  free (entries);
  return ok;
}

const char *
score_model_version (const struct score_model *m)
{
  return m->version;
}

struct score_limits
score_model_limits (const struct score_model *m)
{
  return (struct score_limits){
    (unsigned int) m->params[SCORE_P_MAX_CALLS].value,
    (unsigned int) m->params[SCORE_P_MAX_CARDS].value,
    (unsigned int) m->params[SCORE_P_MAX_COMMITMENTS].value,
  };
}
