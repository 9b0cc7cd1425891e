/**
 * @file test_http_accounts.c
 * @brief Accounts over HTTP: round trip, validation, ETags, idempotency,
 *        upsert by external id, filters.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (accounts, .init = setup);

Test (accounts, create_read_update_delete_round_trip)
{
  struct th_resp r;
  char path[128], id[64];
  char *etag, *location;

  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"Acme Logistics\",\"industry\":\"logistics\","
           "\"stage\":\"customer\",\"purchase_stage\":\"post_purchase\","
           "\"annual_value\":125000.5,\"currency\":\"EUR\","
           "\"renewal_date\":\"2027-03-31\",\"external_id\":\"crm-1\"}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s",
            json_string_value (json_object_get (r.json, "id")));
  location = th_header (&r, "Location");
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  cr_assert_str_eq (location, path);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "currency")),
                    "EUR");
  cr_assert_float_eq (json_number_value (
                        json_object_get (r.json, "annual_value")),
                      125000.5, 1e-9);
  cr_assert (json_is_string (json_object_get (r.json, "created_at")));
  free (location);
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Acme Logistics");
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag);
  th_resp_free (&r);

  {
    char ifm[128];
    const char *h[] = { "Content-Type: application/merge-patch+json", ifm,
                        NULL };

    snprintf (ifm, sizeof (ifm), "If-Match: %s", etag);
    th_request ("PATCH", path, org.key,
                "{\"stage\":\"former\",\"industry\":null}", h, &r);
  }
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "stage")),
                    "former");
  cr_assert (json_is_null (json_object_get (r.json, "industry")));
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Acme Logistics", "fields not in the patch are kept");
  {
    char *etag2 = th_header (&r, "ETag");

    cr_assert_str_neq (etag, etag2, "the ETag changes with the resource");
    free (etag2);
  }
  th_resp_free (&r);
  free (etag);

  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  cr_assert_eq (204, r.status);
  cr_assert_eq (0, r.body_len);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_request ("DELETE", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
}

Test (accounts, every_bad_field_is_reported_at_once_and_nothing_written)
{
  struct th_resp r;

  th_json (
    "POST", "/v1/accounts", org.key,
    "{\"name\":\"\",\"stage\":\"lead\",\"purchase_stage\":7,"
    "\"annual_value\":-5,\"renewal_date\":\"2027-02-30\","
    "\"owner_id\":\"nope\",\"external_id\":\"a/b\","
    "\"industry\":\""
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxx\","
    "\"id\":\"x\",\"created_at\":\"2020-01-01T00:00:00Z\","
    "\"colour\":\"red\"}",
    &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/name"));
  cr_assert (th_has_error (&r, "/stage"));
  cr_assert (th_has_error (&r, "/purchase_stage"));
  cr_assert (th_has_error (&r, "/annual_value"));
  cr_assert (th_has_error (&r, "/renewal_date"));
  cr_assert (th_has_error (&r, "/owner_id"));
  cr_assert (th_has_error (&r, "/external_id"));
  cr_assert (th_has_error (&r, "/industry"));
  cr_assert (th_has_error (&r, "/id"), "server-owned fields are rejected");
  cr_assert (th_has_error (&r, "/created_at"));
  cr_assert (th_has_error (&r, "/colour"), "unknown fields are rejected");
  cr_assert (th_has_error (&r, "/currency"), "annual_value without currency");
  th_resp_free (&r);

  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"Ok\",\"annual_value\":10,\"currency\":\"XYZ\"}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/currency"));
  th_resp_free (&r);

  th_json ("POST", "/v1/accounts", org.key, "[1,2]", &r);
  th_assert_problem (&r, 422);
  th_resp_free (&r);

  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")),
                "a failed request writes nothing");
  th_resp_free (&r);
}

Test (accounts, patch_with_stale_if_match_is_412_and_changes_nothing)
{
  struct th_resp r;
  char id[64], path[128];
  const char *stale[] = { "Content-Type: application/json", "If-Match: \"1\"",
                          NULL };

  th_account_new (org.key, "Globex", id);
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  th_json ("PATCH", path, org.key, "{\"name\":\"Globex Corp\"}", &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  th_request ("PATCH", path, org.key, "{\"name\":\"Stale write\"}", stale, &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Globex Corp");
  th_resp_free (&r);
}

Test (accounts, patch_rejects_unknown_server_owned_and_invalid_results)
{
  struct th_resp r;
  char id[64], path[128];

  th_account_new (org.key, "Initech", id);
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  th_json ("PATCH", path, org.key,
           "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"bogus\":1}",
           &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/id"));
  cr_assert (th_has_error (&r, "/bogus"));
  th_resp_free (&r);
  th_json ("PATCH", path, org.key, "{\"name\":null}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/name"), "name is required after merging");
  th_resp_free (&r);
  th_json ("PATCH", path, org.key, "{\"annual_value\":500}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/currency"));
  th_resp_free (&r);
}

Test (accounts, idempotent_retry_replays_and_conflicting_reuse_is_422)
{
  struct th_resp a, b, c, list;
  const char *h1[] = { "Content-Type: application/json",
                       "Idempotency-Key: order-77", NULL };

  th_request ("POST", "/v1/accounts", org.key, "{\"name\":\"Umbrella\"}", h1,
              &a);
  cr_assert_eq (201, a.status);
  th_request ("POST", "/v1/accounts", org.key, "{ \"name\" : \"Umbrella\" }",
              h1, &b);
  cr_assert_eq (201, b.status, "a retry gets the first response again");
  cr_assert_str_eq (a.body, b.body);
  {
    char *replayed = th_header (&b, "Idempotent-Replayed");
    char *l1 = th_header (&a, "Location");
    char *l2 = th_header (&b, "Location");

    cr_assert_not_null (replayed);
    cr_assert_str_eq (l1, l2);
    free (replayed);
    free (l1);
    free (l2);
  }
  th_request ("POST", "/v1/accounts", org.key, "{\"name\":\"Other\"}", h1, &c);
  th_assert_problem (&c, 422);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &list);
  cr_assert_eq (1, json_array_size (json_object_get (list.json, "data")),
                "retries write nothing new");
  th_resp_free (&a);
  th_resp_free (&b);
  th_resp_free (&c);
  th_resp_free (&list);
}

Test (accounts, idempotency_keys_are_scoped_to_the_organization)
{
  struct th_org other;
  struct th_resp a, b;
  const char *h[] = { "Content-Type: application/json",
                      "Idempotency-Key: shared-key-1", NULL };

  th_org_new (&other);
  th_request ("POST", "/v1/accounts", org.key, "{\"name\":\"Mine\"}", h, &a);
  th_request ("POST", "/v1/accounts", other.key, "{\"name\":\"Theirs\"}", h,
              &b);
  cr_assert_eq (201, a.status);
  cr_assert_eq (201, b.status, "another organization's key does not clash");
  cr_assert_str_neq (a.body, b.body);
  th_resp_free (&a);
  th_resp_free (&b);
}

Test (accounts, put_by_external_id_upserts_one_row)
{
  struct th_resp r;
  char id[64];

  th_json ("PUT", "/v1/accounts/by-external-id/hs-42", org.key,
           "{\"name\":\"Hooli\",\"stage\":\"prospect\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s",
            json_string_value (json_object_get (r.json, "id")));
  cr_assert_str_eq (json_string_value (
                      json_object_get (r.json, "external_id")),
                    "hs-42");
  th_resp_free (&r);
  th_json ("PUT", "/v1/accounts/by-external-id/hs-42", org.key,
           "{\"name\":\"Hooli XYZ\",\"stage\":\"customer\"}", &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "id")), id);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "stage")),
                    "customer");
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts/by-external-id/hs-42", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "name")),
                    "Hooli XYZ");
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_json ("PUT", "/v1/accounts/by-external-id/hs-42", org.key,
           "{\"name\":\"Hooli\",\"external_id\":\"other\"}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/external_id"));
  th_resp_free (&r);
}

Test (accounts, duplicate_external_id_through_post_is_409)
{
  struct th_resp r;

  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"A\",\"external_id\":\"dup-1\"}", &r);
  cr_assert_eq (201, r.status);
  th_resp_free (&r);
  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"B\",\"external_id\":\"dup-1\"}", &r);
  th_assert_problem (&r, 409);
  th_resp_free (&r);
}

Test (accounts, filters_stage_owner_q_and_updated_since)
{
  struct th_resp r;
  char owner[64];
  char body[256];

  th_json ("POST", "/v1/sellers", org.key, "{\"name\":\"Sam Seller\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (owner, sizeof (owner), "%s",
            json_string_value (json_object_get (r.json, "id")));
  th_resp_free (&r);
  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"Orphan\",\"owner_id\":"
           "\"11111111-2222-4333-8444-555555555555\"}",
           &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/owner_id"), "the owner must be a seller");
  th_resp_free (&r);
  snprintf (body, sizeof (body),
            "{\"name\":\"Northwind Traders\",\"stage\":\"customer\","
            "\"owner_id\":\"%s\"}",
            owner);
  th_json ("POST", "/v1/accounts", org.key, body, &r);
  th_resp_free (&r);
  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"Contoso\",\"stage\":\"prospect\"}", &r);
  th_resp_free (&r);
  th_json ("POST", "/v1/accounts", org.key,
           "{\"name\":\"100% Pure_Data\",\"stage\":\"former\"}", &r);
  th_resp_free (&r);

  th_request ("GET", "/v1/accounts?stage=prospect", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  snprintf (body, sizeof (body), "/v1/accounts?owner_id=%s", owner);
  th_request ("GET", body, org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=NORTHWIND", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")),
                "q is a case-insensitive substring");
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=%25", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")),
                "%% in q is a literal, not a wildcard");
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=_", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?updated_since=2999-01-01T00:00:00Z",
              org.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?updated_since=2000-01-01T00:00:00%2B02:00",
              org.key, NULL, NULL, &r);
  cr_assert_eq (3, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET",
              "/v1/accounts?stage=lead&owner_id=1&updated_since=x"
              "&limit=0&sort=name",
              org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  th_request ("GET",
              "/v1/accounts?stage=lead&owner_id=1&updated_since=x"
              "&limit=0",
              org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "stage"));
  cr_assert (th_has_error (&r, "owner_id"));
  cr_assert (th_has_error (&r, "updated_since"));
  cr_assert (th_has_error (&r, "limit"));
  th_resp_free (&r);
}

Test (accounts, q_with_quotes_and_sql_is_a_normal_search)
{
  static const char *const probes[] = {
    "/v1/accounts?q=%27",
    "/v1/accounts?q=%27%3B%20DROP%20TABLE%20accounts%3B--",
    "/v1/accounts?q=%22%20OR%201%3D1",
    "/v1/accounts?q=%5C",
    "/v1/accounts?q=O%27Brien%27s",
    NULL
  };
  struct th_resp r;

  th_json ("POST", "/v1/accounts", org.key, "{\"name\":\"O'Brien's Pub\"}",
           &r);
  th_resp_free (&r);
  for (const char *const *p = probes; NULL != *p; p++)
  {
    th_request ("GET", *p, org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "%s: %s", *p, r.body);
    th_resp_free (&r);
  }
  th_request ("GET", "/v1/accounts?q=O%27Brien%27s", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")));
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")),
                "the table is still there");
  th_resp_free (&r);
}

/* A client that holds the record's ETag gets 304 and no body until it
   changes; list items carry the same version, so a PATCH from a list
   needs no extra GET. */
