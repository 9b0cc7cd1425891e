/**
 * @file test_http_commitments.c
 * @brief Commitments over HTTP: every validation rule, a round trip
 *        through open, kept and broken with resolved_at, filters and
 *        pagination.
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

TestSuite (commitments, .init = setup);

Test (commitments, commitment_round_trip_status_and_resolved_at)
{
  char acct[64], seller[64], id[64], path[128];
  char list[128];
  struct th_resp r;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Sam", seller);
  snprintf (list, sizeof (list), "/v1/accounts/%s/commitments", acct);
  {
    const struct
    {
      const char *body, *field;
    } cases[] = {
      { "{\"made_at\":\"2025-01-01T00:00:00Z\"}", "/description" },
      { "{\"description\":\"\",\"made_at\":\"2025-01-01T00:00:00Z\"}",
        "/description" },
      { "{\"description\":\"Fix it\"}", "/made_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"due_date\":\"2025-13-01\"}",
        "/due_date" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"status\":\"pending\"}",
        "/status" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"resolved_at\":\"2025-02-01T00:00:00Z\"}",
        "/resolved_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"status\":\"open\",\"resolved_at\":\"2025-02-01T00:00:00Z\"}",
        "/resolved_at" },
      { "{\"description\":\"Fix it\",\"made_at\":\"2025-01-01T00:00:00Z\","
        "\"seller_id\":\"00000000-0000-4000-8000-000000000000\"}",
        "/seller_id" },
    };

    for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
    {
      th_json ("POST", list, org.key, cases[i].body, &r);
      th_expect_422 (&r, cases[i].field, cases[i].body);
    }
  }
  th_json ("POST", list, org.key,
           th_fmt ("{\"description\":\"Ship the fix by Friday\",\"made_at\":"
                   "\"2025-01-01T09:00:00Z\",\"due_date\":\"2025-01-03\","
                   "\"seller_id\":\"%s\"}",
                   seller),
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/commitments/%s", id);
  cr_assert_str_eq (th_str (&r, "status"), "open", "status defaults to open");
  cr_assert (json_is_null (json_object_get (r.json, "resolved_at")));
  cr_assert_str_eq (th_str (&r, "due_date"), "2025-01-03");
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"status\":\"kept\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert (json_is_string (json_object_get (r.json, "resolved_at")),
             "leaving open sets resolved_at: %s", r.body);
  th_resp_free (&r);
  th_patch (org.key, path, NULL,
            "{\"status\":\"broken\",\"resolved_at\":"
            "\"2025-01-04T00:00:00Z\"}",
            &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "resolved_at"), "2025-01-04T00:00:00.000000Z");
  th_resp_free (&r);
  th_patch (org.key, path, NULL, "{\"status\":\"open\",\"resolved_at\":null}",
            &r);
  cr_assert_eq (200, r.status, "reopened: %s", r.body);
  cr_assert (json_is_null (json_object_get (r.json, "resolved_at")));
  th_resp_free (&r);
  th_json ("POST", list, org.key,
           "{\"description\":\"Call back\",\"made_at\":"
           "\"2025-02-01T09:00:00Z\",\"status\":\"kept\",\"resolved_at\":"
           "\"2025-02-02T10:00:00Z\"}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "resolved_at"), "2025-02-02T10:00:00.000000Z");
  th_resp_free (&r);
  th_json ("POST", list, org.key,
           "{\"description\":\"Discount\",\"made_at\":"
           "\"2025-03-01T09:00:00Z\",\"status\":\"broken\"}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  cr_assert (json_is_string (json_object_get (r.json, "resolved_at")));
  th_resp_free (&r);

  cr_assert_eq (3, th_count (org.key, list));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?status=open", list)));
  cr_assert_eq (1, th_count (org.key, th_fmt ("%s?status=kept", list)));
  cr_assert_eq (1,
                th_count (org.key, th_fmt ("%s?seller_id=%s", list, seller)));
  cr_assert_eq (0, th_count (org.key,
                             th_fmt ("%s?updated_since=2999-01-01T00:00:00Z",
                                     list)));
  cr_assert_eq (3, th_count (org.key,
                             th_fmt ("%s?updated_since=2000-01-01T00:00:00Z",
                                     list)));
  {
    char seen[4][64];

    cr_assert_eq (3, th_walk (org.key, list, 1, seen, 4));
    cr_assert_str_eq (seen[2], id, "oldest made_at last");
  }
  th_request ("GET", th_fmt ("%s?status=done", list), org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "status"));
  th_resp_free (&r);
  th_expect_status ("DELETE", path, org.key, NULL, 204);
  cr_assert_eq (2, th_count (org.key, list));
}

/* A task sync addresses commitments by its own id: PUT twice is one
   commitment, PATCH by external id changes only what it sends and never
   creates, and an external id stays the account's. */
Test (commitments, upsert_and_patch_by_external_id)
{
  char acct[64], other[64];
  struct th_resp r;
  char id[64];

  th_account_new (org.key, "Acme", acct);
  th_account_new (org.key, "Other", other);
  for (int round = 0; round < 2; round++)
  {
    th_json ("PUT", "/v1/commitments/by-external-id/task-9", org.key,
             th_fmt ("{\"account_id\":\"%s\",\"description\":\"Send the SLA "
                     "draft\",\"made_at\":\"2026-02-01T10:00:00Z\","
                     "\"due_date\":\"2026-02-10\"}",
                     acct),
             &r);
    cr_assert_eq (round ? 200 : 201, r.status, "%s", r.body);
    if (0 == round)
      snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
    cr_assert_str_eq (th_str (&r, "id"), id);
    cr_assert_str_eq (th_str (&r, "external_id"), "task-9");
    th_resp_free (&r);
  }
  th_request ("GET", th_fmt ("/v1/accounts/%s/commitments", acct), org.key,
              NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_json ("PATCH", "/v1/commitments/by-external-id/task-9", org.key,
           "{\"status\":\"kept\",\"resolved_at\":\"2026-02-09T10:00:00Z\"}",
           &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "status"), "kept");
  cr_assert_str_eq (th_str (&r, "due_date"), "2026-02-10",
                    "what is not sent stays");
  th_resp_free (&r);
  th_json ("PATCH", "/v1/commitments/by-external-id/task-404", org.key,
           "{\"status\":\"kept\"}", &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_json ("PUT", "/v1/commitments/by-external-id/task-9", org.key,
           th_fmt ("{\"account_id\":\"%s\",\"description\":\"Moved\","
                   "\"made_at\":\"2026-02-01T10:00:00Z\"}",
                   other),
           &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/external_id"));
  th_resp_free (&r);
  th_request ("GET", "/v1/commitments/by-external-id/task-9", org.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "account_id"), acct);
  th_resp_free (&r);
}
