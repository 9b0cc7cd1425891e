/**
 * @file assessments.c
 * @brief The assessments: a contact's orientation, an account's
 *        orientation, pillars, buyer risk and values fit, a seller's
 *        approach.  Data is read in one transaction, scored after it by the
 *        pure engine, and rendered with every number's evidence and every
 *        conclusion's guidance.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/metrics.h"
#include "svc/model.h"
#include "svc/score.h"
#include "svc/util.h"

/** A number rounded to 3 decimals, as JSON. */
static json_t *
num (double v)
{
  return json_real (api_round3 (v));
}

double
api_round3 (double v)
{
  return round (v * 1000.0) / 1000.0;
}

/** A borrowed string, or JSON null. */
static json_t *
str_or_null (const char *s)
{
  return (NULL != s && '\0' != s[0]) ? json_string (s) : json_null ();
}

/** A Unix time as RFC 3339, or null for 0. */
static json_t *
when (int64_t t)
{
  char buf[32];

  if (0 == t)
    return json_null ();
  util_epoch_timestamp (t, buf);
  return json_string (buf);
}

/** The evidence behind a number: what, when, which signal or words. */
static json_t *
evidence_json (const struct score_evidence_list *l)
{
  json_t *a = json_array ();

  for (size_t i = 0; i < l->n; i++)
  {
    const struct score_evidence *e = &l->items[i];
    json_t *o = json_pack ("{s:s, s:o, s:o, s:s, s:o}", "source",
                           score_source_name (e->source), "id",
                           str_or_null (e->source_id), "at", when (e->at),
                           "signal", e->signal, "weight", num (e->weight));

    if ('\0' != e->excerpt[0])
      json_object_set_new (o, "excerpt", json_string (e->excerpt));
    json_array_append_new (a, o);
  }
  return a;
}

/** An orientation result: scores, primary, confidence, evidence, guidance. */
static json_t *
orientation_json (const struct score_orientation_result *r)
{
  json_t *scores = json_object ();

  for (int i = 0; i < SCORE_ORIENTATION_COUNT; i++)
    json_object_set_new (scores, score_orientation_name (i),
                         num (r->scores[i]));
  return json_pack ("{s:o, s:o, s:o, s:i, s:o, s:I, s:o}", "scores", scores,
                    "primary",
                    SCORE_ORIENTATION_NONE == r->primary
                      ? json_null ()
                      : json_string (score_orientation_name (r->primary)),
                    "confidence", num (r->confidence), "independent_evidence",
                    (int) r->independent_evidence, "evidence",
                    evidence_json (&r->evidence), "evidence_total",
                    (json_int_t) r->evidence.total, "guidance",
                    str_or_null (r->guidance));
}

/**
 * Reads `as_of` (a timestamp, or a date meaning the end of that day);
 * default now.  Adds to the request's query errors and returns false when
 * it is malformed.
 */
static bool
parse_as_of (struct http_request *req, char text[40], int64_t *epoch)
{
  const char *q = http_query (req, "as_of");

  if (NULL == q)
  {
    *epoch = (int64_t) time (NULL);
    util_epoch_timestamp (*epoch, text);
    return true;
  }
  if (util_parse_as_of (q, text, epoch))
    return true;
  api_param_error (http_query_errors (req), "as_of",
                   "must be an RFC 3339 timestamp or a date (YYYY-MM-DD) in "
                   "the years 1000 to 9999");
  return false;
}

/** Transaction context of an assessment read. */
struct assess_ctx
{
  struct http_request *req;
  const char *id;      /**< the contact, account or seller */
  char account_id[37]; /**< the account read */
  char as_of[40];
  int64_t as_of_epoch;
  bool seller;             /**< read a seller's history */
  bool explain;            /**< ?explain=1: add how each call was read */
  bool contact;            /**< find the contact's account first */
  struct history *history; /**< the steps of a history request, or NULL */
  struct store_assess_data data;
};

static void parse_history (struct http_request *req, struct assess_ctx *ac,
                           struct history *h);

struct store_assess_limits
api_assess_limits (void)
{
  struct score_limits l = score_model_limits (http_service.model);

  return (struct store_assess_limits){ l.max_calls, l.max_cards,
                                       l.max_commitments };
}

