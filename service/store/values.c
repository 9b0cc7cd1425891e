/**
 * @file values.c
 * @brief Value-discovery documents of accounts and of the organization.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/** Runs a values statement and reads its one row. */
static enum store_qs
values_row (struct store_conn *c, const char *stmt, int n,
            const char *const *v, struct store_values *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, stmt, n, v, &r);

  memset (out, 0, sizeof (*out));
  if (qs > 0)
  {
    out->json = strdup (PQgetvalue (r, 0, 0));
    out->version = atoi (PQgetvalue (r, 0, 1));
    store_copy (r, 0, 2, out->updated_at, sizeof (out->updated_at));
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_values_get (struct store_conn *c, const char *org_id,
                  const char *account_id, struct store_values *out)
{
  const char *v[] = { org_id, account_id };

  return NULL == account_id ? values_row (c, "org_values_get", 1, v, out)
                            : values_row (c, "account_values_get", 2, v, out);
}

enum store_qs
store_values_put (struct store_conn *c, const char *org_id,
                  const char *account_id, const char *body,
                  struct store_values *out)
{
  const char *acct[] = { org_id, account_id, body };
  const char *org[] = { org_id, body };

  return NULL == account_id ? values_row (c, "org_values_put", 2, org, out)
                            : values_row (c, "account_values_put", 3, acct,
                                          out);
}
