/**
 * @file ratelimit.c
 * @brief Per-key rate limits: a token bucket per API key in each instance.
 *        With RAPPORT_INSTANCES = n behind a load balancer, each instance
 *        enforces 1/n of the rate and burst, so the whole service allows
 *        about the configured rate per key without a round trip to
 *        PostgreSQL on every request (an approximate, per-instance share).
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"

#define SLOTS 8192
#define PROBE 16

/** One key's bucket. */
struct bucket
{
  char key_id[37];
  double tokens;
  int64_t last_us;
};

static struct bucket buckets[SLOTS];
static pthread_mutex_t locks[64];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/** Makes the lock stripes. */
static void
init_locks (void)
{
  for (int i = 0; i < 64; i++)
    pthread_mutex_init (&locks[i], NULL);
}

/** FNV-1a of the key id. */
static uint32_t
hash (const char *s)
{
  uint32_t h = 2166136261u;

  for (; *s; s++)
    h = (h ^ (uint8_t) *s) * 16777619u;
  return h;
}

/**
 * The bucket of @a key_id, made (or taken from the stalest neighbour) if
 * needed; the caller holds the stripe lock of @a h.
 */
static struct bucket *
find (const char *key_id, uint32_t h, double burst, int64_t now)
{
  struct bucket *stalest = NULL;

  for (int i = 0; i < PROBE; i++)
  {
    struct bucket *b = &buckets[(h + (uint32_t) i) % SLOTS];

    if (0 == strcmp (b->key_id, key_id))
      return b;
    if (NULL == stalest || b->last_us < stalest->last_us)
      stalest = b;
  }
  memcpy (stalest->key_id, key_id, sizeof (stalest->key_id));
  stalest->tokens = burst;
  stalest->last_us = now;
  return stalest;
}

bool
ratelimit_take (const char *key_id, struct ratelimit_state *st)
{
  const struct cfg *cfg = http_service.cfg;
  double rate = (double) cfg->rate_limit / (double) cfg->instances;
  double burst = (double) cfg->rate_burst / (double) cfg->instances;
  int64_t now = util_now_us ();
  uint32_t h = hash (key_id) % SLOTS;
  pthread_mutex_t *lock;
  struct bucket *b;
  bool ok;

  st->limit = cfg->rate_limit;
  if (0 == cfg->rate_limit)
    return true;
  if (burst < 1)
    burst = 1;
  pthread_once (&once, &init_locks);
  /* Probing may cross into the next stripe; lock by the home slot's stripe
     and keep probes inside it. */
  h -= h % PROBE;
  lock = &locks[(h / PROBE) % 64];
  pthread_mutex_lock (lock);
  b = find (key_id, h, burst, now);
  b->tokens += rate * (double) (now - b->last_us) / 1e6;
  if (b->tokens > burst)
    b->tokens = burst;
  b->last_us = now;
  ok = b->tokens >= 1;
  if (ok)
    b->tokens -= 1;
  st->remaining = (long) b->tokens;
  st->reset_s = (long) ((burst - b->tokens) / rate + 0.999);
  st->retry_after_s = ok ? 0 : (long) ((1 - b->tokens) / rate + 0.999);
  if (! ok && st->retry_after_s < 1)
    st->retry_after_s = 1;
  pthread_mutex_unlock (lock);
  return ok;
}
