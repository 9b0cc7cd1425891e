/**
 * @file hits_main.c
 * @brief Diagnosis: print the lexicon hits of each line of stdin (cue,
 *        phrase as written, negated or not).
 *
 *     echo "never pushed back on price" | build/tests/unit/scoring/scoring_hits
 */
#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "fixture.h"
#include "../../../service/scoring/internal.h"

int
main (void)
{
  struct score_model *m = fx_model ();
  struct score_scratch *s = score_scratch_new ();
  char line[4096];

  while (NULL != fgets (line, sizeof (line), stdin))
  {
    size_t n = strcspn (line, "\n");

    score_text_analyze (m, s, line, n);
    printf ("%.*s\n", (int) n, line);
    for (size_t i = 0; i < s->n_hits; i++)
    {
      const struct score_hit *h = &s->hits[i];

      printf ("  %s%-28s %s\n",
              h->resolved     ? "(resolved) "
              : h->superseded ? "(superseded) "
              : h->negated    ? "(neg) "
                              : "",
              m->cues[h->cue].id, m->patterns[h->pattern].text);
    }
  }
  score_scratch_free (&s);
  model_free_shared (&m);
  return 0;
}