/** Transaction: load what the assessment reads (scored afterwards). */
static enum store_qs
load_tx (void *cls, struct store_conn *conn)
{
  struct assess_ctx *ac = cls;
  const char *org = ac->req->auth.org_id;
  struct store_assess_limits lim = api_assess_limits ();
  enum svc_ec missing = ac->seller    ? SVC_EC_SELLER_NOT_FOUND
                        : ac->contact ? SVC_EC_CONTACT_NOT_FOUND
                                      : SVC_EC_ACCOUNT_NOT_FOUND;
  enum store_qs qs = STORE_QS_ONE;

  store_assess_free (&ac->data);
  if (ac->contact)
    qs = store_contact_account (conn, org, ac->id, ac->account_id);
  else
    snprintf (ac->account_id, sizeof (ac->account_id), "%s", ac->id);
  if (qs > 0)
    qs = ac->seller ? store_assess_load_seller (conn, org, ac->id, ac->as_of,
                                                &lim, &ac->data)
                    : store_assess_load_account (conn, org, ac->account_id,
                                                 ac->contact ? ac->id : NULL,
                                                 ac->as_of, &lim, &ac->data);
  if (0 == qs)
  {
    http_reply_error (ac->req, missing, NULL);
    return STORE_QS_ROLLBACK;
  }
  return qs;
}

/**
 * Reads the data of @a ac in a transaction.
 *
 * @return true when it is loaded; false with a reply set
 */
static bool
load (struct http_request *req, struct assess_ctx *ac)
{
  ac->req = req;
  ac->id = req->params[0];
  if (! api_id_param (req, 0,
                      ac->seller    ? SVC_EC_SELLER_NOT_FOUND
                      : ac->contact ? SVC_EC_CONTACT_NOT_FOUND
                                    : SVC_EC_ACCOUNT_NOT_FOUND))
    return false;
  if (NULL != ac->history)
    parse_history (req, ac, ac->history);
  else
    parse_as_of (req, ac->as_of, &ac->as_of_epoch);
  if (! http_query_ok (req))
    return false;
  api_run (req, &load_tx, ac);
  return 0 == req->status;
}

/** Most calls ?explain=1 shows (the newest), so that a reply stays
    bounded whatever the account holds. */
#define EXPLAIN_CALLS 20

/** Reads ?explain= (1/true or 0/false); a bad value is a query error. */
static bool
parse_explain (struct http_request *req)
{
  const char *q = http_query (req, "explain");

  if (NULL == q || 0 == strcmp (q, "0") || 0 == strcmp (q, "false"))
    return false;
  if (0 == strcmp (q, "1") || 0 == strcmp (q, "true"))
    return true;
  api_param_error (http_query_errors (req), "explain",
                   "must be 1, true, 0 or false");
  return false;
}

/** Names of the reasons in @a bits, as a JSON array. */
static json_t *
reasons_json (unsigned bits)
{
  json_t *a = json_array ();

  for (unsigned b = 1; b <= SCORE_READ_LAST; b <<= 1)
    if ((bits & b) && NULL != score_read_reason_name (b))
      json_array_append_new (a, json_string (score_read_reason_name (b)));
  return a;
}

/** One call's reading as JSON. */
static json_t *
call_reading_json (const struct score_call *c,
                   const struct score_call_reading *r)
{
  static const char *const speakers[] = { "note", "buyer", "seller", "other",
                                          "record" };
  json_t *spans = json_array ();
  json_t *cues = json_array ();
  json_t *o;

  for (size_t i = 0; i < r->n_spans; i++)
    json_array_append_new (
      spans, json_pack ("{s:s, s:I, s:I}", "kind",
                        score_boilerplate_name (r->spans[i].kind), "start",
                        (json_int_t) r->spans[i].start, "end",
                        (json_int_t) r->spans[i].end));
  for (size_t i = 0; i < r->n_cues; i++)
  {
    const struct score_reading_cue *q = &r->cues[i];
    int sp = (q->speaker >= 0 && q->speaker <= 4) ? q->speaker : 0;

    json_array_append_new (
      cues, json_pack ("{s:s, s:s, s:b, s:o, s:s, s:o}", "cue", q->cue,
                       "excerpt", q->excerpt, "counted", q->counted,
                       "set_aside_because", reasons_json (q->reasons),
                       "speaker", speakers[sp], "contact_id",
                       (q->contact >= 0 && (size_t) q->contact < c->n_contacts)
                         ? json_string (c->contact_ids[q->contact])
                         : json_null ()));
  }
  o = json_pack ("{s:s, s:o, s:I, s:o, s:I, s:I}", "call_id", c->id,
                 "boilerplate", spans, "boilerplate_total",
                 (json_int_t) r->spans_total, "cues", cues, "cues_total",
                 (json_int_t) r->cues_total, "speaker_turns",
                 (json_int_t) r->speakers);
  json_object_set_new (o, "derived_from_turns",
                       r->turn_talk >= 0
                         ? json_pack ("{s:o, s:i}", "seller_talk_ratio",
                                      num (r->turn_talk), "questions_asked",
                                      r->turn_questions)
                         : json_null ());
  return o;
}

