/**
 * @file assess.c
 * @brief Loading what an assessment reads straight into the engine's
 *        input structs, bounded by the model's limits and cut at as_of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/** Keeps a copy of @a s in @a d (freed with it); returns the copy. */
static const char *
keep (struct store_assess_data *d, const char *s)
{
  char **grown = realloc (d->strings, (d->n_strings + 1) * sizeof (char *));

  if (NULL == grown)
    return NULL;
  d->strings = grown;
  d->strings[d->n_strings] = strdup (s);
  return d->strings[d->n_strings++];
}

/** Sets bit (1 << from_name(word)) for every comma-separated word. */
static uint64_t
bits (const char *list, int (*from_name) (const char *))
{
  char tmp[2048];
  uint64_t out = 0;

  snprintf (tmp, sizeof (tmp), "%s", list);
  for (char *save = NULL, *w = strtok_r (tmp, ",", &save); NULL != w;
       w = strtok_r (NULL, ",", &save))
  {
    int v = from_name (w);

    if (v >= 0 && v < 64)
      out |= (uint64_t) 1 << v;
  }
  return out;
}

/** Reads row @a i of an ASSESS_CALL_COLS result into @a c. */
static void
read_call (struct store_assess_data *d, const PGresult *r, int i,
           struct score_call *c)
{
  char ids[SCORE_MAX_CALL_CONTACTS * 37 + 64];

  memset (c, 0, sizeof (*c));
  store_copy (r, i, 0, c->id, sizeof (c->id));
  store_copy (r, i, 1, c->account_id, sizeof (c->account_id));
  store_copy (r, i, 2, c->seller_id, sizeof (c->seller_id));
  c->occurred_at = strtoll (PQgetvalue (r, i, 3), NULL, 10);
  store_copy (r, i, 4, ids, sizeof (ids));
  for (char *save = NULL, *w = strtok_r (ids, ",", &save);
       NULL != w && c->n_contacts < SCORE_MAX_CALL_CONTACTS;
       w = strtok_r (NULL, ",", &save))
    snprintf (c->contact_ids[c->n_contacts++], SCORE_ID_LEN, "%s", w);
  c->channel = (enum score_channel) score_channel_from_name (
    PQgetvalue (r, i, 5));
  c->kind = (enum score_call_kind) score_call_kind_from_name (
    PQgetvalue (r, i, 6));
  c->duration_minutes = atoi (PQgetvalue (r, i, 7));
  c->seller_talk_ratio = strtod (PQgetvalue (r, i, 8), NULL);
  c->questions_asked = atoi (PQgetvalue (r, i, 9));
  c->topics = (uint32_t) bits (PQgetvalue (r, i, 10), score_topic_from_name);
  c->signals = bits (PQgetvalue (r, i, 11), score_signal_from_name);
  if (! PQgetisnull (r, i, 12))
  {
    c->notes = keep (d, PQgetvalue (r, i, 12));
    c->notes_len = NULL != c->notes ? strlen (c->notes) : 0;
  }
  c->next_step_agreed = 't' == PQgetvalue (r, i, 13)[0];
}

/** Reads row @a i of an ASSESS_CARD_COLS result into @a c. */
static void
read_card (const PGresult *r, int i, struct score_report_card *c)
{
  char ratings[512];

  memset (c, 0, sizeof (*c));
  store_copy (r, i, 0, c->id, sizeof (c->id));
  store_copy (r, i, 1, c->contact_id, sizeof (c->contact_id));
  store_copy (r, i, 2, c->seller_id, sizeof (c->seller_id));
  c->received_at = strtoll (PQgetvalue (r, i, 3), NULL, 10);
  store_copy (r, i, 4, ratings, sizeof (ratings));
  for (char *save = NULL, *w = strtok_r (ratings, ",", &save); NULL != w;
       w = strtok_r (NULL, ",", &save))
  {
    char *eq = strchr (w, '=');
    int which;

    if (NULL == eq)
      continue;
    *eq = '\0';
    which = score_rating_from_name (w);
    if (which >= 0)
      c->ratings[which] = atoi (eq + 1);
  }
  c->recommend_score = atoi (PQgetvalue (r, i, 5));
  c->improvements_requested = atoi (PQgetvalue (r, i, 6));
  c->follow_up_done = 't' == PQgetvalue (r, i, 7)[0];
}

