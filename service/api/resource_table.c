/**
 * @file resource_table.c
 * @brief Every resource of the brief, described once: columns with their
 *        storage, validation and references; filters; cross-field rules.
 *        Vocabularies (signals, topics, roles, ...) come from the scoring
 *        engine's name tables, so the API accepts exactly what it reads.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "svc/resource.h"
#include "svc/score.h"
#include "svc/util.h"

/* ------------------------------------------------------- vocabularies -- */

#define VOCAB(name, count, fn) \
  static const char *name[(count) + 1]; \
  static void name##_fill (void) \
  { \
    for (int i = 0; i < (count); i++) \
      name[i] = fn (i); \
    name[count] = NULL; \
  }

VOCAB (signals, SCORE_SIG_COUNT, score_signal_name)
VOCAB (topics, SCORE_TOPIC_COUNT, score_topic_name)
VOCAB (roles, SCORE_ROLE_COUNT, score_role_name)
VOCAB (channels, SCORE_CHANNEL_COUNT, score_channel_name)
VOCAB (kinds, SCORE_KIND_COUNT, score_call_kind_name)
VOCAB (speaker_roles, SCORE_SPEAKER_COUNT, score_speaker_role_name)
VOCAB (value_names, SCORE_VALUE_COUNT, score_value_name)

static const char *const stages[] = { "prospect", "customer", "former", NULL };
static const char *const purchase_stages[] = { "pre_purchase", "purchase",
                                               "post_purchase", NULL };
static const char *const statuses[] = { "open", "kept", "broken", NULL };

#define STR(n, req, lo, hi) \
  { \
    n, JSPEC_STRING, req, lo, hi \
  }
#define EXTERNAL_ID \
  { \
    STR ("external_id", false, 1, 255), RES_TEXT \
  }
#define UPDATED_SINCE \
  { \
    "updated_since", "updated_at", RES_GE, \
    { \
      "", JSPEC_TIMESTAMP \
    } \
  }

/* ------------------------------------------------------------- values -- */

static const struct jspec_field values_fields[] = {
  { "priorities", JSPEC_MAP, false, 0, 0, 0, 1, value_names, JSPEC_NUMBER,
    SCORE_VALUE_COUNT },
  { "answers", JSPEC_MAP, false, 0, 5000, .item = JSPEC_STRING,
    .max_items = SCORE_MAX_ANSWERS },
};

const struct jspec_spec resources_values_spec = { values_fields, 2, NULL };

/* ----------------------------------------------------------- accounts -- */

static const struct res_column account_columns[] = {
  { STR ("name", true, 1, 200), RES_TEXT },
  EXTERNAL_ID,
  { STR ("industry", false, 1, 200), RES_TEXT },
  { { "owner_id", JSPEC_UUID }, RES_UUID, RES_REF_SELLER },
  { { "stage", JSPEC_ENUM, .choices = stages }, RES_TEXT },
  { { "purchase_stage", JSPEC_ENUM, .choices = purchase_stages }, RES_TEXT },
  { { "annual_value", JSPEC_NUMBER, .min = 0, .max = 1e13 }, RES_MONEY },
  { { "currency", JSPEC_CURRENCY }, RES_TEXT },
  { { "renewal_date", JSPEC_DATE }, RES_DATE },
};

static const struct res_filter account_filters[] = {
  { "stage", "stage", RES_EQ, { "", JSPEC_ENUM, .choices = stages } },
  { "owner_id", "owner_id", RES_EQ, { "", JSPEC_UUID } },
  { "q", "name", RES_ILIKE, STR ("", false, 1, 200) },
  UPDATED_SINCE,
};

/** annual_value is money: it needs its currency. */
static unsigned int
account_check (const json_t *obj, const char *prefix, json_t *errors)
{
  json_t *v = json_object_get (obj, "annual_value");
  json_t *c = json_object_get (obj, "currency");

  if (NULL == v || json_is_null (v) || (NULL != c && ! json_is_null (c)))
    return 0;
  jspec_error (errors, prefix, "currency",
               "is required when annual_value is set");
  return 1;
}

struct resource res_accounts = {
  .name = "accounts",
  .table = "accounts",
  .path = "/v1/accounts",
  .external_id = true,
  .order_column = "created_at",
  .columns = account_columns,
  .n_columns = 9,
  .filters = account_filters,
  .n_filters = 4,
  .not_found = SVC_EC_ACCOUNT_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
  .check = account_check,
};

/* ------------------------------------------------------------ sellers -- */

