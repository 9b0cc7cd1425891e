/**
 * @file spawn.c
 * @brief Private service instances, raw sockets, a tolerant libcurl
 *        client and control of the test's PostgreSQL cluster.
 */
#define _GNU_SOURCE
#include "spawn.h"
#include "harness.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

long long
sp_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
sp_sleep_ms (long ms)
{
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

  while (0 != nanosleep (&ts, &ts) && EINTR == errno)
    ;
}

/** Length of the NAME part of "NAME=value". */
static size_t
name_len (const char *kv)
{
  const char *eq = strchr (kv, '=');

  return NULL != eq ? (size_t) (eq - kv) : strlen (kv);
}

/** True when @a list (n entries) sets the variable of @a kv. */
static bool
sets (char **list, size_t n, const char *kv)
{
  size_t len = name_len (kv);

  for (size_t i = 0; i < n; i++)
    if (name_len (list[i]) == len && 0 == strncmp (list[i], kv, len))
      return true;
  return false;
}

/** Reads the whole log file; new string or NULL. */
static char *
read_log (const char *path)
{
  FILE *f = fopen (path, "r");
  char *data = NULL;
  size_t len = 0;

  if (NULL == f)
    return NULL;
  {
    char chunk[4096];
    size_t n;

    while ((n = fread (chunk, 1, sizeof (chunk), f)) > 0)
    {
      char *p = realloc (data, len + n + 1);

      if (NULL == p)
        break;
      data = p;
      memcpy (data + len, chunk, n);
      len += n;
      data[len] = '\0';
    }
  }
  fclose (f);
  return data;
}

bool
sp_log_contains (const struct sp_instance *in, const char *needle)
{
  char *log = read_log (in->log);
  bool found = NULL != log && NULL != strstr (log, needle);

  free (log);
  return found;
}

bool
sp_wait_exit (struct sp_instance *in, int timeout_ms)
{
  long long end = sp_now_ms () + timeout_ms;

  if (0 == in->pid)
    return true;
  do
  {
    int st;
    pid_t r = waitpid (in->pid, &st, WNOHANG);

    if (r == in->pid || (r < 0 && ECHILD == errno))
    {
      in->status = st;
      in->pid = 0;
      return true;
    }
    sp_sleep_ms (20);
  } while (sp_now_ms () < end);
  return false;
}

void
sp_start (struct sp_instance *in, const char *const *env)
{
  static const char *const defaults[] = { "PORT=0",
                                          "LOG_LEVEL=info",
                                          "RAPPORT_THREADS=2",
                                          "RAPPORT_RATE_LIMIT=0",
                                          "RAPPORT_ORG_RATE_LIMIT=0",
                                          NULL };
  const char *bin = getenv ("RAPPORT_BIN");
  size_t n_env = 0, n = 0;
  char **envp;
  int fd;
  long long deadline;

  cr_assert_not_null (bin, "RAPPORT_BIN is not set: use scripts/test");
  memset (in, 0, sizeof (*in));
  snprintf (in->log, sizeof (in->log), "/tmp/rapport-spawn-XXXXXX");
  fd = mkstemp (in->log);
  cr_assert (fd >= 0, "mkstemp: %s", strerror (errno));
  while (NULL != environ[n_env])
    n_env++;
  envp = calloc (n_env + 64, sizeof (char *));
  cr_assert_not_null (envp);
  for (const char *const *e = env; NULL != e && NULL != *e && n < 48; e++)
    if (! sets (envp, n, *e))
      envp[n++] = (char *) *e;
  for (const char *const *e = defaults; NULL != *e; e++)
    if (! sets (envp, n, *e))
      envp[n++] = (char *) *e;
  for (size_t i = 0; i < n_env; i++)
    if (! sets (envp, n, environ[i]))
      envp[n++] = environ[i];
  envp[n] = NULL;
  fflush (NULL);
  in->pid = fork ();
  cr_assert (in->pid >= 0, "fork: %s", strerror (errno));
  if (0 == in->pid)
  {
    /* The instance must not outlive the test that started it. */
    prctl (PR_SET_PDEATHSIG, SIGKILL);
    dup2 (fd, 1);
    dup2 (fd, 2);
    close (fd);
    /* Nothing of the test runner's (its pipes to Criterion) goes along. */
    for (int i = 3; i < 1024; i++)
      close (i);
    execle (bin, bin, "serve", (char *) NULL, envp);
    _exit (127);
  }
  close (fd);
  free (envp);
  /* PORT=0 picks a free port; the "listening" line names it. */
  deadline = sp_now_ms () + 30000;
  while (0 == in->port && sp_now_ms () < deadline)
  {
    char *log = read_log (in->log);
    const char *p = NULL != log ? strstr (log, "\"port\":") : NULL;

    if (NULL != p)
      in->port = (unsigned int) strtoul (p + 7, NULL, 10);
    free (log);
    if (0 == in->port)
    {
      if (sp_wait_exit (in, 0))
        break;
      sp_sleep_ms (50);
    }
  }
  if (0 == in->port)
  {
    char *log = read_log (in->log);

    cr_log_error ("instance log:\n%s", NULL != log ? log : "(none)");
    free (log);
    sp_stop (in, 1);
    cr_assert_fail ("the private instance did not start listening");
  }
  snprintf (in->url, sizeof (in->url), "http://127.0.0.1:%u", in->port);
  while (sp_now_ms () < deadline)
  {
    struct sp_resp r;

    sp_http (NULL, in->url, "GET", "/healthz", NULL, NULL, NULL, 5, &r);
    if (200 == r.status)
    {
      sp_resp_free (&r);
      return;
    }
    sp_resp_free (&r);
    sp_sleep_ms (50);
  }
  sp_stop (in, 1);
  cr_assert_fail ("the private instance did not answer /healthz");
}

