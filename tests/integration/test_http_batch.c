/**
 * @file test_http_batch.c
 * @brief POST /v1/batch: 1,000 good items written in one go; any bad item
 *        (in its envelope, its data or what its ids point at) is reported
 *        at its own pointer and nothing at all is written.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/** Appends {op, resource, [account_id], data} to @a items (data stolen). */
static void
item (json_t *items, const char *op, const char *resource,
      const char *account_id, json_t *data)
{
  json_t *it = json_pack ("{s:s, s:s, s:o}", "op", op, "resource", resource,
                          "data", data);

  if (NULL != account_id)
    json_object_set_new (it, "account_id", json_string (account_id));
  json_array_append_new (items, it);
}

/** POSTs {"items": items} (consumed) to /v1/batch. */
static void
batch (const char *key, json_t *items, const char *const *extra,
       struct th_resp *r)
{
  json_t *body = json_pack ("{s:o}", "items", items);
  char *text = json_dumps (body, JSON_COMPACT);
  static const char *const ct[] = { "Content-Type: application/json", NULL };

  th_request ("POST", "/v1/batch", key, text, NULL != extra ? extra : ct, r);
  free (text);
  json_decref (body);
}

/** Every item of a collection, over as many pages as it takes. */
static size_t
total (const char *key, const char *path)
{
  char url[1024];
  size_t n = 0;

  snprintf (url, sizeof (url), "%s?limit=200", path);
  for (;;)
  {
    struct th_resp r;
    json_t *next;

    th_request ("GET", url, key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "GET %s: %s", url, r.body);
    n += json_array_size (json_object_get (r.json, "data"));
    next = json_object_get (r.json, "next_cursor");
    if (! json_is_string (next))
    {
      th_resp_free (&r);
      return n;
    }
    snprintf (url, sizeof (url), "%s?limit=200&cursor=%s", path,
              json_string_value (next));
    th_resp_free (&r);
  }
}

/** Asserts the 422 of a refused batch names @a field. */
static void
expect_item_error (const struct th_resp *r, const char *field)
{
  cr_assert (th_has_error (r, field), "no error at %s in %s", field, r->body);
}

static struct th_org org;

/** Gives each test an organization of its own. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (batch, .init = setup);

Test (batch, a_thousand_good_items_are_all_written, .timeout = 300)
{
  char acct[64], seller[64];
  json_t *items = json_array ();
  struct th_resp r;
  json_t *res;
  size_t i;

  th_account_new (org.key, "Big Co", acct);
  th_seller_new (org.key, "Sam", seller);
  /* 250 of each: accounts, sellers (upserted), contacts, calls. */
  for (int k = 0; k < 250; k++)
  {
    item (items, "create", "accounts", NULL,
          json_pack ("{s:s, s:s}", "name", th_fmt ("Imported %d", k), "stage",
                     "prospect"));
    item (items, "upsert", "sellers", NULL,
          json_pack ("{s:s, s:s}", "name", th_fmt ("Rep %d", k), "external_id",
                     th_fmt ("rep-%d", k)));
    item (items, "create", "contacts", acct,
          json_pack ("{s:s, s:s}", "name", th_fmt ("Person %d", k), "role",
                     "end_user"));
    item (items, "create", "calls", acct,
          json_pack ("{s:s, s:s, s:[s]}", "occurred_at",
                     th_fmt ("2025-01-01T%02d:%02d:00Z", k / 60, k % 60),
                     "seller_id", seller, "topics", "business"));
  }
  cr_assert_eq (1000, json_array_size (items));
  batch (org.key, items, NULL, &r);
  cr_assert_eq (200, r.status, "%.500s", r.body);
  res = json_object_get (r.json, "data");
  cr_assert_eq (1000, json_array_size (res));
  {
    static const char *const kinds[] = { "accounts", "sellers", "contacts",
                                         "calls" };
    json_t *one;

    json_array_foreach (res, i, one)
    {
      cr_assert_eq ((json_int_t) i,
                    json_integer_value (json_object_get (one, "index")),
                    "results in item order");
      cr_assert_str_eq (json_string_value (json_object_get (one, "resource")),
                        kinds[i % 4]);
      cr_assert_eq (201, json_integer_value (json_object_get (one, "status")));
      cr_assert_eq (36,
                    strlen (json_string_value (json_object_get (one, "id"))));
    }
  }
  /* The ids answer, and every row is there. */
  {
    const char *paths[] = {
      th_fmt ("/v1/accounts/%s",
              json_string_value (
                json_object_get (json_array_get (res, 996), "id"))),
      th_fmt ("/v1/sellers/%s",
              json_string_value (
                json_object_get (json_array_get (res, 997), "id"))),
      th_fmt ("/v1/contacts/%s",
              json_string_value (
                json_object_get (json_array_get (res, 998), "id"))),
      th_fmt ("/v1/calls/%s",
              json_string_value (
                json_object_get (json_array_get (res, 999), "id"))),
    };

    for (size_t k = 0; k < 4; k++)
    {
      struct th_resp g;

      th_request ("GET", paths[k], org.key, NULL, NULL, &g);
      cr_assert_eq (200, g.status, "%s: %s", paths[k], g.body);
      th_resp_free (&g);
    }
  }
  th_resp_free (&r);
  cr_assert_eq (251, total (org.key, "/v1/accounts"));
  cr_assert_eq (251, total (org.key, "/v1/sellers"));
  cr_assert_eq (250,
                total (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)));
  cr_assert_eq (250, total (org.key, th_fmt ("/v1/accounts/%s/calls", acct)));
  th_request ("GET", "/v1/sellers/by-external-id/rep-249", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Rep 249");
  th_resp_free (&r);
}