static const struct res_column seller_columns[] = {
  { STR ("name", true, 1, 200), RES_TEXT },
  { { "email", JSPEC_EMAIL }, RES_TEXT },
  EXTERNAL_ID,
  { { "values", JSPEC_OBJECT, .nested = &resources_values_spec }, RES_JSONB },
};

static const struct res_filter seller_filters[] = {
  { "q", "name", RES_ILIKE, STR ("", false, 1, 200) },
  UPDATED_SINCE,
};

struct resource res_sellers = {
  .name = "sellers",
  .table = "sellers",
  .path = "/v1/sellers",
  .external_id = true,
  .order_column = "created_at",
  .columns = seller_columns,
  .n_columns = 4,
  .filters = seller_filters,
  .n_filters = 2,
  .not_found = SVC_EC_SELLER_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
};

/* ----------------------------------------------------------- contacts -- */

static const struct res_column contact_columns[] = {
  { STR ("name", true, 1, 200), RES_TEXT },
  { STR ("title", false, 1, 200), RES_TEXT },
  { { "email", JSPEC_EMAIL }, RES_TEXT },
  { { "role", JSPEC_ENUM, .choices = roles }, RES_TEXT },
  { { "influence", JSPEC_NUMBER, .min = 0, .max = 1 },
    RES_FLOAT,
    .def = "0.5" },
  EXTERNAL_ID,
};

static const struct res_filter contact_filters[] = {
  { "role", "role", RES_EQ, { "", JSPEC_ENUM, .choices = roles } },
  { "q", "name", RES_ILIKE, STR ("", false, 1, 200) },
  UPDATED_SINCE,
};

struct resource res_contacts = {
  .name = "contacts",
  .table = "contacts",
  .path = "/v1/contacts",
  .under_account = true,
  .external_id = true,
  .order_column = "created_at",
  .columns = contact_columns,
  .n_columns = 6,
  .filters = contact_filters,
  .n_filters = 3,
  .not_found = SVC_EC_CONTACT_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
};

/* -------------------------------------------------------------- calls -- */

/* A transcript's turns: who spoke (as the transcript labels them), on
   which side (enum score_speaker_role), the contact when known, and what
   they said. */

static const struct jspec_field turn_fields[] = {
  STR ("speaker", true, 1, 200),
  { "role", JSPEC_ENUM, true, .choices = speaker_roles },
  { "contact_id", JSPEC_UUID },
  STR ("text", true, 0, 20000),
};

static const struct jspec_spec turn_spec = { turn_fields, 4, NULL };

/** The most characters of text a transcript's turns hold together: a
    two-hour call, well within the 1 MiB body, and a bound on what an
    assessment reads of each call. */
#define TRANSCRIPT_TEXT_MAX 100000

/** A transcript holds at most TRANSCRIPT_TEXT_MAX characters of text. */
static unsigned int
call_check (const json_t *obj, const char *prefix, json_t *errors)
{
  json_t *turns = json_object_get (obj, "transcript");
  size_t i, total = 0;
  json_t *turn;
  char msg[128];

  json_array_foreach (turns, i, turn)
  {
    json_t *text = json_object_get (turn, "text");
    long n = json_is_string (text)
               ? util_utf8_length (json_string_value (text),
                                   json_string_length (text))
               : 0;

    total += n > 0 ? (size_t) n : 0;
  }
  if (total <= TRANSCRIPT_TEXT_MAX)
    return 0;
  snprintf (msg, sizeof (msg),
            "must hold at most %d characters of text over all its turns, "
            "not %zu",
            TRANSCRIPT_TEXT_MAX, total);
  jspec_error (errors, prefix, "transcript", msg);
  return 1;
}

/** Contact ids in turns are stored in lower case, as PostgreSQL writes a
    uuid column: the same id reads the same everywhere, and the engine and
    the contact deletion (migrations/0009) compare them as text. */
static void
call_complete (json_t *obj)
{
  json_t *turns = json_object_get (obj, "transcript");
  size_t i;
  json_t *turn;

  json_array_foreach (turns, i, turn)
  {
    const char *id = json_string_value (json_object_get (turn, "contact_id"));
    char canon[37];

    if (NULL == id || strlen (id) >= sizeof (canon))
      continue;
    memcpy (canon, id, strlen (id) + 1);
    util_uuid_canonical (canon);
    json_object_set_new (turn, "contact_id", json_string (canon));
  }
}