/**
 * How the engine read the newest EXPLAIN_CALLS counted calls (of a
 * contact when @a contact_id is set): boilerplate set aside, speakers,
 * every cue and why it did or did not count.
 */
static json_t *
reading_json (const struct assess_ctx *ac, const struct score_model *m,
              const char *contact_id)
{
  const struct score_account_input *in = &ac->data.account_in;
  size_t pick[EXPLAIN_CALLS];
  size_t n = 0;
  size_t total = 0;
  json_t *calls = json_array ();
  struct score_call_reading *r = util_calloc (1, sizeof (*r));

  for (size_t i = 0; i < in->n_calls; i++)
  {
    const struct score_call *c = &in->calls[i];
    bool attended = NULL == contact_id;
    size_t k;

    for (size_t j = 0; j < c->n_contacts && ! attended; j++)
      attended = 0 == strcmp (c->contact_ids[j], contact_id);
    if (! attended || c->occurred_at > ac->as_of_epoch)
      continue;
    total++;
    /* keep the newest EXPLAIN_CALLS, newest first */
    k = n;
    while (k > 0 && in->calls[pick[k - 1]].occurred_at < c->occurred_at)
      k--;
    if (k >= EXPLAIN_CALLS)
      continue;
    if (n < EXPLAIN_CALLS)
      n++;
    memmove (&pick[k + 1], &pick[k], (n - 1 - k) * sizeof (pick[0]));
    pick[k] = i;
  }
  for (size_t k = 0; k < n; k++)
    if (SCORE_OK
        == score_read_call (m, in, &in->calls[pick[k]], api_scratch (), r))
      json_array_append_new (calls,
                             call_reading_json (&in->calls[pick[k]], r));
  free (r);
  return json_pack ("{s:o, s:I}", "calls", calls, "calls_total",
                    (json_int_t) total);
}

/** The common head of every assessment: what, when, which model. */
static json_t *
head (const char *key, const char *id, const char *as_of,
      const struct score_model *m)
{
  return json_pack ("{s:s, s:s, s:s}", key, id, "as_of", as_of,
                    "model_version", score_model_version (m));
}

/**
 * A weak entity tag of an assessment: a digest of everything it says but
 * the instant it was asked for ("as_of", "to": the request's own, "now"
 * by default), so it changes with the data, the weights and the model
 * version, and a client polling the same account gets 304 until then.
 *
 * @param body the assessment
 * @param[out] out W/"<32 hex>"
 */
static void
assessment_etag (const json_t *body, char out[40])
{
  json_t *said = json_copy ((json_t *) body);
  char *text;
  uint8_t digest[32];
  char hex[33];

  json_object_del (said, "as_of");
  json_object_del (said, "to");
  text = json_dumps (said, JSON_COMPACT | JSON_PRESERVE_ORDER
                             | JSON_REAL_PRECISION (15));
  json_decref (said);
  util_sha256 (NULL != text ? text : "", NULL != text ? strlen (text) : 0,
               digest);
  free (text);
  util_hex (digest, 16, hex);
  snprintf (out, 40, "W/\"%s\"", hex);
}

/**
 * Scores the loaded data with @a m and renders the assessment.
 *
 * @return the body (new), or NULL when the engine refused the input
 */
typedef json_t *(*scorer) (const struct assess_ctx *ac,
                           const struct score_model *m, unsigned int parts);

/**
 * Every assessment: load in a transaction, score with the organization's
 * model on this thread's scratch, reply, free.
 */
