/**
 * @file test_http_pagination.c
 * @brief Cursor pagination: complete and stable under inserts, cursors
 *        that cannot be forged or carried to other filters or tenants.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/** Creates @a n accounts named prefix-i. */
static void
make_accounts (const char *key, const char *prefix, int n)
{
  for (int i = 0; i < n; i++)
  {
    char name[64], id[64];

    snprintf (name, sizeof (name), "%s-%d", prefix, i);
    th_account_new (key, name, id);
  }
}

Test (pagination, walks_500_accounts_with_inserts_between_pages,
      .timeout = 300)
{
  struct th_org org;
  char **seen = calloc (1000, sizeof (char *));
  int n_seen = 0, pages = 0;
  char path[512] = "/v1/accounts?limit=37";

  th_org_new (&org);
  make_accounts (org.key, "seed", 500);
  for (;;)
  {
    struct th_resp r;
    json_t *data, *a, *next;
    size_t i;

    th_request ("GET", path, org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "%s", r.body);
    data = json_object_get (r.json, "data");
    cr_assert (json_array_size (data) <= 37);
    json_array_foreach (data, i, a)
    {
      const char *id = json_string_value (json_object_get (a, "id"));

      for (int k = 0; k < n_seen; k++)
        cr_assert_str_neq (seen[k], id, "account %s seen twice", id);
      seen[n_seen++] = strdup (id);
    }
    next = json_object_get (r.json, "next_cursor");
    pages++;
    /* New accounts arrive while the client pages. */
    make_accounts (org.key, "late", 3);
    if (json_is_null (next))
    {
      th_resp_free (&r);
      break;
    }
    snprintf (path, sizeof (path), "/v1/accounts?limit=37&cursor=%s",
              json_string_value (next));
    th_resp_free (&r);
  }
  cr_assert_eq (500, n_seen,
                "every seeded account exactly once, no gap "
                "(saw %d in %d pages)",
                n_seen, pages);
  cr_assert_eq (14, pages);
  for (int k = 0; k < n_seen; k++)
    free (seen[k]);
  free (seen);
}

/** Gets the first page's cursor of @a path for @a key. */
static char *
first_cursor (const char *path, const char *key)
{
  struct th_resp r;
  char *c;

  th_request ("GET", path, key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert (json_is_string (json_object_get (r.json, "next_cursor")));
  c = strdup (json_string_value (json_object_get (r.json, "next_cursor")));
  th_resp_free (&r);
  return c;
}

Test (pagination, cursors_are_bound_to_filters_and_organization)
{
  struct th_org a, b;
  struct th_resp r;
  char path[512];
  char *cursor;

  th_org_new (&a);
  th_org_new (&b);
  make_accounts (a.key, "acct", 5);
  make_accounts (b.key, "acct", 5);
  cursor = first_cursor ("/v1/accounts?limit=2", a.key);

  snprintf (path, sizeof (path), "/v1/accounts?limit=2&cursor=%s", cursor);
  th_request ("GET", path, a.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the cursor works where it was given");
  th_resp_free (&r);

  th_request ("GET", path, b.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "cursor"),
             "another organization cannot replay a cursor");
  th_resp_free (&r);

  snprintf (path, sizeof (path), "/v1/accounts?limit=2&q=acct&cursor=%s",
            cursor);
  th_request ("GET", path, a.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "cursor"), "other filters, other cursors");
  th_resp_free (&r);

  /* Flip one character: the MAC no longer matches. */
  cursor[3] = ('A' == cursor[3]) ? 'B' : 'A';
  snprintf (path, sizeof (path), "/v1/accounts?limit=2&cursor=%s", cursor);
  th_request ("GET", path, a.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?cursor=not-a-cursor!", a.key, NULL, NULL,
              &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  free (cursor);
}

Test (pagination, limit_bounds)
{
  struct th_org org;
  struct th_resp r;

  th_org_new (&org);
  make_accounts (org.key, "x", 3);
  th_request ("GET", "/v1/accounts?limit=201", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "limit"));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?limit=abc", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?limit=200", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert (json_is_null (json_object_get (r.json, "next_cursor")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?limit=1", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
}
