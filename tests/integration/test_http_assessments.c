/**
 * @file test_http_assessments.c
 * @brief The assessments over HTTP: a contact's orientation from notes and
 *        signals, thin evidence, as_of replay, the account's parts, the
 *        seller's approach, the scoring model and weight overrides.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (assess, .init = setup, .timeout = 120);

/** POSTs @a body to @a path and returns the new id. */
static void
create (const char *path, const char *body, char id[64])
{
  struct th_resp r;

  th_json ("POST", path, org.key, body, &r);
  cr_assert_eq (201, r.status, "POST %s: %s", path, r.body);
  snprintf (id, 64, "%s", json_string_value (json_object_get (r.json, "id")));
  th_resp_free (&r);
}

/**
 * Logs a call of @a account with @a contact (or none), by @a seller (or
 * none), with the members of the JSON object @a extra (or NULL) and
 * @a notes (or NULL).
 */
static void
call (const char *account, const char *contact, const char *seller,
      const char *when, const char *extra, const char *notes)
{
  char path[128], id[64];
  json_t *b = json_pack ("{s:s}", "occurred_at", when);
  char *text;

  if (NULL != contact)
    json_object_set_new (b, "contact_ids", json_pack ("[s]", contact));
  if (NULL != seller)
    json_object_set_new (b, "seller_id", json_string (seller));
  if (NULL != notes)
    json_object_set_new (b, "notes", json_string (notes));
  if (NULL != extra)
  {
    json_t *e = json_loads (extra, 0, NULL);

    cr_assert_not_null (e, "bad extra: %s", extra);
    json_object_update (b, e);
    json_decref (e);
  }
  text = json_dumps (b, 0);
  snprintf (path, sizeof (path), "/v1/accounts/%s/calls", account);
  create (path, text, id);
  free (text);
  json_decref (b);
}

/** GETs @a path and asserts 200; the caller frees @a r. */
static void
get_ok (const char *path, struct th_resp *r)
{
  th_request ("GET", path, org.key, NULL, NULL, r);
  cr_assert_eq (200, r->status, "GET %s: %s", path, r->body);
}

/** The primary orientation of a contact, or "" when null. */
static const char *
primary (json_t *assessment)
{
  json_t *p = json_object_get (json_object_get (assessment, "orientation"),
                               "primary");

  return json_is_string (p) ? json_string_value (p) : "";
}

/** An account with one contact; writes both ids. */
static void
account_with_contact (const char *name, char account[64], char contact[64])
{
  char path[128];

  th_account_new (org.key, name, account);
  snprintf (path, sizeof (path), "/v1/accounts/%s/contacts", account);
  create (path,
          "{\"name\":\"Dana Okafor\",\"role\":\"decision_maker\","
          "\"influence\":0.9}",
          contact);
}

Test (assess, a_security_buyer_is_read_from_everyday_notes)
{
  char account[64], contact[64], path[128];
  struct th_resp r;
  json_t *scores, *v;
  const char *k;
  double sum = 0;

  account_with_contact ("Harbor Freight Co", account, contact);
  call (account, contact, NULL, "2026-09-01T10:00:00Z", NULL,
        "Dana wants everything in writing, asked for the SLA doc and a "
        "guarantee on uptime before she signs anything.");
  call (account, contact, NULL, "2026-09-15T10:00:00Z", NULL,
        "She is checking with legal and her team first, no rush, wants "
        "references from similar customers. Hates surprises.");
  call (account, contact, NULL, "2026-10-01T10:00:00Z",
        "{\"signals\":[\"avoids_risk\",\"requests_documentation\"]}", NULL);
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment", contact);
  get_ok (path, &r);
  cr_assert_str_eq (primary (r.json), "security", "%s", r.body);
  scores = json_object_get (json_object_get (r.json, "orientation"), "scores");
  json_object_foreach (scores, k, v) sum += json_number_value (v);
  cr_assert_float_eq (1.0, sum, 0.01, "orientation scores sum to 1");
  cr_assert_gt (json_array_size (
                  json_object_get (json_object_get (r.json, "orientation"),
                                   "evidence")),
                0);
  cr_assert (json_is_string (
    json_object_get (json_object_get (r.json, "orientation"), "guidance")));
  cr_assert (json_is_string (json_object_get (r.json, "model_version")));
  th_resp_free (&r);
}

