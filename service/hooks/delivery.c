/**
 * @file delivery.c
 * @brief The delivery threads: each claims the next due delivery from the
 *        outbox (migrations/0008) with a lease, POSTs it signed with
 *        libcurl, and records the attempt; when nothing is due it waits
 *        for the trigger's notice (LISTEN) or for the next retry to come
 *        due.  The connection goes only to a public address unless the
 *        operator allowed private ones: the address curl is about to
 *        connect to is checked, whatever the name resolved to.
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "svc/alloc.h"
#include "svc/config.h"
#include "svc/hooks.h"
#include "svc/log.h"
#include "svc/store.h"
#include "svc/util.h"

/** How much of an answer's body the delivery log keeps. */
#define RESPONSE_KEEP 4096

static const struct cfg *conf;
static pthread_t *threads;
static long n_threads;
static atomic_bool stopping;
static bool curl_ready;
static atomic_uint_least64_t n_delivered, n_failed, n_disabled;

/** One attempt's state, for libcurl's callbacks. */
struct attempt
{
  char response[RESPONSE_KEEP + 1];
  size_t response_len;
  char refused[INET6_ADDRSTRLEN]; /**< an address not connected to */
};

/** Keeps the start of the answer's body; reads and drops the rest. */
static size_t
on_body (char *data, size_t size, size_t n, void *cls)
{
  struct attempt *a = cls;
  size_t len = size * n;
  size_t room = RESPONSE_KEEP - a->response_len;
  size_t take = len < room ? len : room;

  memcpy (a->response + a->response_len, data, take);
  a->response_len += take;
  a->response[a->response_len] = '\0';
  return len;
}

/** Ends a transfer when the service stops. */
static int
on_progress (void *cls, curl_off_t dltotal, curl_off_t dlnow,
             curl_off_t ultotal, curl_off_t ulnow)
{
  (void) cls, (void) dltotal, (void) dlnow, (void) ultotal, (void) ulnow;
  return atomic_load (&stopping) ? 1 : 0;
}

/** Opens a socket only to a public address (unless private ones are
    allowed): the check that counts, on the address actually used. */
static curl_socket_t
on_open_socket (void *cls, curlsocktype purpose, struct curl_sockaddr *addr)
{
  struct attempt *a = cls;
  const void *ip = NULL;

  (void) purpose;
  if (AF_INET == addr->family)
    ip = &((const struct sockaddr_in *) (const void *) &addr->addr)->sin_addr;
  else if (AF_INET6 == addr->family)
    ip =
      &((const struct sockaddr_in6 *) (const void *) &addr->addr)->sin6_addr;
  if (0 == conf->webhook_allow_private
      && (NULL == ip || ! hooks_addr_public (addr->family, ip)))
  {
    if (NULL == ip
        || NULL
             == inet_ntop (addr->family, ip, a->refused, sizeof (a->refused)))
      snprintf (a->refused, sizeof (a->refused), "an unknown address");
    return CURL_SOCKET_BAD;
  }
  return socket (addr->family, addr->socktype, addr->protocol);
}

/** Makes @a s valid UTF-8 text without NUL, as PostgreSQL takes it: a
    byte that does not belong to a well-formed character becomes '?'. */
static void
utf8_clean (char *s, size_t len)
{
  unsigned char *u = (unsigned char *) s;
  size_t i = 0;

  while (i < len)
  {
    unsigned char c = u[i];
    size_t need;
    bool ok;

    if (c >= 0x01 && c < 0x80)
    {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf)
      need = 1;
    else if (c >= 0xe0 && c <= 0xef)
      need = 2;
    else if (c >= 0xf0 && c <= 0xf4)
      need = 3;
    else
    {
      u[i++] = '?';
      continue;
    }
    ok = i + need < len;
    for (size_t k = 1; ok && k <= need; k++)
      ok = 0x80 == (u[i + k] & 0xc0);
    /* No overlong forms, surrogates, nor anything past U+10FFFF. */
    if (ok
        && ((0xe0 == c && u[i + 1] < 0xa0) || (0xed == c && u[i + 1] >= 0xa0)
            || (0xf0 == c && u[i + 1] < 0x90)
            || (0xf4 == c && u[i + 1] >= 0x90)))
      ok = false;
    if (! ok)
    {
      u[i++] = '?';
      continue;
    }
    i += need + 1;
  }
}

