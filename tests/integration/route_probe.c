/**
 * @file route_probe.c
 * @brief Route templates and the resource table, for the tests that walk
 *        the router.
 */
#include "route_probe.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct resource *
rp_resource_of (const char *path)
{
  unsigned int n;
  struct resource *const *all = resources_table (&n);

  for (unsigned int i = 0; i < n; i++)
  {
    const struct resource *r = all[i];
    size_t len = strlen (r->path);
    char under[128];

    snprintf (under, sizeof (under), "/v1/accounts/{id}/%s", r->path + 4);
    if (0 == strcmp (path, r->path) || 0 == strcmp (path, under))
      return r;
    if (0 == strncmp (path, r->path, len)
        && (0 == strcmp (path + len, "/{id}")
            || 0 == strcmp (path + len, "/by-external-id/{external_id}")))
      return r;
  }
  return NULL;
}

char *
rp_replace (const char *s, const char *from, const char *to)
{
  size_t fl = strlen (from), tl = strlen (to), n = 0;
  char *out, *o;

  for (const char *p = strstr (s, from); NULL != p; p = strstr (p + fl, from))
    n++;
  out = malloc (strlen (s) + n * tl + 1);
  cr_assert_not_null (out);
  for (o = out; *s;)
  {
    if (0 == strncmp (s, from, fl))
    {
      memcpy (o, to, tl);
      o += tl;
      s += fl;
    }
    else
      *o++ = *s++;
  }
  *o = '\0';
  return out;
}

char *
rp_path_with (const char *tmpl, const char *v)
{
  char *a = rp_replace (tmpl, "{id}", v);
  char *b = rp_replace (a, "{external_id}", v);

  free (a);
  return b;
}