Test (assess, thin_evidence_leaves_the_primary_null)
{
  char account[64], contact[64], path[128];
  struct th_resp r;

  account_with_contact ("Quiet Corp", account, contact);
  call (account, contact, NULL, "2026-10-01T10:00:00Z", NULL,
        "Quick intro call, talked about the weather and the game.");
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment", contact);
  get_ok (path, &r);
  cr_assert_str_eq (primary (r.json), "", "no primary on thin evidence: %s",
                    r.body);
  th_resp_free (&r);
}

Test (assess, as_of_before_the_calls_removes_their_evidence)
{
  char account[64], contact[64], path[160];
  struct th_resp before, after;

  account_with_contact ("Replay Ltd", account, contact);
  call (account, contact, NULL, "2026-09-01T10:00:00Z",
        "{\"signals\":[\"assertive\",\"results_focused\","
        "\"wants_recognition\"]}",
        "Wants the win credited to her team.");
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment?as_of=2026-08-31",
            contact);
  get_ok (path, &before);
  snprintf (path, sizeof (path),
            "/v1/contacts/%s/assessment?as_of=2026-09-02T00:00:00%%2B02:00",
            contact);
  get_ok (path, &after);
  cr_assert_eq (0,
                json_array_size (json_object_get (
                  json_object_get (before.json, "orientation"), "evidence")));
  cr_assert_str_eq (json_string_value (json_object_get (before.json, "as_of")),
                    "2026-08-31T23:59:59Z");
  cr_assert_gt (json_array_size (
                  json_object_get (json_object_get (after.json, "orientation"),
                                   "evidence")),
                0);
  th_resp_free (&before);
  th_resp_free (&after);
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment?as_of=yesterday",
            contact);
  th_request ("GET", path, org.key, NULL, NULL, &before);
  th_assert_problem (&before, 400);
  cr_assert (th_has_error (&before, "as_of"));
  th_resp_free (&before);
}

Test (assess, the_account_reads_pillars_risk_and_values_with_include)
{
  char account[64], contact[64], path[160], id[64];
  struct th_resp r;
  json_t *p;

  account_with_contact ("Pillar Industries", account, contact);
  call (account, contact, NULL, "2026-10-01T10:00:00Z",
        "{\"signals\":[\"competitor_mentioned\",\"shopping_alternatives\","
        "\"rfp_issued\"]}",
        "They issued an RFP and are talking to two "
        "other vendors.");
  snprintf (path, sizeof (path), "/v1/accounts/%s/commitments", account);
  create (path,
          "{\"description\":\"Fix the export bug\","
          "\"made_at\":\"2026-08-01T00:00:00Z\",\"status\":\"broken\","
          "\"resolved_at\":\"2026-09-01T00:00:00Z\"}",
          id);
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment", account);
  get_ok (path, &r);
  p = json_object_get (r.json, "pillars");
  cr_assert (json_is_object (json_object_get (p, "trust")));
  cr_assert (json_is_array (json_object_get (p, "foundation")));
  cr_assert (json_is_string (json_object_get (p, "status")));
  p = json_object_get (r.json, "buyer_risk");
  cr_assert_gt (json_number_value (json_object_get (p, "score")), 0);
  cr_assert_gt (json_array_size (json_object_get (p, "drivers")), 0);
  cr_assert (strstr (r.body, "\"competitor") != NULL,
             "competitor activity drives the risk: %s", r.body);
  cr_assert (json_is_null (json_object_get (r.json, "values_fit")),
             "no values, no fit");
  cr_assert (json_is_array (
    json_object_get (json_object_get (r.json, "orientation"), "buying_team")));
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment?include=pillars",
            account);
  get_ok (path, &r);
  cr_assert_not_null (json_object_get (r.json, "pillars"));
  cr_assert_null (json_object_get (r.json, "buyer_risk"));
  cr_assert_null (json_object_get (r.json, "orientation"));
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment?include=nope",
            account);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  th_assert_problem (&r, 400);
  th_resp_free (&r);
}

