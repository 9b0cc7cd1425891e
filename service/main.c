/**
 * @file main.c
 * @brief rapport: `serve` (default), `migrate`, `org create NAME`,
 *        `routes [--markdown]`.
 *        Serving: configuration -> logs -> pool -> MHD -> wait for a
 *        signal on the main thread -> stop -> free.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "svc/alloc.h"
#include "svc/api.h"
#include "svc/config.h"
#include "svc/hooks.h"
#include "svc/http.h"
#include "svc/log.h"
#include "svc/model.h"
#include "svc/resource.h"
#include "svc/store.h"
#include "svc/util.h"
#include "svc/yaml.h"

/** `rapport migrate`. */
static int
cmd_migrate (const struct cfg *cfg)
{
  char err[1024] = "";
  unsigned int applied = 0;

  if (0
      != store_migrate (cfg->migrate_database_url, cfg->migrations_dir,
                        &applied, err, sizeof (err)))
  {
    fprintf (stderr, "rapport: migration failed: %s\n", err);
    return 1;
  }
  log_info ("migrations current (%u applied now)", applied);
  return 0;
}

/** `rapport org create NAME`: prints RAPPORT_ORG_ID and RAPPORT_API_KEY. */
static int
cmd_org_create (const struct cfg *cfg, const char *name)
{
  char secret[64], prefix[16], org_id[37], err[1024] = "";
  uint8_t hash[32];
  size_t len = strlen (name);

  if (0 == len || len > 200)
  {
    fprintf (stderr, "rapport: the organization name must be 1 to 200 "
                     "characters\n");
    return 2;
  }
  if (0 != api_key_generate (secret, prefix, hash)
      || 0
           != store_org_create_cli (cfg->migrate_database_url, name, prefix,
                                    hash, org_id, err, sizeof (err)))
  {
    fprintf (stderr, "rapport: org create failed: %s\n", err);
    return 1;
  }
  printf ("RAPPORT_ORG_ID=%s\nRAPPORT_API_KEY=%s\n", org_id, secret);
  return 0;
}

/**
 * Loads and checks the scoring model; a bad one stops the service with a
 * message naming what is wrong.
 */
static int
load_model (const struct cfg *cfg)
{
  char err[512] = "";
  struct score_model *m = model_load (cfg->model_path, err, sizeof (err));
  json_t *j;

  if (NULL == m)
  {
    fprintf (stderr, "rapport: the scoring model %s is not usable: %s\n",
             cfg->model_path, err);
    return -1;
  }
  j = model_to_json (m);
  http_service.model = m;
  http_service.model_json = json_dumps (j, JSON_COMPACT | JSON_PRESERVE_ORDER
                                             | JSON_REAL_PRECISION (15));
  json_decref (j);
  log_info ("scoring model %s loaded", score_model_version (m));
  return 0;
}

/**
 * Reads what the operational endpoints serve: the contract (as JSON) and
 * the newest migration the database should have.  Neither is fatal.
 */
static void
load_ops (const struct cfg *cfg)
{
  char err[512] = "";
  json_t *doc = yaml_load_json (cfg->openapi_path, err, sizeof (err));

  if (NULL == doc)
    log_warn ("GET /v1/openapi.json will answer 404: %s", err);
  else
  {
    http_service.openapi_json = json_dumps (doc, JSON_COMPACT
                                                   | JSON_PRESERVE_ORDER);
    http_service.docs_html = api_docs_render (doc);
    json_decref (doc);
  }
  if (0
      != store_latest_migration (cfg->migrations_dir,
                                 http_service.latest_migration,
                                 sizeof (http_service.latest_migration)))
    log_warn ("no migrations in %s: /readyz will not check them",
              cfg->migrations_dir);
}

