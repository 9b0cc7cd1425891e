/**
 * @file test_http_webhooks.c
 * @brief Signed webhooks, end to end: instances of the service started
 *        here deliver to a receiving HTTP server that runs in this test
 *        (a thread on a loopback socket), which checks what a receiver
 *        would: the signature with the secret from the creation response,
 *        each account's order, retries after a 500 and after a timeout, the
 *        disabled state with its reason; a killed instance's deliveries
 *        are finished by the next; two instances deliver each event once;
 *        another organization's endpoints and deliveries are never seen;
 *        without the operator's flag, http and private addresses are
 *        refused at registration and at delivery; secrets rotate with a
 *        grace period; the cap; and the log's retention.
 *
 *        The shared service of scripts/test delivers nothing
 *        (RAPPORT_WEBHOOK_THREADS=0), so which instance delivers is this
 *        file's choice; its tests run one at a time (--jobs 1).
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "spawn.h"

/* ----------------------------------------------------- the receiver -- */

#define MAX_HITS 256

/** One request the receiver read. */
struct hit
{
  char signature[512];
  char event_id[64];
  char event_type[64];
  char delivery_id[64];
  char attempt[16];
  char user_agent[64];
  char content_type[64];
  char *body;
  int answered; /**< the status it answered, 0 while not (or never) */
};

/** A receiving HTTP server on 127.0.0.1, one connection at a time. */
struct receiver
{
  int fd;
  unsigned int port;
  char url[96];
  pthread_t thread;
  pthread_mutex_t lock;
  struct hit hits[MAX_HITS];
  int n;
  /* How to answer request i (0-based): */
  int fail_first;  /**< 500 to the first fail_first */
  int hang_first;  /**< then no answer to the next hang_first (past the
                        delivery timeout) */
  bool always_500; /**< 500 to everything */
  int hold_ms;     /**< before each 200 */
  atomic_bool stop;
  atomic_int busy; /**< connections being served */
};

/** One connection, served by a thread of its own. */
struct conn
{
  struct receiver *rv;
  int s;
};

/** The value of header @a name in the header block @a h, into @a out. */
static void
header_of (const char *h, const char *name, char *out, size_t cap)
{
  size_t n = strlen (name);

  out[0] = '\0';
  for (const char *p = h; NULL != p && *p; p = strstr (p, "\r\n"))
  {
    if ('\r' == *p)
      p += 2;
    if (0 == strncasecmp (p, name, n) && ':' == p[n])
    {
      const char *v = p + n + 1;
      size_t len;

      v += strspn (v, " ");
      len = strcspn (v, "\r\n");
      snprintf (out, cap, "%.*s", (int) len, v);
      return;
    }
  }
}

/** Reads one request from @a s; false when it did not come whole. */
static bool
read_request (int s, struct hit *h)
{
  char buf[65536];
  size_t len = 0;
  char *end = NULL, cl[32];
  size_t body_len;

  while (NULL == end && len < sizeof (buf) - 1)
  {
    ssize_t r = recv (s, buf + len, sizeof (buf) - 1 - len, 0);

    if (r <= 0)
      return false;
    len += (size_t) r;
    buf[len] = '\0';
    end = strstr (buf, "\r\n\r\n");
  }
  if (NULL == end)
    return false;
  *end = '\0';
  header_of (buf, "Content-Length", cl, sizeof (cl));
  header_of (buf, "Rapport-Signature", h->signature, sizeof (h->signature));
  header_of (buf, "Rapport-Event-Id", h->event_id, sizeof (h->event_id));
  header_of (buf, "Rapport-Event-Type", h->event_type, sizeof (h->event_type));
  header_of (buf, "Rapport-Delivery-Id", h->delivery_id,
             sizeof (h->delivery_id));
  header_of (buf, "Rapport-Delivery-Attempt", h->attempt, sizeof (h->attempt));
  header_of (buf, "User-Agent", h->user_agent, sizeof (h->user_agent));
  header_of (buf, "Content-Type", h->content_type, sizeof (h->content_type));
  body_len = strtoul (cl, NULL, 10);
  h->body = calloc (1, body_len + 1);
  cr_assert_not_null (h->body);
  {
    size_t have = len - (size_t) (end + 4 - buf);

    if (have > body_len)
      have = body_len;
    memcpy (h->body, end + 4, have);
    while (have < body_len)
    {
      ssize_t r = recv (s, h->body + have, body_len - have, 0);

      if (r <= 0)
        return false;
      have += (size_t) r;
    }
  }
  return true;
}

/** Answers @a status with a short body. */
static void
answer (int s, int status)
{
  char out[256];
  const char *body = 200 == status ? "thanks" : "receiver says no";
  int n = snprintf (out, sizeof (out),
                    "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\n"
                    "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                    status, 200 == status ? "OK" : "Internal Server Error",
                    strlen (body), body);

  (void) ! send (s, out, (size_t) n, MSG_NOSIGNAL);
}

/** Serves one connection: reads the request, records it, answers as
    the receiver is told. */