Test (assess, a_risky_account_ranks_above_a_healthy_one)
{
  char risky[64], healthy[64], c1[64], c2[64], path[160];
  struct th_resp a, b;

  account_with_contact ("Risky Co", risky, c1);
  account_with_contact ("Healthy Co", healthy, c2);
  call (
    risky, c1, NULL, "2026-11-01T10:00:00Z",
    "{\"signals\":[\"competitor_mentioned\",\"price_pressure\","
    "\"complaint_raised\",\"supplier_review\"]}",
    "Angry about the outage, evaluating other suppliers, wants a discount.");
  call (healthy, c2, NULL, "2026-11-01T10:00:00Z",
        "{\"signals\":[\"asked_for_advice\",\"referral_given\","
        "\"shared_insight\"]}",
        "Asked our advice on their roadmap and introduced us to a peer.");
  snprintf (path, sizeof (path),
            "/v1/accounts/%s/assessment?include=buyer_risk", risky);
  get_ok (path, &a);
  snprintf (path, sizeof (path),
            "/v1/accounts/%s/assessment?include=buyer_risk", healthy);
  get_ok (path, &b);
  cr_assert_gt (
    json_number_value (
      json_object_get (json_object_get (a.json, "buyer_risk"), "score")),
    json_number_value (
      json_object_get (json_object_get (b.json, "buyer_risk"), "score")),
    "%s\n%s", a.body, b.body);
  th_resp_free (&a);
  th_resp_free (&b);
}

/**
 * A new account with @a account_values, the organization's values set to
 * @a org_values, and the account's assessment with its values fit.
 *
 * @param name the account's name
 * @param account_values the account's values document (JSON)
 * @param org_values the organization's values document (JSON)
 * @param[out] r the assessment (free with th_resp_free)
 */
static void
values_fit_of (const char *name, const char *account_values,
               const char *org_values, struct th_resp *r)
{
  char account[64], path[160];

  th_account_new (org.key, name, account);
  snprintf (path, sizeof (path), "/v1/accounts/%s/values", account);
  th_json ("PUT", path, org.key, account_values, r);
  cr_assert_eq (200, r->status, "%s", r->body);
  th_resp_free (r);
  th_json ("PUT", "/v1/organization/values", org.key, org_values, r);
  cr_assert_eq (200, r->status, "%s", r->body);
  th_resp_free (r);
  snprintf (path, sizeof (path),
            "/v1/accounts/%s/assessment?include=values_fit", account);
  get_ok (path, r);
}

Test (assess, values_fit_appears_with_values)
{
  struct th_resp r;

  values_fit_of ("Values Inc",
                 "{\"priorities\":{\"quality\":0.9,"
                 "\"reliability\":0.8},\"answers\":{\"What matters?\":"
                 "\"Uptime and quality, we never cut corners.\"}}",
                 "{\"priorities\":{\"quality\":1,\"reliability\":0.7}}", &r);
  cr_assert (json_is_object (json_object_get (r.json, "values_fit")), "%s",
             r.body);
  cr_assert_str_eq (json_string_value (
                      json_object_get (json_object_get (r.json, "values_fit"),
                                       "recommendation")),
                    "proceed", "%s", r.body);
  th_resp_free (&r);
}

/* A value the account stands against is shown, with its evidence, and
   clashes with the organization holding it (003: walk away). */
Test (assess, values_the_account_is_against_are_shown_and_clash)
{
  struct th_resp r;
  json_t *v;
  json_t *ev;
  size_t i;
  bool negative = false;

  values_fit_of (
    "Rebid Ltd",
    "{\"answers\":{\"How do you buy?\":"
    "\"We rebid every supplier each spring; the cheapest wins.\"}}",
    "{\"answers\":{\"What do you stand for?\":"
    "\"Long-term partnerships and fair prices.\"}}",
    &r);
  v = json_object_get (r.json, "values_fit");
  cr_assert (json_is_number (
               json_object_get (json_object_get (v, "account_against"),
                                "partnership")),
             "%s", r.body);
  cr_assert_str_eq (json_string_value (json_object_get (v, "recommendation")),
                    "walk_away", "%s", r.body);
  json_array_foreach (json_object_get (v, "evidence"), i, ev) negative =
    negative || json_number_value (json_object_get (ev, "weight")) < 0;
  cr_assert (negative, "the rebid is evidence against: %s", r.body);
  th_resp_free (&r);
}

