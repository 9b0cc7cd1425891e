/**
 * @file scoring_weights.c
 * @brief An organization's scoring-weight overrides.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/** What both weights statements return. */
#define WEIGHTS_COLUMNS \
  "weights::text AS weights, version, " STORE_TS ( \
    "updated_at") " AS updated_at"

/** The organization's overrides: $1 org. */
const struct store_statement store_weights_get_sql = {
  "scoring_weights.get",
  "SELECT " WEIGHTS_COLUMNS "\n"
  "  FROM organization_scoring_weights\n"
  " WHERE org_id = $1",
};

/** Stores the organization's overrides: $1 org, $2 the document. */
static const struct store_statement put_sql = {
  "scoring_weights.put",
  "INSERT INTO organization_scoring_weights AS w (org_id, weights)\n"
  "VALUES ($1, $2::jsonb)\n"
  "    ON CONFLICT (org_id) DO UPDATE\n"
  "   SET weights = EXCLUDED.weights, version = w.version + 1,\n"
  "       updated_at = EXCLUDED.updated_at\n"
  "RETURNING " WEIGHTS_COLUMNS,
};

/** Where a weights row goes. */
struct weights_out
{
  char **json; /**< the overrides (new), or NULL to skip them */
  int *version;
  char *updated_at; /**< 40 bytes */
};

/** Reads a weights row into a struct weights_out. */
static void
read_weights (const PGresult *r, int row, void *cls)
{
  struct weights_out *out = cls;

  if (NULL != out->json)
    *out->json = store_get_dup (r, row, "weights");
  *out->version = (int) store_get_int (r, row, "version");
  store_copy (r, row, "updated_at", out->updated_at, 40);
}

void
store_weights_read (const PGresult *r, char **json, int *version)
{
  char updated_at[40];
  struct weights_out out = { json, version, updated_at };

  if (NULL != json)
    *json = NULL;
  if (1 == PQntuples (r))
    read_weights (r, 0, &out);
}

enum store_qs
store_weights_get (struct store_conn *c, const char *org_id, char **json,
                   int *version, char updated_at[40])
{
  const char *v[] = { org_id };
  struct weights_out out = { json, version, updated_at };

  if (NULL != json)
    *json = NULL;
  return store_exec_one (c, &store_weights_get_sql, 1, v, &read_weights, &out);
}

enum store_qs
store_weights_put (struct store_conn *c, const char *org_id, const char *json,
                   int *version, char updated_at[40])
{
  const char *v[] = { org_id, json };
  struct weights_out out = { NULL, version, updated_at };

  return store_exec_one (c, &put_sql, 2, v, &read_weights, &out);
}

const struct store_statement *const store_scoring_weights_statements[] = {
  &store_weights_get_sql,
  &put_sql,
  NULL,
};