int
sp_stop (struct sp_instance *in, int timeout_s)
{
  int rc = -1;

  if (0 != in->pid)
  {
    kill (in->pid, SIGTERM);
    if (! sp_wait_exit (in, timeout_s * 1000))
    {
      kill (in->pid, SIGKILL);
      sp_wait_exit (in, 5000);
      in->status = -1;
    }
  }
  if (-1 != in->status && WIFEXITED (in->status))
    rc = WEXITSTATUS (in->status);
  if ('\0' != in->log[0])
    unlink (in->log);
  in->log[0] = '\0';
  return rc;
}

void
sp_use (const struct sp_instance *in)
{
  setenv ("RAPPORT_URL", in->url, 1);
}

/** Field @a name ("VmRSS:") of /proc/@a pid/status in KiB, or -1. */
static long
status_kib (pid_t pid, const char *name)
{
  char path[64], line[256];
  FILE *f;
  long kib = -1;
  size_t n = strlen (name);

  snprintf (path, sizeof (path), "/proc/%d/status", (int) pid);
  f = fopen (path, "r");
  if (NULL == f)
    return -1;
  while (NULL != fgets (line, sizeof (line), f))
    if (0 == strncmp (line, name, n))
      kib = strtol (line + n, NULL, 10);
  fclose (f);
  return kib;
}

long
sp_rss_kib (pid_t pid)
{
  return status_kib (pid, "VmRSS:");
}

long
sp_peak_kib (pid_t pid)
{
  return status_kib (pid, "VmHWM:");
}

int
sp_connect (unsigned int port, int rcv_ms)
{
  struct sockaddr_in a;
  struct timeval tv = { rcv_ms / 1000, (rcv_ms % 1000) * 1000 };
  int s = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  if (s < 0)
    return -1;
  memset (&a, 0, sizeof (a));
  a.sin_family = AF_INET;
  a.sin_port = htons ((uint16_t) port);
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  setsockopt (s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof (tv));
  setsockopt (s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof (tv));
  if (0 != connect (s, (struct sockaddr *) &a, sizeof (a)))
  {
    close (s);
    return -1;
  }
  return s;
}

unsigned int
sp_url_port (const char *url)
{
  const char *p = strrchr (url, ':');

  return NULL != p ? (unsigned int) strtoul (p + 1, NULL, 10) : 0;
}

