/**
 * @file route_probe.c
 * @brief Route templates and the resource table, for the tests that walk
 *        the router.
 */
#include "route_probe.h"

#include "harness.h"

#include <criterion/criterion.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/** More concurrent requests than the service has pooled connections
    (RAPPORT_THREADS, 4 in scripts/test). */
#define SETTLE_WIDTH 12

/** One round of SETTLE_WIDTH concurrent reads; the number of 503s. */
static int
settle_round (const char *key)
{
  CURLM *m = curl_multi_init ();
  CURL *c[SETTLE_WIDTH];
  struct curl_slist *h[SETTLE_WIDTH];
  char *body[SETTLE_WIDTH] = { NULL }, *headers[SETTLE_WIDTH] = { NULL };
  int running = 1, unavailable = 0;

  for (int i = 0; i < SETTLE_WIDTH; i++)
  {
    c[i] = curl_easy_init ();
    h[i] = th_curl_prepare (c[i], th_url (), "GET", "/v1/api-keys?limit=1",
                            key, NULL, &body[i], &headers[i]);
    curl_easy_setopt (c[i], CURLOPT_HTTPHEADER, h[i]);
    curl_easy_setopt (c[i], CURLOPT_TIMEOUT, 30L);
    curl_multi_add_handle (m, c[i]);
  }
  while (running > 0)
  {
    curl_multi_perform (m, &running);
    if (running > 0)
      curl_multi_poll (m, NULL, 0, 1000, NULL);
  }
  for (int i = 0; i < SETTLE_WIDTH; i++)
  {
    long status = 0;

    curl_easy_getinfo (c[i], CURLINFO_RESPONSE_CODE, &status);
    unavailable += 503 == status;
    curl_multi_remove_handle (m, c[i]);
    curl_easy_cleanup (c[i]);
    curl_slist_free_all (h[i]);
    free (body[i]);
    free (headers[i]);
  }
  curl_multi_cleanup (m);
  return unavailable;
}

void
rp_settle (const char *key)
{
  for (int round = 0; round < 100; round++)
  {
    if (0 == settle_round (key))
      return;
    usleep (100 * 1000);
  }
  cr_assert_fail ("the service still answers 503 after 100 rounds");
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
