/**
 * @file model_cache.c
 * @brief The scoring model at run time: a small cache of organizations'
 *        models (the shipped one with their weight overrides applied:
 *        building one is milliseconds, so it is done once per version),
 *        and one note-analysis scratch per worker thread.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"
#include "svc/model.h"

#define CACHE_SIZE 32

/** A cached organization model. */
struct entry
{
  char org_id[37];
  int version;
  struct score_model *model;
  unsigned int refs; /**< requests using it now */
  uint64_t used;     /**< last use, for eviction */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry cache[CACHE_SIZE];
static uint64_t clock_ticks;

/** Builds the model of @a weights (JSON) over the shipped one. */
static struct score_model *
build (const char *org_id, const char *weights)
{
  json_t *body = json_loads (weights, 0, NULL);
  struct model_errors errs = { 0 };
  struct score_model *m = NULL;

  if (NULL != body)
    m = model_apply_weights (http_service.model, body, &errs);
  json_decref (body);
  if (NULL == m)
    log_warn ("organization %s: its weight overrides no longer fit the "
              "model (%s %s); scoring with the shipped weights",
              org_id, errs.n > 0 ? errs.items[0].field : "",
              errs.n > 0 ? errs.items[0].message : "");
  return m;
}

/** The slot to reuse: a free one, else the least recently used idle one. */
static struct entry *
victim (void)
{
  struct entry *best = NULL;

  for (int i = 0; i < CACHE_SIZE; i++)
  {
    struct entry *e = &cache[i];

    if (NULL == e->model)
      return e;
    if (0 == e->refs && (NULL == best || e->used < best->used))
      best = e;
  }
  return best;
}

void
api_model_get (const char *org_id, const char *weights, int version,
               struct api_model *out)
{
  struct score_model *m;
  struct entry *e;

  out->model = http_service.model;
  out->entry = NULL;
  if (NULL == weights)
    return;
  pthread_mutex_lock (&lock);
  for (int i = 0; i < CACHE_SIZE; i++)
    if (NULL != cache[i].model && cache[i].version == version
        && 0 == strcmp (cache[i].org_id, org_id))
    {
      cache[i].refs++;
      cache[i].used = ++clock_ticks;
      out->model = cache[i].model;
      out->entry = &cache[i];
      pthread_mutex_unlock (&lock);
      return;
    }
  pthread_mutex_unlock (&lock);
  m = build (org_id, weights);
  if (NULL == m)
    return;
  pthread_mutex_lock (&lock);
  e = victim ();
  if (NULL == e)
  {
    /* Every slot is in use: score with it uncached. */
    pthread_mutex_unlock (&lock);
    out->model = m;
    out->entry = m; /* marks "free me" for release */
    return;
  }
  if (NULL != e->model)
    model_free (&e->model);
  *e = (struct entry){
    .version = version, .model = m, .refs = 1, .used = ++clock_ticks
  };
  memcpy (e->org_id, org_id, sizeof (e->org_id));
  out->model = m;
  out->entry = e;
  pthread_mutex_unlock (&lock);
}

void
api_model_release (struct api_model *m)
{
  struct entry *e = m->entry;

  if (NULL == e)
    return;
  if ((void *) e == (void *) m->model)
  {
    struct score_model *own = (struct score_model *) m->model;

    model_free (&own);
    return;
  }
  pthread_mutex_lock (&lock);
  e->refs--;
  pthread_mutex_unlock (&lock);
  m->entry = NULL;
}

void
api_model_cache_free (void)
{
  pthread_mutex_lock (&lock);
  for (int i = 0; i < CACHE_SIZE; i++)
    if (NULL != cache[i].model)
      model_free (&cache[i].model);
  pthread_mutex_unlock (&lock);
}

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

/** Thread exit: frees the thread's scratch. */
static void
scratch_destroy (void *p)
{
  struct score_scratch *s = p;

  score_scratch_free (&s);
}

/** Makes the thread-local key once. */
static void
scratch_key_make (void)
{
  pthread_key_create (&scratch_key, &scratch_destroy);
}

struct score_scratch *
api_scratch (void)
{
  struct score_scratch *s;

  pthread_once (&scratch_once, &scratch_key_make);
  s = pthread_getspecific (scratch_key);
  if (NULL == s)
  {
    s = score_scratch_new ();
    if (NULL == s)
      util_alloc_failed (sizeof (void *));
    pthread_setspecific (scratch_key, s);
  }
  return s;
}