Test (batch, one_bad_item_and_nothing_is_written)
{
  char acct[64];
  json_t *items = json_array ();
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  for (int k = 0; k < 10; k++)
    if (7 == k)
      item (items, "create", "contacts", acct,
            json_pack ("{s:s, s:f}", "role", "wizard", "influence", 2.0));
    else
      item (items, "create", "contacts", acct,
            json_pack ("{s:s}", "name", th_fmt ("Good %d", k)));
  batch (org.key, items, NULL, &r);
  th_assert_problem (&r, 422);
  expect_item_error (&r, "/items/7/data/name");
  expect_item_error (&r, "/items/7/data/role");
  expect_item_error (&r, "/items/7/data/influence");
  cr_assert_eq (3, json_array_size (json_object_get (r.json, "errors")),
                "only item 7 is at fault: %s", r.body);
  th_resp_free (&r);
  cr_assert_eq (0, total (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)),
                "the nine good items were not written either");
}

Test (batch, every_bad_item_is_reported_at_its_pointer)
{
  char acct[64];
  json_t *items = json_array ();
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  item (items, "create", "accounts", NULL, json_pack ("{s:s}", "name", "Ok"));
  item (items, "create", "invoices", NULL, json_pack ("{s:s}", "name", "x"));
  item (items, "create", "contacts", NULL, json_pack ("{s:s}", "name", "x"));
  item (items, "upsert", "report_cards", acct,
        json_pack ("{s:s, s:{s:i}}", "received_at", "2025-01-01T00:00:00Z",
                   "ratings", "overall", 3));
  item (items, "delete", "accounts", NULL, json_pack ("{s:s}", "name", "x"));
  item (items, "upsert", "accounts", NULL, json_pack ("{s:s}", "name", "x"));
  item (items, "create", "calls", acct,
        json_pack ("{s:s, s:[s]}", "occurred_at", "2025-01-01T00:00:00Z",
                   "signals", "rainbow"));
  item (items, "create", "commitments", "not-a-uuid",
        json_pack ("{s:s, s:s}", "description", "x", "made_at",
                   "2025-01-01T00:00:00Z"));
  item (items, "create", "report_cards", acct,
        json_pack ("{s:s, s:{s:i}}", "received_at", "2025-01-01T00:00:00Z",
                   "ratings", "overall", 9));
  json_array_append_new (items, json_pack ("{s:s, s:s, s:i}", "op", "create",
                                           "resource", "sellers", "data", 5));
  json_array_append_new (items, json_pack ("{s:s, s:s, s:{s:s}, s:b}", "op",
                                           "create", "resource", "sellers",
                                           "data", "name", "x", "dry_run", 1));
  batch (org.key, items, NULL, &r);
  th_assert_problem (&r, 422);
  {
    static const char *const fields[] = {
      "/items/1/resource",
      "/items/2/account_id",
      "/items/3/data/external_id", /* report cards upsert by it too */
      "/items/4/op",
      "/items/5/data/external_id",
      "/items/6/data/signals/0",
      "/items/7/account_id",
      "/items/8/data/ratings/overall",
      "/items/9/data",
      "/items/10/dry_run",
    };

    for (size_t i = 0; i < sizeof (fields) / sizeof (fields[0]); i++)
      expect_item_error (&r, fields[i]);
    {
      json_t *e;
      size_t i;

      json_array_foreach (json_object_get (r.json, "errors"), i, e)
        cr_assert_neq (0,
                       strncmp (json_string_value (
                                  json_object_get (e, "field")),
                                "/items/0/", 9),
                       "item 0 is fine: %s", r.body);
    }
  }
  th_resp_free (&r);
  cr_assert_eq (1, total (org.key, "/v1/accounts"), "only the set-up one");
}

