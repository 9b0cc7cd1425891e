/**
 * @file internal.h
 * @brief What the store's own files share: the pooled connection and the
 *        prepared-statement executor.
 */
#ifndef SVC_STORE_INTERNAL_H
#define SVC_STORE_INTERNAL_H

#include <libpq-fe.h>

#include "svc/resource.h"
#include "svc/store.h"
#include "svc/util.h"

/** The most queries one pipeline holds before its results are read. */
#define STORE_PIPELINE_MAX 16

/** How a connection runs statements (tx.c). */
enum store_mode
{
  STORE_MODE_PLAIN, /**< outside store_run_tx: one statement at a time */
  STORE_MODE_READ,  /**< a read: each statement is its own read-only
                         implicit transaction, the tenant set in the same
                         pipeline (one round trip a statement) */
  STORE_MODE_WRITE  /**< a write: BEGIN and the tenant go out with the
                         first statement, deferred statements with COMMIT */
};

/** A query sent in the pipeline whose result is not read yet. */
struct store_pending
{
  const char *what; /**< its name, for the log */
  PGresult **out;   /**< where its result goes, or NULL to check only */
};

/** One pooled connection. */
struct store_conn
{
  PGconn *pg;    /**< NULL until first used */
  bool prepared; /**< every statement is prepared on @a pg */
  long statement_timeout_ms;
  const char *conninfo; /**< the pool's, for reconnecting */
  bool used;            /**< something was sent since it was handed out */
  bool fatal;           /**< the server said FATAL while it sat idle */
  /* The transaction store_run_tx runs (tx.c). */
  enum store_mode mode;
  const char *org_id; /**< its organization ("" for none) */
  bool begun;         /**< write: BEGIN and the tenant were sent */
  unsigned int n_pending;
  struct store_pending pending[STORE_PIPELINE_MAX];
};

/**
 * One prepared statement.  Each sits next to the function that runs it
 * (Taler's pg_*.c lesson); its file lists it in a NULL-terminated array
 * that statements.c registers, so every statement is prepared on every
 * connection and written out as tests/golden/sql/<name>.sql.
 */
struct store_statement
{
  const char *name; /**< PQprepare name: "<table or feature>.<verb>" */
  const char *sql;  /**< the text, with $n parameters and named columns */
};

/** A timestamptz column as RFC 3339 in UTC with microseconds, by the
    migrations' IMMUTABLE rapport_rfc3339(): whatever the session's
    TimeZone, and allowed where Citus wants immutable functions only
    (RETURNING). */
#define STORE_TS(col) "rapport_rfc3339(" col ")"

/**
 * The time now, as a timestamptz parameter ("2026-12-02
 * 15:17:42.123456+00"): statements that write a time take it from here,
 * since Citus refuses volatile functions such as clock_timestamp() in
 * UPDATE ... SET and anything but immutable ones in RETURNING and ON
 * CONFLICT DO UPDATE.
 *
 * @return @a buf
 */
const char *store_now (char buf[40]);

/** The time @a seconds from now, as store_now() writes it. */
const char *store_time_in (char buf[40], long seconds);

/** scoring_weights.get, $1 the organization (scoring_weights.c), for
    the assessments that read it with their other statements. */
extern const struct store_statement store_weights_get_sql;

/** Reads a scoring_weights.get result: the overrides (new, or NULL when
    the organization has none) and their version. */
void store_weights_read (const PGresult *r, char **json, int *version);

/* The statements of each file (NULL-terminated). */
extern const struct store_statement *const store_tx_statements[];
extern const struct store_statement *const store_api_keys_statements[];
extern const struct store_statement *const store_assessments_statements[];
extern const struct store_statement *const store_idempotency_statements[];
extern const struct store_statement *const store_migrate_statements[];
extern const struct store_statement *const store_values_statements[];
extern const struct store_statement *const store_scoring_weights_statements[];
extern const struct store_statement *const store_resource_statements[];
extern const struct store_statement *const store_refresh_statements[];
extern const struct store_statement *const store_portfolio_statements[];
extern const struct store_statement *const store_webhooks_statements[];

/**
 * Calls @a cb for every prepared statement: the hand-written ones of each
 * file, then those generated from the resource table.
 *
 * @return 0, or the first non-zero value @a cb returned
 */
int store_statements_visit (int (*cb) (void *cls,
                                       const struct store_statement *st),
                            void *cls);

/**
 * The statements generated from the resource table.
 *
 * @param[out] n number of statements
 * @return borrowed, valid for the life of the process
 */
const struct store_statement *store_generated_statements (unsigned int *n);

/**
 * Replaces a connection that turned out dead: closes it, connects again
 * and prepares every statement.
 *
 * @return 0, or -1 (the database cannot be reached)
 */
