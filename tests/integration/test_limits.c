/**
 * @file test_limits.c
 * @brief Every limit answers as documented and leaves the service up:
 *        body size 413, URL length 414, JSON depth and duplicate keys 400,
 *        `limit` bounds 400, oversized headers 4xx, big bodies with flat
 *        memory, slow clients dropped, the connection limit, and the
 *        per-key rate limit with its headers.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

/** Asserts GET /healthz still answers 200 on the service in use. */
static void
assert_alive (void)
{
  struct th_resp r;

  th_request ("GET", "/healthz", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the service stopped answering /healthz");
  th_resp_free (&r);
}

/** The problem's `code` member, or "". */
static const char *
code_of (const struct th_resp *r)
{
  const char *c = json_string_value (json_object_get (r->json, "code"));

  return NULL != c ? c : "";
}

/** {"name":"aaa..."} of exactly @a total bytes; new. */
static char *
name_body (size_t total)
{
  char *b = malloc (total + 1);

  memset (b, 'a', total);
  memcpy (b, "{\"name\":\"", 9);
  memcpy (b + total - 2, "\"}", 2);
  b[total] = '\0';
  return b;
}

Test (limits, a_body_one_byte_over_the_cap_is_413_and_at_the_cap_is_read)
{
  size_t cap = 1048576; /* RAPPORT_BODY_MAX's default */
  struct th_org org;
  struct th_resp r;
  char *over = name_body (cap + 1);
  char *at = name_body (cap);

  th_org_new (&org);
  th_json ("POST", "/v1/accounts", org.key, over, &r);
  th_assert_problem (&r, 413);
  cr_assert_str_eq (code_of (&r), "body-too-large");
  th_resp_free (&r);
  /* Exactly at the cap the body is read (and the name is too long). */
  th_json ("POST", "/v1/accounts", org.key, at, &r);
  cr_assert_neq (413, r.status, "a body at the cap must be read");
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/name"), "%s", r.body);
  th_resp_free (&r);
  free (over);
  free (at);
  assert_alive ();
}

Test (limits, a_url_over_2048_bytes_is_414)
{
  struct th_org org;
  struct th_resp r;
  char path[2200];

  th_org_new (&org);
  memset (path, 'a', sizeof (path) - 1);
  path[sizeof (path) - 1] = '\0';
  memcpy (path, "/v1/accounts/", 13);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 414);
  cr_assert_str_eq (code_of (&r), "uri-too-long");
  th_resp_free (&r);
  /* Just under the limit is an ordinary request. */
  path[2000] = '\0';
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_neq (414, r.status);
  cr_assert (r.status >= 400 && r.status < 500, "got %ld", r.status);
  th_resp_free (&r);
  assert_alive ();
}

Test (limits, json_nested_2049_deep_is_400_and_duplicate_keys_are_400)
{
  struct th_org org;
  struct th_resp r;
  size_t depth = 2049;
  char *body = malloc (2 * depth + 1);

  th_org_new (&org);
  memset (body, '[', depth);
  memset (body + depth, ']', depth);
  body[2 * depth] = '\0';
  th_json ("POST", "/v1/accounts", org.key, body, &r);
  th_assert_problem (&r, 400);
  cr_assert_str_eq (code_of (&r), "malformed-json");
  th_resp_free (&r);
  /* The same, deeper still, in an object member. */
  {
    size_t d = 100000;
    char *deep = malloc (d * 2 + 32);

    strcpy (deep, "{\"name\":");
    memset (deep + 8, '[', d);
    memset (deep + 8 + d, ']', d);
    strcpy (deep + 8 + 2 * d, "}");
    th_json ("POST", "/v1/accounts", org.key, deep, &r);
    th_assert_problem (&r, 400);
    th_resp_free (&r);
    free (deep);
  }
  th_json ("POST", "/v1/accounts", org.key, "{\"name\":\"A\",\"name\":\"B\"}",
           &r);
  th_assert_problem (&r, 400);
  cr_assert_str_eq (code_of (&r), "malformed-json");
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts?q=A", org.key, NULL, NULL, &r);
  cr_assert_eq (0, json_array_size (json_object_get (r.json, "data")),
                "nothing was written");
  th_resp_free (&r);
  free (body);
  assert_alive ();
}

