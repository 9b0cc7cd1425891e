/**
 * @file test_http_buying_team.c
 * @brief The buying team of an assessment: any contact of an account can
 *        be assessed, however many the account has; an account assessment
 *        says when its buying team was capped; and a name that fills the
 *        engine's name field to the last byte is cut between characters,
 *        never inside one, so its contact stays in the buying team.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct th_org org;

/** Makes the test's organization. */
static void
setup (void)
{
  th_org_new (&org);
}

TestSuite (buying_team, .init = setup, .timeout = 120);

/** The member of the buying team in @a r with @a contact_id, or NULL. */
static json_t *
member (const struct th_resp *r, const char *contact_id)
{
  json_t *team = json_object_get (json_object_get (r->json, "orientation"),
                                  "buying_team");
  size_t i;
  json_t *m;

  json_array_foreach (
    team, i, m) if (0
                    == strcmp (contact_id,
                               json_string_value (
                                 json_object_get (m, "contact_id")))) return m;
  return NULL;
}

Test (buying_team, every_contact_of_a_large_account_can_be_assessed)
{
  enum
  {
    N = 66
  };
  char acct[64], last[64] = "";
  struct th_resp r;
  json_t *items = json_array ();
  json_t *body;
  char *text;

  th_account_new (org.key, "Big Co", acct);
  /* Influence falls with i: the last contacts are the least influential. */
  for (int i = 0; i < N; i++)
    json_array_append_new (items,
                           json_pack ("{s:s, s:s, s:s, s:{s:s, s:f}}", "op",
                                      "create", "resource", "contacts",
                                      "account_id", acct, "data", "name",
                                      th_fmt ("Person %02d", i), "influence",
                                      1.0 - (double) i / 100.0));
  body = json_pack ("{s:o}", "items", items);
  text = json_dumps (body, 0);
  th_json ("POST", "/v1/batch", org.key, text, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  th_resp_free (&r);
  free (text);
  json_decref (body);
  th_request ("GET", th_fmt ("/v1/accounts/%s/contacts?q=Person%%2065", acct),
              org.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  snprintf (last, sizeof (last), "%s",
            json_string_value (json_object_get (
              json_array_get (json_object_get (r.json, "data"), 0), "id")));
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/contacts/%s/assessment", last), org.key,
              NULL, NULL, &r);
  cr_assert_eq (200, r.status, "the 66th contact: %s", r.body);
  cr_assert_str_eq (last, th_str (&r, "contact_id"));
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/accounts/%s/assessment", acct), org.key,
              NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  {
    json_t *o = json_object_get (r.json, "orientation");

    cr_assert (json_is_true (json_object_get (o, "buying_team_capped")),
               "the cap is not said: %s", r.body);
    cr_assert_eq (N,
                  json_integer_value (json_object_get (o, "contacts_total")));
    cr_assert_eq (64, json_array_size (json_object_get (o, "buying_team")));
  }
  th_resp_free (&r);
}

Test (buying_team, a_long_name_is_cut_between_characters)
{
  char acct[64], contact[64], name[200];
  struct th_resp r;
  json_t *m, *body;
  char *text;

  th_account_new (org.key, "Acme", acct);
  /* 126 ASCII bytes, then é (2 bytes) across the engine's 127-byte cut. */
  memset (name, 'a', 126);
  memcpy (name + 126, "\xc3\xa9zz", 5);
  body = json_pack ("{s:s, s:f}", "name", name, "influence", 0.8);
  text = json_dumps (body, 0);
  th_create (org.key, th_fmt ("/v1/accounts/%s/contacts", acct), text,
             contact);
  free (text);
  json_decref (body);
  th_request ("GET", th_fmt ("/v1/accounts/%s/assessment", acct), org.key,
              NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  m = member (&r, contact);
  cr_assert_not_null (m, "the contact vanished from the buying team: %s",
                      r.body);
  cr_assert_eq (126, strlen (json_string_value (json_object_get (m, "name"))),
                "%s", json_string_value (json_object_get (m, "name")));
  cr_assert (json_is_false (
               json_object_get (json_object_get (r.json, "orientation"),
                                "buying_team_capped")),
             "%s", r.body);
  th_resp_free (&r);
}

/* A member's role is one of the roles (a typed client holds it as a
   Role): the one stored, or influencer, as the assessment weighs a
   contact stored with none; never an empty string. */
Test (buying_team, a_members_role_is_a_role)
{
  char acct[64], with_role[64], without[64];
  struct th_resp r;

  th_account_new (org.key, "Roles Ltd", acct);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           "{\"name\":\"Dana Ruiz\",\"role\":\"champion\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (with_role, sizeof (with_role), "%s", th_str (&r, "id"));
  th_resp_free (&r);
  th_json ("POST", th_fmt ("/v1/accounts/%s/contacts", acct), org.key,
           "{\"name\":\"Sam Lee\"}", &r);
  cr_assert_eq (201, r.status, "%s", r.body);
  snprintf (without, sizeof (without), "%s", th_str (&r, "id"));
  cr_assert (json_is_null (json_object_get (r.json, "role")));
  th_resp_free (&r);
  th_request ("GET", th_fmt ("/v1/accounts/%s/assessment", acct), org.key,
              NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  cr_assert_not_null (member (&r, with_role));
  cr_assert_str_eq (json_string_value (
                      json_object_get (member (&r, with_role), "role")),
                    "champion");
  cr_assert_not_null (member (&r, without));
  cr_assert_str_eq (json_string_value (
                      json_object_get (member (&r, without), "role")),
                    "influencer", "%s", r.body);
  th_resp_free (&r);
}