/* 003: the question an answer replies to ("What's important to you about
   productivity?") names the value it is about; the store hands the
   questions to the engine, and the evidence quotes the question. */
Test (assess, a_value_discovery_question_names_the_value_held)
{
  struct th_resp r;
  json_t *v;
  json_t *ev;
  size_t i;
  bool quoted = false;

  values_fit_of ("Steelworks Yard",
                 "{\"answers\":{\"What's important to you about "
                 "productivity?\":\"Hours per tonne of steel. Anything that "
                 "gives my welders their afternoons back.\"}}",
                 "{\"priorities\":{\"productivity\":1}}", &r);
  v = json_object_get (r.json, "values_fit");
  cr_assert_gt (json_number_value (
                  json_object_get (json_object_get (v, "account_priorities"),
                                   "productivity")),
                0.0, "%s", r.body);
  cr_assert_str_eq (json_string_value (json_object_get (v, "recommendation")),
                    "proceed", "%s", r.body);
  json_array_foreach (json_object_get (v, "evidence"), i, ev) quoted =
    quoted
    || NULL
         != strstr (json_string_value (json_object_get (ev, "excerpt")),
                    "important to you about productivity");
  cr_assert (quoted, "the question is the evidence: %s", r.body);
  th_resp_free (&r);
}

Test (assess, a_seller_who_listens_is_a_builder_and_one_who_pushes_is_not)
{
  char builder[64], pusher[64], account[64], contact[64], path[160];
  struct th_resp b, p;

  create ("/v1/sellers", "{\"name\":\"Bea Builder\"}", builder);
  create ("/v1/sellers", "{\"name\":\"Pete Pusher\"}", pusher);
  account_with_contact ("Sellers Test", account, contact);
  for (int i = 1; i <= 4; i++)
  {
    char when[32];

    snprintf (when, sizeof (when), "2026-10-%02dT10:00:00Z", i * 5);
    call (account, contact, builder, when,
          "{\"kind\":\"discovery\",\"seller_talk_ratio\":0.3,"
          "\"questions_asked\":12,\"signals\":[\"asked_about_plans\","
          "\"referral_given\"]}",
          "Mostly listened; asked about their plans.");
    call (account, contact, pusher, when,
          "{\"kind\":\"cold_call\",\"seller_talk_ratio\":0.85,"
          "\"questions_asked\":1,\"signals\":[\"pushed_product\"],"
          "\"topics\":[\"pricing\"]}",
          "Pitched the bundle and offered 20% off to close this week.");
  }
  snprintf (path, sizeof (path), "/v1/sellers/%s/assessment", builder);
  get_ok (path, &b);
  snprintf (path, sizeof (path), "/v1/sellers/%s/assessment", pusher);
  get_ok (path, &p);
  cr_assert_str_eq (json_string_value (json_object_get (b.json, "approach")),
                    "builder", "%s", b.body);
  cr_assert_str_eq (json_string_value (json_object_get (p.json, "approach")),
                    "pusher", "%s", p.body);
  cr_assert_gt (json_number_value (json_object_get (b.json, "score")),
                json_number_value (json_object_get (p.json, "score")));
  cr_assert_gt (json_array_size (json_object_get (b.json, "traits")), 0);
  th_resp_free (&b);
  th_resp_free (&p);
}

