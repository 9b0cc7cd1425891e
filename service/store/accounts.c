/**
 * @file accounts.c
 * @brief Account queries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/** Copies row @a row of an ACCOUNT_COLS result into @a a. */
static void
read_account (const PGresult *r, int row, struct store_account *a)
{
  store_copy (r, row, 0, a->id, sizeof (a->id));
  store_copy (r, row, 1, a->name, sizeof (a->name));
  a->has_external_id = store_copy (r, row, 2, a->external_id,
                                   sizeof (a->external_id));
  a->has_industry = store_copy (r, row, 3, a->industry, sizeof (a->industry));
  a->has_owner_id = store_copy (r, row, 4, a->owner_id, sizeof (a->owner_id));
  a->has_stage = store_copy (r, row, 5, a->stage, sizeof (a->stage));
  a->has_purchase_stage = store_copy (r, row, 6, a->purchase_stage,
                                      sizeof (a->purchase_stage));
  a->has_annual_value = store_copy (r, row, 7, a->annual_value,
                                    sizeof (a->annual_value));
  a->has_currency = store_copy (r, row, 8, a->currency, sizeof (a->currency));
  a->has_renewal_date = store_copy (r, row, 9, a->renewal_date,
                                    sizeof (a->renewal_date));
  store_copy (r, row, 10, a->created_at, sizeof (a->created_at));
  store_copy (r, row, 11, a->updated_at, sizeof (a->updated_at));
  a->version = atoi (PQgetvalue (r, row, 12));
}

/** Runs @a stmt and reads at most one account from it. */
static enum store_qs
one_account (struct store_conn *c, const char *stmt, int n,
             const char *const *v, struct store_account *out)
{
  PGresult *r;
  enum store_qs qs = store_exec (c, stmt, n, v, &r);

  if (qs > 0)
  {
    read_account (r, 0, out);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

/** Lays out the writable fields after @a head parameters. */
static void
field_params (const struct store_account_fields *f, const char **v)
{
  v[0] = f->name;
  v[1] = f->external_id;
  v[2] = f->industry;
  v[3] = f->owner_id;
  v[4] = f->stage;
  v[5] = f->purchase_stage;
  v[6] = f->annual_value;
  v[7] = f->currency;
  v[8] = f->renewal_date;
}

enum store_qs
store_accounts_insert (struct store_conn *c, const char *org_id,
                       const struct store_account_fields *f,
                       struct store_account *out)
{
  const char *v[10] = { org_id };

  field_params (f, v + 1);
  return one_account (c, "accounts_insert", 10, v, out);
}

enum store_qs
store_accounts_get (struct store_conn *c, const char *org_id, const char *id,
                    bool for_update, struct store_account *out)
{
  const char *v[] = { org_id, id };

  return one_account (c, for_update ? "accounts_get_locked" : "accounts_get",
                      2, v, out);
}

enum store_qs
store_accounts_get_by_external_id (struct store_conn *c, const char *org_id,
                                   const char *xid, struct store_account *out)
{
  const char *v[] = { org_id, xid };

  return one_account (c, "accounts_get_by_xid", 2, v, out);
}

enum store_qs
store_accounts_update (struct store_conn *c, const char *org_id,
                       const char *id, const struct store_account_fields *f,
                       struct store_account *out)
{
  const char *v[11] = { org_id, id };

  field_params (f, v + 2);
  return one_account (c, "accounts_update", 11, v, out);
}

enum store_qs
store_accounts_upsert (struct store_conn *c, const char *org_id,
                       const struct store_account_fields *f,
                       struct store_account *out, bool *created)
{
  const char *v[10] = { org_id };
  PGresult *r;
  enum store_qs qs;

  field_params (f, v + 1);
  qs = store_exec (c, "accounts_upsert", 10, v, &r);
  *created = false;
  if (qs > 0)
  {
    read_account (r, 0, out);
    *created = ('t' == PQgetvalue (r, 0, 13)[0]);
  }
  PQclear (r);
  if (0 == qs) /* unchanged: nothing was written, read it as it is */
    return store_accounts_get_by_external_id (c, org_id, f->external_id, out);
  return qs > 0 ? STORE_QS_ONE : qs;
}

enum store_qs
store_accounts_delete (struct store_conn *c, const char *org_id,
                       const char *id)
{
  const char *v[] = { org_id, id };
  PGresult *r;
  enum store_qs qs = store_exec (c, "accounts_delete", 2, v, &r);

  PQclear (r);
  return qs;
}

enum store_qs
store_accounts_list (struct store_conn *c, const char *org_id,
                     const struct store_account_filter *f,
                     store_account_cb cb, void *cls)
{
  char limit[16];
  const char *v[8] = { org_id, f->stage, f->owner_id, f->name_like,
                       f->updated_since, f->after_ts, f->after_id, limit };
  PGresult *r;
  enum store_qs qs;
  struct store_account *a;

  snprintf (limit, sizeof (limit), "%u", f->limit);
  qs = store_exec (c, "accounts_list", 8, v, &r);
  if (qs <= 0)
  {
    PQclear (r);
    return qs;
  }
  a = malloc (sizeof (*a));
  if (NULL == a)
    qs = STORE_QS_HARD_ERROR;
  for (int i = 0; NULL != a && i < (int) qs; i++)
  {
    read_account (r, i, a);
    cb (cls, a);
  }
  free (a);
  PQclear (r);
  return qs;
}
