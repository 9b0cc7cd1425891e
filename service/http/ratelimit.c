/**
 * @file ratelimit.c
 * @brief Rate limits: a token bucket per API key, per organization (all
 *        its keys together) and per client address for requests with a
 *        missing or bad key, in each instance.  With RAPPORT_INSTANCES = n
 *        behind a load balancer, each instance enforces 1/n of the rate and
 *        burst, so the whole service allows about the configured rate
 *        without a round trip to PostgreSQL on every request (an
 *        approximate, per-instance share).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define SLOTS 8192
#define PROBE 16

/** One bucket: "k:<key id>", "o:<org id>" or "a:<address>". */
struct bucket
{
  char key_id[64];
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
  snprintf (stalest->key_id, sizeof (stalest->key_id), "%s", key_id);
  stalest->tokens = burst;
  stalest->last_us = now;
  return stalest;
}

/**
 * Takes (or, with @a peek, only looks at) one token of bucket @a name,
 * which fills at @a per_s a second up to @a burst (the whole service's
 * figures: this instance keeps its share).
 *
 * @return true when a token was there
 */
static bool
bucket_take (const char *name, long per_s, long burst_all, bool peek,
             struct ratelimit_state *st)
{
  const struct cfg *cfg = http_service.cfg;
  double rate = (double) per_s / (double) cfg->instances;
  double burst = (double) burst_all / (double) cfg->instances;
  int64_t now = util_now_us ();
  uint32_t h = hash (name) % SLOTS;
  pthread_mutex_t *lock;
  struct bucket *b;
  bool ok;

  st->limit = per_s;
  st->quota = 0;
  st->window_s = 0;
  st->remaining = 0;
  st->reset_s = 0;
  st->retry_after_s = 0;
  if (0 == per_s)
    return true;
  if (burst < 1)
    burst = 1;
  st->quota = (long) burst;
  st->window_s = (long) (burst / rate + 0.999);
  if (st->window_s < 1)
    st->window_s = 1;
  pthread_once (&once, &init_locks);
  /* Probing may cross into the next stripe; lock by the home slot's stripe
     and keep probes inside it. */
  h -= h % PROBE;
  lock = &locks[(h / PROBE) % 64];
  pthread_mutex_lock (lock);
  b = find (name, h, burst, now);
  b->tokens += rate * (double) (now - b->last_us) / 1e6;
  if (b->tokens > burst)
    b->tokens = burst;
  b->last_us = now;
  ok = b->tokens >= 1;
  if (ok && ! peek)
    b->tokens -= 1;
  st->remaining = (long) b->tokens;
  st->reset_s = (long) ((burst - b->tokens) / rate + 0.999);
  st->retry_after_s = ok ? 0 : (long) ((1 - b->tokens) / rate + 0.999);
  if (! ok && st->retry_after_s < 1)
    st->retry_after_s = 1;
  pthread_mutex_unlock (lock);
  return ok;
}

bool
ratelimit_take (const char *key_id, struct ratelimit_state *st)
{
  const struct cfg *cfg = http_service.cfg;
  char name[64];

  snprintf (name, sizeof (name), "k:%s", key_id);
  return bucket_take (name, cfg->rate_limit, cfg->rate_burst, false, st);
}

bool
ratelimit_take_org (const char *org_id, struct ratelimit_state *st)
{
  const struct cfg *cfg = http_service.cfg;
  char name[64];

  snprintf (name, sizeof (name), "o:%s", org_id);
  return bucket_take (name, cfg->org_rate_limit, cfg->org_rate_burst, false,
                      st);
}

bool
ratelimit_unauth (const char *address, bool take, struct ratelimit_state *st)
{
  const struct cfg *cfg = http_service.cfg;
  char name[64];

  snprintf (name, sizeof (name), "a:%s", address);
  return bucket_take (name, cfg->unauth_rate_limit, cfg->unauth_rate_burst,
                      ! take, st);
}