Test (assess, unknown_and_foreign_ids_are_404)
{
  struct th_org other;
  char account[64], contact[64], path[160];
  struct th_resp r;
  static const char *const kinds[] = { "accounts", "contacts", "sellers" };

  th_org_new (&other);
  account_with_contact ("Foreign", account, contact);
  for (int i = 0; i < 3; i++)
  {
    snprintf (path, sizeof (path), "/v1/%s/%s/assessment", kinds[i],
              "00000000-0000-4000-8000-000000000000");
    th_request ("GET", path, org.key, NULL, NULL, &r);
    th_assert_problem (&r, 404);
    th_resp_free (&r);
  }
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment", account);
  th_request ("GET", path, other.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment", contact);
  th_request ("GET", path, other.key, NULL, NULL, &r);
  th_assert_problem (&r, 404);
  th_resp_free (&r);
}

Test (assess, the_scoring_model_and_weight_overrides)
{
  struct th_resp r;
  char rkey[128];

  get_ok ("/v1/scoring-model", &r);
  cr_assert (json_is_string (json_object_get (r.json, "model_version")));
  cr_assert_not_null (strstr (r.body, "000-customer-orientations.txt"),
                      "the model cites its seeds");
  th_resp_free (&r);
  get_ok ("/v1/organization/scoring-weights", &r);
  cr_assert_eq (0, json_object_size (json_object_get (r.json, "weights")));
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/scoring-weights", org.key,
           "{\"signals\":{\"avoids_risk\":99},\"bogus\":1}", &r);
  th_assert_problem (&r, 422);
  cr_assert (th_has_error (&r, "/signals/avoids_risk"));
  cr_assert (th_has_error (&r, "/bogus"));
  th_resp_free (&r);
  th_json ("PUT", "/v1/organization/scoring-weights", org.key,
           "{\"half_lives_days\":{\"orientation\":45}}", &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  get_ok ("/v1/organization/scoring-weights", &r);
  cr_assert_eq (45, json_number_value (json_object_get (
                      json_object_get (json_object_get (r.json, "weights"),
                                       "half_lives_days"),
                      "orientation")));
  th_resp_free (&r);
  th_key_new (&org, "write", rkey, NULL);
  th_json ("PUT", "/v1/organization/scoring-weights", rkey, "{}", &r);
  th_assert_problem (&r, 403);
  th_resp_free (&r);
}

Test (assess, a_long_unknown_weight_is_named_whole_characters_only)
{
  /* 60 euro signs: the pointer is cut, between characters. */
  struct th_resp r;

  th_json ("PUT", "/v1/organization/scoring-weights", org.key,
           th_fmt ("{\"%s\":1}", th_repeat ("\xe2\x82\xac", 60)), &r);
  th_expect_one_field_starting (&r, "/\xe2\x82\xac");
  th_resp_free (&r);
}

/** Whether some cue of a call's reading is set aside for @a reason. */
static bool
cue_set_aside_for (json_t *call_reading, const char *reason)
{
  json_t *q, *w;
  size_t i, k;

  json_array_foreach (json_object_get (call_reading, "cues"), i, q)
    json_array_foreach (json_object_get (q, "set_aside_because"), k,
                        w) if (0
                               == strcmp (json_string_value (w),
                                          reason)) return true;
  return false;
}

/**
 * A lead record pasted with labels the reader has never seen ("Budget:",
 * "Timeline:", "Campaign tag:") is fields, not behaviour; a rival's rep
 * doing the work is set aside as "rival" in ?explain=1, and a question
 * the customer would not answer as "declined".
 */
Test (assess, a_pasted_record_and_a_rivals_work_are_explained)
{
  char account[64], contact[64], path[160];
  struct th_resp r;
  json_t *calls, *q;
  size_t i;
  bool form = false;

  account_with_contact ("Record Paste Ltd", account, contact);
  call (account, contact, NULL, "2026-10-01T10:00:00Z", NULL,
        "Inbound lead\nFirst name: Dana\nCompany: Okafor Foods\n"
        "Budget: Unsure\nTimeline: This quarter\n"
        "Campaign tag: guarantee-risk-q4\n");
  call (account, contact, NULL, "2026-10-08T10:00:00Z", NULL,
        "she said the Brightline rep sends her a market outlook every "
        "quarter and ran a workshop for her planners");
  call (account, contact, NULL, "2026-10-15T10:00:00Z", NULL,
        "asked abt their 2026 expansion - she declined, 'not something we "
        "share w/ vendors'");
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment?explain=1",
            contact);
  get_ok (path, &r);
  cr_assert_str_eq (primary (r.json), "", "a record is no behaviour: %s",
                    r.body);
  calls = json_object_get (json_object_get (r.json, "reading"), "calls");
  cr_assert_eq (3, json_array_size (calls), "%s", r.body);
  /* newest first */
  cr_assert (cue_set_aside_for (json_array_get (calls, 0), "declined"),
             "the declined question is explained: %s", r.body);
  cr_assert (cue_set_aside_for (json_array_get (calls, 1), "rival"),
             "the rival's work is explained: %s", r.body);
  json_array_foreach (json_object_get (json_array_get (calls, 2),
                                       "boilerplate"),
                      i, q)
    form = form
           || 0
                == strcmp (json_string_value (json_object_get (q, "kind")),
                           "form_field");
  cr_assert (form, "the record's fields are set aside: %s", r.body);
  th_resp_free (&r);
}

