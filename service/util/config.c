/**
 * @file config.c
 * @brief Table-driven configuration (after pgbouncer's bouncer_params[]):
 *        each setting has a flag, an environment variable, a default and,
 *        for numbers, bounds.
 */
#include "svc/config.h"
#include "svc/alloc.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum cfg_kind
{
  CFG_STR,
  CFG_LONG
};

/** One configurable setting. */
struct cfg_param
{
  const char *flag;   /**< long flag without the dashes */
  const char *env;    /**< environment variable */
  enum cfg_kind kind; /**< string or integer */
  size_t offset;      /**< where in struct cfg */
  const char *def;    /**< default, as text; NULL for none */
  long min, max;      /**< bounds for CFG_LONG */
  const char *help;   /**< one line for --help */
};

#define OFF(f) offsetof (struct cfg, f)

static const struct cfg_param params[] = {
  { "bind", "BIND_ADDRESS", CFG_STR, OFF (bind_address), "127.0.0.1", 0, 0,
    "IPv4 address to listen on" },
  { "port", "PORT", CFG_LONG, OFF (port), "8080", 0, 65535,
    "TCP port to listen on (0 picks a free one)" },
  { "database-url", "DATABASE_URL", CFG_STR, OFF (database_url), NULL, 0, 0,
    "PostgreSQL connection string used to serve requests" },
  { "migrate-database-url", "MIGRATE_DATABASE_URL", CFG_STR,
    OFF (migrate_database_url), NULL, 0, 0,
    "connection string for migrate and org create (default: DATABASE_URL)" },
  { "database-listen-url", "DATABASE_LISTEN_URL", CFG_STR,
    OFF (database_listen_url), NULL, 0, 0,
    "direct connection (not through a transaction pooler) for LISTEN and "
    "the background workers (default: DATABASE_URL)" },
  { "database-read-url", "DATABASE_READ_URL", CFG_STR, OFF (database_read_url),
    NULL, 0, 0,
    "read replicas for the heavy reads (portfolio, history, lists, "
    "assessments), e.g. postgresql://u@replica,primary/db?"
    "target_session_attrs=prefer-standby (default: none)" },
  { "read-your-writes-ms", "RAPPORT_READ_YOUR_WRITES_MS", CFG_LONG,
    OFF (read_your_writes_ms), "5000", 0, 600000,
    "after a write, that API key's reads go to the primary this long" },
  { "prepared-statements", "RAPPORT_PREPARED_STATEMENTS", CFG_LONG,
    OFF (prepared_statements), "1", 0, 1,
    "1: prepare every statement on each connection; 0: unnamed statements "
    "and per-transaction settings (pgbouncer in transaction pooling)" },
  { "migrations-dir", "RAPPORT_MIGRATIONS_DIR", CFG_STR, OFF (migrations_dir),
    RAPPORT_SOURCE_DIR "/migrations", 0, 0, "folder of the SQL migrations" },
  { "threads", "RAPPORT_THREADS", CFG_LONG, OFF (threads), "4", 1, 256,
    "HTTP worker threads, each with one PostgreSQL connection" },
  { "key-cache-ttl-ms", "RAPPORT_KEY_CACHE_TTL_MS", CFG_LONG,
    OFF (key_cache_ttl_ms), "1000", 0, 3600000,
    "how long a verified API key is trusted without asking the database "
    "again (0: ask on every request); a revocation empties every "
    "instance's cache at once, this bounds it if a notice is lost" },
  { "refresh-threads", "RAPPORT_REFRESH_THREADS", CFG_LONG,
    OFF (refresh_threads), "1", 0, 64,
    "threads recomputing the stored assessments GET /v1/assessments and the "
    "event feed read (0: none on this instance)" },
  { "assess-max-age", "RAPPORT_ASSESS_MAX_AGE", CFG_LONG, OFF (assess_max_age),
    "86400", 60, 86400,
    "seconds after which a stored assessment is recomputed even if nothing "
    "was written (contact gaps and overdue commitments grow with time)" },
  { "assess-sweep-interval", "RAPPORT_ASSESS_SWEEP_INTERVAL", CFG_LONG,
    OFF (assess_sweep_interval), "60", 1, 86400,
    "seconds between looks for stored assessments made stale by time or by "
    "a new model" },
  { "event-retention-days", "RAPPORT_EVENT_RETENTION_DAYS", CFG_LONG,
    OFF (event_retention_days), "35", 30, 3650,
    "days the event feed keeps an event" },
  { "body-max", "RAPPORT_BODY_MAX", CFG_LONG, OFF (body_max), "1048576", 1024,
    64L * 1024 * 1024, "largest request body in bytes (413 above)" },
  { "batch-body-max", "RAPPORT_BATCH_BODY_MAX", CFG_LONG, OFF (batch_body_max),
    "33554432", 1024, 512L * 1024 * 1024,
    "largest POST /v1/batch body (1,000 items with long notes)" },
  { "connection-timeout", "RAPPORT_CONNECTION_TIMEOUT", CFG_LONG,
    OFF (connection_timeout), "30", 1, 3600,
    "seconds before an idle connection is closed" },
  { "request-timeout", "RAPPORT_REQUEST_TIMEOUT", CFG_LONG,
    OFF (request_timeout), "120", 1, 3600,
    "seconds a request (its body included) may take before it is dropped" },
  { "connection-limit", "RAPPORT_CONNECTION_LIMIT", CFG_LONG,
    OFF (connection_limit), "512", 4, 100000,
    "simultaneous client connections" },
  { "per-ip-connection-limit", "RAPPORT_PER_IP_CONNECTION_LIMIT", CFG_LONG,
    OFF (per_ip_connection_limit), "128", 0, 100000,
    "simultaneous connections from one client address (0: no limit)" },
  { "unauth-rate-limit", "RAPPORT_UNAUTH_RATE_LIMIT", CFG_LONG,
    OFF (unauth_rate_limit), "20", 0, 1000000,
    "requests with a missing or bad key per second per client address "
    "(0: off)" },
  { "unauth-rate-burst", "RAPPORT_UNAUTH_RATE_BURST", CFG_LONG,
    OFF (unauth_rate_burst), "100", 1, 10000000,
    "requests with a missing or bad key one address may send at once" },
  { "org-rate-limit", "RAPPORT_ORG_RATE_LIMIT", CFG_LONG, OFF (org_rate_limit),
    "1000", 0, 10000000,
    "requests per second per organization, all its keys together (0: off)" },
  { "org-rate-burst", "RAPPORT_ORG_RATE_BURST", CFG_LONG, OFF (org_rate_burst),
    "5000", 1, 100000000,
    "requests an organization's keys may send at once together" },
  { "body-bytes-in-flight", "RAPPORT_BODY_BYTES_IN_FLIGHT", CFG_LONG,
    OFF (body_bytes_in_flight), "134217728", 1048576, 16L * 1024 * 1024 * 1024,
    "request body bytes held in memory at once, all requests together "
    "(503 above)" },
  { "json-values-max", "RAPPORT_JSON_VALUES_MAX", CFG_LONG,
    OFF (json_values_max), "20000", 100, 100000000,
    "JSON values in one request body (413 above)" },
  { "batch-json-values-max", "RAPPORT_BATCH_JSON_VALUES_MAX", CFG_LONG,
    OFF (batch_json_values_max), "250000", 100, 100000000,
    "JSON values in one POST /v1/batch body (413 above)" },
  { "max-api-keys", "RAPPORT_MAX_API_KEYS", CFG_LONG, OFF (max_api_keys),
    "100", 1, 100000, "live API keys one organization may have (409 above)" },
  { "statement-timeout-ms", "RAPPORT_STATEMENT_TIMEOUT_MS", CFG_LONG,
    OFF (statement_timeout_ms), "5000", 10, 600000,
    "longest a single SQL statement may run" },
  { "db-acquire-timeout-ms", "RAPPORT_DB_ACQUIRE_TIMEOUT_MS", CFG_LONG,
    OFF (db_acquire_timeout_ms), "2000", 1, 60000,
    "longest a request waits for a database connection (503 after)" },
  { "log-level", "LOG_LEVEL", CFG_STR, OFF (log_level), "info", 0, 0,
    "debug, info, warn or error" },
  { "model", "RAPPORT_MODEL", CFG_STR, OFF (model_path),
    RAPPORT_SOURCE_DIR "/model/rapport-model-v1.json", 0, 0,
    "the scoring model file (a bad one stops the service)" },
  { "openapi", "RAPPORT_OPENAPI", CFG_STR, OFF (openapi_path),
    RAPPORT_SOURCE_DIR "/openapi/openapi.yaml", 0, 0,
    "the OpenAPI document served at /v1/openapi.json" },
  { "cors-origins", "RAPPORT_CORS_ORIGINS", CFG_STR, OFF (cors_origins), "", 0,
    0, "browser origins allowed by CORS, comma-separated, or *" },
  { "rate-limit", "RAPPORT_RATE_LIMIT", CFG_LONG, OFF (rate_limit), "100", 0,
    1000000, "requests per second per API key across instances (0: off)" },
  { "rate-burst", "RAPPORT_RATE_BURST", CFG_LONG, OFF (rate_burst), "500", 1,
    10000000, "requests an API key may send at once before the rate applies" },
  { "instances", "RAPPORT_INSTANCES", CFG_LONG, OFF (instances), "1", 1, 1000,
    "instances behind the load balancer (each enforces its share of the "
    "rate limit)" },
  { "shutdown-timeout", "RAPPORT_SHUTDOWN_TIMEOUT", CFG_LONG,
    OFF (shutdown_timeout), "20", 1, 3600,
    "seconds SIGTERM waits for requests in flight" },
  { "max-webhooks", "RAPPORT_MAX_WEBHOOKS", CFG_LONG, OFF (max_webhooks), "16",
    1, 1000, "webhook endpoints one organization may have (409 above)" },
  { "webhook-threads", "RAPPORT_WEBHOOK_THREADS", CFG_LONG,
    OFF (webhook_threads), "1", 0, 64,
    "threads delivering webhooks, each with its own PostgreSQL connections "
    "(0: this instance delivers none)" },
  { "webhook-timeout-ms", "RAPPORT_WEBHOOK_TIMEOUT_MS", CFG_LONG,
    OFF (webhook_timeout_ms), "10000", 100, 60000,
    "longest a webhook endpoint may take to answer before the attempt "
    "counts as failed" },
  { "webhook-retry-base-ms", "RAPPORT_WEBHOOK_RETRY_BASE_MS", CFG_LONG,
    OFF (webhook_retry_base_ms), "30000", 10, 3600000,
    "delay before a failed webhook delivery's first retry; it doubles each "
    "time up to 960 times itself, with jitter" },
  { "webhook-max-attempts", "RAPPORT_WEBHOOK_MAX_ATTEMPTS", CFG_LONG,
    OFF (webhook_max_attempts), "16", 1, 100,
    "failed attempts in a row after which a webhook endpoint is disabled "
    "(16 with the default base: about two days)" },
  { "webhook-allow-private", "RAPPORT_WEBHOOK_ALLOW_PRIVATE", CFG_LONG,
    OFF (webhook_allow_private), "0", 0, 1,
    "1: webhook endpoints may use plain http and loopback, link-local or "
    "private addresses (for tests and closed networks only)" },
  { "webhook-log-days", "RAPPORT_WEBHOOK_LOG_DAYS", CFG_LONG,
    OFF (webhook_log_days), "30", 1, 3650,
    "days a made webhook delivery stays in the delivery log (pending ones "
    "stay until made)" },
};

