/**
 * @file test_http_tenancy.c
 * @brief Organizations: another tenant's ids are indistinguishable from
 *        unknown ones in paths (accounts, sellers, contacts, calls, report
 *        cards, commitments) and refused in bodies (422, never linked);
 *        its external ids are its own.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Gives the tests that name it an organization of their own. */
static void
setup (void)
{
  th_org_new (&org);
}

Test (tenancy, another_organizations_account_is_an_identical_404)
{
  struct th_org a, b;
  struct th_resp theirs, unknown, r;
  char id[64], path[128];

  th_org_new (&a);
  th_org_new (&b);
  th_account_new (a.key, "Secret Account", id);
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  th_request ("GET", path, b.key, NULL, NULL, &theirs);
  th_request ("GET", "/v1/accounts/00000000-0000-4000-8000-000000000000",
              b.key, NULL, NULL, &unknown);
  th_assert_problem (&theirs, 404);
  th_assert_problem (&unknown, 404);
  {
    char *t = th_stable_body (&theirs);
    char *u = th_stable_body (&unknown);

    cr_assert_str_eq (t, u, "byte-identical to an id that never existed");
    free (t);
    free (u);
  }
  th_resp_free (&theirs);
  th_resp_free (&unknown);

  th_expect_problem ("PATCH", path, b.key, "{\"name\":\"Hijacked\"}", 404);
  th_expect_problem ("DELETE", path, b.key, NULL, 404);
  th_request ("GET", "/v1/accounts", b.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=Secret", b.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", path, a.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Secret Account", "untouched by the other tenant");
  th_resp_free (&r);
}

Test (tenancy, same_external_id_in_two_organizations_is_two_accounts)
{
  struct th_org a, b;
  struct th_resp ra, rb;

  th_org_new (&a);
  th_org_new (&b);
  th_json ("PUT", "/v1/accounts/by-external-id/ext-1", a.key,
           "{\"name\":\"A's\"}", &ra);
  th_json ("PUT", "/v1/accounts/by-external-id/ext-1", b.key,
           "{\"name\":\"B's\"}", &rb);
  cr_assert_eq (201, ra.status);
  cr_assert_eq (201, rb.status);
  th_resp_free (&ra);
  th_resp_free (&rb);
  th_request ("GET", "/v1/accounts/by-external-id/ext-1", a.key, NULL, NULL,
              &ra);
  cr_assert_str_eq (json_string_value (json_object_get (ra.json, "name")),
                    "A's");
  th_resp_free (&ra);
}

Test (tenancy, another_organizations_ids_are_identical_404s, .init = setup)
{
  struct th_org other;
  char acct[64], seller[64], contact[64], call[64], card[64], pledge[64];
  struct th_resp r, unknown;

  th_org_new (&other);
  th_account_new (other.key, "Theirs", acct);
  th_create (other.key, "/v1/sellers",
             "{\"name\":\"Their seller\","
             "\"external_id\":\"s-x\"}",
             seller);
  th_create (other.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"Their contact\",\"external_id\":\"c-x\"}", contact);
  th_create (other.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\",\"external_id\":"
             "\"k-x\"}",
             call);
  th_create (other.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             "{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
             "{\"overall\":3}}",
             card);
  th_create (other.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             "{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
             pledge);
  {
    const struct
    {
      const char *mine, *unknown;
    } paths[] = {
      { th_fmt ("/v1/sellers/%s", seller),
        "/v1/sellers/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/contacts/%s", contact),
        "/v1/contacts/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/calls/%s", call),
        "/v1/calls/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/report-cards/%s", card),
        "/v1/report-cards/00000000-0000-4000-8000-000000000000" },
      { th_fmt ("/v1/commitments/%s", pledge),
        "/v1/commitments/00000000-0000-4000-8000-000000000000" },
      { "/v1/sellers/by-external-id/s-x", "/v1/sellers/by-external-id/s-y" },
      { "/v1/contacts/by-external-id/c-x", "/v1/contacts/by-external-id/c-y" },
      { "/v1/calls/by-external-id/k-x", "/v1/calls/by-external-id/k-y" },
      { th_fmt ("/v1/accounts/%s/contacts", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/contacts" },
      { th_fmt ("/v1/accounts/%s/calls", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/calls" },
      { th_fmt ("/v1/accounts/%s/report-cards", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/report-cards" },
      { th_fmt ("/v1/accounts/%s/commitments", acct),
        "/v1/accounts/00000000-0000-4000-8000-000000000000/commitments" },
    };

    for (size_t i = 0; i < sizeof (paths) / sizeof (paths[0]); i++)
    {
      th_request ("GET", paths[i].mine, org.key, NULL, NULL, &r);
      th_request ("GET", paths[i].unknown, org.key, NULL, NULL, &unknown);
      th_assert_problem (&r, 404);
      th_assert_problem (&unknown, 404);
      {
        char *t = th_stable_body (&r);
        char *u = th_stable_body (&unknown);

        cr_assert_str_eq (t, u, "%s", paths[i].mine);
        free (t);
        free (u);
      }
      th_resp_free (&r);
      th_resp_free (&unknown);
      if (i < 5)
      {
        th_patch (org.key, paths[i].mine, NULL, "{}", &r);
        th_assert_problem (&r, 404);
        th_resp_free (&r);
        th_expect_problem ("DELETE", paths[i].mine, org.key, NULL, 404);
      }
    }
  }
  /* Writing under their account is a 404 too, and writes nothing. */
  th_expect_problem ("POST", th_fmt ("/v1/accounts/%s/contacts", acct),
                     org.key, "{\"name\":\"Intruder\"}", 404);
  th_json ("PUT", "/v1/contacts/by-external-id/c-new", org.key,
           th_fmt ("{\"name\":\"Intruder\",\"account_id\":\"%s\"}", acct), &r);
  th_expect_422 (&r, "/account_id", "PUT into another organization's account");
  th_request ("GET", th_fmt ("/v1/contacts/%s", contact), other.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Their contact", "untouched");
  th_resp_free (&r);
  cr_assert_eq (1, th_count (other.key,
                             th_fmt ("/v1/accounts/%s/contacts", acct)));
}

Test (tenancy, another_organizations_ids_in_bodies_are_422_never_links,
      .init = setup)
{
  struct th_org other;
  char their_acct[64], their_seller[64], their_contact[64];
  char acct[64], contact[64], call[64];
  struct th_resp r;

  th_org_new (&other);
  th_account_new (other.key, "Theirs", their_acct);
  th_seller_new (other.key, "Their seller", their_seller);
  th_contact_new (other.key, their_acct, "Their contact", their_contact);
  th_account_new (org.key, "Mine", acct);
  th_contact_new (org.key, acct, "M", contact);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}", call);
  {
    const struct
    {
      const char *method, *path, *body, *field;
    } cases[] = {
      { "POST", "/v1/accounts",
        th_fmt ("{\"name\":\"x\",\"owner_id\":\"%s\"}", their_seller),
        "/owner_id" },
      { "POST", th_fmt ("/v1/accounts/%s/calls", acct),
        th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}",
                their_seller),
        "/seller_id" },
      { "POST", th_fmt ("/v1/accounts/%s/calls", acct),
        th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\",\"contact_ids\":"
                "[\"%s\",\"%s\"]}",
                contact, their_contact),
        "/contact_ids" },
      { "POST", th_fmt ("/v1/accounts/%s/report-cards", acct),
        th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"contact_id\":\"%s\"}",
                their_contact),
        "/contact_id" },
      { "POST", th_fmt ("/v1/accounts/%s/report-cards", acct),
        th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\",\"ratings\":"
                "{\"overall\":3},\"seller_id\":\"%s\"}",
                their_seller),
        "/seller_id" },
      { "POST", th_fmt ("/v1/accounts/%s/commitments", acct),
        th_fmt ("{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}",
                their_seller),
        "/seller_id" },
      { "PATCH", th_fmt ("/v1/calls/%s", call),
        th_fmt ("{\"seller_id\":\"%s\"}", their_seller), "/seller_id" },
      { "PATCH", th_fmt ("/v1/calls/%s", call),
        th_fmt ("{\"contact_ids\":[\"%s\"]}", their_contact), "/contact_ids" },
      { "PUT", "/v1/calls/by-external-id/k-1",
        th_fmt ("{\"account_id\":\"%s\","
                "\"occurred_at\":\"2025-01-01T00:00:00Z\","
                "\"seller_id\":\"%s\"}",
                acct, their_seller),
        "/seller_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json (cases[i].method, cases[i].path, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  cr_assert_eq (1, th_count (org.key, "/v1/accounts"));
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/report-cards", acct)));
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/commitments", acct)));
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert (json_is_null (json_object_get (r.json, "seller_id")));
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "contact_ids")));
  th_resp_free (&r);
}