/** Serves until SIGINT or SIGTERM. */
static int
cmd_serve (const struct cfg *cfg)
{
  sigset_t set;
  int sig = 0;
  unsigned int port = 0;
  struct http_server *server;

  /* Signals are taken by this thread alone, with sigwait (no handler). */
  sigemptyset (&set);
  sigaddset (&set, SIGINT);
  sigaddset (&set, SIGTERM);
  pthread_sigmask (SIG_BLOCK, &set, NULL);
  signal (SIGPIPE, SIG_IGN);
  json_object_seed (0);
  http_service.cfg = cfg;
  if (0 != load_model (cfg))
    return 1;
  load_ops (cfg);
  store_set_prepared (0 != cfg->prepared_statements);
  http_service.pool = store_pool_new (cfg->database_url,
                                      (unsigned int) cfg->threads,
                                      cfg->statement_timeout_ms);
  if (NULL == http_service.pool)
    return 1;
  if (NULL != cfg->database_read_url && '\0' != cfg->database_read_url[0])
    http_service.read_pool = store_pool_new (cfg->database_read_url,
                                             (unsigned int) cfg->threads,
                                             cfg->statement_timeout_ms);
  store_key_cache_start (cfg->database_listen_url, cfg->key_cache_ttl_ms);
  api_refresher_start (cfg);
  hooks_start (cfg);
  server = http_server_start (cfg, &port);
  if (NULL == server)
  {
    log_line (LOG_ERROR, NULL, "cannot listen on %s:%ld", cfg->bind_address,
              cfg->port);
    hooks_stop ();
    api_refresher_stop ();
    store_key_cache_stop ();
    store_pool_free (http_service.read_pool);
    store_pool_free (http_service.pool);
    return 1;
  }
  {
    char fields[96];

    snprintf (fields, sizeof (fields), "\"port\":%u,\"threads\":%ld", port,
              cfg->threads);
    log_line (LOG_INFO, fields, "rapport %s listening on %s:%u",
              RAPPORT_VERSION, cfg->bind_address, port);
  }
  sigwait (&set, &sig);
  http_server_stop (server, sig);
  hooks_stop ();
  api_refresher_stop ();
  store_key_cache_stop ();
  store_pool_free (http_service.read_pool);
  store_pool_free (http_service.pool);
  api_model_cache_free ();
  model_free ((struct score_model **) &http_service.model);
  free (http_service.model_json);
  free (http_service.openapi_json);
  free (http_service.docs_html);
  log_info ("stopped");
  return 0;
}

/** `rapport routes [--markdown]`: the route map (docs/routes.md). */
static int
cmd_routes (bool markdown)
{
  http_routes_print (stdout, markdown);
  return 0;
}

/** Says which connection string is missing; returns the exit status. */
static int
missing (const char *variable)
{
  fprintf (stderr, "rapport: %s is required (or its flag; see --help)\n",
           variable);
  return 2;
}

int
main (int argc, char **argv)
{
  struct cfg cfg;
  char err[512] = "";
  enum log_level level;
  int rc;

  util_alloc_init ();
  /* The map needs no configuration. */
  if (argc >= 2 && 0 == strcmp (argv[1], "routes"))
  {
    resources_init ();
    return cmd_routes (argc >= 3 && 0 == strcmp (argv[2], "--markdown"));
  }
  rc = cfg_load (&cfg, &argc, argv, err, sizeof (err));

  if (1 == rc)
  {
    cfg_usage (stdout);
    cfg_free (&cfg);
    return 0;
  }
  if (0 != rc || 0 != log_level_parse (cfg.log_level, &level))
  {
    fprintf (stderr, "rapport: %s\n",
             '\0' != err[0] ? err
                            : "LOG_LEVEL must be debug, info, warn or "
                              "error");
    cfg_free (&cfg);
    return 2;
  }
  log_set_level (level);
  resources_init ();
  {
    unsigned int n;
    struct resource *const *table = resources_table (&n);

    if (0 != store_resources_init (table, n))
    {
      cfg_free (&cfg);
      return 1;
    }
  }
  /* Each command needs the connection string it uses: serving the
     service role's, migrating and onboarding the migrating role's. */
  if (argc < 2 || 0 == strcmp (argv[1], "serve"))
    rc = NULL == cfg.database_url ? missing ("DATABASE_URL")
                                  : cmd_serve (&cfg);
  else if (0 == strcmp (argv[1], "migrate"))
    rc = NULL == cfg.migrate_database_url ? missing ("MIGRATE_DATABASE_URL")
                                          : cmd_migrate (&cfg);
  else if (4 == argc && 0 == strcmp (argv[1], "org")
           && 0 == strcmp (argv[2], "create"))
    rc = NULL == cfg.migrate_database_url ? missing ("MIGRATE_DATABASE_URL")
                                          : cmd_org_create (&cfg, argv[3]);
  else
  {
    fprintf (stderr, "rapport: unknown command (see --help)\n");
    rc = 2;
  }
  store_resources_free ();
  cfg_free (&cfg);
  return rc;
}