Test (limits, limit_outside_1_to_200_is_400)
{
  static const char *const bad[] = {
    "0", "201", "-1", "abc", "1.5", "", "99999999999999999999", "10x"
  };
  static const char *const good[] = { "1", "200", "50" };
  struct th_org org;
  struct th_resp r;
  char path[128];

  th_org_new (&org);
  for (size_t i = 0; i < sizeof (bad) / sizeof (bad[0]); i++)
  {
    snprintf (path, sizeof (path), "/v1/accounts?limit=%s", bad[i]);
    th_request ("GET", path, org.key, NULL, NULL, &r);
    th_assert_problem (&r, 400);
    cr_assert (th_has_error (&r, "limit"), "limit=%s: %s", bad[i], r.body);
    th_resp_free (&r);
  }
  for (size_t i = 0; i < sizeof (good) / sizeof (good[0]); i++)
  {
    snprintf (path, sizeof (path), "/v1/accounts?limit=%s", good[i]);
    th_request ("GET", path, org.key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "limit=%s: %s", good[i], r.body);
    th_resp_free (&r);
  }
}

Test (limits, a_100_kb_header_is_a_4xx_and_the_service_stays_up)
{
  size_t n = 100 * 1024;
  char *h = malloc (n + 16);
  const char *extra[] = { h, NULL };
  struct sp_resp r;

  memcpy (h, "X-Big: ", 7);
  memset (h + 7, 'x', n);
  h[7 + n] = '\0';
  sp_http (NULL, th_url (), "GET", "/healthz", NULL, NULL, extra, 20, &r);
  /* libmicrohttpd may answer (431) or, past its buffer, close; never a
     2xx and never a crash. */
  if (0 == r.curl_code)
    cr_assert (r.status >= 400 && r.status < 500, "got %ld", r.status);
  sp_resp_free (&r);
  /* Many headers that are large together. */
  {
    const char *many[201];
    char (*lines)[700] = malloc (200 * sizeof (*lines));

    for (int i = 0; i < 200; i++)
    {
      snprintf (lines[i], sizeof (lines[i]), "X-H%d: %0600d", i, i);
      many[i] = lines[i];
    }
    many[200] = NULL;
    sp_http (NULL, th_url (), "GET", "/healthz", NULL, NULL, many, 20, &r);
    if (0 == r.curl_code)
      cr_assert (r.status >= 400 && r.status < 500, "got %ld", r.status);
    sp_resp_free (&r);
    free (lines);
  }
  free (h);
  assert_alive ();
}

Test (limits, ten_mib_chunked_bodies_are_413_with_flat_memory)
{
  const char *pid_s = getenv ("RAPPORT_SERVICE_PID");
  size_t len = 10u * 1024 * 1024;
  char *body = malloc (len);
  struct th_org org;
  struct th_resp r;
  long before, after;

  cr_assert_not_null (pid_s, "RAPPORT_SERVICE_PID unset: use scripts/test");
  th_org_new (&org);
  memset (body, ' ', len);
  body[0] = '[';
  body[len - 1] = ']';
  /* A first one warms every allocator cache up. */
  th_chunked ("POST", "/v1/accounts", org.key, body, len, 65536, &r);
  th_assert_problem (&r, 413);
  th_resp_free (&r);
  before = sp_rss_kib ((pid_t) atoi (pid_s));
  cr_assert (before > 0, "cannot read VmRSS of the service");
  for (int i = 0; i < 10; i++)
  {
    th_chunked ("POST", "/v1/accounts", org.key, body, len, 65536, &r);
    th_assert_problem (&r, 413);
    cr_assert_str_eq (code_of (&r), "body-too-large");
    th_resp_free (&r);
  }
  after = sp_rss_kib ((pid_t) atoi (pid_s));
  cr_log_info ("service VmRSS %ld KiB before, %ld KiB after 100 MiB refused",
               before, after);
  cr_assert_lt (after - before, 64 * 1024,
                "VmRSS grew from %ld to %ld KiB over ten 10 MiB bodies",
                before, after);
  free (body);
  assert_alive ();
}

/** Reads until EOF/reset; how long after @a start it came (-1: never). */
static long long
closed_after (int s, long long start, long long limit_ms)
{
  char buf[512];

  while (sp_now_ms () - start < limit_ms)
  {
    ssize_t n = recv (s, buf, sizeof (buf), 0);

    if (0 == n
        || (n < 0 && EAGAIN != errno && EWOULDBLOCK != errno
            && EINTR != errno))
      return sp_now_ms () - start;
  }
  return -1;
}

Test (limits, a_silent_partial_request_is_dropped_after_the_timeout)
{
  static const char *const env[] = { "RAPPORT_CONNECTION_TIMEOUT=2", NULL };
  struct sp_instance in;
  const char *part = "GET /healthz HTTP/1.1\r\nHost: 127";
  int s;
  long long t0, gone;

  sp_start (&in, env);
  s = sp_connect (in.port, 250);
  cr_assert (s >= 0);
  t0 = sp_now_ms ();
  cr_assert_eq ((ssize_t) strlen (part), send (s, part, strlen (part), 0));
  gone = closed_after (s, t0, 10000);
  close (s);
  cr_assert (gone >= 0, "a half-sent request kept its connection for 10 s "
                        "with RAPPORT_CONNECTION_TIMEOUT=2");
  cr_assert (gone >= 1500, "dropped too early (%lld ms)", gone);
  sp_use (&in);
  assert_alive ();
  cr_assert_eq (0, sp_stop (&in, 15));
}

