/**
 * @file fuzz_request.c
 * @brief A whole request through the real server, in process: the
 *        initializer starts http_server_start on a free loopback port,
 *        configured by cfg_load as `rapport serve` is, with the shipped
 *        model and the contract loaded as service/main.c loads them, and a
 *        DATABASE_URL nobody answers (so routes that need the database
 *        answer 401 or 503 at once).  Each input is written as it is (the
 *        request line, headers and body) to a fresh TCP connection, which
 *        is then half-closed; the answer is read with a short deadline.
 *
 * Without a database no key authenticates, so what is reached is
 * everything before authentication and the public routes: libmicrohttpd's
 * parsing, percent-decoding, the UTF-8 and length checks of the path,
 * routing (404, 405, OPTIONS), the Content-Length cap (413), the media
 * type (415), the missing-key 401, the database's 503, and /healthz,
 * /readyz, /metrics and /v1/openapi.json with their query strings.
 *
 * Invariants: the server does not crash; it answers with a valid status
 * line or closes the connection; it never answers a 5xx but 503 (the
 * database is unreachable) and 505 (libmicrohttpd's answer to an HTTP
 * version it does not speak).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "fuzz.h"
#include "svc/alloc.h"
#include "svc/config.h"
#include "svc/http.h"
#include "svc/log.h"
#include "svc/model.h"
#include "svc/resource.h"
#include "svc/store.h"
#include "svc/util.h"
#include "svc/yaml.h"

/** The longest an answer may take, in milliseconds. */
#define ANSWER_MS 2000

/**
 * How long the first byte of an answer may take.  Every answer the server
 * gives starts within milliseconds (the unreachable database refuses at
 * once); a request left incomplete gets none, and libmicrohttpd does not
 * always notice the half-close while it still waits for the header lines
 * (the connection timeout closes it), so without this each such input
 * would cost the whole ANSWER_MS.
 */
#define FIRST_BYTE_MS 200

static struct cfg cfg;
static unsigned int port;
/** Kept so the leak checker sees it referenced. */
static struct http_server *server;
/** FUZZ_VERBOSE=1 prints each answer's status line (to check seeds). */
static bool verbose;

/** The environment the server runs with, set before cfg_load. */
static const char *const env[][2] = {
  { "DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none" },
  { "BIND_ADDRESS", "127.0.0.1" },
  { "PORT", "0" },
  { "RAPPORT_THREADS", "2" },
  /* Limits that depend on the clock would make coverage depend on it. */
  { "RAPPORT_RATE_LIMIT", "0" },
  { "RAPPORT_UNAUTH_RATE_LIMIT", "0" },
  { "RAPPORT_ORG_RATE_LIMIT", "0" },
  { "RAPPORT_PER_IP_CONNECTION_LIMIT", "0" },
  { "RAPPORT_DB_ACQUIRE_TIMEOUT_MS", "200" },
  { "RAPPORT_CONNECTION_TIMEOUT", "2" },
  { "RAPPORT_REQUEST_TIMEOUT", "5" },
  /* Only the service's own bugs are logged (the replay fails on them). */
  { "LOG_LEVEL", "error" },
};

/** What service/main.c's load_model and load_ops do before serving. */
static void
load_service (void)
{
  char err[512] = "";
  struct score_model *m = model_load (cfg.model_path, err, sizeof (err));
  json_t *j;

  if (NULL == m)
  {
    fprintf (stderr, "fuzz_request: model: %s\n", err);
    abort ();
  }
  j = model_to_json (m);
  http_service.model = m;
  http_service.model_json = json_dumps (j, JSON_COMPACT | JSON_PRESERVE_ORDER
                                             | JSON_REAL_PRECISION (15));
  json_decref (j);
  j = yaml_load_json (cfg.openapi_path, err, sizeof (err));
  if (NULL != j)
  {
    http_service.openapi_json = json_dumps (j, JSON_COMPACT
                                                 | JSON_PRESERVE_ORDER);
    json_decref (j);
  }
  store_latest_migration (cfg.migrations_dir, http_service.latest_migration,
                          sizeof (http_service.latest_migration));
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char prog[] = "fuzz_request";
  char *args[] = { prog, NULL };
  char **fake_argv = args;
  int fake_argc = 1;
  char err[512] = "";
  enum log_level level;
  unsigned int n;
  struct resource *const *table;

  (void) argc;
  (void) argv;
  signal (SIGPIPE, SIG_IGN);
  verbose = NULL != getenv ("FUZZ_VERBOSE");
  util_alloc_init ();
  for (size_t i = 0; i < sizeof (env) / sizeof (env[0]); i++)
    setenv (env[i][0], env[i][1], 1);
  if (0 != cfg_load (&cfg, &fake_argc, fake_argv, err, sizeof (err))
      || 0 != log_level_parse (cfg.log_level, &level))
  {
    fprintf (stderr, "fuzz_request: configuration: %s\n", err);
    abort ();
  }
  log_set_level (level);
  resources_init ();
  table = resources_table (&n);
  if (0 != store_resources_init (table, n))
    abort ();
  http_service.cfg = &cfg;
  load_service ();
  http_service.pool = store_pool_new (cfg.database_url,
                                      (unsigned int) cfg.threads,
                                      cfg.statement_timeout_ms);
  if (NULL == http_service.pool
      || NULL == (server = http_server_start (&cfg, &port)) || 0 == port)
  {
    fprintf (stderr, "fuzz_request: the server did not start\n");
    abort ();
  }
  return 0;
}

