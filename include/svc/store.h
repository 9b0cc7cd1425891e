/**
 * @file store.h
 * @brief All PostgreSQL access: a bounded connection pool, transactions
 *        with retry, and one function per query.  Nothing outside
 *        service/store includes libpq-fe.h, and no PGresult leaves it.
 *
 * Query functions return a query status (the GNU Taler convention):
 * negative for errors, 0 for "no row", n for n rows.
 */
#ifndef SVC_STORE_H
#define SVC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "svc/score.h"

/** Outcome of a query or transaction. */
enum store_qs
{
  STORE_QS_ROLLBACK = -5,    /**< the callback chose to abort (reply set) */
  STORE_QS_CONFLICT = -4,    /**< a unique constraint said no */
  STORE_QS_HARD_ERROR = -3,  /**< a bug or unexpected failure: 500 */
  STORE_QS_UNAVAILABLE = -2, /**< the database cannot be reached: 503 */
  STORE_QS_SOFT_ERROR = -1,  /**< serialization failure or deadlock: retry */
  STORE_QS_NO_RESULTS = 0,   /**< success, no row */
  STORE_QS_ONE = 1           /**< success, one row (n for n rows) */
};

struct store_pool;
struct store_conn;

/** Numbers a /metrics page shows about the pool. */
struct store_pool_stats
{
  unsigned int size;   /**< connections in all */
  unsigned int in_use; /**< handed out now */
  uint64_t waits;      /**< acquisitions that had to wait */
  uint64_t timeouts;   /**< acquisitions that gave up */
};

/**
 * Makes a pool of @a size connections to @a conninfo.  Connections are
 * opened lazily and re-opened after a failure, so this succeeds while the
 * database is down.
 *
 * @param statement_timeout_ms per-statement limit set on each connection
 * @return new pool (free with store_pool_free), or NULL on out-of-memory
 */
struct store_pool *store_pool_new (const char *conninfo, unsigned int size,
                                   long statement_timeout_ms);

/**
 * Finds the next SQL statement of a migration file: skips spaces,
 * comments and empty statements, and ends after the semicolon that is not
 * inside a string, a quoted identifier, a comment or a dollar quote.
 *
 * @param p where to look from
 * @param[out] end just past the statement (its semicolon included)
 * @return its start, or NULL when nothing but spaces and comments is left
 */
const char *store_sql_next (const char *p, const char **end);

/**
 * Whether statements are prepared by name on each connection (the
 * default) or sent as unnamed ones with per-transaction settings, which
 * pgbouncer's transaction pooling can carry.  Call once, before the first
 * pool is used.
 */
void store_set_prepared (bool on);

/** What store_set_prepared() chose. */
bool store_prepared (void);

/** Closes every connection and frees the pool; NULL-safe. */
void store_pool_free (struct store_pool *pool);

/**
 * Takes a connection, waiting up to @a timeout_ms, and makes sure it is
 * connected with every statement prepared.
 *
 * @param[out] qs STORE_QS_ONE, or STORE_QS_UNAVAILABLE when no connection
 *             came free or the database cannot be reached
 * @return the connection (give it back with store_release) or NULL
 */
struct store_conn *
store_acquire (struct store_pool *pool, long timeout_ms, enum store_qs *qs);

/** Gives a connection back, rolling back anything left open; NULL-safe. */
void store_release (struct store_pool *pool, struct store_conn *conn);

/** Copies the pool's counters. */
void store_pool_stats (struct store_pool *pool, struct store_pool_stats *out);

/**
 * A transaction body: runs the request's queries on @a conn.
 *
 * @return a store_qs; >= 0 commits, STORE_QS_SOFT_ERROR retries, anything
 *         else rolls back and is returned
 */
typedef enum store_qs (*store_tx_cb) (void *cls, struct store_conn *conn);

/**
 * Runs @a cb scoped to @a org_id (row level security sees only that
 * organization), retrying serialization failures and deadlocks up to three
 * times, in libpq's pipeline mode so that each statement costs one round
 * trip to PostgreSQL and nothing more.
 *
 * A write is one READ COMMITTED transaction: BEGIN and the tenant go out
 * with its first statement, and statements sent with store_exec_later
 * go with COMMIT.  A read (@a read_only) opens no transaction block: each
 * statement is an implicit transaction of its own with the tenant set and
 * writing refused (transaction_read_only), which is what READ COMMITTED
 * gives a block of reads anyway (every statement sees its own snapshot).
 *
 * @return what @a cb returned, or the error of BEGIN/COMMIT; a COMMIT whose
 *         outcome is unknown (connection lost) is STORE_QS_UNAVAILABLE
 */
