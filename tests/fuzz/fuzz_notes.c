/**
 * @file fuzz_notes.c
 * @brief The scoring engine's note reader through its public API
 *        (svc/score.h): the shipped model, one scratch, and an account of
 *        three contacts whose calls' notes are the input.  Variant one
 *        gives one call all of it; variant two splits it at line breaks
 *        into up to eight calls on different days, with different people
 *        attending.  Each variant runs score_assess_account,
 *        score_assess_contact for every contact and score_assess_seller.
 *
 * The service only ever hands the engine valid UTF-8 without NUL (the
 * notes column is checked on the way in), but the engine must stay
 * memory-safe on any bytes; the UTF-8 invariant is checked only on input
 * the service could send.
 *
 * Invariants: every call returns SCORE_OK; every number is finite and in
 * its documented range (orientation scores 0..1 summing to 1, confidence
 * 0..1, pillars and buyer risk 0..100, seller -100..100, values fit
 * 0..1); evidence lists hold at most SCORE_MAX_EVIDENCE items, no more
 * than their total; excerpts are NUL-terminated and, for UTF-8 input,
 * valid UTF-8.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "svc/model.h"
#include "svc/score.h"
#include "svc/util.h"

/** 2026-12-01T00:00:00Z */
#define AS_OF 1764547200LL
#define DAY 86400LL
#define MAX_SPLIT 8

static struct score_model *model;
static struct score_scratch *scratch;
static struct score_account_assessment *account_out;
static struct score_contact_assessment *contact_out;
static struct score_seller_assessment *seller_out;

static const char seller_id[] = "5e11e500-0000-4000-8000-000000000001";

static const struct score_contact contacts[] = {
  { "c0000000-0000-4000-8000-000000000001", "Dana Hollis",
    SCORE_ROLE_DECISION_MAKER, 0.9 },
  { "c0000000-0000-4000-8000-000000000002", "Pat Lee", SCORE_ROLE_CHAMPION,
    0.6 },
  { "c0000000-0000-4000-8000-000000000003", "Sam O'Neill",
    SCORE_ROLE_PROCUREMENT, 0.4 },
};

#define N_CONTACTS (sizeof (contacts) / sizeof (contacts[0]))

/** Whether the input is what the service could store as notes. */
static bool utf8_input;

/** A number in [lo, hi] and finite. */
static void
check_range (double v, double lo, double hi)
{
  FUZZ_CHECK (isfinite (v));
  FUZZ_CHECK (v >= lo - 1e-9 && v <= hi + 1e-9);
}

/** A fixed-size text field is NUL-terminated (and UTF-8 when it can be). */
static void
check_text (const char *s, size_t cap)
{
  const char *end = memchr (s, '\0', cap);

  FUZZ_CHECK (NULL != end);
  if (utf8_input)
    FUZZ_CHECK (util_utf8_length (s, (size_t) (end - s)) >= 0);
}

static void
check_evidence (const struct score_evidence_list *l)
{
  FUZZ_CHECK (l->n <= SCORE_MAX_EVIDENCE);
  FUZZ_CHECK (l->n <= l->total);
  for (size_t i = 0; i < l->n; i++)
  {
    const struct score_evidence *e = &l->items[i];

    FUZZ_CHECK (isfinite (e->weight));
    check_text (e->source_id, sizeof (e->source_id));
    check_text (e->signal, sizeof (e->signal));
    check_text (e->excerpt, sizeof (e->excerpt));
  }
}

static void
check_orientation (const struct score_orientation_result *o)
{
  double sum = 0;

  for (int i = 0; i < SCORE_ORIENTATION_COUNT; i++)
  {
    check_range (o->scores[i], 0, 1);
    sum += o->scores[i];
  }
  FUZZ_CHECK (fabs (sum - 1.0) < 1e-6);
  check_range (o->confidence, 0, 1);
  FUZZ_CHECK (o->primary >= SCORE_ORIENTATION_NONE
              && o->primary < SCORE_ORIENTATION_COUNT);
  check_evidence (&o->evidence);
}