/** Milliseconds on the monotonic clock. */
static long long
now_ms (void)
{
  return (long long) (util_now_us () / 1000);
}

/**
 * Whether @a buf (@a len bytes, NUL-terminated) holds a whole answer:
 * headers, then as many bytes as Content-Length says (none for HEAD, 1xx,
 * 204 and 304).
 */
static bool
answer_complete (const char *buf, size_t len, bool head, int status)
{
  const char *end = strstr (buf, "\r\n\r\n");
  size_t have, want = 0;

  if (NULL == end)
    return false;
  have = len - (size_t) (end + 4 - buf);
  for (const char *h = strstr (buf, "\r\n"); NULL != h && h < end;
       h = strstr (h + 2, "\r\n"))
    if (0 == strncasecmp (h + 2, "Content-Length:", 15))
      want = strtoul (h + 17, NULL, 10);
    else if (0 == strncasecmp (h + 2, "Transfer-Encoding: chunked", 26))
      return NULL != strstr (end + 4, "\r\n0\r\n\r\n")
             || 0 == strncmp (end + 4, "0\r\n\r\n", 5);
  if (head || status < 200 || 204 == status || 304 == status)
    return true;
  return have >= want;
}

/**
 * Opens a connection to the server.  A connect can fail for a moment when
 * the machine is busy (it failed once after 38,000 inputs of a ten-minute
 * run, and the input passed when replayed): retried with a new socket for
 * a second, a server that stopped listening still fails.
 *
 * @return the socket, or -1 with the reason printed
 */
static int
open_connection (void)
{
  struct sockaddr_in addr;
  int err = 0;

  memset (&addr, 0, sizeof (addr));
  addr.sin_family = AF_INET;
  addr.sin_port = htons ((uint16_t) port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  for (int i = 0; i < 20; i++)
  {
    struct timespec pause = { 0, 50 * 1000000L };
    int fd = socket (AF_INET, SOCK_STREAM, 0);

    if (fd >= 0
        && 0 == connect (fd, (const struct sockaddr *) &addr, sizeof (addr)))
      return fd;
    err = errno;
    if (fd >= 0)
      close (fd);
    nanosleep (&pause, NULL);
  }
  fprintf (stderr, "fuzz_request: cannot connect to the server: %s\n",
           strerror (err));
  return -1;
}

/** Checks the status line at the start of @a buf; returns the status. */
static int
check_status_line (const char *buf)
{
  int status;

  FUZZ_CHECK (0 == strncmp (buf, "HTTP/1.1 ", 9)
              || 0 == strncmp (buf, "HTTP/1.0 ", 9));
  for (int i = 9; i < 12; i++)
    FUZZ_CHECK (buf[i] >= '0' && buf[i] <= '9');
  FUZZ_CHECK (' ' == buf[12] || '\r' == buf[12]);
  status = atoi (buf + 9);
  FUZZ_CHECK (status >= 100 && status <= 599);
  if (status >= 500 && 503 != status && 505 != status)
  {
    fprintf (stderr, "fuzz_request: the server answered:\n%.2000s\n", buf);
    FUZZ_CHECK (status < 500 || 503 == status || 505 == status);
  }
  return status;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int fd = open_connection ();
  static char buf[256 * 1024];
  size_t got = 0, sent = 0;
  long long deadline = now_ms () + ANSWER_MS;
  long long until = now_ms () + FIRST_BYTE_MS; /* then the deadline */
  bool head = size >= 5 && 0 == memcmp (data, "HEAD ", 5);
  int status = 0;

  FUZZ_CHECK (fd >= 0);
  buf[0] = '\0';
  /* The server may answer and close before it has read everything (a 413
     on Content-Length): stop writing then. */
  while (sent < size)
  {
    ssize_t n = send (fd, data + sent, size - sent, MSG_NOSIGNAL);

    if (n <= 0)
      break;
    sent += (size_t) n;
  }
  /* No more is coming: a request left incomplete is dropped at once
     instead of at the connection timeout. */
  shutdown (fd, SHUT_WR);
  while (got < sizeof (buf) - 1)
  {
    struct pollfd p = { fd, POLLIN, 0 };
    long long left = until - now_ms ();
    ssize_t n;

    if (left <= 0 || poll (&p, 1, (int) left) <= 0)
      break;
    n = recv (fd, buf + got, sizeof (buf) - 1 - got, 0);
    if (n <= 0)
      break; /* closed, or reset */
    got += (size_t) n;
    buf[got] = '\0';
    until = deadline;
    if (0 == status && got >= 13)
      status = check_status_line (buf);
    if (status >= 100 && status < 200 && NULL != strstr (buf, "\r\n\r\n"))
    {
      /* 100 Continue: the answer follows it. */
      size_t skip = (size_t) (strstr (buf, "\r\n\r\n") + 4 - buf);

      memmove (buf, buf + skip, got - skip + 1);
      got -= skip;
      status = got >= 13 ? check_status_line (buf) : 0;
    }
    if (0 != status && answer_complete (buf, got, head, status))
      break;
  }
  if (got > 0 && 0 == status)
  {
    /* Fewer than 13 bytes: still the start of a status line. */
    buf[got] = '\0';
    FUZZ_CHECK (0 == strncmp (buf, "HTTP/1.1 ", got < 9 ? got : 9));
  }
  if (verbose)
    fprintf (stderr, "fuzz_request: %zu bytes sent, answer: %.*s\n", sent,
             (int) strcspn (buf, "\r\n"), got > 0 ? buf : "(none)");
  close (fd);
  return 0;
}
