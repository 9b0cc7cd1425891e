/**
 * @file test_http_idempotency.c
 * @brief Idempotent creates of sellers, contacts, calls, report cards
 *        and commitments: a retry with the same Idempotency-Key replays
 *        the first 201 (ETag included), a reuse with another body is a
 *        422.  Accounts' and batches' retries are tested with them.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "spawn.h"

static struct th_org org;

/** Gives each test an organization of its own. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (idempotency, .init = setup);

Test (idempotency, idempotent_retry_for_every_resource)
{
  char acct[64];
  struct th_resp a, b, c;

  th_account_new (org.key, "Acme", acct);
  {
    const struct
    {
      const char *list, *body, *other;
    } cases[] = {
      { "/v1/sellers", "{\"name\":\"Sam\"}", "{\"name\":\"Kim\"}" },
      { th_fmt ("/v1/accounts/%s/contacts", acct), "{\"name\":\"Dana\"}",
        "{\"name\":\"Eve\"}" },
      { th_fmt ("/v1/accounts/%s/calls", acct),
        "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}",
        "{\"occurred_at\":\"2025-01-02T00:00:00Z\"}" },
      { th_fmt ("/v1/accounts/%s/report-cards", acct),
        "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":5}}",
        "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
        "{\"overall\":1}}" },
      { th_fmt ("/v1/accounts/%s/commitments", acct),
        "{\"description\":\"Demo\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
        "{\"description\":\"Quote\",\"made_at\":\"2025-01-01T00:00:00Z\"}" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      char key[64];
      const char *h[] = { "Content-Type: application/json", key, NULL };
      char *replayed, *l1, *l2;

      snprintf (key, sizeof (key), "Idempotency-Key: retry-%zu", i);
      th_request ("POST", cases[i].list, org.key, cases[i].body, h, &a);
      cr_assert_eq (201, a.status, "%s: %s", cases[i].list, a.body);
      th_request ("POST", cases[i].list, org.key, cases[i].body, h, &b);
      cr_assert_eq (201, b.status, "%s: %s", cases[i].list, b.body);
      cr_assert_str_eq (a.body, b.body, "the retry gets the same resource");
      replayed = th_header (&b, "Idempotent-Replayed");
      cr_assert_not_null (replayed, "%s", cases[i].list);
      cr_assert_str_eq (replayed, "true");
      l1 = th_header (&a, "Location");
      l2 = th_header (&b, "Location");
      cr_assert_str_eq (l1, l2);
      th_request ("POST", cases[i].list, org.key, cases[i].other, h, &c);
      th_assert_problem (&c, 422);
      cr_assert_eq (1, th_count (org.key, cases[i].list),
                    "%s: one row after a retry and a reuse", cases[i].list);
      free (replayed);
      free (l1);
      free (l2);
      th_resp_free (&a);
      th_resp_free (&b);
      th_resp_free (&c);
    }
  }
}

/* Regression (fixed; was a bug in service/api/idempotency.c, api_idem_claim): a replayed 201 has
   the stored body and Location but no ETag, so a client whose first
   response was lost cannot PATCH with If-Match without reading the
   resource again; every other single-resource response carries one.
  */
Test (idempotency, a_replayed_create_has_an_etag)
{
  const char *h[] = { "Content-Type: application/json",
                      "Idempotency-Key: etag-1", NULL };
  struct th_resp a, b;
  char *e1, *e2;

  th_request ("POST", "/v1/sellers", org.key, "{\"name\":\"Sam\"}", h, &a);
  th_request ("POST", "/v1/sellers", org.key, "{\"name\":\"Sam\"}", h, &b);
  cr_assert_eq (201, b.status);
  e1 = th_header (&a, "ETag");
  e2 = th_header (&b, "ETag");
  cr_assert_not_null (e1);
  cr_assert_not_null (e2, "the replayed 201 has no ETag");
  cr_assert_str_eq (e1, e2);
  free (e1);
  free (e2);
  th_resp_free (&a);
  th_resp_free (&b);
}

/** POSTs @a body to @a path with Idempotency-Key @a key; into @a r. */
static void
post_with_key (const char *path, const char *key, const char *body,
               struct th_resp *r)
{
  char h_key[300];
  const char *h[] = { "Content-Type: application/json", h_key, NULL };

  snprintf (h_key, sizeof (h_key), "Idempotency-Key: %s", key);
  th_request ("POST", path, org.key, body, h, r);
}

Test (idempotency, a_retry_later_replays_even_when_the_server_fills_defaults)
{
  /* A kept commitment without resolved_at gets one from the server; the
     hash must be of what the client sent, not of what it became. */
  static const char body[] =
    "{\"description\":\"Demo\",\"made_at\":\"2025-01-01T00:00:00Z\","
    "\"status\":\"kept\"}";
  char acct[64];
  const char *path;
  struct th_resp a, b;

  th_account_new (org.key, "Acme", acct);
  path = th_fmt ("/v1/accounts/%s/commitments", acct);
  post_with_key (path, "kept-1", body, &a);
  cr_assert_eq (201, a.status, "%s", a.body);
  sp_sleep_ms (1100);
  post_with_key (path, "kept-1", body, &b);
  cr_assert_eq (201, b.status, "the retry a second later: %s", b.body);
  cr_assert_str_eq (a.body, b.body);
  th_resp_free (&a);
  th_resp_free (&b);
  /* The same in a batch. */
  {
    const char *batch =
      th_fmt ("{\"items\":[{\"op\":\"create\",\"resource\":\"commitments\","
              "\"account_id\":\"%s\",\"data\":%s}]}",
              acct, body);

    post_with_key ("/v1/batch", "kept-batch", batch, &a);
    cr_assert_eq (200, a.status, "%s", a.body);
    sp_sleep_ms (1100);
    post_with_key ("/v1/batch", "kept-batch", batch, &b);
    cr_assert_eq (200, b.status, "the batch retry a second later: %s", b.body);
    cr_assert_str_eq (a.body, b.body);
    th_resp_free (&a);
    th_resp_free (&b);
  }
  cr_assert_eq (2, th_count (org.key, path));
}

Test (idempotency, a_key_that_is_not_utf8_is_400)
{
  struct th_resp r;

  post_with_key ("/v1/sellers", "key-\xff\xfe", "{\"name\":\"Sam\"}", &r);
  th_assert_problem (&r, 400);
  cr_assert_not_null (strstr (r.body, "Idempotency-Key"), "%s", r.body);
  th_resp_free (&r);
  post_with_key ("/v1/sellers", "key-\x01", "{\"name\":\"Sam\"}", &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  cr_assert_eq (0, th_count (org.key, "/v1/sellers"));
}
