/**
 * @file test_http_deletes.c
 * @brief What deletes leave behind: deleting an account deletes
 *        everything in it; deleting a seller or a contact keeps the
 *        history without them, and nulling those references changes the
 *        ETag and updated_at of what referred to them.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Gives each test an organization of its own. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (deletes, .init = setup);

Test (deletes, deleting_an_account_deletes_everything_in_it)
{
  char acct[64], keep[64], contact[64], call[64], card[64], pledge[64], x[64];
  struct th_resp r;

  th_account_new (org.key, "Doomed", acct);
  th_account_new (org.key, "Kept", keep);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"Dana\",\"external_id\":\"c-1\"}", contact);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"external_id\":\"call-1\",\"contact_ids\":[\"%s\"]}",
                     contact),
             call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":3}}",
                     contact),
             card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             "{\"description\":\"x\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
             pledge);
  th_expect_status ("PUT", th_fmt ("/v1/accounts/%s/values", acct), org.key,
                    "{\"priorities\":{\"quality\":1}}", 200);
  th_contact_new (org.key, keep, "K", x);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", keep),
             "{\"occurred_at\":\"2025-01-01T00:00:00Z\"}", x);

  th_expect_status ("DELETE", th_fmt ("/v1/accounts/%s", acct), org.key, NULL,
                    204);
  {
    const char *gone[] = {
      th_fmt ("/v1/contacts/%s", contact),
      th_fmt ("/v1/calls/%s", call),
      th_fmt ("/v1/report-cards/%s", card),
      th_fmt ("/v1/commitments/%s", pledge),
      "/v1/contacts/by-external-id/c-1",
      "/v1/calls/by-external-id/call-1",
      th_fmt ("/v1/accounts/%s/values", acct),
      th_fmt ("/v1/accounts/%s/calls", acct),
    };

    for (size_t i = 0; i < sizeof (gone) / sizeof (gone[0]); i++)
      th_expect_problem ("GET", gone[i], org.key, NULL, 404);
  }
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("/v1/accounts/%s/contacts", keep)),
                "the other account keeps its contacts");
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", keep)));
  th_json ("PUT", "/v1/contacts/by-external-id/c-1", org.key,
           th_fmt ("{\"name\":\"Dana again\",\"account_id\":\"%s\"}", keep),
           &r);
  cr_assert_eq (201, r.status, "the external id is free again: %s", r.body);
  th_resp_free (&r);
}

Test (deletes, deleting_a_seller_keeps_the_history_without_them)
{
  char seller[64], acct[64], call[64], card[64], pledge[64];
  struct th_resp r;

  th_seller_new (org.key, "Leaver", seller);
  th_create (org.key, "/v1/accounts",
             th_fmt ("{\"name\":\"Acme\",\"owner_id\":\"%s\"}", seller), acct);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\",\"notes\":\"kept\"}",
                     seller),
             call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\",\"ratings\":{\"overall\":2}}",
                     seller),
             card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/commitments", acct),
             th_fmt ("{\"description\":\"x\","
                     "\"made_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\"}",
                     seller),
             pledge);
  th_expect_status ("DELETE", th_fmt ("/v1/sellers/%s", seller), org.key, NULL,
                    204);
  {
    const struct
    {
      const char *path, *field;
    } kept[] = {
      { th_fmt ("/v1/accounts/%s", acct), "owner_id" },
      { th_fmt ("/v1/calls/%s", call), "seller_id" },
      { th_fmt ("/v1/report-cards/%s", card), "seller_id" },
      { th_fmt ("/v1/commitments/%s", pledge), "seller_id" },
    };

    for (size_t i = 0; i < sizeof (kept) / sizeof (kept[0]); i++)
    {
      th_request ("GET", kept[i].path, org.key, NULL, NULL, &r);
      cr_assert_eq (200, r.status, "%s is still readable", kept[i].path);
      cr_assert (json_is_null (json_object_get (r.json, kept[i].field)),
                 "%s: %s", kept[i].path, r.body);
      th_resp_free (&r);
    }
  }
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/calls?seller_id=%s",
                                     acct, seller)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
}

Test (deletes, deleting_a_contact_takes_it_out_of_calls_and_cards)
{
  char acct[64], c1[64], c2[64], call[64], card[64];
  char *call_etag;
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_contact_new (org.key, acct, "A", c1);
  th_contact_new (org.key, acct, "B", c2);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_ids\":[\"%s\",\"%s\"]}",
                     c1, c2),
             call);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":4}}",
                     c1),
             card);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  call_etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_expect_status ("DELETE", th_fmt ("/v1/contacts/%s", c1), org.key, NULL,
                    204);

  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "contact_ids")),
                "%s", r.body);
  cr_assert_str_eq (json_string_value (
                      json_array_get (json_object_get (r.json, "contact_ids"),
                                      0)),
                    c2);
  {
    char *etag = th_header (&r, "ETag");

    cr_assert_str_neq (etag, call_etag, "the call changed, so did its ETag");
    free (etag);
  }
  th_resp_free (&r);
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("/v1/accounts/%s/calls?contact_id=%s",
                                     acct, c1)));
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status, "the card stays");
  cr_assert (json_is_null (json_object_get (r.json, "contact_id")), "%s",
             r.body);
  cr_assert_eq (4, json_integer_value (
                     json_object_get (json_object_get (r.json, "ratings"),
                                      "overall")));
  th_resp_free (&r);
  free (call_etag);
}

/* Regression (fixed; was a bug in migrations/0002_resources.sql, report_cards' and the other
   ON DELETE SET NULL foreign keys): deleting a contact nulls a report
   card's contact_id (and deleting a seller nulls seller_id / owner_id)
   through a bare FK action that bumps neither `version` nor `updated_at`.
   The card's representation changes but its ETag stays the same, and an
   integration syncing with ?updated_since= never sees the change.  Calls
   are handled (rapport_contact_deleted() bumps them); the SET NULL paths
   are not. */
