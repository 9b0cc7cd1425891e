/**
 * @file internal.h
 * @brief What the store's own files share: the pooled connection and the
 *        prepared-statement executor.
 */
#ifndef SVC_STORE_INTERNAL_H
#define SVC_STORE_INTERNAL_H

#include <libpq-fe.h>

#include "svc/store.h"

/** One pooled connection. */
struct store_conn
{
  PGconn *pg;          /**< NULL until first used */
  bool prepared;       /**< every statement is prepared on @a pg */
  long statement_timeout_ms;
};

/** One prepared statement of the table in statements.c. */
struct store_statement
{
  const char *name;    /**< PQprepare name */
  const char *sql;     /**< the text, with $n parameters */
};

/**
 * The statement table.
 *
 * @param[out] n number of statements
 * @return borrowed, static
 */
const struct store_statement *
store_statements (unsigned int *n);

/**
 * The statements generated from the resource table.
 *
 * @param[out] n number of statements
 * @return borrowed, valid for the life of the process
 */
const struct store_statement *
store_generated_statements (unsigned int *n);

/**
 * Runs a prepared statement with text parameters.
 *
 * @param[out] res the result on success (caller PQclears), else NULL
 * @return number of rows (tuples or affected), or an error status
 */
enum store_qs
store_exec (struct store_conn *c, const char *stmt, int n,
            const char *const *values, PGresult **res);

/**
 * Classifies a failed result (or a NULL one) into a store_qs and logs it.
 */
enum store_qs
store_classify (struct store_conn *c, const PGresult *res, const char *what);

/**
 * Copies column @a col of row @a row into @a dst (capacity @a cap).
 *
 * @return true if the value was not NULL
 */
bool
store_copy (const PGresult *res, int row, int col, char *dst, size_t cap);

/** Opens a one-off connection (for migrations and the CLI). */
PGconn *
store_connect_once (const char *conninfo, char *err, size_t err_len);

#endif