static void *
serve (void *cls)
{
  struct conn *c = cls;
  struct receiver *rv = c->rv;
  int s = c->s;
  struct timeval tv = { 5, 0 };
  struct hit h;
  int i, status;
  bool hang;

  free (c);
  setsockopt (s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof (tv));
  memset (&h, 0, sizeof (h));
  if (! read_request (s, &h))
  {
    free (h.body);
    close (s);
    atomic_fetch_sub (&rv->busy, 1);
    return NULL;
  }
  pthread_mutex_lock (&rv->lock);
  i = rv->n;
  if (rv->n < MAX_HITS)
    rv->hits[rv->n++] = h;
  else
    free (h.body);
  hang = ! rv->always_500 && i >= rv->fail_first
         && i < rv->fail_first + rv->hang_first;
  status = rv->always_500 || i < rv->fail_first ? 500 : 200;
  pthread_mutex_unlock (&rv->lock);
  if (hang)
  {
    /* Past the delivery timeout (3 s), then hang up without an answer. */
    for (int k = 0; k < 60 && ! atomic_load (&rv->stop); k++)
      sp_sleep_ms (100);
    close (s);
    atomic_fetch_sub (&rv->busy, 1);
    return NULL;
  }
  if (200 == status)
    for (int k = 0; k < rv->hold_ms / 50 && ! atomic_load (&rv->stop); k++)
      sp_sleep_ms (50);
  answer (s, status);
  pthread_mutex_lock (&rv->lock);
  if (i < MAX_HITS)
    rv->hits[i].answered = status;
  pthread_mutex_unlock (&rv->lock);
  close (s);
  atomic_fetch_sub (&rv->busy, 1);
  return NULL;
}

static void *
receiver_main (void *cls)
{
  struct receiver *rv = cls;

  while (! atomic_load (&rv->stop))
  {
    struct pollfd p = { .fd = rv->fd, .events = POLLIN };
    struct conn *c;
    pthread_t t;
    int s;

    if (poll (&p, 1, 100) <= 0)
      continue;
    s = accept (rv->fd, NULL, NULL);
    if (s < 0)
      continue;
    c = malloc (sizeof (*c));
    cr_assert_not_null (c);
    c->rv = rv;
    c->s = s;
    atomic_fetch_add (&rv->busy, 1);
    if (0 != pthread_create (&t, NULL, &serve, c))
    {
      atomic_fetch_sub (&rv->busy, 1);
      close (s);
      free (c);
      continue;
    }
    pthread_detach (t);
  }
  return NULL;
}