enum store_qs store_run_tx (struct store_conn *conn, const char *org_id,
                            bool read_only, store_tx_cb cb, void *cls);

/* ---------------------------------------------------------------- auth -- */

/** An API key found by its hash. */
struct store_principal
{
  char key_id[37]; /**< the key's id */
  char org_id[37]; /**< its organization */
  char scope[8];   /**< read, write or admin */
};

/**
 * Finds the active key whose SHA-256 is @a hash (outside any transaction).
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS for unknown or revoked, or an
 *         error
 */
enum store_qs
store_authenticate (struct store_conn *conn, const uint8_t hash[32],
                    struct store_principal *out);

/**
 * Starts the cache of API keys: entries live at most @a ttl_ms (0: no
 * cache), and a thread LISTENs on its own connection to @a conninfo for
 * the notification migrations/0006 sends whenever a key is revoked or
 * deleted, emptying the cache on each (and whenever it was not listening).
 */
void store_key_cache_start (const char *conninfo, long ttl_ms);

/** Stops the listener and the cache. */
void store_key_cache_stop (void);

/**
 * The cached key whose SHA-256 is @a hash.
 *
 * @param[out] gen the cache's generation, for store_key_cache_put
 * @return true when found and fresh
 */
bool store_key_cache_get (const uint8_t hash[32], struct store_principal *out,
                          uint64_t *gen);

/**
 * Caches what store_authenticate found for @a hash, unless the cache was
 * emptied since store_key_cache_get gave @a gen (a revocation raced with
 * the lookup).
 */
void store_key_cache_put (const uint8_t hash[32],
                          const struct store_principal *who, uint64_t gen);

/** Empties the cache: this instance just revoked a key. */
void store_key_cache_clear (void);

/**
 * Reads the shared 32-byte secret that signs pagination cursors (cached
 * after the first successful read).
 */
enum store_qs store_cursor_secret (struct store_conn *conn, uint8_t out[32]);

/* ------------------------------------------------------------ api keys -- */

/** An API key as listed (never its secret). */
struct store_api_key
{
  char id[37];
  char name[801];
  bool has_name;
  char scope[8];
  char prefix[32];
  char created_at[40];
};

/**
 * Inserts a key of the transaction's organization, unless it already has
 * @a max_keys live ones.
 *
 * @param name may be NULL
 * @param[out] out the stored row
 * @return STORE_QS_ONE; STORE_QS_NO_RESULTS at the cap; or an error
 */
enum store_qs
store_api_keys_insert (struct store_conn *conn, const char *org_id,
                       const char *name, const char *scope, const char *prefix,
                       const uint8_t hash[32], long max_keys,
                       struct store_api_key *out);

/** Called once per row of a listing. */
typedef void (*store_api_key_cb) (void *cls, const struct store_api_key *k);

/**
 * Lists active keys newest first, after the (created_at, id) position
 * given by @a after_ts / @a after_id (both NULL for the first page).
 *
 * @return the number of rows, or an error
 */
enum store_qs
store_api_keys_list (struct store_conn *conn, const char *org_id,
                     const char *after_ts, const char *after_id,
                     unsigned int limit, store_api_key_cb cb, void *cls);

/** Reads one active key. */
enum store_qs store_api_keys_get (struct store_conn *conn, const char *org_id,
                                  const char *id, struct store_api_key *out);

/**
 * Revokes an active key.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS if no such active key,
 *         STORE_QS_CONFLICT if it is the organization's last admin key
 */
enum store_qs store_api_keys_revoke (struct store_conn *conn,
                                     const char *org_id, const char *id);

/* ------------------------------------------------------- organizations -- */

/**
 * Creates an organization with an admin key (for `rapport org create`).
 *
 * @param[out] org_id the new organization's id
 */
enum store_qs
store_org_create (struct store_conn *conn, const char *name,
                  const char *prefix, const uint8_t hash[32], char org_id[37]);

/* --------------------------------------------------------- idempotency -- */

