/**
 * @file recent_writes.c
 * @brief Read-your-writes with read replicas: which API keys asked for a
 *        write lately, so that their heavy reads go to the primary until
 *        the replicas have caught up (RAPPORT_READ_YOUR_WRITES_MS).
 *
 * A fixed table, like the rate limiter's: a key that is pushed out by
 * others (more than PROBE keys writing at once in its neighbourhood)
 * reads from a replica early, never wrongly from a stale primary.  Each
 * instance knows only the writes it served: behind a load balancer, the
 * key's requests should stick to one instance (docs/scaling.md).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define SLOTS 4096
#define PROBE 8

/** One key's last write. */
struct slot
{
  char key_id[40];
  int64_t at_us;
};

static struct slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/** FNV-1a of the key id. */
static uint32_t
hash (const char *s)
{
  uint32_t h = 2166136261u;

  for (; *s; s++)
    h = (h ^ (uint8_t) *s) * 16777619u;
  return h;
}

void
recent_write_mark (const char *key_id)
{
  uint32_t h;
  struct slot *oldest = NULL;
  int64_t now = util_now_us ();

  if (NULL == key_id || '\0' == key_id[0])
    return;
  h = hash (key_id);
  pthread_mutex_lock (&lock);
  for (int i = 0; i < PROBE; i++)
  {
    struct slot *s = &slots[(h + (uint32_t) i) % SLOTS];

    if (0 == strcmp (s->key_id, key_id))
    {
      oldest = s;
      break;
    }
    if (NULL == oldest || s->at_us < oldest->at_us)
      oldest = s;
  }
  snprintf (oldest->key_id, sizeof (oldest->key_id), "%s", key_id);
  oldest->at_us = now;
  pthread_mutex_unlock (&lock);
}

bool
recent_write_within (const char *key_id, long window_ms)
{
  uint32_t h;
  bool recent = false;
  int64_t since = util_now_us () - (int64_t) window_ms * 1000;

  if (NULL == key_id || '\0' == key_id[0] || window_ms <= 0)
    return false;
  h = hash (key_id);
  pthread_mutex_lock (&lock);
  for (int i = 0; i < PROBE && ! recent; i++)
  {
    const struct slot *s = &slots[(h + (uint32_t) i) % SLOTS];

    recent = 0 == strcmp (s->key_id, key_id) && s->at_us >= since;
  }
  pthread_mutex_unlock (&lock);
  return recent;
}
