/**
 * @file test_http_sellers.c
 * @brief Sellers over HTTP: a round trip with values, merge patches and
 *        ETags; every validation rule; upserts by external id; filters
 *        and pagination.
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

TestSuite (sellers, .init = setup);

Test (sellers, seller_round_trip_with_values_and_etags)
{
  struct th_resp r;
  char id[64], path[128], *etag, *etag2;

  th_json ("POST", "/v1/sellers", org.key,
           "{\"name\":\"Sam Seller\",\"email\":\"sam@example.com\","
           "\"values\":{\"priorities\":{\"quality\":0.9},"
           "\"answers\":{\"What matters?\":\"Doing it right\"}}}",
           &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  snprintf (path, sizeof (path), "/v1/sellers/%s", id);
  th_assert_header (&r, "Location", path);
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag, "a created resource has an ETag");
  cr_assert_str_eq (th_str (&r, "email"), "sam@example.com");
  th_resp_free (&r);

  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "name"), "Sam Seller");
  cr_assert_float_eq (json_number_value (json_object_get (
                        json_object_get (json_object_get (r.json, "values"),
                                         "priorities"),
                        "quality")),
                      0.9, 1e-9);
  th_resp_free (&r);

  /* Merge patch goes into the nested values and keeps the rest. */
  th_patch (org.key, path, etag,
            "{\"values\":{\"priorities\":{\"speed\":0.4}}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  {
    json_t *p = json_object_get (json_object_get (r.json, "values"),
                                 "priorities");

    cr_assert_eq (2, json_object_size (p), "%s", r.body);
    cr_assert_float_eq (json_number_value (json_object_get (p, "speed")), 0.4,
                        1e-9);
    cr_assert_str_eq (json_string_value (json_object_get (
                        json_object_get (json_object_get (r.json, "values"),
                                         "answers"),
                        "What matters?")),
                      "Doing it right");
  }
  etag2 = th_header (&r, "ETag");
  cr_assert_str_neq (etag, etag2);
  th_resp_free (&r);

  th_patch (org.key, path, etag, "{\"name\":\"Stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_str_eq (th_str (&r, "name"), "Sam Seller",
                    "the 412 changed nothing");
  th_resp_free (&r);

  th_expect_status ("DELETE", path, org.key, NULL, 204);
  th_expect_problem ("GET", path, org.key, NULL, 404);
  free (etag);
  free (etag2);
}

Test (sellers, seller_validation_rules)
{
  static const struct
  {
    const char *body, *field;
  } cases[] = {
    { "{\"email\":\"a@b.c\"}", "/name" },
    { "{\"name\":\"\"}", "/name" },
    { "{\"name\":\"x\",\"email\":\"not-an-email\"}", "/email" },
    { "{\"name\":\"x\",\"email\":\"a b@c.d\"}", "/email" },
    { "{\"name\":\"x\",\"external_id\":\"a/b\"}", "/external_id" },
    { "{\"name\":\"x\",\"values\":{\"priorities\":{\"bogus\":0.5}}}",
      "/values/priorities/bogus" },
    { "{\"name\":\"x\",\"values\":{\"priorities\":{\"quality\":1.5}}}",
      "/values/priorities/quality" },
    { "{\"name\":\"x\",\"values\":{\"answers\":{\"q\":7}}}",
      "/values/answers/q" },
    { "{\"name\":\"x\",\"values\":{\"colour\":{}}}", "/values/colour" },
    { "{\"name\":\"x\",\"values\":[]}", "/values" },
    { "{\"name\":\"x\",\"id\":\"00000000-0000-4000-8000-000000000000\"}",
      "/id" },
    { "{\"name\":\"x\",\"nickname\":\"y\"}", "/nickname" },
  };
  struct th_resp r;

  for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
  {
    th_json ("POST", "/v1/sellers", org.key, cases[i].body, &r);
    th_expect_422 (&r, cases[i].field, cases[i].body);
  }
  cr_assert_eq (0, th_count (org.key, "/v1/sellers"), "nothing was written");
}

Test (sellers, seller_upsert_by_external_id_twice_is_one_row)
{
  struct th_resp r;
  char id[64];

  th_json ("PUT", "/v1/sellers/by-external-id/emp-7", org.key,
           "{\"name\":\"Pat\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  cr_assert_str_eq (th_str (&r, "external_id"), "emp-7");
  th_resp_free (&r);
  th_json ("PUT", "/v1/sellers/by-external-id/emp-7", org.key,
           "{\"name\":\"Pat Jones\"}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (th_str (&r, "id"), id);
  cr_assert_str_eq (th_str (&r, "name"), "Pat Jones");
  th_resp_free (&r);
  th_request ("GET", "/v1/sellers/by-external-id/emp-7", org.key, NULL, NULL,
              &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (th_str (&r, "id"), id);
  th_resp_free (&r);
  cr_assert_eq (1, th_count (org.key, "/v1/sellers"));
  th_expect_problem ("POST", "/v1/sellers", org.key,
                     "{\"name\":\"Other Pat\",\"external_id\":\"emp-7\"}",
                     409);
  cr_assert_eq (1, th_count (org.key, "/v1/sellers"));
}

Test (sellers, seller_filters_and_pagination)
{
  char ids[8][64], seen[8][64], middle[64];
  struct th_resp r;

  for (int i = 0; i < 5; i++)
    th_create (org.key, "/v1/sellers",
               th_fmt ("{\"name\":\"%s %d\"}", i % 2 ? "Alex" : "Blake", i),
               ids[i]);
  cr_assert_eq (5, th_walk (org.key, "/v1/sellers", 2, seen, 8));
  for (int i = 0; i < 5; i++)
    cr_assert_str_eq (seen[i], ids[4 - i], "newest first");
  cr_assert_eq (2, th_count (org.key, "/v1/sellers?q=alex"));
  th_request ("GET", th_fmt ("/v1/sellers/%s", ids[2]), org.key, NULL, NULL,
              &r);
  snprintf (middle, sizeof (middle), "%s", th_str (&r, "updated_at"));
  th_resp_free (&r);
  cr_assert_eq (3, th_count (org.key,
                             th_fmt ("/v1/sellers?updated_since=%s", middle)));
  th_request ("GET", "/v1/sellers?updated_since=yesterday", org.key, NULL,
              NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert (th_has_error (&r, "updated_since"));
  th_resp_free (&r);
}