/**
 * An e-mail pasted as the note: its signature, tagline, disclaimer and
 * quoted reply give no orientation, and ?explain=1 shows what was set
 * aside and why a colleague's habits did not count for the contact.
 */
Test (assess, boilerplate_gives_no_orientation_and_explain_shows_why)
{
  char account[64], contact[64], path[160];
  struct th_resp r;
  json_t *reading, *calls, *c0, *cues, *q;
  size_t i;
  bool third_party = false;
  bool signature = false;
  bool quoted = false;

  account_with_contact ("Pasted Mail Ltd", account, contact);
  call (account, contact, NULL, "2026-10-01T10:00:00Z", NULL,
        "Hi Sam,\n\nGot your note, I'll look at it next week.\n\n"
        "Her procurement analyst is the thorough one who wants every "
        "document and a written guarantee.\n\n"
        "Thanks for your help!\nDana Okafor\nVP Operations | Okafor Foods\n"
        "Committed to performance, results and recognition\n\n"
        "CONFIDENTIALITY NOTICE: This email and any attachments are "
        "confidential and intended solely for the addressee. We accept no "
        "liability and give no guarantee.\n\n"
        "On Tue, Sep 29, 2026 at 9:14 AM Sam <sam@example.com> wrote:\n"
        "> We guarantee delivery, and we share the credit with the team.\n");
  call (account, contact, NULL, "2026-10-08T10:00:00Z", NULL,
        "Automatic reply: I am out of the office until Monday with limited "
        "access to email. For anything urgent please contact my assistant.");
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment?explain=1",
            contact);
  get_ok (path, &r);
  cr_assert_str_eq (primary (r.json), "", "boilerplate is no behaviour: %s",
                    r.body);
  reading = json_object_get (r.json, "reading");
  calls = json_object_get (reading, "calls");
  cr_assert_eq (2, json_array_size (calls), "%s", r.body);
  cr_assert_eq (2,
                json_integer_value (json_object_get (reading, "calls_total")));
  /* newest first: the auto-reply, then the e-mail */
  c0 = json_array_get (calls, 1);
  json_array_foreach (json_object_get (c0, "boilerplate"), i, q)
  {
    const char *kind = json_string_value (json_object_get (q, "kind"));

    signature = signature || 0 == strcmp (kind, "signature");
    quoted = quoted || 0 == strcmp (kind, "quoted_reply");
  }
  cr_assert (signature && quoted, "signature and quoted reply: %s", r.body);
  cues = json_object_get (c0, "cues");
  json_array_foreach (cues, i, q)
  {
    json_t *why = json_object_get (q, "set_aside_because");
    json_t *w;
    size_t k;

    json_array_foreach (why, k, w) third_party =
      third_party || 0 == strcmp (json_string_value (w), "third_party");
    cr_assert (NULL
                 == strstr (json_string_value (json_object_get (q, "excerpt")),
                            "CONFIDENTIALITY"),
               "no cue comes from the disclaimer: %s", r.body);
  }
  cr_assert (third_party, "the analyst's habits are set aside: %s", r.body);
  cr_assert_str_eq (
    "auto_reply",
    json_string_value (json_object_get (
      json_array_get (
        json_object_get (json_array_get (calls, 0), "boilerplate"), 0),
      "kind")),
    "%s", r.body);
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment?explain=maybe",
            account);
  th_request ("GET", path, org.key, NULL, NULL, &r);
  cr_assert_eq (400, r.status, "%s", r.body);
  cr_assert (NULL != strstr (r.body, "explain"), "%s", r.body);
  th_resp_free (&r);
}

/**
 * A call's transcript through the API: the buyer's turns describe the
 * contact who spoke them, the seller's own lines describe no one, and
 * the seller's talk share is measured from the turns.
 */
