/**
 * @file synthetic.c
 * @brief Deterministic long notes (see synthetic.h).
 */
#include "synthetic.h"

#include <string.h>

size_t
synthetic_note (char *note, size_t len, const char *const *sentences,
                size_t n_sentences, size_t start)
{
  size_t have = 0;

  for (size_t k = start; have < len; k += 7)
  {
    const char *s = sentences[k % n_sentences];
    size_t n = strlen (s);

    if (have + n > len)
      n = len - have;
    memcpy (note + have, s, n);
    have += n;
  }
  note[have] = '\0';
  return have;
}
