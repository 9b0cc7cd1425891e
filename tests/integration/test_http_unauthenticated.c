/**
 * @file test_http_unauthenticated.c
 * @brief What a client without a valid key can make the service do: it is
 *        refused from the headers alone, before any body is read, so
 *        sixteen of them pushing 32 MiB bodies leave the memory flat while
 *        keyed traffic is served; a burst of bad keys from one address is
 *        throttled; one address cannot take every connection; and a keyed
 *        body with an absurd number of JSON values is refused before it is
 *        parsed.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

/** Bytes of the big bodies: /v1/batch's cap. */
#define BIG (32u * 1024 * 1024)

/**
 * Sends request headers announcing a @a length byte JSON body (no body)
 * and reads what comes back within @a wait_ms.
 *
 * @param[out] got what arrived (NUL-terminated), capacity @a cap
 */
static void
headers_only (unsigned int port, const char *path, const char *auth,
              size_t length, int wait_ms, char *got, size_t cap)
{
  char head[512];
  int s = sp_connect (port, wait_ms);
  ssize_t n;
  size_t have = 0;

  cr_assert (s >= 0, "cannot connect");
  snprintf (head, sizeof (head),
            "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s%s"
            "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
            path, NULL != auth ? "Authorization: Bearer " : "",
            NULL != auth ? auth : "", NULL != auth ? "\r\n" : "", length);
  cr_assert_eq ((ssize_t) strlen (head),
                send (s, head, strlen (head), MSG_NOSIGNAL));
  while (have + 1 < cap && (n = recv (s, got + have, cap - 1 - have, 0)) > 0)
    have += (size_t) n;
  got[have] = '\0';
  close (s);
}

Test (unauthenticated, a_request_without_a_key_is_refused_before_its_body)
{
  struct sp_instance in;
  char got[4096];

  sp_start (&in, NULL);
  /* Only the headers are sent: a service that waits for the 32 MiB body
     before looking at the key answers nothing within two seconds. */
  headers_only (in.port, "/v1/batch", NULL, BIG, 2000, got, sizeof (got));
  cr_assert (0 == strncmp (got, "HTTP/1.1 401", 12),
             "no 401 before the body was sent: \"%.80s\"", got);
  headers_only (in.port, "/v1/accounts", "rk_live_not-a-key", 1000, 2000, got,
                sizeof (got));
  cr_assert (0 == strncmp (got, "HTTP/1.1 401", 12),
             "a bad key got no 401 before the body: \"%.80s\"", got);
  cr_assert_eq (0, sp_stop (&in, 15));
}

/** One client pushing a @a BIG body of empty arrays without a key. */
static void *
push_big (void *cls)
{
  const struct sp_instance *in = cls;
  static const char pattern[] = "[],[],[],[],[],[],[],[],";
  char head[256], chunk[65536];
  int s = sp_connect (in->port, 5000);
  size_t sent = 0;

  if (s < 0)
    return NULL;
  for (size_t i = 0; i < sizeof (chunk); i++)
    chunk[i] = pattern[i % (sizeof (pattern) - 1)];
  snprintf (head, sizeof (head),
            "POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nContent-Length: %u\r\n\r\n"
            "{\"items\":[",
            BIG);
  send (s, head, strlen (head), MSG_NOSIGNAL);
  /* Push until the service stops reading or closes. */
  while (sent < BIG)
  {
    ssize_t n = send (s, chunk, sizeof (chunk), MSG_NOSIGNAL);

    if (n <= 0)
      break;
    sent += (size_t) n;
  }
  close (s);
  return NULL;
}

