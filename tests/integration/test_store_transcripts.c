/**
 * @file test_store_transcripts.c
 * @brief The engine's input carries every call's transcript: calls
 *        written over HTTP, then read as the service's own role with
 *        store_assess_load_account and store_assess_load_seller, the two
 *        loaders every assessment computes from (on request, and in the
 *        refresher whose results the portfolio ranks).  Each call gets its
 *        own turns, in order, with speaker, role, contact and text; a
 *        call without a transcript gets none; calls after as_of are not
 *        read and neither are their turns.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "svc/resource.h"
#include "svc/store.h"

static struct th_org org;
static struct store_pool *pool;

/** An organization of the test's own, and the store's statements. */
static void
setup (void)
{
  unsigned int n;
  struct resource *const *table;

  th_org_new (&org);
  resources_init ();
  table = resources_table (&n);
  cr_assert_eq (0, store_resources_init (table, n));
  cr_assert_not_null (getenv ("DATABASE_URL"), "DATABASE_URL is not set");
  pool = store_pool_new (getenv ("DATABASE_URL"), 1, 10000);
}

static void
teardown (void)
{
  store_pool_free (pool);
  store_resources_free ();
}

TestSuite (store_transcripts, .init = setup, .fini = teardown);

/** What a load reads: an account's data, or a seller's. */
struct load
{
  const char *id;
  bool seller;
  const char *as_of;
  struct store_assess_data d;
};

/** Transaction: the load. */
static enum store_qs
load_tx (void *cls, struct store_conn *conn)
{
  struct load *l = cls;
  struct store_assess_limits lim = { 500, 100, 100 };

  store_assess_free (&l->d);
  return l->seller ? store_assess_load_seller (conn, org.id, l->id, l->as_of,
                                               &lim, &l->d)
                   : store_assess_load_account (conn, org.id, l->id, NULL,
                                                l->as_of, &lim, &l->d);
}

/** Loads @a l as the organization, in a read transaction. */
static void
load (struct load *l)
{
  enum store_qs qs;
  struct store_conn *conn = store_acquire (pool, 10000, &qs);

  cr_assert_not_null (conn, "no connection: %d", (int) qs);
  qs = store_run_tx (conn, org.id, true, &load_tx, l);
  store_release (pool, conn);
  cr_assert_eq (STORE_QS_ONE, qs, "the load failed: %d", (int) qs);
}

/** The call @a id among the @a n calls read, or a failed assertion. */
static const struct score_call *
call_of (const struct score_call *calls, size_t n, const char *id)
{
  for (size_t i = 0; i < n; i++)
    if (0 == strcmp (calls[i].id, id))
      return &calls[i];
  cr_assert_fail ("call %s was not read", id);
  return NULL;
}

/** Asserts turn @a t is (@a speaker, @a role, @a contact, @a text). */
static void
expect_turn (const struct score_turn *t, const char *speaker,
             enum score_speaker_role role, const char *contact,
             const char *text)
{
  cr_assert_eq (strlen (speaker), t->speaker_len);
  cr_assert_eq (0, memcmp (t->speaker, speaker, t->speaker_len));
  cr_assert_eq (role, t->role, "%s: role %d", speaker, (int) t->role);
  cr_assert_str_eq (t->contact_id, contact);
  cr_assert_eq (strlen (text), t->text_len, "%s", text);
  cr_assert_eq (0, memcmp (t->text, text, t->text_len));
}

/** Creates a call of @a acct; writes its id. */
static void
call_new (const char *acct, const char *body, char id[64])
{
  th_create (org.key, th_fmt ("/v1/accounts/%s/calls", acct), body, id);
}