static void
receiver_start (struct receiver *rv)
{
  struct sockaddr_in a;
  socklen_t alen = sizeof (a);
  int one = 1;

  memset (rv, 0, sizeof (*rv));
  pthread_mutex_init (&rv->lock, NULL);
  rv->fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  cr_assert (rv->fd >= 0);
  setsockopt (rv->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof (one));
  memset (&a, 0, sizeof (a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  cr_assert_eq (0, bind (rv->fd, (struct sockaddr *) &a, sizeof (a)));
  cr_assert_eq (0, listen (rv->fd, 64));
  getsockname (rv->fd, (struct sockaddr *) &a, &alen);
  rv->port = ntohs (a.sin_port);
  snprintf (rv->url, sizeof (rv->url), "http://127.0.0.1:%u/hook", rv->port);
  cr_assert_eq (0, pthread_create (&rv->thread, NULL, &receiver_main, rv));
}

static void
receiver_stop (struct receiver *rv)
{
  atomic_store (&rv->stop, true);
  pthread_join (rv->thread, NULL);
  while (atomic_load (&rv->busy) > 0)
    sp_sleep_ms (20);
  close (rv->fd);
  for (int i = 0; i < rv->n; i++)
    free (rv->hits[i].body);
}

/** How many requests @a rv read (answered with @a status, or any: 0). */
static int
hits (struct receiver *rv, int status)
{
  int n = 0;

  pthread_mutex_lock (&rv->lock);
  for (int i = 0; i < rv->n; i++)
    n += 0 == status || rv->hits[i].answered == status;
  pthread_mutex_unlock (&rv->lock);
  return n;
}

/** Waits up to @a timeout_s for @a n requests answered @a status. */
static void
await_hits (struct receiver *rv, int status, int n, int timeout_s)
{
  long long end = sp_now_ms () + timeout_s * 1000LL;

  while (hits (rv, status) < n && sp_now_ms () < end)
    sp_sleep_ms (50);
  cr_assert_geq (hits (rv, status), n,
                 "the receiver got %d requests answered %d, not %d, within "
                 "%d s",
                 hits (rv, status), status, n, timeout_s);
}

/* ------------------------------------------------------ the service -- */

/** What every instance here is started with, beside @a extra. */
static void
start (struct sp_instance *in, const char *const *extra)
{
  const char *env[24];
  size_t n = 0;

  for (; NULL != extra && NULL != *extra && n < 16; extra++)
    env[n++] = *extra;
  env[n++] = "RAPPORT_WEBHOOK_THREADS=1";
  env[n++] = "RAPPORT_WEBHOOK_ALLOW_PRIVATE=1";
  env[n++] = "RAPPORT_WEBHOOK_RETRY_BASE_MS=200";
  /* Long enough that a loaded machine (the sanitizer phases) does not
     time out an answer the tests expect on the first attempt. */
  env[n++] = "RAPPORT_WEBHOOK_TIMEOUT_MS=3000";
  env[n++] = "RAPPORT_WEBHOOK_MAX_ATTEMPTS=3";
  env[n] = NULL;
  sp_start (in, env);
}

/** Registers an endpoint for @a types (a JSON array) at @a url; writes its
    id and its secret. */
static void
register_hook (const char *key, const char *url, const char *types,
               char id[64], char secret[128])
{
  struct th_resp r;
  char *loc;

  th_json ("POST", "/v1/webhooks", key,
           th_fmt ("{\"url\":\"%s\",\"event_types\":%s,\"description\":"
                   "\"test receiver\"}",
                   url, types),
           &r);
  cr_assert_eq (201, r.status, "POST /v1/webhooks: %ld %s", r.status, r.body);
  snprintf (id, 64, "%s", th_str (&r, "id"));
  snprintf (secret, 128, "%s", th_str (&r, "secret"));
  cr_assert_eq (0, strncmp (secret, "whsec_", 6), "secret %s", secret);
  loc = th_header (&r, "Location");
  cr_assert_str_eq (loc, th_fmt ("/v1/webhooks/%s", id));
  free (loc);
  th_resp_free (&r);
}

/** HMAC-SHA-256 of "<t>.<body>" with @a secret, in hex. */
static void
expected_sig (const char *secret, const char *t, const char *body,
              char hex[65])
{
  unsigned char mac[32];
  unsigned int len = 0;
  char *msg = strdup (th_fmt ("%s.%s", t, body));

  cr_assert_not_null (msg);
  HMAC (EVP_sha256 (), secret, (int) strlen (secret),
        (const unsigned char *) msg, strlen (msg), mac, &len);
  for (unsigned int i = 0; i < 32; i++)
    sprintf (hex + 2 * i, "%02x", mac[i]);
  free (msg);
}

/**
 * Verifies a delivery as a receiver would: a `t` within five minutes and a
 * `v1` that is the HMAC with @a secret.
 *
 * @return how many v1 signatures the header carried
 */
static int
verify (const struct hit *h, const char *secret)
{
  char t[32] = "", want[65];
  const char *p = h->signature;
  bool found = false;
  int n_v1 = 0;
  long long now = (long long) time (NULL);

  cr_assert_eq (0, strncmp (p, "t=", 2), "signature %s", p);
  snprintf (t, sizeof (t), "%.*s", (int) strcspn (p + 2, ","), p + 2);
  cr_assert (llabs (strtoll (t, NULL, 10) - now) < 300, "t=%s is stale", t);
  expected_sig (secret, t, h->body, want);
  for (p = strstr (p, "v1="); NULL != p; p = strstr (p + 3, "v1="))
  {
    n_v1++;
    found |= 0 == strncmp (p + 3, want, 64);
  }
  cr_assert (found, "no v1 in %s is the HMAC with the secret (%s)",
             h->signature, want);
  return n_v1;
}

/** Member @a name of the JSON body of @a h, as a string ("" if none). */
static const char *
body_str (const struct hit *h, const char *name)
{
  json_t *j = json_loads (h->body, 0, NULL);
  const char *v;

  cr_assert_not_null (j, "not JSON: %s", h->body);
  v = th_fmt ("%s", json_is_string (json_object_get (j, name))
                      ? json_string_value (json_object_get (j, name))
                      : "");
  json_decref (j);
  return v;
}

/** The version an event's data carries (0 without one). */
static long
body_version (const struct hit *h)
{
  json_t *j = json_loads (h->body, 0, NULL);
  long v = (long) json_integer_value (
    json_object_get (json_object_get (j, "data"), "version"));

  json_decref (j);
  return v;
}

/** GET @a path (a JSON collection): its data, new. */
static json_t *
list (const char *key, const char *path)
{
  struct th_resp r;
  json_t *data;

  th_request ("GET", path, key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "GET %s: %ld %s", path, r.status, r.body);
  data = json_incref (json_object_get (r.json, "data"));
  th_resp_free (&r);
  return data;
}

/** GET /v1/webhooks/@a id: the endpoint, new. */
static json_t *
endpoint (const char *key, const char *id)
{
  struct th_resp r;
  json_t *j;

  th_request ("GET", th_fmt ("/v1/webhooks/%s", id), key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  j = json_incref (r.json);
  th_resp_free (&r);
  return j;
}

/** String member @a name of @a o ("" if none). */
static const char *
str (const json_t *o, const char *name)
{
  const char *s = json_string_value (json_object_get (o, name));

  return NULL != s ? s : "";
}

/** Renames account @a id (one account.updated event). */
static void
rename_account (const char *key, const char *id, int n)
{
  th_expect_status ("PATCH", th_fmt ("/v1/accounts/%s", id), key,
                    th_fmt ("{\"name\":\"renamed %d\"}", n), 200);
}

/** Expects the instance in use to show @a line on /metrics. */
static void
expect_metric (const char *line)
{
  struct th_resp r;

  th_request ("GET", "/metrics", NULL, NULL, NULL, &r);
  cr_assert_eq (200, r.status);
  cr_expect_not_null (strstr (r.body, line), "/metrics lacks %s", line);
  th_resp_free (&r);
}

static struct th_org org;

static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (webhooks, .init = setup);

/* ------------------------------------------------------------ tests -- */

Test (webhooks, deliveries_are_signed_in_order_per_account_and_logged)
{
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], a1[64], a2[64];
  json_t *log, *d;
  size_t i;
  long last[2] = { 0, 0 };

  receiver_start (&rv);
  start (&in, NULL);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\",\"account.updated\"]",
                 hook, secret);
  th_account_new (org.key, "First", a1);
  th_account_new (org.key, "Second", a2);
  for (int n = 0; n < 5; n++)
  {
    rename_account (org.key, a1, n);
    rename_account (org.key, a2, n);
  }
  /* A type the endpoint did not ask for is not sent. */
  th_expect_status ("DELETE", th_fmt ("/v1/accounts/%s", a2), org.key, NULL,
                    204);
  await_hits (&rv, 200, 12, 30);
  sp_sleep_ms (1000);
  cr_assert_eq (12, hits (&rv, 0), "exactly the 12 events asked for came");
  for (int k = 0; k < rv.n; k++)
  {
    const struct hit *h = &rv.hits[k];
    const char *acct = body_str (h, "account_id");
    int which = 0 == strcmp (acct, a1) ? 0 : 1;

    cr_assert_eq (1, verify (h, secret));
    cr_expect_str_eq (h->event_id, body_str (h, "id"));
    cr_expect_str_eq (h->event_type, body_str (h, "type"));
    cr_expect_str_eq (h->user_agent, "Rapport-Webhooks/1");
    cr_expect_str_eq (h->content_type, "application/json");
    cr_expect_str_eq (h->attempt, "1");
    cr_assert (0 == strcmp (acct, a1) || 0 == strcmp (acct, a2), "%s", acct);
    /* Each account's events in order: created (version 1), then each
       update's version. */
    cr_expect_eq (last[which] + 1, body_version (h),
                  "account %d: version %ld after %ld", which + 1,
                  body_version (h), last[which]);
    cr_expect_str_eq (h->event_type, 1 == body_version (h)
                                       ? "account.created"
                                       : "account.updated");
    last[which] = body_version (h);
  }
  cr_expect_eq (6, last[0]);
  cr_expect_eq (6, last[1]);

  /* The log: every delivery, delivered on the first attempt, with the
     event as it was sent. */
  log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries?limit=200", hook));
  cr_assert_eq (12, json_array_size (log));
  json_array_foreach (log, i, d)
  {
    bool sent = false;
    char *event = json_dumps (json_object_get (d, "event"),
                              JSON_COMPACT | JSON_SORT_KEYS);

    cr_expect_str_eq (str (d, "status"), "delivered");
    cr_expect_eq (1, json_integer_value (json_object_get (d, "attempts")));
    cr_expect_eq (200, json_integer_value (
                         json_object_get (d, "last_status_code")));
    cr_expect_str_eq (str (d, "last_response"), "thanks");
    cr_expect (json_is_null (json_object_get (d, "next_attempt_at")));
    cr_expect_str_eq (str (d, "endpoint_id"), hook);
    for (int k = 0; k < rv.n && ! sent; k++)
    {
      json_t *b = json_loads (rv.hits[k].body, 0, NULL);
      char *bs = json_dumps (b, JSON_COMPACT | JSON_SORT_KEYS);

      sent = 0 == strcmp (bs, event)
             && 0 == strcmp (rv.hits[k].delivery_id, str (d, "id"));
      free (bs);
      json_decref (b);
    }
    cr_expect (sent, "the log's event %s was not what was sent", event);
    free (event);
  }
  json_decref (log);
  log = list (org.key,
              th_fmt ("/v1/webhooks/%s/deliveries?status=pending", hook));
  cr_expect_eq (0, json_array_size (log));
  json_decref (log);
  {
    char ids[16][64];

    cr_expect_eq (12,
                  th_walk (org.key,
                           th_fmt ("/v1/webhooks/%s/deliveries?status="
                                   "delivered",
                                   hook),
                           5, ids, 16),
                  "pages of 5 list all 12");
  }
  th_expect_problem ("GET",
                     th_fmt ("/v1/webhooks/%s/deliveries?status=failed", hook),
                     org.key, NULL, 400);
  expect_metric ("rapport_webhook_attempts_total{outcome=\"delivered\"} 12");
  expect_metric ("rapport_webhook_attempts_total{outcome=\"failed\"} 0");
  sp_stop (&in, 10);
  receiver_stop (&rv);
}

Test (webhooks, a_500_and_a_timeout_are_retried_and_order_waits)
{
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], acct[64];
  json_t *log, *d;
  size_t i;

  receiver_start (&rv);
  rv.fail_first = 1; /* attempt 1: 500 */
  rv.hang_first = 1; /* attempt 2: no answer within the timeout */
  start (&in, NULL);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\",\"account.updated\"]",
                 hook, secret);
  th_account_new (org.key, "Retried", acct);
  rename_account (org.key, acct, 1);
  await_hits (&rv, 200, 2, 30);
  sp_sleep_ms (500);
  pthread_mutex_lock (&rv.lock);
  cr_assert_eq (4, rv.n, "2 failed attempts, then the 2 events");
  /* The first event three times, the same event each time; the update
     only after it got through. */
  for (int k = 0; k < 3; k++)
  {
    verify (&rv.hits[k], secret);
    cr_expect_str_eq (rv.hits[k].event_type, "account.created");
    cr_expect_str_eq (rv.hits[k].event_id, rv.hits[0].event_id);
    cr_expect_str_eq (rv.hits[k].delivery_id, rv.hits[0].delivery_id);
    cr_expect_str_eq (rv.hits[k].body, rv.hits[0].body);
    cr_expect_str_eq (rv.hits[k].attempt, th_fmt ("%d", k + 1));
  }
  cr_expect_eq (500, rv.hits[0].answered);
  cr_expect_eq (0, rv.hits[1].answered, "the second attempt was cut off");
  cr_expect_eq (200, rv.hits[2].answered);
  cr_expect_str_eq (rv.hits[3].event_type, "account.updated");
  verify (&rv.hits[3], secret);
  pthread_mutex_unlock (&rv.lock);
  log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries", hook));
  cr_assert_eq (2, json_array_size (log));
  json_array_foreach (log, i, d)
  {
    cr_expect_str_eq (str (d, "status"), "delivered");
    if (0 == strcmp (str (d, "event_type"), "account.created"))
      cr_expect_eq (3, json_integer_value (json_object_get (d, "attempts")));
  }
  json_decref (log);
  {
    json_t *e = endpoint (org.key, hook);

    cr_expect_str_eq (str (e, "status"), "active");
    json_decref (e);
  }
  sp_stop (&in, 10);
  receiver_stop (&rv);
}