/** The stored first response of an idempotent POST. */
struct store_idem
{
  uint8_t request_hash[32];
  int status;
  char *location; /**< new, or NULL; free with store_idem_clear */
  char *body;     /**< new, or NULL; free with store_idem_clear */
  char *etag;     /**< new, or NULL; free with store_idem_clear */
};

/**
 * Claims @a key for this request (or re-claims one older than 24 hours).
 *
 * @param[out] existing filled when the key was already used
 * @return STORE_QS_ONE when claimed, STORE_QS_NO_RESULTS with @a existing
 *         filled when it was used before, or an error
 */
enum store_qs
store_idem_claim (struct store_conn *conn, const char *org_id, const char *key,
                  const uint8_t hash[32], struct store_idem *existing);

/**
 * Records the response given for a claimed key.  It is sent with the
 * transaction's COMMIT (no round trip of its own); a failure to record it
 * fails the commit.
 *
 * @return STORE_QS_NO_RESULTS, or an error
 */
enum store_qs
store_idem_complete (struct store_conn *conn, const char *org_id,
                     const char *key, int status, const char *location,
                     const char *body, const char *etag);

/** Frees the strings of @a idem; NULL-safe. */
void store_idem_clear (struct store_idem *idem);

/* ---------------------------------------------------------- migrations -- */

/**
 * Applies every migration in @a dir not yet applied, in name order, each
 * in its own transaction, under an advisory lock so several instances can
 * start together.  Connects with @a conninfo and disconnects.
 *
 * @param[out] applied how many were applied now
 * @param[out] err a message on failure
 * @return 0 on success, -1 on failure
 */
int store_migrate (const char *conninfo, const char *dir,
                   unsigned int *applied, char *err, size_t err_len);

/**
 * The name of the newest migration file in @a dir (e.g. "0003_x.sql").
 *
 * @return 0, or -1 when the folder cannot be read or holds none
 */
int store_latest_migration (const char *dir, char *out, size_t len);

/**
 * Whether the database has applied migration @a latest.
 *
 * @return STORE_QS_ONE (current), STORE_QS_NO_RESULTS (behind), or an error
 */
enum store_qs
store_migrations_current (struct store_conn *conn, const char *latest);

/**
 * Creates an organization with an admin key through its own connection
 * (for `rapport org create`).
 */
int store_org_create_cli (const char *conninfo, const char *name,
                          const char *prefix, const uint8_t hash[32],
                          char org_id[37], char *err, size_t err_len);

/* ----------------------------------------------------- generic resources -- */

struct resource;

/** One row of a resource, as the API shows it. */
struct store_row
{
  char *json;          /**< new: the resource's JSON; free with
                             store_row_clear */
  int version;         /**< for the ETag */
  char id[37];         /**< its id */
  char account_id[37]; /**< its account, for child resources */
  char order_key[40];  /**< its order column, for cursors */
  bool created;        /**< an upsert made a new row */
};

/** Frees the generated statements (at exit). */
void store_resources_free (void);

/** A values document ({priorities, answers}) as stored. */
struct store_values
{
  char *json; /**< new; free with store_row_clear-like free() */
  int version;
  char updated_at[40];
};

/**
 * Reads the values of an account, or of the organization when
 * @a account_id is NULL.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS (none recorded), or an error
 */
enum store_qs
store_values_get (struct store_conn *conn, const char *org_id,
                  const char *account_id, struct store_values *out);

/**
 * Replaces the values of an account (or of the organization).
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS (no such account), or an error
 */
enum store_qs store_values_put (struct store_conn *conn, const char *org_id,
                                const char *account_id, const char *body,
                                struct store_values *out);

/** Frees what @a row owns; NULL-safe. */
void store_row_clear (struct store_row *row);

/**
 * Generates the statements of every resource; call once, before the first
 * connection is made.
 *
 * @return 0, or -1 on out-of-memory
 */
int store_resources_init (struct resource *const *table, unsigned int n);

/** Called with each prepared statement's name, SQL text and the source
    file that writes it. */
typedef int (*store_statement_cb) (void *cls, const char *name,
                                   const char *sql, const char *file);

/**
 * Calls @a cb for every statement the service prepares, hand-written and
 * generated (after store_resources_init), in the order they are prepared:
 * what `rapport routes` and the golden SQL files show.
 *
 * @return 0, or the first non-zero value @a cb returned
 */
int store_statements_each (store_statement_cb cb, void *cls);

