/**
 * @file statements.c
 * @brief The single table of prepared statements, prepared on every
 *        connection when it opens (Taler's prepare-all array).  Every value
 *        is a numbered parameter; nothing is formatted into SQL.
 */
#include "internal.h"

/* Timestamps leave the database as RFC 3339 in UTC with microseconds. */
#define TS(col) "to_char(" col ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

/* What the engine reads of a call and of a report card (store/assess.c
   parses these columns in this order). */
#define ASSESS_CALL_COLS \
  "SELECT id::text, account_id::text, coalesce(seller_id::text, '')," \
  " extract(epoch FROM occurred_at)::bigint," \
  " array_to_string(contact_ids, ','), coalesce(channel, 'phone')," \
  " coalesce(kind, 'follow_up'), coalesce(duration_minutes, -1)," \
  " coalesce(seller_talk_ratio, -1), coalesce(questions_asked, -1)," \
  " array_to_string(topics, ','), array_to_string(signals, ','), notes," \
  " coalesce(next_step_agreed, false)"

#define ASSESS_CARD_COLS \
  "SELECT id::text, coalesce(contact_id::text, '')," \
  " coalesce(seller_id::text, ''), extract(epoch FROM received_at)::bigint," \
  " (SELECT string_agg(key || '=' || value, ',')" \
  "   FROM jsonb_each_text(ratings))," \
  " coalesce(recommend_score, -1), cardinality(improvements_requested)," \
  " coalesce(follow_up_done, false)"

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

  { "migration_applied",
    "SELECT 1 FROM schema_migrations WHERE version = $1" },
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

  /* Assessments read what was known at $3 (as_of).  A promise resolved
     after as_of was still open then. */
  { "assess_account",
    "SELECT coalesce(owner_id::text, ''), coalesce(stage, 'customer'),"
    " coalesce(purchase_stage, ''), coalesce(annual_value, 0)::float8,"
    " coalesce(extract(epoch FROM renewal_date::timestamp)::bigint, 0)"
    " FROM accounts WHERE org_id = $1 AND id = $2" },
  { "assess_contacts",
    "SELECT id::text, name, coalesce(role, 'influencer'), influence"
    " FROM contacts WHERE org_id = $1 AND account_id = $2"
    " ORDER BY influence DESC, created_at LIMIT $3" },
  { "assess_calls",
    ASSESS_CALL_COLS
    " FROM calls WHERE org_id = $1 AND account_id = $2 AND occurred_at <= $3"
    " ORDER BY occurred_at DESC, id DESC LIMIT $4" },
  { "assess_cards",
    ASSESS_CARD_COLS
    " FROM report_cards WHERE org_id = $1 AND account_id = $2"
    " AND received_at <= $3 ORDER BY received_at DESC, id DESC LIMIT $4" },
  { "assess_commitments",
    "SELECT id::text, coalesce(seller_id::text, ''),"
    " extract(epoch FROM made_at)::bigint,"
    " coalesce(extract(epoch FROM due_date::timestamp)::bigint, 0),"
    " CASE WHEN resolved_at <= $3 THEN status ELSE 'open' END,"
    " CASE WHEN resolved_at <= $3 THEN extract(epoch FROM resolved_at)::bigint"
    " ELSE 0 END"
    " FROM commitments WHERE org_id = $1 AND account_id = $2 AND made_at <= $3"
    " ORDER BY made_at DESC, id DESC LIMIT $4" },
  /* (which: 0 account, 1 organization, 2 owner; kind: x present,
     p priority, a answer; key; value) */
  { "assess_values",
    "WITH docs AS ("
    " SELECT 0 AS which, \"values\" AS doc FROM account_values"
    "  WHERE org_id = $1 AND account_id = $2"
    " UNION ALL SELECT 1, \"values\" FROM organization_values WHERE org_id = $1"
    " UNION ALL SELECT 2, s.\"values\" FROM accounts a JOIN sellers s"
    "  ON s.org_id = a.org_id AND s.id = a.owner_id"
    "  WHERE a.org_id = $1 AND a.id = $2 AND s.\"values\" IS NOT NULL)"
    " SELECT which, 'x', '', '' FROM docs"
    " UNION ALL SELECT which, 'p', key, value FROM docs,"
    "  jsonb_each_text(coalesce(doc->'priorities', '{}'))"
    " UNION ALL SELECT which, 'a', key, value FROM docs,"
    "  jsonb_each_text(coalesce(doc->'answers', '{}'))" },
  { "assess_seller_calls",
    ASSESS_CALL_COLS
    " FROM calls WHERE org_id = $1 AND seller_id = $2 AND occurred_at <= $3"
    " ORDER BY occurred_at DESC, id DESC LIMIT $4" },
  { "assess_seller_cards",
    ASSESS_CARD_COLS
    " FROM report_cards WHERE org_id = $1 AND seller_id = $2"
    " AND received_at <= $3 ORDER BY received_at DESC, id DESC LIMIT $4" },
  { "seller_exists",
    "SELECT 1 FROM sellers WHERE org_id = $1 AND id = $2" },
  { "contact_account",
    "SELECT account_id::text FROM contacts WHERE org_id = $1 AND id = $2" },
  { "weights_get",
    "SELECT weights::text, version, " TS ("updated_at")
    " FROM organization_scoring_weights WHERE org_id = $1" },
  { "weights_put",
    "INSERT INTO organization_scoring_weights AS w (org_id, weights)"
    " VALUES ($1, $2::jsonb) ON CONFLICT (org_id) DO UPDATE SET"
    " weights = EXCLUDED.weights, version = w.version + 1,"
    " updated_at = clock_timestamp()"
    " RETURNING weights::text, version, " TS ("updated_at") },

  { "idem_claim",
    "INSERT INTO idempotency_keys AS i (org_id, key, request_hash)"
    " VALUES ($1, $2, $3) ON CONFLICT (org_id, key) DO UPDATE"
    " SET request_hash = EXCLUDED.request_hash, status = NULL,"
    "     location = NULL, body = NULL, created_at = clock_timestamp()"
    " WHERE i.created_at < clock_timestamp() - interval '24 hours'"
    " RETURNING 1" },
  { "idem_get",
    "SELECT request_hash, status, location, body, etag FROM idempotency_keys"
    " WHERE org_id = $1 AND key = $2" },
  { "idem_complete",
    "UPDATE idempotency_keys SET status = $3, location = $4, body = $5,"
    " etag = $6"
    " WHERE org_id = $1 AND key = $2" },
};

const struct store_statement *
store_statements (unsigned int *n)
{
  *n = sizeof (statements) / sizeof (statements[0]);
  return statements;
}