Test (webhooks, sustained_failure_disables_the_endpoint_with_its_reason)
{
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], acct[64];
  json_t *e, *log;
  long long end;

  receiver_start (&rv);
  rv.always_500 = true;
  start (&in, NULL);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\",\"account.updated\"]",
                 hook, secret);
  th_account_new (org.key, "Failing", acct);
  /* RAPPORT_WEBHOOK_MAX_ATTEMPTS=3: three 500s disable it. */
  await_hits (&rv, 500, 3, 30);
  end = sp_now_ms () + 10000;
  do
  {
    e = endpoint (org.key, hook);
    if (0 == strcmp (str (e, "status"), "disabled"))
      break;
    json_decref (e);
    e = NULL;
    sp_sleep_ms (50);
  } while (sp_now_ms () < end);
  cr_assert_not_null (e, "the endpoint was not disabled");
  cr_expect (NULL != strstr (str (e, "disabled_reason"), "3 attempts"),
             "reason: %s", str (e, "disabled_reason"));
  cr_expect (NULL != strstr (str (e, "disabled_reason"), "HTTP 500"),
             "reason: %s", str (e, "disabled_reason"));
  cr_expect (NULL != strstr (str (e, "disabled_reason"), rv.hits[0].event_id),
             "reason: %s", str (e, "disabled_reason"));
  cr_expect (json_is_string (json_object_get (e, "disabled_at")));
  json_decref (e);
  expect_metric ("rapport_webhook_attempts_total{outcome=\"failed\"} 3");
  expect_metric ("rapport_webhook_endpoints_disabled_total 1");
  /* Disabled: no more attempts, and its delivery waits, pending. */
  rename_account (org.key, acct, 1);
  sp_sleep_ms (1500);
  cr_expect_eq (3, hits (&rv, 0), "a disabled endpoint was called");
  log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries", hook));
  cr_assert_eq (1, json_array_size (log),
                "an event was queued while "
                "disabled");
  cr_expect_str_eq (str (json_array_get (log, 0), "status"), "pending");
  cr_expect_eq (3, json_integer_value (
                     json_object_get (json_array_get (log, 0), "attempts")));
  cr_expect_eq (500,
                json_integer_value (json_object_get (json_array_get (log, 0),
                                                     "last_status_code")));
  cr_expect_str_eq (str (json_array_get (log, 0), "last_error"), "HTTP 500");
  cr_expect_str_eq (str (json_array_get (log, 0), "last_response"),
                    "receiver says no");
  json_decref (log);

  /* Re-enabled once the receiver is fixed: the pending delivery goes. */
  pthread_mutex_lock (&rv.lock);
  rv.always_500 = false;
  pthread_mutex_unlock (&rv.lock);
  th_expect_status ("PATCH", th_fmt ("/v1/webhooks/%s", hook), org.key,
                    "{\"status\":\"active\"}", 200);
  e = endpoint (org.key, hook);
  cr_expect_str_eq (str (e, "status"), "active");
  cr_expect (json_is_null (json_object_get (e, "disabled_reason")));
  json_decref (e);
  await_hits (&rv, 200, 1, 30);
  verify (&rv.hits[3], secret);
  cr_expect_str_eq (rv.hits[3].event_id, rv.hits[0].event_id);
  cr_expect_str_eq (rv.hits[3].attempt, "4");

  /* Disabled by hand: the reason says so. */
  th_expect_status ("PATCH", th_fmt ("/v1/webhooks/%s", hook), org.key,
                    "{\"status\":\"disabled\"}", 200);
  e = endpoint (org.key, hook);
  cr_expect_str_eq (str (e, "status"), "disabled");
  cr_expect_str_eq (str (e, "disabled_reason"), "disabled through the API");
  json_decref (e);
  sp_stop (&in, 10);
  receiver_stop (&rv);
}

