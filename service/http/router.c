/**
 * @file router.c
 * @brief The static route table and its matcher (Taler's table of
 *        {path, method, handler}); 404 and 405 differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/api.h"
#include "svc/resource.h"

/* The routes of a resource: its collection (under an account or not),
   its items, and (with external ids) read and upsert by external id.
   By-external-id routes come first: "/v1/accounts/by-external-id/x" must
   not be read as account "by-external-id". */
#define COLLECTION(path, res) \
  { "GET", path, api_resource_list, ROUTE_READ, false, &res }, \
  { "POST", path, api_resource_create, ROUTE_WRITE, true, &res }
#define ITEMS(path, res) \
  { "GET", path "/{id}", api_resource_get, ROUTE_READ, false, &res }, \
  { "PATCH", path "/{id}", api_resource_patch, ROUTE_WRITE, true, &res }, \
  { "DELETE", path "/{id}", api_resource_delete, ROUTE_WRITE, false, &res }
#define BY_EXTERNAL_ID(path, res) \
  { "GET", path "/by-external-id/{external_id}", \
    api_resource_get_by_external_id, ROUTE_READ, false, &res }, \
  { "PUT", path "/by-external-id/{external_id}", \
    api_resource_put_by_external_id, ROUTE_WRITE, true, &res }

static const struct route routes[] = {
  { "GET", "/healthz", api_ops_healthz, ROUTE_PUBLIC, false },
  { "GET", "/readyz", api_ops_readyz, ROUTE_PUBLIC, false },
  { "GET", "/metrics", api_ops_metrics, ROUTE_PUBLIC, false },
  { "GET", "/v1/openapi.json", api_ops_openapi, ROUTE_PUBLIC, false },

  BY_EXTERNAL_ID ("/v1/accounts", res_accounts),
  COLLECTION ("/v1/accounts", res_accounts),
  ITEMS ("/v1/accounts", res_accounts),
  { "GET", "/v1/accounts/{id}/values", api_values_account_get, ROUTE_READ,
    false },
  { "PUT", "/v1/accounts/{id}/values", api_values_account_put, ROUTE_WRITE,
    true },

  BY_EXTERNAL_ID ("/v1/sellers", res_sellers),
  COLLECTION ("/v1/sellers", res_sellers),
  ITEMS ("/v1/sellers", res_sellers),

  COLLECTION ("/v1/accounts/{id}/contacts", res_contacts),
  BY_EXTERNAL_ID ("/v1/contacts", res_contacts),
  ITEMS ("/v1/contacts", res_contacts),

  COLLECTION ("/v1/accounts/{id}/calls", res_calls),
  BY_EXTERNAL_ID ("/v1/calls", res_calls),
  ITEMS ("/v1/calls", res_calls),

  COLLECTION ("/v1/accounts/{id}/report-cards", res_report_cards),
  ITEMS ("/v1/report-cards", res_report_cards),

  COLLECTION ("/v1/accounts/{id}/commitments", res_commitments),
  ITEMS ("/v1/commitments", res_commitments),

  { "GET", "/v1/accounts/{id}/assessment", api_assess_account, ROUTE_READ,
    false },
  { "GET", "/v1/contacts/{id}/assessment", api_assess_contact, ROUTE_READ,
    false },
  { "GET", "/v1/sellers/{id}/assessment", api_assess_seller, ROUTE_READ,
    false },
  { "GET", "/v1/scoring-model", api_scoring_model_get, ROUTE_READ, false },
  { "GET", "/v1/organization/scoring-weights", api_scoring_weights_get,
    ROUTE_READ, false },
  { "PUT", "/v1/organization/scoring-weights", api_scoring_weights_put,
    ROUTE_ADMIN, true },

  { "GET", "/v1/organization/values", api_values_org_get, ROUTE_READ, false },
  { "PUT", "/v1/organization/values", api_values_org_put, ROUTE_ADMIN, true },

  { "POST", "/v1/batch", api_batch, ROUTE_WRITE, true, .batch = true },

  { "GET", "/v1/api-keys", api_api_keys_list, ROUTE_ADMIN, false },
  { "POST", "/v1/api-keys", api_api_keys_create, ROUTE_ADMIN, true },
  { "GET", "/v1/api-keys/{id}", api_api_keys_get, ROUTE_ADMIN, false },
  { "DELETE", "/v1/api-keys/{id}", api_api_keys_delete, ROUTE_ADMIN, false },
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
    params[i] = strndup (seg[i], seg_len[i]);
  *n_params = n;
  return true;
}

enum route_match
router_match (const char *method, const char *path,
              const struct route **found, char **params,
              unsigned int *n_params, char *allow, size_t allow_len)
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