Test (unauthenticated, sixteen_keyless_32_mib_bodies_leave_memory_flat,
      .timeout = 120)
{
  struct sp_instance in;
  struct th_org org;
  pthread_t t[16];
  long peak;
  int served = 0;

  th_org_new (&org);
  sp_start (&in, NULL);
  sp_use (&in);
  for (int i = 0; i < 16; i++)
    cr_assert_eq (0, pthread_create (&t[i], NULL, &push_big, &in));
  /* Keyed traffic goes on meanwhile. */
  for (int i = 0; i < 20; i++)
  {
    struct th_resp r;

    th_request ("GET", "/v1/accounts", org.key, NULL, NULL, &r);
    served += 200 == r.status;
    th_resp_free (&r);
  }
  for (int i = 0; i < 16; i++)
    pthread_join (t[i], NULL);
  peak = sp_peak_kib (in.pid);
  cr_log_info ("peak resident memory with 16 keyless 32 MiB bodies: %ld KiB",
               peak);
  cr_assert_eq (20, served, "only %d of 20 keyed requests were served",
                served);
  cr_assert (peak > 0 && peak < 100 * 1024,
             "the service peaked at %ld KiB (aim: under 100 MiB)", peak);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (unauthenticated, a_burst_of_bad_keys_from_one_address_gets_429)
{
  static const char *const env[] = { "RAPPORT_UNAUTH_RATE_LIMIT=5",
                                     "RAPPORT_UNAUTH_RATE_BURST=10", NULL };
  struct sp_instance in;
  struct th_org org;
  int refused = 0, limited = 0;

  th_org_new (&org);
  sp_start (&in, env);
  sp_use (&in);
  for (int i = 0; i < 40 && 0 == limited; i++)
  {
    struct th_resp r;

    th_request ("GET", "/v1/accounts", "rk_live_guess", NULL, NULL, &r);
    if (401 == r.status)
      refused++;
    else
    {
      char *ra = th_header (&r, "Retry-After");

      th_assert_problem (&r, 429);
      cr_assert_not_null (ra, "a 429 carries Retry-After");
      free (ra);
      limited++;
    }
    th_resp_free (&r);
  }
  cr_assert_eq (1, limited, "40 bad keys in a row were never throttled");
  cr_assert (refused >= 9 && refused <= 12,
             "%d bad keys passed a burst of "
             "10",
             refused);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (unauthenticated, one_address_cannot_take_every_connection)
{
  static const char *const env[] = { "RAPPORT_PER_IP_CONNECTION_LIMIT=4",
                                     "RAPPORT_CONNECTION_LIMIT=64",
                                     "RAPPORT_CONNECTION_TIMEOUT=20", NULL };
  static const char *get = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  struct sp_instance in;
  int held[4], s;
  char buf[64];
  bool fifth_served;

  sp_start (&in, env);
  /* sp_start's own probe may still hold a connection for a moment. */
  sp_sleep_ms (500);
  for (int i = 0; i < 4; i++)
  {
    held[i] = sp_connect (in.port, 2000);
    cr_assert (held[i] >= 0);
    /* Each is served (and stays open, kept alive). */
    cr_assert_eq ((ssize_t) strlen (get),
                  send (held[i], get, strlen (get), MSG_NOSIGNAL));
    cr_assert (recv (held[i], buf, sizeof (buf), 0) > 0,
               "connection %d of 4 was not served", i + 1);
  }
  s = sp_connect (in.port, 2000);
  fifth_served = s >= 0
                 && (ssize_t) strlen (get)
                      == send (s, get, strlen (get), MSG_NOSIGNAL)
                 && recv (s, buf, sizeof (buf), 0) > 0;
  cr_assert (! fifth_served, "a fifth connection from one address was served "
                             "with RAPPORT_PER_IP_CONNECTION_LIMIT=4");
  if (s >= 0)
    close (s);
  for (int i = 0; i < 4; i++)
    close (held[i]);
  cr_assert_eq (0, sp_stop (&in, 15));
}

Test (unauthenticated, a_body_of_too_many_json_values_is_413_unparsed)
{
  const char *pid_s = getenv ("RAPPORT_SERVICE_PID");
  size_t len = 1000 * 1000;
  char *body = malloc (len + 1);
  struct th_org org;
  struct th_resp r;
  long before, after;

  cr_assert_not_null (pid_s, "RAPPORT_SERVICE_PID unset: use scripts/test");
  th_org_new (&org);
  /* [[],[],...]: 333,000 values in 1 MB, under the byte cap. */
  body[0] = '[';
  for (size_t i = 1; i + 3 < len; i += 3)
    memcpy (body + i, "[],", 3);
  body[len - 2] = ']';
  body[len - 3] = '[';
  body[len - 1] = ']';
  body[len] = '\0';
  before = sp_rss_kib ((pid_t) atoi (pid_s));
  for (int i = 0; i < 5; i++)
  {
    th_json ("POST", "/v1/accounts", org.key, body, &r);
    th_assert_problem (&r, 413);
    cr_assert (NULL != strstr (r.body, "JSON values"), "%s", r.body);
    th_resp_free (&r);
  }
  after = sp_rss_kib ((pid_t) atoi (pid_s));
  cr_assert_lt (after - before, 32 * 1024, "VmRSS grew from %ld to %ld KiB",
                before, after);
  free (body);
}
