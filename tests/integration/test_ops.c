/**
 * @file test_ops.c
 * @brief What operators and browsers rely on: /healthz, /readyz (and its
 *        503 when migrations are behind), /metrics in the Prometheus text
 *        format, the contract at /v1/openapi.json and its agreement with
 *        the route table, CORS, configuration errors and --help.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

/** The problem's `code` member, or "". */
static const char *
code_of (const struct th_resp *r)
{
  const char *c = json_string_value (json_object_get (r->json, "code"));

  return NULL != c ? c : "";
}

/** Asserts header @a name of @a r equals @a want (NULL: absent). */
static void
assert_header (const struct th_resp *r, const char *name, const char *want)
{
  char *v = th_header (r, name);

  if (NULL == want)
    cr_assert_null (v, "unexpected %s: %s", name, v);
  else
  {
    cr_assert_not_null (v, "no %s header", name);
    cr_assert_str_eq (v, want, "%s", name);
  }
  free (v);
}

Test (ops, healthz_and_readyz_answer_200_without_a_key)
{
  struct th_resp r;

  th_request ("GET", "/healthz", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "status")),
                    "ok");
  assert_header (&r, "Content-Type", "application/json");
  th_resp_free (&r);
  th_request ("GET", "/readyz", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "status")),
                    "ready");
  cr_assert (json_is_string (json_object_get (r.json, "migration")));
  th_resp_free (&r);
  th_request ("HEAD", "/healthz", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  th_request ("POST", "/healthz", NULL, NULL, NULL, &r);
  th_assert_problem (&r, 405);
  th_resp_free (&r);
}

/** True when the text has a line starting with @a prefix. */
static bool
has_line (const char *text, const char *prefix)
{
  size_t n = strlen (prefix);

  for (const char *p = text; NULL != p && *p; p = strchr (p, '\n'))
  {
    if ('\n' == *p)
      p++;
    if (0 == strncmp (p, prefix, n))
      return true;
  }
  return false;
}