/** Reads row @a i of assess_commitments into @a c. */
static void
read_commitment (const PGresult *r, int i, struct score_commitment *c)
{
  const char *status = PQgetvalue (r, i, 4);

  memset (c, 0, sizeof (*c));
  store_copy (r, i, 0, c->id, sizeof (c->id));
  store_copy (r, i, 1, c->seller_id, sizeof (c->seller_id));
  c->made_at = strtoll (PQgetvalue (r, i, 2), NULL, 10);
  c->due_date = strtoll (PQgetvalue (r, i, 3), NULL, 10);
  c->status = 'k' == status[0] ? SCORE_COMMITMENT_KEPT
              : 'b' == status[0] ? SCORE_COMMITMENT_BROKEN
              : SCORE_COMMITMENT_OPEN;
  c->resolved_at = strtoll (PQgetvalue (r, i, 5), NULL, 10);
}

/** Reads row @a i of assess_contacts into @a c. */
static void
read_contact (const PGresult *r, int i, struct score_contact *c)
{
  memset (c, 0, sizeof (*c));
  store_copy (r, i, 0, c->id, sizeof (c->id));
  store_copy (r, i, 1, c->name, sizeof (c->name));
  c->role = (enum score_role) score_role_from_name (PQgetvalue (r, i, 2));
  c->influence = strtod (PQgetvalue (r, i, 3), NULL);
}

/** Which rows a many-row statement reads into what. */
enum rows_kind
{
  ROWS_CONTACTS,
  ROWS_CALLS,
  ROWS_CARDS,
  ROWS_COMMITMENTS
};

/**
 * Runs @a stmt (org, id, as_of, limit) and reads every row into a new
 * array of the @a kind's struct.
 *
 * @param[out] array the new array
 * @return the number of rows, or an error
 */
static enum store_qs
load_rows (struct store_conn *c, struct store_assess_data *d,
           const char *stmt, const char *const *v, int n_params,
           enum rows_kind kind, void **array)
{
  static const size_t sizes[] = {
    sizeof (struct score_contact), sizeof (struct score_call),
    sizeof (struct score_report_card), sizeof (struct score_commitment)
  };
  PGresult *r;
  enum store_qs qs = store_exec (c, stmt, n_params, v, &r);
  char *out;

  *array = NULL;
  if (qs <= 0)
  {
    PQclear (r);
    return qs;
  }
  out = calloc ((size_t) qs, sizes[kind]);
  for (int i = 0; NULL != out && i < (int) qs; i++)
  {
    void *at = out + (size_t) i * sizes[kind];

    if (ROWS_CONTACTS == kind)
      read_contact (r, i, at);
    else if (ROWS_CALLS == kind)
      read_call (d, r, i, at);
    else if (ROWS_CARDS == kind)
      read_card (r, i, at);
    else
      read_commitment (r, i, at);
  }
  PQclear (r);
  *array = out;
  return NULL != out ? qs : STORE_QS_HARD_ERROR;
}

/** Reads the three values documents (account, organization, owner). */
static enum store_qs
load_values (struct store_conn *c, struct store_assess_data *d,
             const char *org_id, const char *account_id, bool present[3])
{
  const char *v[] = { org_id, account_id };
  PGresult *r;
  enum store_qs qs = store_exec (c, "assess_values", 2, v, &r);

  for (int i = 0; i < (int) qs; i++)
  {
    int which = atoi (PQgetvalue (r, i, 0));
    char kind = PQgetvalue (r, i, 1)[0];
    struct score_values *sv;

    if (which < 0 || which > 2)
      continue;
    sv = &d->values[which];
    present[which] = true;
    if ('p' == kind)
    {
      int value = score_value_from_name (PQgetvalue (r, i, 2));

      if (value >= 0)
      {
        sv->has_priority[value] = true;
        sv->priorities[value] = strtod (PQgetvalue (r, i, 3), NULL);
      }
    }
    else if ('a' == kind && sv->n_answers < SCORE_MAX_ANSWERS)
      sv->answers[sv->n_answers++] = keep (d, PQgetvalue (r, i, 3));
  }
  PQclear (r);
  return qs < 0 ? qs : STORE_QS_ONE;
}