static int
assess (struct http_request *req, struct assess_ctx *ac, scorer score,
        unsigned int parts)
{
  struct api_model m;
  json_t *body;

  if (! load (req, ac))
  {
    store_assess_free (&ac->data);
    return 0;
  }
  api_model_get (req->auth.org_id, ac->data.weights, ac->data.weights_version,
                 &m);
  body = score (ac, m.model, parts);
  if (NULL != body)
  {
    char tag[40];

    assessment_etag (body, tag);
    http_reply_json (req, 200, body);
    http_add_header (req, "ETag", tag);
  }
  api_model_release (&m);
  store_assess_free (&ac->data);
  return 0;
}

/** A contact's orientation. */
static json_t *
score_contact (const struct assess_ctx *ac, const struct score_model *m,
               unsigned int parts)
{
  struct score_contact_assessment *out = util_calloc (1, sizeof (*out));
  json_t *body = NULL;

  if (SCORE_OK
      == score_assess_contact (m, &ac->data.account_in, ac->id,
                               ac->as_of_epoch, api_scratch (), out))
  {
    metrics_assessment (METRICS_ASSESS_CONTACT);
    body = head ("contact_id", ac->id, ac->as_of, m);
    json_object_set_new (body, "account_id", json_string (ac->account_id));
    json_object_set_new (body, "orientation",
                         orientation_json (&out->orientation));
    if (ac->explain)
      json_object_set_new (body, "reading", reading_json (ac, m, ac->id));
  }
  free (out);
  return body;
}

int
api_assess_contact (struct http_request *req)
{
  struct assess_ctx ac = { .contact = true };

  ac.explain = parse_explain (req);
  return assess (req, &ac, &score_contact, 0);
}

/** The buying team: each contact's primary orientation and coverage. */
static json_t *
team_json (const struct score_account_assessment *a,
           const struct score_account_input *in)
{
  json_t *team = json_array ();

  for (size_t i = 0; i < a->n_team; i++)
  {
    const struct score_team_member *t = &a->team[i];
    const char *name = "";

    for (size_t k = 0; k < in->n_contacts; k++)
      if (0 == strcmp (in->contacts[k].id, t->contact_id))
        name = in->contacts[k].name;
    json_array_append_new (
      team, json_pack ("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o}",
                       "contact_id", t->contact_id, "name", name, "role",
                       '\0' == score_role_name (t->role)[0]
                         ? json_null () /* a contact with no role */
                         : json_string (score_role_name (t->role)),
                       "influence", num (t->influence), "weight",
                       num (t->weight), "primary",
                       SCORE_ORIENTATION_NONE == t->primary
                         ? json_null ()
                         : json_string (score_orientation_name (t->primary)),
                       "confidence", num (t->confidence), "coverage",
                       num (t->coverage), "calls", (int) t->calls,
                       "last_contact", when (t->last_contact)));
  }
  return team;
}

/** The three pillars, the foundation they give and its status. */
static json_t *
pillars_json (const struct score_pillars_result *p)
{
  json_t *o = json_object ();
  json_t *foundation = json_array ();

  for (int i = 0; i < SCORE_PILLAR_COUNT; i++)
  {
    json_object_set_new (o, score_pillar_name (i),
                         json_pack ("{s:o, s:b, s:o}", "score",
                                    num (p->pillars[i].score), "stands",
                                    p->pillars[i].stands, "evidence",
                                    evidence_json (&p->pillars[i].evidence)));
    if (0 != (p->foundation & (1u << i)))
      json_array_append_new (foundation, json_string (score_pillar_name (i)));
  }
  json_object_set_new (o, "foundation", foundation);
  json_object_set_new (o, "status",
                       json_string (score_pillar_status_name (p->status)));
  json_object_set_new (o, "guidance", str_or_null (p->guidance));
  return o;
}

/** Buyer risk: score, level, drivers with points and evidence, actions. */
static json_t *
risk_json (const struct score_buyer_risk_result *r)
{
  json_t *drivers = json_array ();
  json_t *actions = json_array ();

  for (size_t i = 0; i < r->n_drivers; i++)
  {
    const struct score_risk_driver_result *d = &r->drivers[i];

    json_array_append_new (drivers,
                           json_pack ("{s:s, s:o, s:s, s:o, s:o}", "driver",
                                      score_driver_name (d->driver), "points",
                                      num (d->points), "explanation",
                                      d->explanation, "action",
                                      str_or_null (d->action), "evidence",
                                      evidence_json (&d->evidence)));
  }
  for (size_t i = 0; i < r->n_actions; i++)
    json_array_append_new (actions, json_string (r->actions[i]));
  return json_pack ("{s:o, s:s, s:o, s:o}", "score", num (r->score), "level",
                    score_risk_level_name (r->level), "drivers", drivers,
                    "actions", actions);
}