Test (batch, references_are_checked_when_written_and_roll_everything_back)
{
  struct th_org other;
  char acct[64], their_acct[64], their_seller[64], their_contact[64];
  json_t *items = json_array ();
  struct th_resp r;

  th_org_new (&other);
  th_account_new (other.key, "Theirs", their_acct);
  th_seller_new (other.key, "Their seller", their_seller);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", their_acct), other.key,
           "{\"name\":\"Their contact\"}", &r);
  snprintf (their_contact, sizeof (their_contact), "%s",
            json_string_value (json_object_get (r.json, "id")));
  th_resp_free (&r);
  th_account_new (org.key, "Mine", acct);

  item (items, "create", "contacts", acct, json_pack ("{s:s}", "name", "A"));
  item (items, "create", "contacts", their_acct,
        json_pack ("{s:s}", "name", "Intruder"));
  item (items, "create", "calls", acct,
        json_pack ("{s:s, s:s}", "occurred_at", "2025-01-01T00:00:00Z",
                   "seller_id", their_seller));
  item (items, "create", "report_cards", acct,
        json_pack ("{s:s, s:s, s:{s:i}}", "received_at",
                   "2025-01-01T00:00:00Z", "contact_id", their_contact,
                   "ratings", "overall", 4));
  item (items, "create", "accounts", NULL,
        json_pack ("{s:s, s:s}", "name", "Owned", "owner_id", their_seller));
  item (items, "create", "calls", acct,
        json_pack ("{s:s, s:[s]}", "occurred_at", "2025-01-01T00:00:00Z",
                   "contact_ids", their_contact));
  batch (org.key, items, NULL, &r);
  th_assert_problem (&r, 422);
  expect_item_error (&r, "/items/1/account_id");
  expect_item_error (&r, "/items/2/data/seller_id");
  expect_item_error (&r, "/items/3/data/contact_id");
  expect_item_error (&r, "/items/4/data/owner_id");
  expect_item_error (&r, "/items/5/data/contact_ids");
  th_resp_free (&r);
  cr_assert_eq (0, total (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)),
                "item 0 was rolled back");
  cr_assert_eq (1, total (org.key, "/v1/accounts"));
  cr_assert_eq (1,
                total (other.key,
                       th_fmt ("/v1/accounts/%s/contacts", their_acct)),
                "nothing landed in the other organization");
}

Test (batch, upserts_twice_are_one_row_and_duplicate_creates_roll_back)
{
  char acct[64];
  json_t *items;
  struct th_resp r;
  char id[64];

  th_account_new (org.key, "Acme", acct);
  for (int round = 0; round < 2; round++)
  {
    items = json_array ();
    item (items, "upsert", "contacts", acct,
          json_pack ("{s:s, s:s, s:s}", "name", "Dana", "external_id", "crm-9",
                     "role", round ? "champion" : "end_user"));
    item (items, "upsert", "accounts", NULL,
          json_pack ("{s:s, s:s}", "name", "Sub", "external_id", "acc-9"));
    batch (org.key, items, NULL, &r);
    cr_assert_eq (200, r.status, "%s", r.body);
    {
      json_t *first = json_array_get (json_object_get (r.json, "data"), 0);
      json_t *second = json_array_get (json_object_get (r.json, "data"), 1);

      cr_assert_eq (round ? 200 : 201,
                    json_integer_value (json_object_get (first, "status")),
                    "round %d: %s", round, r.body);
      cr_assert_eq (round ? 200 : 201,
                    json_integer_value (json_object_get (second, "status")),
                    "an unchanged upsert is a 200: %s", r.body);
      if (0 == round)
        snprintf (id, sizeof (id), "%s",
                  json_string_value (json_object_get (first, "id")));
      else
        cr_assert_str_eq (json_string_value (json_object_get (first, "id")),
                          id);
    }
    th_resp_free (&r);
  }
  cr_assert_eq (1, total (org.key, th_fmt ("/v1/accounts/%s/contacts", acct)));
  cr_assert_eq (2, total (org.key, "/v1/accounts"));
  th_request ("GET", "/v1/contacts/by-external-id/crm-9", org.key, NULL, NULL,
              &r);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "role")),
                    "champion");
  th_resp_free (&r);

  items = json_array ();
  item (items, "create", "sellers", NULL,
        json_pack ("{s:s, s:s}", "name", "New", "external_id", "emp-1"));
  item (items, "create", "sellers", NULL,
        json_pack ("{s:s, s:s}", "name", "Clash", "external_id", "emp-1"));
  batch (org.key, items, NULL, &r);
  th_assert_problem (&r, 422);
  expect_item_error (&r, "/items/1/data/external_id");
  th_resp_free (&r);
  cr_assert_eq (0, total (org.key, "/v1/sellers"));
}

