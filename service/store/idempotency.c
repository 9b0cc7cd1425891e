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

enum store_qs
store_idem_claim (struct store_conn *c, const char *org_id, const char *key,
                  const uint8_t hash[32], struct store_idem *existing)
{
  char h[67] = "\\x";
  const char *v[] = { org_id, key, h };
  PGresult *r;
  enum store_qs qs;

  util_hex (hash, 32, h + 2);
  qs = store_exec (c, "idem_claim", 3, v, &r);
  PQclear (r);
  if (0 != qs)
    return qs > 0 ? STORE_QS_ONE : qs;
  qs = store_exec (c, "idem_get", 2, v, &r);
  if (qs > 0)
  {
    size_t len = 0;
    unsigned char *raw = PQunescapeBytea (
      (const unsigned char *) PQgetvalue (r, 0, 0), &len);

    memset (existing, 0, sizeof (*existing));
    if (NULL != raw && 32 == len)
      memcpy (existing->request_hash, raw, 32);
    PQfreemem (raw);
    existing->status = PQgetisnull (r, 0, 1) ? 0 : atoi (PQgetvalue (r, 0, 1));
    if (! PQgetisnull (r, 0, 2))
      existing->location = strdup (PQgetvalue (r, 0, 2));
    if (! PQgetisnull (r, 0, 3))
      existing->body = strdup (PQgetvalue (r, 0, 3));
    if (! PQgetisnull (r, 0, 4))
      existing->etag = strdup (PQgetvalue (r, 0, 4));
    qs = STORE_QS_NO_RESULTS;
  }
  else if (0 == qs) /* deleted between the two statements: try again */
    qs = STORE_QS_SOFT_ERROR;
  PQclear (r);
  return qs;
}

enum store_qs
store_idem_complete (struct store_conn *c, const char *org_id,
                     const char *key, int status, const char *location,
                     const char *body, const char *etag)
{
  char st[16];
  const char *v[] = { org_id, key, st, location, body, etag };
  PGresult *r;
  enum store_qs qs;

  snprintf (st, sizeof (st), "%d", status);
  qs = store_exec (c, "idem_complete", 6, v, &r);
  PQclear (r);
  return qs;
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
