/**
 * @file synthetic.h
 * @brief Deterministic long notes assembled from a list of sentences, for
 *        the scoring benchmark and the golden test's large account.
 */
#ifndef BENCH_SYNTHETIC_H
#define BENCH_SYNTHETIC_H

#include <stddef.h>

/** How many sentences synthetic_sentences has. */
#define SYNTHETIC_N_SENTENCES 12

/** CRM-style sentences with mixed cues. */
extern const char *const synthetic_sentences[SYNTHETIC_N_SENTENCES];

/**
 * Fills @a note with exactly @a len bytes (plus a NUL) taken from
 * @a sentences, starting at sentence @a start and stepping by 7, the last
 * one cut to fit.
 *
 * @return @a len
 */
size_t synthetic_note (char *note, size_t len, const char *const *sentences,
                       size_t n_sentences, size_t start);

/**
 * Like synthetic_note(), but the sentences follow in an order drawn from
 * @a seed (a fixed pseudo-random sequence), so notes of different seeds
 * differ all along, as a real account's notes do, where synthetic_note()
 * gives only @a n_sentences distinct notes.
 *
 * @return @a len
 */
size_t
synthetic_varied_note (char *note, size_t len, const char *const *sentences,
                       size_t n_sentences, size_t seed);

#endif