/**
 * Inserts a resource from @a body (validated JSON text holding every
 * column), under @a account_id for child resources.
 *
 * @return STORE_QS_ONE; STORE_QS_NO_RESULTS when the account does not
 *         exist or a reference does not hold; STORE_QS_CONFLICT on a taken
 *         external_id; or an error
 */
enum store_qs
store_res_insert (struct store_conn *conn, const struct resource *res,
                  const char *org_id, const char *account_id, const char *body,
                  struct store_row *out);

/** Reads one row by id; @a lock keeps it until the transaction ends. */
enum store_qs store_res_get (struct store_conn *conn,
                             const struct resource *res, const char *org_id,
                             const char *id, bool lock, struct store_row *out);

/** Reads one row by external id. */
enum store_qs
store_res_get_by_external_id (struct store_conn *conn,
                              const struct resource *res, const char *org_id,
                              const char *xid, struct store_row *out);

/**
 * Replaces the writable columns of a row from @a body.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS (gone, or a reference does not
 *         hold), STORE_QS_CONFLICT, or an error
 */
enum store_qs
store_res_update (struct store_conn *conn, const struct resource *res,
                  const char *org_id, const char *id, const char *body,
                  struct store_row *out);

/**
 * Inserts or replaces the row with @a body's external_id.  A row that
 * would not change is left alone.
 *
 * @return STORE_QS_ONE with @a out (created or changed), STORE_QS_NO_RESULTS
 *         when nothing was written (unchanged, another account's, a missing
 *         account or a broken reference: look again), or an error
 */
enum store_qs
store_res_upsert (struct store_conn *conn, const struct resource *res,
                  const char *org_id, const char *account_id, const char *body,
                  struct store_row *out);

/** Deletes one row. */
enum store_qs
store_res_delete (struct store_conn *conn, const struct resource *res,
                  const char *org_id, const char *id);

/** Called once per listed row (borrowed for the call). */
typedef void (*store_row_cb) (void *cls, const struct store_row *row);

/**
 * Lists rows newest first by the resource's order column.
 *
 * @param account_id the account of a resource kept under accounts, or
 *        NULL for the whole organization's (GET /v1/calls)
 * @param filters one value (or NULL) per filter of the resource, in order
 * @param after_key,after_id keyset position, or NULL for the first page
 * @return the number of rows, or an error
 */
enum store_qs
store_res_list (struct store_conn *conn, const struct resource *res,
                const char *org_id, const char *account_id,
                const char *const *filters, const char *after_key,
                const char *after_id, unsigned int limit, store_row_cb cb,
                void *cls);

/**
 * Tells which references of @a body do not hold.
 *
 * @param[out] bad bit i set when column i's reference fails
 * @param[out] items when the resource's RES_REF_ITEM_CONTACTS column
 *             fails, the positions (from 0) of its items that do,
 *             comma-separated and ascending (new: the caller frees it);
 *             else NULL
 */
enum store_qs
store_res_check_refs (struct store_conn *conn, const struct resource *res,
                      const char *org_id, const char *account_id,
                      const char *body, uint32_t *bad, char **items);

/** Called for each item a bulk write wrote: its index in the group. */
typedef void (*store_bulk_cb) (void *cls, size_t index, const char *id,
                               bool created);

/**
 * Writes a group of items of one resource in one statement.  @a items is a
 * JSON array of {"n": the new record's id (a fresh UUID), "a": account id
 * or null, "d": validated data}.
 *
 * @return how many were written (the rest were refused by a reference or
 *         account guard, or were unchanged upserts), or an error; a
 *         statement error leaves the transaction needing a rollback to a
 *         savepoint
 */
enum store_qs
store_res_bulk (struct store_conn *conn, const struct resource *res,
                bool upsert, const char *org_id, const char *items,
                store_bulk_cb cb, void *cls);

/** What to do with the transaction's savepoint. */
enum store_savepoint_op
{
  STORE_SAVEPOINT_SET = 0,
  STORE_SAVEPOINT_ROLLBACK,
  STORE_SAVEPOINT_RELEASE
};

/** Sets, rolls back to, or releases the savepoint of bulk writes. */
enum store_qs
store_savepoint (struct store_conn *conn, enum store_savepoint_op op);

/** Whether the account exists (STORE_QS_ONE) or not (NO_RESULTS). */
enum store_qs
store_account_exists (struct store_conn *conn, const char *org_id,
                      const char *account_id);

