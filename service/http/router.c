/**
 * @file router.c
 * @brief The static route table and its matcher (Taler's table of
 *        {path, method, handler}); 404 and 405 differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/api.h"
#include "svc/resource.h"

/*
 * Each row: method, path template, handler, who may call it, whether it
 * takes a JSON body; then, for the map (`rapport routes`, docs/routes.md),
 * the statements it runs beyond authentication and the integration test
 * that covers it.  In the statements of resource routes "{t}" stands for
 * the resource's table; a "{t}.xid" or "{t}.upsert" is left out for
 * resources without external ids.
 */
#define ROUTE(method, path, handler, auth, body, statements, test) \
  ROUTE_Q (method, path, handler, auth, body, "", statements, test)
#define ROUTE_Q(method, path, handler, auth, body, query, statements, test) \
  { \
    method, path, handler, #handler, auth, body, NULL, false, statements, \
      "tests/integration/" test, query \
  }

/* The statements every create that honours an Idempotency-Key runs. */
#define IDEM_CLAIM "idempotency.claim idempotency.get "
#define IDEM_DONE " idempotency.complete"

/* The routes of a resource: its collection (under an account or not),
   its items, and (with external ids) read and upsert by external id.
   By-external-id routes come first: "/v1/accounts/by-external-id/x" must
   not be read as account "by-external-id".  Their test file is named
   after the resource (test_http_<name>.c). */
#define RES_ROUTE(method, path, handler, auth, body, res, statements) \
  RES_ROUTE_Q (method, path, handler, auth, body, res, "", statements)
#define RES_ROUTE_Q(method, path, handler, auth, body, res, query, \
                    statements) \
  { \
    method, path, handler, #handler, auth, body, &res, false, statements, \
      NULL, query \
  }
#define COLLECTION(path, res) \
  RES_ROUTE_Q ("GET", path, api_resource_list, ROUTE_READ, false, res, \
               "{filters} limit cursor", \
               "{t}.list accounts.exists service_secrets.cursor"), \
    RES_ROUTE ("POST", path, api_resource_create, ROUTE_WRITE, true, res, \
               IDEM_CLAIM \
               "{t}.insert accounts.exists {t}.refs {t}.xid" IDEM_DONE)
#define ITEMS(path, res) \
  RES_ROUTE ("GET", path "/{id}", api_resource_get, ROUTE_READ, false, res, \
             "{t}.get"), \
    RES_ROUTE ("PATCH", path "/{id}", api_resource_patch, ROUTE_WRITE, true, \
               res, "{t}.lock {t}.update {t}.refs {t}.xid"), \
    RES_ROUTE ("DELETE", path "/{id}", api_resource_delete, ROUTE_WRITE, \
               false, res, "{t}.lock {t}.delete")
#define BY_EXTERNAL_ID(path, res) \
  RES_ROUTE ("GET", path "/by-external-id/{external_id}", \
             api_resource_get_by_external_id, ROUTE_READ, false, res, \
             "{t}.xid"), \
    RES_ROUTE ("PUT", path "/by-external-id/{external_id}", \
               api_resource_put_by_external_id, ROUTE_WRITE, true, res, \
               "{t}.upsert accounts.exists {t}.refs {t}.xid"), \
    RES_ROUTE ("PATCH", path "/by-external-id/{external_id}", \
               api_resource_patch_by_external_id, ROUTE_WRITE, true, res, \
               "{t}.xid {t}.lock {t}.update {t}.refs")

/* What an assessment reads. */
#define ASSESS_ACCOUNT \
  "assess.account assess.contacts assess.calls assess.turns assess.cards " \
  "assess.commitments assess.values scoring_weights.get"