Test (store_transcripts, each_call_reaches_the_engine_with_its_own_turns)
{
  char acct[64], seller[64], kim[64], lee[64];
  char spoken[64], silent[64], empty[64], later[64];
  struct load l = { .id = acct, .as_of = "2026-03-31T00:00:00Z" };
  const struct score_call *c;
  size_t n;

  th_account_new (org.key, "Acme", acct);
  th_seller_new (org.key, "Sam", seller);
  th_contact_new (org.key, acct, "Kim", kim);
  th_contact_new (org.key, acct, "Lee", lee);
  call_new (
    acct,
    th_fmt ("{\"occurred_at\":\"2026-03-02T10:00:00Z\","
            "\"seller_id\":\"%s\",\"transcript\":["
            "{\"speaker\":\"Kim\",\"role\":\"buyer\","
            "\"contact_id\":\"%s\",\"text\":\"What does it cost?\"},"
            "{\"speaker\":\"Sam Reyes\",\"role\":\"seller\","
            "\"text\":\"What do you need it to do?\"},"
            "{\"speaker\":\"Lee\",\"role\":\"buyer\","
            "\"contact_id\":\"%s\",\"text\":\"Caf\\u00e9 \\\"hours\\\"\\n"
            "first.\"},"
            "{\"speaker\":\"Assistant\",\"role\":\"other\","
            "\"contact_id\":null,\"text\":\"\"}]}",
            seller, kim, lee),
    spoken);
  call_new (acct, "{\"occurred_at\":\"2026-03-03T10:00:00Z\",\"notes\":\"x\"}",
            silent);
  call_new (acct,
            "{\"occurred_at\":\"2026-03-01T10:00:00Z\",\"transcript\":[]}",
            empty);
  call_new (
    acct,
    th_fmt ("{\"occurred_at\":\"2026-04-02T10:00:00Z\","
            "\"seller_id\":\"%s\",\"transcript\":[{\"speaker\":\"Kim\","
            "\"role\":\"buyer\",\"text\":\"Too late.\"}]}",
            seller),
    later);

  load (&l);
  n = l.d.account_in.n_calls;
  cr_assert_eq (3, n, "the call after as_of is not read");
  c = call_of (l.d.calls, n, spoken);
  cr_assert_eq (4, c->n_turns);
  expect_turn (&c->turns[0], "Kim", SCORE_SPEAKER_BUYER, kim,
               "What does it cost?");
  expect_turn (&c->turns[1], "Sam Reyes", SCORE_SPEAKER_SELLER, "",
               "What do you need it to do?");
  expect_turn (&c->turns[2], "Lee", SCORE_SPEAKER_BUYER, lee,
               "Caf\xc3\xa9 \"hours\"\nfirst.");
  expect_turn (&c->turns[3], "Assistant", SCORE_SPEAKER_OTHER, "", "");
  c = call_of (l.d.calls, n, silent);
  cr_assert_eq (0, c->n_turns);
  cr_assert_null (c->turns);
  c = call_of (l.d.calls, n, empty);
  cr_assert_eq (0, c->n_turns);
  cr_assert_eq (4, l.d.n_turns, "the later call's turn is not read either");

  /* The seller's assessment reads the same call with the same turns. */
  l.id = seller;
  l.seller = true;
  load (&l);
  cr_assert_eq (1, l.d.seller_in.n_calls);
  c = call_of (l.d.calls, 1, spoken);
  cr_assert_eq (4, c->n_turns);
  expect_turn (&c->turns[1], "Sam Reyes", SCORE_SPEAKER_SELLER, "",
               "What do you need it to do?");

  /* A deleted contact's turns stay, no longer attributed to anyone. */
  th_expect_status ("DELETE", th_fmt ("/v1/contacts/%s", kim), org.key, NULL,
                    204);
  l.id = acct;
  l.seller = false;
  load (&l);
  c = call_of (l.d.calls, l.d.account_in.n_calls, spoken);
  cr_assert_eq (4, c->n_turns);
  expect_turn (&c->turns[0], "Kim", SCORE_SPEAKER_BUYER, "",
               "What does it cost?");
  expect_turn (&c->turns[2], "Lee", SCORE_SPEAKER_BUYER, lee,
               "Caf\xc3\xa9 \"hours\"\nfirst.");
  store_assess_free (&l.d);
}

Test (store_transcripts, a_transcript_of_the_most_turns_is_read_whole)
{
  char acct[64], id[64];
  struct load l = { .id = acct, .as_of = "2026-12-31T00:00:00Z" };
  size_t cap = SCORE_MAX_TURNS * 64 + 128, off = 0;
  char *body = malloc (cap);
  const struct score_call *c;

  th_account_new (org.key, "Acme", acct);
  off += (size_t) snprintf (body, cap,
                            "{\"occurred_at\":"
                            "\"2026-05-01T10:00:00Z\","
                            "\"transcript\":[");
  for (int i = 0; i < SCORE_MAX_TURNS; i++)
    off += (size_t) snprintf (body + off, cap - off,
                              "%s{\"speaker\":\"S%d\",\"role\":\"%s\","
                              "\"text\":\"turn %d\"}",
                              0 == i ? "" : ",", i % 2,
                              i % 2 ? "seller" : "buyer", i);
  snprintf (body + off, cap - off, "]}");
  call_new (acct, body, id);
  load (&l);
  cr_assert_eq (1, l.d.account_in.n_calls);
  c = &l.d.calls[0];
  cr_assert_eq (SCORE_MAX_TURNS, c->n_turns);
  expect_turn (&c->turns[0], "S0", SCORE_SPEAKER_BUYER, "", "turn 0");
  expect_turn (&c->turns[SCORE_MAX_TURNS - 1], "S1", SCORE_SPEAKER_SELLER, "",
               th_fmt ("turn %d", SCORE_MAX_TURNS - 1));
  store_assess_free (&l.d);
  free (body);
}

/* The engine reads at most SCORE_MAX_NOTE_BYTES of a call's turns, so the
   load stops there too: five turns of 19,000 two-byte characters (95,000
   characters, under the API's cap of 100,000, but 190,000 bytes) are read
   up to the last turn that starts within the first 80,000 bytes. */
Test (store_transcripts, a_call_reads_no_more_turn_text_than_the_engine_reads)
{
  char acct[64], id[64];
  struct load l = { .id = acct, .as_of = "2026-12-31T00:00:00Z" };
  size_t cap = 5 * 38100 + 256, off = 0;
  char *body = malloc (cap);
  const struct score_call *c;

  th_account_new (org.key, "Wordy", acct);
  off += (size_t) snprintf (body, cap,
                            "{\"occurred_at\":\"2026-05-01T10:00:00Z\","
                            "\"transcript\":[");
  for (int i = 0; i < 5; i++)
  {
    off += (size_t) snprintf (body + off, cap - off,
                              "%s{\"speaker\":\"S\",\"role\":\"buyer\","
                              "\"text\":\"",
                              0 == i ? "" : ",");
    for (int k = 0; k < 19000; k++, off += 2)
      memcpy (body + off, "\xc3\xa9", 2); /* é */
    off += (size_t) snprintf (body + off, cap - off, "\"}");
  }
  snprintf (body + off, cap - off, "]}");
  call_new (acct, body, id);
  load (&l);
  c = &l.d.calls[0];
  /* turns start at byte 0, 38,000, 76,000, 114,000 and 152,000 */
  cr_assert_eq (3, c->n_turns, "%zu turns read", c->n_turns);
  cr_assert_eq (38000, c->turns[2].text_len);
  store_assess_free (&l.d);
  free (body);
}
