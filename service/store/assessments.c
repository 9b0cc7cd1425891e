/**
 * @file assessments.c
 * @brief Loading what an assessment reads straight into the engine's
 *        input structs, bounded by the model's limits and cut at as_of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"

/** Keeps a copy of @a s in @a d (freed with it); returns the copy. */
static const char *
keep (struct store_assess_data *d, const char *s)
{
  d->strings = util_realloc (d->strings, (d->n_strings + 1) * sizeof (char *));
  d->strings[d->n_strings] = util_strdup (s);
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

/* What the engine reads of a call: the same columns for an account's
   and a seller's calls. */
#define CALL_COLUMNS \
  "SELECT id::text AS id, account_id::text AS account_id,\n" \
  "       coalesce(seller_id::text, '') AS seller_id,\n" \
  "       extract(epoch FROM occurred_at)::bigint AS occurred_at,\n" \
  "       array_to_string(contact_ids, ',') AS contact_ids,\n" \
  "       coalesce(channel, 'phone') AS channel,\n" \
  "       coalesce(kind, 'follow_up') AS kind,\n" \
  "       coalesce(duration_minutes, -1) AS duration_minutes,\n" \
  "       coalesce(seller_talk_ratio, -1) AS seller_talk_ratio,\n" \
  "       coalesce(questions_asked, -1) AS questions_asked,\n" \
  "       array_to_string(topics, ',') AS topics,\n" \
  "       array_to_string(signals, ',') AS signals, notes,\n" \
  "       coalesce(next_step_agreed, false) AS next_step_agreed\n"

/* The turns of the calls that CALL_COLUMNS reads with the same
   parameters, one row a turn, in the same order as the calls and each
   call's in its own: what the caller puts between the two is the calls'
   WHERE clause.  A call keeps at most SCORE_MAX_TURNS turns (its CHECK
   too, migrations/0009), and only the turns that start within the first
   SCORE_MAX_NOTE_BYTES of its transcript's text: the engine reads no
   more of a call, so an assessment holds at most that much per call. */
#define TURN_COLUMNS \
  "SELECT call_id, speaker, role, contact_id, text\n" \
  "  FROM (SELECT c.id::text AS call_id, c.occurred_at, c.id, e.ord,\n" \
  "               e.turn->>'speaker' AS speaker, e.turn->>'role' AS role,\n" \
  "               coalesce(e.turn->>'contact_id', '') AS contact_id,\n" \
  "               e.turn->>'text' AS text,\n" \
  "               sum(octet_length(e.turn->>'text'))\n" \
  "                 OVER (PARTITION BY c.id ORDER BY e.ord) AS upto\n" \
  "          FROM (SELECT id, occurred_at, transcript\n" \
  "                  FROM calls\n"
#define TURN_ROWS \
  "                 ORDER BY occurred_at DESC, id DESC\n" \
  "                 LIMIT $4) c,\n" \
  "               jsonb_array_elements(c.transcript)\n" \
  "                 WITH ORDINALITY AS e(turn, ord)\n" \
  "         WHERE e.ord <= 1000) t\n" \
  " WHERE upto - octet_length(text) < 80000\n" \
  " ORDER BY occurred_at DESC, id DESC, ord"

_Static_assert(SCORE_MAX_TURNS == 1000, "TURN_ROWS reads SCORE_MAX_TURNS");
_Static_assert(SCORE_MAX_NOTE_BYTES == 80000,
               "TURN_COLUMNS reads SCORE_MAX_NOTE_BYTES of turns");

/* What the engine reads of a report card. */
#define CARD_COLUMNS \
  "SELECT id::text AS id, coalesce(contact_id::text, '') AS contact_id,\n" \
  "       coalesce(seller_id::text, '') AS seller_id,\n" \
  "       extract(epoch FROM received_at)::bigint AS received_at,\n" \
  "       (SELECT string_agg(key || '=' || value, ',')\n" \
  "          FROM jsonb_each_text(ratings)) AS ratings,\n" \
  "       coalesce(recommend_score, -1) AS recommend_score,\n" \
  "       cardinality(improvements_requested) AS improvements_requested,\n" \
  "       coalesce(follow_up_done, false) AS follow_up_done\n"

/* Assessments read what was known at $3 (as_of); $4 is the limit. */

/** An account's calls up to as_of, newest first: $1 org, $2 account. */
static const struct store_statement calls_sql = {
  "assess.calls",
  CALL_COLUMNS "  FROM calls\n"
               " WHERE org_id = $1 AND account_id = $2 AND occurred_at <= $3\n"
               " ORDER BY occurred_at DESC, id DESC\n"
               " LIMIT $4",
};

/** A seller's calls up to as_of, newest first: $1 org, $2 seller. */
static const struct store_statement seller_calls_sql = {
  "assess.seller_calls",
  CALL_COLUMNS "  FROM calls\n"
               " WHERE org_id = $1 AND seller_id = $2 AND occurred_at <= $3\n"
               " ORDER BY occurred_at DESC, id DESC\n"
               " LIMIT $4",
};

/** The turns of assess.calls: $1 org, $2 account, $3 as_of, $4 limit. */
static const struct store_statement turns_sql = {
  "assess.turns",
  TURN_COLUMNS "                 WHERE org_id = $1 AND account_id = $2\n"
               "                   AND occurred_at <= $3\n" TURN_ROWS,
};

/** The turns of assess.seller_calls: $1 org, $2 seller, $3 as_of, $4 the
    limit. */
static const struct store_statement seller_turns_sql = {
  "assess.seller_turns",
  TURN_COLUMNS "                 WHERE org_id = $1 AND seller_id = $2\n"
               "                   AND occurred_at <= $3\n" TURN_ROWS,
};

/** An account's report cards up to as_of: $1 org, $2 account. */
static const struct store_statement cards_sql = {
  "assess.cards",
  CARD_COLUMNS "  FROM report_cards\n"
               " WHERE org_id = $1 AND account_id = $2 AND received_at <= $3\n"
               " ORDER BY received_at DESC, id DESC\n"
               " LIMIT $4",
};

/** A seller's report cards up to as_of: $1 org, $2 seller. */
static const struct store_statement seller_cards_sql = {
  "assess.seller_cards",
  CARD_COLUMNS "  FROM report_cards\n"
               " WHERE org_id = $1 AND seller_id = $2 AND received_at <= $3\n"
               " ORDER BY received_at DESC, id DESC\n"
               " LIMIT $4",
};

/** An account's commitments made up to as_of: $1 org, $2 account.  A
    promise resolved after as_of was still open then. */
static const struct store_statement commitments_sql = {
  "assess.commitments",
  "SELECT id::text AS id, coalesce(seller_id::text, '') AS seller_id,\n"
  "       extract(epoch FROM made_at)::bigint AS made_at,\n"
  "       coalesce(extract(epoch FROM due_date::timestamp)::bigint, 0)\n"
  "         AS due_date,\n"
  "       CASE WHEN resolved_at <= $3 THEN status ELSE 'open' END AS status,\n"
  "       CASE WHEN resolved_at <= $3\n"
  "            THEN extract(epoch FROM resolved_at)::bigint ELSE 0 END\n"
  "         AS resolved_at\n"
  "  FROM commitments\n"
  " WHERE org_id = $1 AND account_id = $2 AND made_at <= $3\n"
  " ORDER BY made_at DESC, id DESC\n"
  " LIMIT $4",
};

/** An account's most influential contacts, the one in focus (if any)
    first, with how many the account has: $1 org, $2 account, $3 the
    limit, $4 the contact in focus or NULL. */
static const struct store_statement contacts_sql = {
  "assess.contacts",
  "SELECT id::text AS id, name, coalesce(role, 'influencer') AS role,\n"
  "       influence, count(*) OVER () AS total\n"
  "  FROM contacts\n"
  " WHERE org_id = $1 AND account_id = $2\n"
  " ORDER BY (id = $4::uuid) IS TRUE DESC, influence DESC, created_at\n"
  " LIMIT $3",
};

/** Reads row @a i of a CALL_COLUMNS result into @a c. */
static void
read_call (struct store_assess_data *d, const PGresult *r, int i,
           struct score_call *c)
{
  char ids[SCORE_MAX_CALL_CONTACTS * 37 + 64];

  memset (c, 0, sizeof (*c));
  store_copy (r, i, "id", c->id, sizeof (c->id));
  store_copy (r, i, "account_id", c->account_id, sizeof (c->account_id));
  store_copy (r, i, "seller_id", c->seller_id, sizeof (c->seller_id));
  c->occurred_at = store_get_int (r, i, "occurred_at");
  store_copy (r, i, "contact_ids", ids, sizeof (ids));
  for (char *save = NULL, *w = strtok_r (ids, ",", &save);
       NULL != w && c->n_contacts < SCORE_MAX_CALL_CONTACTS;
       w = strtok_r (NULL, ",", &save))
    snprintf (c->contact_ids[c->n_contacts++], SCORE_ID_LEN, "%s", w);
  c->channel = (enum score_channel) score_channel_from_name (
    store_get (r, i, "channel"));
  c->kind = (enum score_call_kind) score_call_kind_from_name (
    store_get (r, i, "kind"));
  c->duration_minutes = (int) store_get_int (r, i, "duration_minutes");
  c->seller_talk_ratio = store_get_double (r, i, "seller_talk_ratio");
  c->questions_asked = (int) store_get_int (r, i, "questions_asked");
  c->topics = (uint32_t) bits (store_get (r, i, "topics"),
                               score_topic_from_name);
  c->signals = bits (store_get (r, i, "signals"), score_signal_from_name);
  if (! store_isnull (r, i, "notes"))
  {
    c->notes = keep (d, store_get (r, i, "notes"));
    c->notes_len = strlen (c->notes);
  }
  c->next_step_agreed = store_get_bool (r, i, "next_step_agreed");
}

/** The speaker role of a turn (validated on the way in: anything else
    was not written by this service, and counts as someone else). */
static enum score_speaker_role
speaker_role (const char *name)
{
  int r = score_speaker_role_from_name (name);

  return r < 0 ? SCORE_SPEAKER_OTHER : (enum score_speaker_role) r;
}

/**
 * The call of @a calls whose id is @a id: looked for from @a from on (the
 * turns come in the calls' order), then before it (a call the two
 * statements saw differently), or -1.
 */
static long
find_call (const struct score_call *calls, size_t n, size_t from,
           const char *id)
{
  for (size_t k = 0; k < n; k++)
  {
    size_t at = (from + k) % n;

    if (0 == strcmp (calls[at].id, id))
      return (long) at;
  }
  return -1;
}

/**
 * Reads the rows of a TURN_COLUMNS result into d->turns, their speakers
 * and texts into d->turn_text, and points each of @a calls at its own:
 * every call's turns are one run of d->turns, in order.
 *
 * @return the number of turns read
 */
static size_t
read_turns (struct store_assess_data *d, const PGresult *r,
            struct score_call *calls, size_t n_calls)
{
  int n = PQntuples (r);
  int col_call = PQfnumber (r, "call_id"),
      col_speaker = PQfnumber (r, "speaker");
  int col_role = PQfnumber (r, "role"),
      col_contact = PQfnumber (r, "contact_id");
  int col_text = PQfnumber (r, "text");
  size_t bytes = 0, off = 0, at = 0;
  struct score_call *c = NULL;

  if (n <= 0 || 0 == n_calls)
    return 0;
  for (int i = 0; i < n; i++)
    bytes += (size_t) PQgetlength (r, i, col_speaker)
             + (size_t) PQgetlength (r, i, col_text) + 2;
  d->turns = util_calloc ((size_t) n, sizeof (struct score_turn));
  d->turn_text = util_malloc (bytes);
  for (int i = 0; i < n; i++)
  {
    struct score_turn *t = &d->turns[i];
    const char *call = PQgetvalue (r, i, col_call);

    if (NULL == c || 0 != strcmp (c->id, call))
    {
      long k = find_call (calls, n_calls, at, call);

      c = k < 0 ? NULL : &calls[k];
      at = k < 0 ? at : (size_t) k;
      if (NULL != c)
        c->turns = t;
    }
    t->speaker_len = (size_t) PQgetlength (r, i, col_speaker);
    t->speaker = memcpy (d->turn_text + off, PQgetvalue (r, i, col_speaker),
                         t->speaker_len + 1);
    off += t->speaker_len + 1;
    t->text_len = (size_t) PQgetlength (r, i, col_text);
    t->text = memcpy (d->turn_text + off, PQgetvalue (r, i, col_text),
                      t->text_len + 1);
    off += t->text_len + 1;
    score_strlcpy (t->contact_id, sizeof (t->contact_id),
                   PQgetvalue (r, i, col_contact));
    t->role = speaker_role (PQgetvalue (r, i, col_role));
    if (NULL != c)
      c->n_turns++;
  }
  return (size_t) n;
}

/** Reads row @a i of a CARD_COLUMNS result into @a c. */
static void
read_card (const PGresult *r, int i, struct score_report_card *c)
{
  char ratings[512];

  memset (c, 0, sizeof (*c));
  store_copy (r, i, "id", c->id, sizeof (c->id));
  store_copy (r, i, "contact_id", c->contact_id, sizeof (c->contact_id));
  store_copy (r, i, "seller_id", c->seller_id, sizeof (c->seller_id));
  c->received_at = store_get_int (r, i, "received_at");
  store_copy (r, i, "ratings", ratings, sizeof (ratings));
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
  c->recommend_score = (int) store_get_int (r, i, "recommend_score");
  c->improvements_requested = (int) store_get_int (r, i,
                                                   "improvements_requested");
  c->follow_up_done = store_get_bool (r, i, "follow_up_done");
}

/** Reads row @a i of assess.commitments into @a c. */
static void
read_commitment (const PGresult *r, int i, struct score_commitment *c)
{
  const char *status = store_get (r, i, "status");

  memset (c, 0, sizeof (*c));
  store_copy (r, i, "id", c->id, sizeof (c->id));
  store_copy (r, i, "seller_id", c->seller_id, sizeof (c->seller_id));
  c->made_at = store_get_int (r, i, "made_at");
  c->due_date = store_get_int (r, i, "due_date");
  c->status = 'k' == status[0]   ? SCORE_COMMITMENT_KEPT
              : 'b' == status[0] ? SCORE_COMMITMENT_BROKEN
                                 : SCORE_COMMITMENT_OPEN;
  c->resolved_at = store_get_int (r, i, "resolved_at");
}

/** Reads row @a i of assess.contacts into @a c. */
static void
read_contact (const PGresult *r, int i, struct score_contact *c)
{
  memset (c, 0, sizeof (*c));
  store_copy (r, i, "id", c->id, sizeof (c->id));
  store_copy (r, i, "name", c->name, sizeof (c->name));
  c->role = (enum score_role) score_role_from_name (store_get (r, i, "role"));
  c->influence = store_get_double (r, i, "influence");
}

/** Which rows a many-row statement reads into what. */
enum rows_kind
{
  ROWS_CONTACTS,
  ROWS_CALLS,
  ROWS_CARDS,
  ROWS_COMMITMENTS,
  ROWS_TURNS /**< the turns of the calls read just before */
};

/**
 * Reads every row of @a r into a new array of the @a kind's struct.
 *
 * @param[out] array the new array (NULL without rows)
 * @return the number of rows
 */
static size_t
read_rows (struct store_assess_data *d, const PGresult *r, enum rows_kind kind,
           void **array)
{
  static const size_t sizes[] = { sizeof (struct score_contact),
                                  sizeof (struct score_call),
                                  sizeof (struct score_report_card),
                                  sizeof (struct score_commitment) };
  int n = PQntuples (r);
  char *out;

  *array = NULL;
  if (n <= 0)
    return 0;
  if (ROWS_CONTACTS == kind)
    d->contacts_total = (size_t) store_get_int (r, 0, "total");
  out = util_calloc ((size_t) n, sizes[kind]);
  for (int i = 0; i < n; i++)
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
  *array = out;
  return (size_t) n;
}

/** The values documents behind an account's values fit, as rows
    (which: 0 account, 1 organization, 2 owner; kind: x present,
    p priority, a answer; key; value): $1 org, $2 account. */
static const struct store_statement values_sql = {
  "assess.values",
  "WITH docs AS (\n"
  "  SELECT 0 AS which, \"values\" AS doc\n"
  "    FROM account_values WHERE org_id = $1 AND account_id = $2\n"
  "  UNION ALL\n"
  "  SELECT 1, \"values\" FROM organization_values WHERE org_id = $1\n"
  "  UNION ALL\n"
  "  SELECT 2, s.\"values\"\n"
  "    FROM accounts a\n"
  "    JOIN sellers s ON s.org_id = a.org_id AND s.id = a.owner_id\n"
  "   WHERE a.org_id = $1 AND a.id = $2 AND s.\"values\" IS NOT NULL)\n"
  "SELECT which, 'x' AS kind, '' AS key, '' AS value FROM docs\n"
  "UNION ALL\n"
  "SELECT which, 'p', key, value\n"
  "  FROM docs, jsonb_each_text(coalesce(doc->'priorities', '{}'))\n"
  "UNION ALL\n"
  "SELECT which, 'a', key, value\n"
  "  FROM docs, jsonb_each_text(coalesce(doc->'answers', '{}'))",
};

/** Reads the three values documents (account, organization, owner). */
static void
read_values (struct store_assess_data *d, const PGresult *r, bool present[3])
{
  for (int i = 0; i < PQntuples (r); i++)
  {
    int which = (int) store_get_int (r, i, "which");
    char kind = store_get (r, i, "kind")[0];
    struct score_values *sv;

    if (which < 0 || which > 2)
      continue;
    sv = &d->values[which];
    present[which] = true;
    if ('p' == kind)
    {
      int value = score_value_from_name (store_get (r, i, "key"));

      if (value >= 0)
      {
        sv->has_priority[value] = true;
        sv->priorities[value] = store_get_double (r, i, "value");
      }
    }
    else if ('a' == kind && sv->n_answers < SCORE_MAX_ANSWERS)
    {
      sv->questions[sv->n_answers] = keep (d, store_get (r, i, "key"));
      sv->answers[sv->n_answers++] = keep (d, store_get (r, i, "value"));
    }
  }
}

/** What the engine reads of the account row: $1 org, $2 account. */
static const struct store_statement account_sql = {
  "assess.account",
  "SELECT coalesce(owner_id::text, '') AS owner_id,\n"
  "       coalesce(stage, 'customer') AS stage,\n"
  "       coalesce(purchase_stage, '') AS purchase_stage,\n"
  "       coalesce(annual_value, 0)::float8 AS annual_value,\n"
  "       coalesce(extract(epoch FROM renewal_date::timestamp)::bigint, 0)\n"
  "         AS renewal_date\n"
  "  FROM accounts\n"
  " WHERE org_id = $1 AND id = $2",
};

/** Reads the account row itself. */
static void
read_account_row (const PGresult *r, const char *account_id,
                  struct score_account *a)
{
  const char *stage = store_get (r, 0, "stage");
  const char *ps = store_get (r, 0, "purchase_stage");

  memset (a, 0, sizeof (*a));
  snprintf (a->id, sizeof (a->id), "%s", account_id);
  store_copy (r, 0, "owner_id", a->owner_id, sizeof (a->owner_id));
  a->stage = 'p' == stage[0]   ? SCORE_STAGE_PROSPECT
             : 'f' == stage[0] ? SCORE_STAGE_FORMER
                               : SCORE_STAGE_CUSTOMER;
  a->purchase_stage = 0 == strcmp (ps, "pre_purchase") ? SCORE_PURCHASE_PRE
                      : 0 == strcmp (ps, "purchase") ? SCORE_PURCHASE_PURCHASE
                      : 0 == strcmp (ps, "post_purchase")
                        ? SCORE_PURCHASE_POST
                        : SCORE_PURCHASE_NONE;
  a->annual_value = store_get_double (r, 0, "annual_value");
  a->renewal_date = store_get_int (r, 0, "renewal_date");
}

/** One many-row read of an assessment: what it runs and where it goes. */
struct rows_load
{
  const struct store_statement *st; /**< $1 org, $2 id, then $3 as_of and
                                         $4 the limit, or $3 the limit and
                                         $4 the contact in focus */
  enum rows_kind kind;              /**< what the rows are */
  void **array;                     /**< where they go (new) */
  size_t *n;                        /**< how many came */
  unsigned int limit;               /**< the most read */
  bool as_of;                       /**< cut at as_of ($3) */
};

/** The most statements one assessment reads together. */
#define MAX_LOADS 5

/**
 * Reads everything an assessment needs in one round trip: @a first (the
 * account or the seller: $1 org, $2 @a id), the @a n many-row reads of
 * @a loads, the values documents when @a present is not NULL, and the
 * organization's weights.
 *
 * @param focus the contact that must be among the contacts read, or NULL
 * @param[out] head @a first's result when it found a row (caller
 *             PQclears)
 * @return STORE_QS_ONE, STORE_QS_NO_RESULTS when @a first found nothing,
 *         or an error
 */
static enum store_qs
load_together (struct store_conn *c, struct store_assess_data *d,
               const char *org_id, const char *id, const char *as_of,
               const char *focus, const struct store_statement *first,
               const struct rows_load *loads, unsigned int n, bool present[3],
               PGresult **head)
{
  const char *v[] = { org_id, id };
  char lim[MAX_LOADS][16];
  const char *lv[MAX_LOADS][4];
  struct store_query q[MAX_LOADS + 3];
  unsigned int k = 0;
  enum store_qs qs;

  q[k++] = (struct store_query){ first, 2, v, NULL };
  for (unsigned int i = 0; i < n && i < MAX_LOADS; i++)
  {
    snprintf (lim[i], sizeof (lim[i]), "%u", loads[i].limit);
    lv[i][0] = org_id;
    lv[i][1] = id;
    lv[i][2] = loads[i].as_of ? as_of : lim[i];
    lv[i][3] = loads[i].as_of ? lim[i] : focus;
    q[k++] = (struct store_query){ loads[i].st, 4, lv[i], NULL };
  }
  if (NULL != present)
    q[k++] = (struct store_query){ &values_sql, 2, v, NULL };
  q[k++] = (struct store_query){ &store_weights_get_sql, 1, v, NULL };
  if ((qs = store_exec_all (c, q, k)) < 0)
    return qs;
  qs = STORE_QS_NO_RESULTS;
  if (PQntuples (q[0].res) > 0)
  {
    struct score_call *calls = NULL;
    size_t n_calls = 0;

    *head = q[0].res;
    q[0].res = NULL;
    for (unsigned int i = 0; i < n && i < MAX_LOADS; i++)
    {
      if (ROWS_TURNS == loads[i].kind)
        *loads[i].n = read_turns (d, q[1 + i].res, calls, n_calls);
      else
        *loads[i].n = read_rows (d, q[1 + i].res, loads[i].kind,
                                 loads[i].array);
      if (ROWS_CALLS == loads[i].kind)
      {
        calls = *loads[i].array;
        n_calls = *loads[i].n;
      }
    }
    if (NULL != present)
      read_values (d, q[k - 2].res, present);
    store_weights_read (q[k - 1].res, &d->weights, &d->weights_version);
    qs = STORE_QS_ONE;
  }
  for (unsigned int i = 0; i < k; i++)
    PQclear (q[i].res);
  return qs;
}

enum store_qs
store_assess_load_account (struct store_conn *c, const char *org_id,
                           const char *account_id, const char *focus_contact,
                           const char *as_of,
                           const struct store_assess_limits *limits,
                           struct store_assess_data *d)
{
  struct score_account_input *in = &d->account_in;
  const struct rows_load loads[] = {
    { &contacts_sql, ROWS_CONTACTS, (void **) &d->contacts, &in->n_contacts,
      SCORE_MAX_CONTACTS, false },
    { &calls_sql, ROWS_CALLS, (void **) &d->calls, &in->n_calls, limits->calls,
      true },
    { &turns_sql, ROWS_TURNS, (void **) &d->turns, &d->n_turns, limits->calls,
      true },
    { &cards_sql, ROWS_CARDS, (void **) &d->cards, &in->n_cards, limits->cards,
      true },
    { &commitments_sql, ROWS_COMMITMENTS, (void **) &d->commitments,
      &in->n_commitments, limits->commitments, true },
  };
  bool present[3] = { false, false, false };
  PGresult *head = NULL;
  enum store_qs qs;

  memset (d, 0, sizeof (*d));
  qs = load_together (c, d, org_id, account_id, as_of, focus_contact,
                      &account_sql, loads, 5, present, &head);
  if (qs <= 0)
    return qs;
  read_account_row (head, account_id, &d->account);
  PQclear (head);
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

/** Whether a seller exists: $1 org, $2 seller. */
static const struct store_statement seller_exists_sql = {
  "sellers.exists",
  "SELECT 1 AS found FROM sellers WHERE org_id = $1 AND id = $2",
};

enum store_qs
store_assess_load_seller (struct store_conn *c, const char *org_id,
                          const char *seller_id, const char *as_of,
                          const struct store_assess_limits *limits,
                          struct store_assess_data *d)
{
  struct score_seller_input *in = &d->seller_in;
  const struct rows_load loads[] = {
    { &seller_calls_sql, ROWS_CALLS, (void **) &d->calls, &in->n_calls,
      limits->calls, true },
    { &seller_turns_sql, ROWS_TURNS, (void **) &d->turns, &d->n_turns,
      limits->calls, true },
    { &seller_cards_sql, ROWS_CARDS, (void **) &d->cards, &in->n_cards,
      limits->cards, true },
  };
  PGresult *head = NULL;
  enum store_qs qs;

  memset (d, 0, sizeof (*d));
  qs = load_together (c, d, org_id, seller_id, as_of, NULL, &seller_exists_sql,
                      loads, 3, NULL, &head);
  if (qs <= 0)
    return qs;
  PQclear (head);
  snprintf (in->seller_id, sizeof (in->seller_id), "%s", seller_id);
  in->calls = d->calls;
  in->cards = d->cards;
  return STORE_QS_ONE;
}

/** The account of a contact: $1 org, $2 contact. */
static const struct store_statement contact_account_sql = {
  "contacts.account",
  "SELECT account_id::text AS account_id\n"
  "  FROM contacts\n"
  " WHERE org_id = $1 AND id = $2",
};

enum store_qs
store_contact_account (struct store_conn *c, const char *org_id,
                       const char *contact_id, char account_id[37])
{
  const char *v[] = { org_id, contact_id };
  PGresult *r;
  enum store_qs qs = store_exec (c, &contact_account_sql, 2, v, &r);

  if (qs > 0)
  {
    store_copy (r, 0, "account_id", account_id, 37);
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
  free (d->turns);
  free (d->turn_text);
  free (d->cards);
  free (d->commitments);
  free (d->weights);
  memset (d, 0, sizeof (*d));
}

const struct store_statement *const store_assessments_statements[] = {
  &account_sql,
  &contacts_sql,
  &calls_sql,
  &cards_sql,
  &commitments_sql,
  &values_sql,
  &turns_sql,
  &seller_calls_sql,
  &seller_turns_sql,
  &seller_cards_sql,
  &seller_exists_sql,
  &contact_account_sql,
  NULL,
};