/* --------------------------------------------------------- assessments -- */

/** How much history an assessment reads (the model's limits). */
struct store_assess_limits
{
  unsigned int calls;
  unsigned int cards;
  unsigned int commitments;
};

/**
 * Everything one assessment reads, in the engine's own input structs.
 * The loader owns every array and string; free with store_assess_free.
 */
struct store_assess_data
{
  struct score_account_input account_in; /**< account assessments */
  struct score_seller_input seller_in;   /**< seller assessments */
  struct score_account account;
  struct score_contact *contacts;
  struct score_call *calls;
  struct score_turn *turns; /**< every call's transcript, a run per call */
  size_t n_turns;
  char *turn_text; /**< the turns' speakers and texts (owned) */
  struct score_report_card *cards;
  struct score_commitment *commitments;
  struct score_values values[3]; /**< account, organization, owner */
  char **strings;                /**< notes and answers (owned) */
  size_t n_strings;
  char *weights;         /**< the organization's overrides (JSON) or NULL */
  int weights_version;   /**< their version */
  size_t contacts_total; /**< the account's contacts, of which at most
                              SCORE_MAX_CONTACTS were read */
};

/**
 * Loads an account's data as of @a as_of (RFC 3339): its most influential
 * contacts (SCORE_MAX_CONTACTS at most, @a focus_contact always among
 * them when it is not NULL), the newest calls (each with its transcript's
 * turns, SCORE_MAX_TURNS at most), report cards and commitments dated on
 * or before it, the values of the account, the organization and the
 * owner, and the organization's weight overrides.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS (no such account), or an error
 */
enum store_qs
store_assess_load_account (struct store_conn *conn, const char *org_id,
                           const char *account_id, const char *focus_contact,
                           const char *as_of,
                           const struct store_assess_limits *limits,
                           struct store_assess_data *out);

/**
 * Loads a seller's own calls (each with its transcript's turns) and report
 * cards across accounts as of @a as_of, and the organization's weight
 * overrides.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS (no such seller), or an error
 */
enum store_qs
store_assess_load_seller (struct store_conn *conn, const char *org_id,
                          const char *seller_id, const char *as_of,
                          const struct store_assess_limits *limits,
                          struct store_assess_data *out);

/**
 * Finds the account of a contact.
 *
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS, or an error
 */
enum store_qs
store_contact_account (struct store_conn *conn, const char *org_id,
                       const char *contact_id, char account_id[37]);

/** Frees what @a data owns; NULL-safe. */
void store_assess_free (struct store_assess_data *data);

/** Reads the organization's weight overrides (NO_RESULTS: none). */
enum store_qs
store_weights_get (struct store_conn *conn, const char *org_id, char **json,
                   int *version, char updated_at[40]);

/** Replaces the organization's weight overrides. */
enum store_qs
store_weights_put (struct store_conn *conn, const char *org_id,
                   const char *json, int *version, char updated_at[40]);

/* -------------------------------------------------- stored assessments -- */

/** An account taken off the queue for recomputation. */
struct store_queued
{
  char org_id[37];
  char account_id[37];
  char seq[24]; /**< the queue row's sequence when claimed */
  int priority; /**< 0 a write, 1 new weights, 2 the calendar or model */
};

/**
 * Claims up to @a limit queued accounts (writes first) for @a lease_ms,
 * skipping those another refresher holds; outside any transaction.
 *
 * @return how many were claimed into @a out, or an error
 */
enum store_qs store_refresh_claim (struct store_conn *conn, unsigned int limit,
                                   long lease_ms, struct store_queued *out);

/** Queues the accounts of one organization whose weights changed. */
enum store_qs store_refresh_expand (struct store_conn *conn, long *queued);

/**
 * Queues accounts never assessed, assessed with a model other than
 * @a model_version or more than @a max_age_s ago, and ends events older
 * than @a retention_days; a no-op while another instance sweeps.
 */
enum store_qs
store_refresh_sweep (struct store_conn *conn, const char *model_version,
                     long max_age_s, long retention_days, long *queued);

/** Takes an account that no longer exists off the queue (in its
    organization's transaction). */
enum store_qs
store_refresh_drop (struct store_conn *conn, const struct store_queued *q);