Test (webhooks, a_killed_instance_s_deliveries_are_finished_after_restart)
{
  static const char *const env[] = { "RAPPORT_WEBHOOK_TIMEOUT_MS=2000", NULL };
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], a1[64], a2[64];
  json_t *log, *d;
  size_t i;
  char first[64];
  long long end;

  receiver_start (&rv);
  rv.hold_ms = 1500; /* the instance dies while the receiver holds it */
  start (&in, env);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\"]", hook, secret);
  th_account_new (org.key, "Before the kill", a1);
  await_hits (&rv, 0, 1, 30);
  snprintf (first, sizeof (first), "%s", rv.hits[0].event_id);
  kill (in.pid, SIGKILL);
  cr_assert (sp_wait_exit (&in, 10000));
  sp_stop (&in, 1);
  /* An event while no instance runs waits in the outbox. */
  sp_start (&in, (const char *const[]){ "RAPPORT_WEBHOOK_THREADS=0", NULL });
  sp_use (&in);
  th_account_new (org.key, "While down", a2);
  sp_stop (&in, 10);
  rv.hold_ms = 0;
  start (&in, env);
  sp_use (&in);
  /* The killed instance's claim is taken again once its lease passes. */
  end = sp_now_ms () + 60000;
  do
  {
    int done = 0;

    log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries", hook));
    json_array_foreach (log, i, d)
      done += 0 == strcmp (str (d, "status"), "delivered");
    json_decref (log);
    if (2 == done)
      break;
    sp_sleep_ms (100);
  } while (sp_now_ms () < end);
  cr_assert (sp_now_ms () < end, "the deliveries were not finished in 60 s");
  pthread_mutex_lock (&rv.lock);
  {
    bool first_done = false, second_done = false;

    for (int k = 0; k < rv.n; k++)
    {
      verify (&rv.hits[k], secret);
      if (200 == rv.hits[k].answered)
      {
        first_done |= 0 == strcmp (rv.hits[k].event_id, first);
        second_done |= 0 == strcmp (body_str (&rv.hits[k], "account_id"), a2);
      }
    }
    cr_expect (first_done, "the delivery in flight at the kill was not made");
    cr_expect (second_done, "the delivery queued while down was not made");
  }
  pthread_mutex_unlock (&rv.lock);
  sp_stop (&in, 10);
  receiver_stop (&rv);
}

