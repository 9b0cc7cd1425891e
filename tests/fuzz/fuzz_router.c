/**
 * @file fuzz_router.c
 * @brief The path router: router_match (service/http/router.c) on the
 *        input as a path, for every method the daemon can pass it.
 *
 * Invariants: a found route has the method asked for (HEAD finds GET) and
 * as many path parameters as its template has '{', each a non-empty
 * segment without '/'; a path found for one method is known (found or
 * 405) for every other, and a 405's Allow names methods the path has;
 * no path parameter is left allocated.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../service/http/internal.h"

static const char *const methods[] = { "GET",     "HEAD",  "POST",
                                       "PUT",     "PATCH", "DELETE",
                                       "OPTIONS", "TRACE", "get" };

#define N_METHODS (sizeof (methods) / sizeof (methods[0]))

/** How many '{' @a s holds. */
static unsigned int
braces (const char *s)
{
  unsigned int n = 0;

  for (; '\0' != *s; s++)
    n += '{' == *s;
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char path[4096];
  size_t len = size >= sizeof (path) ? sizeof (path) - 1 : size;
  enum route_match got[N_METHODS];

  memcpy (path, data, len);
  path[len] = '\0';
  for (unsigned int m = 0; m < N_METHODS; m++)
  {
    const struct route *r = NULL;
    char *params[HTTP_MAX_PARAMS];
    unsigned int n = 0;
    char allow[128];

    got[m] = router_match (methods[m], path, &r, params, &n, allow,
                           sizeof (allow));
    FUZZ_CHECK (NULL != memchr (allow, '\0', sizeof (allow)));
    if (ROUTE_FOUND == got[m])
    {
      const char *want = 0 == strcmp (methods[m], "HEAD") ? "GET" : methods[m];

      FUZZ_CHECK (NULL != r);
      FUZZ_CHECK (0 == strcmp (r->method, want));
      FUZZ_CHECK (n == braces (r->path));
      FUZZ_CHECK (n <= HTTP_MAX_PARAMS);
      for (unsigned int i = 0; i < n; i++)
      {
        FUZZ_CHECK ('\0' != params[i][0]);
        FUZZ_CHECK (NULL == strchr (params[i], '/'));
        FUZZ_CHECK (NULL != strstr (path, params[i]));
        free (params[i]);
      }
    }
    else
    {
      FUZZ_CHECK (0 == n);
      if (ROUTE_NO_METHOD == got[m])
        FUZZ_CHECK ('\0' != allow[0] && NULL == strstr (allow, methods[m]));
      else
        FUZZ_CHECK ('\0' == allow[0]);
    }
  }
  /* Whether a path exists does not depend on the method. */
  for (unsigned int m = 1; m < N_METHODS; m++)
    FUZZ_CHECK ((ROUTE_NO_PATH == got[m]) == (ROUTE_NO_PATH == got[0]));
  return 0;
}