#define N_PARAMS (sizeof (params) / sizeof (params[0]))

/**
 * Stores @a value into the setting @a p of @a cfg.
 *
 * @param source "flag --x" or "environment variable X", for messages
 * @return 0 on success, -1 with @a err filled
 */
static int
set_param (struct cfg *cfg, const struct cfg_param *p, const char *value,
           const char *source, char *err, size_t err_len)
{
  char *at = (char *) cfg + p->offset;

  if (CFG_STR == p->kind)
  {
    char **slot = (char **) at;

    free (*slot);
    *slot = util_strdup (value);
    return NULL == *slot ? -1 : 0;
  }
  {
    char *end;
    long v;

    errno = 0;
    v = strtol (value, &end, 10);
    if (0 != errno || end == value || '\0' != *end || v < p->min || v > p->max)
    {
      snprintf (err, err_len, "%s: '%s' must be an integer from %ld to %ld",
                source, value, p->min, p->max);
      return -1;
    }
    *(long *) at = v;
    return 0;
  }
}

/** Finds the setting whose flag is @a name (length @a n), or NULL. */
static const struct cfg_param *
find_flag (const char *name, size_t n)
{
  for (size_t i = 0; i < N_PARAMS; i++)
    if (strlen (params[i].flag) == n && 0 == strncmp (params[i].flag, name, n))
      return &params[i];
  return NULL;
}

