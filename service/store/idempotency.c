/**
 * @file idempotency.c
 * @brief Idempotency-Key records: claimed in the request's transaction,
 *        completed with the response, replayed on a retry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/util.h"

/** Claims a key for a request ($1 org, $2 key, $3 the request's hash,
    $4 the time 24 hours ago); a claim older than that is taken over.
    Answers a row when the claim is ours. */
static const struct store_statement claim_sql = {
  "idempotency.claim",
  "INSERT INTO idempotency_keys AS i (org_id, key, request_hash)\n"
  "VALUES ($1, $2, $3)\n"
  "    ON CONFLICT (org_id, key) DO UPDATE\n"
  "   SET request_hash = EXCLUDED.request_hash, status = NULL,\n"
  "       location = NULL, body = NULL, created_at = EXCLUDED.created_at\n"
  " WHERE i.created_at < $4::timestamptz\n"
  "RETURNING 1 AS claimed",
};

/** What an earlier request with the key left: $1 org, $2 key. */
static const struct store_statement get_sql = {
  "idempotency.get",
  "SELECT request_hash, status, location, body, etag\n"
  "  FROM idempotency_keys\n"
  " WHERE org_id = $1 AND key = $2",
};

/** Reads an idempotency.get row into a struct store_idem. */
static void
read_idem (const PGresult *r, int row, void *out)
{
  struct store_idem *existing = out;
  size_t len = 0;
  unsigned char *raw = PQunescapeBytea (
    (const unsigned char *) store_get (r, row, "request_hash"), &len);

  memset (existing, 0, sizeof (*existing));
  if (NULL != raw && 32 == len)
    memcpy (existing->request_hash, raw, 32);
  PQfreemem (raw);
  existing->status = (int) store_get_int (r, row, "status");
  existing->location = store_get_dup (r, row, "location");
  existing->body = store_get_dup (r, row, "body");
  existing->etag = store_get_dup (r, row, "etag");
}

enum store_qs
store_idem_claim (struct store_conn *c, const char *org_id, const char *key,
                  const uint8_t hash[32], struct store_idem *existing)
{
  char h[67] = "\\x", day_ago[40];
  const char *v[] = { org_id, key, h, store_time_in (day_ago, -86400) };
  PGresult *r;
  enum store_qs qs;

  util_hex (hash, 32, h + 2);
  qs = store_exec (c, &claim_sql, 4, v, &r);
  PQclear (r);
  if (0 != qs)
    return qs > 0 ? STORE_QS_ONE : qs;
  qs = store_exec_one (c, &get_sql, 2, v, &read_idem, existing);
  if (qs > 0)
    return STORE_QS_NO_RESULTS;
  /* deleted between the two statements: try again */
  return 0 == qs ? STORE_QS_SOFT_ERROR : qs;
}

/** Records the answer to a claimed key: $1 org, $2 key, $3 status,
    $4 Location, $5 body, $6 ETag. */
static const struct store_statement complete_sql = {
  "idempotency.complete",
  "UPDATE idempotency_keys\n"
  "   SET status = $3, location = $4, body = $5, etag = $6\n"
  " WHERE org_id = $1 AND key = $2",
};

enum store_qs
store_idem_complete (struct store_conn *c, const char *org_id, const char *key,
                     int status, const char *location, const char *body,
                     const char *etag)
{
  char st[16];
  const char *v[] = { org_id, key, st, location, body, etag };

  snprintf (st, sizeof (st), "%d", status);
  /* Goes to the server with COMMIT: the claim made the row ours. */
  return store_exec_later (c, &complete_sql, 6, v);
}

void
store_idem_clear (struct store_idem *idem)
{
  if (NULL == idem)
    return;
  free (idem->location);
  free (idem->body);
  free (idem->etag);
  idem->location = NULL;
  idem->body = NULL;
  idem->etag = NULL;
}

const struct store_statement *const store_idempotency_statements[] = {
  &claim_sql,
  &get_sql,
  &complete_sql,
  NULL,
};
