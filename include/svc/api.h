/**
 * @file api.h
 * @brief One public function per endpoint, named api_<resource>_<verb>.
 *        Each validates its input, runs its transaction and sets a reply on
 *        @a req; it returns 0, or -1 when no reply could be made.
 */
#ifndef SVC_API_H
#define SVC_API_H

#include "svc/http.h"

/* Every resource of the table; the route's closure names it. */
int api_resource_list (struct http_request *req);
int api_resource_create (struct http_request *req);
int api_resource_get (struct http_request *req);
int api_resource_patch (struct http_request *req);
int api_resource_delete (struct http_request *req);
int api_resource_get_by_external_id (struct http_request *req);
int api_resource_put_by_external_id (struct http_request *req);
int api_resource_patch_by_external_id (struct http_request *req);

int api_values_account_get (struct http_request *req);
int api_values_account_put (struct http_request *req);
int api_values_org_get (struct http_request *req);
int api_values_org_put (struct http_request *req);

int api_batch (struct http_request *req);

int api_assess_contact (struct http_request *req);
int api_assess_account (struct http_request *req);
int api_assess_history (struct http_request *req);
int api_assess_seller (struct http_request *req);
int api_portfolio (struct http_request *req);
int api_events_list (struct http_request *req);
int api_scoring_model_get (struct http_request *req);
int api_scoring_weights_get (struct http_request *req);
int api_scoring_weights_put (struct http_request *req);

int api_api_keys_list (struct http_request *req);
int api_api_keys_create (struct http_request *req);
int api_api_keys_get (struct http_request *req);
int api_api_keys_delete (struct http_request *req);

int api_webhooks_list (struct http_request *req);
int api_webhooks_create (struct http_request *req);
int api_webhooks_get (struct http_request *req);
int api_webhooks_patch (struct http_request *req);
int api_webhooks_delete (struct http_request *req);
int api_webhooks_rotate_secret (struct http_request *req);
int api_webhooks_deliveries (struct http_request *req);

int api_ops_healthz (struct http_request *req);
int api_ops_readyz (struct http_request *req);
int api_ops_metrics (struct http_request *req);
int api_ops_openapi (struct http_request *req);
int api_ops_docs (struct http_request *req);

/**
 * The API reference page of GET /docs, from the OpenAPI document: every
 * tag with its operations, parameters and responses, as HTML with inline
 * CSS and no script or external resource.
 *
 * @param doc the OpenAPI document
 * @return new HTML, or NULL
 */
char *api_docs_render (const json_t *doc);

/**
 * Makes a new API key: "rk_live_" + 43 base64url characters (256 random
 * bits), its display prefix, and the SHA-256 that is all we store.
 *
 * @return 0, or -1 without randomness
 */
int api_key_generate (char secret[64], char prefix[16], uint8_t hash[32]);

struct cfg;

/**
 * Starts the threads that keep stored assessments current
 * (cfg->refresh_threads of them, each with its own connection).
 */
void api_refresher_start (const struct cfg *cfg);

/** Stops them, finishing the account each is on. */
void api_refresher_stop (void);

/** Frees the per-organization model cache (at exit). */
void api_model_cache_free (void);

#endif
