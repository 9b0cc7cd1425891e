/**
 * @file fuzz.h
 * @brief The entry points every harness defines (libFuzzer's interface),
 *        declared once so the test build's -Wmissing-prototypes holds;
 *        libFuzzer's main or replay_main.c calls them.
 */
#ifndef RAPPORT_FUZZ_H
#define RAPPORT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/** Runs one input; returns 0 (libFuzzer reserves other values). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/**
 * One-time set-up before the first input; optional (weak in
 * replay_main.c).
 */
int LLVMFuzzerInitialize (int *argc, char ***argv);

/**
 * Stops the process on a broken invariant: an abort() that libFuzzer
 * (and the replay) reports with the input that caused it, after saying
 * what broke.
 */
#define FUZZ_CHECK(cond) \
  do \
  { \
    if (! (cond)) \
      fuzz_fail (__FILE__, __LINE__, #cond); \
  } while (0)

/** Prints the broken invariant and aborts. */
__attribute__ ((noreturn)) static inline void
fuzz_fail (const char *file, int line, const char *what)
{
  fprintf (stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  abort ();
}

#endif