/** Values fit, or null without answers or priorities. */
static json_t *
values_json (const struct score_values_fit_result *v)
{
  json_t *prio;
  json_t *against;

  if (! v->available)
    return json_null ();
  prio = json_object ();
  against = json_object ();
  for (int i = 0; i < SCORE_VALUE_COUNT; i++)
  {
    if (v->account_priorities[i] > 0)
      json_object_set_new (prio, score_value_name (i),
                           num (v->account_priorities[i]));
    if (v->account_against[i] > 0)
      json_object_set_new (against, score_value_name (i),
                           num (v->account_against[i]));
  }
  return json_pack (
    "{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "score", num (v->score),
    "score_organization",
    v->score_organization < 0 ? json_null () : num (v->score_organization),
    "score_owner", v->score_owner < 0 ? json_null () : num (v->score_owner),
    "recommendation",
    SCORE_VALUES_NONE == v->recommendation
      ? json_null ()
      : json_string (score_values_rec_name (v->recommendation)),
    "guidance", str_or_null (v->guidance), "account_priorities", prio,
    "account_against", against, "evidence", evidence_json (&v->evidence));
}

/** Parts of the account assessment named by ?include= (all by default). */
enum part
{
  PART_ORIENTATION = 1,
  PART_PILLARS = 2,
  PART_RISK = 4,
  PART_VALUES = 8
};

/** Reads ?include=; adds to the request's query errors and returns 0 on
    an unknown part. */
static unsigned int
parse_include (struct http_request *req)
{
  static const char *const names[] = { "orientation", "pillars", "buyer_risk",
                                       "values_fit" };
  const char *q = http_query (req, "include");
  char tmp[256];
  unsigned int parts = 0;

  if (NULL == q)
    return 15;
  snprintf (tmp, sizeof (tmp), "%s", q);
  for (char *save = NULL, *w = strtok_r (tmp, ",", &save); NULL != w;
       w = strtok_r (NULL, ",", &save))
  {
    unsigned int before = parts;

    for (int i = 0; i < 4; i++)
      if (0 == strcmp (w, names[i]))
        parts |= 1u << i;
    if (before == parts)
      parts |= 16; /* unknown */
  }
  if (0 == parts || 0 != (parts & 16))
  {
    api_param_error (http_query_errors (req), "include",
                     "must be a comma-separated list of "
                     "orientation, pillars, buyer_risk, values_fit");
    return 0;
  }
  return parts;
}

/** Renders the parts of an account assessment. */
static json_t *
account_json (const struct score_account_assessment *a,
              const struct store_assess_data *d, unsigned int parts,
              json_t *body)
{
  const struct score_account_input *in = &d->account_in;

  if (0 != (parts & PART_ORIENTATION))
  {
    json_t *o = orientation_json (&a->orientation);

    json_object_set_new (o, "buying_team", team_json (a, in));
    /* An account with more contacts than the engine reads says so. */
    json_object_set_new (o, "contacts_total",
                         json_integer ((json_int_t) d->contacts_total));
    json_object_set_new (o, "buying_team_capped",
                         json_boolean (d->contacts_total > in->n_contacts));
    json_object_set_new (body, "orientation", o);
  }
  if (0 != (parts & PART_PILLARS))
    json_object_set_new (body, "pillars", pillars_json (&a->pillars));
  if (0 != (parts & PART_RISK))
    json_object_set_new (body, "buyer_risk", risk_json (&a->buyer_risk));
  if (0 != (parts & PART_VALUES))
    json_object_set_new (body, "values_fit", values_json (&a->values_fit));
  return body;
}

/** An account: the parts asked for. */
static json_t *
score_account (const struct assess_ctx *ac, const struct score_model *m,
               unsigned int parts)
{
  struct score_account_assessment *out = util_calloc (1, sizeof (*out));
  json_t *body = NULL;

  if (SCORE_OK
      == score_assess_account (m, &ac->data.account_in, ac->as_of_epoch,
                               api_scratch (), out))
  {
    metrics_assessment (METRICS_ASSESS_ACCOUNT);
    body = account_json (out, &ac->data, parts,
                         head ("account_id", ac->id, ac->as_of, m));
    if (ac->explain)
      json_object_set_new (body, "reading", reading_json (ac, m, NULL));
  }
  free (out);
  return body;
}