Test (deletes, nulled_references_change_etag_and_updated_at)
{
  char acct[64], c1[64], card[64], seller[64], call[64];
  char before[64], *etag, *etag2, *cetag, *cetag2;
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Leaver", seller);
  th_contact_new (org.key, acct, "A", c1);
  th_create (org.key, th_fmt ("/v1/accounts/%s/report-cards", acct),
             th_fmt ("{\"received_at\":\"2025-01-01T00:00:00Z\","
                     "\"contact_id\":\"%s\",\"ratings\":{\"overall\":4}}",
                     c1),
             card);
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct),
             th_fmt ("{\"occurred_at\":\"2025-01-01T00:00:00Z\","
                     "\"seller_id\":\"%s\"}",
                     seller),
             call);
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  etag = th_header (&r, "ETag");
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cetag = th_header (&r, "ETag");
  snprintf (before, sizeof (before), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  th_expect_status ("DELETE", th_fmt ("/v1/contacts/%s", c1), org.key, NULL,
                    204);
  th_expect_status ("DELETE", th_fmt ("/v1/sellers/%s", seller), org.key, NULL,
                    204);
  th_request ("GET", th_fmt ("/v1/report-cards/%s", card), org.key, NULL, NULL,
              &r);
  cr_assert (json_is_null (json_object_get (r.json, "contact_id")));
  etag2 = th_header (&r, "ETag");
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/calls/%s", call), org.key, NULL, NULL, &r);
  cr_assert (json_is_null (json_object_get (r.json, "seller_id")));
  cetag2 = th_header (&r, "ETag");
  th_resp_free (&r);
  cr_assert_str_neq (etag, etag2, "the card changed: its ETag must too");
  cr_assert_str_neq (cetag, cetag2, "the call changed: its ETag must too");
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("/v1/accounts/%s/report-cards?"
                                           "updated_since=%s",
                                           acct, before)),
                "a sync must see the card whose contact went away");
  free (etag);
  free (etag2);
  free (cetag);
  free (cetag2);
}
