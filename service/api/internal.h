/**
 * @file internal.h
 * @brief Helpers every endpoint shares: pagination, cursors, ETags,
 *        idempotent creation, and running the request's transaction.
 */
#ifndef SVC_API_INTERNAL_H
#define SVC_API_INTERNAL_H

#include "svc/api.h"
#include "svc/jspec.h"
#include "svc/store.h"

/** How bodies are rendered for the store: compact, and numbers with no
    more digits than a double holds (0.9 stays 0.9). */
#define API_JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION (15))

/** A decoded keyset position. */
struct api_cursor
{
  char ts[64]; /**< the order key of the last row seen (a timestamp
                    unless the page says otherwise) */
  char id[37]; /**< id of the last row seen */
};

/** The paging request of a collection. */
struct api_page
{
  unsigned int limit;      /**< 1..200 */
  bool has_cursor;         /**< a cursor was given */
  struct api_cursor after; /**< where to continue */
  uint8_t filter_sig[8];   /**< hash of the resource and filters */
  /** What a cursor's order key must look like; NULL: a timestamp. */
  bool (*key_ok) (const char *key);
};

/**
 * Reads `limit` and `cursor` (after the caller has set filter_sig); errors
 * are appended to @a errors.
 */
void api_page_parse (struct http_request *req, struct api_page *page,
                     json_t *errors);

/**
 * Hashes the resource name and filter values (NULLs allowed) into the
 * page's filter signature, so a cursor only works with the same filters.
 */
void api_page_sign_filters (struct api_page *page, const char *const *values,
                            unsigned int n);

/**
 * Checks cursor @a raw against @a key (the cursor secret) without the
 * database: its MAC must cover @a org_id and @a page's filters.
 *
 * @return true with page->after set; false for a cursor not ours
 */
bool api_cursor_check (const uint8_t key[32], const char *org_id,
                       struct api_page *page, const char *raw);

/**
 * Checks a cursor once the database secret is at hand.
 *
 * @return true if the cursor is genuine for this organization and filters
 */
bool api_cursor_verify (struct store_conn *conn, const char *org_id,
                        struct api_page *page, const char *raw);

/**
 * Checks cursor @a raw, given as query parameter @a param: one that is
 * not genuine for this organization and these filters gets the 400
 * naming @a param, saying @a why.
 *
 * @return true with page->after set; false with the reply set
 */
bool api_cursor_accept (struct store_conn *conn, struct http_request *req,
                        struct api_page *page, const char *param,
                        const char *raw, const char *why);

/**
 * Makes the cursor that continues after (@a ts, @a id).
 *
 * @return a new string (free it), or NULL if the secret is unavailable
 */
char *
api_cursor_make (struct store_conn *conn, const char *org_id,
                 const struct api_page *page, const char *ts, const char *id);

/** Builds a collection {"data": @a data, "next_cursor": @a next}. */
json_t *api_collection (json_t *data, char *next_take);

/** Writes "\"<version>\"" into @a out (at least 16 bytes). */
void api_etag (int version, char *out);

/**
 * Checks If-Match against @a version.
 *
 * @return true when absent or matching (or "*")
 */
bool api_if_match (struct http_request *req, int version);

/** Sets the ETag header of a reply. */
void api_set_etag (struct http_request *req, int version);

/**
 * Runs @a cb in the caller's organization's transaction (read-only for
 * GET), turning store errors into replies.  A callback that already set a reply returns
 * STORE_QS_ROLLBACK.
 */
int api_run (struct http_request *req, store_tx_cb cb, void *cls);

/**
 * Checks that the path parameter is a UUID; otherwise sets the 404 an
 * unknown id gets.
 */
bool
api_id_param (struct http_request *req, unsigned int i, enum svc_ec not_found);

/** Appends an error naming a query parameter. */
void api_param_error (json_t *errors, const char *name, const char *message);