int store_reconnect (struct store_conn *c);

/**
 * Whether a statement that failed on @a c may be sent again on a fresh
 * connection: the connection was found dead before anything had been
 * sent on it since it was handed out.  Reconnects when so.
 */
bool store_retry_on_fresh (struct store_conn *c);

/**
 * Runs a prepared statement with text parameters.
 *
 * @param[out] res the result on success (caller PQclears), else NULL
 * @return number of rows (tuples or affected), or an error status
 */
enum store_qs
store_exec (struct store_conn *c, const struct store_statement *st, int n,
            const char *const *values, PGresult **res);

/** One statement of a batch that store_exec_all sends together. */
struct store_query
{
  const struct store_statement *st;
  int n;                     /**< parameters */
  const char *const *values; /**< and their text */
  PGresult *res;             /**< its result (caller PQclears), or NULL */
};

/**
 * Runs independent statements in one round trip: in store_run_tx every
 * query of @a q goes out in one pipeline (one implicit transaction for a
 * read) and each one's result comes back in its @a res.
 *
 * @return STORE_QS_NO_RESULTS, or the first failure (then every @a res is
 *         NULL)
 */
enum store_qs
store_exec_all (struct store_conn *c, struct store_query *q, unsigned int n);

/**
 * Sends a statement whose result only needs to be checked, not read, in a
 * write transaction: it goes to the server with the next statement or
 * with COMMIT, and an error in it rolls the transaction back then (the
 * commit answers that error).  Outside a write transaction it runs at once.
 *
 * @param values must stay valid until the call returns only
 * @return STORE_QS_NO_RESULTS (queued), or an error
 */
enum store_qs
store_exec_later (struct store_conn *c, const struct store_statement *st,
                  int n, const char *const *values);

/** Reads row @a row of @a r into @a out. */
typedef void (*store_read_cb) (const PGresult *r, int row, void *out);

/**
 * Runs a statement that answers at most one row and reads it with
 * @a read: the "execute, read one row, clear" every single-row query does.
 *
 * @return STORE_QS_ONE (row read), STORE_QS_NO_RESULTS, or an error
 */
enum store_qs
store_exec_one (struct store_conn *c, const struct store_statement *st, int n,
                const char *const *values, store_read_cb read, void *out);

/**
 * Column @a name of row @a row, read by name: "" when NULL.  A name the
 * statement does not answer is a bug, logged as an error (the test suite
 * fails on any logged error), and reads as "".
 *
 * @return borrowed from @a r
 */
const char *store_get (const PGresult *r, int row, const char *name);

/** Whether column @a name of row @a row is NULL (or missing). */
bool store_isnull (const PGresult *r, int row, const char *name);

/** Column @a name as an integer (0 when NULL). */
long long store_get_int (const PGresult *r, int row, const char *name);

/** Column @a name as a double (0 when NULL). */
double store_get_double (const PGresult *r, int row, const char *name);

/** Column @a name as a boolean (false when NULL). */
bool store_get_bool (const PGresult *r, int row, const char *name);

/**
 * Column @a name as a new string.
 *
 * @return new (free()), or NULL when the value is NULL
 */
char *store_get_dup (const PGresult *r, int row, const char *name);

/**
 * Classifies a failed result (or a NULL one) into a store_qs and logs it.
 */
enum store_qs
store_classify (struct store_conn *c, const PGresult *res, const char *what);

/**
 * Copies column @a name of row @a row into @a dst (capacity @a cap), cut
 * between UTF-8 characters when it does not fit.
 *
 * @return true if the value was not NULL
 */
bool store_copy (const PGresult *res, int row, const char *name, char *dst,
                 size_t cap);

/**
 * libpq's notices (and the FATAL a server sends before it ends an idle
 * connection) as JSON log lines, instead of raw lines on stderr; a FATAL
 * marks @a arg, a struct store_conn (or NULL), dead.
 */
void store_on_notice (void *arg, const char *message);

/* ------------------------------------------- row_json.c: rows as JSON -- */

/**
 * Converts a timestamptz's text ("2025-07-01 09:30:00.5+00", the session
 * in UTC) to RFC 3339 with microseconds ("2025-07-01T09:30:00.500000Z").
 *
 * @return false when @a pg is not in that form (then @a out is not set)
 */
bool store_ts_rfc3339 (const char *pg, char out[32]);

/** Appends a column's text @a v, of storage @a type, as its JSON. */
void
store_put_value (struct buf *b, enum res_sql type, const char *v, bool null);

/** Appends @a key and a colon, after a comma unless @a first. */
void store_put_key (struct buf *b, bool first, const char *key);

/** Opens a one-off connection (for migrations and the CLI). */
PGconn *store_connect_once (const char *conninfo, char *err, size_t err_len);

#endif
