/**
 * @file statements.c
 * @brief The single table of prepared statements, prepared on every
 *        connection when it opens (Taler's prepare-all array).  Every value
 *        is a numbered parameter; nothing is formatted into SQL.
 */
#include "internal.h"

/* Timestamps leave the database as RFC 3339 in UTC with microseconds. */
#define TS(col) "to_char(" col ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

#define API_KEY_COLS \
  "id::text, name, scope, prefix, " TS ("created_at")

static const struct store_statement statements[] = {
  { "auth",
    "SELECT key_id::text, org_id::text, scope FROM rapport_authenticate($1)" },
  { "cursor_secret",
    "SELECT secret FROM service_secrets WHERE name = 'cursor'" },

  { "api_keys_insert",
    "INSERT INTO api_keys (org_id, name, scope, prefix, key_hash)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING " API_KEY_COLS },
  { "api_keys_list",
    "SELECT " API_KEY_COLS " FROM api_keys"
    " WHERE org_id = $1 AND revoked_at IS NULL"
    "   AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))"
    " ORDER BY created_at DESC, id DESC LIMIT $4" },
  { "api_keys_get",
    "SELECT " API_KEY_COLS " FROM api_keys"
    " WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL" },
  { "api_keys_lock_admins",
    "SELECT id::text FROM api_keys WHERE org_id = $1 AND scope = 'admin'"
    " AND revoked_at IS NULL ORDER BY id FOR UPDATE" },
  { "api_keys_revoke",
    "UPDATE api_keys SET revoked_at = clock_timestamp()"
    " WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING scope" },

  { "org_insert", "INSERT INTO organizations (id, name) VALUES ($1, $2)" },

  { "account_exists",
    "SELECT 1 FROM accounts WHERE org_id = $1 AND id = $2" },

  { "account_values_get",
    "SELECT \"values\"::text, version, " TS ("updated_at")
    " FROM account_values WHERE org_id = $1 AND account_id = $2" },
  { "account_values_put",
    "INSERT INTO account_values AS v (org_id, account_id, \"values\")"
    " SELECT $1, $2, $3::jsonb WHERE EXISTS (SELECT 1 FROM accounts"
    "  WHERE org_id = $1 AND id = $2)"
    " ON CONFLICT (org_id, account_id) DO UPDATE SET \"values\" ="
    " EXCLUDED.\"values\", version = v.version + 1,"
    " updated_at = clock_timestamp()"
    " RETURNING \"values\"::text, version, " TS ("updated_at") },
  { "org_values_get",
    "SELECT \"values\"::text, version, " TS ("updated_at")
    " FROM organization_values WHERE org_id = $1" },
  { "org_values_put",
    "INSERT INTO organization_values AS v (org_id, \"values\")"
    " VALUES ($1, $2::jsonb) ON CONFLICT (org_id) DO UPDATE SET"
    " \"values\" = EXCLUDED.\"values\", version = v.version + 1,"
    " updated_at = clock_timestamp()"
    " RETURNING \"values\"::text, version, " TS ("updated_at") },

  { "idem_claim",
    "INSERT INTO idempotency_keys AS i (org_id, key, request_hash)"
    " VALUES ($1, $2, $3) ON CONFLICT (org_id, key) DO UPDATE"
    " SET request_hash = EXCLUDED.request_hash, status = NULL,"
    "     location = NULL, body = NULL, created_at = clock_timestamp()"
    " WHERE i.created_at < clock_timestamp() - interval '24 hours'"
    " RETURNING 1" },
  { "idem_get",
    "SELECT request_hash, status, location, body FROM idempotency_keys"
    " WHERE org_id = $1 AND key = $2" },
  { "idem_complete",
    "UPDATE idempotency_keys SET status = $3, location = $4, body = $5"
    " WHERE org_id = $1 AND key = $2" },
};

const struct store_statement *
store_statements (unsigned int *n)
{
  *n = sizeof (statements) / sizeof (statements[0]);
  return statements;
}