/*
 * Regression: libmicrohttpd's connection timeout is an inactivity timeout
 * (every byte restarts it), so a client sending its headers one byte a
 * second held a connection, and a slot of RAPPORT_CONNECTION_LIMIT, for as
 * long as it liked.  service/http/janitor.c now gives a request's headers
 * a deadline of one connection timeout.
 */
Test (limits, a_slow_loris_trickling_headers_is_dropped)
{
  static const char *const env[] = { "RAPPORT_CONNECTION_TIMEOUT=2", NULL };
  struct sp_instance in;
  const char *req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  int s;
  long long t0;
  bool dropped = false;

  sp_start (&in, env);
  s = sp_connect (in.port, 100);
  cr_assert (s >= 0);
  t0 = sp_now_ms ();
  /* One byte every second (less than the timeout) for up to 12 s. */
  for (size_t i = 0; i < strlen (req) && sp_now_ms () - t0 < 12000; i++)
  {
    char buf[256];
    ssize_t n;

    if (1 != send (s, req + i, 1, MSG_NOSIGNAL))
    {
      dropped = true;
      break;
    }
    n = recv (s, buf, sizeof (buf), 0);
    if (0 == n || (n < 0 && EAGAIN != errno && EWOULDBLOCK != errno))
    {
      dropped = true;
      break;
    }
    sp_sleep_ms (900);
  }
  close (s);
  cr_assert (dropped,
             "a client trickling its headers one byte a second "
             "kept its connection for 12 s with RAPPORT_CONNECTION_TIMEOUT=2");
  sp_use (&in);
  assert_alive ();
  cr_assert_eq (0, sp_stop (&in, 15));
}

/** True when @a s gets an HTTP response within @a ms. */
static bool
served (int s, int ms)
{
  char buf[256];
  long long t0 = sp_now_ms ();

  while (sp_now_ms () - t0 < ms)
  {
    ssize_t n = recv (s, buf, sizeof (buf) - 1, 0);

    if (n > 0)
    {
      buf[n] = '\0';
      return 0 == strncmp (buf, "HTTP/1.1 ", 9);
    }
    if (0 == n
        || (n < 0 && EAGAIN != errno && EWOULDBLOCK != errno
            && EINTR != errno))
      return false;
  }
  return false;
}

Test (limits, the_ninth_connection_over_a_limit_of_8_is_not_served)
{
  static const char *const env[] = { "RAPPORT_CONNECTION_LIMIT=8",
                                     "RAPPORT_CONNECTION_TIMEOUT=20", NULL };
  static const char *get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  struct sp_instance in;
  int idle[8], s;
  bool ninth_served;

  sp_start (&in, env);
  for (int i = 0; i < 8; i++)
  {
    idle[i] = sp_connect (in.port, 200);
    cr_assert (idle[i] >= 0, "connection %d of 8 refused", i + 1);
  }
  /* The eight are held by the service, idle (a request on the first
     shows it serves them). */
  sp_sleep_ms (300);
  cr_assert_eq ((ssize_t) strlen (get), send (idle[0], get, strlen (get), 0));
  cr_assert (served (idle[0], 5000), "one of the 8 was not served");
  s = sp_connect (in.port, 200);
  ninth_served = s >= 0
                 && (ssize_t) strlen (get)
                      == send (s, get, strlen (get), MSG_NOSIGNAL)
                 && served (s, 2000);
  cr_assert (! ninth_served, "a ninth connection was served with "
                             "RAPPORT_CONNECTION_LIMIT=8");
  if (s >= 0)
    close (s);
  /* Once the idle ones go, the service takes connections again. */
  for (int i = 0; i < 8; i++)
    close (idle[i]);
  {
    long long t0 = sp_now_ms ();
    bool ok = false;

    while (! ok && sp_now_ms () - t0 < 10000)
    {
      struct sp_resp r;

      sp_http (NULL, in.url, "GET", "/healthz", NULL, NULL, NULL, 3, &r);
      ok = 200 == r.status;
      sp_resp_free (&r);
      if (! ok)
        sp_sleep_ms (100);
    }
    cr_assert (ok, "no connection was served after the idle ones closed");
  }
  cr_assert_eq (0, sp_stop (&in, 15));
}

/* The rate-limit fields speak one unit, the key's bucket: a policy of 40
   requests refilled in 4 seconds (10 a second), "RateLimit-Limit: 40"
   beside "RateLimit-Remaining: 39", never the per-second rate beside
   the burst. */