static const struct res_column call_columns[] = {
  { { "occurred_at", JSPEC_TIMESTAMP, true }, RES_TS },
  { { "seller_id", JSPEC_UUID }, RES_UUID, RES_REF_SELLER },
  { { "contact_ids", JSPEC_ARRAY, .item = JSPEC_UUID,
      .max_items = SCORE_MAX_CALL_CONTACTS },
    RES_UUID_ARRAY,
    RES_REF_CONTACTS,
    "[]" },
  { { "channel", JSPEC_ENUM, .choices = channels }, RES_TEXT },
  { { "kind", JSPEC_ENUM, .choices = kinds }, RES_TEXT },
  { { "duration_minutes", JSPEC_INTEGER, .min = 0, .max = 1440 }, RES_INT },
  { { "seller_talk_ratio", JSPEC_NUMBER, .min = 0, .max = 1 }, RES_FLOAT },
  { { "questions_asked", JSPEC_INTEGER, .min = 0, .max = 10000 }, RES_INT },
  { { "topics", JSPEC_ARRAY, .item = JSPEC_ENUM, .choices = topics,
      .max_items = SCORE_TOPIC_COUNT },
    RES_TEXT_ARRAY,
    .def = "[]" },
  { { "signals", JSPEC_ARRAY, .item = JSPEC_ENUM, .choices = signals,
      .max_items = SCORE_SIG_COUNT },
    RES_TEXT_ARRAY,
    .def = "[]" },
  { STR ("notes", false, 0, 20000), RES_TEXT },
  { { "transcript", JSPEC_ARRAY, .item = JSPEC_OBJECT,
      .max_items = SCORE_MAX_TURNS, .nested = &turn_spec, .repeats = true },
    RES_JSONB,
    RES_REF_ITEM_CONTACTS },
  { STR ("next_step", false, 0, 2000), RES_TEXT },
  { { "next_step_agreed", JSPEC_BOOL }, RES_BOOL },
  EXTERNAL_ID,
};

static const struct res_filter call_filters[] = {
  { "since", "occurred_at", RES_GE, { "", JSPEC_TIMESTAMP } },
  { "until", "occurred_at", RES_LT, { "", JSPEC_TIMESTAMP } },
  { "seller_id", "seller_id", RES_EQ, { "", JSPEC_UUID } },
  { "contact_id", "contact_ids", RES_CONTAINS, { "", JSPEC_UUID } },
  UPDATED_SINCE,
};

struct resource res_calls = {
  .name = "calls",
  .table = "calls",
  .path = "/v1/calls",
  .under_account = true,
  .listed_across = true,
  .external_id = true,
  .order_column = "occurred_at",
  .columns = call_columns,
  .n_columns = 15,
  .filters = call_filters,
  .n_filters = 5,
  .not_found = SVC_EC_CALL_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
  .check = call_check,
  .complete = call_complete,
};

/* ------------------------------------------------------- report cards -- */

#define RATING(n, req) \
  { \
    n, JSPEC_INTEGER, req, .min = 1, .max = 5 \
  }

static const struct jspec_field rating_fields[] = {
  RATING ("responsiveness", false),     RATING ("product_knowledge", false),
  RATING ("industry_insight", false),   RATING ("promises_kept", false),
  RATING ("problem_resolution", false), RATING ("communication", false),
  RATING ("value_for_money", false),    RATING ("overall", true),
};

static const struct jspec_spec ratings_spec = { rating_fields, 8, NULL };

static const struct res_column card_columns[] = {
  { { "received_at", JSPEC_TIMESTAMP, true }, RES_TS },
  { { "contact_id", JSPEC_UUID }, RES_UUID, RES_REF_CONTACT },
  { { "seller_id", JSPEC_UUID }, RES_UUID, RES_REF_SELLER },
  { { "ratings", JSPEC_OBJECT, true, .nested = &ratings_spec }, RES_JSONB },
  { { "recommend_score", JSPEC_INTEGER, .min = 0, .max = 10 }, RES_INT },
  { STR ("comments", false, 0, 20000), RES_TEXT },
  { { "improvements_requested", JSPEC_ARRAY, false, 1, 500,
      .item = JSPEC_STRING, .max_items = 50 },
    RES_TEXT_ARRAY,
    .def = "[]" },
  { { "follow_up_done", JSPEC_BOOL }, RES_BOOL },
  EXTERNAL_ID,
};

static const struct res_filter card_filters[] = {
  { "since", "received_at", RES_GE, { "", JSPEC_TIMESTAMP } },
  { "until", "received_at", RES_LT, { "", JSPEC_TIMESTAMP } },
  { "seller_id", "seller_id", RES_EQ, { "", JSPEC_UUID } },
  { "contact_id", "contact_id", RES_EQ, { "", JSPEC_UUID } },
  UPDATED_SINCE,
};