Test (webhooks, two_instances_deliver_each_event_once)
{
  struct sp_instance one, two;
  struct receiver rv;
  char hook[64], secret[128], acct[64];
  char seen[40][64];

  receiver_start (&rv);
  start (&one, NULL);
  start (&two, NULL);
  sp_use (&one);
  register_hook (org.key, rv.url, "[\"account.created\"]", hook, secret);
  for (int n = 0; n < 40; n++)
  {
    sp_use (0 == n % 2 ? &one : &two);
    th_account_new (org.key, th_fmt ("Account %d", n), acct);
  }
  await_hits (&rv, 200, 40, 60);
  sp_sleep_ms (2000);
  pthread_mutex_lock (&rv.lock);
  cr_assert_eq (40, rv.n, "40 events, %d requests", rv.n);
  for (int k = 0; k < rv.n; k++)
  {
    verify (&rv.hits[k], secret);
    snprintf (seen[k], 64, "%s", rv.hits[k].event_id);
    for (int j = 0; j < k; j++)
      cr_expect_str_neq (seen[j], seen[k], "event %s came twice", seen[k]);
  }
  pthread_mutex_unlock (&rv.lock);
  sp_stop (&one, 10);
  sp_stop (&two, 10);
  receiver_stop (&rv);
}

Test (webhooks, another_organizations_endpoints_and_deliveries_are_unseen)
{
  struct sp_instance in;
  struct receiver ra, rb;
  struct th_org other;
  char hook_a[64], hook_b[64], sa[128], sb[128], acct_a[64], acct_b[64];
  json_t *l;

  th_org_new (&other);
  receiver_start (&ra);
  receiver_start (&rb);
  start (&in, NULL);
  sp_use (&in);
  register_hook (org.key, ra.url, "[\"*\"]", hook_a, sa);
  register_hook (other.key, rb.url, "[\"*\"]", hook_b, sb);
  th_account_new (org.key, "Ours", acct_a);
  th_account_new (other.key, "Theirs", acct_b);
  await_hits (&ra, 200, 1, 30);
  await_hits (&rb, 200, 1, 30);
  sp_sleep_ms (1000);
  /* Every event (the assessments' too, where they are computed), each
     to its own organization's endpoint only. */
  pthread_mutex_lock (&ra.lock);
  pthread_mutex_lock (&rb.lock);
  for (int k = 0; k < ra.n; k++)
  {
    cr_expect_str_eq (body_str (&ra.hits[k], "account_id"), acct_a);
    verify (&ra.hits[k], sa);
  }
  for (int k = 0; k < rb.n; k++)
  {
    cr_expect_str_eq (body_str (&rb.hits[k], "account_id"), acct_b);
    verify (&rb.hits[k], sb);
  }
  cr_expect_str_eq (ra.hits[0].event_type, "account.created");
  cr_expect_str_eq (rb.hits[0].event_type, "account.created");
  pthread_mutex_unlock (&rb.lock);
  pthread_mutex_unlock (&ra.lock);
  /* Not listed, and every path to the other's answers 404. */
  l = list (org.key, "/v1/webhooks");
  cr_expect_eq (1, json_array_size (l));
  cr_expect_str_eq (str (json_array_get (l, 0), "id"), hook_a);
  json_decref (l);
  th_expect_problem ("GET", th_fmt ("/v1/webhooks/%s", hook_b), org.key, NULL,
                     404);
  th_expect_problem ("GET", th_fmt ("/v1/webhooks/%s/deliveries", hook_b),
                     org.key, NULL, 404);
  th_expect_problem ("PATCH", th_fmt ("/v1/webhooks/%s", hook_b), org.key,
                     "{\"status\":\"disabled\"}", 404);
  th_expect_problem ("POST", th_fmt ("/v1/webhooks/%s/rotate-secret", hook_b),
                     org.key, "{}", 404);
  th_expect_problem ("DELETE", th_fmt ("/v1/webhooks/%s", hook_b), org.key,
                     NULL, 404);
  l = list (other.key, th_fmt ("/v1/webhooks/%s/deliveries", hook_b));
  cr_expect_geq (json_array_size (l), 1, "the other's log is intact");
  json_decref (l);
  {
    json_t *e = endpoint (other.key, hook_b);

    cr_expect_str_eq (str (e, "status"), "active",
                      "the other's endpoint "
                      "changed");
    json_decref (e);
  }
  sp_stop (&in, 10);
  receiver_stop (&ra);
  receiver_stop (&rb);
}

