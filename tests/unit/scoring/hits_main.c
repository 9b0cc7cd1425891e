/**
 * @file hits_main.c
 * @brief Diagnosis: print the lexicon hits of each line of stdin (cue,
 *        phrase as written, negated or not, the reading's reasons), or,
 *        with --call, read all of stdin as one call's notes and print
 *        the boilerplate set aside, who says what and every hit.
 *
 *     echo "never pushed back on price" | build/tests/unit/scoring/scoring_hits
 *     build/tests/unit/scoring/scoring_hits --call Dana < email.txt
 *     build/tests/unit/scoring/scoring_hits --call "Chang Wei" "Lo Mei" < t
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "fixture.h"
#include "../../../service/scoring/internal.h"

/** Print the hits of the last analysis. */
static void
print_hits (const struct score_model *m, const struct score_scratch *s)
{
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];

    printf ("  [%03x say%d c%d] %s%-28s %s\n", h->reasons, h->speaker,
            h->contact,
            h->resolved     ? "(resolved) "
            : h->superseded ? "(superseded) "
            : h->negated    ? "(neg) "
            : h->against    ? "(against) "
                            : "",
            m->cues[h->cue].id, m->patterns[h->pattern].text);
  }
}

/** Read stdin as one call of the contacts named in @a names (c1, c2,
    ... in that order; at most four). */
static void
one_call (const struct score_model *m, struct score_scratch *s,
          const char *const *names, int n_names)
{
  static char buf[SCORE_MAX_NOTE_BYTES];
  size_t n = fread (buf, 1, sizeof (buf), stdin);
  struct score_contact ct[4] = { { .influence = 0.8 } };
  struct score_call c = { .id = "call" };
  struct score_account_input in = { .contacts = ct,
                                    .calls = &c,
                                    .n_calls = 1 };

  if (n_names > 4)
    n_names = 4;
  for (int i = 0; i < n_names; i++)
  {
    ct[i].influence = 0.8;
    snprintf (ct[i].id, sizeof (ct[i].id), "c%d", i + 1);
    snprintf (ct[i].name, sizeof (ct[i].name), "%s", names[i]);
    snprintf (c.contact_ids[i], SCORE_ID_LEN, "c%d", i + 1);
  }
  in.n_contacts = (size_t) n_names;
  c.n_contacts = (size_t) n_names;
  c.notes = buf;
  c.notes_len = n;
  c.seller_talk_ratio = -1;
  c.questions_asked = -1;
  score_call_read (m, s, &in, &c);
  for (size_t i = 0; i < s->n_spans; i++)
    printf ("boilerplate %d [%u, %u): %.*s\n", s->spans[i].kind,
            s->spans[i].start, s->spans[i].end,
            (int) (s->spans[i].end - s->spans[i].start > 60
                     ? 60
                     : s->spans[i].end - s->spans[i].start),
            buf + s->spans[i].start);
  for (size_t i = 0; i < s->n_segs; i++)
    printf ("stretch say%d c%d label %u [%u, %u)\n", s->segs[i].speaker,
            s->segs[i].contact, s->segs[i].label, s->segs[i].start,
            s->segs[i].end);
  printf ("turn talk %.2f questions %d\n", s->turn_talk, s->turn_questions);
  for (size_t i = 0; i < s->n_hits; i++)
  {
    const struct score_hit *h = &s->hits[i];
    char ex[SCORE_EXCERPT_LEN];

    score_text_excerpt (s, h, ex);
    printf ("  [%03x say%d c%d] %s%-28s %s | %s\n", h->reasons, h->speaker,
            h->contact, h->negated ? "(neg) " : "", m->cues[h->cue].id,
            m->patterns[h->pattern].text, ex);
  }
}

int
main (int argc, char **argv)
{
  struct score_model *m = fx_model ();
  struct score_scratch *s = score_scratch_new ();
  char line[4096];

  if (argc > 1 && 0 == strcmp (argv[1], "--call"))
  {
    static const char *const dana[] = { "Dana Ruiz" };

    if (argc > 2)
      one_call (m, s, (const char *const *) argv + 2, argc - 2);
    else
      one_call (m, s, dana, 1);
  }
  else
    while (NULL != fgets (line, sizeof (line), stdin))
    {
      size_t n = strcspn (line, "\n");

      score_text_analyze (m, s, line, n);
      score_text_attribute (m, s);
      printf ("%.*s\n", (int) n, line);
      print_hits (m, s);
    }
  score_scratch_free (&s);
  model_free_shared (&m);
  return 0;
}