int
api_assess_account (struct http_request *req)
{
  struct assess_ctx ac = { 0 };
  unsigned int parts = parse_include (req);

  ac.explain = parse_explain (req);
  /* A bad include is reported with the other query errors, by load(). */
  return assess (req, &ac, &score_account, parts);
}

/* --------------------------------------------------------------- history */

/** The most steps one history request may ask for (400 past it): a year
    of weeks.  Each step scores the account again, notes and all, so this
    bounds what one request costs (53 times an assessment). */
#define HISTORY_MAX_STEPS 53

/** Days in month @a mon (0-11) of @a year. */
static int
month_days (int year, int mon)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  bool leap = (0 == year % 4 && 0 != year % 100) || 0 == year % 400;

  return 1 == mon && leap ? 29 : days[mon];
}

/**
 * @a to moved back @a k intervals: k weeks, or k calendar months (the day
 * of the month kept, or the month's last day when it has fewer).
 */
static int64_t
step_back (int64_t to, bool months, int k)
{
  time_t t = (time_t) to;
  struct tm tm;
  int day;

  if (! months)
    return to - (int64_t) k * 7 * 86400;
  gmtime_r (&t, &tm);
  day = tm.tm_mday;
  tm.tm_mon -= k;
  tm.tm_year += tm.tm_mon / 12 - (tm.tm_mon % 12 < 0 ? 1 : 0);
  tm.tm_mon = ((tm.tm_mon % 12) + 12) % 12;
  tm.tm_mday = day < month_days (tm.tm_year + 1900, tm.tm_mon)
                 ? day
                 : month_days (tm.tm_year + 1900, tm.tm_mon);
  return (int64_t) timegm (&tm);
}

/** One step of a history: the figures a trend line draws. */
static json_t *
step_json (const struct score_account_assessment *a, int64_t as_of)
{
  const struct score_buyer_risk_result *r = &a->buyer_risk;
  json_t *drivers = json_array ();
  json_t *pillars = json_object ();

  for (size_t i = 0; i < r->n_drivers; i++)
    json_array_append_new (drivers, json_string (score_driver_name (
                                      r->drivers[i].driver)));
  for (int i = 0; i < SCORE_PILLAR_COUNT; i++)
    json_object_set_new (pillars, score_pillar_name (i),
                         num (a->pillars.pillars[i].score));
  return json_pack (
    "{s:o, s:{s:o, s:s, s:o}, s:{s:s, s:o}, s:{s:o, s:o}, s:o}", "as_of",
    when (as_of), "buyer_risk", "score", num (r->score), "level",
    score_risk_level_name (r->level), "drivers", drivers, "pillars", "status",
    score_pillar_status_name (a->pillars.status), "scores", pillars,
    "orientation", "primary",
    SCORE_ORIENTATION_NONE == a->orientation.primary
      ? json_null ()
      : json_string (score_orientation_name (a->orientation.primary)),
    "confidence", num (a->orientation.confidence), "values_fit",
    a->values_fit.available ? num (a->values_fit.score) : json_null ());
}

/** The steps of a history request: from, to and interval. */
struct history
{
  int64_t from, to;
  bool months;
  int n; /**< steps, oldest first: step i is step_back (to, n - 1 - i) */
};

/** What a bad from or to is told. */
#define TIME_MESSAGE \
  "must be an RFC 3339 timestamp or a date (YYYY-MM-DD) in the years 1000 " \
  "to 9999"

/**
 * Reads ?from=, ?to= and ?interval= into @a h (to also as the assessment's
 * as_of: the data is read once, up to it); adds every bad one to the
 * request's query errors.
 */
static void
parse_history (struct http_request *req, struct assess_ctx *ac,
               struct history *h)
{
  const char *interval = http_query (req, "interval");
  const char *from = http_query (req, "from");
  const char *to = http_query (req, "to");
  json_t *errors = http_query_errors (req);
  bool ok = true;
  char text[40];