Test (webhooks, http_and_private_addresses_need_the_operators_flag)
{
  static const char *const strict[] = { "RAPPORT_WEBHOOK_ALLOW_PRIVATE=0",
                                        "RAPPORT_WEBHOOK_THREADS=1", NULL };
  static const char *const refused[] = {
    "http://hooks.example.com/x",
    "https://127.0.0.1/x",
    "https://10.1.2.3/x",
    "https://169.254.169.254/x",
    "https://[::1]/x",
    "https://[::ffff:192.168.0.1]/x",
    "https://localhost:8443/x",
    "https://user:pw@hooks.example.com/x",
    "ftp://hooks.example.com/x",
  };
  struct sp_instance lax, tight;
  struct receiver rv;
  char hook[64], secret[128], acct[64], id[64];
  long long end;
  json_t *log = NULL;

  sp_start (&tight, strict);
  sp_use (&tight);
  for (size_t k = 0; k < sizeof (refused) / sizeof (refused[0]); k++)
  {
    struct th_resp r;

    th_json ("POST", "/v1/webhooks", org.key,
             th_fmt ("{\"url\":\"%s\",\"event_types\":[\"*\"]}", refused[k]),
             &r);
    th_expect_422 (&r, "/url", refused[k]);
  }
  th_create (org.key, "/v1/webhooks",
             "{\"url\":\"https://hooks.example.com/x\",\"event_types\":"
             "[\"organization_values.deleted\"]}",
             id);
  th_expect_status ("DELETE", th_fmt ("/v1/webhooks/%s", id), org.key, NULL,
                    204);

  /* Registered where it was allowed, an https endpoint on 127.0.0.1 is
     still refused by the strict instance when it connects. */
  receiver_start (&rv);
  sp_start (&lax, (const char *const[]){ "RAPPORT_WEBHOOK_ALLOW_PRIVATE=1",
                                         "RAPPORT_WEBHOOK_THREADS=0", NULL });
  sp_use (&lax);
  register_hook (org.key, th_fmt ("https://127.0.0.1:%u/hook", rv.port),
                 "[\"account.created\"]", hook, secret);
  th_account_new (org.key, "Never sent", acct);
  sp_use (&tight);
  end = sp_now_ms () + 30000;
  do
  {
    json_decref (log);
    log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries", hook));
    if (1 == json_array_size (log)
        && json_integer_value (
             json_object_get (json_array_get (log, 0), "attempts"))
             > 0)
      break;
    sp_sleep_ms (100);
  } while (sp_now_ms () < end);
  cr_assert_eq (1, json_array_size (log));
  cr_expect_str_eq (str (json_array_get (log, 0), "status"), "pending");
  cr_expect (NULL
               != strstr (str (json_array_get (log, 0), "last_error"),
                          "refused to connect to 127.0.0.1"),
             "last_error: %s", str (json_array_get (log, 0), "last_error"));
  json_decref (log);
  cr_expect_eq (0, hits (&rv, 0), "the receiver was reached");
  sp_stop (&tight, 10);
  sp_stop (&lax, 10);
  receiver_stop (&rv);
}