/** Sends one claimed delivery and records the attempt. */
static void
deliver (struct store_hooks *h, CURL *curl, struct store_webhook_claim *c)
{
  struct attempt a;
  struct curl_slist *hd = NULL;
  char line[512], sig[65], sig_old[65], err[CURL_ERROR_SIZE] = "";
  char msg[600] = "", result[16];
  long long t = (long long) time (NULL);
  size_t body_len = strlen (c->payload);
  long code = 0;
  CURLcode rc;
  const char *outcome;
  long long retry_ms = 0;
  uint32_t rnd = 0;

  memset (&a, 0, sizeof (a));
  hooks_sign (c->secret, t, c->payload, body_len, sig);
  if (NULL != c->previous_secret)
  {
    hooks_sign (c->previous_secret, t, c->payload, body_len, sig_old);
    snprintf (line, sizeof (line), "Rapport-Signature: t=%lld,v1=%s,v1=%s", t,
              sig, sig_old);
  }
  else
    snprintf (line, sizeof (line), "Rapport-Signature: t=%lld,v1=%s", t, sig);
  hd = curl_slist_append (hd, line);
  hd = curl_slist_append (hd, "Content-Type: application/json");
  snprintf (line, sizeof (line), "Rapport-Event-Id: %s", c->event_id);
  hd = curl_slist_append (hd, line);
  snprintf (line, sizeof (line), "Rapport-Event-Type: %s", c->event_type);
  hd = curl_slist_append (hd, line);
  snprintf (line, sizeof (line), "Rapport-Delivery-Id: %s", c->id);
  hd = curl_slist_append (hd, line);
  snprintf (line, sizeof (line), "Rapport-Delivery-Attempt: %d",
            c->attempts + 1);
  hd = curl_slist_append (hd, line);
  hd = curl_slist_append (hd, "Expect:");
  if (NULL == hd)
    util_alloc_failed (0);

  curl_easy_reset (curl);
  curl_easy_setopt (curl, CURLOPT_URL, c->url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR,
                    conf->webhook_allow_private ? "http,https" : "https");
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  /* A proxy from the environment would be connected to instead of the
     endpoint, and the address check with it. */
  curl_easy_setopt (curl, CURLOPT_PROXY, "");
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "Rapport-Webhooks/1");
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, hd);
  curl_easy_setopt (curl, CURLOPT_POST, 1L);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDS, c->payload);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) body_len);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, conf->webhook_timeout_ms);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, conf->webhook_timeout_ms);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, &a);
  curl_easy_setopt (curl, CURLOPT_OPENSOCKETFUNCTION, &on_open_socket);
  curl_easy_setopt (curl, CURLOPT_OPENSOCKETDATA, &a);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, err);
  /* One connection per attempt: an endpoint answers from a fresh
     connection the address check saw. */
  curl_easy_setopt (curl, CURLOPT_FORBID_REUSE, 1L);
  rc = curl_easy_perform (curl);
  curl_slist_free_all (hd);
  if (CURLE_ABORTED_BY_CALLBACK == rc && atomic_load (&stopping))
  {
    store_hooks_finish (h, c, "released", 0, NULL, NULL, 0, 0, result);
    return;
  }
  if (CURLE_OK == rc)
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &code);
  if (CURLE_OK == rc && code >= 200 && code < 300)
    outcome = "delivered";
  else
  {
    outcome = "failed";
    if ('\0' != a.refused[0])
      snprintf (msg, sizeof (msg),
                "refused to connect to %s: not a public address", a.refused);
    else if (CURLE_OPERATION_TIMEDOUT == rc)
      snprintf (msg, sizeof (msg), "no answer within %ld ms",
                conf->webhook_timeout_ms);
    else if (CURLE_OK != rc)
      snprintf (msg, sizeof (msg), "%s",
                '\0' != err[0] ? err : curl_easy_strerror (rc));
    else
      snprintf (msg, sizeof (msg), "HTTP %ld", code);
    util_random (&rnd, sizeof (rnd));
    retry_ms = hooks_backoff_ms (c->failures + 1, conf->webhook_retry_base_ms,
                                 rnd);
  }
  utf8_clean (a.response, a.response_len);
  utf8_clean (msg, strlen (msg));
  if (0 > store_hooks_finish (h, c, outcome, (int) code,
                              '\0' != msg[0] ? msg : NULL,
                              a.response_len > 0 ? a.response : NULL, retry_ms,
                              (int) conf->webhook_max_attempts, result))
  {
    log_warn ("webhook delivery %s: the attempt could not be recorded; it "
              "will be made again once its lease has passed",
              c->id);
    return;
  }
  if (0 == strcmp (result, "delivered"))
    atomic_fetch_add (&n_delivered, 1);
  else if (0 != strcmp (result, "lost"))
    atomic_fetch_add (&n_failed, 1);
  if (0 == strcmp (result, "disabled"))
    atomic_fetch_add (&n_disabled, 1);
  if (0 == strcmp (result, "disabled"))
    log_warn ("webhook endpoint %s disabled after %d failed attempts in a "
              "row (last: %s)",
              c->endpoint_id, c->failures + 1, msg);
  else if (0 == strcmp (result, "retry"))
    log_info ("webhook delivery %s to endpoint %s failed (%s); retrying in "
              "%lld ms",
              c->id, c->endpoint_id, msg, retry_ms);
  else if (0 == strcmp (result, "lost"))
    log_warn ("webhook delivery %s: its claim was gone when the attempt "
              "was recorded (the lease passed, and another thread may have "
              "sent it too, or the endpoint was deleted)",
              c->id);
}