Test (assess, a_transcripts_turns_are_read_by_who_spoke)
{
  char account[64], contact[64], seller[64], path[160];
  struct th_resp r;
  char body[2048];
  json_t *cues, *q, *traits, *t;
  size_t i;
  bool buyer_cue = false;

  account_with_contact ("Turn Taking Ltd", account, contact);
  create ("/v1/sellers", "{\"name\":\"Sam Seller\"}", seller);
  for (int k = 0; k < 2; k++)
  {
    snprintf (body, sizeof (body),
              "{\"transcript\":["
              "{\"speaker\":\"Sam\",\"role\":\"seller\",\"text\":\"I want "
              "the credit for this launch and weekly milestones on my "
              "desk, I'll push it through myself.\"},"
              "{\"speaker\":\"Dana\",\"role\":\"buyer\",\"contact_id\":"
              "\"%s\",\"text\":\"Before anything moves I need references "
              "from plants our size, a written guarantee and a pilot on "
              "one line first.\"}]}",
              contact);
    call (account, contact, seller,
          0 == k ? "2026-09-01T10:00:00Z" : "2026-09-20T10:00:00Z", body,
          NULL);
  }
  snprintf (path, sizeof (path), "/v1/contacts/%s/assessment?explain=1",
            contact);
  get_ok (path, &r);
  cr_assert_str_eq (primary (r.json), "security",
                    "the buyer's turns describe her: %s", r.body);
  cues = json_object_get (
    json_array_get (json_object_get (json_object_get (r.json, "reading"),
                                     "calls"),
                    0),
    "cues");
  json_array_foreach (cues, i, q)
  {
    const char *sp = json_string_value (json_object_get (q, "speaker"));

    if (0 == strcmp (sp, "buyer"))
    {
      buyer_cue = true;
      cr_assert_str_eq (contact,
                        json_string_value (json_object_get (q, "contact_id")));
    }
    if (0 == strcmp (sp, "seller")
        && 0
             == strncmp (json_string_value (json_object_get (q, "cue")),
                         "power.", 6))
      cr_assert (! json_is_true (json_object_get (q, "counted")),
                 "the seller's own line counted for the buyer: %s", r.body);
  }
  cr_assert (buyer_cue, "%s", r.body);
  th_resp_free (&r);
  snprintf (path, sizeof (path), "/v1/sellers/%s/assessment", seller);
  get_ok (path, &r);
  traits = json_object_get (r.json, "traits");
  json_array_foreach (traits, i,
                      t) if (0
                             == strcmp ("talk_share",
                                        json_string_value (
                                          json_object_get (t, "trait"))))
  {
    cr_assert (json_is_true (json_object_get (t, "known")), "%s", r.body);
    cr_assert (NULL
                 != strstr (json_string_value (
                              json_object_get (t, "explanation")),
                            "transcript"),
               "%s", r.body);
  }
  th_resp_free (&r);
}

/* An assessment's ETag changes with the data, not with the instant it is
   asked for: polling the same account gives 304 until a call is logged. */
Test (assess, if_none_match_is_304_until_the_account_changes)
{
  char account[64], contact[64], path[160], inm[96];
  const char *hdr[2] = { inm, NULL };
  struct th_resp r;
  char *etag;

  th_account_new (org.key, "Polled Ltd", account);
  snprintf (path, sizeof (path), "/v1/accounts/%s/contacts", account);
  create (path, "{\"name\":\"Dana Ruiz\",\"role\":\"decision_maker\"}",
          contact);
  call (account, contact, NULL, "2026-01-05T10:00:00Z", NULL,
        "Dana wants every guarantee in writing.");
  snprintf (path, sizeof (path), "/v1/accounts/%s/assessment", account);
  get_ok (path, &r);
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag, "an assessment has an ETag");
  cr_assert_eq (0, strncmp (etag, "W/\"", 3), "a weak one: %s", etag);
  th_resp_free (&r);
  snprintf (inm, sizeof (inm), "If-None-Match: %s", etag);
  th_request ("GET", path, org.key, NULL, hdr, &r);
  cr_assert_eq (304, r.status, "%s", r.body);
  cr_assert_eq (0, r.body_len);
  th_resp_free (&r);
  call (account, contact, NULL, "2026-01-06T10:00:00Z", NULL,
        "Dana asked us to cut the price by 15% or she goes to tender.");
  th_request ("GET", path, org.key, NULL, hdr, &r);
  cr_assert_eq (200, r.status, "a new call changes the assessment");
  th_resp_free (&r);
  free (etag);
}