static void
check_account (const struct score_account_assessment *a)
{
  const struct score_buyer_risk_result *r = &a->buyer_risk;

  check_orientation (&a->orientation);
  FUZZ_CHECK (a->n_team == N_CONTACTS);
  for (size_t i = 0; i < a->n_team; i++)
  {
    check_range (a->team[i].confidence, 0, 1);
    check_range (a->team[i].coverage, 0, 1);
    check_range (a->team[i].weight, 0, 1e6);
  }
  for (int p = 0; p < SCORE_PILLAR_COUNT; p++)
  {
    check_range (a->pillars.pillars[p].score, 0, 100);
    check_evidence (&a->pillars.pillars[p].evidence);
  }
  FUZZ_CHECK (a->pillars.status <= SCORE_STATUS_FAVORED_VENDOR);
  check_range (r->score, 0, 100);
  FUZZ_CHECK (r->level <= SCORE_RISK_CRITICAL);
  FUZZ_CHECK (r->n_drivers <= SCORE_DRIVER_COUNT);
  for (size_t i = 0; i < r->n_drivers; i++)
  {
    FUZZ_CHECK (r->drivers[i].points > 0);
    check_range (r->drivers[i].points, 0, 100);
    FUZZ_CHECK (r->drivers[i].driver < SCORE_DRIVER_COUNT);
    check_text (r->drivers[i].explanation, sizeof (r->drivers[i].explanation));
    check_evidence (&r->drivers[i].evidence);
  }
  if (a->values_fit.available)
    check_range (a->values_fit.score, 0, 1);
  check_evidence (&a->values_fit.evidence);
}

static void
check_seller (const struct score_seller_assessment *s)
{
  check_range (s->score, -100, 100);
  FUZZ_CHECK (s->approach <= SCORE_APPROACH_BUILDER);
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
  {
    FUZZ_CHECK (isfinite (s->traits[t].value));
    FUZZ_CHECK (isfinite (s->traits[t].contribution));
    check_text (s->traits[t].explanation, sizeof (s->traits[t].explanation));
    check_evidence (&s->traits[t].evidence);
  }
}

/** Call @a i of the account: who attended, when, what kind. */
static void
call_init (struct score_call *c, size_t i, const char *notes, size_t len)
{
  memset (c, 0, sizeof (*c));
  snprintf (c->id, sizeof (c->id), "ca110000-0000-4000-8000-%012zu", i);
  snprintf (c->account_id, sizeof (c->account_id), "%s",
            "acc00000-0000-4000-8000-000000000001");
  snprintf (c->seller_id, sizeof (c->seller_id), "%s", seller_id);
  c->occurred_at = AS_OF - (int64_t) (1 + 9 * i) * DAY;
  /* Everyone at the first call, then one or two at a time. */
  for (size_t k = 0; k < N_CONTACTS; k++)
    if (0 == i || k == i % N_CONTACTS || k == (i + 1) % 5)
      snprintf (c->contact_ids[c->n_contacts++], SCORE_ID_LEN, "%.*s",
                SCORE_ID_LEN - 1, contacts[k].id);
  c->channel = (enum score_channel) (i % SCORE_CHANNEL_COUNT);
  c->kind = (enum score_call_kind) (i % SCORE_KIND_COUNT);
  c->duration_minutes = 0 == i % 3 ? -1 : (int) (15 * i);
  c->seller_talk_ratio = 0 == i % 2 ? -1.0 : 0.1 * (double) i;
  c->questions_asked = (int) i - 1;
  c->topics = 1u << (i % SCORE_TOPIC_COUNT);
  c->signals = 0 == i % 4 ? 0 : 1ull << ((7 * i) % SCORE_SIG_COUNT);
  c->notes = notes;
  c->notes_len = len;
  c->next_step_agreed = 0 == i % 2;
}

/** Runs every assessment over @a calls (and, when not NULL, the value
    answers of the account, the organization and the owner) and checks
    the results. */