/** Applies defaults then environment variables. */
static int
load_defaults_and_env (struct cfg *cfg, char *err, size_t err_len)
{
  char source[128];

  for (size_t i = 0; i < N_PARAMS; i++)
  {
    const char *env = getenv (params[i].env);

    if (NULL != params[i].def
        && 0
             != set_param (cfg, &params[i], params[i].def, "default", err,
                           err_len))
      return -1;
    if (NULL == env || '\0' == env[0])
      continue;
    snprintf (source, sizeof (source), "environment variable %s",
              params[i].env);
    if (0 != set_param (cfg, &params[i], env, source, err, err_len))
      return -1;
  }
  return 0;
}

/** Applies flags from @a argv, compacting positional words to the front. */
static int
load_flags (struct cfg *cfg, int *argc, char **argv, char *err, size_t err_len)
{
  int out = 1;
  char source[128];

  for (int i = 1; i < *argc; i++)
  {
    const char *a = argv[i];
    const char *eq;
    const struct cfg_param *p;
    const char *value;

    if (0 == strcmp (a, "--help") || 0 == strcmp (a, "-h"))
      return 1;
    if (0 != strncmp (a, "--", 2))
    {
      argv[out++] = argv[i];
      continue;
    }
    eq = strchr (a + 2, '=');
    p = find_flag (a + 2, NULL != eq ? (size_t) (eq - a - 2) : strlen (a + 2));
    if (NULL == p)
    {
      snprintf (err, err_len, "unknown flag %s (see --help)", a);
      return -1;
    }
    if (NULL != eq)
      value = eq + 1;
    else if (i + 1 < *argc)
      value = argv[++i];
    else
    {
      snprintf (err, err_len, "flag --%s needs a value", p->flag);
      return -1;
    }
    snprintf (source, sizeof (source), "flag --%s", p->flag);
    if (0 != set_param (cfg, p, value, source, err, err_len))
      return -1;
  }
  *argc = out;
  return 0;
}