/** Reads the organization's weight overrides, if any. */
static enum store_qs
load_weights (struct store_conn *c, struct store_assess_data *d,
              const char *org_id)
{
  char updated_at[40];
  enum store_qs qs = store_weights_get (c, org_id, &d->weights,
                                        &d->weights_version, updated_at);

  return qs < 0 ? qs : STORE_QS_ONE;
}

/** Reads the account row itself. */
static enum store_qs
load_account_row (struct store_conn *c, const char *org_id,
                  const char *account_id, struct score_account *a)
{
  const char *v[] = { org_id, account_id };
  PGresult *r;
  enum store_qs qs = store_exec (c, "assess_account", 2, v, &r);

  if (qs > 0)
  {
    const char *stage = PQgetvalue (r, 0, 1);
    const char *ps = PQgetvalue (r, 0, 2);

    memset (a, 0, sizeof (*a));
    snprintf (a->id, sizeof (a->id), "%s", account_id);
    store_copy (r, 0, 0, a->owner_id, sizeof (a->owner_id));
    a->stage = 'p' == stage[0] ? SCORE_STAGE_PROSPECT
               : 'f' == stage[0] ? SCORE_STAGE_FORMER : SCORE_STAGE_CUSTOMER;
    a->purchase_stage = 0 == strcmp (ps, "pre_purchase") ? SCORE_PURCHASE_PRE
                        : 0 == strcmp (ps, "purchase") ? SCORE_PURCHASE_PURCHASE
                        : 0 == strcmp (ps, "post_purchase")
                        ? SCORE_PURCHASE_POST : SCORE_PURCHASE_NONE;
    a->annual_value = strtod (PQgetvalue (r, 0, 3), NULL);
    a->renewal_date = strtoll (PQgetvalue (r, 0, 4), NULL, 10);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_assess_load_account (struct store_conn *c, const char *org_id,
                           const char *account_id, const char *as_of,
                           const struct store_assess_limits *limits,
                           struct store_assess_data *d)
{
  char n_calls[16], n_cards[16], n_commit[16], n_contacts[16];
  const char *vc[] = { org_id, account_id, n_contacts };
  const char *v1[] = { org_id, account_id, as_of, n_calls };
  const char *v2[] = { org_id, account_id, as_of, n_cards };
  const char *v3[] = { org_id, account_id, as_of, n_commit };
  struct score_account_input *in = &d->account_in;
  bool present[3] = { false, false, false };
  enum store_qs qs;

  memset (d, 0, sizeof (*d));
  snprintf (n_contacts, sizeof (n_contacts), "%d", SCORE_MAX_CONTACTS);
  snprintf (n_calls, sizeof (n_calls), "%u", limits->calls);
  snprintf (n_cards, sizeof (n_cards), "%u", limits->cards);
  snprintf (n_commit, sizeof (n_commit), "%u", limits->commitments);
  qs = load_account_row (c, org_id, account_id, &d->account);
  if (qs <= 0)
    return qs;
  if ((qs = load_rows (c, d, "assess_contacts", vc, 3, ROWS_CONTACTS,
                       (void **) &d->contacts)) < 0)
    return qs;
  in->n_contacts = (size_t) qs;
  if ((qs = load_rows (c, d, "assess_calls", v1, 4, ROWS_CALLS,
                       (void **) &d->calls)) < 0)
    return qs;
  in->n_calls = (size_t) qs;
  if ((qs = load_rows (c, d, "assess_cards", v2, 4, ROWS_CARDS,
                       (void **) &d->cards)) < 0)
    return qs;
  in->n_cards = (size_t) qs;
  if ((qs = load_rows (c, d, "assess_commitments", v3, 4, ROWS_COMMITMENTS,
                       (void **) &d->commitments)) < 0)
    return qs;
  in->n_commitments = (size_t) qs;
  if ((qs = load_values (c, d, org_id, account_id, present)) < 0
      || (qs = load_weights (c, d, org_id)) < 0)
    return qs;
  in->account = d->account;
  in->contacts = d->contacts;
  in->calls = d->calls;
  in->cards = d->cards;
  in->commitments = d->commitments;
  in->account_values = present[0] ? &d->values[0] : NULL;
  in->org_values = present[1] ? &d->values[1] : NULL;
  in->owner_values = present[2] ? &d->values[2] : NULL;
  return STORE_QS_ONE;
}

enum store_qs
store_assess_load_seller (struct store_conn *c, const char *org_id,
                          const char *seller_id, const char *as_of,
                          const struct store_assess_limits *limits,
                          struct store_assess_data *d)
{
  char n_calls[16], n_cards[16];
  const char *v[] = { org_id, seller_id };
  const char *v1[] = { org_id, seller_id, as_of, n_calls };
  const char *v2[] = { org_id, seller_id, as_of, n_cards };
  struct score_seller_input *in = &d->seller_in;
  PGresult *r;
  enum store_qs qs;

  memset (d, 0, sizeof (*d));
  snprintf (n_calls, sizeof (n_calls), "%u", limits->calls);
  snprintf (n_cards, sizeof (n_cards), "%u", limits->cards);
  qs = store_exec (c, "seller_exists", 2, v, &r);
  PQclear (r);
  if (qs <= 0)
    return qs;
  snprintf (in->seller_id, sizeof (in->seller_id), "%s", seller_id);
  if ((qs = load_rows (c, d, "assess_seller_calls", v1, 4, ROWS_CALLS,
                       (void **) &d->calls)) < 0)
    return qs;
  in->n_calls = (size_t) qs;
  if ((qs = load_rows (c, d, "assess_seller_cards", v2, 4, ROWS_CARDS,
                       (void **) &d->cards)) < 0)
    return qs;
  in->n_cards = (size_t) qs;
  in->calls = d->calls;
  in->cards = d->cards;
  return load_weights (c, d, org_id);
}

enum store_qs
store_contact_account (struct store_conn *c, const char *org_id,
                       const char *contact_id, char account_id[37])
{
  const char *v[] = { org_id, contact_id };
  PGresult *r;
  enum store_qs qs = store_exec (c, "contact_account", 2, v, &r);

  if (qs > 0)
  {
    store_copy (r, 0, 0, account_id, 37);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

void
store_assess_free (struct store_assess_data *d)
{
  if (NULL == d)
    return;
  for (size_t i = 0; i < d->n_strings; i++)
    free (d->strings[i]);
  free (d->strings);
  free (d->contacts);
  free (d->calls);
  free (d->cards);
  free (d->commitments);
  free (d->weights);
  memset (d, 0, sizeof (*d));
}

/** Runs a weights statement and reads its row. */
static enum store_qs
weights_row (struct store_conn *c, const char *stmt, int n,
             const char *const *v, char **json, int *version,
             char updated_at[40])
{
  PGresult *r;
  enum store_qs qs = store_exec (c, stmt, n, v, &r);

  if (NULL != json)
    *json = NULL;
  if (qs > 0)
  {
    if (NULL != json)
      *json = strdup (PQgetvalue (r, 0, 0));
    *version = atoi (PQgetvalue (r, 0, 1));
    store_copy (r, 0, 2, updated_at, 40);
    qs = STORE_QS_ONE;
  }
  PQclear (r);
  return qs;
}

enum store_qs
store_weights_get (struct store_conn *c, const char *org_id, char **json,
                   int *version, char updated_at[40])
{
  const char *v[] = { org_id };

  return weights_row (c, "weights_get", 1, v, json, version, updated_at);
}

enum store_qs
store_weights_put (struct store_conn *c, const char *org_id, const char *json,
                   int *version, char updated_at[40])
{
  const char *v[] = { org_id, json };

  return weights_row (c, "weights_put", 2, v, NULL, version, updated_at);
}