/** Prunes the delivery log at start and then hourly (the first thread
    only; across instances, one prunes at a time). */
static void
maybe_prune (struct store_hooks *h, long long *next_ms)
{
  struct timespec ts;
  long long now, pruned = 0;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  now = (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
  if (now < *next_ms)
    return;
  *next_ms = now + 3600 * 1000LL;
  if (store_hooks_prune (h, conf->webhook_log_days, &pruned) > 0 && pruned > 0)
    log_info ("webhook delivery log: %lld deliveries older than %ld days "
              "removed",
              pruned, conf->webhook_log_days);
}

/** A delivery thread. */
static void *
thread_main (void *cls)
{
  struct store_hooks *h = store_hooks_open (conf->database_listen_url,
                                            conf->statement_timeout_ms);
  CURL *curl = curl_easy_init ();
  /* Long enough for an attempt and its recording; a killed instance's
     claims are taken again after it. */
  long lease_ms = 2 * conf->webhook_timeout_ms + 10000;
  /* Wake at least this often to find retries that came due. */
  long idle_ms =
    conf->webhook_retry_base_ms < 1000
      ? (conf->webhook_retry_base_ms > 50 ? conf->webhook_retry_base_ms : 50)
      : 1000;

  bool pruner = (void *) 0 == cls;
  long long next_prune = 0;

  if (NULL == curl)
    util_alloc_failed (0);
  while (! atomic_load (&stopping))
  {
    struct store_webhook_claim c;
    enum store_qs qs;

    if (pruner)
      maybe_prune (h, &next_prune);
    qs = store_hooks_claim (h, lease_ms, &c);

    if (STORE_QS_ONE == qs)
    {
      deliver (h, curl, &c);
      store_webhook_claim_clear (&c);
      continue;
    }
    store_webhook_claim_clear (&c);
    store_hooks_wait (h, qs < 0 ? 1000 : idle_ms);
  }
  curl_easy_cleanup (curl);
  store_hooks_close (h);
  return NULL;
}

void
hooks_start (const struct cfg *cfg)
{
  conf = cfg;
  atomic_store (&stopping, false);
  if (cfg->webhook_threads <= 0)
    return;
  if (CURLE_OK != curl_global_init (CURL_GLOBAL_DEFAULT))
  {
    log_error ("libcurl did not initialize: webhooks are not delivered");
    return;
  }
  curl_ready = true;
  threads = util_calloc ((size_t) cfg->webhook_threads, sizeof (*threads));
  for (n_threads = 0; n_threads < cfg->webhook_threads; n_threads++)
    if (0
        != pthread_create (&threads[n_threads], NULL, &thread_main,
                           (void *) (intptr_t) n_threads))
    {
      log_error ("cannot start webhook delivery thread %ld", n_threads + 1);
      break;
    }
}

void
hooks_stop (void)
{
  atomic_store (&stopping, true);
  for (long i = 0; i < n_threads; i++)
    pthread_join (threads[i], NULL);
  free (threads);
  threads = NULL;
  n_threads = 0;
  if (curl_ready)
    curl_global_cleanup ();
  curl_ready = false;
}

void
hooks_stats (struct hooks_stats *out)
{
  out->delivered = atomic_load (&n_delivered);
  out->failed = atomic_load (&n_failed);
  out->disabled = atomic_load (&n_disabled);
}
