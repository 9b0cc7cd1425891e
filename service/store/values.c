/**
 * @file values.c
 * @brief Value-discovery documents of accounts and of the organization.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/** What every values statement returns. */
#define VALUES_COLUMNS \
  "\"values\"::text AS doc, version, " STORE_TS ("updated_at") " AS " \
                                                               "updated_at"

/** An account's values document: $1 org, $2 account. */
static const struct store_statement account_get_sql = {
  "account_values.get",
  "SELECT " VALUES_COLUMNS "\n"
  "  FROM account_values\n"
  " WHERE org_id = $1 AND account_id = $2",
};

/** Stores an account's values document if the account exists: $1 org,
    $2 account, $3 the document. */
static const struct store_statement account_put_sql = {
  "account_values.put",
  "INSERT INTO account_values AS v (org_id, account_id, \"values\")\n"
  "SELECT $1, $2, $3::jsonb\n"
  " WHERE EXISTS (SELECT 1 FROM accounts WHERE org_id = $1 AND id = $2)\n"
  "    ON CONFLICT (org_id, account_id) DO UPDATE\n"
  "   SET \"values\" = EXCLUDED.\"values\", version = v.version + 1,\n"
  "       updated_at = EXCLUDED.updated_at\n"
  "RETURNING " VALUES_COLUMNS,
};

/** The organization's values document: $1 org. */
static const struct store_statement org_get_sql = {
  "organization_values.get",
  "SELECT " VALUES_COLUMNS "\n"
  "  FROM organization_values\n"
  " WHERE org_id = $1",
};

/** Stores the organization's values document: $1 org, $2 the document. */
static const struct store_statement org_put_sql = {
  "organization_values.put",
  "INSERT INTO organization_values AS v (org_id, \"values\")\n"
  "VALUES ($1, $2::jsonb)\n"
  "    ON CONFLICT (org_id) DO UPDATE\n"
  "   SET \"values\" = EXCLUDED.\"values\", version = v.version + 1,\n"
  "       updated_at = EXCLUDED.updated_at\n"
  "RETURNING " VALUES_COLUMNS,
};

/** Reads a values row into a struct store_values. */
static void
read_values (const PGresult *r, int row, void *out)
{
  struct store_values *sv = out;

  sv->json = store_get_dup (r, row, "doc");
  sv->version = (int) store_get_int (r, row, "version");
  store_copy (r, row, "updated_at", sv->updated_at, sizeof (sv->updated_at));
}

/** Runs a values statement and reads its row into @a out. */
static enum store_qs
values_row (struct store_conn *c, const struct store_statement *st, int n,
            const char *const *v, struct store_values *out)
{
  memset (out, 0, sizeof (*out));
  return store_exec_one (c, st, n, v, &read_values, out);
}
enum store_qs
store_values_get (struct store_conn *c, const char *org_id,
                  const char *account_id, struct store_values *out)
{
  const char *v[] = { org_id, account_id };

  return NULL == account_id ? values_row (c, &org_get_sql, 1, v, out)
                            : values_row (c, &account_get_sql, 2, v, out);
}

enum store_qs
store_values_put (struct store_conn *c, const char *org_id,
                  const char *account_id, const char *body,
                  struct store_values *out)
{
  const char *acct[] = { org_id, account_id, body };
  const char *org[] = { org_id, body };

  return NULL == account_id ? values_row (c, &org_put_sql, 2, org, out)
                            : values_row (c, &account_put_sql, 3, acct, out);
}

const struct store_statement *const store_values_statements[] = {
  &account_get_sql, &account_put_sql, &org_get_sql, &org_put_sql, NULL,
};
