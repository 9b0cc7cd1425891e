/**
 * @file alloc.c
 * @brief Allocation that never returns NULL (see svc/alloc.h).
 */
#include "svc/alloc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void
util_alloc_failed (size_t n)
{
  char line[128];
  int len = snprintf (line, sizeof (line),
                      "{\"level\":\"error\",\"msg\":\"out of memory "
                      "allocating %zu bytes\"}\n",
                      n);

  /* No stdio buffers and no allocation: write(2) straight to stderr. */
  if (len > 0)
    (void) ! write (STDERR_FILENO, line, (size_t) len);
  abort ();
}

void *
util_malloc (size_t n)
{
  void *p = malloc (0 == n ? 1 : n);

  if (NULL == p)
    util_alloc_failed (n);
  return p;
}

void *
util_calloc (size_t n, size_t size)
{
  void *p = calloc (0 == n ? 1 : n, 0 == size ? 1 : size);

  if (NULL == p)
    util_alloc_failed (n * size);
  return p;
}

void *
util_realloc (void *p, size_t n)
{
  void *q = realloc (p, 0 == n ? 1 : n);

  if (NULL == q)
    util_alloc_failed (n);
  return q;
}

char *
util_strdup (const char *s)
{
  char *p = strdup (s);

  if (NULL == p)
    util_alloc_failed (strlen (s) + 1);
  return p;
}

char *
util_strndup (const char *s, size_t n)
{
  char *p = strndup (s, n);

  if (NULL == p)
    util_alloc_failed (n + 1);
  return p;
}

void
util_alloc_init (void)
{
  json_set_alloc_funcs (&util_malloc, &free);
}