static const struct route routes[] = {
  ROUTE ("GET", "/healthz", api_ops_healthz, ROUTE_PUBLIC, false, "",
         "test_ops.c"),
  ROUTE ("GET", "/readyz", api_ops_readyz, ROUTE_PUBLIC, false,
         "schema_migrations.applied", "test_ops.c"),
  ROUTE ("GET", "/metrics", api_ops_metrics, ROUTE_PUBLIC, false, "",
         "test_ops.c"),
  ROUTE ("GET", "/v1/openapi.json", api_ops_openapi, ROUTE_PUBLIC, false, "",
         "test_ops.c"),
  ROUTE ("GET", "/docs", api_ops_docs, ROUTE_PUBLIC, false, "", "test_ops.c"),

  BY_EXTERNAL_ID ("/v1/accounts", res_accounts),
  COLLECTION ("/v1/accounts", res_accounts),
  ITEMS ("/v1/accounts", res_accounts),
  ROUTE ("GET", "/v1/accounts/{id}/values", api_values_account_get, ROUTE_READ,
         false, "account_values.get accounts.exists", "test_http_values.c"),
  ROUTE ("PUT", "/v1/accounts/{id}/values", api_values_account_put,
         ROUTE_WRITE, true, "account_values.put accounts.exists",
         "test_http_values.c"),

  BY_EXTERNAL_ID ("/v1/sellers", res_sellers),
  COLLECTION ("/v1/sellers", res_sellers),
  ITEMS ("/v1/sellers", res_sellers),

  COLLECTION ("/v1/accounts/{id}/contacts", res_contacts),
  BY_EXTERNAL_ID ("/v1/contacts", res_contacts),
  ITEMS ("/v1/contacts", res_contacts),

  COLLECTION ("/v1/accounts/{id}/calls", res_calls),
  BY_EXTERNAL_ID ("/v1/calls", res_calls),
  RES_ROUTE_Q ("GET", "/v1/calls", api_resource_list, ROUTE_READ, false,
               res_calls, "{filters} limit cursor",
               "{t}.list_all service_secrets.cursor"),
  ITEMS ("/v1/calls", res_calls),

  COLLECTION ("/v1/accounts/{id}/report-cards", res_report_cards),
  BY_EXTERNAL_ID ("/v1/report-cards", res_report_cards),
  ITEMS ("/v1/report-cards", res_report_cards),

  COLLECTION ("/v1/accounts/{id}/commitments", res_commitments),
  BY_EXTERNAL_ID ("/v1/commitments", res_commitments),
  ITEMS ("/v1/commitments", res_commitments),

  ROUTE_Q ("GET", "/v1/accounts/{id}/assessment", api_assess_account,
           ROUTE_READ, false, "as_of include explain", ASSESS_ACCOUNT,
           "test_http_assessments.c"),
  ROUTE_Q ("GET", "/v1/accounts/{id}/assessment/history", api_assess_history,
           ROUTE_READ, false, "from to interval", ASSESS_ACCOUNT,
           "test_http_history.c"),
  ROUTE_Q ("GET", "/v1/assessments", api_portfolio, ROUTE_READ, false,
           "risk_level owner_id stage pillar_status sort limit cursor",
           "service_secrets.cursor portfolio.custom_plan portfolio.riskiest "
           "portfolio.safest "
           "portfolio.owned_riskiest portfolio.owned_safest",
           "test_http_portfolio.c"),
  ROUTE_Q ("GET", "/v1/events", api_events_list, ROUTE_READ, false,
           "since_cursor types limit", "service_secrets.cursor events.page",
           "test_http_events.c"),
  ROUTE_Q ("GET", "/v1/contacts/{id}/assessment", api_assess_contact,
           ROUTE_READ, false, "as_of explain",
           "contacts.account " ASSESS_ACCOUNT, "test_http_assessments.c"),
  ROUTE_Q ("GET", "/v1/sellers/{id}/assessment", api_assess_seller, ROUTE_READ,
           false, "as_of",
           "sellers.exists assess.seller_calls assess.seller_turns "
           "assess.seller_cards scoring_weights.get",
           "test_http_assessments.c"),
  ROUTE ("GET", "/v1/scoring-model", api_scoring_model_get, ROUTE_READ, false,
         "", "test_http_assessments.c"),
  ROUTE ("GET", "/v1/organization/scoring-weights", api_scoring_weights_get,
         ROUTE_READ, false, "scoring_weights.get", "test_http_assessments.c"),
  ROUTE ("PUT", "/v1/organization/scoring-weights", api_scoring_weights_put,
         ROUTE_ADMIN, true, "scoring_weights.put", "test_http_assessments.c"),

  ROUTE ("GET", "/v1/organization/values", api_values_org_get, ROUTE_READ,
         false, "organization_values.get", "test_http_values.c"),
  ROUTE ("PUT", "/v1/organization/values", api_values_org_put, ROUTE_ADMIN,
         true, "organization_values.put", "test_http_values.c"),

  { "POST", "/v1/batch", api_batch, "api_batch", ROUTE_WRITE, true, NULL, true,
    IDEM_CLAIM
    "{every}.bulk_insert {every}.bulk_upsert {every}.insert "
    "{every}.upsert accounts.exists {every}.refs {every}.xid" IDEM_DONE,
    "tests/integration/test_http_batch.c", "" },

  ROUTE_Q ("GET", "/v1/api-keys", api_api_keys_list, ROUTE_ADMIN, false,
           "limit cursor", "api_keys.list service_secrets.cursor",
           "test_http_api_keys.c"),
  ROUTE ("POST", "/v1/api-keys", api_api_keys_create, ROUTE_ADMIN, true,
         "organizations.lock api_keys.insert", "test_http_api_keys.c"),
  ROUTE ("GET", "/v1/api-keys/{id}", api_api_keys_get, ROUTE_ADMIN, false,
         "api_keys.get", "test_http_api_keys.c"),
  ROUTE ("DELETE", "/v1/api-keys/{id}", api_api_keys_delete, ROUTE_ADMIN,
         false, "api_keys.lock_admins api_keys.revoke",
         "test_http_api_keys.c"),

  ROUTE_Q ("GET", "/v1/webhooks", api_webhooks_list, ROUTE_ADMIN, false,
           "limit cursor", "webhooks.list service_secrets.cursor",
           "test_http_webhooks.c"),
  ROUTE ("POST", "/v1/webhooks", api_webhooks_create, ROUTE_ADMIN, true,
         "webhooks.lock_org webhooks.insert", "test_http_webhooks.c"),
  ROUTE ("GET", "/v1/webhooks/{id}", api_webhooks_get, ROUTE_ADMIN, false,
         "webhooks.get", "test_http_webhooks.c"),
  ROUTE ("PATCH", "/v1/webhooks/{id}", api_webhooks_patch, ROUTE_ADMIN, true,
         "webhooks.lock webhooks.update webhooks.resume",
         "test_http_webhooks.c"),
  ROUTE ("DELETE", "/v1/webhooks/{id}", api_webhooks_delete, ROUTE_ADMIN,
         false, "webhooks.lock webhooks.delete", "test_http_webhooks.c"),
  ROUTE ("POST", "/v1/webhooks/{id}/rotate-secret", api_webhooks_rotate_secret,
         ROUTE_ADMIN, true, "webhooks.rotate", "test_http_webhooks.c"),
  ROUTE_Q ("GET", "/v1/webhooks/{id}/deliveries", api_webhooks_deliveries,
           ROUTE_ADMIN, false, "status limit cursor",
           "webhooks.get webhook_deliveries.list service_secrets.cursor",
           "test_http_webhooks.c"),
};

