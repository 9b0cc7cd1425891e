/**
 * @file spawn.h
 * @brief Private service instances for tests that change settings, stop
 *        the process or load it (rate limit, CORS, connection limits,
 *        SIGTERM), raw sockets, a tolerant HTTP client, and control of the
 *        test cluster (scripts/test exports where it is).
 */
#ifndef TEST_SPAWN_H
#define TEST_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/** A private `rapport serve` started by a test. */
struct sp_instance
{
  pid_t pid;         /**< the process, 0 once reaped */
  unsigned int port; /**< where it listens on 127.0.0.1 */
  char url[64];      /**< http://127.0.0.1:port */
  char log[128];     /**< its stderr (JSON log lines), removed by sp_stop */
  int status;        /**< wait status once reaped */
};

/**
 * Starts $RAPPORT_BIN serve with the test's environment plus @a env
 * ("NAME=value" strings, NULL-terminated; they win over the defaults
 * PORT=0, LOG_LEVEL=info, RAPPORT_THREADS=2, RAPPORT_RATE_LIMIT=0) and
 * waits until /healthz answers 200.  The instance dies with the test
 * process (PR_SET_PDEATHSIG), so a failed assertion leaks no process.
 */
void sp_start (struct sp_instance *in, const char *const *env);

/**
 * Sends SIGTERM and waits up to @a timeout_s seconds for the exit (then
 * SIGKILL).  Removes the log.
 *
 * @return the exit status, or -1 when it had to be killed or died by a
 *         signal
 */
int sp_stop (struct sp_instance *in, int timeout_s);

/** Waits up to @a timeout_ms for the process to exit; true when it did. */
bool sp_wait_exit (struct sp_instance *in, int timeout_ms);

/** Makes th_request and friends talk to @a in (this test process only). */
void sp_use (const struct sp_instance *in);

/** True when the instance's log contains @a needle. */
bool sp_log_contains (const struct sp_instance *in, const char *needle);

/** Resident set size of @a pid in KiB, from /proc (-1 when unknown). */
long sp_rss_kib (pid_t pid);

/** Peak resident memory (VmHWM) of @a pid in KiB, or -1. */
long sp_peak_kib (pid_t pid);

/**
 * A raw TCP connection to 127.0.0.1:@a port (receive timeout @a rcv_ms).
 *
 * @return the socket, or -1 (connection refused or failed)
 */
int sp_connect (unsigned int port, int rcv_ms);

/** The port of a URL such as http://127.0.0.1:8080. */
unsigned int sp_url_port (const char *url);

/** A response as a tolerant client saw it. */
struct sp_resp
{
  int curl_code; /**< CURLcode; 0 when an HTTP response arrived */
  long status;   /**< HTTP status, 0 without a response */
  char *body;    /**< new, NUL-terminated (maybe empty) */
  char *headers; /**< raw header block, new */
};

/**
 * Sends one request to @a base + @a path without asserting anything about
 * the transport: connection errors come back in curl_code.
 *
 * @param curl a handle to reuse (keep-alive), or NULL for a one-off
 * @param extra NULL-terminated header lines, or NULL
 * @param timeout_s total timeout
 */
void sp_http (void *curl, const char *base, const char *method,
              const char *path, const char *key, const char *body,
              const char *const *extra, long timeout_s, struct sp_resp *out);

/** A response header's value (case-insensitive), new, or NULL. */
char *sp_header (const struct sp_resp *r, const char *name);

/** Frees a response; NULL-safe. */
void sp_resp_free (struct sp_resp *r);

/** Runs pg_ctl on the test cluster: "stop -m fast", "start", ... */
int sp_pg_ctl (const char *action);

/**
 * Runs @a sql on MIGRATE_DATABASE_URL (the admin connection).
 *
 * @return the first column of the first row as a new string, or NULL
 */
char *sp_admin_sql (const char *sql);

/** Polls GET @a base/readyz until 200 or @a timeout_ms passes. */
bool sp_wait_ready (const char *base, int timeout_ms);

/**
 * Has instance @a base cache API key @a key (a GET that answers 200),
 * revokes the key (id @a key_id) through the test's main service with the
 * admin key @a admin_key, then polls @a base with it.
 *
 * @return milliseconds from the revocation's 204 to @a base's first 401,
 *         or -1 when it still answered after 5 s
 */
long long sp_revoke_and_time (const char *base, const char *admin_key,
                              const char *key, const char *key_id);

/** Milliseconds of a monotonic clock. */
long long sp_now_ms (void);

/** Sleeps @a ms milliseconds. */
void sp_sleep_ms (long ms);

#endif