Test (ops, metrics_are_prometheus_text_by_route_template)
{
  struct th_org org;
  struct th_resp r;
  regex_t sample;
  char *line, *save = NULL, *copy;
  int samples = 0;

  th_org_new (&org);
  /* A 404 and a 200 on item routes: counted under the template. */
  th_request ("GET", "/v1/accounts/00000000-0000-4000-8000-000000000000",
              org.key, NULL, NULL, &r);
  cr_assert_eq (404, r.status);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  th_resp_free (&r);
  th_request ("GET", "/metrics", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  {
    char *ct = th_header (&r, "Content-Type");

    cr_assert_not_null (ct);
    cr_assert (0 == strncmp (ct, "text/plain", 10), "Content-Type %s", ct);
    free (ct);
  }
  cr_assert (has_line (r.body,
                       "rapport_http_requests_total{route=\""
                       "/v1/accounts/{id}\",method=\"GET\",status=\"404\"} "),
             "no 404 counter for the item template:\n%s", r.body);
  cr_assert (has_line (r.body,
                       "rapport_http_requests_total{route=\""
                       "/v1/accounts\",method=\"GET\",status=\"200\"} "));
  cr_assert (NULL == strstr (r.body, "00000000-0000-4000-8000"),
             "ids must not become labels");
  cr_assert (has_line (r.body, "# TYPE rapport_http_requests_total counter"));
  cr_assert (has_line (r.body, "# TYPE rapport_http_request_duration_seconds"
                               " histogram"));
  cr_assert (has_line (r.body,
                       "rapport_http_request_duration_seconds_bucket"
                       "{route=\"/v1/accounts/{id}\",method=\"GET\",le=\"+Inf"
                       "\"} "));
  cr_assert (has_line (r.body, "rapport_http_request_duration_seconds_count"
                               "{route=\"/v1/accounts/{id}\""));
  cr_assert (
    has_line (r.body, "rapport_db_pool_connections{state=\"idle\"} "));
  cr_assert (has_line (r.body, "rapport_db_pool_connections{state=\"in_use\"}"
                               " "));
  /* Every line is a comment or a well-formed sample. */
  cr_assert_eq (0, regcomp (&sample,
                            "^[a-zA-Z_:][a-zA-Z0-9_:]*"
                            "(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\",?)*\\})? "
                            "[-+0-9.eEInfNa]+$",
                            REG_EXTENDED | REG_NOSUB));
  copy = strdup (r.body);
  for (line = strtok_r (copy, "\n", &save); NULL != line;
       line = strtok_r (NULL, "\n", &save))
  {
    if ('#' == line[0])
    {
      cr_assert (0 == strncmp (line, "# HELP ", 7)
                   || 0 == strncmp (line, "# TYPE ", 7),
                 "bad comment: %s", line);
      continue;
    }
    cr_assert_eq (0, regexec (&sample, line, 0, NULL, 0),
                  "not a Prometheus sample: %s", line);
    samples++;
  }
  cr_assert_gt (samples, 10);
  free (copy);
  regfree (&sample);
  th_resp_free (&r);
}

Test (ops, the_contract_is_served_as_openapi_3_1_json)
{
  struct th_resp r;

  th_request ("GET", "/v1/openapi.json", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  assert_header (&r, "Content-Type", "application/json");
  cr_assert_not_null (r.json, "not JSON");
  cr_assert_str_eq (json_string_value (json_object_get (r.json, "openapi")),
                    "3.1.0");
  cr_assert (json_object_size (json_object_get (r.json, "paths")) > 20);
  cr_assert (json_is_object (json_object_get (r.json, "info")));
  th_resp_free (&r);
}

/* The reference page: every tag of the served document has its section,
   every operation its anchor, and nothing is loaded from elsewhere (no
   script, no external stylesheet or image), so it works offline. */
Test (ops, the_reference_page_lists_every_tag_and_works_offline)
{
  struct th_resp doc, r;
  size_t i;
  json_t *tag;
  const char *path;
  json_t *item;

  th_request ("GET", "/v1/openapi.json", NULL, NULL, NULL, &doc);
  cr_assert_eq (200, doc.status);
  th_request ("GET", "/docs", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  assert_header (&r, "Content-Type", "text/html; charset=utf-8");
  json_array_foreach (json_object_get (doc.json, "tags"), i, tag)
  {
    const char *name = json_string_value (json_object_get (tag, "name"));

    cr_expect_not_null (strstr (r.body, th_fmt ("id=\"tag-%s\"", name)),
                        "no section for tag %s", name);
  }
  json_object_foreach (json_object_get (doc.json, "paths"), path, item)
  {
    const char *m;
    json_t *op;

    json_object_foreach (item, m, op)
    {
      const char *id = json_string_value (json_object_get (op, "operationId"));

      if (NULL != id)
        cr_expect_not_null (strstr (r.body, th_fmt ("id=\"%s\"", id)),
                            "no entry for %s %s", m, path);
    }
  }
  cr_assert_null (strstr (r.body, "<script"), "a script");
  cr_assert_null (strstr (r.body, "src=\"http"), "an external resource");
  cr_assert_null (strstr (r.body, "<link"), "an external stylesheet");
  th_resp_free (&doc);
  th_resp_free (&r);
}

/** Runs @a cmd (through sh); output in @a out; returns the exit status. */
static int
run (const char *cmd, char *out, size_t len)
{
  FILE *p = popen (cmd, "r");
  size_t n = 0, got;
  int st;

  cr_assert_not_null (p);
  while (n + 1 < len && (got = fread (out + n, 1, len - n - 1, p)) > 0)
    n += got;
  out[n] = '\0';
  {
    char sink[512];

    while (fread (sink, 1, sizeof (sink), p) > 0)
      ;
  }
  st = pclose (p);
  return WIFEXITED (st) ? WEXITSTATUS (st) : -1;
}

Test (ops, bad_settings_stop_the_service_naming_the_setting)
{
  const char *bin = getenv ("RAPPORT_BIN");
  char cmd[1024], out[8192];
  int rc;

  cr_assert_not_null (bin);
  snprintf (cmd, sizeof (cmd), "'%s' serve --port 99999 2>&1", bin);
  rc = run (cmd, out, sizeof (out));
  cr_assert (0 != rc, "--port 99999 was accepted");
  cr_assert (NULL != strstr (out, "--port") && NULL != strstr (out, "99999"),
             "the message does not name --port: %s", out);
  snprintf (cmd, sizeof (cmd),
            "RAPPORT_CONNECTION_LIMIT=lots '%s' serve "
            "2>&1",
            bin);
  rc = run (cmd, out, sizeof (out));
  cr_assert (0 != rc);
  cr_assert (NULL != strstr (out, "RAPPORT_CONNECTION_LIMIT"), "%s", out);
  snprintf (cmd, sizeof (cmd), "'%s' serve --no-such-flag 1 2>&1", bin);
  rc = run (cmd, out, sizeof (out));
  cr_assert (0 != rc);
  cr_assert (NULL != strstr (out, "--no-such-flag"), "%s", out);
  snprintf (cmd, sizeof (cmd), "LOG_LEVEL=chatty '%s' serve 2>&1", bin);
  rc = run (cmd, out, sizeof (out));
  cr_assert (0 != rc);
  cr_assert (NULL != strstr (out, "LOG_LEVEL"), "%s", out);
  snprintf (cmd, sizeof (cmd), "env -u DATABASE_URL '%s' serve 2>&1", bin);
  rc = run (cmd, out, sizeof (out));
  cr_assert (0 != rc);
  cr_assert (NULL != strstr (out, "DATABASE_URL"), "%s", out);
}

Test (ops, help_lists_every_setting_with_its_variable)
{
  static const char *const vars[] = { "BIND_ADDRESS",
                                      "PORT",
                                      "DATABASE_URL",
                                      "MIGRATE_DATABASE_URL",
                                      "RAPPORT_MIGRATIONS_DIR",
                                      "RAPPORT_THREADS",
                                      "RAPPORT_BODY_MAX",
                                      "RAPPORT_BATCH_BODY_MAX",
                                      "RAPPORT_CONNECTION_TIMEOUT",
                                      "RAPPORT_CONNECTION_LIMIT",
                                      "RAPPORT_STATEMENT_TIMEOUT_MS",
                                      "RAPPORT_DB_ACQUIRE_TIMEOUT_MS",
                                      "LOG_LEVEL",
                                      "RAPPORT_MODEL",
                                      "RAPPORT_OPENAPI",
                                      "RAPPORT_CORS_ORIGINS",
                                      "RAPPORT_RATE_LIMIT",
                                      "RAPPORT_RATE_BURST",
                                      "RAPPORT_INSTANCES",
                                      "RAPPORT_SHUTDOWN_TIMEOUT",
                                      NULL };
  const char *bin = getenv ("RAPPORT_BIN");
  char cmd[1024], out[16384];

  cr_assert_not_null (bin);
  snprintf (cmd, sizeof (cmd), "'%s' --help 2>&1", bin);
  cr_assert_eq (0, run (cmd, out, sizeof (out)));
  cr_assert (NULL != strstr (out, "usage:"), "%s", out);
  for (const char *const *v = vars; NULL != *v; v++)
  {
    char word[64];

    snprintf (word, sizeof (word), " %s ", *v);
    cr_assert (NULL != strstr (out, word), "--help does not list %s", *v);
  }
  cr_assert (NULL != strstr (out, "--port"));
  cr_assert (NULL != strstr (out, "--shutdown-timeout"));
}

Test (ops, readyz_is_503_while_the_database_lacks_the_latest_migration)
{
  char dir[] = "/tmp/rapport-mig-XXXXXX", env_dir[128], file[160];
  const char *env[] = { env_dir, NULL };
  struct sp_instance in;
  struct sp_resp r;
  FILE *f;

  cr_assert_not_null (mkdtemp (dir));
  snprintf (file, sizeof (file), "%s/9999_from_the_future.sql", dir);
  f = fopen (file, "w");
  cr_assert_not_null (f);
  fputs ("SELECT 1;\n", f);
  fclose (f);
  snprintf (env_dir, sizeof (env_dir), "RAPPORT_MIGRATIONS_DIR=%s", dir);
  sp_start (&in, env);
  sp_http (NULL, in.url, "GET", "/readyz", NULL, NULL, NULL, 10, &r);
  cr_assert_eq (503, r.status, "%s", r.body);
  {
    char *ra = sp_header (&r, "Retry-After");
    char *ct = sp_header (&r, "Content-Type");

    cr_assert_not_null (ra, "a 503 carries Retry-After");
    cr_assert_not_null (ct);
    cr_assert_str_eq (ct, "application/problem+json");
    cr_assert (NULL != strstr (r.body, "migration"), "%s", r.body);
    free (ra);
    free (ct);
  }
  sp_resp_free (&r);
  sp_http (NULL, in.url, "GET", "/healthz", NULL, NULL, NULL, 10, &r);
  cr_assert_eq (200, r.status, "alive while not ready");
  sp_resp_free (&r);
  cr_assert_eq (0, sp_stop (&in, 15));
  unlink (file);
  rmdir (dir);
}

Test (ops, cors_lets_the_configured_origin_read_replies_and_errors)
{
  static const char *const env[] = {
    "RAPPORT_CORS_ORIGINS=https://crm.example.com", NULL
  };
  static const char *const ours[] = { "Origin: https://crm.example.com",
                                      NULL };
  static const char *const theirs[] = { "Origin: https://evil.example.com",
                                        NULL };
  static const char *const preflight[] = {
    "Origin: https://crm.example.com", "Access-Control-Request-Method: PATCH",
    "Access-Control-Request-Headers: authorization, content-type, if-match",
    NULL
  };
  struct sp_instance in;
  struct th_org org;
  struct th_resp r;
  char *v;

  th_org_new (&org);
  sp_start (&in, env);
  sp_use (&in);
  /* The preflight needs no key. */
  th_request ("OPTIONS", "/v1/accounts/00000000-0000-4000-8000-000000000000",
              NULL, NULL, preflight, &r);
  cr_assert_eq (204, r.status, "%s", r.body);
  v = th_header (&r, "Access-Control-Allow-Methods");
  cr_assert_not_null (v);
  cr_assert (NULL != strstr (v, "PATCH") && NULL != strstr (v, "DELETE")
               && NULL != strstr (v, "GET"),
             "Allow-Methods: %s", v);
  cr_assert (NULL == strstr (v, "POST"), "Allow-Methods: %s", v);
  free (v);
  v = th_header (&r, "Access-Control-Allow-Headers");
  cr_assert_not_null (v);
  cr_assert (NULL != strcasestr (v, "Authorization")
               && NULL != strcasestr (v, "Content-Type")
               && NULL != strcasestr (v, "If-Match")
               && NULL != strcasestr (v, "Idempotency-Key"),
             "%s", v);
  free (v);
  assert_header (&r, "Access-Control-Allow-Origin", "https://crm.example.com");
  th_resp_free (&r);
  th_request ("OPTIONS", "/v1/no-such-thing", NULL, NULL, preflight, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);

  /* A normal reply and an error both let the origin read them. */
  th_request ("GET", "/v1/accounts", org.key, NULL, ours, &r);
  cr_assert_eq (200, r.status);
  assert_header (&r, "Access-Control-Allow-Origin", "https://crm.example.com");
  v = th_header (&r, "Access-Control-Expose-Headers");
  cr_assert_not_null (v, "no Access-Control-Expose-Headers");
  cr_assert (NULL != strstr (v, "ETag") && NULL != strstr (v, "Location")
               && NULL != strstr (v, "X-Request-Id")
               && NULL != strstr (v, "Retry-After"),
             "Expose: %s", v);
  free (v);
  v = th_header (&r, "Vary");
  cr_assert (NULL != v && NULL != strstr (v, "Origin"), "Vary: %s", v);
  free (v);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", "not-a-key", NULL, ours, &r);
  th_assert_problem (&r, 401);
  assert_header (&r, "Access-Control-Allow-Origin", "https://crm.example.com");
  v = th_header (&r, "Access-Control-Expose-Headers");
  cr_assert_not_null (v, "an error must be readable by the origin too");
  free (v);
  th_resp_free (&r);

  /* Another origin gets nothing. */
  th_request ("GET", "/v1/accounts", org.key, NULL, theirs, &r);
  cr_assert_eq (200, r.status);
  assert_header (&r, "Access-Control-Allow-Origin", NULL);
  assert_header (&r, "Access-Control-Expose-Headers", NULL);
  th_resp_free (&r);
  th_request ("GET", "/v1/accounts", NULL, NULL, theirs, &r);
  th_assert_problem (&r, 401);
  assert_header (&r, "Access-Control-Allow-Origin", NULL);
  th_resp_free (&r);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (ops, without_cors_origins_no_origin_is_allowed)
{
  static const char *const ours[] = { "Origin: https://crm.example.com",
                                      NULL };
  struct th_resp r;

  /* The shared instance has no RAPPORT_CORS_ORIGINS. */
  th_request ("GET", "/healthz", NULL, NULL, ours, &r);
  cr_assert_eq (200, r.status);
  assert_header (&r, "Access-Control-Allow-Origin", NULL);
  th_resp_free (&r);
}

/** The contract, fetched from the service (caller decrefs). */
static json_t *
contract (void)
{
  struct th_resp r;
  json_t *doc;

  th_request ("GET", "/v1/openapi.json", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  doc = json_incref (r.json);
  th_resp_free (&r);
  cr_assert_not_null (doc);
  return doc;
}

Test (ops, every_documented_operation_is_routed)
{
  static const char *const methods[] = { "get",   "put",    "post",
                                         "patch", "delete", NULL };
  json_t *doc = contract ();
  json_t *paths = json_object_get (doc, "paths");
  const char *path;
  json_t *item;
  struct th_org org;

  /* That every documented operation is in the route table, and the other
     way round, tests/unit/test_routes.c checks; this asks the running
     service. */
  th_org_new (&org);
  json_object_foreach (paths, path, item)
  {
    char concrete[512];
    size_t o = 0;

    /* {id} -> a random UUID, {external_id} -> a word. */
    for (const char *p = path; *p && o < sizeof (concrete) - 64;)
    {
      if ('{' == *p)
      {
        const char *end = strchr (p, '}');

        o += (size_t) snprintf (concrete + o, sizeof (concrete) - o, "%s",
                                0 == strncmp (p, "{id}", 4)
                                  ? "5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"
                                  : "probe-ext-1");
        p = NULL != end ? end + 1 : p + strlen (p);
      }
      else
        concrete[o++] = *p++;
    }
    concrete[o] = '\0';
    for (const char *const *m = methods; NULL != *m; m++)
    {
      char upper[16];
      struct th_resp r;
      bool body;

      if (NULL == json_object_get (item, *m))
        continue;
      for (size_t i = 0; i <= strlen (*m); i++)
        upper[i] = (char) ((*m)[i] & ~0x20);
      body = 0 == strcmp (*m, "put") || 0 == strcmp (*m, "post")
             || 0 == strcmp (*m, "patch");
      /* An empty object is never valid: nothing is written. */
      th_json (upper, concrete, org.key, body ? "{\"probe\":{}}" : NULL, &r);
      cr_expect (r.status != 405
                   && 0 != strcmp (code_of (&r), "endpoint-not-found")
                   && 0 != strcmp (code_of (&r), "method-not-allowed"),
                 "%s %s is documented but not routed: %ld %s", upper, concrete,
                 r.status, r.body);
      cr_expect (r.status < 500, "%s %s: %ld %s", upper, concrete, r.status,
                 r.body);
      th_resp_free (&r);
    }
  }
  json_decref (doc);
}

/** Sends raw @a request to @a in and reads the answer (discarded). */
static void
send_raw (const struct sp_instance *in, const char *request)
{
  char buf[4096];
  int s = sp_connect (in->port, 2000);

  cr_assert (s >= 0);
  send (s, request, strlen (request), MSG_NOSIGNAL);
  while (recv (s, buf, sizeof (buf), 0) > 0)
    ;
  close (s);
}

Test (ops, every_log_line_is_one_json_object_whatever_the_client_sends)
{
  static const char *const env[] = { "LOG_LEVEL=info", NULL };
  static const char *const requests[] = {
    "X\",\"status\":200,\"injected\":\"1 /healthz HTTP/1.1\r\nHost: a\r\n"
    "Connection: close\r\n\r\n",
    "GET /v1/accounts/%22%2C%22injected%22%3A%221 HTTP/1.1\r\nHost: a\r\n"
    "Authorization: Bearer \"injected\r\nConnection: close\r\n\r\n",
    "GET /v1/accounts?\xff\xfe=1 HTTP/1.1\r\nHost: a\r\n"
    "Connection: close\r\n\r\n",
    "G\xc3\x28T /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
  };
  struct sp_instance in;
  FILE *f;
  char line[8192];
  int lines = 0;

  sp_start (&in, env);
  for (size_t i = 0; i < sizeof (requests) / sizeof (requests[0]); i++)
    send_raw (&in, requests[i]);
  sp_sleep_ms (200);
  f = fopen (in.log, "r");
  cr_assert_not_null (f);
  while (NULL != fgets (line, sizeof (line), f))
  {
    json_error_t err;
    json_t *j = json_loads (line, 0, &err);

    cr_assert_not_null (j, "a log line is not JSON (%s): %s", err.text, line);
    cr_assert (json_is_object (j), "%s", line);
    cr_assert_null (json_object_get (j, "injected"), "a member was forged: %s",
                    line);
    json_decref (j);
    lines++;
  }
  fclose (f);
  cr_assert (lines > 2, "only %d log lines", lines);
  cr_assert_eq (0, sp_stop (&in, 15));
}