static void
assess (const struct score_call *calls, size_t n_calls,
        const struct score_values *values)
{
  struct score_account_input in;
  struct score_seller_input sin;

  memset (&in, 0, sizeof (in));
  snprintf (in.account.id, sizeof (in.account.id), "%s", calls[0].account_id);
  in.account.stage = SCORE_STAGE_CUSTOMER;
  in.account.purchase_stage = SCORE_PURCHASE_POST;
  in.account.annual_value = 120000;
  in.contacts = contacts;
  in.n_contacts = N_CONTACTS;
  in.calls = calls;
  in.n_calls = n_calls;
  if (NULL != values)
  {
    in.account_values = &values[0];
    in.org_values = &values[1];
    in.owner_values = &values[2];
  }
  FUZZ_CHECK (
    SCORE_OK
    == score_assess_account (model, &in, AS_OF, scratch, account_out));
  check_account (account_out);
  for (size_t k = 0; k < N_CONTACTS; k++)
  {
    FUZZ_CHECK (SCORE_OK
                == score_assess_contact (model, &in, contacts[k].id, AS_OF,
                                         scratch, contact_out));
    check_orientation (&contact_out->orientation);
  }
  memset (&sin, 0, sizeof (sin));
  snprintf (sin.seller_id, sizeof (sin.seller_id), "%s", seller_id);
  sin.calls = calls;
  sin.n_calls = n_calls;
  FUZZ_CHECK (
    SCORE_OK == score_assess_seller (model, &sin, AS_OF, scratch, seller_out));
  check_seller (seller_out);
}

/** Lines of the input kept as value answers: each its own allocation of
    exactly its length and a NUL, so a read past an answer's end shows. */
#define MAX_LINES 12

/**
 * The input's lines as value-discovery answers, spread over the account,
 * the organization and the owner (line i to party i % 3); an account
 * answer after the first also gets the line before it as its question.
 * Read after the notes, in the same scratch: stale tokens of a longer
 * text must never be read as the answer's.
 */
static void
assess_values (const char *text, size_t len, const struct score_call *call)
{
  struct score_values values[3];
  char *lines[MAX_LINES];
  size_t n = 0, start = 0;

  memset (values, 0, sizeof (values));
  while (n < MAX_LINES && start < len)
  {
    const char *nl = memchr (text + start, '\n', len - start);
    size_t end = NULL == nl ? len : (size_t) (nl - text);
    struct score_values *v = &values[n % 3];

    lines[n] = malloc (end - start + 1);
    FUZZ_CHECK (NULL != lines[n]);
    memcpy (lines[n], text + start, end - start);
    lines[n][end - start] = '\0';
    v->answers[v->n_answers] = lines[n];
    if (0 == n % 3 && n >= 3)
      v->questions[v->n_answers] = lines[n - 1];
    v->n_answers++;
    n++;
    start = end + 1;
  }
  assess (call, 1, values);
  for (size_t i = 0; i < n; i++)
    free (lines[i]);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char err[512] = "";

  (void) argc;
  (void) argv;
  model = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));
  scratch = score_scratch_new ();
  account_out = calloc (1, sizeof (*account_out));
  contact_out = calloc (1, sizeof (*contact_out));
  seller_out = calloc (1, sizeof (*seller_out));
  if (NULL == model || NULL == scratch || NULL == account_out
      || NULL == contact_out || NULL == seller_out)
  {
    fprintf (stderr, "fuzz_notes: cannot set up: %s\n", err);
    abort ();
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  struct score_call calls[MAX_SPLIT];
  size_t len = size > SCORE_MAX_NOTE_BYTES ? SCORE_MAX_NOTE_BYTES : size;
  size_t n = 0, start = 0;

  utf8_input = util_utf8_length (text, len) >= 0
               && NULL == memchr (text, '\0', len);

  /* One call holds all of it. */
  call_init (&calls[0], 0, text, len);
  assess (calls, 1, NULL);

  /* Up to MAX_SPLIT calls, split at line breaks (the last takes the
     rest), so each piece stays UTF-8 when the whole is. */
  while (n < MAX_SPLIT && start <= len)
  {
    const char *nl = memchr (text + start, '\n', len - start);
    size_t end = (NULL == nl || MAX_SPLIT - 1 == n) ? len
                                                    : (size_t) (nl - text);

    call_init (&calls[n], n, text + start, end - start);
    n++;
    start = end + 1;
  }
  assess (calls, n, NULL);

  /* Its lines as value answers, after the longer notes. */
  call_init (&calls[0], 0, text, len);
  assess_values (text, len, calls);
  return 0;
}