struct resource res_report_cards = {
  .name = "report_cards",
  .table = "report_cards",
  .path = "/v1/report-cards",
  .under_account = true,
  .external_id = true,
  .order_column = "received_at",
  .columns = card_columns,
  .n_columns = 9,
  .filters = card_filters,
  .n_filters = 5,
  .not_found = SVC_EC_REPORT_CARD_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
};

/* -------------------------------------------------------- commitments -- */

static const struct res_column commitment_columns[] = {
  { STR ("description", true, 1, 2000), RES_TEXT },
  { { "made_at", JSPEC_TIMESTAMP, true }, RES_TS },
  { { "due_date", JSPEC_DATE }, RES_DATE },
  { { "status", JSPEC_ENUM, .choices = statuses },
    RES_TEXT,
    .def = "\"open\"" },
  { { "resolved_at", JSPEC_TIMESTAMP }, RES_TS },
  { { "seller_id", JSPEC_UUID }, RES_UUID, RES_REF_SELLER },
  EXTERNAL_ID,
};

static const struct res_filter commitment_filters[] = {
  { "status", "status", RES_EQ, { "", JSPEC_ENUM, .choices = statuses } },
  { "seller_id", "seller_id", RES_EQ, { "", JSPEC_UUID } },
  UPDATED_SINCE,
};

/** An open promise has no resolution date. */
static unsigned int
commitment_check (const json_t *obj, const char *prefix, json_t *errors)
{
  const char *status = json_string_value (json_object_get (obj, "status"));
  json_t *resolved = json_object_get (obj, "resolved_at");

  if ((NULL == status || 0 == strcmp (status, "open")) && NULL != resolved
      && ! json_is_null (resolved))
  {
    jspec_error (errors, prefix, "resolved_at",
                 "must be null while status is open");
    return 1;
  }
  return 0;
}

/** A promise kept or broken is resolved now unless told when. */
static void
commitment_complete (json_t *obj)
{
  const char *status = json_string_value (json_object_get (obj, "status"));
  json_t *resolved = json_object_get (obj, "resolved_at");
  char now[32];
  time_t t = time (NULL);
  struct tm tm;

  if (NULL == status || 0 == strcmp (status, "open")
      || (NULL != resolved && ! json_is_null (resolved)))
    return;
  gmtime_r (&t, &tm);
  strftime (now, sizeof (now), "%Y-%m-%dT%H:%M:%SZ", &tm);
  json_object_set_new (obj, "resolved_at", json_string (now));
}

struct resource res_commitments = {
  .name = "commitments",
  .table = "commitments",
  .path = "/v1/commitments",
  .under_account = true,
  .external_id = true,
  .order_column = "made_at",
  .columns = commitment_columns,
  .n_columns = 7,
  .filters = commitment_filters,
  .n_filters = 3,
  .not_found = SVC_EC_COMMITMENT_NOT_FOUND,
  .external_id_taken = SVC_EC_EXTERNAL_ID_TAKEN,
  .check = commitment_check,
  .complete = commitment_complete,
};

/* -------------------------------------------------------------- table -- */

static struct resource *const all[] = {
  &res_accounts, &res_sellers,      &res_contacts,
  &res_calls,    &res_report_cards, &res_commitments,
};

#define N_RESOURCES (sizeof (all) / sizeof (all[0]))

void
resources_init (void)
{
  static const char *const read_only[] = { "id",         "account_id",
                                           "created_at", "updated_at",
                                           "version",    NULL };
  static struct jspec_field fields[N_RESOURCES][16];

  signals_fill ();
  topics_fill ();
  roles_fill ();
  channels_fill ();
  kinds_fill ();
  speaker_roles_fill ();
  value_names_fill ();
  for (unsigned int i = 0; i < N_RESOURCES; i++)
  {
    struct resource *r = all[i];

    for (unsigned int k = 0; k < r->n_columns; k++)
      fields[i][k] = r->columns[k].spec;
    r->spec = (struct jspec_spec){ fields[i], r->n_columns, read_only };
    r->index = (int) i;
  }
}

struct resource *const *
resources_table (unsigned int *n)
{
  *n = N_RESOURCES;
  return all;
}

const struct resource *
resources_find (const char *name)
{
  for (unsigned int i = 0; i < N_RESOURCES; i++)
    if (0 == strcmp (all[i]->name, name))
      return all[i];
  return NULL;
}
