/**
 * @file test_http_errors.c
 * @brief Protocol-level errors: malformed and duplicate-key JSON, content
 *        types, bodies over the cap (plain and chunked), unknown routes and
 *        methods, request ids.
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

TestSuite (errors, .init = setup);

/** Asserts the organization still has no accounts. */
static void
assert_nothing_written (void)
{
  struct th_resp r;

  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")),
                "nothing was written");
  th_resp_free (&r);
}

Test (errors, malformed_json_is_400_with_the_position)
{
  static const char *const bodies[] = { "{\"name\":",
                                        "{name: 1}",
                                        "nul",
                                        "{\"name\":\"a\"} trailing",
                                        "{\"name\":\"\xff\xfe\"}",
                                        NULL };
  struct th_resp r;

  for (const char *const *b = bodies; NULL != *b; b++)
  {
    th_json ("POST", "/v1/accounts", org.key, *b, &r);
    th_assert_problem (&r, 400);
    cr_assert_not_null (strstr (json_string_value (
                                  json_object_get (r.json, "detail")),
                                "column"),
                        "detail gives the position");
    th_resp_free (&r);
  }
  assert_nothing_written ();
}

Test (errors, duplicate_keys_are_400)
{
  struct th_resp r;

  th_json ("POST", "/v1/accounts", org.key, "{\"name\":\"A\",\"name\":\"B\"}",
           &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
  assert_nothing_written ();
}

Test (errors, wrong_content_type_is_415)
{
  const char *form[] = { "Content-Type: application/x-www-form-urlencoded",
                         NULL };
  const char *none[] = { "Content-Type:", NULL };
  struct th_resp r;

  th_request ("POST", "/v1/accounts", org.key, "{\"name\":\"A\"}", form, &r);
  th_assert_problem (&r, 415);
  th_resp_free (&r);
  th_request ("POST", "/v1/accounts", org.key, "{\"name\":\"A\"}", none, &r);
  th_assert_problem (&r, 415);
  th_resp_free (&r);
  assert_nothing_written ();
}

/** A JSON body of about @a size bytes: one account with a long name. */
static char *
big_body (size_t size)
{
  char *b = malloc (size + 1);

  memset (b, 'x', size);
  memcpy (b, "{\"name\":\"", 9);
  memcpy (b + size - 2, "\"}", 2);
  b[size] = '\0';
  return b;
}

Test (errors, a_2_mib_body_is_413)
{
  char *body = big_body (2 * 1024 * 1024);
  struct th_resp r;

  th_json ("POST", "/v1/accounts", org.key, body, &r);
  th_assert_problem (&r, 413);
  th_resp_free (&r);
  free (body);
  assert_nothing_written ();
}

Test (errors, a_2_mib_chunked_body_is_413)
{
  char *body = big_body (2 * 1024 * 1024);
  struct th_resp r;

  th_chunked ("POST", "/v1/accounts", org.key, body, strlen (body), 16384, &r);
  th_assert_problem (&r, 413);
  th_resp_free (&r);
  free (body);
  assert_nothing_written ();
}

Test (errors, a_small_chunked_body_in_tiny_chunks_works)
{
  const char *body = "{\"name\":\"Chunky Bacon Ltd\",\"stage\":\"prospect\"}";
  struct th_resp r;

  th_chunked ("POST", "/v1/accounts", org.key, body, strlen (body), 7, &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  th_resp_free (&r);
}

Test (errors, unknown_route_404_and_wrong_method_405_with_allow)
{
  struct th_resp r;
  char *allow;

  th_request ("GET", "/v1/nothing-here", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  th_request ("PUT", "/v1/accounts", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 405);
  allow = th_header (&r, "Allow");
  cr_assert_not_null (allow);
  cr_assert_not_null (strstr (allow, "GET"));
  cr_assert_not_null (strstr (allow, "POST"));
  free (allow);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts/not-a-uuid", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
}

Test (errors, every_response_carries_a_distinct_request_id)
{
  struct th_resp a, b;
  char *ia, *ib;

  th_request ("GET", "/healthz", NULL, NULL, NULL, &a);
  th_request ("GET", "/v1/accounts", NULL, NULL, NULL, &b);
  ia = th_header (&a, "X-Request-Id");
  ib = th_header (&b, "X-Request-Id");
  cr_assert_not_null (ia);
  cr_assert_not_null (ib);
  cr_assert_str_neq (ia, ib);
  free (ia);
  free (ib);
  th_resp_free (&a);
  th_resp_free (&b);
}

Test (errors, head_is_get_without_a_body)
{
  struct th_resp r;

  th_request ("HEAD", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_eq (0, r.body_len);
  th_resp_free (&r);
}

Test (errors, no_sql_or_libpq_text_reaches_a_client)
{
  struct th_resp r;

  th_request ("GET", "/v1/accounts?owner_id=%27%3B", org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  cr_assert_null (strstr (r.body, "SQL"));
  cr_assert_null (strstr (r.body, "syntax"));
  th_resp_free (&r);
}
