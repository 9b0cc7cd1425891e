/**
 * @file test_scoring_reading.c
 * @brief What the call reader (service/scoring/read.c) lets count, as a
 *        user of the assessments sees it (issue #13): boilerplate set
 *        aside by kind, who speaks in a transcript, whom a cue describes,
 *        indirect risk, and the pillars' and values' decision rules.
 *
 * The notes are written for this file (none is a dev-set sentence); where
 * a wording is cheap to vary, a short family of variants is checked.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "svc/model.h"
#include "../../../service/scoring/internal.h"

TestSuite (scoring_reading, .init = fx_text_setup, .fini = fx_text_teardown);

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/**
 * The contacts of every case: c1 Dana Ruiz (decision maker) and c2
 * Marcus Lee (influencer).
 *
 * @return new reference
 */
static json_t *
contacts_json (void)
{
  return json_pack ("[{s:s, s:s, s:s, s:f}, {s:s, s:s, s:s, s:f}]", "id", "c1",
                    "name", "Dana Ruiz", "role", "decision_maker", "influence",
                    0.9, "id", "c2", "name", "Marcus Lee", "role",
                    "influencer", "influence", 0.6);
}

/**
 * A call attended by @a who.
 *
 * @param id call id
 * @param days_ago its age
 * @param who "c1", "c2" or "both"
 * @param notes its notes
 * @return new reference
 */
static json_t *
call_json (const char *id, int days_ago, const char *who, const char *notes)
{
  json_t *ids = (0 == strcmp (who, "both")) ? json_pack ("[s, s]", "c1", "c2")
                                            : json_pack ("[s]", who);

  return json_pack ("{s:s, s:i, s:o, s:s}", "id", id, "days_ago", days_ago,
                    "contacts", ids, "notes", notes);
}

/**
 * A case of both contacts with one call per note (5, 25, 45 ... days
 * ago), each attended by @a who.
 *
 * @param notes NULL-terminated notes
 * @param who "c1", "c2" or "both"
 * @return new reference
 */
static json_t *
notes_json (const char *const *notes, const char *who)
{
  json_t *calls = json_array ();

  for (int i = 0; NULL != notes[i]; i++)
  {
    char id[32];

    snprintf (id, sizeof (id), "call-%d", i);
    json_array_append_new (calls, call_json (id, 5 + 20 * i, who, notes[i]));
  }
  return json_pack ("{s:o, s:o}", "contacts", contacts_json (), "calls",
                    calls);
}

/**
 * Build a case.
 *
 * @param c case JSON (stolen)
 * @return new case
 */
static struct fx_case *
make_case (json_t *c)
{
  struct fx_case *fc;

  cr_assert_not_null (c, "bad json_pack");
  fc = fx_case_new (c);
  json_decref (c);
  return fc;
}

/**
 * Read one call with these notes, attended by @a who; the reading stays
 * in fx_tscratch (its text is a copy of the notes, so offsets into
 * @a notes are offsets into the reading).
 *
 * @param notes the notes
 * @param who "c1", "c2" or "both"
 */
static void
read_call (const char *notes, const char *who)
{
  const char *one[] = { notes, NULL };
  struct fx_case *fc = make_case (notes_json (one, who));

  memset (fx_tscratch->names_ready, 0, sizeof (fx_tscratch->names_ready));
  score_call_read (fx_tmodel, fx_tscratch, &fc->in, &fc->calls[0]);
  fx_case_free (fc);
}

/**
 * Read one call of Dana's with these notes (read_call()).
 *
 * @param notes the notes
 */
static void
read_note (const char *notes)
{
  read_call (notes, "c1");
}

/**
 * Read a note made of a mail header block (a banner, From:, Sent: ... in
 * some language) and the message under it, as read_note() does.
 *
 * @param header the header lines, each ending in a newline
 * @param body the message
 */
static void
read_under (const char *header, const char *body)
{
  char note[800];

  snprintf (note, sizeof (note), "%s\n%s", header, body);
  read_note (note);
}

/**
 * Read one call attended by two contacts named @a first (c1, a decision
 * maker) and @a second (c2, an influencer), as read_call() does.
 *
 * @param first c1's name
 * @param second c2's name
 * @param notes the notes
 */
static void
read_named_pair (const char *first, const char *second, const char *notes)
{
  struct fx_case *fc = make_case (json_pack (
    "{s:[{s:s, s:s, s:s, s:f}, {s:s, s:s, s:s, s:f}], s:[{s:s, s:i, "
    "s:[s, s], s:s}]}",
    "contacts", "id", "c1", "name", first, "role", "decision_maker",
    "influence", 0.9, "id", "c2", "name", second, "role", "influencer",
    "influence", 0.6, "calls", "id", "call-0", "days_ago", 5, "contacts", "c1",
    "c2", "notes", notes));

  memset (fx_tscratch->names_ready, 0, sizeof (fx_tscratch->names_ready));
  score_call_read (fx_tmodel, fx_tscratch, &fc->in, &fc->calls[0]);
  fx_case_free (fc);
}

/**
 * Kind of the boilerplate span of the last reading that holds byte @a at.
 *
 * @param at byte offset in the notes
 * @return enum score_boilerplate, -1 when the byte is content
 */
static int
span_at (size_t at)
{
  for (size_t i = 0; i < fx_tscratch->n_spans; i++)
    if (at >= fx_tscratch->spans[i].start && at < fx_tscratch->spans[i].end)
      return fx_tscratch->spans[i].kind;
  return -1;
}

/**
 * Lexicon hits of the last reading that start in [a, b).
 *
 * @param a first byte
 * @param b one past the last
 * @return how many
 */
static size_t
hits_within (size_t a, size_t b)
{
  size_t n = 0;

  for (size_t i = 0; i < fx_tscratch->n_hits; i++)
  {
    uint32_t at = fx_tscratch->tokens[fx_tscratch->hits[i].first].start;

    n += at >= a && at < b;
  }
  return n;
}

/**
 * The first hit of cue @a cue in the last reading.
 *
 * @param cue cue id, e.g. "security.guarantee"
 * @return the hit, NULL when the cue did not match
 */
static const struct score_hit *
hit_of (const char *cue)
{
  for (size_t i = 0; i < fx_tscratch->n_hits; i++)
    if (0 == strcmp (fx_tmodel->cues[fx_tscratch->hits[i].cue].id, cue))
      return &fx_tscratch->hits[i];
  return NULL;
}

/**
 * The first hit of cue @a cue in the last reading when the buyer said it.
 *
 * @param cue cue id, e.g. "power.recognition"
 * @return the hit, NULL when the cue did not match or was not the buyer's
 */
static const struct score_hit *
buyer_hit (const char *cue)
{
  const struct score_hit *h = hit_of (cue);

  return (NULL != h && SCORE_SAY_BUYER == h->speaker) ? h : NULL;
}

/**
 * Whether some hit of a cue whose id starts with @a prefix counts in the
 * last reading.
 *
 * @param prefix cue id or its start, e.g. "security."
 * @return true if one counts
 */
static bool
counts (const char *prefix)
{
  for (size_t i = 0; i < fx_tscratch->n_hits; i++)
  {
    const struct score_hit *h = &fx_tscratch->hits[i];

    if (0 == strncmp (fx_tmodel->cues[h->cue].id, prefix, strlen (prefix))
        && score_hit_counts (fx_tmodel, h))
      return true;
  }
  return false;
}

/**
 * Read @a notes and tell whether cue @a cue was read there as stood
 * against ("feels like chaos to me", "not really for me").
 *
 * @param notes the notes
 * @param cue cue id
 * @return true if a hit of @a cue is stood against
 */
static bool
read_against (const char *notes, const char *cue)
{
  const struct score_hit *h;

  read_note (notes);
  h = hit_of (cue);
  return NULL != h && h->against;
}

/**
 * Read @a notes and check that each of @a phrases lies in a boilerplate
 * span of @a kind and that no cue was read there.
 *
 * @param notes the notes
 * @param kind expected kind
 * @param phrases NULL-terminated phrases of the notes
 */
static void
assert_aside (const char *notes, enum score_boilerplate kind,
              const char *const *phrases)
{
  read_note (notes);
  for (; NULL != *phrases; phrases++)
  {
    const char *p = strstr (notes, *phrases);
    size_t a;
    size_t b;

    cr_assert_not_null (p, "\"%s\" is not in the note", *phrases);
    a = (size_t) (p - notes);
    b = a + strlen (*phrases);
    cr_assert_eq (span_at (a), (int) kind,
                  "\"%s\" is set aside as %d, expected %d", *phrases,
                  span_at (a), (int) kind);
    cr_assert_eq (span_at (b - 1), (int) kind,
                  "the end of \"%s\" is set aside as %d, expected %d",
                  *phrases, span_at (b - 1), (int) kind);
    cr_assert_eq (hits_within (a, b), 0, "a cue was read in \"%s\"", *phrases);
  }
}

/**
 * Assess a contact.
 *
 * @param fc case
 * @param id contact id
 * @param[out] out result
 */
static void
contact (const struct fx_case *fc, const char *id,
         struct score_contact_assessment *out)
{
  cr_assert_eq (score_assess_contact (fx_tmodel, &fc->in, id, fc->as_of,
                                      fx_tscratch, out),
                SCORE_OK);
}

/**
 * Dana's orientation from calls she alone attended.
 *
 * @param notes NULL-terminated notes
 * @param[out] out result
 */
static void
dana (const char *const *notes, struct score_contact_assessment *out)
{
  struct fx_case *fc = make_case (notes_json (notes, "c1"));

  contact (fc, "c1", out);
  fx_case_free (fc);
}

/**
 * Whether an orientation's evidence holds an item whose signal starts
 * with @a prefix.
 *
 * @param o the result
 * @param prefix e.g. "security."
 * @return true if one does
 */
static bool
has_evidence (const struct score_orientation_result *o, const char *prefix)
{
  for (size_t i = 0; i < o->evidence.n; i++)
    if (0 == strncmp (o->evidence.items[i].signal, prefix, strlen (prefix)))
      return true;
  return false;
}

/**
 * Assess an account.
 *
 * @param c case JSON (stolen)
 * @param[out] a result
 */
static void
account (json_t *c, struct score_account_assessment *a)
{
  struct fx_case *fc = make_case (c);

  cr_assert_eq (score_assess_account (fx_tmodel, &fc->in, fc->as_of,
                                      fx_tscratch, a),
                SCORE_OK);
  fx_case_free (fc);
}

/**
 * An account of Dana's calls with these notes.
 *
 * @param notes NULL-terminated notes
 * @param[out] a result
 */
static void
dana_account (const char *const *notes, struct score_account_assessment *a)
{
  account (notes_json (notes, "c1"), a);
}

/**
 * A ranked buyer-risk driver.
 *
 * @param a assessment
 * @param d driver
 * @return the driver, NULL when it has no points
 */
static const struct score_risk_driver_result *
driver (const struct score_account_assessment *a, enum score_driver d)
{
  for (size_t i = 0; i < a->buyer_risk.n_drivers; i++)
    if (d == a->buyer_risk.drivers[i].driver)
      return &a->buyer_risk.drivers[i];
  return NULL;
}

/**
 * Points of a driver.
 *
 * @param a assessment
 * @param d driver
 * @return its points, 0 when it is not ranked
 */
static double
points (const struct score_account_assessment *a, enum score_driver d)
{
  const struct score_risk_driver_result *r = driver (a, d);

  return NULL == r ? 0.0 : r->points;
}

/* ------------------------------------------------------------------ */
/* 1. Boilerplate never gives evidence                                  */
/* ------------------------------------------------------------------ */

/* An e-mail signature under a closing (name, title, company, tagline,
   contact lines) is the sender's letterhead, not what the buyer is like.
   The body above it still counts. */
Test (scoring_reading, signature_and_tagline_are_set_aside)
{
  static const char *const a[] = { "Best regards,", "Priya Natarajan",
                                   "Committed to performance and results",
                                   "Delivering ROI, every quarter", NULL };
  static const char *const b[] = { "Cheers,", "Tom Reilly | Account Manager",
                                   "Backed by a 99.9% uptime guarantee",
                                   NULL };
  static const char *const c[] = { "Thanks for your help!",
                                   "Results that speak for themselves", NULL };

  assert_aside ("Dana wants every promise in writing before the pilot.\n"
                "\n"
                "Best regards,\n"
                "Priya Natarajan\n"
                "Director of Operations | Halcyon Freight\n"
                "Committed to performance and results\n"
                "Delivering ROI, every quarter\n"
                "+44 20 7946 0958 | priya@halcyon.example\n",
                SCORE_BOILER_SIGNATURE, a);
  cr_assert (counts ("security.guarantee"), "the body above still counts");
  assert_aside ("Sending the revised statement of work today.\n"
                "\n"
                "Cheers,\n"
                "Tom\n"
                "--\n"
                "Tom Reilly | Account Manager\n"
                "Backed by a 99.9% uptime guarantee\n"
                "www.northwind.example\n",
                SCORE_BOILER_SIGNATURE, b);
  assert_aside ("Kickoff moved to the 14th.\n"
                "\n"
                "Thanks for your help!\n"
                "Lena Fischer\n"
                "Head of Procurement\n"
                "Results that speak for themselves\n",
                SCORE_BOILER_SIGNATURE, c);
}

/* A confidentiality notice talks of guarantees and liability in every
   e-mail the company sends: it says nothing about the buyer. */
Test (scoring_reading, disclaimer_is_set_aside)
{
  static const char *const a[] = { "CONFIDENTIALITY NOTICE",
                                   "Guarantees, warranties and liability "
                                   "commitments bind the company",
                                   NULL };
  static const char *const b[] = { "Any guarantee, warranty or assurance",
                                   "we accept liability only", NULL };

  assert_aside ("Dates for the site visit are confirmed.\n"
                "\n"
                "CONFIDENTIALITY NOTICE: This message and any attachment "
                "are confidential and intended solely for the addressee. If "
                "you received this in error, notify the sender and delete "
                "it. Guarantees, warranties and liability commitments bind "
                "the company only when put in writing and signed by an "
                "officer.\n",
                SCORE_BOILER_DISCLAIMER, a);
  assert_aside ("Dates for the site visit are confirmed.\n"
                "\n"
                "Disclaimer: the information in this email is privileged.\n"
                "Any guarantee, warranty or assurance of results is subject "
                "to a written contract;\n"
                "we accept liability only as set out there. Unauthorised "
                "copying is prohibited.\n",
                SCORE_BOILER_DISCLAIMER, b);
}

/* The earlier thread under a reply is already on record (or is the
   seller's own e-mail): "> " lines, an "On ... wrote:" line and all that
   follows, an "-----Original Message-----" block. */
Test (scoring_reading, quoted_replies_are_set_aside)
{
  static const char *const a[] = {
    "> She wants every promise in writing with a penalty clause.",
    "> Also asked for three reference customers.", NULL
  };
  static const char *const b[] = {
    "On Tue, Mar 3, 2026 at 9:14 AM",
    "We need a written guarantee and a fallback plan before we sign.",
    "Please send the spec sheets and two references.", NULL
  };
  static const char *const c[] = {
    "-----Original Message-----", "Subject: contract",
    "We need a written guarantee and a fallback plan before we sign.", NULL
  };
  static const char *const d[] = { "Dana Ruiz <dana.ruiz@example.com>",
                                   "Milestones every two weeks, please, and "
                                   "a dashboard I can show my boss.",
                                   NULL };

  assert_aside ("Sent the calendar hold for Thursday.\n"
                "\n"
                "> She wants every promise in writing with a penalty clause.\n"
                "> Also asked for three reference customers.\n",
                SCORE_BOILER_QUOTED_REPLY, a);
  assert_aside ("Sent the calendar hold for Thursday.\n"
                "\n"
                "On Tue, Mar 3, 2026 at 9:14 AM Dana Ruiz "
                "<dana.ruiz@example.com> wrote:\n"
                "We need a written guarantee and a fallback plan before we "
                "sign.\n"
                "Please send the spec sheets and two references.\n",
                SCORE_BOILER_QUOTED_REPLY, b);
  assert_aside ("Sent the calendar hold for Thursday.\n"
                "\n"
                "-----Original Message-----\n"
                "From: Dana Ruiz\n"
                "Sent: Monday, March 2, 2026 4:05 PM\n"
                "Subject: contract\n"
                "\n"
                "We need a written guarantee and a fallback plan before we "
                "sign.\n",
                SCORE_BOILER_QUOTED_REPLY, c);
  /* the "wrote:" wrapped onto its own line */
  assert_aside ("Agreed on the scope.\n"
                "\n"
                "On Wed, 4 Mar 2026, 17:20 Dana Ruiz "
                "<dana.ruiz@example.com>\n"
                "wrote:\n"
                "Milestones every two weeks, please, and a dashboard I can "
                "show my boss.\n",
                SCORE_BOILER_QUOTED_REPLY, d);
}

/* A forwarding banner and its From/Date/Subject/To lines are headers,
   even when the subject line is full of cue words. */
Test (scoring_reading, forwarding_header_is_set_aside)
{
  static const char *const a[] = { "---------- Forwarded message ---------",
                                   "From: Marcus Lee",
                                   "Subject: Guarantee, milestones and the "
                                   "penalty clause",
                                   NULL };
  static const char *const b[] = { "Begin forwarded message:",
                                   "Subject: Fwd: references and case "
                                   "studies for the board",
                                   NULL };

  assert_aside ("FYI, see below.\n"
                "\n"
                "---------- Forwarded message ---------\n"
                "From: Marcus Lee <marcus.lee@example.com>\n"
                "Date: Wed, Mar 4, 2026 at 10:02 AM\n"
                "Subject: Guarantee, milestones and the penalty clause\n"
                "To: Jordan Blake <jordan@example.com>\n"
                "\n"
                "Can we get on a call next week?\n",
                SCORE_BOILER_FORWARD_HEADER, a);
  assert_aside ("Begin forwarded message:\n"
                "\n"
                "From: Dana Ruiz <dana.ruiz@example.com>\n"
                "Subject: Fwd: references and case studies for the board\n"
                "Date: 5 March 2026 at 08:41:12 GMT\n"
                "\n"
                "Works for me.\n",
                SCORE_BOILER_FORWARD_HEADER, b);
}

/* An out-of-office reply is a machine's text: its "urgent", "timeline"
   and "guarantees" describe nobody. */
/* The same header block from a French or German mail client ("De :",
   "Envoyé :", "À :", "Objet :"; "Von:", "Gesendet:", "Betreff:"); "A:"
   alone is not a header. */
Test (scoring_reading, foreign_mail_headers_are_set_aside)
{
  static const char *const fr[] = { "De : Claire Dubois", "Envoye : jeudi",
                                    "A : Marc Lefevre",
                                    "Objet : RE: guarantee and milestones",
                                    NULL };
  static const char *const de[] = { "Von: Jonas Weber", "Gesendet: Montag",
                                    "Betreff: Referenzen and documentation",
                                    NULL };

  assert_aside ("De : Claire Dubois <c.dubois@example.fr>\n"
                "Envoye : jeudi 20 novembre 2025 18:47\n"
                "A : Marc Lefevre\n"
                "Objet : RE: guarantee and milestones\n"
                "\n"
                "Marc, I read the plan.\n",
                SCORE_BOILER_FORWARD_HEADER, fr);
  assert_aside ("Von: Jonas Weber <j.weber@example.de>\n"
                "Gesendet: Montag, 3. November 2025 09:12\n"
                "Betreff: Referenzen and documentation\n"
                "\n"
                "Hallo, kurz zum Angebot.\n",
                SCORE_BOILER_FORWARD_HEADER, de);
  read_note ("Q: what matters most?\nA: Uptime, and a guarantee in "
             "writing.\n");
  cr_assert (counts ("security.guarantee"), "an answer is not a header");
}

Test (scoring_reading, auto_reply_is_set_aside)
{
  static const char *const a[] = {
    "Automatic reply: Renewal paperwork",
    "For anything urgent about guarantees, documentation or the project "
    "timeline",
    NULL
  };
  static const char *const b[] = {
    "I'm currently away until 16 March",
    "Your message about the milestones and the service level", NULL
  };

  assert_aside ("Automatic reply: Renewal paperwork\n"
                "\n"
                "Thank you for your message. I am out of the office until "
                "Monday 9 March with limited access to email. For anything "
                "urgent about guarantees, documentation or the project "
                "timeline, please contact Li Wei.\n",
                SCORE_BOILER_AUTO_REPLY, a);
  assert_aside ("I'm currently away until 16 March and will reply on my "
                "return. Your message about the milestones and the service "
                "level will be read then.\n",
                SCORE_BOILER_AUTO_REPLY, b);
}

/* An out-of-office reply written in paragraphs, as most are: the
   paragraph after the one that names the absence ("For urgent questions
   ... please contact my colleague") is the auto-reply's too. */
Test (scoring_reading, auto_reply_in_paragraphs_is_set_aside)
{
  static const char *const a[] = {
    "I am out of the office until Monday 9 March.",
    "For urgent questions about guarantees, documentation or the project "
    "timeline",
    NULL
  };

  assert_aside ("Automatic reply: Renewal paperwork\n"
                "\n"
                "I am out of the office until Monday 9 March.\n"
                "\n"
                "For urgent questions about guarantees, documentation or the "
                "project timeline, please contact my colleague Li Wei at "
                "li.wei@example.com.\n",
                SCORE_BOILER_AUTO_REPLY, a);
}

/* A lead-capture form's fields are a record, not the buyer's words; its
   free-text message is the sender's own and still counts. */
Test (scoring_reading, lead_form_fields_are_set_aside)
{
  static const char *const a[] = {
    "Job title: VP Operations",
    "Company size: 200-500 employees",
    "Product interest: Uptime guarantee and SLA reporting",
    "How did you hear about us: Competitor comparison article",
    "Budget range: 50k-100k",
    NULL
  };

  assert_aside ("New inbound lead from the website.\n"
                "\n"
                "First name: Dana\n"
                "Last name: Ruiz\n"
                "Job title: VP Operations\n"
                "Company: Brightline Cold Storage\n"
                "Company size: 200-500 employees\n"
                "Product interest: Uptime guarantee and SLA reporting\n"
                "How did you hear about us: Competitor comparison article\n"
                "Budget range: 50k-100k\n"
                "Message: We need references from two similar warehouses "
                "before anything else.\n",
                SCORE_BOILER_FORM_FIELD, a);
  cr_assert (counts ("security.documentation"),
             "the form's message is the sender's words");
  cr_assert (! counts ("security.guarantee"));
  cr_assert (! counts ("risk.competitor"));
}

/* A Teams or Zoom invite, with its agenda list, is a calendar entry:
   "Milestones review" on an agenda is not a buyer asking for
   milestones. */
Test (scoring_reading, invite_and_agenda_are_set_aside)
{
  static const char *const a[] = {
    "Microsoft Teams meeting",
    "Meeting ID: 293 114 552 81",
    "Agenda:",
    "1. Milestones review",
    "2. Weekly status updates and dashboard",
    "3. Guarantee and penalty clause for phase 2",
    NULL
  };
  static const char *const b[] = { "Quarterly review with Dana and team",
                                   "Join Zoom Meeting",
                                   "- Deadlines and progress report",
                                   "- References and case studies", NULL };

  assert_aside ("Microsoft Teams meeting\n"
                "Join on your computer, mobile app or room device\n"
                "Click here to join the meeting\n"
                "Meeting ID: 293 114 552 81\n"
                "Passcode: x7Yq2P\n"
                "\n"
                "Agenda:\n"
                "1. Milestones review\n"
                "2. Weekly status updates and dashboard\n"
                "3. Guarantee and penalty clause for phase 2\n",
                SCORE_BOILER_INVITE, a);
  assert_aside ("Quarterly review with Dana and team\n"
                "When: Thursday, March 12, 2026 2:00 PM-3:00 PM\n"
                "Join Zoom Meeting https://us02web.zoom.us/j/8812345678\n"
                "\n"
                "Agenda\n"
                "- Deadlines and progress report\n"
                "- References and case studies\n",
                SCORE_BOILER_INVITE, b);
}

/* A carrier's tracking update ("guaranteed by 10:30", "proof of
   delivery", "on track") is about a parcel. */
Test (scoring_reading, tracking_lines_are_set_aside)
{
  static const char *const a[] = {
    "Tracking number: 1Z 999 AA1 01 2345 6784",
    "Your package is out for delivery - guaranteed by 10:30 AM",
    "Proof of delivery will be available after signature", NULL
  };
  static const char *const b[] = { "Shipment status: in transit, on track",
                                   "Estimated delivery: Friday, "
                                   "guaranteed before noon",
                                   NULL };

  assert_aside ("Replacement sensors shipped to Dana today.\n"
                "\n"
                "Tracking number: 1Z 999 AA1 01 2345 6784\n"
                "Your package is out for delivery - guaranteed by 10:30 AM\n"
                "Proof of delivery will be available after signature\n",
                SCORE_BOILER_TRACKING, a);
  assert_aside ("Spare gaskets are on their way.\n"
                "Shipment status: in transit, on track\n"
                "Estimated delivery: Friday, guaranteed before noon\n",
                SCORE_BOILER_TRACKING, b);
}

/* A recorder's or transcriber's banner ("for quality assurance") is not
   the buyer asking for assurances. */
Test (scoring_reading, recording_headers_are_set_aside)
{
  static const char *const a[] = {
    "Recording started", "Transcript generated by Otter.ai",
    "This meeting is being recorded for quality assurance", NULL
  };
  static const char *const b[] = { "Call recording - results review",
                                   "Transcript generated by Fireflies.ai",
                                   NULL };

  assert_aside ("Recording started\n"
                "Transcript generated by Otter.ai\n"
                "This meeting is being recorded for quality assurance and "
                "compliance\n"
                "\n"
                "Went through the floor layout together.\n",
                SCORE_BOILER_RECORDING_HEADER, a);
  assert_aside ("Call recording - results review\n"
                "Transcript generated by Fireflies.ai\n"
                "\n"
                "Short call, agreed to meet on site.\n",
                SCORE_BOILER_RECORDING_HEADER, b);
}

/**
 * Dana's (and her account's) orientation from two calls of boilerplate,
 * and hers from two calls of the same cue sentences as plain notes.
 *
 * @param boiler NULL-terminated notes made of boilerplate
 * @param plain NULL-terminated plain notes with the same cue sentences
 * @param expect the orientation of the plain notes
 */
static void
boiler_vs_plain (const char *const *boiler, const char *const *plain,
                 enum score_orientation expect)
{
  struct score_contact_assessment a;
  struct score_account_assessment *t = calloc (1, sizeof (*t));

  dana_account (boiler, t);
  cr_assert_eq (t->orientation.primary, SCORE_ORIENTATION_NONE,
                "the team read as %s",
                score_orientation_name (t->orientation.primary));
  cr_assert_eq (t->orientation.evidence.total, 0);
  free (t);
  dana (boiler, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE,
                "boilerplate read as %s (%s)",
                score_orientation_name (a.orientation.primary),
                a.orientation.evidence.items[0].excerpt);
  cr_assert_eq (a.orientation.evidence.total, 0, "evidence %s: \"%s\"",
                a.orientation.evidence.items[0].signal,
                a.orientation.evidence.items[0].excerpt);
  dana (plain, &a);
  cr_assert_eq (a.orientation.primary, expect, "plain notes read as %s",
                score_orientation_name (a.orientation.primary));
}

/* A contact whose calls hold only boilerplate has no orientation; the
   same sentences typed as notes do. */
Test (scoring_reading, boilerplate_only_contact_has_no_orientation)
{
  static const char *const quoted[] = {
    "Booked the room.\n"
    "\n"
    "> She wants every promise in writing with a penalty clause.\n"
    "> Also asked for three reference customers and the spec sheets.\n",
    "Sent the hold.\n"
    "\n"
    "On Mon, 9 Mar 2026 at 11:02, Dana Ruiz <dana.ruiz@example.com> "
    "wrote:\n"
    "Nothing moves until legal has reviewed the paperwork line by line.\n",
    NULL
  };
  static const char *const quoted_plain[] = {
    "She wants every promise in writing with a penalty clause.\n"
    "Also asked for three reference customers and the spec sheets.\n",
    "Nothing moves until legal has reviewed the paperwork line by line.\n",
    NULL
  };
  static const char *const agenda[] = {
    "Microsoft Teams meeting\n"
    "Click here to join the meeting\n"
    "Meeting ID: 293 114 552 81\n"
    "\n"
    "Agenda:\n"
    "1. Milestones review\n"
    "2. Weekly status updates and dashboard\n"
    "3. Deadlines for phase 2\n",
    "Join Zoom Meeting https://us02web.zoom.us/j/8812345678\n"
    "Meeting ID: 881 2345 678\n"
    "\n"
    "Agenda\n"
    "- Progress report vs plan\n"
    "- Go live date\n",
    NULL
  };
  static const char *const agenda_plain[] = {
    "Milestones review\n"
    "Weekly status updates and dashboard\n"
    "Deadlines for phase 2\n",
    "Progress report vs plan\n"
    "Go live date\n",
    NULL
  };
  static const char *const signature[] = { "Confirmed the delivery window.\n"
                                           "\n"
                                           "Kind regards,\n"
                                           "Jordan Blake\n"
                                           "Account Executive | Northwind\n"
                                           "Driving results, hitting targets\n"
                                           "Delivering measurable ROI\n",
                                           "Invoice resent.\n"
                                           "\n"
                                           "Best,\n"
                                           "Jordan\n"
                                           "Quick wins. Real impact.\n",
                                           NULL };
  static const char *const signature_plain[] = {
    "Driving results, hitting targets\n"
    "Delivering measurable ROI\n",
    "Quick wins. Real impact.\n", NULL
  };

  boiler_vs_plain (quoted, quoted_plain, SCORE_ORIENTATION_SECURITY);
  boiler_vs_plain (agenda, agenda_plain, SCORE_ORIENTATION_POWER);
  boiler_vs_plain (signature, signature_plain, SCORE_ORIENTATION_POWER);
}

/* ------------------------------------------------------------------ */
/* 2. Transcripts: whoever speaks is described                          */
/* ------------------------------------------------------------------ */

/**
 * Dana's and Marcus's orientations from calls both attended.
 *
 * @param notes NULL-terminated notes
 * @param[out] d Dana's
 * @param[out] m Marcus's
 */
static void
both (const char *const *notes, struct score_contact_assessment *d,
      struct score_contact_assessment *m)
{
  struct fx_case *fc = make_case (notes_json (notes, "both"));

  contact (fc, "c1", d);
  contact (fc, "c2", m);
  fx_case_free (fc);
}

/* A labelled transcript in the notes: Dana's lines describe Dana (not
   Marcus, who was on the call but did not speak), and the rep's pitch of
   guarantees and references describes nobody. */
Test (scoring_reading, labelled_lines_describe_the_speaker)
{
  static const char *const plain[] = {
    "Rep: Thanks for making time. We can guarantee the uptime and put "
    "every milestone in writing.\n"
    "Dana: Honestly I care about the results and hitting my targets this "
    "year.\n"
    "Rep: Understood. We have references and full documentation.\n"
    "Dana: I want the credit for this when it lands.\n",
    "Rep: Shall I send the case studies and the security questionnaire?\n"
    "Dana: Skip that. Show me the numbers and a quick win by Q2.\n",
    NULL
  };
  static const char *const timed[] = {
    "[00:12:31] Jordan (Account Exec): We offer a money back guarantee and "
    "a detailed project plan.\n"
    "[00:12:58] Dana (CFO): Good. I need a quick win this quarter.\n"
    "[00:13:20] Jordan (Account Exec): Happy to send case studies and "
    "references.\n"
    "[00:13:41] Dana (CFO): Fine, but the results are what I get judged "
    "on, and I want to hit my targets.\n",
    NULL
  };
  const char *const *sets[] = { plain, timed };

  for (size_t i = 0; i < 2; i++)
  {
    struct score_contact_assessment d;
    struct score_contact_assessment m;

    both (sets[i], &d, &m);
    cr_assert_eq (d.orientation.primary, SCORE_ORIENTATION_POWER,
                  "set %zu: Dana read as %s", i,
                  score_orientation_name (d.orientation.primary));
    cr_assert (! has_evidence (&d.orientation, "security.guarantee")
                 && ! has_evidence (&d.orientation, "security.documentation"),
               "set %zu: the rep's pitch counted for Dana", i);
    cr_assert_eq (m.orientation.evidence.total, 0,
                  "set %zu: Marcus got %s (\"%s\")", i,
                  m.orientation.evidence.items[0].signal,
                  m.orientation.evidence.items[0].excerpt);
    cr_assert_eq (m.orientation.primary, SCORE_ORIENTATION_NONE);
  }
}

/* A key line ("Legend: A = Dana Ruiz (COO), B = Sam (AE)") names who the
   letters are: "A:" is then Dana, not an answer, and the key line is set
   aside, not a turn of its own. */
Test (scoring_reading, keyed_letters_are_speakers)
{
  static const char *const notes[] = {
    "Recording - Ruiz Foods, 3 March\n"
    "Legend: A = Dana Ruiz (COO, Ruiz Foods), B = Sam Ortiz (Rapport, "
    "account manager), C = Marcus Lee (Ruiz Foods)\n"
    "B: We can guarantee the uptime and send references and documentation.\n"
    "A: Show me the numbers. I need a quick win this quarter and I want "
    "to hit my targets.\n"
    "B: Understood.\n"
    "A: And I want the credit for this when it lands.\n",
    NULL
  };
  struct score_contact_assessment d;
  struct score_contact_assessment m;

  read_note (notes[0]);
  cr_assert_eq (span_at (strlen ("Recording - Ruiz Foods, 3 March\nLeg")),
                SCORE_BOILER_RECORDING_HEADER, "the key line is set aside");
  both (notes, &d, &m);
  cr_assert_eq (d.orientation.primary, SCORE_ORIENTATION_POWER,
                "Dana read as %s",
                score_orientation_name (d.orientation.primary));
  cr_assert (! has_evidence (&d.orientation, "security.guarantee"),
             "the rep's pitch counted for Dana");
  cr_assert_eq (m.orientation.evidence.total, 0, "Marcus did not speak");
}

/* When Marcus is the one speaking, his lines are his: the same call
   read for Dana has nothing of them. */
Test (scoring_reading, second_contact_speaking_is_described)
{
  static const char *const notes[] = {
    "Rep: What would a good first phase look like for you?\n"
    "Marcus: Before anything I need the spec sheets, references and a "
    "written guarantee.\n"
    "Rep: Understood.\n"
    "Marcus: And a fallback plan if the migration goes wrong. I hate "
    "surprises.\n",
    NULL
  };
  struct score_contact_assessment d;
  struct score_contact_assessment m;

  both (notes, &d, &m);
  cr_assert_eq (m.orientation.primary, SCORE_ORIENTATION_SECURITY,
                "Marcus read as %s",
                score_orientation_name (m.orientation.primary));
  cr_assert_eq (d.orientation.evidence.total, 0, "Dana got %s (\"%s\")",
                d.orientation.evidence.items[0].signal,
                d.orientation.evidence.items[0].excerpt);
}

/* The seller's own lines are no evidence of the buyer, for a contact or
   for the buying team. */
Test (scoring_reading, seller_lines_count_for_nobody)
{
  static const char *const notes[] = {
    "Rep: We guarantee the uptime in writing, with penalties and a "
    "fallback plan.\n"
    "Dana: OK.\n"
    "Rep: I'll send references, case studies and the full documentation.\n"
    "Dana: Sure, send them over.\n",
    "Me: Our milestones and weekly status reports keep you on track.\n"
    "Dana: Noted.\n"
    "Me: And the results: ROI inside a quarter.\n"
    "Dana: Let's talk next week.\n",
    NULL
  };
  struct score_contact_assessment d;
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  dana (notes, &d);
  cr_assert_eq (d.orientation.primary, SCORE_ORIENTATION_NONE, "read as %s",
                score_orientation_name (d.orientation.primary));
  cr_assert_eq (d.orientation.evidence.total, 0, "Dana got %s (\"%s\")",
                d.orientation.evidence.items[0].signal,
                d.orientation.evidence.items[0].excerpt);
  dana_account (notes, a);
  cr_assert_eq (a->orientation.primary, SCORE_ORIENTATION_NONE);
  cr_assert_eq (a->orientation.evidence.total, 0, "team got %s (\"%s\")",
                a->orientation.evidence.items[0].signal,
                a->orientation.evidence.items[0].excerpt);
  free (a);
}

/**
 * A case of both contacts with one call carrying transcript turns.
 *
 * @param turns turns JSON (stolen)
 * @return new case
 */
static struct fx_case *
turns_case (json_t *turns)
{
  json_t *call = json_pack ("{s:s, s:i, s:[s, s], s:s, s:o}", "id", "call-t",
                            "days_ago", 4, "contacts", "c1", "c2", "notes",
                            "Video call, transcript attached.", "transcript",
                            turns);

  return make_case (
    json_pack ("{s:o, s:[o]}", "contacts", contacts_json (), "calls", call));
}

/* The call's `turns` (struct score_turn) read like labelled notes: a
   buyer turn describes its contact (by id, or by the speaker's name),
   seller turns describe nobody. */
Test (scoring_reading, transcript_turns_describe_the_speaker)
{
  struct fx_case *by_id = turns_case (json_pack (
    "[{s:s, s:s, s:s}, {s:s, s:s, s:s, s:s}, {s:s, s:s, s:s},"
    " {s:s, s:s, s:s, s:s}]",
    "speaker", "Jordan", "role", "seller", "text",
    "We give you a money back guarantee and weekly progress reports.",
    "speaker", "Marcus", "role", "buyer", "contact", "c2", "text",
    "Good, because I need everything in writing and three references.",
    "speaker", "Jordan", "role", "seller", "text",
    "Our results speak for themselves: ROI inside a quarter.", "speaker",
    "Marcus", "role", "buyer", "contact", "c2", "text",
    "We have been burned before, so a fallback plan is a must."));
  struct fx_case *by_name = turns_case (json_pack (
    "[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}]",
    "speaker", "Rep", "role", "seller", "text",
    "We can put a penalty clause and a written guarantee in the contract.",
    "speaker", "Dana Ruiz", "role", "buyer", "text",
    "What I care about is the bottom line and hitting my targets.", "speaker",
    "Rep", "role", "seller", "text",
    "I will send the documentation and the spec sheets.", "speaker",
    "Dana Ruiz", "role", "buyer", "text",
    "And I want the credit for this with our CEO."));
  struct score_contact_assessment d;
  struct score_contact_assessment m;

  contact (by_id, "c2", &m);
  contact (by_id, "c1", &d);
  cr_assert_eq (m.orientation.primary, SCORE_ORIENTATION_SECURITY,
                "Marcus read as %s",
                score_orientation_name (m.orientation.primary));
  cr_assert (! has_evidence (&m.orientation, "power."),
             "the seller's progress reports counted for Marcus");
  cr_assert_eq (d.orientation.evidence.total, 0, "Dana got %s (\"%s\")",
                d.orientation.evidence.items[0].signal,
                d.orientation.evidence.items[0].excerpt);

  contact (by_name, "c1", &d);
  contact (by_name, "c2", &m);
  cr_assert_eq (d.orientation.primary, SCORE_ORIENTATION_POWER,
                "Dana read as %s",
                score_orientation_name (d.orientation.primary));
  cr_assert (! has_evidence (&d.orientation, "security."),
             "the seller's guarantee counted for Dana");
  cr_assert_eq (m.orientation.evidence.total, 0, "Marcus got %s (\"%s\")",
                m.orientation.evidence.items[0].signal,
                m.orientation.evidence.items[0].excerpt);
  fx_case_free (by_id);
  fx_case_free (by_name);
}

/**
 * Assess seller s1 from calls whose seller_talk_ratio and
 * questions_asked are unknown, each with a transcript of alternating
 * seller and buyer turns.
 *
 * @param seller the seller's lines, one per call
 * @param buyer the buyer's lines, one per call
 * @param n calls
 * @param[out] out result
 */
static void
seller_from_turns (const char *const *seller, const char *const *buyer,
                   size_t n, struct score_seller_assessment *out)
{
  json_t *calls = json_array ();
  struct fx_case *fc;

  for (size_t i = 0; i < n; i++)
  {
    char id[32];

    snprintf (id, sizeof (id), "call-%zu", i);
    json_array_append_new (
      calls,
      json_pack ("{s:s, s:i, s:[s], s:s, s:s, s:[{s:s, s:s, s:s},"
                 " {s:s, s:s, s:s, s:s}]}",
                 "id", id, "days_ago", 3 + 7 * (int) i, "contacts", "c1",
                 "kind", "discovery", "notes", "", "transcript", "speaker",
                 "Jordan", "role", "seller", "text", seller[i], "speaker",
                 "Dana", "role", "buyer", "contact", "c1", "text", buyer[i]));
  }
  fc = make_case (
    json_pack ("{s:o, s:o}", "contacts", contacts_json (), "calls", calls));
  cr_assert_eq (fc->calls[0].seller_talk_ratio < 0, true);
  cr_assert_eq (fc->calls[0].questions_asked < 0, true);
  cr_assert_eq (score_assess_seller (fx_tmodel, &fc->seller, fc->as_of,
                                     fx_tscratch, out),
                SCORE_OK);
  fx_case_free (fc);
}

/* Without logged talk ratios or question counts, transcript turns measure
   them: the traits are known, say so, and a monologue scores below a
   conversation led by questions. */
Test (scoring_reading, seller_traits_measured_from_turns)
{
  static const char *const pusher_says[] = {
    "Let me walk you through our platform. It has route optimisation, a "
    "driver app, live tracking, automated invoicing, a customer portal, "
    "an API for your ERP and a reporting suite that your finance people "
    "will love. We are rolling out the new module next month and it "
    "would fit right in.",
    "So as I was saying, the enterprise tier gives you everything in the "
    "standard tier plus dedicated hosting, single sign-on, audit logs and "
    "premium support, and if you sign this month I can include onboarding "
    "for all three depots at no extra charge.",
    NULL
  };
  static const char *const pusher_hears[] = { "Okay.", "Right, noted.", NULL };
  static const char *const builder_says[] = {
    "What happens today when a delivery runs late? Who hears about it "
    "first?",
    "How do your depot leads decide which routes to change? What would "
    "you like them to stop doing by hand?",
    NULL
  };
  static const char *const builder_hears[] = {
    "Usually the customer calls us before the driver does, which is the "
    "whole problem. Our dispatchers find out from an angry phone call, "
    "then spend twenty minutes working out where the truck actually is, "
    "and by then the slot at the warehouse is gone.",
    "Mostly gut feel and a spreadsheet that one person maintains. If she "
    "is on holiday nothing changes for two weeks. I would love them to "
    "stop rebuilding the plan every morning and spend that time on the "
    "exceptions instead.",
    NULL
  };
  struct score_seller_assessment p;
  struct score_seller_assessment b;

  seller_from_turns (pusher_says, pusher_hears, 2, &p);
  seller_from_turns (builder_says, builder_hears, 2, &b);
  for (int i = 0; i < 2; i++)
  {
    const struct score_seller_assessment *s = i ? &b : &p;
    const struct score_trait_result *talk = &s->traits[SCORE_TRAIT_TALK_SHARE];
    const struct score_trait_result *q = &s->traits[SCORE_TRAIT_QUESTIONS];

    cr_assert (talk->known, "%s", talk->explanation);
    cr_assert (q->known, "%s", q->explanation);
    cr_assert_not_null (strstr (talk->explanation, "transcript"), "%s",
                        talk->explanation);
    cr_assert_not_null (strstr (q->explanation, "transcript"), "%s",
                        q->explanation);
  }
  cr_assert_gt (p.traits[SCORE_TRAIT_TALK_SHARE].value, 0.8, "%s",
                p.traits[SCORE_TRAIT_TALK_SHARE].explanation);
  cr_assert_lt (b.traits[SCORE_TRAIT_TALK_SHARE].value, 0.35, "%s",
                b.traits[SCORE_TRAIT_TALK_SHARE].explanation);
  cr_assert_lt (p.traits[SCORE_TRAIT_TALK_SHARE].contribution, 0);
  cr_assert_gt (b.traits[SCORE_TRAIT_TALK_SHARE].contribution, 0);
  cr_assert_lt (p.traits[SCORE_TRAIT_QUESTIONS].value,
                b.traits[SCORE_TRAIT_QUESTIONS].value);
  cr_assert_lt (p.score, b.score, "pusher %.1f, builder %.1f", p.score,
                b.score);
}

/* ------------------------------------------------------------------ */
/* 3. Whom a cue describes                                              */
/* ------------------------------------------------------------------ */

/**
 * Check that in each note every hit of cues starting with @a prefix
 * carries @a reason and does not count.
 *
 * @param notes NULL-terminated notes
 * @param prefix cue id or its start
 * @param reason SCORE_READ_* bit(s), any of which must be set
 */
static void
assert_reason (const char *const *notes, const char *prefix, uint16_t reason)
{
  for (; NULL != *notes; notes++)
  {
    bool seen = false;

    read_note (*notes);
    for (size_t i = 0; i < fx_tscratch->n_hits; i++)
    {
      const struct score_hit *h = &fx_tscratch->hits[i];

      if (0 != strncmp (fx_tmodel->cues[h->cue].id, prefix, strlen (prefix)))
        continue;
      seen = true;
      cr_assert (h->reasons & reason, "\"%s\": %s has reasons %#x, not %#x",
                 *notes, fx_tmodel->cues[h->cue].id, h->reasons, reason);
      cr_assert (! score_hit_counts (fx_tmodel, h), "\"%s\": %s counts",
                 *notes, fx_tmodel->cues[h->cue].id);
    }
    cr_assert (seen, "\"%s\": no %s cue matched", *notes, prefix);
  }
}

/* A colleague's habits describe the colleague: Dana is not the thorough
   one because her analyst is. */
Test (scoring_reading, colleague_habits_are_not_the_contact)
{
  static const char *const notes[] = {
    "Her procurement analyst is the thorough one who wants every document.",
    "Dana's boss is the one who insists on references and a written "
    "guarantee.",
    "Their finance team wants every detail in writing before anything "
    "moves.",
    NULL
  };
  static const char *const herself[] = {
    "Dana is the thorough one who wants every document.",
    "She insists on references and a written guarantee.", NULL
  };
  struct score_contact_assessment a;

  assert_reason (notes, "security.", SCORE_READ_THIRD_PARTY);
  dana (notes, &a);
  cr_assert (! has_evidence (&a.orientation, "security."),
             "a colleague's habit counted: \"%s\"",
             a.orientation.evidence.items[0].excerpt);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE);
  dana (herself, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_SECURITY,
                "her own habits read as %s",
                score_orientation_name (a.orientation.primary));
}

/* A predecessor's shopping around is history: no competitor activity. */
Test (scoring_reading, predecessor_habits_are_history)
{
  static const char *const notes[] = {
    "The old buyer used to re-quote every year.",
    "Her predecessor put the contract out to bid every spring.",
    "The previous procurement lead shopped us around constantly.", NULL
  };
  static const char *const now[] = {
    "Dana re-quotes every year.",
    "She puts the contract out to bid every spring.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  assert_reason (notes, "risk.competitor", SCORE_READ_FORMER);
  read_note (notes[0]);
  cr_assert (hit_of ("risk.competitor")->reasons & SCORE_READ_PAST,
             "\"used to\" is a habit that stopped");
  dana_account (notes, a);
  cr_assert_float_eq (points (a, SCORE_DRIVER_COMPETITOR_ACTIVITY), 0.0, 1e-9,
                      "a predecessor's habit gave %.1f points",
                      points (a, SCORE_DRIVER_COMPETITOR_ACTIVITY));
  dana_account (now, a);
  cr_assert_gt (points (a, SCORE_DRIVER_COMPETITOR_ACTIVITY), 0.0,
                "Dana's own habit is competitor activity");
  free (a);
}

/* A habit that stopped ("used to", "no longer", "anymore", "formerly")
   does not describe the contact now. */
Test (scoring_reading, stopped_habits_do_not_count)
{
  static const char *const notes[] = {
    "She used to want every promise in writing.",
    "Formerly a stickler for documentation and references.",
    "She has stopped asking for spec sheets anymore.",
    "Dana no longer shows up with a checklist of risks.", NULL
  };
  static const char *const now[] = {
    "She wants every promise in writing.",
    "A stickler for documentation and references.", NULL
  };
  struct score_contact_assessment a;

  assert_reason (notes, "security.", SCORE_READ_PAST | SCORE_READ_NEGATED);
  read_note (notes[0]);
  cr_assert (hit_of ("security.guarantee")->reasons & SCORE_READ_PAST);
  read_note (notes[2]);
  cr_assert (hit_of ("security.documentation")->reasons & SCORE_READ_PAST);
  dana (notes, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE, "read as %s",
                score_orientation_name (a.orientation.primary));
  cr_assert (! has_evidence (&a.orientation, "security."),
             "a stopped habit counted: \"%s\"",
             a.orientation.evidence.items[0].excerpt);
  dana (now, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_SECURITY);
}

/* A supposition is not a fact about the buyer. */
Test (scoring_reading, hypotheticals_do_not_count)
{
  static const char *const notes[] = {
    "If we were the kind of buyer who stays out of loyalty, we'd renew "
    "without looking.",
    "Imagine we were loyal to a vendor just because we like the rep.",
    "As if Dana would ever stay with a supplier out of loyalty.", NULL
  };
  static const char *const fact[] = {
    "We stay out of loyalty; we renew without looking.",
    "She is loyal to the incumbent because she likes the rep.", NULL
  };
  struct score_contact_assessment a;

  assert_reason (notes, "affiliation.loyal", SCORE_READ_HYPOTHETICAL);
  dana (notes, &a);
  cr_assert (! has_evidence (&a.orientation, "affiliation.loyal"),
             "a supposition counted: \"%s\"",
             a.orientation.evidence.items[0].excerpt);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_NONE);
  dana (fact, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_AFFILIATION,
                "read as %s", score_orientation_name (a.orientation.primary));
}

/* "Hypothetically," opening a sentence makes the rest of the sentence a
   supposition, past the comma that follows it. */
Test (scoring_reading, hypothetically_then_a_comma)
{
  static const char *const notes[] = {
    "Hypothetically, if she wanted a guarantee we could add one.",
    "Hypothetically, she would want references from two similar sites.", NULL
  };

  assert_reason (notes, "security.", SCORE_READ_HYPOTHETICAL);
}

/* Irony and scare quotes mock the word: "oh sure, another 'guaranteed'
   date" is no wish for guarantees. */
Test (scoring_reading, irony_and_scare_quotes_do_not_count)
{
  static const char *const guarantee[] = {
    "Oh sure, another 'guaranteed' date.",
    "She laughed at the \"guarantee\" in their last contract.", NULL
  };
  static const char *const milestones[] = {
    "Oh great, more milestones we will miss.",
    "Yeah right, weekly 'milestones' again.", NULL
  };
  struct score_contact_assessment a;
  static const char *const both_sets[] = {
    "Oh sure, another 'guaranteed' date.",
    "Yeah right, weekly 'milestones' again.", NULL
  };

  assert_reason (guarantee, "security.guarantee", SCORE_READ_SARCASM);
  assert_reason (milestones, "power.milestones", SCORE_READ_SARCASM);
  dana (both_sets, &a);
  cr_assert_eq (a.orientation.evidence.total, 0, "%s (\"%s\")",
                a.orientation.evidence.items[0].signal,
                a.orientation.evidence.items[0].excerpt);
}

/* Giving the credit to the team is Actualization, not Power's wish for
   credit; wanting the credit is Power. */
Test (scoring_reading, team_credit_is_actualization_not_power)
{
  static const char *const gives[] = {
    "She gave all the credit to her team.",
    "He credited his team for the win, not himself.",
    "Dana made sure her team got the credit with the board.", NULL
  };
  static const char *const wants[] = {
    "She wants the credit with the board for this.",
    "He wants to be seen as the one who found us.", NULL
  };
  struct score_contact_assessment a;

  read_note (gives[0]);
  cr_assert (counts ("actualization.shares_credit"));
  /* "the credit" is either inside the longer phrase or opposed by it */
  cr_assert (NULL == hit_of ("power.recognition")
               || (hit_of ("power.recognition")->reasons & SCORE_READ_OPPOSED),
             "reasons %#x", hit_of ("power.recognition")->reasons);
  for (int i = 0; gives[i]; i++)
  {
    read_note (gives[i]);
    cr_assert (counts ("actualization.shares_credit"), "\"%s\"", gives[i]);
    cr_assert (! counts ("power."), "\"%s\" counted for Power", gives[i]);
  }
  dana (gives, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_ACTUALIZATION,
                "read as %s", score_orientation_name (a.orientation.primary));
  cr_assert (! has_evidence (&a.orientation, "power."));
  dana (wants, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_POWER, "read as %s",
                score_orientation_name (a.orientation.primary));
}

/* Accepting a rough patch for a bigger gain is taking a risk
   (Actualization), not aversion to risk (Security). */
Test (scoring_reading, short_term_pain_is_taking_risks)
{
  static const char *const notes[] = {
    "She is fine with a rough few weeks if it means a bigger gain.",
    "He will accept short-term pain and a bit of risk for the long-term "
    "gain.",
    "Dana says the disruption risk is worth it for the bigger payoff.", NULL
  };
  struct score_contact_assessment a;

  for (int i = 0; notes[i]; i++)
  {
    const struct score_hit *h;

    read_note (notes[i]);
    cr_assert (counts ("actualization.takes_risks"), "\"%s\"", notes[i]);
    cr_assert (! counts ("security."), "\"%s\" counted for Security",
               notes[i]);
    h = hit_of ("security.risk_averse");
    if (NULL != h)
      cr_assert (h->reasons & SCORE_READ_OPPOSED, "\"%s\": reasons %#x",
                 notes[i], h->reasons);
  }
  dana (notes, &a);
  cr_assert_eq (a.orientation.primary, SCORE_ORIENTATION_ACTUALIZATION,
                "read as %s", score_orientation_name (a.orientation.primary));
  cr_assert (! has_evidence (&a.orientation, "security."));
}

/* ------------------------------------------------------------------ */
/* 4. Indirect risk                                                     */
/* ------------------------------------------------------------------ */

/**
 * Points of a driver for an account of one call of Dana's.
 *
 * @param note the call's notes
 * @param d driver
 * @return points
 */
static double
one_note_points (const char *note, enum score_driver d)
{
  const char *notes[] = { note, NULL };
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  double v;

  dana_account (notes, a);
  v = points (a, d);
  free (a);
  return v;
}

/* Asking for flexibility on the number is price pressure, even unsaid. */
Test (scoring_reading, indirect_price_request_is_supplier_evaluation)
{
  static const char *const notes[] = {
    "Call with Dana. Any flexibility on the number?",
    "Dana asked if there is any wiggle room on the rate this year.",
    "Is there any flexibility on pricing for the second site, she asked.", NULL
  };

  cr_assert_float_eq (one_note_points ("Call with Dana about the rollout "
                                       "dates.",
                                       SCORE_DRIVER_SUPPLIER_EVALUATION),
                      0.0, 1e-9);
  for (int i = 0; notes[i]; i++)
    cr_assert_gt (one_note_points (notes[i], SCORE_DRIVER_SUPPLIER_EVALUATION),
                  0.0, "\"%s\"", notes[i]);
}

/* A forwarded procurement notice that re-tenders the supplier base, and
   a buyer exporting data for a side-by-side with a platform they are
   trialling, put the account under review. */
Test (scoring_reading, retender_and_side_by_side_are_supplier_evaluation)
{
  static const char *const notes[] = {
    "FYI see below.\n\n---------- Forwarded message ---------\n"
    "From: Group Procurement\nSubject: Supplier base 2026\n\n"
    "All, we will consolidate our suppliers from 14 to 5 next year. "
    "Incumbents will be asked to re-bid in Q1.",
    "Dana asked for a full export of their data for a side-by-side.", NULL
  };

  for (int i = 0; notes[i]; i++)
    cr_assert_gt (one_note_points (notes[i], SCORE_DRIVER_SUPPLIER_EVALUATION),
                  0.0, "\"%s\"", notes[i]);
  cr_assert_gt (one_note_points ("Dana says they're trialling another "
                                 "platform.",
                                 SCORE_DRIVER_COMPETITOR_ACTIVITY),
                0.0);
}

/* Praising a rival and wanting a closer look is competitor activity. */
Test (scoring_reading, praise_of_a_rival_is_competitor_activity)
{
  static const char *const notes[] = {
    "Their routing dashboard looked great at the trade show, Dana said "
    "they may take a closer look at them.",
    "Marcus was impressed by the Vantix demo and thinks they are worth a "
    "closer look.",
    "Dana heard good things about Vantix and might look closer at them "
    "next quarter.",
    NULL
  };

  for (int i = 0; notes[i]; i++)
    cr_assert_gt (one_note_points (notes[i], SCORE_DRIVER_COMPETITOR_ACTIVITY),
                  0.0, "\"%s\"", notes[i]);
}

/**
 * Supplier-evaluation points of one call of Dana's on which pricing was
 * a topic.
 *
 * @param note the call's notes
 * @return points
 */
static double
pricing_call_points (const char *note)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  double v;

  account (json_pack ("{s:o, s:[{s:s, s:i, s:[s], s:s, s:[s]}]}", "contacts",
                      contacts_json (), "calls", "id", "call-r", "days_ago", 5,
                      "contacts", "c1", "notes", note, "topics", "pricing"),
           a);
  v = points (a, SCORE_DRIVER_SUPPLIER_EVALUATION);
  free (a);
  return v;
}

/* A settled buyer ("we're comfortable, don't expect any change at
   renewal") is no supplier evaluation, even on a call where pricing came
   up. */
Test (scoring_reading, settled_buyer_is_not_supplier_evaluation)
{
  static const char *const notes[] = {
    "Dana: we're comfortable, don't expect any change at renewal.",
    "We're comfortable with you and we are not looking to change at "
    "renewal, Dana said.",
    "Happy where we are, renew as is, Dana said.", NULL
  };

  cr_assert_gt (pricing_call_points ("Renewal call, went through next "
                                     "year's price list."),
                0.0, "pricing on the agenda is a little review");
  for (int i = 0; notes[i]; i++)
    cr_assert_float_eq (pricing_call_points (notes[i]), 0.0, 1e-9, "\"%s\"",
                        notes[i]);
  /* nor, on their own, either review or competitor activity */
  for (int i = 0; notes[i]; i++)
  {
    cr_assert_float_eq (one_note_points (notes[i],
                                         SCORE_DRIVER_SUPPLIER_EVALUATION),
                        0.0, 1e-9, "\"%s\"", notes[i]);
    cr_assert_float_eq (one_note_points (notes[i],
                                         SCORE_DRIVER_COMPETITOR_ACTIVITY),
                        0.0, 1e-9, "\"%s\"", notes[i]);
  }
}

/**
 * An account of both contacts with one report card each.
 *
 * @param r1 Dana's recommend_score
 * @param r2 Marcus's recommend_score
 * @param[out] a result
 */
static void
cards_account (int r1, int r2, struct score_account_assessment *a)
{
  account (json_pack ("{s:o, s:[{s:s, s:i, s:[s, s], s:s}],"
                      " s:[{s:s, s:s, s:i, s:i, s:i}, {s:s, s:s, s:i, s:i,"
                      " s:i}]}",
                      "contacts", contacts_json (), "calls", "id", "call-a",
                      "days_ago", 6, "contacts", "c1", "c2", "notes",
                      "Quarterly review, went through the open tickets.",
                      "cards", "id", "card-1", "contact", "c1", "days_ago", 10,
                      "overall", 4, "recommend", r1, "id", "card-2", "contact",
                      "c2", "days_ago", 12, "overall", 4, "recommend", r2),
           a);
}

/* Passives (7-8) are not detractors; a 3 is, and the explanation counts
   it. */
Test (scoring_reading, passives_are_not_detractors)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  const struct score_risk_driver_result *d;

  cards_account (7, 8, a);
  cr_assert_null (driver (a, SCORE_DRIVER_DETRACTORS),
                  "passives gave %.1f detractor points",
                  points (a, SCORE_DRIVER_DETRACTORS));
  cards_account (8, 8, a);
  cr_assert_null (driver (a, SCORE_DRIVER_DETRACTORS));
  cards_account (7, 3, a);
  d = driver (a, SCORE_DRIVER_DETRACTORS);
  cr_assert_not_null (d, "a 3 of 10 is a detractor");
  cr_assert_gt (d->points, 0);
  cr_assert_not_null (strstr (d->explanation, "1 contact(s) would not "
                                              "recommend us"),
                      "%s", d->explanation);
  cr_assert_not_null (strstr (d->explanation, "1 more"), "%s", d->explanation);
  free (a);
}

/* ------------------------------------------------------------------ */
/* 5. Pillars (002)                                                     */
/* ------------------------------------------------------------------ */

/**
 * An account of Dana's calls, report cards and commitments.
 *
 * @param notes NULL-terminated notes (calls 5, 25, 45 ... days ago)
 * @param cards report cards JSON array (stolen, may be empty)
 * @param commitments commitments JSON array (stolen, may be empty)
 * @param[out] a result
 */
static void
pillar_account (const char *const *notes, json_t *cards, json_t *commitments,
                struct score_account_assessment *a)
{
  json_t *c = notes_json (notes, "c1");

  json_object_set_new (c, "cards", cards);
  json_object_set_new (c, "commitments", commitments);
  account (c, a);
}

/* A purely social relationship with one small kept promise rests on one
   pillar: vulnerable, and trust does not stand. */
Test (scoring_reading, social_with_one_kept_promise_is_vulnerable)
{
  static const char *const notes[] = {
    "Golfed with Dana on Saturday, talked about her kids and the fishing "
    "trip she is planning.",
    "Coffee with Dana, mostly chatted about the football and her new "
    "puppy.",
    NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  pillar_account (notes, json_array (),
                  json_pack ("[{s:s, s:s, s:i, s:i}]", "id", "cm-1", "status",
                             "kept", "days_ago", 20, "resolved_days_ago", 15),
                  a);
  cr_assert (a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].stands, "C %.1f",
             a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score);
  cr_assert (! a->pillars.pillars[SCORE_PILLAR_TRUST].stands, "T %.1f",
             a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_VULNERABLE,
                "status %s (C %.1f K %.1f T %.1f)",
                score_pillar_status_name (a->pillars.status),
                a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
                a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
                a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  free (a);
}

/* Knowledge with a little small talk moves the relationship on:
   developing, though compatibility alone would not stand yet. */
Test (scoring_reading, knowledge_with_small_talk_is_developing)
{
  static const char *const notes[] = {
    "Walked Dana's team through the industry benchmarks and shared our "
    "research on cold-chain regulation.",
    "Asked about their expansion plans for next year; ran a workshop on "
    "best practices for depot scheduling.",
    "Sent the signed order form back.",
    "Intro call, a bit of small talk about the weather.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  pillar_account (notes, json_array (), json_array (), a);
  cr_assert (a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].stands, "K %.1f",
             a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score);
  cr_assert (! a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].stands,
             "C %.1f: more than a little small talk",
             a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score);
  cr_assert_gt (a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score, 0.0);
  cr_assert (! a->pillars.pillars[SCORE_PILLAR_TRUST].stands);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_DEVELOPING,
                "status %s (C %.1f K %.1f T %.1f)",
                score_pillar_status_name (a->pillars.status),
                a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
                a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
                a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  /* the same knowledge without any small talk rests on one pillar */
  pillar_account ((const char *const[]){ notes[0], notes[1], NULL },
                  json_array (), json_array (), a);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_VULNERABLE, "status %s",
                score_pillar_status_name (a->pillars.status));
  free (a);
}

/* 002: knowledge with a kept promise alone rests on one pillar: a kept
   promise is performance, not yet a sign of trust; a confidence the
   customer gave in a call is (round 25, blind23 seen). */
Test (scoring_reading, knowledge_with_a_kept_promise_is_vulnerable)
{
  static const char *const notes[] = {
    "Walked Dana's team through the industry benchmarks and shared our "
    "research on cold-chain regulation.",
    "Fixed the logger export bug with her QA lead; ran a webinar on the "
    "March rule changes for their coordinators.",
    "Dana told me in confidence the depot merger comes before it's public.",
    NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  for (int confided = 0; confided < 2; confided++)
  {
    pillar_account ((const char *const[]){ notes[0], notes[1],
                                           confided ? notes[2] : NULL, NULL },
                    json_array (),
                    json_pack ("[{s:s, s:s, s:i, s:i}]", "id", "cm-1",
                               "status", "kept", "days_ago", 90,
                               "resolved_days_ago", 50),
                    a);
    cr_assert (a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].stands);
    cr_assert_eq (a->pillars.status,
                  confided ? SCORE_STATUS_DEVELOPING : SCORE_STATUS_VULNERABLE,
                  "%s: %s",
                  confided ? "a confidence with knowledge is not developing"
                           : "a kept promise made knowledge developing",
                  score_pillar_status_name (a->pillars.status));
  }
  free (a);
}

/* Sustained trust of several kinds (kept promises, report cards with
   promises kept 5, advice asked, confidences), with knowledge and
   compatibility: a favored vendor. */
Test (scoring_reading, sustained_trust_is_favored_vendor)
{
  static const char *const notes[] = {
    "Dana asked our advice on the RFP spec before it went out. Talked "
    "about her kids and the marathon she is training for.",
    "She told me in confidence the board wants to consolidate depots; "
    "walked her team through the industry benchmarks.",
    "Shared our research on route planning best practices; she ran her "
    "budget plan by me off the record. Golf next month.",
    NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  pillar_account (
    notes,
    json_pack ("[{s:s, s:s, s:i, s:i, s:{s:i}}, {s:s, s:s, s:i, s:i,"
               " s:{s:i}}]",
               "id", "card-1", "contact", "c1", "days_ago", 30, "overall", 5,
               "ratings", "promises_kept", 5, "id", "card-2", "contact", "c1",
               "days_ago", 90, "overall", 5, "ratings", "promises_kept", 5),
    json_pack ("[{s:s, s:s, s:i, s:i}, {s:s, s:s, s:i, s:i}]", "id", "cm-1",
               "status", "kept", "days_ago", 40, "resolved_days_ago", 30, "id",
               "cm-2", "status", "kept", "days_ago", 80, "resolved_days_ago",
               70),
    a);
  cr_assert (a->pillars.pillars[SCORE_PILLAR_TRUST].stands, "T %.1f",
             a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_FAVORED_VENDOR,
                "status %s (C %.1f K %.1f T %.1f)",
                score_pillar_status_name (a->pillars.status),
                a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
                a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
                a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  cr_assert_eq (a->pillars.foundation, 7u);
  free (a);
}

/* A wish is not a fact ("would love to get to where she asks our view
   before a tender"), and turning something down is not doing it ("he
   declines lunches"). */
Test (scoring_reading, wishes_and_refusals_are_not_facts)
{
  read_note ("Would love to get to where Dana asks our view before a "
             "tender. Not there yet.");
  cr_assert (! counts ("trust."));
  read_note ("Dana is all business, she declines lunches and goes straight "
             "to the agenda.");
  cr_assert (! counts ("compatibility."));
}

/* Logistics and our own records are not behaviour or risk: "safety boots
   required", "met him exactly once", "price list v7 applies". A rival's
   rep leaving their price list is. */
Test (scoring_reading, logistics_and_our_records_are_not_cues)
{
  read_note ("Site visit Thursday: bring photo ID, safety boots and hi-vis "
             "required. Met him exactly once at the booth.");
  cr_assert (! counts ("security.detail") && ! counts ("security.risk_averse")
             && ! counts ("security.methodical"));
  cr_assert_float_eq (one_note_points ("Contract renews 31 Mar. Price list "
                                       "v7 applies.",
                                       SCORE_DRIVER_COMPETITOR_ACTIVITY),
                      0.0, 1e-9);
  cr_assert_gt (one_note_points ("Dana said the Brightwell rep left their "
                                 "price list and it was better than what we "
                                 "have.",
                                 SCORE_DRIVER_COMPETITOR_ACTIVITY),
                0.0);
}

/* 002 trust in a buyer's own words: what does not leave the call, what no
   other supplier has been told, what we would do in their place, a seat
   in front of their CFO. */
Test (scoring_reading, buyer_words_of_trust_are_trust)
{
  static const char *const said[][2] = {
    { "Dana: I want to run something past you, and it doesn't leave this "
      "call.",
      "trust.confided" },
    { "Dana said she hasn't told any other supplier about the merger.",
      "trust.confided" },
    { "Dana asked what we'd do in her position.", "trust.advice" },
    { "Dana: I'll put you in front of our CFO in January.",
      "trust.executive" },
  };

  for (size_t i = 0; i < sizeof (said) / sizeof (said[0]); i++)
  {
    read_note (said[i][0]);
    cr_assert (counts (said[i][1]), "\"%s\" is %s", said[i][0], said[i][1]);
  }
}

/* ------------------------------------------------------------------ */
/* 6. Values (003)                                                      */
/* ------------------------------------------------------------------ */

/**
 * Values fit of an account whose answers are @a answers.
 *
 * @param answers account answers JSON array (stolen)
 * @param org organization values JSON (stolen)
 * @param owner owner values JSON (stolen)
 * @param[out] a result
 */
static void
values_account (json_t *answers, json_t *org, json_t *owner,
                struct score_account_assessment *a)
{
  static const char *const notes[] = { "Intro call, values discovery.", NULL };
  json_t *c = notes_json (notes, "c1");

  json_object_set_new (c, "values",
                       json_pack ("{s:{s:o}, s:o, s:o}", "account", "answers",
                                  answers, "organization", org, "owner",
                                  owner));
  account (c, a);
}

/** Assert the values recommendation of @a a, naming what it got and the
    two fits when it is another. */
#define assert_recommendation(a, want) \
  cr_assert_eq ((a)->values_fit.recommendation, (want), \
                "%s (org %.2f, owner %.2f)", \
                score_values_rec_name ((a)->values_fit.recommendation), \
                (a)->values_fit.score_organization, \
                (a)->values_fit.score_owner)

/** Answers of a buyer who buys on uptime and service. */
static json_t *
uptime_answers (void)
{
  return json_pack ("[s, s]",
                    "We only buy kit that keeps running: reliability and "
                    "uptime come first.",
                    "When something breaks we want fast, excellent service "
                    "and support from people who know us.");
}

/* The business first: a buyer the organization does not suit is walked
   away from, however well the owner would fit. */
Test (scoring_reading, poor_organization_fit_walks_away)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (uptime_answers (),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "cost_savings",
                             1.0, "speed", 0.9),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "reliability",
                             1.0, "service", 0.9),
                  a);
  cr_assert (a->values_fit.available);
  cr_assert_lt (a->values_fit.score_organization, a->values_fit.score_owner);
  assert_recommendation (a, SCORE_VALUES_WALK_AWAY);
  free (a);
}

/* A buyer suited to the business but not to this seller is handed off. */
Test (scoring_reading, poor_owner_fit_hands_off)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (uptime_answers (),
                  json_pack ("{s:{s:f, s:f, s:f}}", "priorities",
                             "reliability", 0.9, "service", 0.9, "quality",
                             0.5),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "cost_savings",
                             1.0, "speed", 0.9),
                  a);
  cr_assert (a->values_fit.available);
  cr_assert_gt (a->values_fit.score_organization, a->values_fit.score_owner);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Answers as integrations send them (round 21, blind22 seen): an answer
   that carries its question ("Q: ... A: Not interested in a
   partnership.") is read under that question, not as naming its value; a
   one-word list item names its value ("- cost"); a value skipped by
   pronoun is stood against ("certificates, audit trails, all that - we'd
   skip it"); "Innovation: no thanks" waves it away; a condition a buyer
   sets ("if they are reliable") is the value asked for. */
Test (scoring_reading, answers_as_integrations_send_them)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  json_t *org = json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0);

  values_account (json_pack ("[s]", "Q: What's important to you about "
                                    "partnership? A: Not interested in a "
                                    "partnership. Send a quote."),
                  json_incref (org), json_incref (org), a);
  cr_assert_float_eq (
    a->values_fit.account_priorities[SCORE_VALUE_PARTNERSHIP], 0.0, 1e-9,
    "the question inside the answer was read as the buyer's value");
  values_account (json_pack ("[s, s]", "- cost", "- cost"), json_incref (org),
                  json_incref (org), a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_COST_SAVINGS],
                0.0, "a one-word item named no value");
  values_account (json_pack ("[s]", "Honestly the paperwork side - "
                                    "certificates, audit trails, all that - "
                                    "we'd skip it if we could."),
                  json_incref (org), json_incref (org), a);
  cr_assert_float_eq (a->values_fit.account_priorities[SCORE_VALUE_COMPLIANCE],
                      0.0, 1e-9, "what they would skip was held");
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_COMPLIANCE], 0.0);
  values_account (json_pack ("[s]", "Innovation: no thanks. Reliability: "
                                    "everything."),
                  json_incref (org), json_incref (org), a);
  cr_assert_float_eq (a->values_fit.account_priorities[SCORE_VALUE_INNOVATION],
                      0.0, 1e-9, "'no thanks' held innovation");
  values_account (json_pack ("[s]", "We stay with a supplier many years if "
                                    "they are reliable."),
                  json_incref (org), json_incref (org), a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_RELIABILITY], 0.0,
                "the condition they set was read as a guess");
  json_decref (org);
  free (a);
}

/* A value waved away ("hardly matters", "isn't relevant", "What we won't
   do: ...") is not a value held. */
Test (scoring_reading, dismissed_values_are_not_held)
{
  static const char *const dismissive[] = {
    "Price hardly matters to us; we buy on uptime.",
    "Sustainability isn't relevant for us right now.",
    "What we won't do: compete on lowest price.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  json_t *org = json_pack ("{s:{s:f, s:f}}", "priorities", "cost_savings", 1.0,
                           "sustainability", 0.9);

  for (int i = 0; dismissive[i]; i++)
  {
    read_note (dismissive[i]);
    cr_assert (! counts ("value.cost"), "\"%s\"", dismissive[i]);
    cr_assert (! counts ("value.sustainability"), "\"%s\"", dismissive[i]);
  }
  values_account (json_pack ("[s, s, s]", dismissive[0], dismissive[1],
                             dismissive[2]),
                  json_incref (org), json_incref (org), a);
  cr_assert (a->values_fit.available);
  cr_assert_float_eq (
    a->values_fit.account_priorities[SCORE_VALUE_COST_SAVINGS], 0.0, 1e-9);
  cr_assert_float_eq (
    a->values_fit.account_priorities[SCORE_VALUE_SUSTAINABILITY], 0.0, 1e-9);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_RELIABILITY],
                0.0);
  for (size_t i = 0; i < a->values_fit.evidence.n; i++)
  {
    cr_assert_str_neq (a->values_fit.evidence.items[i].signal, "value.cost");
    cr_assert_str_neq (a->values_fit.evidence.items[i].signal,
                       "value.sustainability");
  }
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "a low-price, green organization fits a buyer who waved "
                "both away: %s",
                score_values_rec_name (a->values_fit.recommendation));
  /* said the other way round, they are held */
  values_account (json_pack ("[s, s]", "Price matters a lot to us.",
                             "We care about sustainability and our carbon "
                             "footprint."),
                  json_incref (org), json_incref (org), a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_COST_SAVINGS],
                0.0);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_SUSTAINABILITY],
                0.0);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_PROCEED);
  json_decref (org);
  free (a);
}

/** Values fit of @a buyer against answers of the organization and owner
    (NULL: no owner values). */
static void
values_said (const char *const *buyer, const char *const *org,
             const char *const *owner, struct score_account_assessment *a)
{
  json_t *lists[3] = { json_array (), json_array (), json_array () };
  const char *const *said[3] = { buyer, org, owner };

  for (int k = 0; k < 3; k++)
    for (int i = 0; NULL != said[k] && NULL != said[k][i]; i++)
      json_array_append_new (lists[k], json_string (said[k][i]));
  values_account (lists[0], json_pack ("{s:o}", "answers", lists[1]),
                  NULL == owner ? (json_decref (lists[2]), json_object ())
                                : json_pack ("{s:o}", "answers", lists[2]),
                  a);
}

/* What a party is against clashes with what the other holds: a buyer who
   rebids every six months does not suit a business of multi-year
   partnerships, though both speak of price. */
Test (scoring_reading, value_against_clashes_with_value_held)
{
  static const char *const buyer[] = {
    "Whoever's cheapest this year gets the order.",
    "We rebid all our suppliers every spring.", NULL
  };
  static const char *const org[] = {
    "Long-term partnerships with the clients we serve.",
    "Fair pricing and lower running costs.", NULL
  };
  static const char *const owner[] = { "Keeping costs down for clients.",
                                       NULL };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_said (buyer, org, owner, a);
  cr_assert (a->values_fit.available);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_PARTNERSHIP], 0.0);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  free (a);
}

/* A seller against what the buyer holds is a matter of personality: the
   business suits, the seller does not ("X slows everything down",
   "X is someone else's job", "I never rush"). */
Test (scoring_reading, seller_against_the_buyers_value_hands_off)
{
  static const char *const buyer[] = {
    "Every change needs documentation; the regulator audits us.", NULL
  };
  static const char *const org[] = { "Built for audited, regulated firms.",
                                     NULL };
  static const char *const sellers[][2] = {
    { "Compliance slows every deal down.", NULL },
    { "Audits are someone else's job, I sell.", NULL },
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  for (size_t i = 0; i < sizeof (sellers) / sizeof (sellers[0]); i++)
  {
    values_said (buyer, org, sellers[i], a);
    cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                  "\"%s\": %s (org %.2f, owner %.2f)", sellers[i][0],
                  score_values_rec_name (a->values_fit.recommendation),
                  a->values_fit.score_organization, a->values_fit.score_owner);
  }
  /* the same words about a value nobody holds change nothing */
  read_note ("Slow response times are what hurt us.");
  cr_assert (counts ("value.service"));
  cr_assert (! hit_of ("value.service")->against);
  free (a);
}

/* What the business says it does not do is what it stands against: a
   buyer after beta features does not suit "we don't ship betas". */
Test (scoring_reading, business_refusal_is_against)
{
  static const char *const buyer[] = {
    "We want beta features and the newest technology first.", NULL
  };
  static const char *const org[] = { "Proven technology; we don't ship betas.",
                                     NULL };
  static const char *const owner[] = { "I love new ideas.", NULL };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_said (buyer, org, owner, a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* "Not negotiable" insists; what comes after "over", "before", "more
   than" is put second, not held; "Slack not email" contrasts and does
   not negate the list after it; "whatever's new" is not "whatever". */
Test (scoring_reading, value_wording_is_read_as_meant)
{
  static const char *const held[][2] = {
    { "For us quality is not negotiable.", "value.quality" },
    { "Slack not email, decisions in a day.", "value.speed" },
    { "We want to be first with whatever's new.", "value.innovation" },
  };
  static const char *const second[][2] = {
    { "Nobody gets hurt on site; that comes before price.", "value.cost" },
    { "Stability over novelty.", "value.innovation" },
    { "Uptime matters more than price.", "value.cost" },
  };

  for (size_t i = 0; i < sizeof (held) / sizeof (held[0]); i++)
  {
    read_note (held[i][0]);
    cr_assert (counts (held[i][1]), "\"%s\" holds %s", held[i][0], held[i][1]);
  }
  for (size_t i = 0; i < sizeof (second) / sizeof (second[0]); i++)
  {
    read_note (second[i][0]);
    cr_assert (! counts (second[i][1]), "\"%s\" does not hold %s",
               second[i][0], second[i][1]);
  }
}

/* "Means nothing to us" waves a value away; "grow without breaking" and
   "uptime and no experiments" keep what comes before the negator (only
   what follows "without" or "no" is negated); "X makes me nervous" is
   being against X. */
Test (scoring_reading, more_value_wording_is_read_as_meant)
{
  read_note ("Novelty for its own sake means nothing to us.");
  cr_assert (! counts ("value.innovation"));
  read_note ("We help scale-ups grow without their systems breaking.");
  cr_assert (counts ("value.growth"));
  read_note ("Twelve years at 99.99% uptime and no experiments.");
  cr_assert (counts ("value.reliability"));
  read_note ("Rapid growth makes me nervous.");
  cr_assert (counts ("value.growth") && hit_of ("value.growth")->against);
}

/* A hand-off needs a clash with the seller: a seller whose answers name
   no value we read is no reason to hand the buyer on. */
Test (scoring_reading, unread_seller_answers_do_not_hand_off)
{
  static const char *const buyer[] = { "On-time delivery, every time.", NULL };
  static const char *const org[] = { "On-time delivery, measured monthly.",
                                     NULL };
  static const char *const owner[] = { "I have two kids and a dog.", NULL };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_said (buyer, org, owner, a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_PROCEED, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  cr_assert (a->values_fit.score_owner < 0, "owner fit is unknown");
  free (a);
}

/* A contact's name is not the word it spells: "Frank" is a person, not
   candour; written small, "frank" is the word. */
Test (scoring_reading, a_name_is_not_the_word_it_spells)
{
  struct fx_case *fc = make_case (json_pack (
    "{s:s, s:s, s:I, s:[{s:s, s:s, s:s, s:f}], s:[o]}", "id", "names", "suite",
    "orientation", "as_of", (json_int_t) 1767225600, "contacts", "id", "c1",
    "name", "Frank Moreno", "role", "decision_maker", "influence", 0.9,
    "calls",
    json_pack ("{s:s, s:i, s:[s], s:s, s:s}", "id", "call0", "days_ago", 5,
               "contacts", "c1", "kind", "discovery", "notes",
               "Frank walked us through the plant. He was frank about "
               "their weak spots.")));
  const struct score_hit *first = NULL;
  size_t seen = 0;

  memset (fx_tscratch->names_ready, 0, sizeof (fx_tscratch->names_ready));
  score_call_read (fx_tmodel, fx_tscratch, &fc->in, &fc->calls[0]);
  for (size_t i = 0; i < fx_tscratch->n_hits; i++)
  {
    const struct score_hit *h = &fx_tscratch->hits[i];

    if (0 != strcmp (fx_tmodel->cues[h->cue].id, "actualization.candid"))
      continue;
    seen++;
    if (NULL == first)
      first = h;
  }
  cr_assert_geq (seen, 2, "both 'Frank' and 'frank' matched");
  cr_assert (first->reasons & SCORE_READ_NAME, "the name: %#x",
             first->reasons);
  cr_assert (counts ("actualization.candid"), "the word still counts");
  fx_case_free (fc);
}

/* "Honestly, ..." opening a sentence is a way of speaking, not candour;
   being honest about their weak spots is. */
Test (scoring_reading, a_discourse_marker_is_not_a_trait)
{
  static const char *const fillers[] = {
    "Honestly, the weather was great all week.",
    "Frankly we just talked about the game.", NULL
  };

  assert_reason (fillers, "actualization.candid", SCORE_READ_FILLER);
  read_note ("She was honest about their weak spots.");
  cr_assert (counts ("actualization.candid"));
}

/* The seller's own doing in a note is the seller's, not the buyer's
   orientation; what the buyer asked for still counts. */
Test (scoring_reading, the_sellers_own_doing_is_not_the_buyers)
{
  static const char *const mine[] = {
    "I guaranteed delivery by the 3rd and promised her a weekly "
    "milestone report.",
    "sent the first milestone report this morning", NULL
  };

  assert_reason (mine, "power.milestones", SCORE_READ_SELLER_SELF);
  read_note ("sent him the certification docs he asked for");
  cr_assert (counts ("security.documentation"), "what he asked for is his");
  read_note ("Dana = sweetest person, sent a holiday card to our whole "
             "team");
  cr_assert (counts ("affiliation."), "a card Dana sent is hers");
  read_note ("I think she wants a written guarantee before anything moves.");
  cr_assert (counts ("security.guarantee"), "what I think of her is hers");
}

/* 002: trust is given by the customer; the seller telling their own
   manager they are trusted is no evidence of it. */
Test (scoring_reading, our_own_claim_of_trust_is_not_trust)
{
  read_note ("told my manager we're basically their trusted advisor now");
  cr_assert (! counts ("trust."), "our own claim counted as trust");
  read_note ("she says they trust us more than any other supplier");
  cr_assert (counts ("trust."));
}

/* A risk word inside a longer orientation phrase reads that phrase:
   accepting short-term pain is taking a risk, a penalty clause is a
   guarantee asked for. */
Test (scoring_reading, a_risk_word_inside_a_longer_phrase_is_that_phrase)
{
  read_note ("she'd accept short-term pain for the bigger gain");
  cr_assert (counts ("actualization.takes_risks"));
  cr_assert (! counts ("risk.service"), "'pain' read as a service problem");
  read_note ("they want a penalty clause in the contract");
  cr_assert (counts ("security.guarantee"));
  cr_assert (! counts ("risk.evaluation"), "a clause read as price pressure");
}

/* A pasted tracking update is set aside whole: its field lines too. */
Test (scoring_reading, a_tracking_update_is_set_aside_whole)
{
  static const char note[] = "pasted for the record:\n"
                             "Tracking number: 1Z 999 AA1 01 2345 6784\n"
                             "Status: Delivered\n"
                             "Service: Express - Guaranteed by End of Day\n"
                             "03/02/2026 7:55 A.M. Out for delivery\n"
                             "03/02/2026 10:42 A.M. Delivered - Reno, NV\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_TRACKING,
                span_at ((size_t) (strstr (note, "Guaranteed") - note)));
  cr_assert (! counts ("security."), "a carrier's guarantee counted");
}

/* "Hi Sam," opens an e-mail, it does not sign it; the e-mail Dana signs
   is her own words, so "I'll decide" is hers. */
Test (scoring_reading, a_greeting_is_not_a_signature)
{
  static const char note[] =
    "Hi Sam,\n\nSend me one page, not the deck. I'll decide by Friday.\n\n"
    "Thanks,\nDana\n";

  read_note (note);
  cr_assert_eq (-1, span_at (0), "the greeting was set aside");
  cr_assert_eq (1, fx_tscratch->n_segs);
  cr_assert_eq (SCORE_SAY_BUYER, fx_tscratch->segs[0].speaker);
  cr_assert_eq (0, fx_tscratch->segs[0].contact, "Dana signed it");
  cr_assert (counts ("power."), "her own words count for her");
}

/* "[00:00:02] Rapport - Leo: ..." is a company and a speaker: the line is
   Leo's, and the company's name is no cue in it. */
Test (scoring_reading, a_company_and_a_speaker_make_one_label)
{
  static const char note[] =
    "[00:00:02] Acme Rapport - Leo: Hi Dana, can you hear me?\n"
    "[00:00:06] Dana (QA Lead): Yes. I need the validation report and "
    "references before anything moves.\n"
    "[00:00:13] Acme Rapport - Leo: I'll send the report.\n";

  read_note (note);
  cr_assert_eq (SCORE_SAY_SELLER, fx_tscratch->segs[0].speaker,
                "the first line is the seller's");
  cr_assert (! counts ("affiliation."), "the company name read as rapport");
  cr_assert (counts ("security."), "Dana's request counts");
}

/* A role tag after a name says who someone is: "(risk analyst)" is not
   an aversion to risk. */
Test (scoring_reading, a_role_tag_is_not_behaviour)
{
  read_note ("scoping call w/ Dana + Wendy (risk analyst)");
  cr_assert (! counts ("security."), "the tag read as behaviour");
  read_note ("Dana is averse to risk (very)");
  cr_assert (counts ("security."));
}

/* A note that forwards the contact's reply in quoted lines ("her reply
   below") is her reply: the quote is read, signed by her, while the
   earlier message under it stays set aside. */
Test (scoring_reading, a_forwarded_reply_is_read_as_the_contacts)
{
  static const char note[] =
    "Dana's reply below, fyi\n\n"
    "> Hi Sam,\n"
    "> Before I recommend anything I need references from two plants our "
    "size and the written rollback procedure.\n"
    "> Regards,\n"
    "> Dana Ruiz\n"
    ">\n"
    "> -----Original Message-----\n"
    "> From: Sam\n"
    "> We will make sure you get all the credit with your board.\n";

  read_note (note);
  cr_assert (counts ("security."), "her reply was not read");
  cr_assert (! counts ("power."), "the earlier message counted");
  cr_assert_eq (SCORE_BOILER_QUOTED_REPLY,
                span_at ((size_t) (strstr (note, "all the credit") - note)));
}

/* A forwarded message is its writer's: written by our side to the
   contact, its guarantees and references are ours, not her wishes. */
Test (scoring_reading, a_forwarded_message_of_ours_is_ours)
{
  static const char note[] =
    "Team, I want this live before April and I'll make the calls on "
    "scope.\n\nDana\n\n"
    "---------- Forwarded message ---------\n"
    "From: Lee Park <lee@vendor.example>\n"
    "To: Dana Ruiz <dana@acme.example>\n"
    "Subject: next steps\n\n"
    "Attached are our references, the implementation guarantee and our "
    "documentation pack.\n";

  read_note (note);
  cr_assert (counts ("power."), "her own lines count");
  cr_assert (! counts ("security."), "our own e-mail read as her wishes");
}

/* What someone does not want is not what they are like: "instead of
   telling me everything's lovely", "doesn't care about being named". */
Test (scoring_reading, what_is_turned_down_is_not_a_trait)
{
  read_note ("she wants a partner who points at our weak spots instead of "
             "telling me everything's lovely");
  cr_assert (! counts ("affiliation."), "the rejected half counted");
  read_note ("doesn't care about being named in the case study either");
  cr_assert (! counts ("security."), "what she doesn't care about counted");
}

/* A sentence the note calls mocking is irony throughout; a question put
   to the buyer ("asked if she'd want a pilot") is not her wish. */
Test (scoring_reading, mockery_and_questions_put_to_her_are_not_her)
{
  static const char *const mocked[] = {
    "she joked 'sure, rip it all out on a Friday, what could go "
    "wrong' - she was mocking our timeline with its milestones",
    NULL
  };

  assert_reason (mocked, "power.milestones", SCORE_READ_SARCASM);
  read_note ("asked if she'd want references first -- no, just the order "
             "form");
  cr_assert (! counts ("security."), "our question read as her wish");
  read_note ("she asked if we could send references from similar plants");
  cr_assert (counts ("security."), "her own question counts");
}

/* 004: a call that names a problem three ways weighs more than one
   mention of it. */
Test (scoring_reading, more_signs_of_a_problem_weigh_more)
{
  static const char *const one[] = { "one late delivery this month", NULL };
  static const char *const three[] = {
    "another late delivery, the plant manager is furious and wants to "
    "escalate",
    NULL
  };
  struct score_account_assessment a, b;

  dana_account (one, &a);
  dana_account (three, &b);
  cr_assert_gt (points (&b, SCORE_DRIVER_SERVICE_PROBLEMS),
                points (&a, SCORE_DRIVER_SERVICE_PROBLEMS));
}

/* Seller questions measured from turns are real questions: a pusher's
   rhetorical ones ("Isn't that amazing?") do not make a builder. */
Test (scoring_reading, rhetorical_questions_are_not_discovery)
{
  static const char note[] =
    "Rep: Isn't that amazing? Who wouldn't want that? Shall I send the "
    "contract?\n"
    "Dana: Maybe.\n"
    "Rep: Have you ever seen anything that fast? Doesn't get better, "
    "does it?\n"
    "Dana: Let me think.\n";

  read_note (note);
  cr_assert_geq (fx_tscratch->turn_talk, 0.5);
  cr_assert_eq (0, fx_tscratch->turn_questions,
                "rhetorical questions counted: %d",
                fx_tscratch->turn_questions);
  read_note ("Rep: What does a bad week look like for your team?\n"
             "Dana: Late trucks, mostly, and nobody tells us.\n"
             "Rep: Which lanes hurt most?\n"
             "Dana: The coastal ones.\n");
  cr_assert_eq (10, fx_tscratch->turn_questions, "a question in each turn");
}

/* The call's only contact wrote the signed e-mail the CRM does not know
   by that name (a nickname), unless it greets the contact: then it is
   ours. */
Test (scoring_reading, the_lone_contact_wrote_the_signed_email)
{
  static const char theirs[] =
    "Dear Mr. Jonas,\n\nI am the one who will decide, and I want a weekly "
    "progress report every Monday.\n\nBest regards,\nEmre Yildiz\n";
  static const char ours[] =
    "Hi Dana,\n\nI guarantee delivery by Friday and we will send the "
    "references.\n\nBest regards,\nSam Lee\n";
  const char *one[] = { theirs, NULL };
  struct fx_case *fc;

  /* one contact on the call */
  fc = make_case (notes_json (one, "c1"));
  memset (fx_tscratch->names_ready, 0, sizeof (fx_tscratch->names_ready));
  score_call_read (fx_tmodel, fx_tscratch, &fc->in, &fc->calls[0]);
  cr_assert_eq (SCORE_SAY_BUYER, fx_tscratch->segs[0].speaker);
  cr_assert (counts ("power."), "her own e-mail counts");
  fx_case_free (fc);
  read_note (ours);
  cr_assert_neq (SCORE_SAY_BUYER, fx_tscratch->segs[0].speaker,
                 "an e-mail greeting Dana is not hers");
}

/* Labels nobody recognises still make a transcript when people speak in
   turn; the seller is the one who asks and speaks to the other side. */
Test (scoring_reading, unknown_labels_in_turn_are_a_transcript)
{
  static const char note[] =
    "Acme - Lerato Mokoena: Happy to go slowly with you, with references "
    "and guarantees if you need them. How does that sound?\n"
    "Karoo - Thabo Nkosi: I want three stores live before the season.\n"
    "Acme - Lerato Mokoena: Doable. Which stores do you want first?\n"
    "Karoo - Thabo Nkosi: Our biggest three, and weekly numbers to me.\n";

  read_note (note);
  cr_assert_eq (SCORE_SAY_SELLER, fx_tscratch->segs[0].speaker,
                "the one who asks is the seller");
  cr_assert (! counts ("security."), "the seller's offer counted");
}

/* A predecessor stays the subject of the next sentence's "he"; a
   family member is not the customer. */
Test (scoring_reading, predecessors_he_and_family_are_not_the_contact)
{
  static const char *const notes[] = {
    "the old contact Zbigniew retired. he was very cautious, wanted "
    "everything in writing",
    NULL
  };

  assert_reason (notes, "security.", SCORE_READ_FORMER);
  read_note ("my brother-in-law opened a pizzeria, she said, laughing");
  cr_assert (! counts ("knowledge.plans"), "family plans read as theirs");
}

/* "prefer not to replace the whole line in one go": the whole
   infinitive is negated. */
Test (scoring_reading, not_to_negates_its_infinitive)
{
  read_note ("I prefer not to replace the whole line in one go.");
  cr_assert (! counts ("actualization.takes_risks"));
}

/* An auto-reply in its own voice makes the rest of the note its own:
   the values line under it is no tagline of the contact's. */
Test (scoring_reading, an_auto_reply_owns_the_rest_of_the_note)
{
  static const char note[] =
    "Automatic reply: renewal\n\n"
    "Thank you for your email. I am out of the office until Monday.\n\n"
    "Our values: Safety. Integrity. Ownership. Excellence.\n\n"
    "Best regards,\nLenka\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_AUTO_REPLY,
                span_at ((size_t) (strstr (note, "Integrity") - note)));
  cr_assert (! counts ("actualization."));
}

/* 003: a value negated through a loss is affirmed ("don't lose time");
   waved away it is not ("time isn't a priority"). */
Test (scoring_reading, a_negated_loss_affirms_a_value)
{
  read_note ("what matters is that the workers don't lose time on the line");
  cr_assert (counts ("value.time"), "not losing time is valuing it");
  read_note ("time isn't really a priority for us");
  cr_assert (! counts ("value.time"));
}

/* A speaker key says who "Speaker 1" is; a negated clause goes on over
   the items it lists. */
Test (scoring_reading, speaker_keys_and_negated_lists)
{
  static const char note[] =
    "Speaker key: Speaker 1 = Sam Lee (Acme, AE); Speaker 2 = Dana Ruiz\n"
    "Speaker 2: Before anything moves I need references and a written "
    "guarantee.\n"
    "Speaker 1: You'd get all the credit with your board, I promise.\n"
    "Speaker 2: Send the references first.\n";

  read_note (note);
  cr_assert (counts ("security."), "Dana's own request counts");
  cr_assert (! counts ("power."), "the AE's pitch counted for her");
  read_note ("she didn't ask for guarantees, references or any paperwork");
  cr_assert (! counts ("security."), "the listed items were read as asked");
}

/* 003: related values are alike in part: a seller who sells productivity
   fits a buyer who wants no time lost better than one who sells
   compliance. */
Test (scoring_reading, related_values_fit_in_part)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  struct score_account_assessment *b = calloc (1, sizeof (*b));
  json_t *org = json_pack ("{s:{s:f}}", "priorities", "time_savings", 1.0);

  values_account (json_pack ("[s]", "we want to save time, every week"),
                  json_incref (org),
                  json_pack ("{s:{s:f}}", "priorities", "productivity", 1.0),
                  a);
  values_account (json_pack ("[s]", "we want to save time, every week"),
                  json_incref (org),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0), b);
  cr_assert_gt (a->values_fit.score_owner, 0.3, "%.2f",
                a->values_fit.score_owner);
  cr_assert_lt (b->values_fit.score_owner, 0.01, "%.2f",
                b->values_fit.score_owner);
  json_decref (org);
  free (a);
  free (b);
}

/* ------------------------------------------------------------------ */
/* Seventh round: what blind13 showed, in our own words                 */
/* ------------------------------------------------------------------ */

/* "Name | Title | Company - tagline" is a signature however long its
   tagline runs; it sits under a quoted reply as often as under a
   closing. */
Test (scoring_reading, a_pipe_signature_is_set_aside_however_long)
{
  static const char *const sig[] = {
    "Ola Berg | Key Account Director | Nordvik Cold Chain - your trusted "
    "partner for insight, advice and guaranteed results every quarter",
    NULL
  };

  assert_aside ("Ha, the ferry was two hours late but worth it. Skiing "
                "next month?\n"
                "> Glad you made it home! - Ola\n"
                "Ola Berg | Key Account Director | Nordvik Cold Chain - "
                "your trusted partner for insight, advice and guaranteed "
                "results every quarter\n",
                SCORE_BOILER_SIGNATURE, sig);
  cr_assert (! counts ("trust."), "a tagline read as trust");
  cr_assert (! counts ("knowledge."), "a tagline read as knowledge");
}

/* A pasted record's fields are the record's, known labels or not
   ("Budget:", "Timeline:", "UTM:"); a seller's own template keeps the
   sentences written into it. */
Test (scoring_reading, a_pasted_record_is_fields_whatever_its_labels)
{
  static const char *const fields[] = { "Budget: Unsure",
                                        "Timeline: Next quarter",
                                        "Campaign tag: risk-guarantee-2026",
                                        NULL };

  assert_aside ("Inbound lead\n"
                "First name: Dana\n"
                "Company: Ruiz Logistics\n"
                "Budget: Unsure\n"
                "Timeline: Next quarter\n"
                "Campaign tag: risk-guarantee-2026\n",
                SCORE_BOILER_FORM_FIELD, fields);
  cr_assert (! counts ("security."), "form values read as caution");
  cr_assert (! counts ("power."), "a timeline read as milestones");
  read_note ("Company: Ruiz Logistics\n"
             "Contact: Dana Ruiz\n"
             "Stage: Discovery\n"
             "Pain: she wants written guarantees and two references before "
             "any pilot starts\n");
  cr_assert (counts ("security."), "the seller's template lost its notes");
}

/* A pasted tracking notice of field lines is the carrier's, its closing
   sentence too. */
Test (scoring_reading, a_tracking_notice_of_fields_is_the_carriers)
{
  static const char note[] = "Parcel update: Delivered\n"
                             "Tracking number: 7781 2290 1145\n"
                             "Delivered on: Monday 09:12\n"
                             "Received by: RECEPTION\n"
                             "Contents: sample kit, warranty booklet, "
                             "documentation\n"
                             "Guaranteed delivery time met.\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_TRACKING,
                span_at ((size_t) (strstr (note, "Guaranteed") - note)));
  cr_assert_eq (SCORE_BOILER_TRACKING,
                span_at ((size_t) (strstr (note, "warranty") - note)));
  cr_assert (! counts ("security."), "a carrier's words read as caution");
}

/* A note that opens with "On ... wrote:" pastes the buyer's message under
   it: the message is hers, not an earlier thread. */
Test (scoring_reading, a_reply_header_at_the_top_opens_her_message)
{
  static const char note[] =
    "On Mon, 3 Nov 2026 at 09:10, Dana Ruiz <dana@ruiz.example> wrote:\n"
    "\n"
    "I need every figure in writing and two reference customers before I "
    "take this to my board.\n"
    "\n"
    "Thanks,\nDana\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_FORWARD_HEADER, span_at (0));
  cr_assert_eq (-1, span_at ((size_t) (strstr (note, "I need") - note)));
  cr_assert (counts ("security."), "her message was read as a quote");
}

/* A closing and a signature that run straight into a disclaimer with no
   blank line: the disclaimer starts at its own words, and the signature
   still names who wrote the e-mail (her "I" is hers). */
Test (scoring_reading, a_disclaimer_starts_at_its_own_words)
{
  static const char note[] =
    "Let me be clear: I own this programme and I expect a progress report "
    "on my desk every Monday.\n"
    "\n"
    "Regards,\n"
    "Dana Ruiz\n"
    "Head of Operations\n"
    "The information in this e-mail is confidential and may be legally "
    "privileged. If you are not the intended recipient, delete it.\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_SIGNATURE,
                span_at ((size_t) (strstr (note, "Regards") - note)));
  cr_assert_eq (SCORE_BOILER_DISCLAIMER,
                span_at ((size_t) (strstr (note, "confidential") - note)));
  cr_assert_eq (SCORE_SAY_BUYER, fx_tscratch->segs[0].speaker);
  cr_assert (counts ("power."), "her own words were read as the seller's");
}

/* An e-mail pasted with its headers, From: the contact, is her own words
   even with no forwarding banner above it. */
Test (scoring_reading, a_from_header_at_the_top_names_the_writer)
{
  static const char note[] =
    "From: Dana Ruiz <dana@ruiz.example>\n"
    "Sent: 4 November 2026 10:02\n"
    "To: Sam Lee\n"
    "Subject: Re: pilot\n"
    "\n"
    "Sam, I have to be straight with you: I'd hate to upset the team "
    "that has served us for twenty years, so let's keep things as they "
    "are for now.\n"
    "\n"
    "Dana x\n";

  read_note (note);
  cr_assert_eq (SCORE_SAY_BUYER, fx_tscratch->segs[0].speaker);
  cr_assert_eq (0, fx_tscratch->segs[0].contact);
  cr_assert (counts ("affiliation."), "her words were read as the seller's");
}

/* Another supplier's person doing the work is not a pillar we built: the
   reading says why ("rival", with "third_party"). */
Test (scoring_reading, a_rivals_work_is_not_our_pillar)
{
  const struct score_hit *h;

  read_note ("she said the Brightline rep sends her a market outlook every "
             "quarter and ran a workshop for her planners");
  h = hit_of ("knowledge.insight");
  cr_assert_not_null (h);
  cr_assert (h->reasons & SCORE_READ_RIVAL);
  cr_assert (h->reasons & SCORE_READ_THIRD_PARTY);
  cr_assert (! counts ("knowledge."), "a rival's insight counted as ours");
  cr_assert_str_eq ("rival", score_read_reason_name (SCORE_READ_RIVAL));
  read_note ("our rep sent her a market outlook every quarter");
  cr_assert (counts ("knowledge."), "our own insight no longer counts");
}

/* A note that opens with a reply banner in any language over the
   buyer's message pasted as a quote ("El vie, ... Dana Ruiz escribió:"
   then "> ..." lines) is her message: its "I" is hers, its quote marks
   do not make it an earlier thread, and the seller's note after it is
   the seller's again. A quoted banner inside a thread is still a quote. */
Test (scoring_reading, a_message_pasted_as_a_quote_is_its_writers)
{
  const struct score_hit *h;

  read_note ("El vie, 14 nov 2025 a las 12:05, Dana Ruiz (<dana@x.es>) "
             "escribió:\n"
             "> Hola Sam! About the tool: I don't want to make waves with "
             "the team.\n"
             "> Un beso,\n"
             "> Dana\n"
             "\n"
             "Sam's note: I'd rather not rock the boat either.\n");
  h = hit_of ("affiliation.avoids_conflict");
  cr_assert_not_null (h, "the pasted message was set aside");
  cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "her message was not hers");
  cr_assert_eq (0, h->contact);
  cr_assert (counts ("affiliation."), "her 'I' was read as the seller's");
  read_note ("Thanks, received.\n\nDana\n\n"
             "> On Mon, 30 Nov 2026, 14:02 Sam <sam@example.com> wrote:\n"
             "> Hi Dana, I never want to make waves, guaranteed.\n");
  cr_assert (! counts ("affiliation."), "a quoted thread was read");
  cr_assert (! counts ("security."), "a quoted thread was read");
}

/* A voice memo or message headed "from" a call contact is hers, up to
   the blank line after it; a closing in another language ("Warmest
   wishes,", "Un beso,", "Saygılarımla") opens a signature, and a
   company's creed right under the name is part of it. */
Test (scoring_reading, memos_from_the_contact_and_signatures)
{
  const struct score_hit *h;

  read_note ("Voice memo (transcribed) from Dana Ruiz, 14:02\n"
             "I want them talking about me, I'm the one who pushed it "
             "through.\n"
             "\n"
             "I'll send her the plan tomorrow.\n");
  h = hit_of ("power.recognition");
  cr_assert_not_null (h);
  cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "her memo was not hers");
  cr_assert (counts ("power."), "her memo's 'I' was the seller's");
  read_note ("Her sign-off, for the record:\n"
             "Warmest wishes, Dana\n"
             "Villa Aurelia - where love and harmony meet\n");
  cr_assert (! counts ("affiliation."), "a tagline under a closing counted");
  read_note ("See attached.\n\nDana Ruiz\n"
             "Ruiz Trophies - Celebrating winners since 1962\n"
             "We value long-term relationships, honest dealing and "
             "excellence in everything we do.\n");
  cr_assert (! counts ("actualization."), "a company creed counted");
}

/* The writer's guess is no fact ("could be the cautious type, too early
   to say", "maybe she's the cautious type"), where "could" that is no
   guess still counts; a word is not its stem's other word ("parking at
   the back by the ramp" is not "backed by"). */
Test (scoring_reading, guesses_and_stem_lookalikes)
{
  read_note ("Haven't got a read on her yet - could be the cautious type, "
             "could be the opposite.");
  cr_assert (! counts ("security."), "a guess counted");
  read_note ("Maybe she's the cautious type.");
  cr_assert (! counts ("security."), "a guess counted");
  read_note ("She could see we were careful and wants references.");
  cr_assert (counts ("security."), "a plain 'could' made a guess");
  read_note ("Room booked, parking at the back by the ramp.");
  cr_assert (! counts ("security."), "the back of the car park counted");
  read_note ("She wants the deal backed by a parent guarantee.");
  cr_assert (counts ("security.guarantee"), "'backed by' was lost");
}

/* A negator after a cue negates it ("pricing wasn't an issue"), but not
   across "and", "but", "or": "keeps things pleasant and never argues"
   keeps things pleasant (round 26, blind24 seen). */
Test (scoring_reading, a_second_verbs_negator_is_its_own)
{
  read_note ("She keeps things pleasant and never argues.");
  cr_assert (counts ("affiliation.harmony"), "the first verb was negated");
  read_note ("Pricing wasn't an issue for her.");
  cr_assert (! counts ("risk.price") && ! counts ("risk.evaluation"),
             "a negated issue counted");
}

/* Round 30 (blind27 seen): an export of one contact's own timed turns,
   without the other side's ("Dana Ruiz 00:00:30" on its own line, then
   her words), is her transcript. */
Test (scoring_reading, one_speakers_timed_turns_are_hers)
{
  const struct score_hit *h;

  read_note ("Dana Ruiz 00:00:30\n"
             "Come in, how was the crossing?\n"
             "Dana Ruiz 00:04:12\n"
             "I'd want that in writing before we sign.\n");
  h = hit_of ("security.guarantee");
  cr_assert_not_null (h);
  cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "her turn was not hers");
}

/* Round 27 (blind25 seen): a speaker label whose name has letters
   beyond ASCII ("Dana Ó Ruiz (Buyer):") is a label; an e-mail signed
   with kisses ("Dana x") is signed by Dana. */
Test (scoring_reading, labels_and_signatures_beyond_ascii)
{
  const struct score_hit *h;

  read_note ("[00:02:10] Sam (Account Exec): So the probes run themselves.\n"
             "[00:02:31] Dana Ó Ruiz (Hatchery Manager): What happens if one "
             "drifts during spawning?\n"
             "[00:03:05] Sam (Account Exec): We'd swap it out.\n"
             "[00:03:12] Dana Ó Ruiz (Hatchery Manager): I want a written "
             "guarantee with a response time.\n");
  h = hit_of ("security.guarantee");
  cr_assert_not_null (h);
  cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "her line was not hers");
  read_note ("Hi Sam,\n\nThe logger has been playing up since August, but "
             "I didn't want to bother you when you were so busy.\n\n"
             "Dana x\n");
  h = hit_of ("affiliation.withholds");
  cr_assert_not_null (h);
  cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "a signed e-mail was not hers");
}

/* Insisting on hospitality is warmth, not dominance: the longer
   Affiliation phrase stands over Power's "insisted" in its clause; an
   insistence on anything else is still Power. */
Test (scoring_reading, insisting_on_hospitality_is_warmth)
{
  read_note ("Dana insisted I stay for tea and a slice of cake.");
  cr_assert (counts ("affiliation."), "her hospitality was lost");
  cr_assert (! counts ("power."), "her hospitality read as dominance");
  read_note ("Dana insisted on a weekly status report to her alone.");
  cr_assert (counts ("power."), "an insistence on control was lost");
}

/* Whom a clause describes: "Unlike her predecessor Mr Graves, who
   wanted his name on every press release" is the predecessor, and the
   subject before an aside in brackets carries on after it ("a rival
   vendor's rep (Transflow) ... was very pushy"). */
Test (scoring_reading, unlike_a_predecessor_and_asides_in_brackets)
{
  read_note ("Unlike her predecessor Mr Graves, who wanted his name on every "
             "press release, Dana asked how my training was going.");
  cr_assert (! counts ("power."), "the predecessor's wish was hers");
  cr_assert (counts ("affiliation."), "her own warmth was lost");
  read_note ("a rival vendor's rep (Transflow) apparently phoned her three "
             "times last week and was very pushy.");
  cr_assert (! counts ("power."), "the rival rep's manner was hers");
}

/* 002's knowledge and compatibility are built with the customer: a
   question about their plans they would not answer, insight waved off in
   the next turn, an invitation refused is no pillar, and the reading says
   why ("declined"). Small talk that did happen stays whatever was not
   discussed after it, a refusal of something else ("declined lunch") does
   not undo the insight before it, and a confidence asked to be kept is
   still trust. */
Test (scoring_reading, what_the_customer_turned_down_is_no_pillar)
{
  const struct score_hit *h;

  read_note ("asked abt their 2026 expansion - he declined, 'not something we "
             "share w/ vendors'.");
  h = hit_of ("knowledge.plans");
  cr_assert_not_null (h);
  cr_assert (h->reasons & SCORE_READ_DECLINED);
  cr_assert (! counts ("knowledge."), "a declined question built knowledge");
  cr_assert_str_eq ("declined", score_read_reason_name (SCORE_READ_DECLINED));
  read_note ("I asked about next year's plans - she said she'd rather not get "
             "into it.");
  cr_assert (! counts ("knowledge."), "'rather not' built knowledge");
  read_note ("Rep: While I'm here, I had some thoughts on the scheduling side "
             "of the expansion.\nDana: Let's not talk shop today.");
  cr_assert (! counts ("knowledge."), "insight waved off built knowledge");
  read_note ("Invited her to the golf day. She declined.");
  cr_assert (! counts ("compatibility."), "a refused invitation counted");
  read_note ("Offered to walk her through the fleet fuel benchmarks - she "
             "said not interested.");
  cr_assert (! counts ("knowledge."), "insight she was not interested in");
  read_note ("Invited her to our customer advisory day; she declined, too "
             "busy.");
  cr_assert (! counts ("trust."), "a refused advisory day built trust");
  read_note ("A rival's rep asked Dana for a meeting about the range; she "
             "turned it down and said she's happy with us.");
  cr_assert (! counts ("risk.competitor"), "a rival she turned down counted");
  read_note ("A rival's rep asked Dana for a meeting about the range; she "
             "took it and asked them to price the full order.");
  cr_assert (counts ("risk.competitor"), "a rival she met was lost");
  read_note ("The rival's van turned up late again.");
  cr_assert (counts ("risk.competitor"), "'turned up' read as a refusal");
  read_note ("asked abt their 2026 expansion - he walked me through the new "
             "site plans.");
  cr_assert (counts ("knowledge."), "an answered question no longer counts");
  read_note ("Shared our benchmark on energy losses. She declined lunch.");
  cr_assert (counts ("knowledge."), "declining lunch undid the insight");
  read_note ("Coffee w/ Dana - football again. Didn't get into their business "
             "at all.");
  cr_assert (counts ("compatibility."), "small talk that happened was undone");
  read_note ("Between us - the merger is happening in Q2. Don't share it with "
             "anyone on your side.");
  cr_assert (counts ("trust."), "a confidence was read as a refusal");
}

/* A negation carries over a list joined by "and" / "or": declining the
   golf day and the dinner is declining both; a second item with its own
   negator ("for months and never said") is not turned around. */
Test (scoring_reading, a_negation_carries_over_its_list)
{
  read_note ("still no small talk; she declined the golf outing and the "
             "winter dinner");
  cr_assert (! counts ("compatibility.personal"),
             "the second item still counted");
  read_note ("she declined the golf outing and we had a lovely dinner "
             "instead");
  cr_assert (counts ("compatibility."), "a new clause was negated too");
  read_note ("it turned out she had been unhappy with delays for weeks and "
             "never said");
  cr_assert (counts ("affiliation.withholds"));
}

/* "He" after a predecessor named earlier in the sentence is the
   predecessor; an "if she's ..." guess in a pre-call plan is a
   supposition. */
Test (scoring_reading, a_predecessor_he_and_an_if_she_guess)
{
  read_note ("the old account notes on their previous buyer (retired in "
             "May) say he was very cautious and wanted everything in "
             "writing");
  cr_assert (! counts ("security."), "the predecessor's caution counted");
  read_note ("haven't met her yet. if she's more of a numbers person, "
             "lead with the ROI figures and the results of the pilot");
  cr_assert (! counts ("power."), "a guess about her counted");
  read_note ("she'll only sign if they get written guarantees");
  cr_assert (counts ("security."), "a condition she set was dropped");
}

/* "... and I ..." starts a new subject inside a clause; "are used to
   him" is being accustomed, not a habit that stopped. */
Test (scoring_reading, a_second_subject_and_being_used_to)
{
  static const char note[] =
    "Hi Sam,\n\nOur planners are used to the old supplier and I don't want "
    "tensions in the team over a switch.\n\nBest,\nDana\n";

  read_note (note);
  cr_assert (counts ("affiliation."), "her own wish read as her team's");
}

/* 003 values in the shapes answers take: "rarely the cheapest" stands
   against cost, "audits are something we avoid" against compliance, a
   habit stopped ("stopped buying on price") is not held, "can wait"
   puts a value off, "not interested in" waves it away; "product" is not
   "productivity", "cost us" and "every single time" are no value. */
Test (scoring_reading, values_in_the_shapes_answers_take)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "We will take it on cost, always."),
                  json_pack ("{s:[s]}", "answers",
                             "Our machines are built to last, and we are "
                             "rarely the cheapest quote."),
                  json_pack ("{s:[s]}", "answers", "I sell on value."), a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  values_account (json_pack ("[s]", "We run fast and audits are something "
                                    "we avoid wherever we can."),
                  json_pack ("{s:[s]}", "answers",
                             "Audit-ready validated systems for regulated "
                             "labs."),
                  json_pack ("{s:[s]}", "answers", "I like fast movers."), a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  read_note ("we stopped buying on price after the cheap valves failed");
  cr_assert (! counts ("value.cost"), "a stopped habit held as a value");
  read_note ("the certification paperwork can wait");
  cr_assert (! counts ("value.compliance"), "put off read as held");
  read_note ("we're not interested in anything new");
  cr_assert (! counts ("value.innovation"));
  read_note ("our product range is wide");
  cr_assert (! counts ("value.productivity"), "product read as productivity");
  read_note ("the broken pump cost us a week");
  cr_assert (! counts ("value.cost"), "the verb 'cost' read as a value");
  read_note ("it has to be right every single time");
  cr_assert (! counts ("value.time"), "'time' read as time savings");
  cr_assert (counts ("value.quality"));
  free (a);
}

/* 003: a seller who keeps office hours does not suit a buyer who needs
   someone at night, and one who wants one decision-maker does not suit
   a buyer who decides as a team: a hand-off, when the business fits. */
Test (scoring_reading, a_seller_against_what_the_buyer_needs_hands_off)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "When a freezer fails at two in the "
                                    "morning we need a person on the phone."),
                  json_pack ("{s:[s]}", "answers",
                             "Round-the-clock service: a person always "
                             "answers."),
                  json_pack ("{s:[s]}", "answers",
                             "I keep office hours only; clients get a "
                             "reply the next working day."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  values_account (json_pack ("[s]", "Decisions here are made by consensus "
                                    "across the whole leadership team."),
                  json_pack ("{s:[s]}", "answers",
                             "We work in workshops with the whole client "
                             "team."),
                  json_pack ("{s:[s]}", "answers",
                             "Give me one decision maker and a single "
                             "meeting."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 8 (seen on blind14): a banner of a Portuguese client forwards
   the contact's own message; "nobody" after a cue does not negate it
   ("things nobody has tried"); what a party hates or calls "mostly
   marketing" it stands against or waves away. */
Test (scoring_reading, foreign_banners_nobody_hate_and_marketing)
{
  static const char note[] =
    "---------- Mensagem encaminhada ---------\n"
    "De: Dana Ruiz <dana@ruiz.example>\n"
    "Data: 3 de nov. de 2026\n"
    "Para: Sam Lee <sam@example.com>\n"
    "\n"
    "I'd rather live with a rough first season than wait: if it fails, "
    "that's on me, and the credit goes to my agronomists.\n"
    "\n"
    "Dana\n";
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note (note);
  cr_assert (counts ("actualization."), "her forwarded words were a quote");
  read_note ("we love trying things nobody has tried before");
  cr_assert (counts ("value.innovation"), "'nobody' after it negated it");
  values_account (json_pack ("[s]", "Every decision documented and audited."),
                  json_pack ("{s:[s]}", "answers",
                             "Compliance-first, audit-ready records."),
                  json_pack ("{s:[s]}", "answers",
                             "Honestly I hate paperwork and I like to wing "
                             "it."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  read_note ("the green stuff is mostly marketing");
  cr_assert (! counts ("value.sustainability"), "dismissed value held");
  read_note ("we run weekly planning meetings over the long run");
  cr_assert (! counts ("value.reliability"), "'run' read as reliability");
  free (a);
}

/* Round 9 (seen on blind15): someone named who is not on the call is
   someone else ("Tomas's notes say Ingrid was ...", "the previous owner
   (Mrs. Castell) ..."); the contact named keeps her cues. */
Test (scoring_reading, a_person_named_who_is_not_on_the_call_is_someone_else)
{
  const char *const named[] = {
    "Tomas's handover notes say Ingrid was very cautious and wanted "
    "guarantees for everything.",
    "The previous owner (Mrs. Castell) hated surprises and wanted "
    "everything triple-checked.",
    NULL
  };

  assert_reason (named, "security.",
                 SCORE_READ_THIRD_PARTY | SCORE_READ_FORMER);
  read_note ("Dana was very cautious and wanted guarantees for everything.");
  cr_assert (counts ("security."), "the contact's own name set her aside");
  read_note ("Spoke to Dana. Very cautious, wanted guarantees in writing.");
  cr_assert (counts ("security."), "a capitalised sentence start set aside");
  read_note ("New head of procurement Dana Ruiz is careful and wants "
             "guarantees in writing.");
  cr_assert (counts ("security."), "the contact under her title set aside");
  read_note ("Dana took over from Priyanka in May. Priyanka wanted "
             "everything in writing. Dana is different: she hates surprises.");
  cr_assert (hit_of ("security.guarantee")
               && (hit_of ("security.guarantee")->reasons & SCORE_READ_FORMER),
             "the predecessor named after 'took over from' was not former");
  cr_assert (counts ("security.surprises"), "Dana's own cue set aside");
}

/* Round 9: what the writer only meant to do, or leaves for next time, was
   not done ("planned to walk her through the benchmark, but we ran out of
   time", "next time ask about their expansion plans"). */
Test (scoring_reading, a_plan_the_writer_did_not_carry_out_is_not_done)
{
  const char *const planned[] = {
    "Planned to walk Dana through our freight benchmark, but we ran "
    "out of time.",
    "Next time we should ask about their expansion plans.",
    "Meant to share the market outlook with her; didn't get to it.", NULL
  };

  assert_reason (planned, "knowledge.", SCORE_READ_HYPOTHETICAL);
  read_note ("Walked Dana through our freight benchmark.");
  cr_assert (counts ("knowledge."), "a shared benchmark did not count");
}

/* Round 9: an e-mail's subject line at the top of a note is a header
   ("Re: our market outlook deck"), not something shared. */
Test (scoring_reading, a_subject_line_on_top_is_a_header)
{
  const char *const subject[] = { "Re: our market outlook deck", NULL };
  const char *const aw[] = { "AW: Angebot Rahmenvertrag 2027", NULL };

  assert_aside ("Re: our market outlook deck\n"
                "Dana: Thanks, see you at the tailgate Saturday?\n",
                SCORE_BOILER_FORWARD_HEADER, subject);
  assert_aside ("AW: Angebot Rahmenvertrag 2027\n\nHello Sam, thanks.\n",
                SCORE_BOILER_FORWARD_HEADER, aw);
}

/* Round 9: removing what stands against a value is for the value ("rip out
   the legacy tools"); "a nice-to-have" waves a value away; what would
   happen if something changed did not happen ("if the price went up
   they'd have to look around"). */
Test (scoring_reading, removed_obstacles_nice_to_haves_and_counterfactuals)
{
  read_note ("We want to rip out the legacy tools this year.");
  cr_assert (! counts ("value_against.innovation"),
             "ripping out the legacy read as against innovation");
  read_note ("Honestly we'd like to get rid of the legacy stack.");
  cr_assert (! counts ("value_against.innovation"),
             "getting rid of the legacy read as against innovation");
  read_note ("Sustainability is a nice-to-have for later.");
  cr_assert (! counts ("value.sustainability"), "a nice-to-have was held");
  read_note ("If the price went up 30% they'd have to look around.");
  cr_assert (! counts ("risk.competitor"), "a counterfactual counted");
  read_note ("They are looking around for other suppliers.");
  cr_assert (counts ("risk.competitor"), "shopping around did not count");
}

/* 003, sentence by sentence (rounds 17-30): a value ranked low is waved
   away, not held ("a distant third", "an afterthought", "low on our
   list", "quality is maybe fifth"), one ranked high still is; a
   dismissal reaches a topic put up for comment, not a value stated
   before it; shorthand names values ("rel. & svc."); hating the loss of
   a value holds it ("I hate waiting"); "over the long haul" puts nothing
   second where "stability over novelty" does. */
Test (scoring_reading, values_ranked_low_are_not_held)
{
  static const struct
  {
    const char *note;
    const char *cue;
    bool held;
  } t[] = {
    { "Craft and consistency first; price is a distant third.", "value.cost",
      false },
    { "Craft and consistency first; price is a distant third.",
      "value.reliability", true },
    { "Honestly, sustainability is an afterthought here.",
      "value.sustainability", false },
    { "Service is a bonus, not a requirement.", "value.service", false },
    { "Speed is low on our list.", "value.speed", false },
    { "Innovation is at the bottom of our list.", "value.innovation", false },
    { "Price comes way down the list.", "value.cost", false },
    { "Cost is the least of our worries.", "value.cost", false },
    { "Price? Not really our main concern.", "value.cost", false },
    { "Quality is top of our list.", "value.quality", true },
    { "Price is at least as high a priority as quality.", "value.cost", true },
    { "Low prices matter most to us.", "value.cost", true },
    { "Innovation? Honestly, that's not something we think about.",
      "value.innovation", false },
    { "We want it to work every day without anyone thinking about it.",
      "value.reliability", true },
    { "We work at our clients' pace.", "value.speed", false },
    { "If I had to rank them: price, delivery speed. Quality is maybe "
      "fifth.",
      "value.quality", false },
    { "Tell us bad news straight; one that doesn't hide things.",
      "value.partnership", true },
    { "rel. & svc. that's it", "value.reliability", true },
    { "rel. & svc. that's it", "value.service", true },
    { "We won't accept missed dates.", "value.reliability", false },
    { "Speed and getting things done, I hate waiting", "value.time", true },
    { "We value reliability over the long haul.", "value.partnership", true },
    { "Stability over novelty.", "value.innovation", false },
    { "Cost savings. Honestly the green stuff is marketing fluff to me.",
      "value.cost", true },
    { "Cost savings. Honestly the green stuff is marketing fluff to me.",
      "value_against.sustainability", true },
    { "Honestly I think the green stuff is overblown; I care about volume.",
      "value.sustainability", false },
  };

  for (size_t i = 0; i < sizeof (t) / sizeof (t[0]); i++)
  {
    read_note (t[i].note);
    cr_assert_eq (t[i].held, counts (t[i].cue), "%s: %s held %d", t[i].note,
                  t[i].cue, ! t[i].held);
  }
}

/* Round 10 (seen on blind16): a transcript whose labels name nobody the
   CRM knows still says who the seller is: a speaker key calling someone
   "our side", or a heading naming whom the writer met ("Call w/
   Ingeborg Vik"); questions asked do not make the buyer the seller. */
Test (scoring_reading, unknown_labels_our_side_and_whom_we_met)
{
  read_note ("Speaker key: SPEAKER 1 = Lukas (our side), SPEAKER 2 = "
             "Ingeborg Vik, quality lead\n"
             "SPEAKER 1: We're the boldest innovators out there, first to "
             "launch every time.\n"
             "SPEAKER 2: What certificates do you hold? Can you send the "
             "test reports?\n"
             "SPEAKER 1: We move fast.\n"
             "SPEAKER 2: And what happens if a batch fails? I need that in "
             "writing.\n");
  cr_assert (counts ("security."), "the buyer's requests were not hers");
  cr_assert (! counts ("actualization."), "our side's boast counted");
  read_note ("Call w/ Ingeborg Vik, quality lead\n"
             "Ingeborg: What does your tool do for our scrap rate? Show me "
             "results by Friday.\n"
             "Lukas: We could start with a survey to see how everyone "
             "feels about it.\n"
             "Ingeborg: I make this call, and I want progress reports every "
             "two weeks.\n"
             "Lukas: Noted.\n");
  cr_assert (counts ("power."), "the buyer's demands were not hers");
  cr_assert (! counts ("affiliation."), "the seller's survey counted");
}

/* Round 10: a chat pasted into the notes ("Mika Salo [10:02] ...", name
   and time, no colon) is a conversation: our AE's boast is not hers. */
Test (scoring_reading, a_pasted_chat_is_a_conversation)
{
  read_note ("Mika Salo [10:02] do you have load-test reports?\n"
             "Jules (our AE) [10:05] we're the most innovative team out "
             "there, first to market every time\n"
             "Mika Salo [10:07] send the SLA and the references before I "
             "recommend anything\n"
             "Mika Salo [10:09] staged rollout please, one region first\n");
  cr_assert (counts ("security."), "her requests did not count");
  cr_assert (! counts ("actualization."), "our AE's boast counted as hers");
}

/* Round 11 (seen on blind16): a phrase may ask for one form of its words
   ("=renewed" is not "the renewal", "=the credit" is not an SLA's
   "credits"); a price cut asked for as a percentage off or as more for
   the same price presses on price; only the lack of a straight answer
   avoids conflict. */
Test (scoring_reading, forms_of_words_and_indirect_price_asks)
{
  read_note ("In the renewal he wants 10% more capacity for the same price.");
  cr_assert (! counts ("risk.renewed"),
             "a renewal still ahead counted as done");
  cr_assert (counts ("risk.evaluation"), "more for the same price missed");
  read_note ("They renewed for three years last week.");
  cr_assert (counts ("risk.renewed"), "a done renewal did not count");
  read_note ("Send the SLA with the credits before launch.");
  cr_assert (! counts ("power.recognition"),
             "SLA credits read as wanting credit");
  read_note ("She wants the credit for the rollout.");
  cr_assert (counts ("power.recognition"), "wanting the credit missed");
  read_note ("A straight answer, since you asked: your bid is higher.");
  cr_assert (! counts ("affiliation."), "a straight answer avoided conflict");
  read_note ("She never gives a straight answer on budget.");
  cr_assert (counts ("affiliation.avoids_conflict"),
             "no straight answer missed");
}

/* Round 11: a win or an achievement said to be someone else's ("the
   night desk's achievement", "the claims handlers' win") is not the
   contact's drive for results; her own name's ("Dana's targets") and a
   contraction ("it's results") are hers. */
Test (scoring_reading, someone_elses_win_is_theirs)
{
  read_note ("If it goes right, it's the night desk's achievement.");
  cr_assert (! counts ("power."), "the desk's achievement read as hers");
  read_note ("If it works, it's the claims handlers' win.");
  cr_assert (! counts ("power."), "the handlers' win read as hers");
  read_note ("Dana's targets are aggressive this year.");
  cr_assert (counts ("power."), "her own targets set aside");
  read_note ("It's results she wants, nothing else.");
  cr_assert (counts ("power."), "a contraction read as a possessive");
}

/* Round 11: a forwarded e-mail in an Italian client ("Da:" for From:)
   is its writer's, and a disclaimer in Italian is a disclaimer. */
Test (scoring_reading, a_foreign_from_and_a_foreign_disclaimer)
{
  static const char note[] =
    "---------- Messaggio inoltrato ---------\n"
    "Da: Giulia Rinaldi <g.rinaldi@telenord.example>\n"
    "Data: 6 novembre 2026 11:47\n"
    "Oggetto: Re: demo\n"
    "A: Owen Park\n"
    "\n"
    "Owen,\n"
    "\n"
    "I'll be honest: the demo was weak. I'm willing to go first with "
    "this, and if it goes wrong, that's on me.\n"
    "\n"
    "Giulia\n"
    "\n"
    "Questo messaggio e i suoi allegati sono indirizzati esclusivamente "
    "alle persone indicate. La diffusione o copia sono rigorosamente "
    "vietate.\n";

  read_note (note);
  cr_assert_eq (SCORE_BOILER_DISCLAIMER,
                span_at ((size_t) (strstr (note, "Questo") - note)));
  cr_assert (counts ("actualization."), "her own words read as the seller's");
}

/* Round 12 (seen on blind17): knowledge that stands with a first sign of
   trust is developing only where the buyer shows some compatibility; a
   buyer who keeps every call curt leaves it resting on one pillar (002:
   knowledge "stands hand in hand with compatibility"). */
Test (scoring_reading, a_curt_buyer_is_not_developing_on_a_first_sign)
{
  static const char *const notes[] = {
    "Dana (fleet planning): we fixed their axle-counter reporting bug "
    "that had been costing them two delay-minutes a day.",
    "Shared our analysis of winter failure patterns across UK fleets; "
    "Dana said it was useful and changed their inspection intervals.",
    "Dana curt as always, straight to agenda, hung up at 30 mins sharp.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  pillar_account (notes,
                  json_pack ("[{s:i, s:{s:i}}]", "overall", 4, "ratings",
                             "problem_resolution", 4),
                  json_pack ("[{s:s, s:s, s:i, s:i}]", "id", "cm-1", "status",
                             "kept", "days_ago", 20, "resolved_days_ago", 15),
                  a);
  cr_assert (a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].stands, "K %.1f",
             a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score);
  cr_assert_eq (a->pillars.status, SCORE_STATUS_VULNERABLE,
                "status %s (C %.1f K %.1f T %.1f)",
                score_pillar_status_name (a->pillars.status),
                a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score,
                a->pillars.pillars[SCORE_PILLAR_KNOWLEDGE].score,
                a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  free (a);
}

/* Round 12: a note that opens with "-----Original Message-----" pasted
   that message, and her words under its headers are hers; a pasted
   record's tagline or PO fields are the record's; the writer's guess
   ("she'll probably want", "Might just want") and hope ("we'd hoped
   she'd introduce us") are not what happened; a stemmed word keeps its
   sense ("click rates" are no rapport, "internally" is not
   "international"). */
Test (scoring_reading, pasted_messages_records_guesses_and_hopes)
{
  static const char note[] =
    "-----Original Message-----\n"
    "From: Dana Ruiz <dana@ruiz.example>\n"
    "Sent: 20 November 2026 12:05\n"
    "Subject: RE: Pressure management\n"
    "\n"
    "Hi Owen, lovely to catch up! I'd hate to upset anyone on the team, "
    "so let's keep everyone happy and go step by step.\n"
    "Dana\n";

  read_note (note);
  cr_assert_eq (-1, span_at ((size_t) (strstr (note, "lovely") - note)),
                "the pasted message was read as an earlier thread");
  cr_assert (counts ("affiliation."), "her words did not count");
  read_note ("New web lead\nFirst name: Paolo\nCompany: Belvedere\n"
             "Company tagline (enriched): 'Where every guest feels at home - "
             "family, warmth, loyalty since 1961'\n");
  cr_assert (! counts ("affiliation."), "a tagline field read as hers");
  read_note ("Haven't met Dana yet. She'll probably want guarantees and "
             "lots of paperwork. Might also just want to be friends.");
  cr_assert (! counts ("security."), "a guess read as her wish");
  cr_assert (! counts ("affiliation."), "a guess read as her wish");
  read_note ("We'd hoped she'd introduce us to the CFO; she'll think about "
             "it.");
  cr_assert (! counts ("trust."), "a hope read as an introduction");
  read_note ("She hopes we all get along.");
  cr_assert (counts ("affiliation."), "her own hope set aside");
  read_note ("Shared our benchmark on phishing click rates.");
  cr_assert (! counts ("compatibility."), "click rates read as rapport");
}

/* Round 13 (seen on blind17): a Teams export's "Last, First   0:00:31"
   lines and a chat pasted as "Name 09:12  text" are speakers' turns; a
   short lead that forwards the message under an "Original Message"
   banner makes that message the substance; a meeting bot's "Keywords:"
   line is the bot's; "even if" concedes, it does not make the clause
   before it a supposition. */
Test (scoring_reading, exports_chats_leads_keywords_and_even_if)
{
  read_note ("Transcript - Revenue tooling check-in (Microsoft Teams)\n\n"
             "Quinn, Alex   0:00:08\n"
             "Morning both! Really excited, this release is our best ever.\n\n"
             "Ruiz, Dana   0:00:31\n"
             "Before features, I need the rollout sequence in writing, and "
             "what the rollback is if it goes wrong.\n\n"
             "Quinn, Alex   0:00:50\n"
             "Noted, I'll send the plan.\n");
  cr_assert (counts ("security."), "her turn was not hers");
  cr_assert_eq (SCORE_SAY_BUYER, hit_of ("security.guarantee")->speaker);
  read_note ("Teams chat, pasted\n"
             "Dana Ruiz 09:12  Tell me when I'll see results.\n"
             "Rep 09:13  We'd typically suggest a 12 week evaluation\n"
             "Dana Ruiz 09:14  Eight. And I want to be in the room when you "
             "design it.\n");
  cr_assert (hit_of ("power.results")
               && SCORE_SAY_BUYER == hit_of ("power.results")->speaker,
             "a chat line was not her turn");
  read_note ("Dana's reply below, forwarded to the bid team.\n\n"
             "-----Original Message-----\n"
             "From: Dana Ruiz <dana@ruiz.example>\n"
             "Sent: Friday, November 21, 2026 19:40\n"
             "To: Sam Lee\n"
             "Subject: Re: proposal\n\n"
             "Sam, I want to be part of writing the specification with your "
             "engineers. Milestones every month, please.\n");
  cr_assert (counts ("power."), "the forwarded message was set aside");
  read_note ("Meeting recap\n- Dana wants the pilot reviewed monthly.\n\n"
             "Keywords: harmony, guarantee, documentation, team\n");
  cr_assert (! counts ("affiliation."), "a bot's keyword read as hers");
  read_note ("Dana wants a small pilot first even if it takes longer.");
  cr_assert (counts ("security."), "a concession made her wish a supposition");
}

/* Round 13: time saved for someone ("saving clients time") is time, not
   money; "clients" (read as customers) is not "customized". */
Test (scoring_reading, time_saved_for_someone_is_time)
{
  read_note ("What she values: quality work and saving clients time.");
  cr_assert (counts ("value.time"), "time saved for clients missed");
  cr_assert (! counts ("value.cost"), "saving clients time read as money");
  cr_assert (! counts ("seller.build"), "clients read as customized");
}

/**
 * The values the account's answers hold, given as {question: answer}.
 *
 * @param question the question
 * @param answer its answer
 * @param[out] held the account's priorities
 */
static void
answered (const char *question, const char *answer, double *held)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("{s:s}", question, answer),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0), a);
  cr_assert (a->values_fit.available);
  memcpy (held, a->values_fit.account_priorities,
          sizeof (a->values_fit.account_priorities));
  free (a);
}

/* 003: a Value Discovery question names the value its answer is about;
   an answer that does not turn it down holds it, in whatever words. One
   that waves it away or puts it second does not. */
Test (scoring_reading, a_value_discovery_question_names_the_value)
{
  double held[SCORE_VALUE_COUNT];

  answered ("What's important to you about productivity?",
            "Hours per tonne of steel. Anything that gives my welders "
            "their afternoons back.",
            held);
  cr_assert_gt (held[SCORE_VALUE_PRODUCTIVITY], 0.0,
                "the question's productivity missed");
  answered ("What are your standards for service?",
            "Someone who knows our lifts and comes out on a powder day "
            "without being asked.",
            held);
  cr_assert_gt (held[SCORE_VALUE_SERVICE], 0.0, "standards for service");
  answered ("What's important to you about productivity?",
            "Not really relevant for us, we're a charity.", held);
  cr_assert_eq (held[SCORE_VALUE_PRODUCTIVITY], 0.0,
                "a waved-away question read as held");
  answered ("What's important to you about saving money?",
            "Honestly we don't think about it, uptime is all.", held);
  cr_assert_eq (held[SCORE_VALUE_COST_SAVINGS], 0.0,
                "a declined question read as held");
  answered ("What's important to you about innovation?",
            "Stability over novelty, always.", held);
  cr_assert_eq (held[SCORE_VALUE_INNOVATION], 0.0,
                "a value put second read as held");
}

/* "Every box ticked" keeps compliance; "box-ticking" waves it away. The
   hours a seller saved customers are time, not money; "savings" itself
   still is money. */
Test (scoring_reading, box_ticked_is_not_box_ticking_and_hours_saved_are_time)
{
  read_note ("Compliance first. Every box ticked and every document signed "
             "before anything moves.");
  cr_assert (counts ("value.compliance"), "ticked boxes waved away");
  read_note ("Sustainability? Box-ticking.");
  cr_assert (! counts ("value.sustainability"), "box-ticking kept");
  read_note ("Productivity - I like showing customers the hours we saved "
             "them.");
  cr_assert (counts ("value.time"), "hours saved missed");
  cr_assert (! counts ("value.cost"), "hours saved read as money");
  read_note ("Cost savings are what she wants.");
  cr_assert (counts ("value.cost"), "savings no longer money");
}

/* 000 Actualization: taking the consequences of a risk ("if it goes
   wrong I answer for it") is no wish for guarantees; owing no vendor
   anything is no loyalty to one. A declined question ("he'd rather not
   get into that") is not an Affiliation buyer withholding a problem. */
Test (scoring_reading, answering_for_a_risk_and_declining_a_question)
{
  read_note ("Lars greenlit the rollout: 'the mill needs it, and if it goes "
             "wrong I answer for it'.");
  cr_assert (counts ("actualization.takes_risks"), "consequences missed");
  cr_assert (! counts ("security.guarantee"), "read as wanting guarantees");
  read_note ("Anneke: we owe no vendor anything; we owe our growers.");
  cr_assert (counts ("actualization.org_first"), "owing no vendor missed");
  read_note ("Asked Ravi what matters most when he picks a supplier; he said "
             "he'd rather not get into that on a first call.");
  cr_assert (! counts ("affiliation.withholds"),
             "a declined question read as withholding");
}

/* 002: tips and articles about a hobby are compatibility, not insight
   into the customer's business; insight next to no hobby still is. 004:
   asking to hold next year's prices presses on price. */
Test (scoring_reading, hobby_tips_are_no_knowledge_and_holding_prices_presses)
{
  read_note ("Quick catch-up: his daughter just started university, swapped "
             "hiking tips for the Stubai.");
  cr_assert (counts ("compatibility.personal"), "the hobby missed");
  cr_assert (! counts ("knowledge.insight"), "hiking tips read as insight");
  read_note ("Sent him the article on the ski-touring race he's entering.");
  cr_assert (! counts ("knowledge.insight"), "a race article read as insight");
  read_note ("Sent him our article on cutting spare-parts stock.");
  cr_assert (counts ("knowledge.insight"), "a business article lost");
  read_note ("Denise asked whether we could hold next year's prices.");
  cr_assert (counts ("risk.evaluation"), "holding prices missed");
}

/* Transcripts as integrations paste them: a WEBVTT cue's voice tag, a
   Slack line's "8:02 AM", a Teams line's name and time over its text
   (and "One thing:" inside a turn is no speaker). */
Test (scoring_reading, caption_voices_slack_times_and_teams_turns)
{
  read_note ("WEBVTT\n\n00:00:04.120 --> 00:00:09.880\n"
             "<v Ravi Iyer>Thanks for the time. I'll be honest, this release "
             "is a game changer.\n\n"
             "00:00:10.200 --> 00:00:21.450\n"
             "<v Dana Ruiz>Before I even consider it I need the validation "
             "package and the complete change log.\n\n"
             "00:00:22.000 --> 00:00:30.000\n"
             "<v Ravi Iyer>Of course.\n\n"
             "00:00:31.000 --> 00:00:40.000\n"
             "<v Dana Ruiz>Send the documents and I'll go through them with "
             "the quality team.\n");
  cr_assert (hit_of ("security.documentation")
               && SCORE_SAY_BUYER
                    == hit_of ("security.documentation")->speaker,
             "her caption was not her turn");
  cr_assert (! hit_of ("actualization.candid")
               || SCORE_SAY_BUYER != hit_of ("actualization.candid")->speaker,
             "the rep's caption read as hers");
  cr_assert (! counts ("risk.competitor"), "'complete' read as competing");
  read_note (
    "[Slack, shared channel]\n"
    "Dana Ruiz  8:02 AM  Aloha Mia!! how was Maui?? hope you got "
    "some beach time\n"
    "Mia Hoffmann  8:10 AM  It was amazing! Did the scanners work?\n"
    "Dana Ruiz  8:15 AM  honestly it's fine, I don't like rocking the "
    "boat over small stuff\n"
    "Dana Ruiz  8:16 AM  let's do lunch when you're back, my treat\n");
  cr_assert (hit_of ("affiliation.avoids_conflict")
               && SCORE_SAY_BUYER
                    == hit_of ("affiliation.avoids_conflict")->speaker,
             "a Slack line was not her turn");
  read_note ("Teams meeting transcript\n\n"
             "Dana Ruiz   0:00:35\nI'll be honest with you, the current "
             "system is costing us members.\n\n"
             "Oskar Nilsson   0:01:12\nWe can also do a slower rollout if you "
             "prefer less risk.\n\n"
             "Dana Ruiz   0:01:30\nNo, all six at once.\n\n"
             "Dana Ruiz   0:02:05\nOne thing: I expect you to hit your own "
             "numbers.\n");
  cr_assert (! hit_of ("security.risk_averse")
               || SCORE_SAY_SELLER == hit_of ("security.risk_averse")->speaker,
             "the rep's offer read as hers ('One thing:' took his place)");
}

/* A visit report's record sections ("Technical notes:", "Follow-ups:")
   are facts and to-dos, nobody's orientation; the same words as a
   sentence about her still are. */
Test (scoring_reading, record_sections_are_nobodys_orientation)
{
  read_note ("Visit report\n"
             "Technical notes: exam board integration is manual, records in "
             "spreadsheets.\n"
             "Follow-ups: send the dated implementation plan and a "
             "reference.\n"
             "Dana wants to chair the steering group herself.\n");
  cr_assert (! counts ("security."), "a record section read as Security");
  cr_assert (counts ("power."), "her own behaviour lost");
  read_note ("Visit report\nDana keeps every record in spreadsheets and "
             "checks each one by hand.\nShe wants it all documented.\n");
  cr_assert (counts ("security."), "narrative lines lost");
}

/* 003: "optional" after "is/are" waves a value away ("certificates are
   optional for us"); "not optional" insists. A seller's cue against a
   value put second stays against it: "before anything goes live ... I
   never rush" is no wish for speed. */
Test (scoring_reading, optional_waves_away_and_never_rush_stays_against)
{
  double held[SCORE_VALUE_COUNT];
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  answered ("Priorities",
            "Whoever is cheapest. Certificates are optional "
            "for us.",
            held);
  cr_assert_eq (held[SCORE_VALUE_COMPLIANCE], 0.0, "optional read as held");
  answered ("Priorities", "Compliance isn't optional here.", held);
  cr_assert_gt (held[SCORE_VALUE_COMPLIANCE], 0.0, "not optional lost");
  values_account (
    json_pack ("{s:s}", "What's important to you about saving time?",
               "Live in six weeks; shorter deployments, less talk."),
    json_pack ("{s:{s:f}}", "priorities", "speed", 1.0),
    json_pack ("{s:{s:s}}", "answers", "What's your style?",
               "I take my time. I spend a year getting to know a client "
               "before anything goes live and I never rush a deployment."),
    a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                "%s (owner %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_owner);
  free (a);
}

/* 003 in plain words: price that "comes after" quality is put second and
   not held; a supplier "for long time who knows our mine" is partnership;
   organic fibre is sustainability. */
Test (scoring_reading, price_after_quality_long_suppliers_and_organic_fibre)
{
  double held[SCORE_VALUE_COUNT];

  answered ("How do you choose suppliers?",
            "Track record on quality and reliability first; price comes "
            "after.",
            held);
  cr_assert_eq (held[SCORE_VALUE_COST_SAVINGS], 0.0,
                "price put second read as held");
  cr_assert_gt (held[SCORE_VALUE_QUALITY], 0.0);
  answered ("Priorities",
            "We want one supplier for long time who knows our "
            "mine.",
            held);
  cr_assert_gt (held[SCORE_VALUE_PARTNERSHIP], 0.0, "a long supplier missed");
  answered ("Sourcing",
            "Organic fibre, and our customers ask where every "
            "metre comes from.",
            held);
  cr_assert_gt (held[SCORE_VALUE_SUSTAINABILITY], 0.0, "organic missed");
}

/* 002: talk about grandchildren is personal compatibility, like kids. */
Test (scoring_reading, grandchildren_are_personal)
{
  read_note ("We talk long time about his grandchildren.");
  cr_assert (counts ("compatibility.personal"), "grandchildren missed");
}

/* 003: what a business lists under a negated heading ("What we don't
   do") it stands against; "careful beats quick" puts speed second, so a
   seller who says it is against speed. */
Test (scoring_reading, a_negated_heading_and_careful_beats_quick)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("{s:s}", "What are your standards?",
                             "Audit trails on everything and round-the-clock "
                             "support; compliance comes first."),
                  json_pack ("{s:{s:s, s:s}}", "answers", "Who we are",
                             "A small creative studio: fast and experimental.",
                             "What we don't do",
                             "Regulated, audit-heavy work or 24/7 support "
                             "contracts."),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0), a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  values_account (json_pack ("{s:s}", "How do you define a good supplier?",
                             "Quick. We decide in a day; faster samples, more "
                             "experiments."),
                  json_pack ("{s:{s:f}}", "priorities", "speed", 1.0),
                  json_pack ("{s:{s:s}}", "answers", "How do you work?",
                             "Careful beats quick every time."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                "%s (owner %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_owner);
  free (a);
}

/* 002: asking about the customer's plans for next year is knowledge. */
Test (scoring_reading, asking_about_their_plans_is_knowledge)
{
  read_note ("Asked about the plans for the clock mechanism next year.");
  cr_assert (counts ("knowledge.plans"), "a question about plans missed");
}

/* Round 32 (seen on blind9 and blind10): a phrase does not read the
   words its "~" skipped ("told ~ openly" around "keep options open");
   a job's title is not the cue it is made of ("the new plant director"
   is not the customer's new plant); an answer of several clauses that
   waves a posed topic away waves it away from its last clause too. */
Test (scoring_reading, gaps_titles_and_answers_of_several_clauses)
{
  read_note ("Gloria says she's been told to keep options open.");
  cr_assert (counts ("risk.competitor"), "a hedge swallowed by a gap");
  read_note ("The new plant director started on Monday.");
  cr_assert (! counts ("knowledge."), "a job title read as their plans");
  read_note ("Asked about their plans for the new plant.");
  cr_assert (counts ("knowledge.plans"), "the new plant itself missed");
  read_note ("green? that's brochure talk, not our problem, we don't care. "
             "cheapest packaging that survives the truck");
  cr_assert (! counts ("value.sustainability"), "a dismissed topic held");
  cr_assert (counts ("value.cost"), "the value stated after it missed");
  read_note ("Green? We recycle every pallet, and we don't care for "
             "gimmicks.");
  cr_assert (counts ("value.sustainability"), "an answer with content "
                                              "read as a dismissal");
}

/* Round 33 (seen on blind29): an identifier joined by underscores is one
   word, not prose ("results_driven_leaders" in a tracking link); a topic
   "=" a verdict is posed like "Topic:" and may take a few words; "a waste
   of (my) time" waves away what it is said of, and an against-cue that
   says the same as the value it waves away stays against; a conditional
   ask for a lower price is still the ask; "cycle times" are no hobby. */
Test (scoring_reading, identifiers_verdicts_wastes_and_polite_asks)
{
  read_note ("utm_source=google&utm_campaign=results_driven_leaders");
  cr_assert (! counts ("power."), "a tracking link read as behaviour");
  read_note ("innovation for its own sake = no thanks");
  cr_assert (! counts ("value.innovation"), "a verdict after '=' missed");
  read_note ("growth = everything rn, opening 4 new countries");
  cr_assert (counts ("value.growth"), "a value defined with '=' lost");
  read_note ("I like clients who manage alone; support requests are a "
             "waste of my time.");
  cr_assert (! counts ("value.service"), "a waste of time read as held");
  read_note ("We reduce waste and we waste nothing.");
  cr_assert (counts ("value.sustainability"), "'waste nothing' waved away");
  read_note ("speed > everything. compliance paperwork = waste of time");
  cr_assert (counts ("value_against.compliance"), "the verdict turned round");
  cr_assert (! counts ("value.compliance"), "a dismissed topic held");
  read_note ("She mentioned that if the per-tonne figure came down a little, "
             "her CFO would sleep a lot easier.");
  cr_assert (counts ("risk.evaluation"), "a polite price ask missed");
  read_note ("If they ever complained about delivery we would fix it fast.");
  cr_assert (! counts ("risk.service"), "a supposed complaint counted");
  read_note ("Sent our benchmark on sterilisation cycle times.");
  cr_assert (! counts ("compatibility."), "cycle times read as cycling");
}

/* Round 34 (seen on blind30): a reply answered inline keeps the writer's
   answers between the quoted lines; a buyer's "might take a closer look"
   at a rival is the risk itself; what the writer "should" do sometime is
   not done; small talk the buyer skips and "that's confidential" said of
   what was asked build nothing; "rather X, Y than Z" and "Cheap,
   high-volume suppliers don't interest us" put the value aside; an
   e-bike is a product and a vent kit no confidence. */
Test (scoring_reading, inline_answers_guesses_intentions_and_refusals)
{
  read_note ("Answers inline below.\n"
             "On Thu, 6 Nov 2025 at 10:14, Nadia <nadia@chemtan.example> "
             "wrote:\n"
             "> Most tanneries switch overnight, we guarantee it!\n"
             "We would run it on one drum for six weeks first and compare.\n"
             "> Can we book the changeover for 1 December?\n"
             "Not before I have seen the safety data sheet in writing.\n");
  cr_assert (counts ("security."), "the writer's inline answers were lost");
  cr_assert (! counts ("value.speed"), "the quoted line was read");
  read_note ("Hannah said their app is slicker than ours and she might take "
             "a closer look at them in the new year.");
  cr_assert (counts ("risk.competitor"), "a buyer weighing a rival missed");
  read_note ("As the real expert here I should really walk you through our "
             "kit sometime.");
  cr_assert (! counts ("knowledge."), "an intention read as insight shared");
  read_note ("We walked her through the benchmark on scrap rates.");
  cr_assert (counts ("knowledge."), "insight shared missed");
  read_note ("Rep: Hi Jen, how was the weekend?\n"
             "Jen: Fine. Can we skip the pleasantries? I've got twenty "
             "minutes.\n"
             "Rep: Sure.\n");
  cr_assert (! counts ("compatibility."), "skipped small talk counted");
  read_note ("asked about their plans for the e-bike spring line - she said "
             "that's confidential.");
  cr_assert (! counts ("trust."), "a refusal read as a confidence");
  cr_assert (! counts ("compatibility."), "an e-bike product read as a hobby");
  read_note ("I'd rather work with small, steady businesses than "
             "growth-at-all-costs chains.");
  cr_assert (! counts ("value.growth"), "what is put second was held");
  read_note ("Cheap, high-volume suppliers don't interest us.");
  cr_assert (! counts ("value.cost"), "the first of a dismissed list held");
  read_note ("Move to the 80-watt drivers with a vent kit.");
  cr_assert (! counts ("trust."), "a vent kit read as venting");
}

/* Round 35 (seen on blind31): late deliveries told as a pain are
   reliability wanted, as something put up with reliability not wanted;
   "Nothing I enjoy more than ..." praises what follows; "Cheapest? Ha."
   waves the topic away; "she said no need" turns the offer down; "still
   no conversation about ... their expansion" is no insight into it. */
Test (scoring_reading, pains_emphasis_laughter_and_untold_plans)
{
  read_note ("A late delivery stops our kilns for a day, so dependable "
             "supply is the thing we judge suppliers on.");
  cr_assert (! counts ("value_against.reliability"), "a pain read as against");
  cr_assert (counts ("value.reliability"), "reliability wanted missed");
  read_note ("Late deliveries don't bother us much if the price is low.");
  cr_assert (counts ("value_against.reliability"), "tolerance missed");
  read_note ("Nothing I enjoy more than working with firms that are growing "
             "fast and trying new things.");
  cr_assert (counts ("value.growth"), "an emphatic 'nothing' negated");
  read_note ("Nothing was said about growth.");
  cr_assert (! counts ("value.growth"), "a plain 'nothing' lost its force");
  read_note ("Cheapest? Ha. Good workmanship is what we want now.");
  cr_assert (! counts ("value.cost"), "a laughed-off topic held");
  cr_assert (counts ("value.quality"), "the value after it missed");
  read_note ("Asked if she'd like a coffee next time I'm in town, she said "
             "no need.");
  cr_assert (! counts ("compatibility."), "a refused coffee counted");
  read_note ("Still no conversation about the booking system or their "
             "expansion.");
  cr_assert (! counts ("knowledge."), "untold plans read as insight");
}

/**
 * Read one call attended by both contacts, Dana and Marcus (read_call()).
 *
 * @param notes the notes
 */
static void
read_both (const char *notes)
{
  read_call (notes, "both");
}

/* Round 36 (seen on blind32): a reply whose quoted message addresses a
   call contact ("> Dana, before we commit ...") is that contact's; a
   forwarded e-mail from someone on the buyer's side who is no call
   contact keeps its "I" and "our" (its writer's, not the seller's); a
   rival's rep she "hasn't agreed to meet" is turned down; a value that
   "sounds nice but we've never needed one", or put up as "Quality of the
   shell?" and called "not relevant", is not held. */
Test (scoring_reading, replies_relayed_mail_and_concessions)
{
  read_both (
    "Fine. I decide on this line, not the committee, and I want my "
    "name on the launch.\n"
    "D.\n"
    "\n"
    "On Thu, 6 Nov 2025 at 17:02, Marcus Lee <m@lee.example> wrote:\n"
    "> Dana, before we commit I think we should test it for a year.\n");
  cr_assert (counts ("power."), "the reply was read as the seller's");
  read_both (
    "-----Original Message-----\n"
    "From: Deborah Okafor\n"
    "Subject: second missed delivery\n"
    "\n"
    "The boxes didn't arrive again. I am very unhappy and I've copied "
    "our managing director.\n");
  cr_assert (counts ("risk.service"), "a customer's complaint read as ours");
  read_note ("She mentioned another supplier's rep has been calling, though "
             "she hasn't agreed to meet.");
  cr_assert (! counts ("risk.competitor"), "a turned-down rival counted");
  read_note ("She mentioned another supplier's rep has been calling and she "
             "is meeting him next week.");
  cr_assert (counts ("risk.competitor"), "a rival's approach missed");
  read_note ("Partnership sounds nice but we've never needed one.");
  cr_assert (! counts ("value.partnership"), "a conceded value held");
  read_note ("Quality of the shell? Not relevant to us, nobody checks.");
  cr_assert (! counts ("value.quality"), "a dismissed topic held");
}

/* Round 37 (seen on blind33): an "Original Message" thread answered
   inline keeps the writer's answers (its From:/Sent: lines are headers,
   not an Outlook header that opens the rest as quoted); a message pasted
   under the banner that opens the note keeps going past the deeper quotes
   it answers; a transcript whose labels are keyed on their own first
   lines ("SPEAKER 1: Dana Ruiz, Director") knows who speaks; "Remember to
   update the form" is a to-do, not remembering people. */
Test (scoring_reading, inline_threads_pasted_answers_and_first_line_keys)
{
  read_note ("Callum, answers inline below.\n"
             "\n"
             "-----Original Message-----\n"
             "From: Callum Reid\n"
             "Sent: 02 December 2025 11:05\n"
             "\n"
             "> Happy to move the lines over from January?\n"
             "Not before three trial batches are signed off by our QA lead.\n"
             "> We can send SDS sheets once the order is placed.\n"
             "I'll need them before the trial, with a written guarantee.\n");
  cr_assert (counts ("security."), "the inline answers were set aside");
  read_note ("On Mon, 1 Dec 2025 at 09:30, Dana Ruiz <dana@ruiz.example> "
             "wrote:\n"
             "> Tom, my answers are under your questions.\n"
             "> > Would you like a written guarantee first?\n"
             "> I'm not after guarantees, I'm after the truth.\n");
  cr_assert (counts ("actualization."), "her answers after a deeper quote "
                                        "were lost");
  cr_assert (! counts ("security.guarantee"), "the deeper quote was read");
  read_both ("SPEAKER 1: Dana Ruiz, Director\n"
             "SPEAKER 2: Neil, DryTech, sales\n"
             "SPEAKER 2: Would you like a longer trial first?\n"
             "SPEAKER 1: No need. I'd rather commit now and learn as we go, "
             "and I'll take the risk with the board.\n"
             "SPEAKER 2: Understood.\n");
  cr_assert (counts ("actualization."), "the keyed speaker was not heard");
  read_note ("Remember to update the visitor form with the new reg plate.");
  cr_assert (! counts ("affiliation."), "a to-do read as remembering people");
}

/* Round 38 (seen on blind34): words whose stems reach too far keep their
   own forms: "in confidence" is no Power ("=confident"), "junior
   rankings" no demand for performance
   ("=rank..."), a "stadium demo" no outing; kit "built to last" is
   reliability, a seller who would "rather clients look after themselves"
   stands against service. */
Test (scoring_reading, stems_kept_to_their_forms)
{
  read_note ("He told us in confidence they're bidding for the stadium demo "
             "next year.");
  cr_assert (! counts ("power."), "'in confidence' read as confident");
  cr_assert (! counts ("compatibility."), "a stadium demolition as an outing");
  read_note ("Talked about his granddaughter's junior rankings.");
  cr_assert (! counts ("actualization."), "rankings read as performance");
  read_note ("We sell heavy-duty equipment built to last.");
  cr_assert (counts ("value.reliability"), "built to last missed");
  read_note ("I'd rather clients look after themselves; I don't do much "
             "after the sale.");
  cr_assert (counts ("value_against.service"), "a seller against service");
}

/* A legal notice worded "intended only for the addressee" and "accepts no
   liability" is a disclaimer, and its "competitors" no rival (seen on
   the forms split's risk levels while reading the low/medium overlap). */
Test (scoring_reading, disclaimer_intended_only_for_the_addressee)
{
  static const char *const phrases[] = { "pricing, competitors", NULL };

  assert_aside ("Hi Jo, renewing as is for another two years.\n"
                "Mark\n"
                "\n"
                "This message may contain information about pricing, "
                "competitors or contract termination and is intended only "
                "for the addressee. Brookfield Schools accepts no liability "
                "for its contents.\n",
                SCORE_BOILER_DISCLAIMER, phrases);
  cr_assert (! counts ("risk.competitor"), "a disclaimer's word read");
}

/**
 * Check a floor of the risk level: the account of @a medium (both
 * contacts on each call) scores under 30 yet is medium, and the account
 * of @a low is low.
 *
 * @param medium NULL-terminated notes of the medium account
 * @param low NULL-terminated notes of its calm counterpart
 * @param what what makes the first medium, for the messages
 */
static void
assert_medium_floor (const char *const *medium, const char *const *low,
                     const char *what)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  account (notes_json (medium, "both"), a);
  cr_assert (a->buyer_risk.score < 30.0, "not a test of the floor: %.1f",
             a->buyer_risk.score);
  cr_assert_eq (SCORE_RISK_MEDIUM, a->buyer_risk.level,
                "%s read as low (%.1f)", what, a->buyer_risk.score);
  account (notes_json (low, "both"), a);
  cr_assert_eq (SCORE_RISK_LOW, a->buyer_risk.level,
                "its calm counterpart read as %d (%.1f)",
                (int) a->buyer_risk.level, a->buyer_risk.score);
  free (a);
}

/* Round 39 (seen on blind35 and across the batches' risk levels): two
   risks from what the buyer does, each worth a few points (a new decision
   maker after a silence), make an account at least medium though the sum
   stays under 30; one such risk beside the relationship's structure does
   not. A notice "not an offer ... competition law ... commercially
   sensitive" is a disclaimer, not a rival. */
Test (scoring_reading, two_fronts_make_a_medium_account)
{
  static const char *const two[] = {
    "New category director started this month and wants an intro "
    "meeting to get to know us.",
    "Lena asked if we could do better on the price of replacement blades.",
    NULL
  };
  static const char *const one[] = {
    "New category director started this month and wants an intro "
    "meeting to get to know us.",
    "Routine order, all fine.", NULL
  };

  assert_medium_floor (two, one, "two fronts");
  read_note ("PO attached, same scope as this year.\n"
             "\n"
             "This message is not an offer or acceptance of any contract. "
             "Competition law notice: nothing in this e-mail should be read "
             "as an exchange of commercially sensitive information with a "
             "competitor.\n");
  cr_assert (! counts ("risk.competitor"), "a notice read as a rival");
}

/* Round 40 (seen on blind36): a rival the buyer answered with a no ("she
   told them she isn't looking and hung up") is turned down, where one she
   "didn't seem interested" in still came up; an internal memo ("Hi team -
   FYI below. (internal)") signed by a colleague is our side's, not the
   call's one contact's. */
Test (scoring_reading, rivals_answered_no_and_internal_memos)
{
  read_note ("Yasmin mentioned a rival vendor cold-called her; she told them "
             "she isn't looking and hung up.");
  cr_assert (! counts ("risk.competitor"), "a rival answered no counted");
  read_note ("Yasmin mentioned a rival vendor sent a brochure; she didn't "
             "seem interested.");
  cr_assert (counts ("risk.competitor"), "a rival's approach lost");
  read_note ("Hi team - FYI below. (internal)\n"
             "\n"
             "Great call with Platewise today. I told them we beat every "
             "competitor on freshness.\n"
             "Mia\n"
             "Key Accounts\n");
  cr_assert (! counts ("risk.competitor"), "our own boast read as theirs");
}

/* Round 41 (seen on blind37): "Let's skip that" in answer to small talk
   turns it down as "skip the pleasantries" does; "W said 'not necessary'"
   to a meeting with their CEO turns the offer down; "... or don't bother"
   is an ultimatum, not a value waved away. */
Test (scoring_reading, skip_that_and_not_necessary)
{
  read_note ("Rep: Good morning, did you have a good weekend?\n"
             "Dana: Let's skip that, I have twenty minutes.\n"
             "Rep: Of course.\n");
  cr_assert (! counts ("compatibility."), "skipped small talk counted");
  read_note ("Our MD asked to meet their CEO - Dana said 'not necessary'.");
  cr_assert (! counts ("trust."), "a refused meeting read as access");
  read_note ("asked about the herd expansion - he didn't want to go there, "
             "'that's confidential, not for suppliers'.");
  cr_assert (! counts ("knowledge."), "plans kept back read as shared");
  read_note ("Profitability: show me the ROI in numbers or don't bother.");
  cr_assert (counts ("value.profitability"), "an ultimatum read as a "
                                             "dismissal");
}

/* Round 42 (seen across the batches' risk levels): a buyer seen shopping
   or reviewing the spend makes an account at least medium on its own,
   however calm the rest; one who told the rival they stay ("told them
   we're happy where we are"), who dropped the rival's trial, or whose
   review picked us, is not shopping; a "contract-review tool" is a
   product, not a review. */
Test (scoring_reading, one_live_shopping_signal_is_medium)
{
  static const char *const shopping[] = {
    "Derek mentioned a rival maker approached them at the trade show; "
    "he's not planning to move but took their card.",
    "Spring order placed as usual.", NULL
  };
  static const char *const calm[] = { "Spring order placed as usual.",
                                      "Monthly check-in, nothing open.",
                                      NULL };

  assert_medium_floor (shopping, calm, "a buyer keeping a rival's card");
  read_note ("A rival called us last week and I told them we're very happy "
             "where we are.");
  cr_assert (! counts ("risk.competitor"), "a rival turned away counted");
  read_note ("Asked Femi if they're looking at alternatives - no, said "
             "they're happy where they are.");
  cr_assert (! counts ("risk.competitor"), "a no to alternatives counted");
  read_note ("They dropped the rival trial in October and are all in with "
             "us now.");
  cr_assert (! counts ("risk.competitor"), "a dropped trial counted");
  read_note ("Sarah wants to roll the contract-review tool out to Munich.");
  cr_assert (! counts ("risk.evaluation"), "a product's name read as a "
                                           "review");
  read_note ("Her CFO has asked for a written justification of our fee.");
  cr_assert (counts ("risk.evaluation"), "a justification asked lost");
}

/* Round 42 (seen on blind36's and blind37's values): "X comes ahead of
   Y" puts Y second as "X over Y" does, where "plan further ahead" ranks
   nothing; what "drains" or "exhausts" the speaker is a value stood
   against; "X we do later" puts X off, where "we'll fix it later" stands
   against a value by itself. */
Test (scoring_reading, ahead_of_and_what_drains)
{
  read_note ("Quality of the castings comes ahead of the unit price for us.");
  cr_assert (counts ("value.quality"), "the value put first lost");
  cr_assert (! counts ("value.cost"), "the value put second held");
  read_note ("Plan collections further ahead with one mill we trust.");
  cr_assert (counts ("value.partnership"), "'further ahead' ranked a value");
  read_note ("I prefer warm, relaxed clients; hard numbers-driven "
             "negotiators drain me.");
  cr_assert (counts ("value.profitability")
               && hit_of ("value.profitability")->against,
             "what drains her held");
  read_note ("Regulation and compliance we do later, is not priority.");
  cr_assert (! counts ("value.compliance"), "a value put off held");
  read_note ("compliance paperwork can wait, we'll fix it later");
  cr_assert (counts ("value_against.compliance"), "'fix it later' lost");
}

/* Round 43 (seen on blind38 to blind40's pillars): questions about their
   business passed on ("not sure, ask my boss", "changed topic", "he's not
   really across it"), kept back in a quoted answer ("'Sorry, that's not
   something I can share.'", "that's board confidential") or not gone
   into ("didn't want to go into volumes") share no insight; small talk
   only tried ("Tried to open with a chat about the rally") or turned
   down ("let's stick to business", "straight to the agenda") builds no
   compatibility; "I had no idea" welcomes insight; "cat exposure" is
   insurance, not a pet. */
Test (scoring_reading, questions_passed_on_and_small_talk_tried)
{
  read_note ("asked about plans for a 2nd showroom - 'not sure, ask my "
             "boss'. back to football.");
  cr_assert (! counts ("knowledge."), "a question passed on read as shared");
  read_note ("asked him about mill expansion next yr - he laughed, changed "
             "topic back to football.");
  cr_assert (! counts ("knowledge."), "a changed topic read as shared");
  read_note ("Asked Bram about their plans for the e-cargo range next year. "
             "'Sorry, that's not something I can share with suppliers.'");
  cr_assert (! counts ("knowledge."), "a quoted refusal read as shared");
  read_note ("Asked about their branch expansion plan for 2026 -> 'that's "
             "board confidential'.");
  cr_assert (! counts ("knowledge.") && ! counts ("trust."),
             "'board confidential' read as a confidence");
  read_note ("Didn't want to go into volumes or the margin problem.");
  cr_assert (! counts ("knowledge."), "what he wouldn't go into counted");
  read_note ("Tried to open with a chat about the Safari Rally.");
  cr_assert (! counts ("compatibility."), "small talk tried read as had");
  read_note ("Asked how her weekend was; she said 'let's stick to "
             "business'.");
  cr_assert (! counts ("compatibility."), "'stick to business' missed");
  read_note ("Rep: How was the league final?\n"
             "Dana: Let's go straight to the agenda, please.\n");
  cr_assert (! counts ("compatibility."), "'straight to the agenda' missed");
  read_note ("Rep: Lanes 9 to 14 use more conditioner; swapping the brushes "
             "saves you four hundred a quarter.\n"
             "Dana: Really? That's useful, I had no idea.\n");
  cr_assert (counts ("knowledge."), "insight welcomed read as passed on");
  read_note ("He asked what the new warehouses do to their cat exposure.");
  cr_assert (! counts ("compatibility."), "catastrophe risk read as a pet");
  read_note ("Talked about her new studio cat.");
  cr_assert (counts ("compatibility."), "her cat lost");
}

/* Round 43, continued: small talk the buyer cut short ("cut off my
   weekend question") or refused in her own language ("no gracias") is
   not had; "politely" is not "politics", a "peer group" no benchmark;
   surfing together before a meeting is small talk. */
Test (scoring_reading, small_talk_cut_short_and_stems)
{
  read_note ("She cut off my weekend question politely, 'let's get into "
             "it'.");
  cr_assert (! counts ("compatibility."), "small talk cut off counted");
  cr_assert (! counts ("trust."), "'politely' read as politics confided");
  read_note ("Invited her to the Rayados game with our team - 'no gracias, "
             "prefiero que hablemos del proyecto'.");
  cr_assert (! counts ("compatibility."), "'no gracias' missed");
  read_note ("Phil referred us to two other firms in his peer group.");
  cr_assert (! counts ("knowledge."), "a peer group read as a benchmark");
  read_note ("Miguel and I surfed at Espinho before the meeting again. "
             "Talked about his twins starting school.");
  cr_assert (counts ("compatibility."), "surfing together missed");
}

/* Round 43 (seen on blind38 to blind40's values): what the buyer turns
   away ("we don't want reports", "no service visits, please") stands
   against its value, where "price isn't the conversation" only holds no
   price; "X is the auditor's problem" waves X away as "somebody else's
   problem" already stood against it; "fast-moving owners ... are not my
   style" and "I get bored with technical details" stand against speed
   and quality. */
Test (scoring_reading, values_turned_away_and_left_to_others)
{
  read_note ("Documentation is the auditor's problem, not ours.");
  cr_assert (! counts ("value.compliance"), "another's problem held");
  read_note ("It's a problem with documentation.");
  cr_assert (counts ("value.compliance"), "'it's a problem' waved away");
  read_note ("Fast-moving owners who want everything yesterday are not my "
             "style.");
  cr_assert (counts ("value.speed") && hit_of ("value.speed")->against,
             "'not my style' missed");
  read_note ("I get bored with technical details.");
  cr_assert (counts ("value_against.quality"), "what bores him held");
}

/* The buyer turns away what a service-led business sells ("no service
   visits, please", "we don't want reports"): walk away, where a buyer
   only cool on it ("service isn't the conversation") is no clash. */
Test (scoring_reading, values_turned_away_walk_away)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  json_t *org = json_pack ("{s:[s]}", "answers",
                           "Full-service programmes: weekly service visits "
                           "and reports every visit.");
  json_t *owner = json_pack ("{s:[s]}", "answers",
                             "I enjoy visiting clients and reporting to "
                             "them regularly.");

  values_account (json_pack ("[s, s]",
                             "We want the cheapest machines you have. No "
                             "service visits, please.",
                             "We don't want reports."),
                  json_incref (org), json_incref (owner), a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  json_decref (org);
  json_decref (owner);
  free (a);
}

/* Round 43 (seen on blind41 and blind42's pillars): 002's rapport is seen
   in what was talked about, so glowing ratings of our communication
   alone do not make compatibility stand; the first word of small talk
   does. */
Test (scoring_reading, compatibility_stands_on_talk_not_ratings)
{
  static const char *const curt[] = {
    "Quarterly review. 'Let's get to it, I have the board at ten.'",
    "Renewal call, went through the open tickets.",
    "Sent the loss-control report.", NULL
  };
  static const char *const talked[] = {
    "Quarterly review; talked about her kids and the fishing trip first.",
    "Renewal call, went through the open tickets.",
    "Sent the loss-control report.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  const char *cards = "[{s:s, s:s, s:i, s:i, s:{s:i}}, {s:s, s:s, s:i, s:i,"
                      " s:{s:i}}, {s:s, s:s, s:i, s:i, s:{s:i}}]";

  pillar_account (curt,
                  json_pack (cards, "id", "card-1", "contact", "c1",
                             "days_ago", 20, "overall", 5, "ratings",
                             "communication", 5, "id", "card-2", "contact",
                             "c1", "days_ago", 60, "overall", 5, "ratings",
                             "communication", 5, "id", "card-3", "contact",
                             "c1", "days_ago", 100, "overall", 5, "ratings",
                             "communication", 5),
                  json_array (), a);
  cr_assert (! a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].stands,
             "ratings alone made compatibility stand (%.1f)",
             a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score);
  pillar_account (talked,
                  json_pack (cards, "id", "card-1", "contact", "c1",
                             "days_ago", 20, "overall", 5, "ratings",
                             "communication", 5, "id", "card-2", "contact",
                             "c1", "days_ago", 60, "overall", 5, "ratings",
                             "communication", 5, "id", "card-3", "contact",
                             "c1", "days_ago", 100, "overall", 5, "ratings",
                             "communication", 5),
                  json_array (), a);
  cr_assert (a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].stands,
             "small talk with good ratings did not stand (%.1f)",
             a->pillars.pillars[SCORE_PILLAR_COMPATIBILITY].score);
  free (a);
}

/* Round 43, continued: a "weekend" of work is no small talk; tickets
   turned down, chit-chat refused before the question, "skip that and
   get into the numbers", "steered straight back to the agenda" turn
   small talk down; the customer "shared their build schedule" is
   knowledge; an "analyzer" was not analysed, a pension "retirement plan"
   is no small talk, "My take:" asks no advice, and "he showed me photos"
   shares no insight. */
Test (scoring_reading, work_weekends_and_refusals_before_the_question)
{
  read_note ("We covered three emergency weekend callouts last winter.");
  cr_assert (! counts ("compatibility."), "a work weekend read as chat");
  read_note ("Doug turned down the Jets tickets again.");
  cr_assert (! counts ("compatibility."), "tickets turned down counted");
  read_note ("Pam said 'I don't do chit-chat' when I asked about her "
             "weekend.");
  cr_assert (! counts ("compatibility."), "chit-chat refused counted");
  read_note ("I started with the holidays; she said 'let's skip that and "
             "get into the numbers'.");
  cr_assert (! counts ("compatibility."), "'skip that and' missed");
  read_note ("Asked about his weekend; he steered straight back to the "
             "agenda.");
  cr_assert (! counts ("compatibility."), "'straight back to' missed");
  read_note ("Stephanie shared their build schedule: 40,000 homes passed by "
             "2027.");
  cr_assert (counts ("knowledge."), "their build schedule missed");
  read_note ("Delivered the chlorine analyzer quote on the day I promised.");
  cr_assert (! counts ("knowledge."), "an analyzer read as analysis");
  read_note ("Also referred us to the water & power retirement plan.");
  cr_assert (! counts ("compatibility."), "a pension plan read as chat");
  read_note ("My take: she really trusts us.");
  cr_assert (! counts ("trust.advice"), "'My take' read as advice asked");
  read_note ("Asked about his grandkids; he showed me photos from the "
             "christening.");
  cr_assert (! counts ("knowledge."), "holiday photos read as insight");
}

/* Round 43 (seen on blind38's orientation): behaviour given to someone
   else after the fact ("- that was Lisa Chen, prev CFO", "- that's his
   thing, not mine") is not the contact's; "off-spec" reels are a fault,
   not specs asked for;
   "on stage" is no staged rollout, "bring whoever" no company-first, "keep
   it that way" no assertion; the investor day and a budget owned are
   Power. */
Test (scoring_reading, behaviour_given_away_after_the_fact)
{
  read_note ("NB old CRM notes say 'wants peer refs on everything, slow' - "
             "that was Lisa Chen, prev CFO, left in Sept.");
  cr_assert (! counts ("security."), "a predecessor's habit counted");
  read_note ("Staged rollout pls. (our creative director wants to announce "
             "it on stage at the showcase - that's his thing, not mine)");
  cr_assert (! counts ("power."), "a colleague's wish counted");
  cr_assert (counts ("security."), "her own staged rollout lost");
  read_note ("Every month we wait is another month of off-spec reels.");
  cr_assert (counts ("risk.service"), "off-spec reels not a fault");
  cr_assert (! counts ("security.documentation"), "off-spec read as specs");
  read_note ("I'd love that, bring whoever.");
  cr_assert (! counts ("actualization."), "'bring whoever' counted");
  read_note ("My team works well with Leah's team and I want to keep it "
             "that way.");
  cr_assert (! counts ("power."), "'keep it that way' read as Power");
  read_note ("Rep: February is possible if we sign this month.\n"
             "Dana: I'm presenting it at the investor day in May. I don't "
             "need a committee for this, I own the fleet budget.\n");
  cr_assert (counts ("power."), "the investor day and the budget missed");
}

/* Round 43 (seen on blind42's hard-wrapped e-mails): a newline that only
   wraps a long line ("... so we'll take the\nhit and move ...") goes on
   with the sentence, so a phrase across it is read; a short line still
   ends its sentence. */
Test (scoring_reading, wrapped_lines_go_on)
{
  read_call ("Dana: We know the changeover costs us output this spring, "
             "so we'll take the\nhit and move the whole plant.\n",
             "c1");
  cr_assert (counts ("actualization.takes_risks"),
             "a phrase across a wrapped line lost");
  read_call ("Dana: output this spring, we'll take the\nhit and move.\n",
             "c1");
  cr_assert (! counts ("actualization.takes_risks"),
             "a short line read as wrapped");
}

/* Round 43 (seen on blind42): a note that opens with a short lead pasting
   a message ("Pasted from Outlook. Dana's answer is on top, the rest is
   what she replied to.") then its From:/Sent: header keeps that message
   as the buyer's, not as a quoted earlier one. */
Test (scoring_reading, pasted_lead_then_header)
{
  read_call ("Pasted from Outlook by E. Marsh. Dana's answer is on top, the "
             "rest is what she replied to.\n"
             "\n"
             "From: Dana Ruiz <dana@example.org>\n"
             "Sent: Thursday, October 16, 2025 7:52 AM\n"
             "To: Evan Marsh <emarsh@example.com>\n"
             "Subject: RE: connector - next steps\n"
             "\n"
             "Evan, before this goes further I need the validation report "
             "and two references our size I can phone myself.\n"
             "\n"
             "Dana\n",
             "c1");
  cr_assert (counts ("security."), "the pasted answer read as a quote");
}

/* Round 43 (seen on blind40 to blind42's values): what is already had
   ("that's green enough"), a formality, criteria that "carry no weight",
   "nice but not why we buy", "third on our list", "the engineers' job,
   not mine" are not values held; rules bent and boxes ticked stand
   against compliance. */
Test (scoring_reading, values_had_waved_and_ranked_low)
{
  read_note ("We sell bicycles, that's green enough.");
  cr_assert (! counts ("value.sustainability"), "'green enough' held");
  read_note ("Regulations are a formality, the inspectors are flexible.");
  cr_assert (! counts ("value.compliance"), "a formality held");
  read_note ("Quality and service criteria carry no weight in this tender.");
  cr_assert (! counts ("value.quality") && ! counts ("value.service"),
             "criteria of no weight held");
  read_note ("Innovation is nice but not why we buy.");
  cr_assert (! counts ("value.innovation"), "'not why we buy' held");
  read_note ("Price is third on our list - reliability first, then "
             "service.");
  cr_assert (! counts ("value.cost"), "third on the list held");
  cr_assert (counts ("value.reliability"), "first on the list lost");
  read_note ("Reliability is the engineers' job, not mine.");
  cr_assert (! counts ("value.reliability"), "the engineers' job held");
  read_note ("We need a contractor who'll bend the certification rules to "
             "hit our dates.");
  cr_assert (counts ("value_against.compliance"), "bent rules missed");
}

/* Round 43 (seen on blind38, blind41 and blind42's risk levels): the
   champion leaving ("I'm moving to the system office in March, so I
   won't be running facilities here anymore", "her replacement isn't
   named yet") makes an account at least medium on its own, where a
   newcomer the champion introduces does not; a negator after a new
   decision maker ("a new manager we haven't met yet") is what they
   have not done yet, not a denial. */
Test (scoring_reading, champion_leaving_is_medium)
{
  static const char *const leaving[] = {
    "Dana: I'm moving to the system office in March, so I won't be "
    "running facilities here anymore.",
    "Restocking complaints: none this quarter.", NULL
  };
  static const char *const joining[] = {
    "Dana introduced us to the new plant manager, wants the same setup "
    "there.",
    "Restocking complaints: none this quarter.", NULL
  };

  assert_medium_floor (leaving, joining, "the champion leaving");
  read_note ("The contract now sits with a new operations manager we "
             "haven't met yet.");
  cr_assert (counts ("risk.new_dm"), "a newcomer not yet met negated");
}

/* Round 44 (seen on blind43 and blind44's pillars): questions passed on
   in the buyer's own language ("Eso es interno, disculpa", "eso ya lo
   veremos") or to someone else ("that is for head office to discuss, not
   him"), small talk kept out ("prefiero ir al punto", "she doesn't do
   personal chat", "she politely said no"), and "nothing about the park,
   its tenants or their plans" share nothing; "Five years: lab testing
   ..." is no five-year plan, while "shared the three-year capacity
   plan" is one. */
Test (scoring_reading, passed_on_in_any_language)
{
  read_note ("Asked Miguel about their expansion plans. 'Eso es interno, "
             "disculpa.'");
  cr_assert (! counts ("knowledge."), "'es interno' read as shared");
  read_note ("Asked again about next year's plans; he said that is for head "
             "office to discuss, not him.");
  cr_assert (! counts ("knowledge."), "'for head office' read as shared");
  read_note ("Asked Ana Laura about her holidays; she said 'prefiero ir al "
             "punto' and opened the agenda.");
  cr_assert (! counts ("compatibility."), "'al punto' missed");
  read_note ("Offered dinner after the site visit - she politely said no, "
             "she does not do that with suppliers.");
  cr_assert (! counts ("compatibility."), "'said no' to dinner missed");
  read_note ("Lots of laughs, nothing about the park, its tenants or their "
             "plans.");
  cr_assert (! counts ("knowledge."), "a list after 'nothing' shared");
  read_note ("Five years: lab testing of feed and staff training.");
  cr_assert (! counts ("knowledge.plans"), "'Five years' read as a plan");
  read_note ("Soren shared the three-year capacity plan: a canning line in "
             "2026.");
  cr_assert (counts ("knowledge."), "a capacity plan shared missed");
}

/* Round 44, continued (seen on blind45): "no sign of other providers"
   is no unsigned renewal; "can't say, above my pay grade" passes the
   question on; a son's GCSE "mocks" are exams, not mockery; "footfall"
   is not corrected to "football". */
Test (scoring_reading, signs_mocks_and_footfall)
{
  read_note ("Maeve: no sign of other providers calling her.");
  cr_assert (! counts ("risk.evaluation"), "'no sign' read as unsigned");
  read_note ("They haven't signed the renewal.");
  cr_assert (counts ("risk.evaluation"), "an unsigned renewal missed");
  read_note ("Asked about next year's marketing volumes - 'ah, can't say, "
             "above my pay grade'.");
  cr_assert (! counts ("knowledge."), "'can't say' read as shared");
  read_note ("Chat about her son's GCSE mocks.");
  cr_assert (counts ("compatibility."), "exam mocks read as mockery");
  read_note ("She shared the canteen footfall data.");
  cr_assert (! counts ("compatibility."), "footfall read as football");
  cr_assert (counts ("knowledge."), "footfall data missed");
}

/* Round 44, continued (seen on blind43, blind44 and blind46): "I keep work
   and personal separate" and "let's keep to the agenda" turn small talk
   down, as does an attempt ("tried small talk about her marathon");
   "we need results, not rules" turns rules away; "Certifications are
   paperwork; we don't care about them" waves them away; "standard
   tiles" are no quality standard. */
Test (scoring_reading, kept_apart_and_turned_away)
{
  read_note ("Asked Megan about her weekend; she said 'I keep work and "
             "personal separate, let's get into the data.'");
  cr_assert (! counts ("compatibility."), "work and personal kept apart");
  read_note ("Tried small talk about her marathon; she said 'let's keep to "
             "the agenda'.");
  cr_assert (! counts ("compatibility."), "small talk tried counted");
  read_note ("Certifications are paperwork; we don't care about them.");
  cr_assert (! counts ("value.compliance"), "certifications waved held");
  read_note ("Low-cost, high-volume standard tiles, machine cut.");
  cr_assert (! counts ("value.quality"), "standard tiles read as quality");
}

/* The answer that turns away what its question names, or opens by
   standing against it ("The bare minimum." to a question on
   environmental compliance), or "X, not Y", holds nothing of it. */
Test (scoring_reading, answers_that_turn_the_question_down)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  json_t *org = json_pack ("{s:[s]}", "answers",
                           "Compliance and sustainability first. We help "
                           "plants go beyond their permits.");
  json_t *owner = json_pack ("{s:[s]}", "answers",
                             "I work with plants that take environmental "
                             "compliance seriously.");

  values_account (
    json_pack ("[s, s]",
               "What are your standards for environmental compliance? The "
               "bare minimum. We'd rather pay the occasional fine than fit "
               "scrubbers.",
               "We need results, not rules. Cheapest chemicals we can get."),
    json_incref (org), json_incref (owner), a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  json_decref (org);
  json_decref (owner);
  free (a);
}

/* Round 44, continued (seen on blind43 and blind44's orientation): a key
   line "SPEAKER 1 = Dana Ruiz (Vendor Management, client) | SPEAKER 2 =
   ..." names the client even when her title holds "vendor"; harmony
   sought in half-translated English ("find something everybody likes",
   "so that everybody is comfortable") is Affiliation; the cover of our
   newsletter and a go-live moved forward are Power. */
Test (scoring_reading, keyed_speakers_and_plain_harmony)
{
  read_call ("SPEAKER KEY: SPEAKER 1 = Dana Ruiz (Vendor Management, client) "
             "| SPEAKER 2 = Ravi Shankar (Northwind)\n"
             "SPEAKER 2: We cut over in one weekend.\n"
             "SPEAKER 1: One weekend makes me nervous. I want a parallel "
             "payroll run for two cycles and the rollback steps in the "
             "statement of work.\n",
             "c1");
  cr_assert (counts ("security."), "the keyed client's caution lost");
  read_note ("Dana: I wanted to find something everybody likes before I "
             "write to you. I would prefer we all meet together, so that "
             "everybody is comfortable.");
  cr_assert (counts ("affiliation."), "harmony in plain words missed");
  read_note ("Dana: I want to be on the cover of your partner newsletter. "
             "Move the go-live forward three weeks.");
  cr_assert (counts ("power."), "the cover and the go-live missed");
}

/* Round 44, continued (seen on blind43 and blind44's values and risk
   levels): "any room on the margin" asks for a lower price, "happy with
   what they pay" settles it; values named in Spanish, Portuguese or
   Italian ("la calidad del libro y la puntualidad") are read; "people
   who experiment all the time make me uncomfortable" stands against
   innovation. */
Test (scoring_reading, margins_settled_and_half_translated_values)
{
  read_note ("Mr. Mwangi asked whether there is any room on the margin "
             "given the shilling.");
  cr_assert (counts ("risk.evaluation"), "a margin ask missed");
  read_note ("She is happy with what they pay and wants the same "
             "arrangement next season.");
  cr_assert (counts ("risk.settled"), "a settled price missed");
  read_note ("Para nosotros lo importante es la calidad del libro y la "
             "puntualidad.");
  cr_assert (counts ("value.quality") && counts ("value.reliability"),
             "Spanish values missed");
  read_note ("People who experiment all the time make me uncomfortable.");
  cr_assert (counts ("value.innovation")
               && hit_of ("value.innovation")->against,
             "what makes her uncomfortable held");
}

/* Round 45 (seen on blind47): "No time for that. Let's go through the
   numbers." and "tried personal chat again" build no compatibility, nor
   does "the weekend fix during the outage"; a rival that "looked
   impressive" which she "might have a look at" is competitor activity;
   a budget "frozen until the new council approves it" puts the renewal
   under review; "I avoid innovation" stands against it. */
Test (scoring_reading, no_time_for_that_and_a_frozen_budget)
{
  read_note ("Rep: Did you manage a holiday in the end?\n"
             "Dana: No time for that. Let's go through the numbers.\n");
  cr_assert (! counts ("compatibility."), "'no time for that' missed");
  read_note ("Tried personal chat again at the Christmas apero.");
  cr_assert (! counts ("compatibility."), "personal chat tried counted");
  read_note ("All delivered, including the weekend fix during the 2023 "
             "outage.");
  cr_assert (! counts ("compatibility."), "a weekend fix read as chat");
  read_note ("Helen saw their AI triage at the Expo and said it looked "
             "impressive; she might have a look at it next year.");
  cr_assert (counts ("risk.competitor"), "a rival praised missed");
  read_note ("The 2026 budget is frozen until the new council approves it, "
             "so the renewal may slip.");
  cr_assert (counts ("risk.evaluation"), "a frozen budget missed");
  read_note ("Proven, unchanged solutions. I avoid innovation and untested "
             "products.");
  cr_assert (counts ("value.innovation")
               && hit_of ("value.innovation")->against,
             "what she avoids held");
}

/* Round 45, continued (seen on blind48): "still no idea what their
   roadmap looks like" shares no plan; a charity ride and a knee asked
   after are small talk; rules "there to be bent a little" stand against
   compliance; a seller who "enjoys the hunt" and hands accounts over
   stands against partnership. */
Test (scoring_reading, no_idea_rides_and_rules_bent)
{
  read_note ("Still no idea what their claims-system roadmap looks like.");
  cr_assert (! counts ("knowledge."), "'no idea what' read as shared");
  read_note ("Rep: How did the charity ride go?\n"
             "Dana: Finished, just. How's the knee?\n");
  cr_assert (counts ("compatibility."), "a charity ride missed");
  read_note ("Rules are there to be bent a little if it gets the deal "
             "done.");
  cr_assert (counts ("value_against.compliance"), "rules bent missed");
  read_note ("I enjoy the hunt. Once a contract is signed I hand it over "
             "and move to the next prospect.");
  cr_assert (counts ("value_against.partnership"), "the hunter missed");
}

/* Round 45, continued (seen on blind47's orientation): Actualization in
   plain and non-native English: a messy quarter accepted for the end
   state, credit "of his team, not his", the drivers who "deserve the
   space" rather than a photo with her. */
Test (scoring_reading, actualization_in_plain_words)
{
  read_note ("Dana: I'll accept a messy three months of retraining if the "
             "end state is right.");
  cr_assert (counts ("actualization.takes_risks"), "a messy quarter missed");
  read_note ("Dana: Please drop the idea of a photo with me for the "
             "newsletter. The drivers who stuck with it deserve the space.");
  cr_assert (counts ("actualization.shares_credit"), "credit handed missed");
}

/* Round 45, continued (seen on blind44's orientation): a loss accepted
   for the members, credit named "rather than him", ward teams kept from
   quarrelling, a logo first and the stage to himself. */
Test (scoring_reading, orientation_in_gulf_and_east_african_notes)
{
  read_note ("Dana: We would accept a slower first quarter while the team "
             "retrains. Name the shift supervisors in the case study "
             "rather than me.");
  cr_assert (counts ("actualization."), "a slower quarter accepted missed");
  read_note ("Dana: I don't want any change that sets the ward teams "
             "against each other.");
  cr_assert (counts ("affiliation."), "teams kept from quarrelling missed");
  read_note ("Dana: Put our logo first on the certificates, yours second. "
             "Confirm today.");
  cr_assert (counts ("power."), "the logo first missed");
}

/* Round 45, continued (seen on blind43): what the buyer waves off ("Skip
   the specs, Hugo") is not Security; months of sales lost for a better
   process, and the advisers who designed it thanked, are Actualization. */
Test (scoring_reading, skipped_specs_and_months_lost)
{
  read_note ("Dana: Skip the specs, Hugo. What I need is the end result.");
  cr_assert (! counts ("security."), "specs waved off read as Security");
  read_note ("Dana said she would rather lose two months of sales while the "
             "team relearns the process than keep running the old mess.");
  cr_assert (counts ("actualization.takes_risks"), "months lost missed");
}

/* Round 45, continued (seen on blind45 and blind46's risk pairs): "Ingrid
   is leaving at the end of the month; no idea yet who replaces her" is
   the champion's departure; "any give in the renewal number ... help me
   out there" asks for a lower price. */
Test (scoring_reading, leaving_at_month_end_and_any_give)
{
  read_note ("Ingrid is leaving at the end of the month; no idea yet who "
             "replaces her.");
  cr_assert (counts ("risk.departure"), "a departure at month end missed");
  read_note ("Finance keeps asking me whether there's any give in the "
             "renewal number. Anything you can do to help me out there?");
  cr_assert (counts ("risk.evaluation"), "'any give' missed");
}

/* Round 45, continued (seen on blind50's pillars): the customer opening
   the lane data ("fuel is 38 pct of cost"), what they billed, a downtime
   log attached share their business; "I don't pay you to talk about
   snow" turns small talk down; "they're not thinking that far ahead"
   passes a question on. */
Test (scoring_reading, rural_knowledge_and_refusals)
{
  read_note ("She opened the lane data: fuel is 38 pct of cost on the "
             "Edmonton run.");
  cr_assert (counts ("knowledge."), "the lane data missed");
  read_note ("I asked about the ski season opening and he said 'I don't pay "
             "you to talk about snow'.");
  cr_assert (! counts ("compatibility."), "'don't pay you to talk' missed");
  read_note ("I asked about their plans for the trade counter and he said "
             "they're not thinking that far ahead.");
  cr_assert (! counts ("knowledge."), "'not thinking that far' shared");
}

/* Round 45, continued (seen on blind50's values): "green is a fad" waves
   sustainability away; "compliance is for the big guys" and "loyalty to
   suppliers is a mistake" stand against compliance and partnership; "let
   someone else be the guinea pig" stands against innovation. */
Test (scoring_reading, rural_values_waved_away)
{
  read_note ("green is a fad");
  cr_assert (! counts ("value.sustainability"), "a fad held");
  read_note ("compliance is for the big guys");
  cr_assert (counts ("value_against.compliance"), "'for the big guys' missed");
  read_note ("loyalty to suppliers is a mistake");
  cr_assert (counts ("value_against.partnership"), "'a mistake' missed");
  read_note ("Stick with what's proven, let someone else be the guinea pig.");
  cr_assert (counts ("value_against.innovation"), "the guinea pig missed");
}

/* Round 45, continued (seen on blind49, notes half in French): value
   words named in French are read ("la fiabilité passe avant tout", "un
   partenaire pour dix ans", "la conformité"), and "pas" negates as "not"
   does. */
Test (scoring_reading, french_values_and_negation)
{
  read_note ("Pour nous, la fiabilité passe avant tout.");
  cr_assert (counts ("value.reliability"), "fiabilité missed");
  read_note ("La conformité est une exigence absolue.");
  cr_assert (counts ("value.compliance"), "conformité missed");
  read_note ("La durabilité n'est pas une priorité pour nous.");
  cr_assert (! counts ("value.sustainability"), "'pas' did not negate");
}

/* Round 46 (written before the East Asian, Nordic and chat-paste batches
   were measured): a question kept back without a negation ("difficult
   to share", "kept that internal", "avoided the question", "would not
   be drawn") shares no knowledge; small talk met with "kept the
   conversation on the agenda" or "stuck to business" is turned down,
   but "chatted about his trip, then kept to the agenda" is small talk
   that happened. */
Test (scoring_reading, questions_kept_back_and_talk_kept_to_business)
{
  read_note ("Asked about their expansion plans. He said it is a little "
             "difficult to share that now.");
  cr_assert (! counts ("knowledge."), "'difficult to share' shared");
  read_note ("Asked about their volumes and expansion plans; she keeps that "
             "internal.");
  cr_assert (! counts ("knowledge."), "'keeps that internal' shared");
  read_note ("Asked about the expansion plans, she politely avoided the "
             "question.");
  cr_assert (! counts ("knowledge."), "an avoided question shared");
  read_note ("Asked about their margins. He would not be drawn.");
  cr_assert (! counts ("knowledge."), "'would not be drawn' shared");
  read_note ("He kept the conversation on the agenda when I asked about his "
             "holiday.");
  cr_assert (! counts ("compatibility."), "kept on the agenda, yet rapport");
  read_note ("He stuck to business when I asked about his holiday.");
  cr_assert (! counts ("compatibility."), "'stuck to business' missed");
  read_note ("We chatted about his holiday and then kept to the agenda.");
  cr_assert (counts ("compatibility."), "small talk that happened undone");
}

/* Round 46: a chat export's stamps ("[10:42, 3/4/2026] Priya Nair:",
   "[3/4/26, 10:42:15 AM] Name:", "3/4/26, 10:42 - Name:") open a
   speaker's turn, so the seller's pushing in the pasted chat is not the
   buyer's; credit handed on ("the credit for this rollout should go to
   my ops team") is Actualization, not Power; a price "a little high", a
   wish to "reconsider the conditions" and a rival's sample "being
   studied" are 004's shopping. */
Test (scoring_reading, chat_exports_credit_handed_on_and_polite_shopping)
{
  read_note ("[10:42, 3/4/2026] Rahul (Zenpay): hi, revised quote attached, "
             "can we close this week? discount expires soon\n"
             "[10:45, 3/4/2026] Priya Nair: ok ok. will check with team.\n"
             "[3/4/26, 10:50:12 AM] Priya Nair: kindly don't rush us.\n"
             "3/4/26, 10:52 - Rahul (Zenpay): ok!!\n");
  cr_assert (! hit_of ("power.results")
               || SCORE_SAY_BUYER != hit_of ("power.results")->speaker,
             "the rep's push in the chat read as hers");
  cr_assert (hit_of ("security.risk_averse")
               && SCORE_SAY_BUYER == hit_of ("security.risk_averse")->speaker,
             "her own chat line was not her turn");
  read_note ("Honestly the credit for this rollout should go to my ops team.");
  cr_assert (counts ("actualization.shares_credit"),
             "credit handed on missed");
  cr_assert (! counts ("power."), "credit handed on read as wanting it");
  read_note ("She made sure the credit went to her analysts.");
  cr_assert (counts ("actualization.shares_credit"), "'went to' missed");
  read_note ("She asked us to reconsider the conditions of the contract.");
  cr_assert (counts ("risk.evaluation"), "'reconsider the conditions' missed");
  read_note ("He said our price is a little high.");
  cr_assert (counts ("risk.evaluation"), "'a little high' missed");
  read_note ("Mr Tanaka said the sample from Kyocera is being studied.");
  cr_assert (counts ("risk.evaluation") || counts ("risk.competitor"),
             "a rival sample under study missed");
  read_note ("Asked about her trip; she answered briefly and moved on to "
             "pricing.");
  cr_assert (! counts ("risk."), "moving on to pricing read as shopping");
}

/* Round 47 (seen on blind51, East Asian buyers in careful English): a
   question kept back politely ("ah, that is internal matter, sorry",
   "'sorry, confidential'", "I really don't know, it is decided by head
   office") shares no knowledge and is no confidence; "I didn't know
   that" still welcomes insight. */
Test (scoring_reading, polite_refusals_share_nothing)
{
  read_note ("When I asked about their plans for the new Kyoto branch he "
             "laughed: 'ah, that is internal matter, sorry'.");
  cr_assert (! counts ("knowledge."), "'internal matter' shared");
  read_note ("Asked about their capacity plan for 2026: 'sorry, "
             "confidential'.");
  cr_assert (! counts ("knowledge."), "'sorry, confidential' shared");
  cr_assert (! counts ("trust."), "'sorry, confidential' read as a secret");
  read_note ("Asked about the head office's plans for store closures: 'I "
             "really don't know, it is decided by head office'.");
  cr_assert (! counts ("knowledge."), "'decided by head office' shared");
  read_note ("She walked me through their plans for store closures; I didn't "
             "know that, very useful.");
  cr_assert (counts ("knowledge."), "'didn't know' read as passing on");
}

/* Round 47: a speaker label of one two-letter family name ("Lo:", "Wu:")
   is the call contact of that name, so a colleague's turns are not the
   assessed contact's; "our main contact" is the customer, and "old main
   contact ... retired. He was ..." a predecessor. */
Test (scoring_reading, two_letter_names_and_the_main_contact)
{
  const struct score_hit *h;

  read_named_pair (
    "Chang Wei-lun", "Lo Shu-fen",
    "Chang: Before we start, my daughter's wedding was last Saturday.\n"
    "Lo: Can we look at the numbers? I need the cost comparison first.\n"
    "Chang: Yes, yes. Everybody together, no bad feeling.\n");
  h = hit_of ("power.results");
  cr_assert (NULL != h && 1 == h->contact, "Lo's turn was not Lo's");
  h = hit_of ("affiliation.harmony");
  cr_assert (NULL != h && 0 == h->contact, "Chang's turn was not Chang's");
  read_note ("Our main contact wants everything in writing.");
  cr_assert (counts ("security."), "'our main contact' read as our side");
  read_note ("Old main contact Tanaka retired in September. He was extremely "
             "cautious.");
  cr_assert (! counts ("security."), "the retired contact's caution counted");
}

/* Round 47: a winking aside is irony ("Our big risk-taker, as always
   ;)"); "credit insurance" is money, not recognition; a cue word
   hyphenated to a product ("the loyalty-app relaunch") names the product;
   a tender "last year ... finished" is over; "consider the price for next
   year, our margin is very difficult" asks for a lower price. */
Test (scoring_reading, winks_credit_insurance_and_finished_tenders)
{
  read_note ("Our big risk-taker, as always ;) Anyway, train back at 17:40.");
  cr_assert (! counts ("actualization."), "a wink read as meant");
  read_note ("He wants credit insurance and an irrevocable L/C.");
  cr_assert (! counts ("power.recognition"), "credit insurance as credit");
  read_note ("He wants the loyalty-app relaunch done by June.");
  cr_assert (! counts ("affiliation.loyal"), "a loyalty app read as loyalty");
  read_note ("Kwak: the tender last year is finished, our contract runs "
             "until 2027.");
  cr_assert (! counts ("risk.competitor"), "a finished tender counted");
  read_note ("Kang: 'It would be helpful if you could consider the price for "
             "next year, our margin is very difficult.'");
  cr_assert (counts ("risk.evaluation"), "an indirect price request missed");
}

/* Round 47: values in how a party describes its own style (003): formal
   processes against improvisation, strictly business against a partner
   "who eats with us", hard closing against patience; "cheap service is
   not our business" and "service contracts are the first thing we
   reduce" stand against what they name. */
Test (scoring_reading, styles_and_what_a_party_cuts_first)
{
  read_note ("I keep strictly to business. No dinners, no personal topics.");
  cr_assert (counts ("value_against.partnership"), "strictly business");
  read_note ("Improvisation makes me uncomfortable.");
  cr_assert (counts ("value_against.innovation"), "improvisation missed");
  read_note ("I push hard for the close and chase volume.");
  cr_assert (counts ("value.speed") && counts ("value.growth"),
             "hard closing missed");
  read_note ("We deliver premium service; cheap service is not our business.");
  cr_assert (NULL != hit_of ("value.cost") && hit_of ("value.cost")->against,
             "'not our business' did not stand against cost");
  read_note ("Service contracts are the first thing we reduce.");
  cr_assert (NULL != hit_of ("value.service")
               && hit_of ("value.service")->against,
             "'the first thing we reduce' did not stand against service");
}

/* Round 48 (seen on blind53, healthcare purchasing): 004's shopping in
   that trade's words (a GPO asking every supplier for "its best tier
   price", new spend "paused", a rival's generic "added to the formulary",
   "they're looking at" a rival); "no reply to the last four emails" after
   our own chasing is the buyer's silence, not our doing; another
   organization's freeze "- 'glad it's not us'" is not this account's. */
Test (scoring_reading, healthcare_shopping_and_silence)
{
  read_note ("The GPO will ask every supplier for its best tier price - she "
             "expects us to be asked to sharpen ours.");
  cr_assert (counts ("risk.evaluation"), "a GPO price push missed");
  read_note ("Trust has paused new spend for Q4; the expansion is on hold.");
  cr_assert (counts ("risk.evaluation"), "paused spend missed");
  read_note ("The P&T committee added Vantrex's generic to the formulary at "
             "about 40% less.");
  cr_assert (counts ("risk.competitor"), "a rival's generic missed");
  read_note ("Paul said they're looking at Zenova for the oral range.");
  cr_assert (counts ("risk.competitor"), "'looking at' a rival missed");
  read_note (
    "Emailed and left a voicemail for Dr Holt again - no reply to the "
    "last four emails.");
  cr_assert (counts ("risk.evaluation"), "their silence read as our doing");
  read_note ("Gwen mentioned the trust next door has a budget freeze - 'glad "
             "it's not us'.");
  cr_assert (! counts ("risk."), "another trust's freeze counted");
}

/* Round 48: values as healthcare buyers and sellers put them: a vendor
   "who does whatever we say, no pushback" against partnership, "we don't
   pay for service" against service, "regulators are slow" against
   compliance, "fast-growing startups stress me out" against growth,
   "we decide slowly and thoroughly" against speed. */
Test (scoring_reading, healthcare_values)
{
  read_note ("We want a vendor who does whatever we say, no pushback.");
  cr_assert (counts ("value_against.partnership"), "no pushback missed");
  read_note ("We don't pay for service - ever.");
  cr_assert (counts ("value_against.service"), "not paying for service");
  read_note ("Regulators are slow, we'll deal with any complaint later.");
  cr_assert (counts ("value_against.compliance"), "slow regulators missed");
  read_note ("Fast-growing startups stress me out.");
  cr_assert (counts ("value_against.growth"), "startups stress me out");
  read_note ("We decide slowly and thoroughly.");
  cr_assert (counts ("value_against.speed"), "deciding slowly missed");
}

/* Round 49 (seen on blind52 and blind55, Northern and Eastern European
   buyers): a question answered "forecasts go only to framework
   suppliers, which we aren't", "let's not talk about plans" or with
   "skip the weather, I have a list" builds no pillar; a daughter's
   wedding plans are no business plan; a tariff proposal shared, why a
   line is losing money explained, are knowledge. */
Test (scoring_reading, blunt_refusals_and_plain_insight)
{
  read_note ("Asked about 2026 volumes -- he said forecasts go only to "
             "framework suppliers, which we aren't.");
  cr_assert (! counts ("knowledge."), "'which we aren't' shared");
  read_note ("Rep: May I ask about your plans for next year?\nDana: Ah, not "
             "today, let's not talk about plans.");
  cr_assert (! counts ("knowledge."), "'let's not talk about plans' shared");
  read_note ("She cut the small talk: 'skip the weather, I have a list'.");
  cr_assert (! counts ("compatibility."), "'skip the weather' was rapport");
  read_note ("Supra at his house, he told me about his daughter's wedding "
             "plans.");
  cr_assert (! counts ("knowledge."), "wedding plans read as business");
  read_note ("Juha shared the 2026 tariff proposal and the merger talks.");
  cr_assert (counts ("knowledge."), "a shared tariff proposal missed");
  read_note ("She explained why their chlor-alkali line is losing money.");
  cr_assert (counts ("knowledge."), "why a line loses money missed");
}

/* Round 49: "Astrid Lund, buyer at Kvarnby: ..." is the contact with her
   title, not a third party; "Bence (our KAM):" is the seller's label;
   "recognition ... should go to" her team is credit handed on; "under
   her own name" and "all communication goes through her" are Power;
   "every year" and "all of us" alone are no orientation. */
Test (scoring_reading, titles_after_names_and_our_labels)
{
  const struct score_hit *h;

  read_note ("Dana Ruiz, buyer at Kvarnby Packaging: treats us like part of "
             "the family.");
  cr_assert (counts ("affiliation."), "her title made her a third party");
  read_note ("[00:00:05] Zsolt Kovacs (Plant Manager): Shall we start? "
             "Ready?\n"
             "[00:00:10] Bence (our KAM): Please.\n"
             "[00:00:12] Zsolt Kovacs (Plant Manager): Why was it late?\n"
             "[00:01:30] Bence (our KAM): For the kick-off, would you like to "
             "present it to the group board?\n"
             "[00:01:34] Zsolt Kovacs (Plant Manager): No. My team should.\n");
  h = hit_of ("power.recognition");
  cr_assert (NULL == h || SCORE_SAY_SELLER == h->speaker,
             "the KAM's question read as hers");
  read_note ("The recognition at the conference should go to the plant "
             "team.");
  cr_assert (counts ("actualization.shares_credit"), "recognition handed on");
  read_note ("Wants a quarterly results deck she can forward under her own "
             "name.");
  cr_assert (counts ("power.recognition"), "'under her own name' missed");
  read_note ("They come to our Christmas lunch every year; that meant a lot "
             "to all of us.");
  cr_assert (! counts ("actualization."), "'every year' read as performance");
}

/* Round 50 (seen on blind56, North American mail): a signature of one
   piped line ("Rosa Delgado | Coordinator | Willamette CU") names the
   writer, so her "I" is hers and not the seller's; "so nobody feels left
   out" is Affiliation said in the negative; "I've told the board March,
   so it's March" is Power, not deference to the board. */
Test (scoring_reading, piped_signatures_and_affiliation_in_the_negative)
{
  const struct score_hit *h;

  read_note ("Hi Jordan,\n\nI'd really like us all to land on this together "
             "before we pick a go-live week.\n\nDana Ruiz | Member Technology "
             "Coordinator | Willamette CU\n");
  h = hit_of ("affiliation.harmony");
  cr_assert (NULL != h && SCORE_SAY_BUYER == h->speaker,
             "her own mail read as the seller's");
  read_note ("I'd love everyone in the next session, so nobody feels left "
             "out.");
  cr_assert (counts ("affiliation."), "'nobody feels left out' missed");
  read_note ("RE: Kickoff questions\n\n> 3. Any concerns with the March "
             "timeline?\nNone. I've told the board March, so it's March.\n\n"
             "D. Ruiz | CFO\n");
  cr_assert (counts ("power."), "'I've told the board' missed");
}

/* Round 51 (seen on blind57, site reports): a small-talk word hyphened
   into a business noun ("their wet-weather plan") is no small talk, a
   hobby compound ("fly-fishing stories") still is; a replacement plan or
   a substation programme shared is knowledge; a client benchmarking
   every contractor's rates, a board "reviewing every subcontract" and a
   partner's in-house crew wanting our scope are 004's shopping, a
   complaints procedure that "reviews every complaint" is not. */
Test (scoring_reading, site_reports)
{
  read_note ("Talked through their wet-weather plan and our idea for "
             "stabilised haul roads.");
  cr_assert (! counts ("compatibility."), "a wet-weather plan as small talk");
  read_note ("Greta and I swapped fly-fishing stories for 20 min.");
  cr_assert (counts ("compatibility."), "fly-fishing stories lost");
  read_note ("Sarah shared the substation programme for the next three "
             "years.");
  cr_assert (counts ("knowledge."), "a shared programme missed");
  read_note ("Megan said the council will benchmark all maintenance "
             "contractors' rates next quarter.");
  cr_assert (counts ("risk.evaluation"), "rates benchmarking missed");
  read_note ("The JV board is reviewing every subcontract and one partner "
             "wants its in-house crew to take our scope.");
  cr_assert (counts ("risk.evaluation") && counts ("risk.competitor"),
             "a JV review and an in-house crew missed");
  read_note ("We review every complaint within 5 days.");
  cr_assert (! counts ("risk.evaluation"), "a complaints procedure counted");
}

/* Round 52 (seen on blind58, buyers in second-language English): "not
   my department, me I just order what they tell me" passes the question
   on; "I have no time for chat" and "he politely cut my question about
   the match" turn small talk down; "our team handled the tools" is no
   small talk; "help us with something in the price" asks for a lower
   price; a yearly tender "she stopped ... when she took over" is over;
   "all tickets closed" is a problem solved. */
Test (scoring_reading, second_language_refusals_and_requests)
{
  read_note ("Asked about their network plans for next year: 'not my "
             "department, me I just order what they tell me'.");
  cr_assert (! counts ("knowledge."), "'not my department' shared");
  read_note ("I asked about his holiday: 'Let's talk about the work, my "
             "friend, I have no time for chat.'");
  cr_assert (! counts ("compatibility."), "'no time for chat' was rapport");
  read_note ("Again no personal talk, he politely cut my question about the "
             "Raja match.");
  cr_assert (! counts ("compatibility.personal"),
             "a cut question was rapport");
  read_note ("Our team handled the tools, the training and the paperwork.");
  cr_assert (! counts ("compatibility."), "'our team' read as sport");
  read_note ("Maybe you can help us with something in the price, so we "
             "continue comfortable with you.");
  cr_assert (counts ("risk.evaluation"), "a price request missed");
  read_note ("She reminded me her predecessor did a tender every year; she "
             "stopped that when she took over.");
  cr_assert (! counts ("risk.competitor"), "a stopped yearly tender counted");
  read_note ("Monthly ops call, all tickets closed.");
  cr_assert (! counts ("risk.service"), "closed tickets read as complaints");
}

/* Round 53 (seen on blind57's values): a value followed in its clause by
   "we don't want" is stood against ("new technology is a cost we don't
   want"); a list after a semicolon is no longer part of the negated one
   before it ("...; cheapest labour, old methods"); what a party would
   like a contractor "to be flexible about" is no firm value; "never
   leaves a client stranded" holds service; "skip the testing" stands
   against quality. */
Test (scoring_reading, values_unwanted_flexible_and_stranded)
{
  const struct score_hit *h;

  read_note ("New technology is a cost we don't want; cheapest labour, old "
             "methods.");
  h = hit_of ("value.innovation");
  cr_assert (NULL != h && h->against, "an unwanted cost was held");
  h = hit_of ("value.cost");
  cr_assert (NULL != h && ! h->negated, "the list after ';' was negated");
  read_note ("Frankly the environmental conditions are something we'd like "
             "a contractor to be flexible about.");
  h = hit_of ("value.sustainability");
  cr_assert (NULL != h && h->against, "'flexible about' held the value");
  read_note ("Service that never leaves a client stranded.");
  cr_assert (counts ("value.service"), "'never leaves ... stranded' lost");
  read_note ("Speed at all costs - skip the testing if it saves a week.");
  cr_assert (counts ("value_against.quality"), "'skip the testing' missed");
}

/* Round 54 (seen on blind59, retail): "private label" is a range, not a
   confidence, while "he said that's private" keeps the question back;
   "she prefers to start with the agenda" turns small talk down; "she
   will inform us when there is something to inform" passes the question
   on; regions merged next year and "our plan is to cut" SKUs are
   knowledge. */
Test (scoring_reading, private_label_and_retail_refusals)
{
  read_note ("She walked us through their plan: push private label to 30% of "
             "units.");
  cr_assert (! counts ("trust."), "'private label' read as a confidence");
  read_note ("I asked about the family's succession plans for the home, he "
             "said that's private");
  cr_assert (! counts ("knowledge."), "'that's private' shared");
  read_note ("I started with the Christmas market - she said she prefers to "
             "start with the agenda.");
  cr_assert (! counts ("compatibility."), "'start with the agenda' missed");
  read_note ("When I asked what they plan with private label, she said she "
             "will inform us when there is something to inform.");
  cr_assert (! counts ("knowledge.") && ! counts ("trust."),
             "'will inform us when' shared");
  read_note ("We will merge two regions next year and close one warehouse. "
             "Our plan is to cut about 1,200 SKUs.");
  cr_assert (counts ("knowledge."), "the merger plan missed");
}

/* Round 55 (seen on blind60, financial services): a mail system's
   external-sender warning ("[EXTERNAL] ... sent from outside the
   organisation. Please be careful with links and attachments.") is set
   aside as a notice, not read as caution; a hand-over's "Basics:", "Open
   items:" and "Support:" lines are the seller's record of facts; a book
   to double "through two new MGAs", a process that "can't cope" are
   knowledge; a recital is small talk. */
Test (scoring_reading, external_banners_and_handover_records)
{
  static const char invite[] =
    "Invitation: introductory meeting\nThursday 4 December, 10:00-11:00 | "
    "Zoom\n\n[EXTERNAL] This invitation was sent from outside the "
    "organisation. Please be careful with links and attachments.\n";

  read_note (invite);
  cr_assert (! counts ("security."), "a mail banner read as caution");
  read_note ("Account hand-over\nBasics: customer since 2021, billed "
             "quarterly in advance.\nOpen items: renewal quote not issued; "
             "insurance certificate sent on 14 Nov.\n");
  cr_assert (! counts ("security."), "a hand-over's facts read as caution");
  read_note ("We're planning to double our cyber book through two new MGAs "
             "next year, and our placement process can't cope.");
  cr_assert (counts ("knowledge."), "a plan and a bottleneck missed");
  read_note ("How did Maya's recital go? She was wonderful, thank you for "
             "remembering.");
  cr_assert (counts ("compatibility."), "a recital missed");
}

/* Round 56 (values of blind55 and blind56): a clause that waves its
   topic off opens no negated list ("quality hardly matters for this,
   good enough is fine": "good enough" still stands against quality), and
   a cue against a value waved away in its own clause is neither held nor
   turned around; "X is nice, but not
   if ..." puts X second; "compliance is a checkbox for us" stands
   against compliance; "time to value" is speed. */
Test (scoring_reading, waved_against_cues_and_conditional_values)
{
  const struct score_hit *h;

  read_note ("Quality hardly matters for this, good enough is fine.");
  h = hit_of ("value_against.quality");
  cr_assert (NULL != h && ! h->negated,
             "'good enough' after a waved topic was negated as a list item");
  cr_assert (! counts ("value.quality"), "a waved value was held");
  read_note ("Sustainability isn't relevant to us.");
  cr_assert (! counts ("value.sustainability"), "a waved value was held");
  read_note ("Speed is nice, but not if it risks the cold chain.");
  cr_assert (! counts ("value.speed"), "'nice, but not if' held speed");
  read_note ("Compliance is a checkbox for us, we don't bother with audits "
             "unless someone forces us.");
  cr_assert (counts ("value_against.compliance"), "'a checkbox' missed");
  read_note ("Time to value. If we're not live in six weeks I've failed.");
  cr_assert (counts ("value.speed"), "'time to value' missed");
}

/* Round 56: "What would you never compromise?" asks what a business
   holds firmly, unlike "What will you not do?": its answer's values are
   the business's own, so a buyer who wants the same is no walk-away. */
Test (scoring_reading, never_compromised_is_held)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s, s]",
                             "Compliance is everything: one failed "
                             "inspection and we lose the contract.",
                             "We audit every partner before we sign."),
                  json_pack ("{s:{s:s}}", "answers",
                             "What would you never compromise?",
                             "GDP rules, documentation and patient safety."),
                  json_pack ("{s:[s]}", "answers",
                             "Compliance first, clean audits every time."),
                  a);
  cr_assert (a->values_fit.available);
  cr_assert_neq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                 "what the business never compromises read as refused "
                 "(org %.2f)",
                 a->values_fit.score_organization);
  free (a);
}

/* Round 57 (seen on blind61 and blind62): a security or handling marking
   over a pasted mail ("OFFICIAL-SENSITIVE COMMERCIAL") is no content, so
   the mail under it is the contact's own; "he wasn't in a position to
   discuss" and "it's not her place to share that" keep a question back;
   Christmas markets are small talk, not a market; a pick-up report
   shared is knowledge; "put my structures team front and centre" and
   "if it works, it's theirs" hand credit on; a rival the buyer agreed
   "to hear out" is shopping. */
Test (scoring_reading, markings_positions_and_credit_handed_on)
{
  read_note ("OFFICIAL-SENSITIVE COMMERCIAL\n\nFrom: Ruiz, Dana "
             "<dana.ruiz@example.gov.uk>\nSent: 12 November 2025 08:05\nTo: "
             "Oliver\nSubject: RE: bid feedback\n\nOliver,\n\nWhen it works, "
             "the credit goes to the trials team, not to me.\n\nDana\n");
  cr_assert (counts ("actualization.shares_credit"),
             "the mail under a marking was set aside");
  read_note ("Asked Kurt about their tablet refresh plans for next year. He "
             "said he wasn't in a position to discuss future buys.");
  cr_assert (! counts ("knowledge."), "'not in a position to' shared");
  read_note ("Asked what the owners plan for the renovation. She smiled and "
             "said it's not her place to share that with suppliers.");
  cr_assert (! counts ("knowledge."), "'not her place' shared");
  read_note ("Teams catch-up, mostly about Christmas markets and whether "
             "Strasbourg is worth the crowds.");
  cr_assert (! counts ("knowledge."), "Christmas markets read as a market");
  read_note ("Joana shared the pick-up report for 2026.");
  cr_assert (counts ("knowledge."), "a shared pick-up report missed");
  read_note ("Put my structures team front and centre. If it works, it's "
             "theirs.");
  cr_assert (counts ("actualization.shares_credit"), "credit handed on");
  cr_assert (! counts ("power."), "credit handed on read as Power");
  read_note ("A rival approached her at the stand and she's agreed to a "
             "meeting with them next month 'to hear them out'.");
  cr_assert (counts ("risk.competitor"), "hearing a rival out missed");
}

/* Round 58 (values of blind62): "a formality" waves a value away, but
   "the formal process" (the same stem) is compliance held; "relaxed about
   dates", deadlines "more like guidelines" stand against reliability;
   a supplier "who'll find a way around" export licences stands against
   compliance. */
Test (scoring_reading, formal_process_and_relaxed_dates)
{
  read_note ("For us it is important to respect the formal process.");
  cr_assert (counts ("value.compliance"), "'the formal process' waved away");
  read_note ("Regulations are a formality for us.");
  cr_assert (! counts ("value.compliance"), "'a formality' held");
  read_note ("I'm relaxed about dates. Deadlines are more like guidelines.");
  cr_assert (counts ("value_against.reliability"), "relaxed dates missed");
  read_note ("We need someone who'll find a way around it.");
  cr_assert (counts ("value_against.compliance"), "'a way around' missed");
}

/* Round 59 (pillars of blind48, blind56 and blind57): a law firm's or a
   JV's "partners" are no sign of trust (only "a partner", as the word
   stands); a core conversion planned and a consolidation plan attached
   are knowledge; dahlias and footy are small talk. */
Test (scoring_reading, partners_plural_and_plain_small_talk)
{
  read_note ("The partners have agreed to move the conveyancing team onto "
             "e-signatures in Q2. He's taking it to the partners.");
  cr_assert (! counts ("trust."), "a firm's partners read as trust");
  read_note ("She sees us as a partner, not a vendor.");
  cr_assert (counts ("trust."), "'a partner' lost");
  read_note ("We're converting cores in 2027. Also attaching our member "
             "growth numbers and the branch consolidation plan.");
  cr_assert (counts ("knowledge."), "a conversion and a plan missed");
  read_note ("Did the dahlias survive the frost? After the footy chat we got "
             "to work.");
  cr_assert (counts ("compatibility."), "dahlias and footy missed");
}

/* Round 60 (thin records of blind38 and blind56): an agenda's items are
   set aside however long their topics run and whatever colon they hold
   ("2. Risk & compliance review: patch status, backup test results,
   audit findings (20 min)"); a hand-over's "Contract:" and "Primary
   contact:" lines are the seller's record of facts. */
Test (scoring_reading, long_agenda_items_and_handover_contracts)
{
  read_note ("Invitation: Quarterly Business Review\nWhen: Thursday 11 "
             "December, 10:00-11:30\n\nAgenda\n1. Welcome (5 min)\n2. Risk & "
             "compliance review: patch status, backup test results, audit "
             "findings (20 min)\n3. Recognition: team shout-outs (5 min)\n");
  cr_assert (! counts ("security.") && ! counts ("power."),
             "an agenda item read as behaviour");
  read_note ("HANDOVER - account moving from Tom to Aisling\nPrimary contact: "
             "Estates Manager. Mobile on file.\nContract: static guarding 3 "
             "posts 24/7 + mobile patrol 2 visits/night.\n");
  cr_assert (! counts ("security."), "a hand-over's contract read as caution");
}

/* Round 61 (pillars of blind63 and blind64): the answer to small talk a
   seller opens in a turn that runs on is the next turn ("Rep: Morning
   Howard, good weekend? Did you make it to the lake?" "Howard: Let's get
   into it, ..."); "I prefer we keep to the work", "nothing you need to
   worry about", "that's handled in Germany" and insight met with "no
   response" build no pillar; the numbers shared are knowledge. */
Test (scoring_reading, answers_after_a_long_seller_turn)
{
  read_note ("Rep: Morning Dana, good weekend? Did you make it to the lake?\n"
             "Dana: Let's get into it, I've got a board meeting at eleven.\n"
             "Rep: Sure.\nDana: We're extending the programme next year.\n");
  cr_assert (! counts ("compatibility."), "small talk cut off counted");
  read_note ("Asked about the match and his weekend; he replied 'I prefer we "
             "keep to the work, thanks'.");
  cr_assert (! counts ("compatibility."), "'keep to the work' missed");
  read_note ("Asked Jared what keeps him up at night at the plant: 'nothing "
             "you need to worry about.'");
  cr_assert (! counts ("knowledge."), "'nothing you need to' shared");
  read_note ("Asked about 2026 volumes and their customer's plans: she said "
             "that's handled in Germany.");
  cr_assert (! counts ("knowledge."), "'handled in Germany' shared");
  read_note ("Sent him our whitepaper on extrusion pricing; no response on "
             "that.");
  cr_assert (! counts ("knowledge."), "unanswered insight counted");
  read_note ("Memo shared the numbers: they're at 380 PPM on the clips.");
  cr_assert (counts ("knowledge."), "'shared the numbers' missed");
}

/* Round 62 (values of blind63 and blind64): a CO2 cut is
   sustainability, co-development in design reviews is partnership,
   open-book pricing is transparency, new methods are innovation;
   "strict office hours", "penny-pinching clients" and growing "one
   region at a time" stand against service, cost and speed. */
Test (scoring_reading, supply_chain_and_nonprofit_values)
{
  read_note ("Our OEM requires a 30% CO2 cut across the supply chain.");
  cr_assert (counts ("value.sustainability"), "a CO2 cut missed");
  read_note ("We co-develop everything with our suppliers.");
  cr_assert (counts ("value.partnership"), "co-development missed");
  read_note ("Our pricing is open-book.");
  cr_assert (counts ("value.compliance"), "open-book pricing missed");
  read_note ("I keep strict office hours. Evenings and weekends are mine.");
  cr_assert (counts ("value_against.service"), "office hours missed");
  read_note ("Penny-pinching clients wear me down.");
  cr_assert (counts ("value_against.cost"), "penny-pinching missed");
  read_note ("We grow carefully and sustainably, one region at a time.");
  cr_assert (counts ("value_against.speed"), "careful growth missed");
}

/* Round 63 (orientation of blind63): Affiliation and Actualization in
   plant English ("rather keep the current distributors than upset
   anybody", "so nobody holds a grudge", "like one team"; "owning
   whatever happens", "we'll learn more than from your slides", a press
   release that "features the people on the floor"). */
Test (scoring_reading, plant_floor_orientation)
{
  read_note ("Kevin said he'd rather keep the current distributors than upset "
             "anybody by consolidating.");
  cr_assert (counts ("affiliation."), "'than upset anybody' missed");
  read_note ("She organized a carne asada for both teams so nobody holds a "
             "grudge.");
  cr_assert (counts ("affiliation."), "'nobody holds a grudge' missed");
  read_note ("He wants to try the cobot on one cell next week, owning "
             "whatever happens.");
  cr_assert (counts ("actualization."), "'owning whatever happens' missed");
  read_note ("If there's a press release, it features the people on the "
             "floor.");
  cr_assert (counts ("actualization.shares_credit"), "credit to the floor");
}

/* Round 64 (values of blind65 to blind68): an adverb opening a sentence
   hides no subject ("Honestly I always pushed hard" in a hand-over note
   is the writer, not the contact); after a word of unease, what follows
   is what it is uneasy with ("I get nervous when clients want to
   experiment"); "X drive(s) me crazy" stands against X. */
Test (scoring_reading, personally_nervous_and_maddened)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("Honestly I always pushed hard for year-end orders.");
  cr_assert (! counts ("power."), "the writer's habit read as the contact's");
  read_note ("Honestly she always pushed hard for year-end orders.");
  cr_assert (counts ("power."), "the contact's habit missed");
  values_account (json_pack ("[s,s]",
                             "We want to be first in our market "
                             "with new technology.",
                             "We are happy to experiment and fail a few "
                             "times."),
                  json_pack ("{s:[s]}", "answers",
                             "We bring operators new technology before "
                             "anyone else."),
                  json_pack ("{s:[s]}", "answers",
                             "Personally I'm conservative, and I get "
                             "nervous when clients want to experiment."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  values_account (json_pack ("[s]", "We decide by committee, together with "
                                    "the whole team."),
                  json_pack ("{s:[s]}", "answers",
                             "We run workshops with the whole client "
                             "team."),
                  json_pack ("{s:[s]}", "answers",
                             "Endless consensus drives me crazy."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 64 (values of blind65 to blind68): values in the words of
   personality and practice. */
Test (scoring_reading, values_in_personality_and_practice)
{
  read_note ("We train the customer's own crews until they run it.");
  cr_assert (counts ("value.productivity"), "training their crews missed");
  read_note ("Every action is logged, and nothing changes without consent.");
  cr_assert (counts ("value.compliance"), "logged work missed");
  read_note ("Honestly things slip, and I'm relaxed about timelines.");
  cr_assert (counts ("value_against.reliability"), "slipping dates missed");
  read_note ("Our purpose is social impact in the community.");
  cr_assert (counts ("value.sustainability"), "social impact missed");
  read_note ("I keep my distance from the day-to-day teams.");
  cr_assert (counts ("value_against.partnership"), "distance missed");
  read_note ("We want a supplier who disagrees with us when it matters.");
  cr_assert (counts ("value.partnership"), "candour missed");
}

/* Round 65 (pillars of blind65 and blind67): small talk turned down in
   other words: an invitation she "passed" on, a word about the weather
   he "cut in" on. */
Test (scoring_reading, passed_and_cut_in)
{
  read_note ("Invited her to the agency quiz night; she passed.");
  cr_assert (! counts ("compatibility."), "an invitation she passed on");
  read_note ("I started with a word about the weather; he cut in: 'Please, "
             "only the tender.'");
  cr_assert (! counts ("compatibility."), "small talk he cut short");
  read_note ("Invited her to the agency quiz night; she came and loved it.");
  cr_assert (counts ("compatibility."), "an invitation taken up");
}

/* Round 66 (orientation of blind67): a speaker label is split into
   words as the contact's name is, at hyphens too: "Oh Soo-jin (Head of
   Strategy):" is Oh Soo-jin, whose family name is too short to match
   alone. */
Test (scoring_reading, hyphenated_given_names_in_labels)
{
  const struct score_hit *h;

  read_named_pair (
    "Oh Soo-jin", "Baek Min-ho",
    "[00:02:10] Baek Min-ho (Finance): I would like two references first.\n"
    "[00:02:25] Oh Soo-jin (Strategy): If it goes badly, that's on me, not "
    "on you.\n"
    "[00:02:40] Baek Min-ho (Finance): Fine, send the contract draft.\n"
    "[00:02:55] Oh Soo-jin (Strategy): Our planners will present it.\n");
  h = hit_of ("actualization.takes_risks");
  cr_assert (NULL != h && 0 == h->contact, "Oh Soo-jin's turn not hers");
  h = hit_of ("security.documentation");
  cr_assert (NULL != h && 1 == h->contact, "Baek Min-ho's turn not his");
}

/* Round 66 (orientation of blind67): Affiliation and Actualization in
   agency English. */
Test (scoring_reading, agency_orientation)
{
  read_note ("Sam says she hates making a fuss with suppliers she likes.");
  cr_assert (counts ("affiliation.avoids_conflict"), "'hates making a fuss'");
  read_note ("She said they don't want to disturb us with small things.");
  cr_assert (counts ("affiliation.avoids_conflict"), "'not want to disturb'");
  read_note ("She is very fond of us and it shows.");
  cr_assert (counts ("affiliation.warm"), "'fond of us' missed");
  read_note ("She gave Alex straight feedback on the cutover plan.");
  cr_assert (counts ("actualization.candid"), "'straight feedback' missed");
}

/* Round 67 (thin records of blind67 and blind68): a web form's question
   and the answers ticked under it are a field of the record ("What
   matters most to you? (pick any): Guarantees & uptime; Getting credit
   for wins"); a procurement platform's notice "generated automatically"
   is the platform's, not the contact's. */
Test (scoring_reading, form_questions_and_platform_notices)
{
  static const char *const ticked[] = {
    "What matters most to you? (pick any): Guarantees & uptime; Getting "
    "credit for wins; Taking bold bets",
    NULL
  };
  static const char *const notice[] = { "tender guarantee: 150 000 PLN",
                                        "risk register, test documentation",
                                        NULL };

  assert_aside ("New lead - website form\n"
                "First name: Ruth\n"
                "Job title: Production Coordinator\n"
                "Company: Ironclad Owl Games Ltd\n"
                "What matters most to you? (pick any): Guarantees & uptime; "
                "Getting credit for wins; Taking bold bets\n"
                "Buying timeline: Not sure yet\n",
                SCORE_BOILER_FORM_FIELD, ticked);
  assert_aside ("[AUTOMATIC NOTICE] Procurement platform PGS-Energia\n"
                "Tender PGS/ZP/2025/0872, amendment 3 published\n"
                "- tender guarantee: 150 000 PLN, valid 90 days\n"
                "- documentation: risk register, test documentation, method "
                "statement\n"
                "This message was generated automatically; please do not "
                "reply.\n",
                SCORE_BOILER_AUTO_REPLY, notice);
}

/* Round 68 (pillars of blind66 to blind68): small talk turned down in
   more words: an invitation declined further from its object than the
   negation reaches, personal things kept "out of work", "let us do the
   work first". */
Test (scoring_reading, invitations_declined_and_work_first)
{
  read_note ("Declined our invitation to the Christmas drinks again.");
  cr_assert (! counts ("compatibility."), "a declined invitation counted");
  read_note ("Asked about her holidays; she said she keeps personal things "
             "out of work.");
  cr_assert (! counts ("compatibility."), "'personal things out of work'");
  read_note ("Asked about his family and the festival; he said politely, "
             "'let us do the work first'.");
  cr_assert (! counts ("compatibility."), "'let us do the work first'");
  read_note ("Asked about her holidays; she told me all about Lisbon.");
  cr_assert (counts ("compatibility."), "small talk taken up missed");
}

/* Round 69 (values of blind69 to blind72): "to be honest" said in
   passing holds no value, where "to be honest with us" asks for
   candour; a clinic's "patient records" stand against no speed; records
   kept private are compliance; decarbonising is sustainability. */
Test (scoring_reading, in_passing_and_patient_records)
{
  read_note ("Price hardly matters on fire doors, to be honest; the board "
             "will pay.");
  cr_assert (! counts ("value.partnership"), "'to be honest' as a value");
  read_note ("We need a supplier to be honest with us.");
  cr_assert (counts ("value.partnership"), "'honest with us' missed");
  read_note ("Patient records staying private, that's what matters.");
  cr_assert (! counts ("value_against.speed"),
             "'patient records' as patience");
  cr_assert (counts ("value.compliance"), "records kept private missed");
  read_note ("Decarbonising buildings is why I moved into this industry.");
  cr_assert (counts ("value.sustainability"), "decarbonising missed");
}

/* Round 70 (thin records of blind70 and blind71): a form question that
   says how many to tick; a certificate's legal line; "FYI" before the
   subject of a predecessor's habits. */
Test (scoring_reading, tick_boxes_certificates_and_fyi)
{
  static const char *const ticked[] = {
    "Top priorities (select up to 3): Risk reduction & compliance; "
    "Executive visibility & recognition; Team collaboration",
    NULL
  };
  static const char *const legal[] = {
    "responsible for verifying suitability",
    "Handle according to the safety data sheet", NULL
  };

  assert_aside ("New web lead: 'Talk to an expert' form\n"
                "First name: Kenneth\n"
                "Job title: Assistant Manager, Warehouse Operations\n"
                "Company size: 201-500\n"
                "Top priorities (select up to 3): Risk reduction & "
                "compliance; Executive visibility & recognition; Team "
                "collaboration\n"
                "Timeline: Just exploring\n",
                SCORE_BOILER_FORM_FIELD, ticked);
  assert_aside ("Tracking update, order 4500129876. In transit.\n\n"
                "This certificate confirms that the material meets the agreed "
                "specification at the time of release. The buyer is "
                "responsible for verifying suitability for its own "
                "application. Handle according to the safety data sheet; "
                "keep away from heat sources.\n",
                SCORE_BOILER_DISCLAIMER, legal);
  read_note ("FYI the old purchase head (Mr. Kamath, retired Sept) was very "
             "demanding and insisted on every test report.");
  cr_assert (! counts ("power."), "the predecessor's habit counted");
}

/* A refusal scan that meets a negator as the last word of an answer
   looked at the token after it, past the end of the text (found by
   AddressSanitizer on blind73): a short answer read after a long one. */
Test (scoring_reading, a_negator_ending_an_answer_reads_nothing_after_it)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "We shared our five-year plan with the "
                                    "supplier, walked them through the new "
                                    "plant, the budget, the hiring plan, "
                                    "the export markets and the risks we "
                                    "see, and asked for their view."),
                  json_pack ("{s:[s]}", "answers", "Long-term partnership."),
                  json_pack ("{s:[s]}", "answers", "Partnership."), a);
  values_account (json_pack ("[s]", "Honestly data protection is not our "
                                    "priority. We want to send SMS to every "
                                    "fan of the club, every day, consent or "
                                    "not."),
                  json_pack ("{s:[s]}", "answers", "Long-term partnership."),
                  json_pack ("{s:[s]}", "answers", "Partnership."), a);
  free (a);
}

/* Round 72 (orientation of blind70): a reply written under the message
   it quotes ("On ..., Rep wrote:", "> our platform is simply the best",
   then "Hi, ...") leaves the quoted lines aside, where a seller's note
   under a pasted buyer message keeps them; taking the blame and the
   responsibility are Actualization, and so is credit "for my team". */
Test (scoring_reading, replies_under_quotes_and_the_blame)
{
  static const char *const quoted[] = {
    "> Jasmine, our platform is simply the best on the market", NULL
  };

  assert_aside ("On Tue, 25 Nov 2025 at 10:12, Rep (Voyager) wrote:\n"
                "> Jasmine, our platform is simply the best on the market, "
                "nobody comes close!\n\n"
                "Hi,\n\n"
                "Thanks. I will open our noon reports to your analysts.\n",
                SCORE_BOILER_QUOTED_REPLY, quoted);
  read_note ("On Mon, 17 Nov 2025 at 10:12, Dana Ruiz wrote:\n"
             "> I want guarantees in writing before anything moves.\n\n"
             "Replied with the draft contract.\n");
  cr_assert (counts ("security."), "a pasted buyer message set aside");
  read_note ("That was her decision, she said, and she will take the blame "
             "for it.");
  cr_assert (counts ("actualization.takes_risks"), "taking the blame");
  read_note ("She said the credit is for her documentation team.");
  cr_assert (counts ("actualization.shares_credit"), "credit for the team");
}

/* Round 73 (orientation of blind71): "to be honest" is said in passing
   only before a comma or a semicolon ("we want them to be honest." is
   a wish); a supplier one cannot bear to drop is Affiliation. */
Test (scoring_reading, honest_at_the_end_and_a_broken_heart)
{
  read_note ("She wants her suppliers to be honest.");
  cr_assert (counts ("actualization.candid"), "a wish read as a filler");
  read_note ("She said dropping Joao would break her heart.");
  cr_assert (counts ("affiliation."), "'break her heart' missed");
  read_note ("She asked to keep both suppliers so nobody is hurt.");
  cr_assert (counts ("affiliation."), "'so nobody is hurt' missed");
}

/* Round 74 (pillars of blind69 to blind76): small talk turned down as
   "let's not" or met with "nothing"; a question about their plans
   passed on as "she just handles the day-to-day"; "no missed boarding
   in three years" names no plan; a hobby word hyphened into a business
   compound ("drinking-water rules", "a climbing-gym chain") is no small
   talk. */
Test (scoring_reading, lets_not_nothing_and_the_day_to_day)
{
  read_note ("I asked about her holiday; she said 'let's not, I've twenty "
             "minutes' and opened the report.");
  cr_assert (! counts ("compatibility."), "'let's not' read as small talk");
  read_note ("Tried the rugby 7s, nothing.");
  cr_assert (! counts ("compatibility."), "small talk met with nothing");
  read_note ("Tried the rugby 7s, he loved it.");
  cr_assert (counts ("compatibility."), "small talk taken up missed");
  read_note ("When I asked about their plans she said she just handles the "
             "day-to-day.");
  cr_assert (! counts ("knowledge."), "plans passed on read as shared");
  read_note ("No missed boarding or delayed spares in three years.");
  cr_assert (! counts ("knowledge."), "a span of the past read as a plan");
  read_note ("He explained the new drinking-water rules and referred us to a "
             "climbing-gym chain.");
  cr_assert (! counts ("compatibility."), "a business compound as a hobby");
}

/* Round 75 (values of blind76): a "won't do" list whose items follow
   its colon on the same line ends with its sentence: "What we will do:
   stay, train, and answer." after it is held. */
Test (scoring_reading, an_inline_wont_list_ends_with_its_sentence)
{
  read_note ("What we won't do: on-premise installs or deals priced below "
             "cost. What we will do: stay, train, and answer.");
  cr_assert (counts ("value.productivity"), "'we will ... train' negated");
  read_note ("What we won't do:\n- on-premise installs\n- custom training "
             "courses\n");
  cr_assert (! counts ("value.productivity"), "a listed item held");
}

/* Round 76 (orientation of blind71 to blind76): a contingency owned is no
   wish for a guarantee ("If it goes badly, that's on me" is Actualization
   alone, where "what if it goes wrong?" stays Security); the risk named
   may be that of not changing; credit written up "as theirs", "I'll
   wear it". */
Test (scoring_reading, a_contingency_owned)
{
  read_note ("She said if it goes badly, that's on her, not on us.");
  cr_assert (counts ("actualization.takes_risks"), "ownership missed");
  cr_assert (! counts ("security."), "an owned contingency as caution");
  read_note ("She asked what we guarantee if it goes wrong.");
  cr_assert (counts ("security."), "a wish for a guarantee missed");
  read_note ("She said staying on paper is the bigger risk for the company.");
  cr_assert (counts ("actualization.takes_risks"), "'the bigger risk'");
  read_note ("He said the tackle work came from the academy coaches, write "
             "it up as theirs. If it costs us a game, he'll wear it.");
  cr_assert (counts ("actualization.shares_credit"), "'as theirs' missed");
}

/* Round 77 (orientation of blind72 and blind73): "ever" in an "if"
   clause is no counterfactual, so what precedes it stays a fact ("wants
   it confirmed in writing if they ever cancel"); Security in
   sports-science English. */
Test (scoring_reading, if_ever_and_the_paper_itself)
{
  read_note ("She wants it confirmed in writing if they ever cancel.");
  cr_assert (counts ("security."), "'if they ever' made the want a guess");
  read_note ("She said she'd want the validation paper itself, with the "
             "sample size. Not a one-pager.");
  cr_assert (counts ("security.documentation"), "'the paper itself'");
  read_note ("She'll ask the strength coach what he makes of the "
             "thresholds.");
  cr_assert (counts ("security.others_opinion"), "'what he makes of'");
}

/* Round 78 (pillars of blind77, blind78 and blind80): family asked after
   by relation ("how's your mom settling in") and greetings sent to it
   are small talk; insight sent with "no reply", or waved off with "leave
   the planning to us", is not shared. */
Test (scoring_reading, your_mom_no_reply_and_leave_it_to_us)
{
  read_note ("She opened with how's your mom settling into the new place.");
  cr_assert (counts ("compatibility."), "'your mom' missed");
  read_note ("Emailed Carol our whitepaper on e-resource usage. No reply.");
  cr_assert (! counts ("knowledge."), "insight with no reply counted");
  read_note ("Offered our benchmark; he said 'just keep the trucks running, "
             "leave the planning to us'.");
  cr_assert (! counts ("knowledge."), "insight waved off counted");
  read_note ("Sent her our benchmark. She replied with three questions.");
  cr_assert (counts ("knowledge."), "insight taken up missed");
}

/* Round 79 (values of blind76 to blind78): ", to be honest." and "if I'm
   honest" are said in passing; "we measure ourselves on uptime" stands
   against no service, "we fix it ourselves" does. */
Test (scoring_reading, if_im_honest_and_ourselves)
{
  read_note ("Innovation is not relevant to us, to be honest.");
  cr_assert (! counts ("value.partnership"), "', to be honest.' as candour");
  read_note ("Sustainability isn't a factor here, if I'm honest.");
  cr_assert (! counts ("actualization.candid"), "'if I'm honest' counted");
  read_note ("We measure ourselves on uptime.");
  cr_assert (! counts ("value_against.service"), "'measure ourselves'");
  read_note ("When something breaks we fix it ourselves.");
  cr_assert (counts ("value_against.service"), "'fix it ourselves' missed");
}

/* Round 80 (thin records of blind79): a tick-box form question whose
   label reads like one ("Your priorities (select all): ...") is a field
   of the record; a CMO, CRO, CPO, CSO or CISO is someone else. */
Test (scoring_reading, select_all_and_the_cmo)
{
  static const char *const ticked[] = {
    "Your priorities (select all): Risk & compliance; Recognition & "
    "awards; Bold innovation",
    NULL
  };

  assert_aside ("New lead: 'Book a demo' form\n"
                "First name: Ines\n"
                "Job title: Brand Manager\n"
                "Company size: 11-50\n"
                "Your priorities (select all): Risk & compliance; "
                "Recognition & awards; Bold innovation\n"
                "Budget: Not sure yet\n"
                "Timeline: Just exploring\n",
                SCORE_BOILER_FORM_FIELD, ticked);
  read_note ("Their CMO is very results-driven and loves getting the "
             "credit.");
  cr_assert (! counts ("power."), "the CMO's traits counted");
}

/* Round 81 (values of blind79): goods sent back are no profit ("no
   returns because of an image"); a paper trail and written approval are
   compliance; "someone has to answer" is service. */
Test (scoring_reading, returns_paper_trails_and_answers)
{
  read_note ("Our standard is simple: no returns because of an image.");
  cr_assert (! counts ("value.profitability"), "goods sent back as profit");
  read_note ("Every change needs written approval and a paper trail.");
  cr_assert (counts ("value.compliance"), "'written approval' missed");
  read_note ("When a boutique calls at 10pm, someone has to answer.");
  cr_assert (counts ("value.service"), "'someone has to answer' missed");
}

/* Round 82 (values of blind77 and blind79): a seller who switches the
   phone off after hours, or goes away to do the work alone, does not
   suit a buyer who wants service at 2 am or to design together; "I
   don't do long accounts" stands against partnership. */
Test (scoring_reading, phone_off_and_working_alone)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s,s]",
                             "When a block trips at 2 am, we want "
                             "our account manager to pick up.",
                             "Service is the first thing we look at."),
                  json_pack ("{s:[s]}", "answers",
                             "A 24/7 service desk, reachable around the "
                             "clock."),
                  json_pack ("{s:[s]}", "answers",
                             "I switch my phone off at six and don't take "
                             "client calls at weekends."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  values_account (json_pack ("[s,s]",
                             "We want to build it with you, in the "
                             "room, together.",
                             "We pick partners who let us into their "
                             "process."),
                  json_pack ("{s:[s]}", "answers",
                             "Co-design is our method: clients sit in every "
                             "workshop."),
                  json_pack ("{s:[s]}", "answers",
                             "I prefer to go away and do the work myself."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 83 (pillars of blind78): a buyer's own e-mail answering "You
   asked about my holiday. I prefer we keep these meetings about the
   work" turns the small talk down, as does "let's start with item one";
   "You asked about my holiday. I loved it" takes it up. */
Test (scoring_reading, keep_meetings_about_the_work)
{
  read_note ("You asked about my holiday. I prefer we keep these meetings "
             "about the work.");
  cr_assert (! counts ("compatibility."), "'keep meetings about the work'");
  read_note ("Tried to open with the football; Hans said 'let's start with "
             "item one' and did.");
  cr_assert (! counts ("compatibility."), "'start with item one' missed");
  read_note ("You asked about my holiday. I loved it, we went to Crete.");
  cr_assert (counts ("compatibility."), "small talk taken up missed");
}

/* Round 84 (risk levels of blind72): a smaller plan asked for and every
   naira watched are price pressure; paying early for the discount is
   none. */
Test (scoring_reading, a_lighter_plan_and_an_early_payment)
{
  read_note ("She asked whether there's a lighter plan for the next three "
             "months; she's watching every naira.");
  cr_assert (counts ("risk.evaluation"), "a smaller plan asked for missed");
  read_note ("Pia paid the annual plan early for the discount.");
  cr_assert (! counts ("risk.evaluation"), "an early payment as a review");
}

/* Round 85 (values of blind65 to blind84): a value in the everyday words
   of its family, none of them the value's name: fossil fuels and
   landfill are sustainability, track records and outages reliability,
   first-of-a-kind trials innovation. The organization that speaks of
   lifecycle data and heat pumps fits the buyer who wants off fossil
   fuels. */
Test (scoring_reading, a_value_in_the_words_of_its_family)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s, s]",
                             "We want every depot off fossil fuels before "
                             "the next contract.",
                             "Half of what we throw out still ends up in "
                             "landfill, and that has to stop."),
                  json_pack ("{s:[s]}", "answers",
                             "Our chillers run on heat pumps and we publish "
                             "the lifecycle data of every model."),
                  json_pack ("{s:{s:f}}", "priorities", "sustainability", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_SUSTAINABILITY],
                0.0, "fossil fuels and landfill missed");
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s, s]",
                             "We choose the supplier with the longest track "
                             "record; one outage in a season is too many.",
                             "We like to trial first-of-a-kind kit when "
                             "nobody else will."),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_RELIABILITY], 0.0,
                "track records and outages missed");
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_INNOVATION], 0.0,
                "first-of-a-kind missed");
  free (a);
}

/* Round 85: 003's hand-off is for "a matter of personality", a clash. A
   seller who shares one of the buyer's two values and cares for a third
   the buyer does not name is no clash: proceed. A seller who shares
   nothing is handed off. */
Test (scoring_reading, a_seller_sharing_part_of_the_buyers_values_proceeds)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "We need it fast and we need it cheap."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "speed", 1.0,
                             "cost_savings", 1.0),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "speed", 1.0,
                             "innovation", 1.0),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s]", "We need it fast and we need it cheap."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "speed", 1.0,
                             "cost_savings", 1.0),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "quality", 1.0,
                             "partnership", 1.0),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 85: quality and compliance are both work done to a standard. A
   buyer who wants accuracy and a business that sells full audit trails
   are not strangers. */
Test (scoring_reading, accuracy_and_an_audit_trail_go_together)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "What we need is accuracy, first time, "
                                    "every time."),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0), a);
  cr_assert_gt (a->values_fit.score_organization, 0.0, "no fit at all");
  free (a);
}

/* Round 86 (values of blind37 to blind75): how a seller turns a value
   away. "Aren't for me", "not my thing", "frustrates me" and "is
   marketing" stand against what precedes them; "uncomfortable being the
   first to try" is uneasy with what follows, not with the proven kit
   the seller sells before it. */
Test (scoring_reading, a_seller_turning_a_value_away)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  static const char *const owners[] = {
    "Long committee processes and dinners with department heads aren't "
    "for me.",
    "Between us, the whole partnership thing is marketing.",
    "Relationship building frustrates me; I close and move on.",
  };

  for (size_t i = 0; i < sizeof (owners) / sizeof (owners[0]); i++)
  {
    values_account (json_pack ("[s]", "We want a long-term partner who "
                                      "knows our people."),
                    json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                    json_pack ("{s:[s]}", "answers", owners[i]), a);
    cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                  "%s: %s", owners[i],
                  score_values_rec_name (a->values_fit.recommendation));
  }
  values_account (json_pack ("[s]", "We only buy proven, reliable kit."),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "I prefer to sell what's proven and I'm "
                             "uncomfortable being the first to try "
                             "anything."),
                  a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_PROCEED, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 87 (orientation of blind70 and blind75): the "Original Message"
   banner of German, French and Spanish mail clients opens a pasted
   message as the English one does. Under it, Dana's own e-mail answers
   the seller's questions inline: her answers are hers, and its "Von:"
   and "Gesendet:" are headers, not the start of a quoted block that
   hides everything after it. */
Test (scoring_reading, a_foreign_original_message_answered_inline)
{
  static const char *const banners[] = {
    "-----Original Message-----\nFrom: Dana Ruiz\nSent: Monday, 1 "
    "December 2025 10:00\nTo: Tom Hale\n",
    "-----Ursprüngliche Nachricht-----\nVon: Dana Ruiz\nGesendet: "
    "Montag, 1. Dezember 2025 10:00\nAn: Tom Hale\n",
    "-----Message d'origine-----\nDe : Dana Ruiz\nEnvoyé : lundi 1 "
    "décembre 2025 10:00\nÀ : Tom Hale\n",
    "-----Mensaje original-----\nDe: Dana Ruiz\nEnviado: lunes, 1 de "
    "diciembre de 2025 10:00\nPara: Tom Hale\n",
  };

  for (size_t i = 0; i < sizeof (banners) / sizeof (banners[0]); i++)
  {
    read_under (banners[i],
                "Tom, answers inline.\n\n"
                "> Would you be open to the new module?\n"
                "Yes, even though it's early. We'll accept some teething "
                "problems and I'll take the risk with our board myself.\n"
                "> Who should we thank for the smooth go-live?\n"
                "My team, especially Jannik. Not me.\n");
    cr_assert (counts ("actualization."),
               "the inline answers under %.30s were set aside", banners[i]);
  }
}

/* Round 88 (orientation of blind43, blind67 and blind69): when a clause
   holds an Actualization act, what only sets its scene does not outvote
   it by the length of its phrase: credit given to the team "in front of
   the CEO" is no wish to be seen, and "if it goes wrong it's on her" is
   a risk owned, not a guarantee wanted. Credit taken in front of the
   board is still Power's. */
Test (scoring_reading, an_act_outweighs_its_setting)
{
  read_note ("Dana gave credit for the plan to the Malmö build team in "
             "front of the CEO.");
  cr_assert (counts ("actualization.shares_credit"), "credit given lost");
  cr_assert (! counts ("power.recognition"), "its audience read as Power");
  read_note ("Dana said if it goes wrong it's on her and she'll say so to "
             "the investment committee.");
  cr_assert (counts ("actualization.takes_risks"), "the risk owned lost");
  cr_assert (! counts ("security.guarantee"), "read as wanting a guarantee");
  read_note ("Dana took the credit for the launch in front of the board.");
  cr_assert (counts ("power."), "credit taken in front of the board lost");
}

/* Round 89 (values of blind65 and blind80): a negator in a clause
   subordinate to the values waves none of them away: "until they don't
   need to ring you" does not dismiss the training before it. */
Test (scoring_reading, a_subordinate_negator_waves_nothing_away)
{
  read_note ("We want a supplier who is still with us in ten years and who "
             "trains our nurses until they don't need to ring you.");
  cr_assert (counts ("value.productivity"), "the training waved away");
  cr_assert (counts ("value.partnership"), "the ten years waved away");
  read_note ("Innovation is not relevant to us.");
  cr_assert (! counts ("value.innovation"), "a topic waved away held");
}

/* Round 90 (values over the dev set): "budget" and "the cost" are as
   often a fact of the purchase as a wish to save, "fussy" a trait of the
   person. */
Test (scoring_reading, a_budget_is_no_wish_to_save)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s, s]", "The port budgets it over ten years.",
                             "If a crane stops, the cost of the delay "
                             "dwarfs the purchase."),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  a);
  cr_assert_eq (a->values_fit.account_priorities[SCORE_VALUE_COST_SAVINGS],
                0.0, "cost savings held (%.2f)",
                a->values_fit.account_priorities[SCORE_VALUE_COST_SAVINGS]);
  free (a);
}

/* Round 91 (values of blind85 and blind86): candour is part of a
   partnership. A buyer who wants to be told straight fits a business
   that gives frank advice, and clashes with a seller who would rather
   agree with clients than tell them they're wrong. */
Test (scoring_reading, candour_is_part_of_a_partnership)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "Be blunt with us. A good supplier "
                                    "argues with us when we're wrong."),
                  json_pack ("{s:[s]}", "answers",
                             "We give clients frank advice, even when it "
                             "loses us the sale."),
                  json_pack ("{s:[s]}", "answers",
                             "I'd rather keep clients happy and agree with "
                             "them."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Round 92 (orientation of blind85 and earlier): Actualization in the
   words buyers use for it. Blunt about what we did badly is candour, a
   failure accepted before it happens is a risk taken, thanks passed to
   the nurses is credit shared, "fix it by March or we go" demands
   performance, and "the mechanics deserve the credit" gives the
   credit away. */
Test (scoring_reading, actualization_in_a_buyers_words)
{
  read_note ("She was blunt that our onboarding in the Richmond clinic was "
             "poor.");
  cr_assert (counts ("actualization.candid"), "blunt about it missed");
  read_note ("Anahera: 'If it fails we'll learn something, fine.'");
  cr_assert (counts ("actualization.takes_risks"), "a failure accepted");
  cr_assert (! counts ("security.guarantee"), "read as a guarantee wanted");
  read_note ("Anahera said the night nurses should get the thanks.");
  cr_assert (counts ("actualization.shares_credit"), "thanks passed on");
  read_note ("Johan: 'Fix the service by March or we go.'");
  cr_assert (counts ("actualization.performance"), "performance demanded");
  read_note ("Told me the mechanics deserve the credit, he only paid.");
  cr_assert (counts ("actualization.shares_credit"), "credit given away");
  cr_assert (! counts ("power.recognition"), "read as credit wanted");
}

/* Round 93 (orientation of blind66 to blind71): Affiliation in the
   words buyers use for it: warmth, everyone getting on, a fight
   avoided, an old supplier kept for the people, a problem kept quiet. */
Test (scoring_reading, affiliation_in_a_buyers_words)
{
  read_note ("Dana: 'Oh it's so good to hear your voice! Kettle's on.'");
  cr_assert (counts ("affiliation.warm"), "warmth missed");
  read_note ("Dana said she'd prefer we keep good relations with everyone.");
  cr_assert (counts ("affiliation.harmony"), "getting on missed");
  read_note ("Dana: 'Let's not get heated. I don't want this to turn into a "
             "whole thing between our teams.'");
  cr_assert (counts ("affiliation.avoids_conflict"), "a fight avoided");
  read_note ("Dana will stay with her supplier: their families have known "
             "each other for three generations.");
  cr_assert (counts ("affiliation.loyal"), "loyalty missed");
  read_note ("Dana had been paying the refunds out of petty cash rather "
             "than raise it with us.");
  cr_assert (counts ("affiliation.withholds"), "a problem kept quiet");
}

/* Round 94 (hand-offs of blind65 to blind85): a seller's working style
   that clashes with the buyer's values. Living for this quarter's
   number stands against partnership, waiting until a thing is proven
   against innovation, handing after-sales to support against service. */
Test (scoring_reading, a_sellers_style_that_clashes)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  static const char *const cases[][2] = {
    { "partnership", "I'm driven by this quarter's number; three-year "
                     "projects aren't for me." },
    { "innovation", "Personally I'm wary of new gadgets; I tell clients to "
                    "wait until it's proven." },
    { "service", "I close, hand it to support and go find the next deal." },
  };

  for (size_t i = 0; i < sizeof (cases) / sizeof (cases[0]); i++)
  {
    char answer[160];

    snprintf (answer, sizeof (answer), "What matters most to us is %s.",
              cases[i][0]);
    values_account (json_pack ("[s]", answer),
                    json_pack ("{s:{s:f}}", "priorities", cases[i][0], 1.0),
                    json_pack ("{s:[s]}", "answers", cases[i][1]), a);
    cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                  "%s: %s", cases[i][1],
                  score_values_rec_name (a->values_fit.recommendation));
  }
  free (a);
}

/* Round 95 (values of blind87 and blind88): a bare "best" is no quality
   and "for years" no partnership when the words are about something
   else. */
Test (scoring_reading, the_best_part_and_years_of_service)
{
  read_note ("Teaching people is the best part of my job.");
  cr_assert (! counts ("value.quality"), "'the best part' read as quality");
  read_note ("We want meters that have worked in venues like ours for "
             "years.");
  cr_assert (! counts ("value.partnership"), "years of service read as a "
                                             "partnership");
}

/* Round 96 (thin records of blind87): a web form in Portuguese is a
   record as an English one is, so the form's own question and its ticked
   answers ("Security & guarantees; Team harmony") are no orientation. */
Test (scoring_reading, a_foreign_lead_form_is_a_record)
{
  static const char *const fields[] = {
    "Nome: Dana", "Cargo: Analista de TI",
    "What matters most? (select all): Security & guarantees; Team "
    "harmony",
    NULL
  };

  assert_aside ("New inbound lead - website form\n"
                "Nome: Dana\n"
                "Sobrenome: Ruiz\n"
                "Cargo: Analista de TI\n"
                "Empresa: Instituto de Pesquisas do Norte\n"
                "Pais: Brasil\n"
                "What matters most? (select all): Security & guarantees; "
                "Team harmony\n"
                "Mensagem: (vazio)\n",
                SCORE_BOILER_FORM_FIELD, fields);
}

/* Round 97 (risk levels of blind87): a discount for committing longer,
   asked because money is tighter next year, is 004's "more for less". */
Test (scoring_reading, a_discount_for_a_longer_term)
{
  read_note ("Her finance partner asked whether there are multi-year "
             "discounts, as budgets are tighter next year.");
  cr_assert (counts ("risk.evaluation"), "a discount for committing longer");
}

/* Round 98 (orientation of blind15, blind89 and blind90): a buyer's own
   e-mail pasted under a Polish or Swedish header ("Od:" and "Wysłano:",
   "Från:" and "Skickat:", with or without the "Wiadomość oryginalna"
   banner) is hers; the consequences accepted as "it is my decision and
   I will explain it to the board" are a risk owned, and "I don't want
   anyone upset" is Affiliation's. */
Test (scoring_reading, polish_and_swedish_headers_and_owned_decisions)
{
  static const char *const headers[] = {
    "Od: Dana Ruiz <d.ruiz@example.pl>\nWyslano: poniedzialek, 10 "
    "listopada 2025 07:15\nDo: Tom Hale\nTemat: decyzja\n",
    "-----Wiadomosc oryginalna-----\nOd: Dana Ruiz\nWyslano: czwartek, 6 "
    "listopada 2025 10:41\nDo: Tom Hale\n",
    "Från: Dana Ruiz\nSkickat: den 3 november 2025 09:12\nTill: Tom "
    "Hale\nÄmne: beslut\n",
  };

  for (size_t i = 0; i < sizeof (headers) / sizeof (headers[0]); i++)
  {
    read_under (headers[i], "Tom,\n\nBefore we sign I need it in writing, "
                            "with a written guarantee and a fallback plan.\n");
    cr_assert (counts ("security."), "her e-mail under %.20s set aside",
               headers[i]);
  }
  read_note ("Dana: 'If it fails, it is my decision and I will explain it "
             "to the board.'");
  cr_assert (counts ("actualization.takes_risks"), "the decision owned");
  read_note ("Dana said she doesn't want anyone upset over the roster.");
  cr_assert (counts ("affiliation."), "nobody upset missed");
}

/* Round 99 (values of blind38 and blind92): kit that must simply work is
   reliability, a buyer who wants "the same person" for years values
   partnership, and "don't waste my time with relationship building"
   stands against it. */
Test (scoring_reading, working_kit_the_same_person_and_time_wasted)
{
  read_note ("Innovation is not so relevant; we need it to work in January "
             "at minus twenty.");
  cr_assert (counts ("value.reliability"), "kit that must work missed");
  read_note ("We expect the same person to know our station for years.");
  cr_assert (counts ("value.partnership"), "the same person missed");
  read_note ("Don't waste my time with relationship building.");
  cr_assert (hit_of ("value.partnership")
               && hit_of ("value.partnership")->against,
             "time wasted on it read as holding it");
}

/* Round 100 (orientation of blind91): a voicemail's header that names the
   caller without "from" ("Voicemail (transcribed), 1:12, Dana Ruiz, VP
   Fleet") heads her words, and one that says whom it went to ("Voicemail
   for Dana Ruiz") is still the seller's. */
Test (scoring_reading, voicemail_headers_that_name_the_caller)
{
  static const char *const theirs[] = {
    "Voicemail (transcribed), 1:12, Dana Ruiz, VP Fleet Services, Ruiz "
    "Lease Corp.",
    "Voicemail transcription - 0:47 - Dana Ruiz, Ruiz Lease SA",
    "WhatsApp voice note, Dana Ruiz, 09:14",
  };
  const struct score_hit *h;

  for (size_t i = 0; i < sizeof (theirs) / sizeof (theirs[0]); i++)
  {
    read_under (theirs[i], "\"Hey, it's Dana. I want to be in the room when "
                           "you configure the rules, and I'll be the one on "
                           "stage.\"\n");
    h = hit_of ("power.involvement");
    cr_assert_not_null (h, "her wish missed under %.24s", theirs[i]);
    cr_assert_eq (SCORE_SAY_BUYER, h->speaker, "under %.24s: not hers",
                  theirs[i]);
  }
  read_under ("Voicemail for Dana Ruiz, 0:30",
              "I want to be in the room when they configure the rules.\n");
  h = hit_of ("power.involvement");
  cr_assert (NULL == h || SCORE_SAY_BUYER != h->speaker,
             "the seller's own voicemail read as hers");
}

/* Round 100 (orientation and pillars of blind91): a negator governs the
   verb after "or" too ("didn't ask about the system or share any plans"
   shared none); the decisions kept as "mine" and a proposal rewritten
   herself are Power's, a failure played down as "just a little thing"
   Affiliation's. */
Test (scoring_reading, or_under_a_negator_and_blind91_families)
{
  read_note ("Second meeting: rugby talk; he didn't ask about the system or "
             "share any plans.");
  cr_assert (! counts ("knowledge."), "plans not shared counted");
  read_note ("He shared his expansion plans for next year.");
  cr_assert (counts ("knowledge."), "plans shared missed");
  read_note ("Dana: 'They can come. But the decisions are mine.'");
  cr_assert (counts ("power.involvement"), "the decisions kept missed");
  read_note ("Dana rewrote our proposal herself and struck out two phases.");
  cr_assert (counts ("power.assertive"), "a proposal rewritten missed");
  read_note ("Dana said it was just a little thing, she knows we had a lot "
             "going on.");
  cr_assert (counts ("affiliation.withholds"), "a failure played down missed");
}

/* Round 101 (values and orientation of blind93 to blind96): "years later"
   is a span of time, not a thing put off; "X matters less than Y" puts X
   second; "no" reaches no further than an "and", nor does a refused list
   go on into a clause with its own subject; "To be honest" opening a
   sentence is a filler; "grew up" is a life, not growth; a refusal that
   waits "until" others sign off opens no refused list. */
Test (scoring_reading, spans_less_than_and_conditions)
{
  const struct score_hit *h;

  read_note ("Every signature must survive an audit years later.");
  cr_assert (counts ("value.compliance"), "years later put off");
  read_note ("Saving money matters less than being compliant.");
  cr_assert (counts ("value.compliance"), "what matters more missed");
  cr_assert (! counts ("value.cost"), "what matters less held");
  read_note ("We want no delays and good quality.");
  cr_assert (counts ("value.quality"), "'no' reached past 'and'");
  read_note ("They can do it without me, and I'm open about costs.");
  cr_assert (counts ("value.partnership"), "its own subject read as listed");
  read_note ("To be honest football passion isn't for me.");
  h = hit_of ("value.partnership");
  cr_assert (NULL == h || (h->reasons & SCORE_READ_FILLER),
             "'To be honest' read as honesty");
  read_note ("I grew up in community footy.");
  cr_assert (! counts ("value.growth"), "growing up read as growth");
  read_note ("Margaret will not move it forward until the archivist has "
             "signed off the mapping, field by field.");
  cr_assert (counts ("security.detail"), "a condition read as a refusal");
  read_note ("Coffee in the cafe, the scones are excellent.");
  cr_assert (! counts ("actualization."), "scones read as a standard");
}

/* Round 101 (blind93 to blind96 seen): an episode that must arrive "on
   the fixed date" is reliability, not a repair; a seller who lives for
   the President's Club stands against partnership; "I'm the one
   accountable" and the real work credited to the officers are
   Actualization's; not wanting to "vex" the one who set it up is
   Affiliation's. */
Test (scoring_reading, fixed_dates_quotas_and_credit)
{
  read_note ("Every episode arrives on the fixed date.");
  cr_assert (counts ("value.reliability"), "a fixed date missed");
  cr_assert (! counts ("value.service"), "'fixed' read as a repair");
  read_note ("What gets me up is hitting my number and the President's "
             "Club trip.");
  cr_assert (counts ("value_against.partnership"),
             "a quota seller read as no clash");
  read_note ("Dana said that if it fails, she is the one accountable.");
  cr_assert (counts ("actualization.takes_risks"), "accountability missed");
  read_note ("Dana said that was mostly my officers' work.");
  cr_assert (counts ("actualization.shares_credit"), "credit handed missed");
  read_note ("Dana doesn't want to vex the guy who set it up.");
  cr_assert (counts ("affiliation.avoids_conflict"), "no vexing missed");
}

/* Round 102 (blind97 to blind100 seen): a letter pasted with a salutation
   and signed by the contact's name and title alone is hers; a chat pasted
   as three lines or more under one contact's name is hers; a forwarded
   note's banner and From: line are no note of its own above the quote. */
Test (scoring_reading, letters_chats_and_forwards_of_the_contact)
{
  read_note ("Sir, thank you for the demo. I will be frank with you.\n"
             "I am ready to try the new module even if not perfect, we will "
             "accept mistakes.\n"
             "Dana Ruiz, Director of Crewing");
  cr_assert (buyer_hit ("actualization.takes_risks"),
             "her letter read as ours");
  read_note ("[Viber, pasted]\n"
             "Dana Ruiz: Hi Sir Andreas!! Hope your family is ok\n"
             "Dana Ruiz: About the new module, I don't want to cause "
             "problem with the principal\n"
             "Dana Ruiz: Let's have merienda when you're in Makati\n");
  cr_assert (buyer_hit ("affiliation.avoids_conflict"),
             "her chat read as ours");
  read_note ("---------- Videresendt meddelelse ---------\n"
             "Fra: Peter Juul (agent)\n"
             "Peter: Kaia, such a pleasure as always! Hugs to the family. "
             "Forwarding the note below.\n"
             "\n"
             "> From: Dana Ruiz (VP Fleet Performance)\n"
             "> We are willing to try your beta optimiser on three ships; "
             "some risk is fine if the upside is real.\n");
  cr_assert (buyer_hit ("actualization.takes_risks"),
             "her forwarded note lost");
}

/* Round 102 (values of blind97 to blind100): "never at the expense of
   accuracy" guards accuracy; "more than the certificate we want skills"
   puts only the certificate second; a business that helps fleets "grow
   without growing their headcount" does not stand against growth; "a
   no-frills platform at the lowest price" holds price; "over many years"
   is a span of time. */
Test (scoring_reading, expense_scope_of_more_than_and_compounds)
{
  read_note ("Saving time matters, but never at the expense of accuracy.");
  cr_assert (counts ("value.quality"), "accuracy guarded read as refused");
  read_note ("More than the certificate we want to see that they build "
             "skills here.");
  cr_assert (counts ("value.productivity"), "a new subject put second");
  read_note ("A no-frills platform at the lowest price we can manage.");
  cr_assert (counts ("value.cost"), "a no- compound negated the rest");
  read_note ("I'm happiest looking after a handful of clients over many "
             "years.");
  cr_assert (counts ("value.partnership"), "'over many years' put second");
}

/* Round 102 (values of blind98 seen): a business that helps fleets "grow
   without growing their office headcount" holds growth, not a refusal of
   it, and suits a buyer who is growing. */
Test (scoring_reading, growth_without_headcount_is_growth)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (
    json_pack ("[s]", "We are growing by 30% in three years; growth is what "
                      "matters to us."),
    json_pack ("{s:[s]}", "answers",
               "We help fleets grow without growing their office headcount."),
    json_pack ("{s:{s:f}}", "priorities", "growth", 1.0), a);
  cr_assert (a->values_fit.available);
  cr_assert_gt (a->values_fit.score_organization, 0.5, "org %.2f",
                a->values_fit.score_organization);
  free (a);
}

/* Round 103 (values of blind101 to blind104): a "no" that is said in a
   manner is no negator; "X, Y, these words are not relevant" waves both
   away; "we're against long contracts" stands against them; a "no"
   governs its noun, not what follows "at" ("no finding at audit"); a
   "non-" compound is not its value; a resident is no data residency, nor
   an experience an experiment. */
Test (scoring_reading, said_no_these_words_against_and_non)
{
  const struct score_hit *h;

  read_note ("I'd rather say no honestly than overpromise.");
  cr_assert (counts ("value.partnership"), "'say no honestly' negated");
  read_note ("Innovation, partnership, these words are not relevant to us.");
  cr_assert (! counts ("value.innovation"), "a listed item kept");
  cr_assert (! counts ("value.partnership"), "a listed item kept");
  read_note ("We're against long contracts.");
  h = hit_of ("value.partnership");
  cr_assert (h && h->against, "'against' read as holding");
  read_note ("Our standard is simple: no finding at audit.");
  cr_assert (counts ("value.compliance"), "'no finding' negated the audit");
  read_note ("We help non-profits grow individual giving.");
  cr_assert (! counts ("value.profitability"), "a non-profit read as profit");
  read_note ("Nothing about the resident experience may look cheap.");
  cr_assert (! counts ("value.innovation"), "an experience read as an "
                                            "experiment");
  cr_assert (! counts ("value.compliance"), "a resident read as residency");
}

/* Round 103: "no ongoing relationship" is a buyer refusing partnership, so
   a business built on multi-year partnerships is walked away from. */
Test (scoring_reading, no_ongoing_relationship_refuses_partnership)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (
    json_pack ("[s]", "We want one project, six weeks, then goodbye. No "
                      "ongoing relationship, no support contract."),
    json_pack ("{s:[s]}", "answers",
               "We only take clients on multi-year partnerships."),
    json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0), a);
  cr_assert (a->values_fit.available);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  free (a);
}

/* Round 104 (pillars of blind101 to blind104): a colleague's note quoted
   ("Our AE's note: 'trusted partnership, we are his go-to advisor!!'") is
   a claim, no pillar; a predecessor named before a tag that calls him
   former, after a label ("Handover context: Jean-Luc (former Head of
   Finance, retired June) relied on us"), is no trust of the contact's;
   an insight that "stayed on the table" was turned down; a negator
   reaches over "or" back to its clause's start ("hasn't involved us in
   anything else or asked our advice"). */
Test (scoring_reading, claims_predecessors_and_insight_left_on_the_table)
{
  const struct score_hit *h;

  read_note ("Our AE's note: 'Excellent, trusted partnership with Dana, we "
             "are her go-to advisor!!'");
  cr_assert (! counts ("trust."), "a colleague's claim read as trust");
  read_note ("Handover context: Jean-Luc (former Head of Finance, retired "
             "June) relied on us for everything.");
  h = hit_of ("trust.relied");
  cr_assert (h && (h->reasons & SCORE_READ_FORMER), "the predecessor's "
                                                    "trust read as hers");
  read_note ("Dana said it is for the owner, and our market report I "
             "brought stayed on the table.");
  cr_assert (! counts ("knowledge.insight"), "an insight left on the table "
                                             "counted");
  read_note ("QA module only; she hasn't involved us in anything else or "
             "asked our advice.");
  cr_assert (! counts ("trust.advice"), "advice not asked counted");
}

/* Round 105 (values of blind105 to blind108): "I don't enjoy customers
   who negotiate on every euro" stands against what they want (the rule
   was never reached: "like" and "enjoy" carry no mark, so it is found at
   the negator); "tell us the truth even when it's uncomfortable" still
   wants the truth. */
Test (scoring_reading, dislikes_at_the_negator_and_conceded_discomfort)
{
  const struct score_hit *h;

  read_note ("I don't enjoy customers who negotiate on every euro.");
  h = hit_of ("value.cost");
  cr_assert (h && h->against, "a dislike read as holding");
  read_note ("I don't like customers who want to try things.");
  h = hit_of ("value.innovation");
  cr_assert (h && h->against, "a dislike read as holding");
  read_note ("We choose suppliers who tell us the truth even when it's "
             "uncomfortable.");
  h = hit_of ("value.partnership");
  cr_assert (h && ! h->against && score_hit_counts (fx_tmodel, h),
             "the truth wanted read as unwanted");
}

/* Round 106 (orientation of blind105 to blind108): a note that opens on
   a reply banner ("On Thu, ... Dana Ruiz <...> wrote:") over an unquoted
   message is hers, and a quote under it that begins "> Tom Hale wrote:"
   names who wrote the quote, not whom her message addresses. */
Test (scoring_reading, a_message_under_its_reply_banner)
{
  const struct score_hit *h;

  read_named_pair ("Dana Ruiz", "Tom Hale",
                   "On Thu, Oct 9, 2025 at 7:12 AM Dana Ruiz "
                   "<dana@example.com> wrote:\n"
                   "\n"
                   "Tom's still building his comparison. I'm not waiting "
                   "on it. I want to be the one presenting the results, "
                   "with my name first.\n"
                   "\n"
                   "> Tom Hale wrote: Could we take another month?\n");
  h = buyer_hit ("power.recognition");
  cr_assert (h && 0 == h->contact, "her message read as someone else's");
}

/* Round 106 (risk levels of blind106 to blind108): a buyer made to
   justify us ("the CEO asked him for a benchmark", "finance is reviewing
   all software spend") and a new decision maker who "will want to look
   at the stack" are risks. */
Test (scoring_reading, buyers_made_to_justify_us)
{
  read_note ("Faisal said he isn't worried but the CEO asked him for a "
             "benchmark.");
  cr_assert (counts ("risk.evaluation"), "a benchmark asked for missed");
  read_note ("Neeraj said finance is reviewing all software spend next "
             "quarter.");
  cr_assert (counts ("risk.evaluation"), "a spend review missed");
  read_note ("A new group CTO starts in January and will want to look at "
             "the stack.");
  cr_assert (counts ("risk.new_dm"), "a new decision maker missed");
}

/* Round 107 (blind109 to blind112): a "no" reaches no further than a
   comma ("no surprises, full documentation" wants the documentation);
   "sustainability talk is mostly PR to me" waves it away; small talk
   turned to "go to the agenda" was refused. */
Test (scoring_reading, commas_pr_and_the_agenda)
{
  const struct score_hit *h;

  read_note ("Our standard for a supplier: no surprises, full "
             "documentation.");
  cr_assert (counts ("value.compliance"), "a comma did not end the 'no'");
  read_note ("Sustainability talk is mostly PR to me.");
  cr_assert (! counts ("value.sustainability"), "'mostly PR' held it");
  read_note ("I asked about her weekend; she said 'better we go to the "
             "agenda, please'.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "small talk refused "
                                                      "counted");
}

/* Round 108 (orientation of blind109 to blind111): the words of an e-mail
   address or a web link ("yousef@aman-guards.ae", "www.guarded.example")
   are no cue, and a security firm's guards are not "guarded". */
Test (scoring_reading, addresses_and_guards)
{
  read_note ("Contact yousef@aman-guards.ae about the roster; see "
             "www.guarded-systems.example too.");
  cr_assert (! counts ("security."), "an address was read");
  read_note ("Twelve guard companies in Penang use it; our guards like it.");
  cr_assert (! counts ("security.risk_averse"), "guards read as guarded");
  read_note ("She is guarded with vendors.");
  cr_assert (counts ("security.risk_averse"), "guarded missed");
}

/* Round 109 (risk levels of blind93 to blind111): a new requirement the
   buyer "isn't sure we can" meet (the alternative after "if we can't"
   stays a supposition) and a budget cut that makes the buyer ask for a
   reduced scope are 004's buyer reviewing us. */
Test (scoring_reading, requirements_we_may_not_meet)
{
  read_note ("She isn't sure we can produce it; if we can't she said they'd "
             "need to look at other options before the summer.");
  cr_assert (counts ("risk.evaluation"), "the doubt missed");
  read_note ("Lamrani asked for a proposal with a reduced scope 'just in "
             "case'.");
  cr_assert (counts ("risk.evaluation"), "a reduced scope missed");
}

/* Round 110 (values of blind99): "we don't need" with its object after it
   refuses a list ("validation, documentation or training"), where "it
   doesn't need to" waves a topic off; and a quote opening after a refusal
   is no item of its list. */
Test (scoring_reading, needless_lists)
{
  read_note ("We don't need validation, documentation or training, just "
             "switch it on.");
  cr_assert (! counts ("value.compliance"), "documentation held");
  cr_assert (! counts ("value.productivity"), "training held");
  read_note ("She doesn't need the lab reports, \"quality first, always\".");
  cr_assert (counts ("value.quality"), "the quote was read as refused");
}

/* Round 110 (values of blind108): the "nothing" of "nothing goes wrong" is
   that phrase's, and governs no value after it; a "won't" that a phrase
   opens ("won't pay") still governs its objects. */
Test (scoring_reading, negator_a_phrase_used)
{
  read_note ("Our standard for a supplier is that nothing goes wrong during "
             "inspection.");
  cr_assert (counts ("value.compliance"), "the inspection was negated");
  read_note ("We won't pay for training or service contracts.");
  cr_assert (! counts ("value.productivity"), "the training was held");
}

/* Round 111 (values of blind113 seen): what the buyer waves off and the
   business stands against is common ground: a buyer to whom innovation
   "is not relevant" suits a business that "releases conservatively". */
Test (scoring_reading, waved_off_and_rejected_agree)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (
    json_pack ("[s, s]",
               "Innovation is not relevant to us. We want a "
               "system that works every day.",
               "Productivity for us means fewer hours per loan file."),
    json_pack ("{s:[s]}", "answers",
               "Reliable, compliant loan software. We release "
               "conservatively and test everything twice."),
    json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0), a);
  cr_assert (a->values_fit.available);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_PROCEED,
                "%s (org %.2f)",
                score_values_rec_name (a->values_fit.recommendation),
                a->values_fit.score_organization);
  free (a);
}

/* Round 111 (values of blind113 to blind116 seen): a refused noun goes on
   over the value word after it ("carbon reporting"); a supplier judged
   "by numbers" is productivity, which a seller who doesn't like "being
   measured" stands against; candour refused ("no need to volunteer every
   problem") and going "around procurement" stand against partnership and
   compliance. */
Test (scoring_reading, compounds_numbers_and_refused_candour)
{
  const struct score_hit *h;

  read_note ("We won't spend a cent on carbon reporting.");
  cr_assert (! counts ("value.service"), "the reporting was held");
  read_note ("We judge suppliers by numbers, every quarter.");
  cr_assert (counts ("value.productivity"), "by numbers missed");
  read_note ("No need to volunteer every problem to the client.");
  cr_assert (counts ("value_against.partnership"), "refused candour missed");
  read_note ("I like going around procurement to the exec.");
  h = hit_of ("value_against.compliance");
  cr_assert (h && score_hit_counts (fx_tmodel, h), "around procurement");
}

/* Round 112 (orientation of blind113 to blind120 seen): "Email from Dana:"
   on a line of its own heads her message, where "Email from Dana about
   pricing: ..." is still the seller's sentence when it runs on; owning a
   mistake ("it was his call and he got it wrong") is candour, not only
   "his call"; "the merit is theirs" gives credit away; "my name goes in
   the presentation" is Power's. */
Test (scoring_reading, emails_from_and_orientation_words)
{
  const struct score_hit *h;

  read_note ("Email from Dana:\n"
             "'Send me the list every Friday. I will present the progress "
             "to the board myself.'\n");
  h = hit_of ("power.recognition");
  cr_assert (h && SCORE_SAY_BUYER == h->speaker, "her e-mail was not hers");
  cr_assert (counts ("power."), "her e-mail's 'I' was the seller's");
  read_note ("Email from Dana about pricing, I will present the progress to "
             "her board myself.\n");
  cr_assert (! buyer_hit ("power.recognition"), "the seller's line was hers");
  read_note ("She told me plainly the rollout mess was her call and she got "
             "it wrong.");
  cr_assert (counts ("actualization.candid"), "owning the mistake missed");
  read_note ("The pilot was good because her producers worked hard, the "
             "merit is theirs.");
  cr_assert (counts ("actualization.shares_credit"), "the merit missed");
  read_note ("Dana: 'this is the first in the region, my name goes in the "
             "presentation.'");
  cr_assert (counts ("power.recognition"), "her name missed");
}

/* Round 113 (values of blind121 to blind124 seen): "we expect formality"
   holds compliance where "regulations are a formality" waves it away;
   what "drives me up the wall" is stood against, a wall display is not;
   "we don't pretend to be" supposes nothing, so what follows is a fact;
   tracking people "on private time" stands against compliance. */
Test (scoring_reading, formality_walls_and_pretending)
{
  const struct score_hit *h;

  read_note ("We expect formality and respect for seniority.");
  cr_assert (counts ("value.compliance"), "formality waved away");
  read_note ("Regulations are a formality.");
  cr_assert (! counts ("value.compliance"), "a formality held");
  read_note ("Formality and protocol drive me up the wall.");
  h = hit_of ("value.compliance");
  cr_assert (h && h->against, "what drives me up the wall held");
  read_note ("The quality of the wall displays matters.");
  h = hit_of ("value.quality");
  cr_assert (h && ! h->against, "a wall display stood against");
  read_note ("We are not the cheapest and don't pretend to be; customers buy "
             "a support team that answers at 3am.");
  h = hit_of ("value.service");
  cr_assert (h && ! (h->reasons & SCORE_READ_HYPOTHETICAL),
             "'don't pretend' supposed");
  read_note ("We want to track drivers on private time.");
  cr_assert (counts ("value_against.compliance"), "private time missed");
}

/* Round 114 (pillars of blind113 to blind124 seen): a question about
   their plans answered "we keep that close", "still looking around", "we
   will see, nothing special" is turned down; "no discussion of pricing,
   margins or their market" negates the whole list; a line opening "Rep
   notes:" is a colleague's claim, no trust of the buyer's. */
Test (scoring_reading, plans_kept_close_and_rep_notes)
{
  const struct score_hit *h;

  read_note ("When I asked about their capacity roadmap he said 'oh we keep "
             "that close, you know how it is'.");
  h = hit_of ("knowledge.plans");
  cr_assert (h && ! score_hit_counts (fx_tmodel, h), "kept close counted");
  read_note ("Asked about their plans for next year: 'we will see, nothing "
             "special'.");
  cr_assert (! counts ("knowledge."), "'nothing special' counted");
  read_note ("We had nothing new to show; no discussion of pricing, margins "
             "or their market this year.");
  cr_assert (! counts ("knowledge."), "the list's last item counted");
  read_note ("Rep notes: 'Dana is basically our best friend, she totally "
             "trusts us!'");
  cr_assert (! counts ("trust."), "the rep's claim counted");
}

/* Round 114 (risk levels of blind113 to blind124 seen): 004's buyer
   reviewing us and our sponsor away, in these batches' words. */
Test (scoring_reading, fewer_vendors_and_maternity_leave)
{
  read_note ("The parent company wants fewer vendors across its mastheads "
             "next year.");
  cr_assert (counts ("risk.evaluation"), "fewer vendors missed");
  read_note ("Our sponsor is on four-month maternity leave; the interim is "
             "from finance.");
  cr_assert (counts ("risk.departure"), "the leave missed");
  read_note ("She asked whether we could make an effort on the price at "
             "renewal.");
  cr_assert (counts ("risk.evaluation"), "the price effort missed");
}

/* Round 115 (values of blind125 to blind128 seen): "sustainability is
   not marketing for us" holds it (a negator denying spin affirms); what
   "I find draining" is stood against; a business that only stands
   against what the buyer waves off ("we sell value, not discounts") is
   measured against that, not found empty. */
Test (scoring_reading, not_marketing_draining_and_value_not_discounts)
{
  const struct score_hit *h;
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("Sustainability is not marketing for us; the rules make it a "
             "condition to sell.");
  cr_assert (counts ("value.sustainability"), "'not marketing' negated");
  read_note ("Price is not an issue.");
  cr_assert (! counts ("value.cost"), "'not an issue' held");
  read_note ("I find confrontational meetings and innovation draining.");
  h = hit_of ("value.innovation");
  cr_assert (h && h->against, "what drains was held");
  values_account (json_pack ("[s, s]",
                             "We choose on value over years, not on the "
                             "first price.",
                             "Quality and service matter more to us than "
                             "discount."),
                  json_pack ("{s:[s]}", "answers",
                             "We sell value, not discounts."),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0), a);
  cr_assert (a->values_fit.available);
  cr_assert_gt (a->values_fit.score_organization, 0.4, "org %.2f",
                a->values_fit.score_organization);
  free (a);
}

/* Round 116 (orientation of blind125 to blind132 seen): Affiliation's
   and Actualization's words in these batches: conflict avoided ("I don't
   want problems between friends"), news withheld ("asked me not to put
   it in the report"), credit given away ("put their names in the
   report"), a risk owned ("if it goes wrong it is my job"). */
Test (scoring_reading, friends_reports_and_owned_risks)
{
  read_note ("Dana: 'I don't want problems between friends, I will tell her "
             "it's fine.'");
  cr_assert (counts ("affiliation.avoids_conflict"), "conflict avoided "
                                                     "missed");
  read_note ("Dana mentioned the alarms are switched off by hand; she asked "
             "me not to put it in the report.");
  cr_assert (counts ("affiliation.withholds"), "the withheld news missed");
  read_note ("Dana: 'The celadores did it. Put their names in the report, "
             "please.'");
  cr_assert (counts ("actualization.shares_credit"), "the credit missed");
  read_note ("Dana: 'It is a risk, the budget is tight and if it goes wrong "
             "it is my job.'");
  cr_assert (counts ("actualization.takes_risks"), "the owned risk missed");
}

/* Round 117 (orientation of blind125 to blind132 seen): Power's words in
   these batches: "the committee just signs", "you report to me", results
   sent "to him personally", a launch "on her scorecard", a plaque. */
Test (scoring_reading, committees_that_sign_and_plaques)
{
  read_note ("Dana: 'I will choose the vendor, the committee just signs.'");
  cr_assert (counts ("power.assertive"), "the signing committee missed");
  read_note ("Dana: 'I am the project owner. You report to me.'");
  cr_assert (counts ("power.assertive"), "the owner missed");
  read_note ("Dana asked for the load-test results sent to her personally.");
  cr_assert (counts ("power.involvement"), "sent to her missed");
  read_note ("Dana asked that the inauguration plaque carry her name.");
  cr_assert (counts ("power.recognition"), "the plaque missed");
}

/* Round 118 (pillars of blind134 seen): a buyer who answers a personal
   question "thank you, fine" and "returns to the agenda" turns the small
   talk down, as one who "went to the agenda" did. */
Test (scoring_reading, returns_to_the_agenda)
{
  const struct score_hit *h;

  read_note ("Still answers any personal question with 'thank you, fine' "
             "and returns to the agenda.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "small talk counted");
}

/* Round 119 (values of blind133 to blind135 seen): a seller who calls
   paperwork "the worst part of the job" and would "sort things on a
   handshake" stands against compliance; "guaranteed SLAs" are
   reliability. */
Test (scoring_reading, handshakes_and_guaranteed_slas)
{
  read_note ("Paperwork is the worst part of the job for me; I'd rather sort "
             "things on a handshake.");
  cr_assert (counts ("value_against.compliance"), "the handshake missed");
  read_note ("Guaranteed SLAs and paid pilots are part of our offer.");
  cr_assert (counts ("value.reliability"), "guaranteed SLAs missed");
}

/* 003's values in the words buyers, businesses and sellers use beyond the
   value's own name: the metric a reliability buyer cites, the deal a cost
   buyer wants, the "no rush" of one who stands against speed. */
Test (scoring_reading, value_paraphrase_families)
{
  read_note ("We run on five nines and a failover site.");
  cr_assert (counts ("value.reliability"), "five nines missed");
  read_note ("We want bang for the buck, every time.");
  cr_assert (counts ("value.cost"), "bang for the buck missed");
  read_note ("We track our return on capital closely.");
  cr_assert (counts ("value.profitability"), "return on capital missed");
  read_note ("There is no need to hurry on our side.");
  cr_assert (counts ("value_against.speed"), "no need to hurry missed");
  read_note ("Good enough is fine for our needs.");
  cr_assert (counts ("value_against.quality"), "good enough missed");
}

/* Round 121 (seen on blind134): small talk turned down with a softener
   after "skip that" ("Let's skip that please", "skip it for now") is
   turned down all the same. */
Test (scoring_reading, skip_that_please)
{
  read_note ("Rep: How was your holiday in the mountains?\n"
             "Dana: Let's skip that please. I prefer to use the time for "
             "business.\n");
  cr_assert (! counts ("compatibility."), "'skip that please' missed");
  read_note ("Rep: Did you catch the match on Sunday?\n"
             "Dana: Skip it for now, we have a lot to cover.\n");
  cr_assert (! counts ("compatibility."), "'skip it for now' missed");
}

/* 000's characteristics in the words of a seller's note, beyond the
   lexicon's first phrases: "redlined our contract" is involvement,
   "squeezed us" assertive, "apologetic" avoids conflict, "a parallel run"
   is methodical. */
Test (scoring_reading, orientation_paraphrase_families)
{
  read_note ("Dana redlined our contract twice.");
  cr_assert (counts ("power.involvement"), "redlined our missed");
  read_note ("She squeezed us on every line.");
  cr_assert (counts ("power.assertive"), "squeezed us missed");
  read_note ("Dana was apologetic the whole call.");
  cr_assert (counts ("affiliation.avoids_conflict"), "apologetic missed");
  read_note ("They want a parallel run before go-live.");
  cr_assert (counts ("security.methodical"), "parallel run missed");
}

/* Round 123 (seen on blind137 to blind139): small talk turned down by
   going "straight to the point" or by preferring "to discuss work" is no
   rapport; a support or weighbridge ticket is no ticket to the game. */
Test (scoring_reading, straight_to_the_point_and_tickets)
{
  read_note ("Asked about his vacation; he said 'let's go straight to the "
             "point, I have 20 minutes'.");
  cr_assert (! counts ("compatibility."), "'straight to the point' missed");
  read_note ("I asked about his family; he answered shortly, 'I prefer to "
             "discuss work', and we moved on.");
  cr_assert (! counts ("compatibility."), "'prefer to discuss work' missed");
  read_note ("Asked about his son's football; he said 'I prefer we talk "
             "about the quarry'.");
  cr_assert (! counts ("compatibility."), "'prefer we talk about' missed");
  read_note ("Conor closed the ticket without comment.");
  cr_assert (! counts ("compatibility."), "a support ticket read as rapport");
}

/* Round 124 (seen on blind138 to blind140): an invite's agenda under a
   heading in another language ("Ordre du jour / Agenda:") and with an
   organiser field in it ("Organisateur:") is the invite's; a carrier's
   update pasted as one line is the carrier's; a whiteboard in a room is
   furniture. */
Test (scoring_reading, foreign_agenda_and_one_line_tracking)
{
  read_note ("Invitation: Carrières / HaulPoint - kick-off @ jeu. 20 nov. "
             "10:00\n"
             "Organisateur: Céline Dubois\n"
             "Ordre du jour / Agenda:\n"
             "1. Risk register and guarantees\n"
             "2. Milestones and recognition of the project team\n"
             "Lien Teams: Cliquez ici pour rejoindre la réunion\n");
  cr_assert (! counts ("security.") && ! counts ("power."),
             "a French invite's agenda read as behaviour");
  read_note ("Courier update: Crate 3 of 4 (scanner + calibration target) "
             "for Hayashi Kenji. Status: Customs cleared Narita 18 Nov "
             "09:40. Out for delivery 19 Nov. Signed by: HAYASHI.");
  cr_assert (! counts ("power."), "a one-line tracking update read as "
                                  "behaviour");
  read_note ("Wi-Fi: guest network, password on the whiteboard in the "
             "arrangement room.");
  cr_assert (! counts ("power.involvement"), "a whiteboard read as "
                                             "involvement");
}

/* The second families: plain wording of a value ("the numbers are right
   every time" is quality, "we rarely call" support stands against
   service) and the contact's own words ("it's about the company"). */
Test (scoring_reading, second_paraphrase_families)
{
  read_note ("Our standard: the numbers are right every time.");
  cr_assert (counts ("value.quality"), "numbers are right missed");
  read_note ("We rarely call support, honestly.");
  cr_assert (counts ("value_against.service"), "we rarely call missed");
  read_note ("Dana: it's about the company, whoever sells it.");
  cr_assert (counts ("actualization.org_first"),
             "it's about the company missed");
}

/* Round 126 (seen on blind141 to blind143): small talk and insight turned
   down in new words ("Let's go through the numbers", "I'd rather keep my
   holidays to myself", a study "he hadn't read", "'ok ok' and moved on");
   "anything" carries a negation to the cue ("we haven't brought her
   anything on bad-debt trends"); weather a contractor holds rigs for is
   no small talk, and "let's go" no lay-off. */
Test (scoring_reading, numbers_first_and_kept_to_oneself)
{
  read_note ("Rep: How was the trip to Langkawi?\n"
             "Hafiz: Fine. Let's go through the numbers, I have a site "
             "visit at eleven.\n");
  cr_assert (! counts ("compatibility."), "'let's go through the numbers'");
  cr_assert (! counts ("risk.new_dm"), "'let's go' read as a lay-off");
  read_note ("Rep: How was the holiday in Croatia?\n"
             "Ola: I'd rather keep my holidays to myself, if that's OK.\n");
  cr_assert (! counts ("compatibility."), "'keep my holidays to myself'");
  read_note ("Sent him our heat-map study on door faults in advance; he "
             "hadn't read it.");
  cr_assert (! counts ("knowledge."), "an unread study read as insight");
  read_note ("When I shared a benchmark on attrition he said 'ok ok' and "
             "moved on to other things.");
  cr_assert (! counts ("knowledge."), "a brushed-off benchmark");
  read_note ("No industry talk either side; we haven't brought her anything "
             "on bad-debt trends.");
  cr_assert (! counts ("knowledge."), "'anything on trends' not negated");
  read_note ("Sub-hired rigs sat idle because the contractor holds them for "
             "weather.");
  cr_assert (! counts ("compatibility."), "weather read as small talk");
}

/* Round 127 (seen on blind130 and blind141): an invoice or a quote is the
   thing a billing or estimating product handles, not a wish to save
   money; a seller "straightforward with clients" holds candour. */
Test (scoring_reading, invoices_are_no_savings)
{
  read_note ("What matters is that every damage invoice is right the first "
             "time.");
  cr_assert (! counts ("value.cost"), "an invoice read as saving money");
  read_note ("A bad quote costs us a job.");
  cr_assert (! counts ("value.cost"), "a quote read as saving money");
  read_note ("I'm straightforward with clients.");
  cr_assert (counts ("value.partnership"), "candour missed");
}

/* 004's drivers in the words account managers use beyond the lexicon's
   first phrases: a pilot with another provider is competitor activity,
   asking for the notice period is a review of the spend, a module added
   lowers the risk. */
Test (scoring_reading, risk_paraphrase_families)
{
  read_note ("They are running a pilot with another provider at Jesup.");
  cr_assert (counts ("risk.competitor"), "a pilot with another provider");
  read_note ("Faizel asked what our notice period is.");
  cr_assert (counts ("risk.evaluation"), "the notice period missed");
  read_note ("They added the telematics module in March.");
  cr_assert (counts ("risk.renewed"), "a module added missed");
}

/* Round 129 (seen on blind145 and blind148): personal talk kept "separate
   from work" and plans the buyer "doesn't think about" are turned down; a
   negation that will not "get into" something governs it to the clause's
   end; coffee after a board meeting is no access to the board, and
   batch-cooking a school menu no hobby. */
Test (scoring_reading, kept_separate_and_board_meetings)
{
  read_note ("Thanks for asking about the holidays; I keep that separate "
             "from work, no offence meant.");
  cr_assert (! counts ("compatibility."), "'keep that separate' missed");
  read_note ("Asked Jesus about their plans for the next years; he said he "
             "doesn't think about that.");
  cr_assert (! counts ("knowledge."), "'doesn't think about that' missed");
  read_note ("We didn't get into their expansion plans.");
  cr_assert (! counts ("knowledge."), "'didn't get into' not negated");
  read_note ("Coffee after the board meeting.");
  cr_assert (! counts ("trust."), "a board meeting read as access");
  read_note ("We showed her how batch-cooking the rice closes half of it.");
  cr_assert (! counts ("compatibility."), "batch-cooking read as a hobby");
}

/* Round 130 (seen on blind145 and blind146): "a reliability nut" holds
   reliability ("nut" stands against only after "me": "drives me nuts");
   "linen-hire" is no hiring; a seller "careful with details" holds
   quality and one "on to the next target" stands against partnership. */
Test (scoring_reading, reliability_nuts_and_linen_hire)
{
  read_note ("I'm a reliability nut.");
  cr_assert (counts ("value.reliability") && ! counts ("value_against."),
             "a devotee read as against");
  read_note ("Templates for linen-hire routes.");
  cr_assert (! counts ("value.growth"), "linen-hire read as hiring");
  read_note ("I'm careful with details.");
  cr_assert (counts ("value.quality"), "careful with details missed");
  read_note ("Once the contract's signed I'm on to the next target.");
  cr_assert (counts ("value_against.partnership"), "the next target missed");
}

/* Round 131 (seen on blind146 and blind148): a problem played down ("I
   wouldn't call it trouble", "didn't want to raise it") withholds; a
   rollout in checked batches is methodical. */
Test (scoring_reading, played_down_and_checked_batches)
{
  read_note ("She said she wouldn't call it trouble; everybody is trying "
             "their best, so she didn't want to raise it.");
  cr_assert (counts ("affiliation.withholds"), "a problem played down");
  read_note ("They prefer 300 recipes first, checked by two persons each, "
             "then the next batch.");
  cr_assert (counts ("security.methodical") || counts ("security.detail"),
             "checked batches missed");
}

/* Round 132: 003's hand-off is "a matter of personality", and its
   questions ask for "values and way of doing business". A seller whose
   answers stand against the way of working the buyer's show (000's
   orientations) is handed off even where the business fits and no value
   of hers was read; a seller who shows that way herself is not. */
Test (scoring_reading, ways_of_working_clash_hands_off)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  bool clash_seen = false;

  values_account (
    json_pack ("[s, s]",
               "I want to be in every design meeting and I want it known "
               "that this project was mine.",
               "Growth and being first in the state matter to us."),
    json_pack ("{s:[s]}", "answers",
               "We help ambitious customers grow and put their name on the "
               "launch."),
    json_pack ("{s:[s]}", "answers",
               "I can't stand customers who need the spotlight; I prefer "
               "quiet clients."),
    a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  for (size_t i = 0; i < a->values_fit.evidence.n; i++)
    clash_seen = clash_seen
                 || 0
                      == strncmp (a->values_fit.evidence.items[i].signal,
                                  "ways_clash.", 11);
  cr_assert (clash_seen, "the clash is not in the evidence");
  values_account (
    json_pack ("[s, s]",
               "Regulators audit us every year; whatever we buy has to be "
               "compliant and documented.",
               "Reliability: members expect their money to be there."),
    json_pack ("{s:[s]}", "answers",
               "Compliance and reliability are what we sell."),
    json_pack ("{s:[s]}", "answers",
               "I'm careful and I document everything; my clients never "
               "get surprised at audit time."),
    a);
  cr_assert_neq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF,
                 "a careful seller read as clashing");
  free (a);
}

/* Round 133 (seen on blind145): occupancy that "is down" is no outage;
   "watching costs" and "something you can do for loyal clients" ask for
   a better price; a third wrong invoice is a service problem. */
Test (scoring_reading, occupancy_down_and_loyal_clients)
{
  read_note ("Hotel occupancy is down this season.");
  cr_assert (! counts ("risk.service"), "occupancy read as an outage");
  read_note ("They're watching costs; she asked if there is something you "
             "can do for loyal clients on the renewal.");
  cr_assert (counts ("risk.evaluation"), "an indirect price request missed");
  read_note ("Third wrong lost-linen invoice this quarter.");
  cr_assert (counts ("risk.service"), "a wrong invoice missed");
}

/* Round 134 (seen on blind149): a rollout in stages, one dock at a time,
   stands against speed; a supplier that trains a customer's people until
   they are self-sufficient does not stand against service; customers
   known "by their first name" are partnership. */
Test (scoring_reading, stages_and_self_sufficient)
{
  read_note ("We roll out in stages and measure before and after each.");
  cr_assert (counts ("value_against.speed"), "a staged rollout missed");
  read_note ("We train their people until they're self-sufficient.");
  cr_assert (! counts ("value_against.service"),
             "training to self-sufficiency read as against service");
  read_note ("I like customers I know by their first name.");
  cr_assert (counts ("value.partnership"), "first names missed");
}

/* Round 135 (seen on blind153): "over ten years" spans a time, as "over
   the years" does; it puts nothing second. */
Test (scoring_reading, over_ten_years_is_a_span)
{
  read_note ("Profitability over ten years, not one good spring.");
  cr_assert (counts ("value.partnership"), "'over ten years' put second");
  read_note ("Stability over novelty.");
  cr_assert (! counts ("value.innovation"), "what is put second counted");
}

/* Round 136 (seen on blind152 and blind153): commissions paid to a
   client's staff, refused or asked for, are compliance's; a vendor who
   "knows our names", suppliers kept "for twenty years" are partnership. */
Test (scoring_reading, commissions_and_names)
{
  read_note ("We do not pay commissions to client staff, for any deal.");
  cr_assert (counts ("value.compliance"), "commissions refused missed");
  read_note ("We want a vendor who knows our names.");
  cr_assert (counts ("value.partnership"), "'knows our names' missed");
}

/* Round 137 (seen on blind160): a way of working a seller's answer finds
   boring or hates ("spreadsheets bore me") is one she stands against, as
   a value so named is. */
Test (scoring_reading, ways_stood_against_by_boredom)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (
    json_pack ("[s, s]",
               "We decide with numbers. Every proposal must have data "
               "behind it, to the decimal, in a detailed spreadsheet.",
               "Reliability and profitability."),
    json_pack ("{s:[s]}", "answers",
               "We give retailers reliable data to improve profitability."),
    json_pack ("{s:[s]}", "answers",
               "I go with my gut. Spreadsheets bore me; I like the big "
               "picture and the story."),
    a);
  cr_assert_eq (a->values_fit.recommendation, SCORE_VALUES_HAND_OFF, "%s",
                score_values_rec_name (a->values_fit.recommendation));
  free (a);
}

/* Round 138: one bar for fit. A buyer who shares one of its two
   priorities with a business that holds three (org similarity 0.41) fits
   the business: it is walked away from below the same similarity
   (values.walk_away_below, 0.4) as the seller is handed off below
   (values.proceed_at), no longer below 0.5. */
Test (scoring_reading, half_shared_priorities_fit_the_business)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "Reliability first, then price."),
                  json_pack ("{s:{s:f, s:f, s:f}}", "priorities",
                             "reliability", 1.0, "innovation", 1.0,
                             "compliance", 1.0),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "reliability",
                             1.0, "cost_savings", 1.0),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 139 (seen on blind156): a value skipped by pronoun is stood
   against ("certificates, we'd skip them"), but one the speaker will not
   skip is insisted on: "a security review and documentation; we won't
   skip it". */
Test (scoring_reading, not_skipped_by_pronoun)
{
  const struct score_hit *h;

  read_note ("Every implementation includes a security review and "
             "documentation; we won't skip it.");
  h = hit_of ("value.compliance");
  cr_assert (h && ! h->against && score_hit_counts (fx_tmodel, h),
             "a review not skipped read as skipped");
  cr_assert (read_against ("Audits and certificates, we skip them if we can.",
                           "value.compliance"),
             "a skipped audit read as held");
}

/* Round 139 (seen on blind154 and blind155): "without" after a negator or
   a refusal is a second negation, which insists on what follows it: "we
   never go live without a safety sign-off", "nothing ships without an
   audit", "we refuse to install without a data agreement". */
Test (scoring_reading, never_without_insists)
{
  read_note ("We never go live without a safety sign-off.");
  cr_assert (counts ("value.compliance"), "'never without' read as not held");
  read_note ("Nothing ships without an audit.");
  cr_assert (counts ("value.compliance"), "'nothing without' not held");
  read_note ("We refuse to go live without data-protection sign-off.");
  cr_assert (counts ("value.compliance"), "'refuse without' not held");
  read_note ("We ship without an audit.");
  cr_assert (! counts ("value.compliance"), "'without' alone held");
}

/* Round 139 (seen on blind65 and blind157): a negator before a word that
   evades what follows ("skip", "ignore", "neglect", "bypass") is the
   evasion's, and what it would evade is held: "we don't skip the
   certificates", "we don't ignore regulations". A cue against a value,
   negated, holds the value and stays negated for the values reading:
   "we don't cut corners" was turned back by the loss word in it. */
Test (scoring_reading, evasions_denied_hold_the_value)
{
  const struct score_hit *h;

  read_note ("We don't skip the certificates.");
  cr_assert (counts ("value.compliance"), "a denied skip not held");
  read_note ("We don't ignore regulations.");
  cr_assert (counts ("value.compliance"), "a denied ignore not held");
  cr_assert (read_against ("We ignore regulations.", "value.compliance"),
             "ignored regulations read as held");
  read_note ("We don't cut corners.");
  h = hit_of ("value_against.compliance");
  cr_assert (h && h->negated, "'don't cut corners' read as cutting them");
}

/* Round 140 (seen on blind161 and blind163): small talk turned down by
   keeping "to the subject" or going "straight to the points", and an
   invitation left unanswered, are not rapport; "'eh, we'll see'" with
   the quotation closed after it is a deflection of the plans asked
   about. */
Test (scoring_reading, unanswered_invitations_and_kept_subjects)
{
  const struct score_hit *h;

  read_note ("Email from Jan: 'Received. Thanks.' No reply to the "
             "invitation to our customer dinner.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "an unanswered invitation counted as rapport");
  read_note ("I asked about his holiday; he said 'let's keep to the "
             "subject' and opened the agenda.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "'keep to the subject' did not turn down the holiday");
  read_note ("She said 'let's go straight to the points' when I asked "
             "about the long weekend.");
  cr_assert (! counts ("compatibility."), "'straight to the points' missed");
  read_note ("Every time I raised their plans for next year, he said 'eh, "
             "we'll see' and went back to the boat.");
  h = hit_of ("knowledge.plans");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "'we'll see' read as plans shared");
  read_note ("He replied to the invitation to our customer dinner.");
  cr_assert (counts ("compatibility."), "an answered invitation refused");
}

/* Round 140 (seen on blind164, and blind76, blind86 to blind88): one
   report card is one observation. Its promises-kept and responsiveness
   ratings were two trust items, so one card and one kept promise made
   trust "sustained" (002: sustained performance in a broad spectrum of
   services). */
Test (scoring_reading, one_card_is_one_trust_item)
{
  static const char *const notes[] = {
    "Delivered the six replacement tablets by Friday as promised.", NULL
  };
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  pillar_account (notes,
                  json_pack ("[{s:s, s:s, s:i, s:i, s:{s:i, s:i}}]", "id",
                             "card-1", "contact", "c1", "days_ago", 20,
                             "overall", 4, "ratings", "promises_kept", 4,
                             "responsiveness", 4),
                  json_pack ("[{s:s, s:s, s:i, s:i}]", "id", "cm-1", "status",
                             "kept", "days_ago", 90, "resolved_days_ago", 50),
                  a);
  cr_assert (! a->pillars.pillars[SCORE_PILLAR_TRUST].stands,
             "one card and one kept promise made trust stand (T %.1f)",
             a->pillars.pillars[SCORE_PILLAR_TRUST].score);
  free (a);
}

/* Round 141 (seen on blind168): a negated infinitive ends where an "and"
   brings a relative clause with a verb of its own ("the lessons never to
   drop and a team that fixes things the same day"); "not really for me"
   and "not how I want to spend my time" stand against what precedes
   them, as "not for me" did. */
Test (scoring_reading, own_predicates_and_softened_refusals)
{
  read_note ("We need the lessons never to drop and a team that fixes "
             "things the same day.");
  cr_assert (counts ("value.service"), "the team's fixing read as negated");
  cr_assert (read_against ("Formal clients are not really for me.",
                           "value.compliance"),
             "'not really for me' read as holding");
  cr_assert (read_against (
               "Weeks of joint workshops with a client are not how I want to "
               "spend my time.",
               "value.partnership"),
             "'not how I want' read as holding");
}

/* Round 141 (seen on blind162 and blind164): promises kept are
   reliability ("suppliers who keep their promises", "promises are
   kept"), a seller who will "promise whatever gets the signature" stands
   against it, and going live in weeks is speed. */
Test (scoring_reading, promises_kept_and_weeks_to_live)
{
  read_note ("We want suppliers who keep their promises.");
  cr_assert (counts ("value.reliability"), "kept promises missed");
  read_note ("For us the most important thing is that promises are kept.");
  cr_assert (counts ("value.reliability"), "'promises are kept' missed");
  read_note ("I'll promise whatever gets the signature.");
  cr_assert (counts ("value_against.reliability"), "over-promising missed");
  read_note ("We want to be live in a month.");
  cr_assert (counts ("value.speed"), "'live in a month' missed");
}

/* Round 142 (seen on blind165 and blind166): "not only" and "not merely"
   add, they do not negate ("help us cut the energy, not only report
   it"); "least favourite" stands against what it is said of; sustainability talk that "is PR" is dismissed as "marketing"
   was; and a harm refused ("a festival with no plastic", "no
   emissions") holds sustainability. */
Test (scoring_reading, not_only_least_favourite_and_no_plastic)
{
  read_note ("Not only price matters, service too.");
  cr_assert (counts ("value.cost") && counts ("value.service"),
             "'not only' negated");
  cr_assert (read_against ("Paperwork is my least favourite part.",
                           "value.compliance"),
             "'least favourite' read as holding");
  cr_assert (read_against ("I think most sustainability talk is PR.",
                           "value.sustainability"),
             "'is PR' read as holding");
  read_note ("We want a festival with no plastic.");
  cr_assert (counts ("value.sustainability"), "'no plastic' turned away");
}

/* Round 143 (seen on blind170, and blind17, blind25, blind49 and blind76
   before): an answer that opens by asking itself its topic ("Service?
   We'll live without it if it's cheaper.", "What are our standards? Low
   cost, low effort.") does not hold the topic for asking it; what the
   rest says decides. A question in 003's frame still names its value
   ("What's important to us about profitability? Numbers proven on our
   own data."). */
Test (scoring_reading, a_topic_asked_is_not_held)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s, s]",
                             "Service? We'll live without it if it's "
                             "cheaper.",
                             "What's important to us about profitability? "
                             "Numbers proven on our own data."),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0), a);
  cr_assert_eq (a->values_fit.account_priorities[SCORE_VALUE_SERVICE], 0.0,
                "the topic asked was held (%.2f)",
                a->values_fit.account_priorities[SCORE_VALUE_SERVICE]);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_PROFITABILITY],
                0.0, "003's question no longer named its value");
  free (a);
}

/* Round 143 (seen on blind169 to blind172): candour about one's own
   failures is partnership's honesty ("we publish every incident to the
   client"), a seller who would "rather not lead with problems" stands
   against it; reports "backdated" stand against compliance; "have to look
   at options" and a renewal to "fit the new number" are a supplier under
   review; "until each of them has seen it" solicits others' opinions, and
   the negator before "until" or "unless" does not reach the condition. */
Test (scoring_reading, candour_backdating_and_options)
{
  const struct score_hit *h;

  read_note ("We publish every incident to the client.");
  cr_assert (counts ("value.partnership"), "published incidents missed");
  read_note ("I'd rather not lead with problems.");
  cr_assert (counts ("value_against.partnership"), "'not lead with "
                                                   "problems' missed");
  read_note ("Our reports are timestamped and cannot be backdated.");
  h = hit_of ("value_against.compliance");
  cr_assert (h && h->negated, "reports that cannot be backdated missed");
  read_note ("Amina said she'd need an answer by February or she'll have to "
             "look at options for that part.");
  cr_assert (counts ("risk.evaluation"), "'look at options' missed");
  read_note ("She asked us to help her make the renewal fit the new number.");
  cr_assert (counts ("risk.evaluation"), "'fit the new number' missed");
  read_note ("She won't recommend anything until each of them has seen "
             "it.");
  cr_assert (counts ("security.others_opinion"), "'until each of them' "
                                                 "missed");
  read_note ("We won't sign unless legal reviews it.");
  cr_assert (counts ("security.others_opinion"), "the condition negated");
}

/* Round 144 (seen on blind169 and blind172): a seller who cares for less
   than the buyer does, but for nothing else (her values all held by the
   buyer, or related to what the buyer holds, and no rejection either
   way), is no clash of personality (003) however low the fit: she loves
   "fast-moving customers" where every hour counts to the buyer, who also
   wants service and productivity. */
Test (scoring_reading, a_narrower_seller_is_no_clash)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s, s]",
                             "Every hour counts: saving time is how we define "
                             "productivity.",
                             "We want the phone picked up on the first ring "
                             "and excellent service."),
                  json_pack ("{s:{s:f, s:f, s:f}}", "priorities",
                             "time_savings", 1.0, "productivity", 1.0,
                             "service", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "speed", 1.0), a);
  cr_assert_lt (a->values_fit.score_owner, 0.4, "owner fit %.2f",
                a->values_fit.score_owner);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 145 (seen on blind172): a notice that says its mail is "for
   information only" and speaks to anyone "not the intended recipient" is
   a disclaimer, and what it guarantees is no buyer's wish. */
Test (scoring_reading, intended_recipient_notice_is_a_disclaimer)
{
  static const char *const phrases[] = { "Coverage is guaranteed only", NULL };

  assert_aside ("See attached, as requested for the conversion test.\n"
                "\n"
                "This communication is for information only and does not "
                "alter, amend or extend the coverage afforded by any policy. "
                "Coverage is guaranteed only as stated in the policy forms. "
                "If you are not the intended recipient, please delete this "
                "message.\n",
                SCORE_BOILER_DISCLAIMER, phrases);
}

/* Round 145 (seen on blind172): a dip accepted for a longer gain is risk
   taken for the organization (Actualization), not a wish to avoid risk;
   a buyer who "will design this one" herself wants control (Power). */
Test (scoring_reading, a_dip_accepted_and_a_design_kept)
{
  read_note ("She accepted a two-month dip in adjuster productivity to get "
             "the new workflow in.");
  cr_assert (counts ("actualization.takes_risks"), "the accepted dip missed");
  read_note ("She said the firm's long-term position matters more than one "
             "quarter's numbers.");
  cr_assert (counts ("actualization.org_first"), "the firm first missed");
  read_note ("Thandeka: I designed the current process and I will design "
             "this one.");
  cr_assert (counts ("power.involvement"), "'I will design' missed");
}

/* Round 146 (seen on blind176): a pet by breed is personal talk; "let's
   not waste your time or mine" turns the holiday down; a shrug before the
   answer deflects the plans asked about; and a relative named for the
   work he does ("the owner's son who runs finance") is a role, not
   personal talk. */
Test (scoring_reading, breeds_shrugs_and_kin_at_work)
{
  const struct score_hit *h;

  read_note ("Ashley: did u survive the parade?? Biscuit (greyhound) was "
             "terrified of the confetti lol");
  cr_assert (counts ("compatibility."), "the greyhound and the parade missed");
  read_note ("I asked about his holiday; he said 'Let's not waste your time "
             "or mine' and opened the agenda.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "'let's not waste your time' did not turn the holiday down");
  read_note ("Asked about plans for next year; he shrugged, 'we'll see what "
             "the brands send'.");
  h = hit_of ("knowledge.plans");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "the shrug missed");
  read_note ("He introduced us to the owner's son who runs finance.");
  cr_assert (! counts ("compatibility."), "a son who runs finance read as "
                                          "personal talk");
  read_note ("We talked about her son who is at university.");
  cr_assert (counts ("compatibility."), "a son at university not personal");
}

/* Round 147 (seen on blind173 to blind175): what "feels like chaos",
   "feels like marketing" or "feels like wasted time" to the speaker is
   stood against; the hard conversation is partnership's honesty, stood
   against by a seller who would "rather avoid uncomfortable
   conversations" and held by suppliers "not afraid of difficult
   conversations" (the negator denies the fear, not the value). */
Test (scoring_reading, chores_and_hard_conversations)
{
  cr_assert (read_against ("Growth projects feel like chaos to me.",
                           "value.growth"),
             "'feel like chaos' read as holding");
  cr_assert (
    read_against ("All the sustainability talk feels like marketing to me.",
                  "value.sustainability"),
    "'feels like marketing' read as holding");
  read_note ("Our new process feels like a win.");
  cr_assert (counts ("power.results"), "'feels like a win' turned against");
  cr_assert (
    read_against ("Dana would rather avoid uncomfortable conversations with "
                  "customers.",
                  "value.partnership"),
    "avoided hard conversations read as held");
  read_note ("We value suppliers who are not afraid of difficult "
             "conversations.");
  cr_assert (counts ("value.partnership"), "'not afraid of' negated");
}

/* Round 148 (seen on blind173): time lost refused right before its words
   ("no re-keying", "without waiting") holds time savings for whoever says
   it, where a business's "no re-keying" stood against it; a record
   "correct to the last detail, every time" is quality and reliability. */
Test (scoring_reading, time_lost_refused_and_every_time)
{
  read_note ("Automatic room assignment, mobile check-in, no re-keying.");
  cr_assert (counts ("value.time"), "'no re-keying' read as negated time");
  read_note ("Every reservation correct to the last detail, every time.");
  cr_assert (counts ("value.quality") && counts ("value.reliability"),
             "'to the last detail, every time' missed");
}

/* Round 149 (seen on blind180): what a buyer "joked" is not a fact:
   "Sabine joked that switching LIMS would be 'a good way to retire
   early'" names no competitor and no departure, where "I like jokes" in
   a seller's values answer is still read. */
Test (scoring_reading, a_joke_is_not_a_fact)
{
  read_note ("Sabine joked that switching LIMS would be 'a good way to "
             "retire early'. Nothing behind it.");
  cr_assert (! counts ("risk."), "a joke read as a risk");
  read_note ("Sabine said switching LIMS is on the table next year.");
  cr_assert (counts ("risk.competitor"), "a switch said in earnest missed");
}

/* Round 150 (seen on blind178): going "at the school's pace", "as long as
   it takes", is patience, against speed, where "pace" alone read as
   speed. */
Test (scoring_reading, at_the_customers_pace)
{
  const struct score_hit *h;

  read_note ("We build long partnerships with schools and we go at the "
             "school's pace.");
  h = hit_of ("value_against.speed");
  cr_assert (h && score_hit_counts (fx_tmodel, h), "'at the pace' missed");
  cr_assert (! counts ("value.speed"), "'pace' read as speed");
}

/* Round 151 (seen on blind181 to blind183): "we're used to committee
   decisions" is accustomed, not a habit that stopped, as "are used to"
   already was; "legally sound waivers" is an adverb, not the legal
   department speaking; a value named as what a cue against it acts on
   ("backdate protocol entries", "cut corners on quality") is stood
   against, not held; "I prefer a quick chat to formal minutes" and
   "quick deals over long partnerships" put what follows second. */
Test (scoring_reading, accustomed_adverbs_objects_and_preferences)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  const struct score_hit *h;

  read_note ("We're used to committee decisions and support consensus-based "
             "buying.");
  h = hit_of ("value.partnership");
  cr_assert (h && ! (h->reasons & SCORE_READ_PAST),
             "'we're used to' read as a past habit");
  read_note ("Our CFO used to insist on audits.");
  h = hit_of ("value.compliance");
  cr_assert (h && (h->reasons & SCORE_READ_PAST), "'used to' lost");
  read_note ("Legally sound waivers and audit-ready storage are what we do.");
  h = hit_of ("value.compliance");
  cr_assert (h && ! (h->reasons & SCORE_READ_THIRD_PARTY),
             "'legally' read as the legal team");
  cr_assert (read_against ("I prefer a quick chat to formal minutes.",
                           "value.compliance")
               || (hit_of ("value.compliance")
                   && hit_of ("value.compliance")->negated),
             "'prefer X to formal minutes' held compliance");
  read_note ("I prefer customers to move fast.");
  cr_assert (counts ("value.speed"), "'prefer customers to move fast' "
                                     "put speed second");
  read_note ("I prefer quick deals over long partnerships.");
  cr_assert (! counts ("value.partnership"), "'over long partnerships' read "
                                             "as a time span");
  read_note ("Traceability, built with exporters over long partnerships.");
  cr_assert (counts ("value.partnership"), "a time span put second");
  values_account (json_pack ("[s]", "We need the system to let us backdate "
                                    "protocol entries when it's convenient."),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0), a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_COMPLIANCE], 0.0,
                "backdating protocol entries not stood against");
  cr_assert_float_eq (a->values_fit.account_priorities[SCORE_VALUE_COMPLIANCE],
                      0.0, 1e-9,
                      "the protocol entries backdated read as held");
  free (a);
}

/* Round 151, its words: minutes kept of a meeting are a record, not time;
   "flexibility with the rules" stands against compliance; legal aid is
   giving, not law; an expedition is not expediting, nor a double-booked
   guide growth. */
Test (scoring_reading, minutes_rules_and_expeditions)
{
  read_note ("We want formal meetings and written minutes.");
  cr_assert (! counts ("value.time"), "meeting minutes read as time");
  cr_assert (read_against ("Flexibility with the rules is what we value "
                           "most.",
                           "value_against.compliance")
               || counts ("value_against.compliance"),
             "'flexibility with the rules' missed");
  cr_assert (! counts ("value.compliance"), "the rules read as held");
  read_note ("We give staff volunteer days to legal-aid clinics.");
  cr_assert (counts ("value.sustainability") && ! counts ("value.compliance"),
             "legal aid read as law");
  read_note ("No double-booked guides; each mistake costs an expedition's "
             "margin.");
  cr_assert (! counts ("value.speed") && ! counts ("value.growth"),
             "an expedition or a double booking read as a value");
  read_note ("We want to double our revenue in three years.");
  cr_assert (counts ("value.growth"), "'double our revenue' missed");
}

/* Round 152 (seen on blind185 to blind188): a personal question turned
   aside ("I'd rather use the time on the surcharge", "I don't really talk
   about home at work", "thank you, let us start", "let us focus on the
   agenda", "next item, please") and a plan passed up ("above my pay grade") are declined; "no
   small talk" says the relationship stops at business; a "camp network"
   and "families on monthly plans" are customers, not personal talk. */
Test (scoring_reading, personal_talk_turned_aside)
{
  static const char *const asides[] = {
    "Rep: How was Thanksgiving? Did the family make it out?\nLinda: I'd "
    "rather use the time on the drought surcharge, if that's OK.",
    "Asked about his holiday; he said 'I don't really talk about home at "
    "work' and moved on.",
    "I asked about his weekend; he said 'thank you, let us start', as "
    "always.",
    "Asked how the holiday was; she said 'thank you, let us focus on the "
    "agenda please'.",
    "Rep: Any plans for Christmas?\nHanne: Next item, please.",
    NULL
  };
  const struct score_hit *h;

  for (size_t i = 0; NULL != asides[i]; i++)
  {
    read_note (asides[i]);
    h = hit_of ("compatibility.personal");
    cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "not declined: %s",
               asides[i]);
  }
  read_note ("Asked about his weekend; he said 'great, let's start with the "
             "golf'.");
  cr_assert (counts ("compatibility.personal"), "golf talk declined");
  read_note ("Asked about their plans for the pipeline extension; he said "
             "'above my pay grade, mate, just keep it all running'.");
  h = hit_of ("knowledge.plans");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "pay grade answered");
  read_note ("Forty minutes on the dot, no small talk.");
  cr_assert (counts ("compatibility.negative"), "'no small talk' missed");
  read_note ("We showed him numbers from three camp networks: families on "
             "monthly plans cancel half as often.");
  cr_assert (! counts ("compatibility."), "customers read as personal talk");
  read_note ("Weekend at Anders' lake house with both families again.");
  cr_assert (counts ("compatibility.personal"), "both families missed");
}

/* Round 153 (seen on blind185): an aside set off by commas ("The price,
   honestly, is not so important") does not end the clause its negation
   reaches back over; what "wastes my time" before it is stood against;
   a business that will not "hold your data hostage" holds partnership's
   openness, a seller "keeping my cards close" stands against it, and
   "I never show a client" is no no-show. */
Test (scoring_reading, asides_wasted_time_and_openness)
{
  const struct score_hit *h;

  read_note ("The price, honestly, is not so important for us.");
  h = hit_of ("value.cost");
  cr_assert (h && h->negated, "the aside ended the negation's reach");
  read_note ("Quality, honestly, matters most.");
  cr_assert (counts ("value.quality"), "an aside negated its clause");
  cr_assert (read_against ("Committees and long consensus processes waste my "
                           "time.",
                           "value.partnership"),
             "what wastes my time read as held");
  read_note ("What we won't do: hold your data hostage or bury fees in the "
             "fine print.");
  h = hit_of ("value_against.partnership");
  cr_assert (h && h->negated, "data held hostage missed");
  read_note ("I never show a client my margins and I enjoy keeping my cards "
             "close.");
  cr_assert (! counts ("value.reliability") && ! counts ("risk."),
             "'never show a client' read as a no-show");
  cr_assert (counts ("value_against.partnership"), "cards kept close missed");
  read_note ("The technician was a no-show again.");
  cr_assert (counts ("risk.service"), "a no-show missed");
}

/* Round 154 (seen on blind186): in the writer's own note, a quotation
   someone else says is theirs: "she said 'I need it in writing'" and
   "Dana: 'our new CFO keeps asking ...'" speak for the buyer, not the
   seller; "I told her 'our team will fix it'" stays ours, and so does a
   colleague who is none of the call's contacts ("Jess's notes: 'I always
   took a cautious approach'"). */
Test (scoring_reading, quoted_words_are_the_speakers)
{
  const struct score_hit *h;

  read_note ("She said 'I need it in writing before we sign'.");
  h = hit_of ("security.guarantee");
  cr_assert (h && ! (h->reasons & SCORE_READ_SELLER_SELF),
             "the buyer's quoted 'I' read as the seller's");
  read_note ("Dana (Dir Planning): 'our new CFO keeps asking whether we pay "
             "too much.'");
  h = hit_of ("risk.new_dm");
  cr_assert (h && ! (h->reasons & SCORE_READ_OUR_SIDE),
             "the buyer's quoted 'our' read as ours");
  read_note ("I told her 'our team will fix it'.");
  h = hit_of ("seller.recovery");
  cr_assert (h && (h->reasons & SCORE_READ_OUR_SIDE), "our own quote lost");
  read_note ("Hand-over. Jess's notes: 'I always took a cautious, detailed "
             "approach.'");
  h = hit_of ("security.risk_averse");
  cr_assert (h && (h->reasons & SCORE_READ_SELLER_SELF),
             "a colleague's quoted 'I' read as the buyer's");
}

/* Round 154, its words: a buyer asking for the data export is preparing
   to leave, one whose CFO asks "whether we're paying what other brands
   our size pay" benchmarks the price, a rival that "gave a full demo"
   there is in; an export offered in a business's values is openness,
   not growth. */
Test (scoring_reading, leaving_signals)
{
  read_note ("Delta's compliance officer asked how long the data export "
             "would take.");
  cr_assert (counts ("risk.evaluation"), "the data export missed");
  read_note ("Her CFO keeps asking whether they're paying what other brands "
             "their size pay.");
  cr_assert (counts ("risk.evaluation"), "price benchmarking missed");
  read_note ("Heard from a factory contact that Corvid gave a full demo at "
             "Delta last month.");
  cr_assert (counts ("risk.competitor"), "a rival's demo missed");
  read_note ("Open data export at any time.");
  cr_assert (counts ("value.partnership") && ! counts ("value.growth"),
             "a data export read as growth");
}

/* Round 155 (seen on blind189 to blind191): a clause that opens with a
   contrasting "not" after a comma ("for planners on the floor, not for
   executives: fewer screens, faster plans") negates its own words, not
   the list after it; what "loses us" before it is stood against, where
   the truth "even when it loses me a sale" is not; "exactly" is no
   "exacting", a figure "right to the cent" is accuracy, a month-end that
   "has to be boring" reliability. */
Test (scoring_reading, contrasts_losses_and_accuracy)
{
  read_note ("We build for planners on the floor, not for executives: fewer "
             "screens, faster plans.");
  cr_assert (counts ("value.speed"), "the contrast negated the list after it");
  read_note ("What we won't do: sell you a module, hold your data hostage.");
  cr_assert (! counts ("value_against.partnership"),
             "a refused list lost its negation");
  cr_assert (read_against ("A supplier who pushes for a quick signature "
                           "loses us.",
                           "value.speed"),
             "what loses us read as held");
  read_note ("I tell clients the truth even when it loses me a sale.");
  cr_assert (counts ("value.partnership"), "a concession read as a loss");
  read_note ("I like showing a client exactly what they saved.");
  cr_assert (! counts ("value.quality") && counts ("value.cost"),
             "'exactly' read as exacting");
  read_note ("Every excise figure has to be right to the cent, and the last "
             "day of the month has to be boring.");
  cr_assert (counts ("value.quality") && counts ("value.reliability"),
             "accuracy or a boring month-end missed");
}

/* Round 156 (seen on blind189 to blind194): "let's leave that" turns a
   personal question aside, as "let us start" does written either way; a
   plan passed up with "she doesn't get involved in that side" is
   declined; "the operating theatres" are no evening out; a mail that
   opens "Verónica Salas (administración) wrote:" over "> " lines is her
   message, read, not an earlier thread set aside; "the idea you shared
   ... is very good" and "next year we want to enter the public works"
   are insight taken and plans shared. */
Test (scoring_reading, asides_banners_and_plans)
{
  const struct score_hit *h;

  read_note ("I asked about his holiday; he said 'let's leave that, we have "
             "45 minutes' and opened the agenda.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "'let's leave that'");
  read_note ("Asked about his weekend, he said 'let's start'.");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED), "'let's start'");
  read_note ("Asked again about her plans for the remodel; she said she "
             "doesn't get involved in that side.");
  h = hit_of ("knowledge.plans");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "'doesn't get involved'");
  read_note ("We must decide how to handle the operating theatres first.");
  cr_assert (! counts ("compatibility."), "operating theatres as a night out");
  read_note ("Dana Ruiz (administración, Salas Ingenieros) wrote:\n> Thank "
             "you for the lunch, it was very nice to talk about my "
             "daughter's university.\n> The idea you shared is very good. "
             "Next year we want to enter the public works.");
  cr_assert (counts ("compatibility.personal"),
             "the quoted message set aside");
  cr_assert (counts ("knowledge.insight") && counts ("knowledge.plans"),
             "insight taken or plans shared missed");
}

/* Round 157 (seen on blind195 to blind198): a charge refused ("no setup
   fees") holds money saved, where "no discounts" still refuses the cheap
   deal; what "kills me" and what is "overdone" are stood against or
   waved off; a buyer told not to ("Please don't take me to dinner")
   turns it away; figures "adjusted a little so the covenants look fine"
   stand against compliance. */
Test (scoring_reading, charges_refused_and_things_told_not_to)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("We run lean nonprofit pricing: only the modules you use, no "
             "setup fees.");
  cr_assert (counts ("value.cost"), "a refused charge read as negated");
  read_note ("No discounts, ever.");
  cr_assert (! counts ("value.cost"), "a refused discount read as held");
  cr_assert (read_against ("Paperwork and committees kill me.",
                           "value.compliance"),
             "what kills me read as held");
  read_note ("To be honest I think the green stuff is overdone.");
  cr_assert (! counts ("value.sustainability"), "'overdone' held the value");
  read_note ("We need the reports adjusted a little so the covenants look "
             "fine.");
  cr_assert (counts ("value_against.compliance"), "adjusted figures missed");
  values_account (json_pack ("[s]", "Please don't take me to dinner; it "
                                    "wastes both our evenings."),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_PARTNERSHIP], 0.0,
                "a dinner the buyer told us not to offer was not turned away");
  free (a);
}

/* Round 158 (seen on blind199 and blind200): "train their teams until
   they no longer need us" is a goal, not a habit that stopped; a Spanish
   "no" before its verb ("La innovación no es relevante para nosotros")
   reaches back to its subject as "not" does; a business that publishes
   its roadmap and seats clients on its product council is open. */
Test (scoring_reading, goals_spanish_negation_and_roadmaps)
{
  const struct score_hit *h;

  read_note ("We work with customers for years and train their teams until "
             "they no longer need us.");
  h = hit_of ("value.partnership");
  cr_assert (h && ! (h->reasons & SCORE_READ_PAST), "a goal read as past");
  read_note ("La innovación no es relevante para nosotros.");
  h = hit_of ("value.innovation");
  cr_assert (h && h->negated, "'no es relevante' did not negate");
  read_note ("We publish our roadmap, including what we've dropped, and our "
             "clients sit on our product council.");
  cr_assert (counts ("value.partnership"), "an open roadmap missed");
}

/* Round 159 (seen on blind201 to blind208): "formally" is not "a
   formality" (one stem), so it waves nothing away; and a buyer who turns
   a way of working away ("we don't like people who chase the
   limelight") clashes with a seller who shows it, as a seller who turns
   away the buyer's way does, where a buyer's mere denial ("innovation
   is not relevant to us") turns nothing away. */
Test (scoring_reading, formally_and_buyers_who_turn_a_way_away)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("We write to the council formally and keep strict quality "
             "checks on every batch.");
  cr_assert (counts ("value.quality"), "'formally' waved quality away");
  read_note ("We publish our known issues on the status page.");
  cr_assert (counts ("value.partnership"), "published known issues missed");
  read_note ("The customer is always right and I keep the peace.");
  cr_assert (counts ("value_against.partnership"),
             "'the customer is always right' missed");
  read_note ("Green stuff is a distraction to me.");
  cr_assert (! counts ("value.sustainability"), "a distraction read as held");
  values_account (json_pack ("[s]", "We are not interested in discounts."),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0), a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_COST_SAVINGS], 0.0,
                "'not interested in discounts' turned nothing away");
  values_account (json_pack ("[s, s]",
                             "We win as one crew. Credit is shared and we "
                             "don't like people who chase the limelight.",
                             "Service and productivity."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "service", 1.0,
                             "productivity", 0.9),
                  json_pack ("{s:[s]}", "answers",
                             "I want to be seen as the one who won the "
                             "account; recognition drives me."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  values_account (json_pack ("[s, s]",
                             "Innovation is not relevant to us; we need "
                             "records that are right every single day.",
                             "Reliability and compliance."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "reliability",
                             1.0, "compliance", 0.9),
                  json_pack ("{s:[s]}", "answers",
                             "I'm careful and I like clients who want "
                             "things done properly."),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 159: what both stand against is common ground when the buyer
   holds nothing else. A board that "won't rush" beside a business that
   "never rushes a client" is no misfit with the business. */
Test (scoring_reading, shared_refusals_are_common_ground)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "The board decides slowly and we won't "
                                    "rush it for anyone."),
                  json_pack ("{s:[s]}", "answers",
                             "We never rush a client; every decision takes "
                             "the time it needs."),
                  json_pack ("{s:[s]}", "answers",
                             "I never rush a client either."),
                  a);
  cr_assert_gt (a->values_fit.score_organization, 0.5, "org %.2f",
                a->values_fit.score_organization);
  cr_assert_neq (a->values_fit.recommendation, SCORE_VALUES_WALK_AWAY);
  free (a);
}

/* Round 160 (seen on blind201 to blind208): Security in a buyer's own
   steps (sending the proposal to others and speaking again "when both of
   them are comfortable", proof "on our own data" before signing, a trial
   on "the two small tanks, only these"); "let's stay with the agenda"
   turns small talk down as "stick to" does; insight the rep offers in a
   question that the next turn answers "No" is turned down; a Spanish
   "no sé" passes a question on. */
Test (scoring_reading, own_steps_agenda_offers_and_no_se)
{
  const struct score_hit *h;

  read_note ("Dana will send your proposal to our auditor and the plant "
             "manager, and we speak again when both of them are "
             "comfortable.");
  cr_assert (counts ("security.others_opinion"), "others' views missed");
  read_note ("Dana wants to see the trail on our own data before she signs "
             "anything, and we try it on the two small lines, only these.");
  cr_assert (counts ("security.documentation"), "proof on own data missed");
  cr_assert (counts ("security.methodical"), "a small trial missed");
  read_note ("Asked about her holiday; she: 'Let's stay with the agenda, "
             "please.'");
  h = hit_of ("compatibility.personal");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "'stay with the agenda' did not turn the holiday down");
  read_note ("Rep: Could I walk you through what the new duty rules mean "
             "for your volumes next year?\n"
             "Dana Ruiz: No, the accountant does all that.\n");
  h = hit_of ("knowledge.insight");
  cr_assert (h && (h->reasons & SCORE_READ_DECLINED),
             "an offer answered 'No' read as insight shared");
  read_note ("Rep: Could I walk you through what the new duty rules mean "
             "for your volumes next year?\n"
             "Dana Ruiz: Yes please, that would help a lot.\n");
  h = hit_of ("knowledge.insight");
  cr_assert (h && ! (h->reasons & SCORE_READ_DECLINED),
             "an offer taken up read as turned down");
  read_note ("I asked about their plans for the new warehouse; Dana said "
             "'eso lo ve el consejo, no sé nada'.");
  h = hit_of ("knowledge.plans");
  cr_assert (! h || (h->reasons & SCORE_READ_DECLINED),
             "'no sé' read as plans shared");
}

/* Round 161 (seen on blind209 to blind216): traits 000 sets against each
   other clash in values answers though neither side stands against the
   other's word: a buyer who wants to be told bluntly when they are wrong
   beside a seller who avoids conflict is a matter of personality (003's
   hand-off); the same seller beside a buyer who wants none of it is
   not. */
Test (scoring_reading, opposed_traits_clash)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  json_t *owner = json_pack ("{s:[s]}", "answers",
                             "I'm a gentle person and I avoid conflict with "
                             "clients at all costs.");

  values_account (json_pack ("[s, s]",
                             "We want a supplier who argues with us when "
                             "we're wrong, honestly and openly.",
                             "Reliability and service."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "reliability",
                             1.0, "service", 0.9),
                  json_incref (owner), a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  values_account (json_pack ("[s, s]",
                             "We want a supplier we can rely on every day.",
                             "Reliability and service."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "reliability",
                             1.0, "service", 0.9),
                  owner, a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 161: a negator past a word that opens a clause of its own is
   that clause's ("someone helps us when it doesn't"); a negated clause
   that names its value before a colon opens no list of refusals ("We do
   not cut corners: every implementation follows a full method"). */
Test (scoring_reading, clauses_after_when_and_colons_that_explain)
{
  read_note ("We need the alert to reach every branch, and someone who "
             "helps us when it doesn't.");
  cr_assert (counts ("value.service"), "'when it doesn't' negated the help");
  read_note ("We do not cut corners: every implementation follows a "
             "methodical plan with testing at each stage.");
  cr_assert (counts ("value.quality"), "an explanation read as a refusal");
}

/* Round 162 (seen on blind209 to blind216): a buyer "happy to try a new
   way, even if it is a little risky" takes the risk, where "risky" alone
   reads as risk to avoid. */
Test (scoring_reading, a_little_risky_is_taken)
{
  read_note ("If you can improve it, Dana is happy to try a new way, even "
             "if it is a little risky.");
  cr_assert (counts ("actualization.takes_risks"), "taking a risk missed");
  cr_assert (! counts ("security.risk_averse"), "'a little risky' avoided");
}

/* Round 163: a seller's way with clients in her own words ("new faces",
   "I get restless", "manage what they hear") stands against what a
   buyer who wants one contact for years, and every figure, holds. */
Test (scoring_reading, sellers_restless_and_managed_news)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("I like new faces; after a year with one client I get "
             "restless.");
  cr_assert (counts ("value_against.partnership"), "restlessness missed");
  values_account (json_pack ("[s, s]",
                             "We want the same contact for ten years and "
                             "full transparency on every figure.",
                             "Partnership and service."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "partnership",
                             1.0, "service", 0.9),
                  json_pack ("{s:[s]}", "answers",
                             "Clients are better off not seeing everything; "
                             "I manage what they hear."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Round 164: a failing of a value that the buyer hates ("breakdowns on
   the line drive me crazy") holds the value, as "no breakdowns" does; it is
   not stood against. And what a concession sets aside ("whatever the
   carbon footprint", "regardless of the rules") is stood against: a buyer
   after the cheapest kit whatever the carbon footprint does not suit a
   business built on saving energy, and a business that tests everything
   whatever the deadline pressure does not hold speed. */
Test (scoring_reading, hated_failings_and_concessions)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "Breakdowns on the line drive me crazy."),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "reliability", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_RELIABILITY], 0.0,
                "a hated failing read as standing against reliability");
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s]", "Give us the cheapest units you have, "
                                    "whatever the carbon footprint."),
                  json_pack ("{s:[s]}", "answers",
                             "We only sell low-power units; cutting energy "
                             "use and emissions is why we exist."),
                  json_pack ("{s:{s:f}}", "priorities", "cost_savings", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_SUSTAINABILITY], 0.0,
                "the footprint set aside not stood against");
  assert_recommendation (a, SCORE_VALUES_WALK_AWAY);
  values_account (json_pack ("[s]", "Do it properly, even if it takes "
                                    "longer. No shortcuts."),
                  json_pack ("{s:[s]}", "answers",
                             "Every rollout meets our quality standard, "
                             "regardless of the deadline pressure."),
                  json_pack ("{s:{s:f}}", "priorities", "quality", 1.0), a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 164: what a business negates inside a condition ("we tell you
   when one isn't profitable") is what it does in that case, not a value
   it stands against. */
Test (scoring_reading, negations_in_a_condition)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "Every module has to pay for itself; "
                                    "margins are what we watch."),
                  json_pack ("{s:[s]}", "answers",
                             "We report the margin of each module monthly "
                             "and tell you when one isn't profitable."),
                  json_pack ("{s:{s:f}}", "priorities", "profitability", 1.0),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  free (a);
}

/* Round 165: 000's loyalty is 003's partnership: a business that keeps
   "the same crews on each plant year after year" suits a buyer who wants
   a supplier that stays. A buyer who wants gentle people beside a seller
   who is blunt in front of the whole room clash in personality (000's
   assertive Power customer, the Affiliator who avoids conflict), and so
   does a buyer who runs weekly KPI reviews beside a seller they "stress
   out": a clash that strong hands off whatever the values shared. */
Test (scoring_reading, loyalty_partnership_and_strong_clashes)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "We want a supplier that stays with us "
                                    "and knows our plants."),
                  json_pack ("{s:[s]}", "answers",
                             "We keep the same crews on each plant year "
                             "after year."),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s, s]",
                             "We want gentle, friendly people around our "
                             "team.",
                             "Partnership and reliability matter most."),
                  json_pack ("{s:{s:f, s:f}}", "priorities", "partnership",
                             1.0, "reliability", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "I'm blunt. When a client's team gets it wrong "
                             "I say so in front of everyone, and I'm a "
                             "partner for the long run."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  values_account (json_pack ("[s]", "Every supplier sits through a weekly "
                                    "KPI review with us."),
                  json_pack ("{s:{s:f}}", "priorities", "productivity", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "Weekly KPI reviews stress me out; I prefer to "
                             "judge a client by the overall relationship."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Round 166: in a values answer a plan of the party's own is what it
   values ("we plan to double our output"), not a supposition; the
   Actualizer's open dealing is partnership when the answer names no
   value ("we say it straight when a project is slipping"); and buying
   "spot" with "no contracts" stands against partnership. */
Test (scoring_reading, plans_open_dealing_and_spot_buying)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  values_account (json_pack ("[s]", "We plan to double our output in two "
                                    "years."),
                  json_pack ("{s:[s]}", "answers",
                             "Our machines lift output per shift; that is "
                             "what we sell."),
                  json_pack ("{s:{s:f}}", "priorities", "productivity", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_priorities[SCORE_VALUE_PRODUCTIVITY],
                0.0, "a plan read as a supposition");
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s]", "We want a supplier who is open with us "
                                    "about problems."),
                  json_pack ("{s:[s]}", "answers",
                             "We say it straight when a project is "
                             "slipping."),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s]", "We buy spot, no contracts."),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "partnership", 1.0),
                  a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_PARTNERSHIP], 0.0,
                "spot buying not read against partnership");
  assert_recommendation (a, SCORE_VALUES_WALK_AWAY);
  free (a);
}

/* Round 167 (seen on blind225 to blind227): "over" that completes a verb
   puts nothing second ("hand over test certificates"); a hyphened "no-"
   is a compound, not a negator opening the list after its colon ("the
   budget, no-frills choice: fast setup"); "we don't pay for" and "I
   don't do" turn away what follows; "wear me out" and "unproductive"
   stand against what they are said of. */
Test (scoring_reading, handing_over_compounds_and_refusals)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("Every supplier has to hand over test certificates.");
  cr_assert (counts ("value.compliance"), "'hand over' put the value second");
  read_note ("We are the budget, no-frills choice: fast setup.");
  cr_assert (counts ("value.speed"), "a no-frills colon read as a refusal");
  values_account (json_pack ("[s]", "We don't pay for maintenance "
                                    "contracts."),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0), a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_SERVICE], 0.0,
                "'don't pay for' not a refusal");
  assert_recommendation (a, SCORE_VALUES_WALK_AWAY);
  values_account (json_pack ("[s]", "We want the supplier's people on "
                                    "site, visiting us every month."),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "Site visits are unproductive, I find; I "
                             "work by email."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Round 168 (seen on blind219 to blind231): the personal side in its
   everyday words (a mother asked after, a regatta, a sore knee) is
   compatibility; a parent company and a company's anniversary are not. */
Test (scoring_reading, family_and_weekend_talk)
{
  read_note ("Opened with her regatta on Saturday; she asked after my "
             "mother.");
  cr_assert (counts ("compatibility.personal"), "family talk missed");
  read_note ("Hope the knee's better after the half marathon!");
  cr_assert (counts ("compatibility.personal"), "weekend talk missed");
  read_note ("Their parent company may consolidate two sites; sent a card "
             "for the company's anniversary.");
  cr_assert (! counts ("compatibility.personal"),
             "a parent company read as family");
}

/* Round 169 (seen on blind233 to blind240): "more than" before a number
   is a quantity, not one thing put before another ("clients with me for
   more than ten years" holds partnership); "audits don't worry me" is
   at ease with compliance, not against it; a seller who protects her
   weekends and takes no work calls after six stands against service. */
Test (scoring_reading, quantities_ease_and_protected_evenings)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("We keep clients for more than ten years.");
  cr_assert (counts ("value.partnership"), "a quantity read as second");
  values_account (json_pack ("[s]", "Every supplier of ours is audited "
                                    "twice a year; compliance comes first."),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "Audits don't worry me, and never have."),
                  a);
  assert_recommendation (a, SCORE_VALUES_PROCEED);
  values_account (json_pack ("[s]", "We call our suppliers at all hours "
                                    "and expect an answer."),
                  json_pack ("{s:{s:f}}", "priorities", "service", 1.0),
                  json_pack ("{s:[s]}", "answers",
                             "I protect my weekends and don't take work "
                             "calls after six."),
                  a);
  assert_recommendation (a, SCORE_VALUES_HAND_OFF);
  free (a);
}

/* Round 170 (seen on blind241 to blind248): a process "built around
   procurement and records rules" keeps the rules; only finding "ways
   around procurement" stands against compliance. */
Test (scoring_reading, built_around_and_ways_around)
{
  read_note ("Our process is built around procurement and records rules.");
  cr_assert (! counts ("value_against.compliance"),
             "'built around procurement' read as evading it");
  read_note ("I find creative ways around procurement.");
  cr_assert (counts ("value_against.compliance"),
             "'ways around procurement' missed");
}

/* Round 171 (seen on blind245): what a party says takes "too long" or is
   "too expensive" for it, it stands against ("certification takes too
   long"), while the complaint itself still holds speed ("it takes too
   long"). */
Test (scoring_reading, too_long_and_too_expensive)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));

  read_note ("It takes too long.");
  cr_assert (counts ("value.speed"), "a complaint of slowness lost");
  values_account (json_pack ("[s]", "Certification takes too long; we use "
                                    "whoever is free."),
                  json_pack ("{s:[s]}", "answers",
                             "We only send certified interpreters."),
                  json_pack ("{s:{s:f}}", "priorities", "compliance", 1.0), a);
  cr_assert_gt (a->values_fit.account_against[SCORE_VALUE_COMPLIANCE], 0.0,
                "'takes too long' not read against what it is said of");
  assert_recommendation (a, SCORE_VALUES_WALK_AWAY);
  free (a);
}
