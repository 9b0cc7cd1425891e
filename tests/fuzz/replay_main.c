/**
 * @file replay_main.c
 * @brief main() for replaying a harness without libFuzzer (the test
 *        build's fuzz_replay_<name> ctests): every file under the folders
 *        and every file named on the command line is fed once to
 *        LLVMFuzzerTestOneInput, in name order; a missing folder is
 *        skipped (crashes/<name>/ exists only once something crashed).
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

#pragma weak LLVMFuzzerInitialize

/* Set by the sanitizer runtime when there is one (the ASan test build). */
extern void __sanitizer_set_death_callback (void (*callback) (void))
  __attribute__ ((weak));

/** The input being replayed, named when the process dies on it. */
static const char *current;

/** Names the input that killed the process (async-signal-safe). */
static void
name_current (void)
{
  static const char what[] = "fuzz replay: died on ";

  if (NULL == current)
    return;
  (void) ! write (2, what, sizeof (what) - 1);
  (void) ! write (2, current, strlen (current));
  (void) ! write (2, "\n", 1);
}

/** SIGABRT/SIGSEGV without a sanitizer: name the input, then die. */
static void
on_signal (int sig)
{
  name_current ();
  signal (sig, SIG_DFL);
  raise (sig);
}

/** Feeds one file; returns 0, or -1 when it cannot be read. */
static int
replay_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  unsigned char *data;
  long size;
  size_t got;

  if (NULL == f)
    return -1;
  if (0 != fseek (f, 0, SEEK_END) || (size = ftell (f)) < 0
      || 0 != fseek (f, 0, SEEK_SET))
  {
    fclose (f);
    return -1;
  }
  /* A copy of exactly the input's size, so ASan sees reads past it. */
  data = malloc ((size_t) size + 1);
  if (NULL == data)
    abort ();
  got = fread (data, 1, (size_t) size, f);
  fclose (f);
  current = path;
  LLVMFuzzerTestOneInput (data, got);
  current = NULL;
  free (data);
  return 0;
}

/** strcmp for qsort over char *. */
static int
by_name (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/** Feeds every regular file of @a dir; returns how many, or -1. */
static long
replay_dir (const char *dir)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0;
  long done = 0;

  if (NULL == d)
    return -1;
  while (NULL != (e = readdir (d)))
  {
    if ('.' == e->d_name[0])
      continue;
    if (n == cap)
    {
      cap = 0 == cap ? 64 : 2 * cap;
      names = realloc (names, cap * sizeof (*names));
      if (NULL == names)
        abort ();
    }
    names[n] = malloc (strlen (dir) + strlen (e->d_name) + 2);
    if (NULL == names[n])
      abort ();
    sprintf (names[n], "%s/%s", dir, e->d_name);
    n++;
  }
  closedir (d);
  if (n > 1)
    qsort (names, n, sizeof (*names), by_name);
  for (size_t i = 0; i < n; i++)
  {
    struct stat st;

    if (0 == stat (names[i], &st) && S_ISREG (st.st_mode)
        && 0 == replay_file (names[i]))
      done++;
    free (names[i]);
  }
  free (names);
  return done;
}

int
main (int argc, char **argv)
{
  long total = 0;

  if (NULL != __sanitizer_set_death_callback)
    __sanitizer_set_death_callback (&name_current);
  signal (SIGABRT, &on_signal);
  signal (SIGSEGV, &on_signal);
  if (NULL != LLVMFuzzerInitialize)
    LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
  {
    struct stat st;
    long n;

    if (0 != stat (argv[i], &st))
      continue; /* no crashes/<name>/ yet */
    n = S_ISDIR (st.st_mode) ? replay_dir (argv[i])
                             : (0 == replay_file (argv[i]) ? 1 : -1);
    if (n < 0)
    {
      fprintf (stderr, "fuzz replay: cannot read %s\n", argv[i]);
      return 1;
    }
    total += n;
  }
  printf ("fuzz replay: %ld inputs, no crash\n", total);
  return total > 0 ? 0 : 1;
}