Test (accounts, if_none_match_is_304_until_the_record_changes)
{
  struct th_resp r;
  char id[64], path[128], inm[80], ifm[80];
  const char *hdr[2] = { inm, NULL };
  const char *patch[3] = { "Content-Type: application/json", ifm, NULL };
  char *etag;
  json_t *item;
  size_t i;

  th_account_new (org.key, "Hooli", id);
  snprintf (path, sizeof (path), "/v1/accounts/%s", id);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag);
  cr_assert_eq (json_integer_value (json_object_get (r.json, "version")),
                strtol (etag + 1, NULL, 10), "version is the ETag: %s",
                r.body);
  th_resp_free (&r);
  snprintf (inm, sizeof (inm), "If-None-Match: %s", etag);
  th_request ("GET", path, org.key, NULL, hdr, &r);
  cr_assert_eq (304, r.status, "%s", r.body);
  cr_assert_eq (0, r.body_len);
  th_resp_free (&r);
  /* the list shows the version; a PATCH with it as If-Match works */
  th_request ("GET", "/v1/accounts?limit=100", org.key, NULL, NULL, &r);
  json_array_foreach (
    json_object_get (r.json, "data"), i,
    item) if (0
              == strcmp (json_string_value (json_object_get (item, "id")), id))
    snprintf (ifm, sizeof (ifm), "If-Match: \"%lld\"",
              (long long) json_integer_value (
                json_object_get (item, "version")));
  th_resp_free (&r);
  th_request ("PATCH", path, org.key, "{\"industry\":\"search\"}", patch, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, hdr, &r);
  cr_assert_eq (200, r.status, "changed, so not 304");
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "industry")),
                    "search");
  th_resp_free (&r);
  free (etag);
}