Test (limits, rate_limit_fields_agree_with_each_other)
{
  static const char *const env[] = { "RAPPORT_RATE_LIMIT=10",
                                     "RAPPORT_RATE_BURST=40", NULL };
  struct sp_instance in;
  struct th_org org;
  struct th_resp r;
  char *policy, *now, *lim, *rem;

  th_org_new (&org);
  sp_start (&in, env);
  sp_use (&in);
  sp_sleep_ms (500);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  policy = th_header (&r, "RateLimit-Policy");
  now = th_header (&r, "RateLimit");
  lim = th_header (&r, "RateLimit-Limit");
  rem = th_header (&r, "RateLimit-Remaining");
  cr_assert_not_null (policy);
  cr_assert_str_eq (policy, "\"key\";q=40;w=4");
  cr_assert_not_null (now);
  cr_assert_eq (0, strncmp (now, "\"key\";r=", 8), "RateLimit: %s", now);
  cr_assert_not_null (lim);
  cr_assert_str_eq (lim, "40", "RateLimit-Limit is the bucket, as q");
  cr_assert_not_null (rem);
  cr_assert (atol (rem) >= 30 && atol (rem) < 40, "Remaining %s", rem);
  cr_assert_eq (atol (rem), atol (strstr (now, "r=") + 2),
                "RateLimit's r is RateLimit-Remaining");
  free (policy);
  free (now);
  free (lim);
  free (rem);
  th_resp_free (&r);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (limits, a_key_over_its_rate_gets_429_and_others_do_not)
{
  static const char *const env[] = { "RAPPORT_RATE_LIMIT=5",
                                     "RAPPORT_RATE_BURST=5", NULL };
  struct sp_instance in;
  struct th_org org;
  struct th_resp r;
  char other[128];
  int ok = 0, limited = 0;
  long retry = 0;
  long long t0;

  th_org_new (&org);
  sp_start (&in, env);
  sp_use (&in);
  th_key_new (&org, "read", other, NULL);
  sp_sleep_ms (1500); /* the admin key's bucket refills */
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  {
    char *lim = th_header (&r, "RateLimit-Limit");
    char *rem = th_header (&r, "RateLimit-Remaining");
    char *rst = th_header (&r, "RateLimit-Reset");

    cr_assert_not_null (lim, "a 2xx carries RateLimit-Limit");
    cr_assert_str_eq (lim, "5");
    cr_assert_not_null (rem);
    cr_assert (atol (rem) >= 0 && atol (rem) < 5, "Remaining %s", rem);
    cr_assert_not_null (rst);
    free (lim);
    free (rem);
    free (rst);
  }
  th_resp_free (&r);
  t0 = sp_now_ms ();
  for (int i = 0; i < 300 && 0 == limited && sp_now_ms () - t0 < 20000; i++)
  {
    th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
    if (200 == r.status)
      ok++;
    else
    {
      char *ra = th_header (&r, "Retry-After");
      char *lim = th_header (&r, "RateLimit-Limit");
      char *rem = th_header (&r, "RateLimit-Remaining");
      char *rst = th_header (&r, "RateLimit-Reset");

      th_assert_problem (&r, 429);
      cr_assert_str_eq (code_of (&r), "rate-limited");
      cr_assert_not_null (ra, "a 429 carries Retry-After");
      retry = atol (ra);
      cr_assert (retry >= 1 && retry <= 5, "Retry-After: %s", ra);
      cr_assert_not_null (lim);
      cr_assert_str_eq (lim, "5");
      cr_assert_not_null (rem);
      cr_assert_str_eq (rem, "0");
      cr_assert_not_null (rst);
      cr_assert (atol (rst) >= 1, "RateLimit-Reset: %s", rst);
      free (ra);
      free (lim);
      free (rem);
      free (rst);
      limited++;
    }
    th_resp_free (&r);
  }
  cr_assert_eq (1, limited, "no 429 after %d rapid requests", ok);
  /* The burst (4 left) plus 5 a second while the loop ran. */
  cr_assert (ok >= 3 && ok <= 4 + 5 * (sp_now_ms () - t0) / 1000 + 1,
             "%d requests passed a burst of 5 in %lld ms", ok,
             sp_now_ms () - t0);
  /* Another key of the same organization has its own budget. */
  th_request ("GET", "/v1/accounts", other, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "another key was limited: %s", r.body);
  th_resp_free (&r);
  /* Unauthenticated ops endpoints are not limited. */
  th_request ("GET", "/healthz", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  sp_sleep_ms (retry * 1000 + 100);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "still limited after Retry-After: %s", r.body);
  th_resp_free (&r);
  cr_assert_eq (0, sp_stop (&in, 15));
}