  ac->as_of_epoch = (int64_t) time (NULL);
  util_epoch_timestamp (ac->as_of_epoch, ac->as_of);
  if (NULL != to && ! util_parse_as_of (to, ac->as_of, &ac->as_of_epoch))
  {
    api_param_error (errors, "to", TIME_MESSAGE);
    ok = false;
  }
  h->to = ac->as_of_epoch;
  h->months = NULL != interval && 0 == strcmp (interval, "month");
  if (NULL != interval && ! h->months && 0 != strcmp (interval, "week"))
  {
    api_param_error (errors, "interval", "must be week or month");
    ok = false;
  }
  h->from = step_back (h->to, h->months, 12);
  if (NULL != from && ! util_parse_as_of (from, text, &h->from))
  {
    api_param_error (errors, "from", TIME_MESSAGE);
    ok = false;
  }
  if (! ok)
    return;
  if (h->from > h->to)
  {
    api_param_error (errors, "from", "must not be after to");
    return;
  }
  for (h->n = 1; h->n <= HISTORY_MAX_STEPS; h->n++)
    if (step_back (h->to, h->months, h->n) < h->from)
      break;
  if (h->n > HISTORY_MAX_STEPS)
    api_param_error (errors, "from",
                     "is too far before to: a history has at most 53 steps "
                     "(53 weeks, or 53 months)");
}

/** An account's history: the assessment at each step, up to `to`. */
static json_t *
score_history (const struct assess_ctx *ac, const struct score_model *m,
               unsigned int parts)
{
  const struct history *h = ac->history;
  struct score_account_assessment *out = util_calloc (1, sizeof (*out));
  json_t *steps = json_array ();
  json_t *body = NULL;

  (void) parts;
  /* The data read up to `to` holds everything each earlier step may see:
     the engine leaves out what came after its as_of. */
  for (int i = h->n - 1; i >= 0; i--)
  {
    int64_t at = step_back (h->to, h->months, i);

    if (SCORE_OK
        != score_assess_account (m, &ac->data.account_in, at, api_scratch (),
                                 out))
      break;
    json_array_append_new (steps, step_json (out, at));
  }
  free (out);
  if ((size_t) h->n != json_array_size (steps))
  {
    json_decref (steps);
    return NULL;
  }
  metrics_assessment (METRICS_ASSESS_ACCOUNT);
  body = head ("account_id", ac->id, ac->as_of, m);
  json_object_del (body, "as_of");
  json_object_set_new (body, "from",
                       when (step_back (h->to, h->months, h->n - 1)));
  json_object_set_new (body, "to", json_string (ac->as_of));
  json_object_set_new (body, "interval",
                       json_string (h->months ? "month" : "week"));
  json_object_set_new (body, "steps", steps);
  return body;
}

int
api_assess_history (struct http_request *req)
{
  struct history h = { 0 };
  struct assess_ctx ac = { .history = &h };

  return assess (req, &ac, &score_history, 0);
}

/** A seller's traits with their contributions and evidence. */
static json_t *
traits_json (const struct score_seller_assessment *s)
{
  json_t *traits = json_array ();

  for (int i = 0; i < SCORE_TRAIT_COUNT; i++)
  {
    const struct score_trait_result *t = &s->traits[i];

    json_array_append_new (
      traits,
      json_pack ("{s:s, s:b, s:o, s:o, s:s, s:o}", "trait",
                 score_trait_name (t->trait), "known", t->known, "value",
                 t->known ? num (t->value) : json_null (), "contribution",
                 num (t->contribution), "explanation", t->explanation,
                 "evidence", evidence_json (&t->evidence)));
  }
  return traits;
}

/** A seller's approach. */
static json_t *
score_seller (const struct assess_ctx *ac, const struct score_model *m,
              unsigned int parts)
{
  struct score_seller_assessment *out = util_calloc (1, sizeof (*out));
  json_t *body = NULL;

  if (SCORE_OK
      == score_assess_seller (m, &ac->data.seller_in, ac->as_of_epoch,
                              api_scratch (), out))
  {
    metrics_assessment (METRICS_ASSESS_SELLER);
    body = head ("seller_id", ac->id, ac->as_of, m);
    json_object_set_new (body, "approach",
                         json_string (score_approach_name (out->approach)));
    json_object_set_new (body, "score", num (out->score));
    json_object_set_new (body, "traits", traits_json (out));
    json_object_set_new (body, "guidance", str_or_null (out->guidance));
  }
  free (out);
  return body;
}

int
api_assess_seller (struct http_request *req)
{
  struct assess_ctx ac = { .seller = true };

  return assess (req, &ac, &score_seller, 0);
}