/** Idempotent-POST state, kept in the handler's transaction context. */
struct api_idem
{
  const char *key;  /**< the Idempotency-Key header, or NULL */
  uint8_t hash[32]; /**< hash of method, path and canonical body */
};

/**
 * Reads and checks the Idempotency-Key header.
 *
 * @return true to go on; false with a 400 set for a bad key
 */
bool api_idem_init (struct http_request *req, struct api_idem *idem);

/**
 * In the transaction: claims the key or replays the first response.
 *
 * @return STORE_QS_ONE to proceed with the create, STORE_QS_ROLLBACK when
 *         a reply (replay or 422) was set, or an error
 */
enum store_qs api_idem_claim (struct http_request *req,
                              struct store_conn *conn, struct api_idem *idem);

/**
 * In the transaction: sets the 201 reply with Location and records it for
 * replays.  Takes @a body.
 */
enum store_qs api_idem_created (struct http_request *req,
                                struct store_conn *conn, struct api_idem *idem,
                                const char *location, char *body, int version);

struct resource;

/**
 * Validates a whole resource body (fields, external_id, cross-field rules)
 * and, when valid, fills defaults and server-derived values into it.
 *
 * @return the number of errors appended to @a errors
 */
unsigned int api_resource_validate (const struct resource *res, json_t *obj,
                                    const char *prefix, json_t *errors);

/**
 * Explains why a write of @a body wrote nothing: a missing account (error
 * at @a item_prefix/account_id), broken references (errors at
 * @a data_prefix/column), or another account's external id.
 *
 * @param xid the external id of an upsert, or NULL
 * @param[out] row for an unchanged upsert, the row as it stands
 * @return STORE_QS_ONE (unchanged, @a row filled), STORE_QS_NO_RESULTS
 *         (errors appended), STORE_QS_SOFT_ERROR (nothing explains it:
 *         retry), or an error
 */
enum store_qs
api_resource_explain (struct store_conn *conn, const struct resource *res,
                      const char *org_id, const char *account_id,
                      const char *body, const char *xid,
                      const char *item_prefix, const char *data_prefix,
                      json_t *errors, struct store_row *row);

/**
 * Appends one error per column whose bit is set in @a bad; for a column
 * of RES_REF_ITEM_CONTACTS, one per position listed in @a items (as
 * store_res_check_refs writes them), at the item's contact_id.
 */
void api_resource_ref_errors (const struct resource *res, uint32_t bad,
                              const char *items, const char *prefix,
                              json_t *errors);

struct score_model;
struct score_scratch;

/** A model borrowed for one request (the base or an organization's). */
struct api_model
{
  const struct score_model *model; /**< borrowed until api_model_release */
  void *entry;                     /**< the cache entry, or NULL */
};

/**
 * The model to score an organization with: the shipped one, or it with
 * the organization's weight overrides (@a weights, version @a version)
 * applied, cached per organization and version.
 */
void api_model_get (const char *org_id, const char *weights, int version,
                    struct api_model *out);

/** Gives back what api_model_get lent. */
void api_model_release (struct api_model *m);

/** A number as the API shows it: rounded to 3 decimals. */
double api_round3 (double v);

/** How much of an account an assessment reads: the shipped model's
    limits. */
struct store_assess_limits api_assess_limits (void);

/**
 * Reads comma-separated query parameter @a name, each value checked by
 * @a ok (or, with @a ok NULL, a UUID, put in canonical form), into a
 * PostgreSQL array literal in @a out (capacity @a cap).
 *
 * @param expected what the values may be, for the error message
 * @return @a out, or NULL when absent or bad (then the request's query
 *         errors name it)
 */
const char *api_list_param (struct http_request *req, const char *name,
                            bool (*ok) (const char *), const char *expected,
                            char *out, size_t cap);

/** This thread's note-analysis scratch (made on first use). */
struct score_scratch *api_scratch (void);

/** Adds @a s as a string or JSON null. */
void api_set_str (json_t *obj, const char *key, bool has, const char *s);

#endif