Test (webhooks, secrets_are_shown_once_and_rotate_with_a_grace_period)
{
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], fresh[128], newest[128], acct[64];
  struct th_resp r;
  json_t *l;

  receiver_start (&rv);
  start (&in, NULL);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\"]", hook, secret);
  th_request ("GET", th_fmt ("/v1/webhooks/%s", hook), org.key, NULL, NULL,
              &r);
  cr_expect_null (strstr (r.body, secret));
  cr_expect_null (json_object_get (r.json, "secret"));
  th_resp_free (&r);
  th_request ("GET", "/v1/webhooks", org.key, NULL, NULL, &r);
  cr_expect_null (strstr (r.body, secret));
  th_resp_free (&r);

  /* Rotated: for a day both secrets sign. */
  th_json ("POST", th_fmt ("/v1/webhooks/%s/rotate-secret", hook), org.key,
           "{}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  snprintf (fresh, sizeof (fresh), "%s", th_str (&r, "secret"));
  cr_expect_str_neq (fresh, secret);
  cr_expect (
    json_is_string (json_object_get (r.json, "previous_secret_expires_at")));
  th_resp_free (&r);
  th_account_new (org.key, "Both secrets", acct);
  await_hits (&rv, 200, 1, 30);
  cr_expect_eq (2, verify (&rv.hits[0], fresh));
  cr_expect_eq (2, verify (&rv.hits[0], secret));

  /* Rotated with no grace (a leaked secret): only the newest signs. */
  th_json ("POST", th_fmt ("/v1/webhooks/%s/rotate-secret", hook), org.key,
           "{\"previous_secret_expires_in\":0}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  snprintf (newest, sizeof (newest), "%s", th_str (&r, "secret"));
  cr_expect (
    json_is_null (json_object_get (r.json, "previous_secret_expires_at")));
  th_resp_free (&r);
  th_account_new (org.key, "One secret", acct);
  await_hits (&rv, 200, 2, 30);
  cr_expect_eq (1, verify (&rv.hits[1], newest));

  /* Validation names every bad field. */
  th_json ("POST", "/v1/webhooks", org.key,
           "{\"url\":\"nope\",\"event_types\":[],\"secret\":\"x\"}", &r);
  th_assert_problem (&r, 422);
  cr_expect (th_has_error (&r, "/url"), "%s", r.body);
  cr_expect (th_has_error (&r, "/event_types"), "%s", r.body);
  cr_expect (th_has_error (&r, "/secret"), "%s", r.body);
  th_resp_free (&r);
  th_json ("POST", "/v1/webhooks", org.key,
           "{\"url\":123,\"event_types\":\"*\",\"description\":false}", &r);
  th_assert_problem (&r, 422);
  cr_expect (th_has_error (&r, "/url"), "%s", r.body);
  cr_expect (th_has_error (&r, "/event_types"), "%s", r.body);
  cr_expect (th_has_error (&r, "/description"), "%s", r.body);
  th_resp_free (&r);
  th_json ("PATCH", th_fmt ("/v1/webhooks/%s", hook), org.key,
           "{\"url\":[\"https://hooks.example.com/x\"]}", &r);
  th_expect_422 (&r, "/url", "a URL that is not a string");
  th_json ("POST", "/v1/webhooks", org.key,
           th_fmt ("{\"url\":\"%s\",\"event_types\":[\"account.exploded\"]}",
                   rv.url),
           &r);
  th_expect_422 (&r, "/event_types/0", "an unknown event type");
  th_json ("PATCH", th_fmt ("/v1/webhooks/%s", hook), org.key,
           "{\"status\":\"paused\",\"id\":\"x\"}", &r);
  th_assert_problem (&r, 422);
  th_resp_free (&r);
  th_patch (org.key, th_fmt ("/v1/webhooks/%s", hook), "\"1\"",
            "{\"description\":\"stale\"}", &r);
  th_assert_problem (&r, 412);
  th_resp_free (&r);
  l = list (org.key, "/v1/webhooks");
  cr_expect_eq (1, json_array_size (l));
  json_decref (l);
  /* Admin only. */
  {
    char wkey[128];

    th_key_new (&org, "write", wkey, NULL);
    th_expect_problem ("GET", "/v1/webhooks", wkey, NULL, 403);
    th_expect_problem ("POST", "/v1/webhooks", wkey,
                       th_fmt ("{\"url\":\"%s\",\"event_types\":[\"*\"]}",
                               rv.url),
                       403);
  }
  sp_stop (&in, 10);
  receiver_stop (&rv);
}

Test (webhooks, an_organization_has_a_limited_number_of_endpoints)
{
  static const char *const env[] = { "RAPPORT_MAX_WEBHOOKS=2",
                                     "RAPPORT_WEBHOOK_THREADS=0", NULL };
  struct sp_instance in;
  char id[64];
  struct th_resp r;
  const char *body =
    "{\"url\":\"https://hooks.example.com/x\",\"event_types\":"
    "[\"organization_values.deleted\"]}";

  sp_start (&in, env);
  sp_use (&in);
  th_create (org.key, "/v1/webhooks", body, id);
  th_create (org.key, "/v1/webhooks", body, id);
  th_json ("POST", "/v1/webhooks", org.key, body, &r);
  th_assert_problem (&r, 409);
  cr_expect_str_eq (th_str (&r, "code"), "webhook-limit-reached");
  th_resp_free (&r);
  th_expect_status ("DELETE", th_fmt ("/v1/webhooks/%s", id), org.key, NULL,
                    204);
  th_expect_problem ("GET", th_fmt ("/v1/webhooks/%s", id), org.key, NULL,
                     404);
  th_create (org.key, "/v1/webhooks", body, id);
  sp_stop (&in, 10);
}

Test (webhooks, the_log_keeps_made_deliveries_for_the_configured_days)
{
  static const char *const env[] = { "RAPPORT_WEBHOOK_LOG_DAYS=30", NULL };
  struct sp_instance in;
  struct receiver rv;
  char hook[64], secret[128], old_acct[64], new_acct[64];
  char *n;
  json_t *log;
  long long end;

  receiver_start (&rv);
  start (&in, env);
  sp_use (&in);
  register_hook (org.key, rv.url, "[\"account.created\"]", hook, secret);
  th_account_new (org.key, "Long ago", old_acct);
  await_hits (&rv, 200, 1, 30);
  sp_stop (&in, 10);
  /* Made 40 days ago, as far as the log knows (the arithmetic in UTC:
     immutable, which Citus wants beside a column in an UPDATE). */
  n = sp_admin_sql (
    th_fmt ("UPDATE webhook_deliveries SET delivered_at = (delivered_at AT "
            "TIME ZONE 'UTC' - interval '40 days') AT TIME ZONE 'UTC', "
            "created_at = (created_at AT TIME ZONE 'UTC' - interval "
            "'40 days') AT TIME ZONE 'UTC' WHERE endpoint_id = '%s' "
            "RETURNING 1",
            hook));
  cr_assert_not_null (n);
  free (n);
  /* A pending delivery from 40 days ago: an instance that delivers
     nothing queued it, and it is made old too. */
  sp_start (&in, (const char *const[]){ "RAPPORT_WEBHOOK_THREADS=0", NULL });
  sp_use (&in);
  th_account_new (org.key, "Pending long", new_acct);
  n = sp_admin_sql (
    th_fmt ("UPDATE webhook_deliveries SET created_at = (created_at AT "
            "TIME ZONE 'UTC' - interval '40 days') AT TIME ZONE 'UTC' "
            "WHERE endpoint_id = '%s' AND status = 'pending' RETURNING 1",
            hook));
  cr_assert_not_null (n);
  free (n);
  sp_stop (&in, 10);
  pthread_mutex_lock (&rv.lock);
  rv.always_500 = true; /* the pending one stays pending */
  pthread_mutex_unlock (&rv.lock);
  /* An instance that delivers prunes when its first thread starts. */
  start (&in, env);
  sp_use (&in);
  end = sp_now_ms () + 20000;
  log = NULL;
  do
  {
    json_decref (log);
    log = list (org.key, th_fmt ("/v1/webhooks/%s/deliveries", hook));
    if (1 == json_array_size (log))
      break;
    sp_sleep_ms (100);
  } while (sp_now_ms () < end);
  cr_assert_eq (1, json_array_size (log), "the log has %zu deliveries",
                json_array_size (log));
  cr_expect_str_eq (str (json_array_get (log, 0), "account_id"), new_acct,
                    "the pending delivery was pruned");
  cr_expect_str_eq (str (json_array_get (log, 0), "status"), "pending");
  json_decref (log);
  sp_stop (&in, 10);
  receiver_stop (&rv);
}