/* PATCH by external id changes only the members sent (PUT replaces the
   whole record), keeps the ETag rules, and never creates: an unknown
   external id is a 404 and nothing is written. */
Test (accounts, patch_by_external_id_changes_only_what_is_sent)
{
  struct th_resp r;

  th_json ("PUT", "/v1/accounts/by-external-id/sf-7", org.key,
           "{\"name\":\"Umbrella\",\"stage\":\"customer\","
           "\"annual_value\":120000,\"currency\":\"EUR\","
           "\"renewal_date\":\"2027-03-31\"}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  th_resp_free (&r);
  th_json ("PATCH", "/v1/accounts/by-external-id/sf-7", org.key,
           "{\"stage\":\"former\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "stage")),
                    "former");
  cr_assert_eq (120000,
                json_number_value (json_object_get (r.json, "annual_value")),
                "the value not sent is kept: %s", r.body);
  cr_assert_str_eq (json_string_value (
                      json_object_get (r.json, "renewal_date")),
                    "2027-03-31");
  th_resp_free (&r);
  th_json ("PATCH", "/v1/accounts/by-external-id/never-seen", org.key,
           "{\"name\":\"Ghost\"}", &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?limit=100", org.key, NULL, NULL, &r);
  cr_assert_eq (1, json_array_size (json_object_get (r.json, "data")),
                "a PATCH creates nothing: %s", r.body);
  th_resp_free (&r);
  th_json ("PATCH", "/v1/accounts/by-external-id/sf-7", org.key,
           "{\"bogus\":1}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/bogus"));
  th_resp_free (&r);
}
