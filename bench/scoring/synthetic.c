/**
 * @file synthetic.c
 * @brief Deterministic long notes (see synthetic.h).
 */
#include "synthetic.h"

#include <string.h>

/** Sentences the notes are assembled from (CRM style, mixed cues). */
const char *const synthetic_sentences[SYNTHETIC_N_SENTENCES] = {
  "Talked with Dana about the rollout, she wants everything in writing. ",
  "Did not ask for a discount and no mention of competitors this time. ",
  "Mark ran the meeting and pushed for milestones and a weekly dashboard. ",
  "Chatted about golf and his kids before we got into the numbers. ",
  "They are getting quotes from two other vendors, procurement involved. ",
  "Shared a benchmark on freight costs, helped them cut waste by 8%. ",
  "She asked my advice on the reorg and told me in confidence about budget. ",
  "Ops lead complained about the late shipment, escalated to their VP. ",
  "Honest feedback from Ellen: best solution wins, no loyalty to vendors. ",
  "Follow-up scheduled for next Tuesday, sending the spec sheet tonight. ",
  "Nice lunch, very warm group, they never complain but had an outage. ",
  "Asked lots of questions about their plans for the new plant next year. "
};

/**
 * Append sentence @a s to the note, cut to fit its @a len bytes.
 *
 * @param note the note
 * @param have bytes in it so far
 * @param len its length
 * @param s the sentence
 * @return bytes in it now
 */
static size_t
append (char *note, size_t have, size_t len, const char *s)
{
  size_t n = strlen (s);

  if (have + n > len)
    n = len - have;
  memcpy (note + have, s, n);
  return have + n;
}

size_t
synthetic_note (char *note, size_t len, const char *const *sentences,
                size_t n_sentences, size_t start)
{
  size_t have = 0;

  for (size_t k = start; have < len; k += 7)
    have = append (note, have, len, sentences[k % n_sentences]);
  note[have] = '\0';
  return have;
}

size_t
synthetic_varied_note (char *note, size_t len, const char *const *sentences,
                       size_t n_sentences, size_t seed)
{
  size_t have = 0;
  unsigned x = (unsigned) seed * 2654435761u + 12345u;

  while (have < len)
  {
    x = x * 1103515245u + 12345u; /* a plain LCG: the same notes each run */
    have = append (note, have, len, sentences[(x >> 16) % n_sentences]);
  }
  note[have] = '\0';
  return have;
}
