/**
 * @file janitor.c
 * @brief Deadlines libmicrohttpd does not have.  Its connection timeout is
 *        an inactivity timeout: a client trickling one header byte a
 *        second (a slow loris) keeps a connection, and a slot of the
 *        connection limit, for ever.  Every connection is registered when
 *        it opens; a thread shuts down the socket of one that has gone a
 *        connection timeout without a request's headers arriving, or whose
 *        request has run past the request deadline.  libmicrohttpd then
 *        sees the socket end and closes the connection as usual.
 *        The same registry counts connections per client address, so one
 *        address cannot take every slot (RAPPORT_PER_IP_CONNECTION_LIMIT;
 *        libmicrohttpd's own per-IP limit counts per worker thread).
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/log.h"

/** One open connection. */
struct slot
{
  bool used;
  MHD_socket fd;
  int64_t since_us;   /**< opened, or its last request completed */
  int64_t request_us; /**< its request's headers arrived; 0 = none */
  uint8_t addr[16];   /**< the client's address (IPv4 in the first 4) */
};

/** The address bytes of @a sa (16, IPv4 left-aligned and zero-padded). */
static void
addr_key (const struct sockaddr *sa, uint8_t out[16])
{
  memset (out, 0, 16);
  if (NULL == sa)
    return;
  if (AF_INET == sa->sa_family)
    memcpy (out, &((const struct sockaddr_in *) sa)->sin_addr, 4);
  else if (AF_INET6 == sa->sa_family)
    memcpy (out, &((const struct sockaddr_in6 *) sa)->sin6_addr, 16);
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static struct slot *slots;
static size_t n_slots;
static pthread_t thread;
static bool running;

void
janitor_opened (struct MHD_Connection *connection, void **socket_context)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  const union MHD_ConnectionInfo *client =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  uint8_t addr[16];

  *socket_context = NULL;
  if (NULL == info)
    return;
  addr_key (NULL != client ? client->client_addr : NULL, addr);
  pthread_mutex_lock (&lock);
  for (size_t i = 0; i < n_slots; i++)
    if (! slots[i].used)
    {
      slots[i] =
        (struct slot){ true, info->connect_fd, util_now_us (), 0, { 0 } };
      memcpy (slots[i].addr, addr, 16);
      *socket_context = &slots[i];
      break;
    }
  pthread_mutex_unlock (&lock);
}

bool
janitor_admit (const struct sockaddr *sa, long limit)
{
  uint8_t addr[16];
  long n = 0;

  if (limit <= 0)
    return true;
  addr_key (sa, addr);
  pthread_mutex_lock (&lock);
  for (size_t i = 0; i < n_slots && n < limit; i++)
    if (slots[i].used && 0 == memcmp (slots[i].addr, addr, 16))
      n++;
  pthread_mutex_unlock (&lock);
  return n < limit;
}

void
janitor_closed (void *socket_context)
{
  struct slot *s = socket_context;

  if (NULL == s)
    return;
  pthread_mutex_lock (&lock);
  s->used = false;
  pthread_mutex_unlock (&lock);
}

void
janitor_request (struct MHD_Connection *connection, bool started)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  struct slot *s = NULL != info ? info->socket_context : NULL;

  if (NULL == s)
    return;
  pthread_mutex_lock (&lock);
  if (started)
    s->request_us = util_now_us ();
  else
  {
    s->request_us = 0;
    s->since_us = util_now_us ();
  }
  pthread_mutex_unlock (&lock);
}

/** Shuts down the sockets past their deadline. */
static void
sweep (int64_t header_us, int64_t request_us)
{
  int64_t now = util_now_us ();

  for (size_t i = 0; i < n_slots; i++)
  {
    struct slot *s = &slots[i];
    bool late;

    if (! s->used)
      continue;
    late = 0 == s->request_us ? now - s->since_us > header_us
                              : now - s->request_us > request_us;
    if (! late)
      continue;
    log_warn ("closing a connection that sent no complete request in time");
    shutdown (s->fd, SHUT_RDWR);
    /* Not again: libmicrohttpd closes it and says so. */
    s->since_us = s->request_us = INT64_MAX / 2;
  }
}

/** The thread: sweeps twice a second until told to stop. */
static void *
run (void *cls)
{
  const struct cfg *cfg = cls;

  pthread_mutex_lock (&lock);
  while (running)
  {
    struct timespec at;

    clock_gettime (CLOCK_REALTIME, &at);
    at.tv_nsec += 500000000L;
    if (at.tv_nsec >= 1000000000L)
    {
      at.tv_sec++;
      at.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait (&wake, &lock, &at);
    if (running)
      sweep (cfg->connection_timeout * 1000000,
             cfg->request_timeout * 1000000);
  }
  pthread_mutex_unlock (&lock);
  return NULL;
}

int
janitor_start (const struct cfg *cfg)
{
  struct slot *made = util_calloc ((size_t) cfg->connection_limit + 16,
                                   sizeof (*made));

  pthread_mutex_lock (&lock);
  n_slots = (size_t) cfg->connection_limit + 16;
  slots = made;
  running = true;
  pthread_mutex_unlock (&lock);
  if (0 != pthread_create (&thread, NULL, &run, (void *) cfg))
  {
    running = false;
    return -1;
  }
  return 0;
}

void
janitor_stop (void)
{
  pthread_mutex_lock (&lock);
  if (! running)
  {
    pthread_mutex_unlock (&lock);
    return;
  }
  running = false;
  pthread_cond_signal (&wake);
  pthread_mutex_unlock (&lock);
  pthread_join (thread, NULL);
  free (slots);
  slots = NULL;
  n_slots = 0;
}