#define N_ROUTES (sizeof (routes) / sizeof (routes[0]))

const struct route *
router_table (unsigned int *n)
{
  *n = N_ROUTES;
  return routes;
}

/**
 * Matches @a path against @a tmpl segment by segment.
 *
 * @param[out] params new copies of the {name} segments (only on a match)
 * @return true on a match
 */
static bool
match_path (const char *tmpl, const char *path, char **params,
            unsigned int *n_params)
{
  const char *t = tmpl;
  const char *p = path;
  unsigned int n = 0;
  const char *seg[HTTP_MAX_PARAMS];
  size_t seg_len[HTTP_MAX_PARAMS];

  while ('\0' != *t && '\0' != *p)
  {
    if ('{' == *t)
    {
      size_t len = strcspn (p, "/");

      if (0 == len || n >= HTTP_MAX_PARAMS)
        return false;
      seg[n] = p;
      seg_len[n++] = len;
      p += len;
      t = strchr (t, '}') + 1;
      continue;
    }
    if (*t != *p)
      return false;
    t++;
    p++;
  }
  if ('\0' != *t || '\0' != *p)
    return false;
  for (unsigned int i = 0; i < n; i++)
    params[i] = util_strndup (seg[i], seg_len[i]);
  *n_params = n;
  return true;
}

enum route_match
router_match (const char *method, const char *path, const struct route **found,
              char **params, unsigned int *n_params, char *allow,
              size_t allow_len)
{
  bool path_known = false;
  size_t off = 0;
  const char *m = (0 == strcmp (method, "HEAD")) ? "GET" : method;

  allow[0] = '\0';
  for (unsigned int i = 0; i < N_ROUTES; i++)
  {
    char *tmp[HTTP_MAX_PARAMS];
    unsigned int n = 0;

    if (! match_path (routes[i].path, path, tmp, &n))
      continue;
    path_known = true;
    if (0 == strcmp (routes[i].method, m))
    {
      memcpy (params, tmp, n * sizeof (char *));
      *n_params = n;
      *found = &routes[i];
      return ROUTE_FOUND;
    }
    for (unsigned int k = 0; k < n; k++)
      free (tmp[k]);
    off += (size_t) snprintf (allow + off, allow_len - off, "%s%s",
                              0 == off ? "" : ", ", routes[i].method);
    if (0 == strcmp (routes[i].method, "GET"))
      off += (size_t) snprintf (allow + off, allow_len - off, ", HEAD");
  }
  return path_known ? ROUTE_NO_METHOD : ROUTE_NO_PATH;
}

bool
router_heavy_read (const struct route *r)
{
  static int (*const heavy[]) (struct http_request *) = {
    &api_resource_list,  &api_assess_account, &api_assess_history,
    &api_assess_contact, &api_assess_seller,  &api_portfolio,
    &api_events_list,
  };

  if (0 != strcmp (r->method, "GET"))
    return false;
  for (size_t i = 0; i < sizeof (heavy) / sizeof (heavy[0]); i++)
    if (heavy[i] == r->handler)
      return true;
  return false;
}
