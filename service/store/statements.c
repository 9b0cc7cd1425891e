/**
 * @file statements.c
 * @brief The single table of prepared statements, prepared on every
 *        connection when it opens (Taler's prepare-all array).  Every value
 *        is a numbered parameter; nothing is formatted into SQL.
 */
#include "internal.h"

/* Timestamps leave the database as RFC 3339 in UTC with microseconds. */
#define TS(col) "to_char(" col ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

#define ACCOUNT_COLS \
  "id::text, name, external_id, industry, owner_id::text, stage," \
  " purchase_stage, annual_value::text, currency, renewal_date::text, " \
  TS ("created_at") ", " TS ("updated_at") ", version"

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

  { "accounts_insert",
    "INSERT INTO accounts (org_id, name, external_id, industry, owner_id,"
    " stage, purchase_stage, annual_value, currency, renewal_date)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    " RETURNING " ACCOUNT_COLS },
  { "accounts_get",
    "SELECT " ACCOUNT_COLS " FROM accounts WHERE org_id = $1 AND id = $2" },
  { "accounts_get_locked",
    "SELECT " ACCOUNT_COLS " FROM accounts WHERE org_id = $1 AND id = $2"
    " FOR UPDATE" },
  { "accounts_get_by_xid",
    "SELECT " ACCOUNT_COLS " FROM accounts"
    " WHERE org_id = $1 AND external_id = $2" },
  { "accounts_update",
    "UPDATE accounts SET name = $3, external_id = $4, industry = $5,"
    " owner_id = $6, stage = $7, purchase_stage = $8, annual_value = $9,"
    " currency = $10, renewal_date = $11, version = version + 1,"
    " updated_at = clock_timestamp()"
    " WHERE org_id = $1 AND id = $2 RETURNING " ACCOUNT_COLS },
  /* A PUT that changes nothing leaves version and updated_at alone, so
     syncing integrations do not see spurious updates. */
  { "accounts_upsert",
    "INSERT INTO accounts AS a (org_id, name, external_id, industry,"
    " owner_id, stage, purchase_stage, annual_value, currency, renewal_date)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    " ON CONFLICT (org_id, external_id) DO UPDATE SET name = EXCLUDED.name,"
    " industry = EXCLUDED.industry, owner_id = EXCLUDED.owner_id,"
    " stage = EXCLUDED.stage, purchase_stage = EXCLUDED.purchase_stage,"
    " annual_value = EXCLUDED.annual_value, currency = EXCLUDED.currency,"
    " renewal_date = EXCLUDED.renewal_date, version = a.version + 1,"
    " updated_at = clock_timestamp()"
    " WHERE (a.name, a.industry, a.owner_id, a.stage, a.purchase_stage,"
    "        a.annual_value, a.currency, a.renewal_date)"
    "   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.industry,"
    "        EXCLUDED.owner_id, EXCLUDED.stage, EXCLUDED.purchase_stage,"
    "        EXCLUDED.annual_value, EXCLUDED.currency, EXCLUDED.renewal_date)"
    " RETURNING " ACCOUNT_COLS ", (xmax = 0)" },
  { "accounts_delete",
    "DELETE FROM accounts WHERE org_id = $1 AND id = $2" },
  { "accounts_list",
    "SELECT " ACCOUNT_COLS " FROM accounts WHERE org_id = $1"
    "   AND ($2::text IS NULL OR stage = $2)"
    "   AND ($3::uuid IS NULL OR owner_id = $3)"
    "   AND ($4::text IS NULL OR name ILIKE $4)"
    "   AND ($5::timestamptz IS NULL OR updated_at >= $5)"
    "   AND ($6::timestamptz IS NULL OR (created_at, id) < ($6, $7::uuid))"
    " ORDER BY created_at DESC, id DESC LIMIT $8" },

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
