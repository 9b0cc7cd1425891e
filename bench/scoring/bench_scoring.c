/**
 * @file bench_scoring.c
 * @brief Time score_assess_account on 500 calls with 2,000-character notes.
 *
 * Usage: bench_scoring [runs]  (default 21). Prints min, median and max
 * wall time of one account assessment (model loaded once, scratch reused).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "svc/model.h"
#include "synthetic.h"

/** Most calls per account (the default). */
#define N_CALLS 500
/** Turns per transcript. */
#define N_TURNS 10
/** Characters per note. */
#define NOTE_LEN 2000
/** Contacts on the account. */
#define N_CONTACTS 6

/**
 * Monotonic time in seconds.
 *
 * @return seconds
 */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/**
 * Compare doubles for qsort.
 *
 * @param a first
 * @param b second
 * @return ordering
 */
static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * Fill the account: contacts, calls and notes (deterministic).
 *
 * @param in input to fill
 * @param contacts contact array
 * @param calls call array
 * @param notes note buffer (N_CALLS * (NOTE_LEN + 1))
 * @param turns turn buffer (N_CALLS * N_TURNS)
 * @param n_calls calls to fill (<= N_CALLS)
 * @param form "notes", "email" (the note inside a signed, disclaimed,
 *        quoted e-mail of the same length), "transcript" (the note as
 *        ten turns, buyer and seller in turn) or "varied" (notes whose
 *        sentences follow in a different order in every call: 200
 *        distinct notes, where "notes" repeats 12)
 */
static void
build (struct score_account_input *in, struct score_contact *contacts,
       struct score_call *calls, char *notes, struct score_turn *turns,
       int n_calls, const char *form)
{
  static const char head[] = "Hi Sam,\n\n";
  static const char tail[] =
    "\n\nThanks for your help!\nDana Person\nVP Operations | Acme\n"
    "T: +1 555 201 3344 | www.acme.example\nDriving results in every "
    "delivery\n\nCONFIDENTIALITY NOTICE: This email and any attachments "
    "are confidential and intended solely for the addressee.\n\nOn Tue, "
    "Mar 3, 2026 at 9:14 AM Sam <sam@vendor.example> wrote:\n> Great to "
    "meet you, we guarantee results.\n";
  const int64_t as_of = 1767225600;
  size_t ns = SYNTHETIC_N_SENTENCES;

  memset (in, 0, sizeof (*in));
  snprintf (in->account.id, SCORE_ID_LEN, "bench-account");
  in->account.stage = SCORE_STAGE_CUSTOMER;
  for (int i = 0; i < N_CONTACTS; i++)
  {
    snprintf (contacts[i].id, SCORE_ID_LEN, "contact-%d", i);
    snprintf (contacts[i].name, SCORE_NAME_LEN, "%s Person",
              (const char *[]){ "Dana", "Mark", "Ellen", "Priya", "Tom",
                                "Sue" }[i]);
    contacts[i].role = (enum score_role) (i % SCORE_ROLE_COUNT);
    contacts[i].influence = 0.5;
  }
  for (int i = 0; i < n_calls; i++)
  {
    struct score_call *c = &calls[i];
    char *note = notes + (size_t) i * (NOTE_LEN + 1);

    memset (c, 0, sizeof (*c));
    snprintf (c->id, SCORE_ID_LEN, "call-%d", i);
    c->occurred_at = as_of - (int64_t) i * 3 * 86400;
    c->n_contacts = 2;
    snprintf (c->contact_ids[0], SCORE_ID_LEN, "contact-%d", i % N_CONTACTS);
    snprintf (c->contact_ids[1], SCORE_ID_LEN, "contact-%d",
              (i + 1) % N_CONTACTS);
    c->seller_talk_ratio = -1;
    c->questions_asked = -1;
    c->notes = note;
    if (0 == strcmp (form, "email"))
    {
      size_t body = NOTE_LEN - (sizeof (head) - 1) - (sizeof (tail) - 1);
      size_t k;

      memcpy (note, head, sizeof (head) - 1);
      k = sizeof (head) - 1;
      k += synthetic_note (note + k, body, synthetic_sentences, ns,
                           (size_t) i);
      memcpy (note + k, tail, sizeof (tail));
      c->notes_len = k + sizeof (tail) - 1;
      continue;
    }
    c->notes_len =
      (0 == strcmp (form, "varied"))
        ? synthetic_varied_note (note, NOTE_LEN, synthetic_sentences, ns,
                                 (size_t) i)
        : synthetic_note (note, NOTE_LEN, synthetic_sentences, ns, (size_t) i);
    if (0 == strcmp (form, "transcript"))
    {
      struct score_turn *u = turns + (size_t) i * N_TURNS;
      size_t step = c->notes_len / N_TURNS;

      for (int k = 0; k < N_TURNS; k++)
      {
        u[k].speaker = (k % 2) ? "Rep" : "Dana Person";
        u[k].speaker_len = strlen (u[k].speaker);
        u[k].role = (k % 2) ? SCORE_SPEAKER_SELLER : SCORE_SPEAKER_BUYER;
        snprintf (u[k].contact_id, SCORE_ID_LEN, "%s",
                  (k % 2) ? "" : c->contact_ids[0]);
        u[k].text = note + (size_t) k * step;
        u[k].text_len = (k == N_TURNS - 1) ? c->notes_len - (size_t) k * step
                                           : step;
      }
      c->turns = u;
      c->n_turns = N_TURNS;
      c->notes = NULL;
      c->notes_len = 0;
    }
  }
  in->contacts = contacts;
  in->n_contacts = N_CONTACTS;
  in->calls = calls;
  in->n_calls = (size_t) n_calls;
}