/** An account's assessment as stored. */
struct store_stored
{
  double risk_score;
  double risk_score_30d; /**< the same model as of 30 days before */
  const char *risk_level;
  const char *top_drivers; /**< JSON array of {driver, points} */
  const char *pillar_status;
  const char *primary; /**< the primary orientation, or NULL */
  const char *model_version;
  int weights_version;
  const char *as_of;
};

/**
 * Stores @a s for @a q's account and takes it off the queue, in its
 * organization's transaction, unless a write queued it again since the
 * claim.
 *
 * @return STORE_QS_ONE when stored, NO_RESULTS when queued again
 */
enum store_qs
store_refresh_put (struct store_conn *conn, const struct store_queued *q,
                   const struct store_stored *s);

/**
 * Listens for the notice a write queuing an account sends (LISTEN
 * rapport_assess), outside any transaction.
 *
 * @return false when the database cannot be reached
 */
bool store_refresh_listen (struct store_conn *conn);

/**
 * Waits up to @a timeout_ms for such a notice, after store_refresh_listen
 * on the same connection.
 *
 * @return true when notified
 */
bool store_refresh_wait (struct store_conn *conn, long timeout_ms);

/** A page request of GET /v1/assessments. */
struct store_portfolio_query
{
  bool ascending;          /**< safest first */
  const char *after_score; /**< keyset position, or NULL for the start */
  const char *after_id;
  /* Filters: PostgreSQL array literals of checked values, or NULL. */
  const char *risk_levels;
  const char *owner_ids;
  const char *stages;
  const char *pillar_statuses;
  unsigned int limit;
};

/** A row of the portfolio. */
struct store_portfolio_row
{
  char account_id[37];
  char name[801];
  char owner_id[37];
  bool has_owner;
  char stage[16];
  bool has_stage;
  double risk_score;
  char risk_score_text[32]; /**< exactly as stored, for the cursor */
  double risk_score_30d;
  char risk_level[16];
  const char *top_drivers; /**< JSON text, borrowed for the callback */
  char pillar_status[24];
  char primary[24];
  bool has_primary;
  char model_version[48];
  int weights_version; /**< the organization's weights used (0: none) */
  char as_of[40];
  char computed_at[40];
  bool queued; /**< queued for recomputation: a newer one is coming */
};

typedef void (*store_portfolio_cb) (void *cls,
                                    const struct store_portfolio_row *row);

/** Reads a page of the portfolio, calling @a cb for each row. */
enum store_qs
store_portfolio_page (struct store_conn *conn, const char *org_id,
                      const struct store_portfolio_query *q,
                      store_portfolio_cb cb, void *cls);

/** A position in the event feed. */
struct store_event_pos
{
  char xid[24];
  char seq[24];
  char id[37];
  long long at; /**< the event's occurred_at, Unix seconds */
};

/** A page request of GET /v1/events. */
struct store_events_query
{
  const char *after_xid; /**< "0" for the start */
  const char *after_seq;
  const char *types; /**< array literal of types, or NULL for all */
  unsigned int limit;
  unsigned int scan_cap; /**< events looked at, at most */
};

/** Where a page's look ended. */
struct store_events_end
{
  unsigned int scanned;            /**< events looked at (0: none) */
  struct store_event_pos scan_end; /**< the last looked at */
};

typedef void (*store_event_cb) (void *cls, const struct store_event_pos *pos,
                                const char *json);

/**
 * Reads the events after a position that no running transaction can
 * still precede, calling @a cb with each one's JSON.
 *
 * @return the number of events returned, or an error
 */
enum store_qs
store_events_page (struct store_conn *conn, const char *org_id,
                   const struct store_events_query *q, store_event_cb cb,
                   void *cls, struct store_events_end *end);

/* ------------------------------------------------------------ webhooks -- */

/*
 * Endpoints and deliveries come back as struct store_row: json is the
 * document the API shows (an endpoint never with its secret), id its id,
 * version its version and order_key its created_at (the keyset).
 */

/**
 * Inserts an endpoint of the organization, unless it already has
 * @a max_endpoints.
 *
 * @param description may be NULL
 * @param event_types a JSON array of type names
 * @return STORE_QS_ONE; STORE_QS_NO_RESULTS at the cap; or an error
 */
enum store_qs
store_webhooks_insert (struct store_conn *conn, const char *org_id,
                       const char *url, const char *description,
                       const char *event_types, const char *secret,
                       long max_endpoints, struct store_row *out);

