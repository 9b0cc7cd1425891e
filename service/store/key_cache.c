/**
 * @file key_cache.c
 * @brief API keys verified without a database round trip on most
 *        requests: a bounded cache of the keys this instance has seen,
 *        emptied when any key is revoked (LISTEN/NOTIFY, and at once on
 *        the instance that revoked it), and whose entries live at most
 *        RAPPORT_KEY_CACHE_TTL_MS even if a notification is lost.
 *
 * The table is direct-mapped: the SHA-256 of a key picks its slot, a
 * newer key takes the slot of an older one, so memory is fixed.  A
 * generation counter makes emptying it one atomic increment, and keeps a
 * lookup that raced with a revocation from caching what it read before.
 */
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"

/** Slots in the table (a power of two). */
#define SLOTS 4096

/** Mutexes guarding the slots, slot i under lock i % LOCKS. */
#define LOCKS 64

/** The channel migrations/0006 notifies when a key changes. */
#define CHANNEL "rapport_api_keys"

/** One cached key. */
struct slot
{
  uint8_t hash[32];
  struct store_principal who;
  uint64_t generation; /**< the cache's generation when it was stored */
  long long expires_us;
};

static struct slot slots[SLOTS];
static pthread_mutex_t locks[LOCKS];
static atomic_uint_least64_t generation = 1;
static long long ttl_us;

/* The listener thread. */
static pthread_t listener;
static bool listening;
static atomic_bool stopping;
static char *conninfo;

/** A monotonic clock in microseconds. */
static long long
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/** The slot of @a hash. */
static unsigned int
slot_of (const uint8_t hash[32])
{
  return ((unsigned int) hash[0] | (unsigned int) hash[1] << 8) % SLOTS;
}

bool
store_key_cache_get (const uint8_t hash[32], struct store_principal *out,
                     uint64_t *gen)
{
  unsigned int i = slot_of (hash);
  struct slot *s = &slots[i];
  bool hit;

  *gen = atomic_load (&generation);
  if (0 == ttl_us)
    return false;
  pthread_mutex_lock (&locks[i % LOCKS]);
  hit = s->generation == *gen && s->expires_us > now_us ()
        && 0 == memcmp (s->hash, hash, 32);
  if (hit)
    *out = s->who;
  pthread_mutex_unlock (&locks[i % LOCKS]);
  return hit;
}

void
store_key_cache_put (const uint8_t hash[32], const struct store_principal *who,
                     uint64_t gen)
{
  unsigned int i = slot_of (hash);
  struct slot *s = &slots[i];

  if (0 == ttl_us)
    return;
  pthread_mutex_lock (&locks[i % LOCKS]);
  /* Emptied since the caller read the key: what it read may be stale. */
  if (atomic_load (&generation) == gen)
  {
    memcpy (s->hash, hash, 32);
    s->who = *who;
    s->generation = gen;
    s->expires_us = now_us () + ttl_us;
  }
  pthread_mutex_unlock (&locks[i % LOCKS]);
}

void
store_key_cache_clear (void)
{
  atomic_fetch_add (&generation, 1);
}

/**
 * Waits for notifications on @a pg, emptying the cache on each, until
 * the connection fails or the cache stops.
 */
static void
listen_on (PGconn *pg)
{
  while (! atomic_load (&stopping) && CONNECTION_OK == PQstatus (pg))
  {
    struct pollfd p = { .fd = PQsocket (pg), .events = POLLIN };
    PGnotify *n;
    bool any = false;

    if (poll (&p, 1, 200) <= 0)
      continue;
    if (0 == PQconsumeInput (pg))
      return;
    while (NULL != (n = PQnotifies (pg)))
    {
      any = true;
      PQfreemem (n);
    }
    if (any)
      store_key_cache_clear ();
  }
}

/** The listener: connects, LISTENs, and reconnects when that fails. */
static void *
listener_main (void *cls)
{
  bool warned = false;

  (void) cls;
  while (! atomic_load (&stopping))
  {
    PGconn *pg = store_connect_once (conninfo, NULL, 0);
    PGresult *r = NULL;

    if (NULL != pg)
    {
      PQsetNoticeProcessor (pg, &store_on_notice, NULL);
      r = PQexec (pg, "LISTEN " CHANNEL);
    }

    if (PGRES_COMMAND_OK == PQresultStatus (r))
    {
      /* Anything revoked while nobody listened is forgotten with the rest. */
      store_key_cache_clear ();
      if (warned)
        log_info ("listening for API key revocations again");
      warned = false;
      PQclear (r);
      listen_on (pg);
    }
    else
      PQclear (r);
    if (NULL != pg)
      PQfinish (pg);
    store_key_cache_clear ();
    if (! warned && ! atomic_load (&stopping))
      log_warn ("not listening for API key revocations; cached keys now "
                "expire after their time to live");
    warned = true;
    for (int i = 0; i < 5 && ! atomic_load (&stopping); i++)
    {
      struct timespec pause = { 0, 200 * 1000000L };

      nanosleep (&pause, NULL);
    }
  }
  return NULL;
}

void
store_key_cache_start (const char *db, long ttl_ms)
{
  for (int i = 0; i < LOCKS; i++)
    pthread_mutex_init (&locks[i], NULL);
  ttl_us = ttl_ms * 1000LL;
  if (0 == ttl_us)
    return;
  conninfo = util_strdup (db);
  atomic_store (&stopping, false);
  listening = 0 == pthread_create (&listener, NULL, &listener_main, NULL);
  if (! listening)
  {
    log_warn ("no thread to listen for API key revocations: keys are not "
              "cached");
    ttl_us = 0;
  }
}

void
store_key_cache_stop (void)
{
  if (listening)
  {
    atomic_store (&stopping, true);
    pthread_join (listener, NULL);
    listening = false;
  }
  free (conninfo);
  conninfo = NULL;
  ttl_us = 0;
}