void
sp_http (void *curl, const char *base, const char *method, const char *path,
         const char *key, const char *body, const char *const *extra,
         long timeout_s, struct sp_resp *out)
{
  CURL *c = NULL != curl ? curl : curl_easy_init ();
  struct curl_slist *h;

  memset (out, 0, sizeof (*out));
  if (NULL == c)
  {
    out->curl_code = CURLE_OUT_OF_MEMORY;
    return;
  }
  h = th_curl_prepare (c, base, method, path, key, extra, &out->body,
                       &out->headers);
  curl_easy_setopt (c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (c, CURLOPT_TIMEOUT, timeout_s);
  curl_easy_setopt (c, CURLOPT_CONNECTTIMEOUT, 5L);
  if (NULL != body)
  {
    h = curl_slist_append (h, "Content-Type: application/json");
    curl_easy_setopt (c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt (c, CURLOPT_POSTFIELDSIZE, (long) strlen (body));
  }
  else
  {
    curl_easy_setopt (c, CURLOPT_POSTFIELDS, NULL);
    curl_easy_setopt (c, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt (c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt (c, CURLOPT_NOBODY,
                      0 == strcmp (method, "HEAD") ? 1L : 0L);
  }
  curl_easy_setopt (c, CURLOPT_HTTPHEADER, h);
  out->curl_code = (int) curl_easy_perform (c);
  if (CURLE_OK == out->curl_code)
    curl_easy_getinfo (c, CURLINFO_RESPONSE_CODE, &out->status);
  curl_easy_setopt (c, CURLOPT_HTTPHEADER, NULL);
  curl_slist_free_all (h);
  if (NULL == curl)
    curl_easy_cleanup (c);
  if (NULL == out->body)
    out->body = strdup ("");
}

char *
sp_header (const struct sp_resp *r, const char *name)
{
  return th_header_value (r->headers, name);
}

void
sp_resp_free (struct sp_resp *r)
{
  if (NULL == r)
    return;
  free (r->body);
  free (r->headers);
  memset (r, 0, sizeof (*r));
}

int
sp_pg_ctl (const char *action)
{
  const char *data = getenv ("RAPPORT_PG_DATA");
  const char *port = getenv ("RAPPORT_PG_PORT");
  char cmd[2048];
  int rc;

  cr_assert (NULL != data && NULL != port,
             "RAPPORT_PG_DATA/RAPPORT_PG_PORT unset: use scripts/test");
  snprintf (cmd, sizeof (cmd),
            "%s /usr/lib/postgresql/15/bin/pg_ctl -D '%s' -l '%s/server.log' "
            "-w -t 60 -o '-p %s -k %s -c listen_addresses=127.0.0.1 "
            "-c max_connections=200' %s >/dev/null 2>&1",
            0 == geteuid () ? "runuser -u postgres --" : "", data, data, port,
            data, action);
  fflush (NULL);
  rc = system (cmd);
  return WIFEXITED (rc) ? WEXITSTATUS (rc) : -1;
}

char *
sp_admin_sql (const char *sql)
{
  const char *url = getenv ("MIGRATE_DATABASE_URL");
  PGconn *pg;
  PGresult *r;
  char *out = NULL;

  cr_assert_not_null (url, "MIGRATE_DATABASE_URL unset: use scripts/test");
  pg = PQconnectdb (url);
  if (CONNECTION_OK == PQstatus (pg))
  {
    r = PQexec (pg, sql);
    if (PGRES_TUPLES_OK == PQresultStatus (r) && PQntuples (r) > 0
        && PQnfields (r) > 0)
      out = strdup (PQgetvalue (r, 0, 0));
    PQclear (r);
  }
  PQfinish (pg);
  return out;
}

bool
sp_wait_ready (const char *base, int timeout_ms)
{
  long long end = sp_now_ms () + timeout_ms;

  do
  {
    struct sp_resp r;

    sp_http (NULL, base, "GET", "/readyz", NULL, NULL, NULL, 5, &r);
    if (200 == r.status)
    {
      sp_resp_free (&r);
      return true;
    }
    sp_resp_free (&r);
    sp_sleep_ms (100);
  } while (sp_now_ms () < end);
  return false;
}

long long
sp_revoke_and_time (const char *base, const char *admin_key, const char *key,
                    const char *key_id)
{
  char path[128];
  struct sp_resp r;
  long long start;

  sp_http (NULL, base, "GET", "/v1/accounts", key, NULL, NULL, 5, &r);
  cr_assert_eq (200, r.status, "the new key answered %ld", r.status);
  sp_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/api-keys/%s", key_id);
  sp_http (NULL, getenv ("RAPPORT_URL"), "DELETE", path, admin_key, NULL, NULL,
           5, &r);
  cr_assert_eq (204, r.status, "the revocation answered %ld", r.status);
  sp_resp_free (&r);
  start = sp_now_ms ();
  while (sp_now_ms () - start < 5000)
  {
    sp_http (NULL, base, "GET", "/v1/accounts", key, NULL, NULL, 5, &r);
    if (401 == r.status)
    {
      sp_resp_free (&r);
      return sp_now_ms () - start;
    }
    cr_assert_eq (200, r.status, "the revoked key got %ld", r.status);
    sp_resp_free (&r);
    sp_sleep_ms (10);
  }
  return -1;
}