/** Reads one endpoint; @a lock keeps it until the transaction ends. */
enum store_qs
store_webhooks_get (struct store_conn *conn, const char *org_id,
                    const char *id, bool lock, struct store_row *out);

/** Lists endpoints newest first after (@a after_ts, @a after_id). */
enum store_qs
store_webhooks_list (struct store_conn *conn, const char *org_id,
                     const char *after_ts, const char *after_id,
                     unsigned int limit, store_row_cb cb, void *cls);

/**
 * Replaces an endpoint's url, description, event types and status
 * ("active" or "disabled"); disabling through the API records that as
 * the reason.
 */
enum store_qs
store_webhooks_update (struct store_conn *conn, const char *org_id,
                       const char *id, const char *url,
                       const char *description, const char *event_types,
                       const char *status, struct store_row *out);

/** Makes the endpoint's pending deliveries due now (it was re-enabled). */
enum store_qs store_webhooks_resume (struct store_conn *conn,
                                     const char *org_id, const char *id);

/** Replaces the signing secret; the old one signs for @a grace_s more. */
enum store_qs
store_webhooks_rotate (struct store_conn *conn, const char *org_id,
                       const char *id, const char *secret, long grace_s,
                       struct store_row *out);

/** Deletes an endpoint and its deliveries. */
enum store_qs store_webhooks_delete (struct store_conn *conn,
                                     const char *org_id, const char *id);

/**
 * Lists an endpoint's deliveries newest first, those of @a status only
 * when it is not NULL.
 */
enum store_qs
store_webhook_deliveries_list (struct store_conn *conn, const char *org_id,
                               const char *endpoint_id, const char *status,
                               const char *after_ts, const char *after_id,
                               unsigned int limit, store_row_cb cb, void *cls);

/** A delivery a delivery thread claimed. */
struct store_webhook_claim
{
  char org_id[37];
  char id[37];
  char token[37]; /**< proves the claim when recording the attempt */
  char endpoint_id[37];
  char event_id[37];
  char event_type[64];
  char *url;             /**< new */
  char *secret;          /**< new */
  char *previous_secret; /**< new, or NULL: also signs until it expires */
  char *payload;         /**< new: the body, as signed */
  int attempts;          /**< attempts before this one */
  int failures;          /**< failed attempts in a row before this one */
};

/** What a delivery thread holds of the database. */
struct store_hooks;

/** Opens (lazily) a delivery thread's connections to @a conninfo. */
struct store_hooks *
store_hooks_open (const char *conninfo, long statement_timeout_ms);

/** Closes them; NULL-safe. */
void store_hooks_close (struct store_hooks *h);

/**
 * Waits up to @a timeout_ms for a notice that deliveries were queued
 * (LISTEN, connecting again when the connection was lost).
 *
 * @return true when one came
 */
bool store_hooks_wait (struct store_hooks *h, long timeout_ms);

/**
 * Claims the next due delivery for @a lease_ms.
 *
 * @return STORE_QS_ONE with @a out filled (clear it with
 *         store_webhook_claim_clear), STORE_QS_NO_RESULTS, or an error
 */
enum store_qs store_hooks_claim (struct store_hooks *h, long lease_ms,
                                 struct store_webhook_claim *out);

/** Frees what @a c owns; NULL-safe. */
void store_webhook_claim_clear (struct store_webhook_claim *c);

/**
 * Records an attempt of a claimed delivery.
 *
 * @param outcome "delivered", "failed" or "released" (not attempted)
 * @param status_code the HTTP status answered, or 0 for none
 * @param error what went wrong, or NULL
 * @param response the start of the answer's body, or NULL
 * @param retry_ms when to try again after a failure
 * @param max_failures failures in a row that disable the endpoint
 * @param[out] result "delivered", "retry", "disabled", "released" or
 *             "lost" (the lease had passed and another thread took it)
 */
enum store_qs
store_hooks_finish (struct store_hooks *h, const struct store_webhook_claim *c,
                    const char *outcome, int status_code, const char *error,
                    const char *response, long long retry_ms, int max_failures,
                    char result[16]);

/**
 * Deletes the log of deliveries made more than @a keep_days ago (one
 * instance at a time; the others prune nothing).
 *
 * @param[out] pruned how many were deleted
 */
enum store_qs
store_hooks_prune (struct store_hooks *h, long keep_days, long long *pruned);

#endif