int
cfg_load (struct cfg *cfg, int *argc, char **argv, char *err, size_t err_len)
{
  int rc;

  memset (cfg, 0, sizeof (*cfg));
  if (0 != load_defaults_and_env (cfg, err, err_len))
    return -1;
  rc = load_flags (cfg, argc, argv, err, err_len);
  if (0 != rc)
    return rc;
  if (NULL == cfg->migrate_database_url && NULL != cfg->database_url)
    cfg->migrate_database_url = util_strdup (cfg->database_url);
  if (NULL == cfg->database_listen_url && NULL != cfg->database_url)
    cfg->database_listen_url = util_strdup (cfg->database_url);
  return 0;
}

void
cfg_usage (FILE *out)
{
  fprintf (out, "usage: rapport [serve | migrate | org create NAME] [flags]\n"
                "       rapport routes [--markdown]\n\n"
                "Every flag can also be set by its environment variable; the "
                "flag wins.\n\n");
  for (size_t i = 0; i < N_PARAMS; i++)
    fprintf (out, "  --%-24s %-30s %s%s%s%s\n", params[i].flag, params[i].env,
             params[i].help, NULL != params[i].def ? " [default: " : "",
             NULL != params[i].def ? params[i].def : "",
             NULL != params[i].def ? "]" : "");
}

void
cfg_free (struct cfg *cfg)
{
  if (NULL == cfg)
    return;
  for (size_t i = 0; i < N_PARAMS; i++)
    if (CFG_STR == params[i].kind)
    {
      char **slot = (char **) ((char *) cfg + params[i].offset);

      free (*slot);
      *slot = NULL;
    }
}
