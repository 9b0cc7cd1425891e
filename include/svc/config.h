/**
 * @file config.h
 * @brief Service configuration: environment variables overridden by flags,
 *        described by one table that also renders --help.
 */
#ifndef SVC_CONFIG_H
#define SVC_CONFIG_H

#include <stdio.h>

/** Everything the service reads at start; read-only once MHD runs. */
struct cfg
{
  char *bind_address;           /**< IPv4 address to listen on */
  long port;                    /**< TCP port, 0 picks a free one */
  char *database_url;           /**< libpq connection string for requests */
  char *migrate_database_url;   /**< for `migrate` and `org create`; defaults
                                   to database_url */
  char *database_listen_url;    /**< direct connection for LISTEN and the
                                   background workers; defaults to
                                   database_url */
  char *database_read_url;      /**< replicas for the heavy reads, or NULL */
  long read_your_writes_ms;     /**< after a write, a key reads from the
                                   primary this long */
  long prepared_statements;     /**< 1: named prepared statements; 0:
                                   unnamed ones (a transaction pooler) */
  char *migrations_dir;         /**< folder of NNNN_name.sql files */
  long threads;                 /**< MHD worker threads = PG connections */
  long body_max;                /**< request body cap in bytes */
  long batch_body_max;          /**< body cap of POST /v1/batch */
  long connection_timeout;      /**< idle connection timeout, seconds; also
                                   the time a request's headers may take */
  long request_timeout;         /**< longest a request may take to arrive
                                   and be answered, seconds */
  long connection_limit;        /**< simultaneous TCP connections */
  long per_ip_connection_limit; /**< connections per client address */
  long unauth_rate_limit;       /**< bad-key requests per second per address */
  long unauth_rate_burst;       /**< bucket size per address */
  long org_rate_limit;          /**< requests per second per organization */
  long org_rate_burst;          /**< bucket size per organization */
  long body_bytes_in_flight;    /**< body bytes buffered, all requests */
  long json_values_max;         /**< JSON values in one body */
  long batch_json_values_max;   /**< JSON values in one batch body */
  long max_api_keys;            /**< live keys per organization */
  long key_cache_ttl_ms;        /**< life of a cached API key */
  long refresh_threads;         /**< refresher threads (stored assessments) */
  long assess_max_age;          /**< seconds before a stored one is redone */
  long assess_sweep_interval;   /**< seconds between looks for stale ones */
  long event_retention_days;    /**< days events are kept */
  long statement_timeout_ms;    /**< per-statement limit in PostgreSQL */
  long db_acquire_timeout_ms;   /**< wait for a pooled connection */
  char *log_level;              /**< debug, info, warn or error */
  char *model_path;             /**< the scoring model file */
  char *openapi_path;           /**< the contract, served as JSON */
  char *cors_origins;           /**< comma-separated allowed origins, "*" */
  long rate_limit;              /**< requests per second per key, 0 = off */
  long rate_burst;              /**< bucket size per key */
  long instances;               /**< instances sharing the rate limit */
  long shutdown_timeout;        /**< seconds to finish requests on SIGTERM */
  long max_webhooks;            /**< webhook endpoints per organization */
  long webhook_threads;         /**< delivery threads (0: this instance
                                   delivers nothing) */
  long webhook_timeout_ms;      /**< longest an endpoint may take to answer */
  long webhook_retry_base_ms;   /**< the first retry's delay; it doubles */
  long webhook_max_attempts;    /**< failed attempts in a row that disable
                                   an endpoint */
  long webhook_allow_private;   /**< 1: http and private addresses allowed */
  long webhook_log_days;        /**< days a made delivery stays in the log */
};

/**
 * Fills @a cfg from defaults, then the environment, then @a argv flags
 * (`--name=value` or `--name value`); positional words are left in
 * @a argv, compacted, and their count returned through @a argc.
 *
 * @param[out] cfg the configuration (free with cfg_free)
 * @param[in,out] argc argument count
 * @param[in,out] argv arguments; flags are removed
 * @param[out] err a message naming the bad setting, on failure
 * @param err_len capacity of @a err
 * @return 0 on success, 1 if --help was asked for, -1 on a bad setting
 */
int
cfg_load (struct cfg *cfg, int *argc, char **argv, char *err, size_t err_len);

/** Writes the table of settings to @a out, for --help. */
void cfg_usage (FILE *out);

/** Frees the strings of @a cfg; NULL-safe. */
void cfg_free (struct cfg *cfg);

#endif