/**
 * Entry point.
 *
 * @param argc argument count
 * @param argv arguments: [runs] [model path] [calls]
 *        [notes|email|transcript|varied]
 * @return 0 on success
 */
int
main (int argc, char **argv)
{
  int runs = (argc > 1) ? atoi (argv[1]) : 21;
  const char *path = (argc > 2 && '\0' != argv[2][0]) ? argv[2]
                                                      : RAPPORT_MODEL_PATH;
  int n_calls = (argc > 3) ? atoi (argv[3]) : N_CALLS;
  const char *form = (argc > 4) ? argv[4] : "notes";
  struct score_turn *turns = calloc ((size_t) N_CALLS * N_TURNS,
                                     sizeof (*turns));
  char err[512];
  struct score_model *m = NULL;
  struct score_scratch *s = NULL;
  struct score_contact contacts[N_CONTACTS];
  struct score_account_input in;
  struct score_call *calls = calloc (N_CALLS, sizeof (*calls));
  char *notes = malloc ((size_t) N_CALLS * (NOTE_LEN + 1));
  struct score_account_assessment *out = calloc (1, sizeof (*out));
  double *t = calloc ((size_t) (runs > 0 ? runs : 1), sizeof (double));
  int rc = 1;

  if (runs < 1 || n_calls < 1 || n_calls > N_CALLS || NULL == calls
      || NULL == notes || NULL == out || NULL == t || NULL == turns
      || (0 != strcmp (form, "notes") && 0 != strcmp (form, "email")
          && 0 != strcmp (form, "transcript") && 0 != strcmp (form, "varied")))
  {
    fprintf (stderr,
             "usage: bench_scoring [runs] [model] [calls 1-%d] "
             "[notes|email|transcript|varied]\n",
             N_CALLS);
    goto cleanup;
  }
  if (NULL == (m = model_load (path, err, sizeof (err))))
  {
    fprintf (stderr, "%s\n", err);
    goto cleanup;
  }
  s = score_scratch_new ();
  build (&in, contacts, calls, notes, turns, n_calls, form);
  score_assess_account (m, &in, 1767225600, s, out); /* warm-up */
  for (int r = 0; r < runs; r++)
  {
    double t0 = now ();

    if (SCORE_OK != score_assess_account (m, &in, 1767225600, s, out))
      goto cleanup;
    t[r] = now () - t0;
  }
  qsort (t, (size_t) runs, sizeof (double), cmp_double);
  printf (
    "score_assess_account: %d calls x %d-char %s, %d runs: "
    "min %.2f ms, median %.2f ms, max %.2f ms (risk %.1f, %zu drivers)\n",
    n_calls, NOTE_LEN, form, runs, t[0] * 1e3, t[runs / 2] * 1e3,
    t[runs - 1] * 1e3, out->buyer_risk.score, out->buyer_risk.n_drivers);
  rc = 0;
cleanup:
  score_scratch_free (&s);
  model_free (&m);
  free (calls);
  free (turns);
  free (notes);
  free (out);
  free (t);
  return rc;
}