Test (batch, envelope_bounds_and_idempotent_retry)
{
  struct th_resp r, again;
  json_t *items;
  const char *h[] = { "Content-Type: application/json",
                      "Idempotency-Key: batch-1", NULL };

  {
    static const char *const bad[] = {
      "{\"items\":[]}",
      "{\"items\":{}}",
      "{}",
      "[]",
      "{\"items\":[{\"op\":\"create\",\"resource\":\"sellers\",\"data\":"
      "{\"name\":\"x\"}}],\"atomic\":false}",
    };

    for (size_t i = 0; i < sizeof (bad) / sizeof (bad[0]); i++)
    {
      th_json ("POST", "/v1/batch", org.key, bad[i], &r);
      th_assert_problem (&r, 422);
      expect_item_error (&r, "/items");
      th_resp_free (&r);
    }
  }
  items = json_array ();
  for (int k = 0; k < 1001; k++)
    item (items, "create", "sellers", NULL, json_pack ("{s:s}", "name", "x"));
  batch (org.key, items, NULL, &r);
  th_assert_problem (&r, 422);
  expect_item_error (&r, "/items");
  th_resp_free (&r);
  cr_assert_eq (0, total (org.key, "/v1/sellers"), "1,001 is too many");

  items = json_array ();
  item (items, "create", "sellers", NULL, json_pack ("{s:s}", "name", "One"));
  item (items, "create", "sellers", NULL, json_pack ("{s:s}", "name", "Two"));
  batch (org.key, json_deep_copy (items), h, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  batch (org.key, items, h, &again);
  cr_assert_eq (200, again.status, "%s", again.body);
  cr_assert_str_eq (r.body, again.body, "the retry gets the same ids");
  {
    char *replayed = th_header (&again, "Idempotent-Replayed");

    cr_assert_not_null (replayed);
    free (replayed);
  }
  th_resp_free (&r);
  th_resp_free (&again);
  cr_assert_eq (2, total (org.key, "/v1/sellers"), "written once");
  items = json_array ();
  item (items, "create", "sellers", NULL,
        json_pack ("{s:s}", "name", "Three"));
  batch (org.key, items, h, &r);
  th_assert_problem (&r, 422);
  th_resp_free (&r);
  cr_assert_eq (2, total (org.key, "/v1/sellers"));
}

Test (batch, a_read_key_cannot_batch)
{
  char rkey[128];
  json_t *items = json_array ();
  struct th_resp r;

  th_key_new (&org, "read", rkey, NULL);
  item (items, "create", "sellers", NULL, json_pack ("{s:s}", "name", "x"));
  batch (rkey, items, NULL, &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
  cr_assert_eq (0, total (org.key, "/v1/sellers"));
}

/* Report cards and commitments carry external ids too: the same batch
   sent twice (a re-sync) leaves one of each, updated; "report-cards" as
   in its path names the same resource. */
Test (batch, resending_report_cards_and_commitments_duplicates_nothing)
{
  char acct[64];
  struct th_resp r;

  th_account_new (org.key, "Resync", acct);
  for (int round = 0; round < 2; round++)
  {
    json_t *items = json_array ();

    item (items, "upsert", round ? "report-cards" : "report_cards", acct,
          json_pack ("{s:s, s:s, s:{s:i}}", "external_id", "survey-77",
                     "received_at", "2026-02-01T10:00:00Z", "ratings",
                     "overall", round ? 5 : 4));
    item (items, "upsert", "commitments", acct,
          json_pack ("{s:s, s:s, s:s, s:s}", "external_id", "promise-12",
                     "description", "Send the SLA draft", "made_at",
                     "2026-02-01T10:00:00Z", "status",
                     round ? "kept" : "open"));
    if (round)
      json_object_set_new (json_object_get (json_array_get (items, 1), "data"),
                           "resolved_at",
                           json_string ("2026-02-03T10:00:00Z"));
    batch (org.key, items, NULL, &r);
    cr_assert_eq (200, r.status, "round %d: %s", round, r.body);
    th_resp_free (&r);
  }
  cr_assert_eq (1, total (org.key,
                          th_fmt ("/v1/accounts/%s/report-cards", acct)));
  cr_assert_eq (1,
                total (org.key, th_fmt ("/v1/accounts/%s/commitments", acct)));
  th_request ("GET", "/v1/report-cards/by-external-id/survey-77", org.key,
              NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_eq (5, json_integer_value (
                     json_object_get (json_object_get (r.json, "ratings"),
                                      "overall")));
  th_resp_free (&r);
  th_request ("GET", "/v1/commitments/by-external-id/promise-12", org.key,
              NULL, NULL, &r);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "status")),
                    "kept");
  th_resp_free (&r);
}
