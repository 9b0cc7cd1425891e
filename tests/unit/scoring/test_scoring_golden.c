/**
 * @file test_scoring_golden.c
 * @brief Pins the complete output of the engine: every field of every
 *        assessment of every dev.json case (as one digest per case) and
 *        the full text of a large benchmark-like account.
 *
 * The expected values live in tests/fixtures/scoring/golden.txt. They are
 * not hand-written: a change that is meant to alter results (a lexicon or
 * parameter change) regenerates them with
 *
 *     SCORING_GOLDEN_WRITE=1 build/tests/unit/scoring/test_scoring_golden
 *
 * and the diff shows what moved. A change that is meant to be invisible
 * (speed work, larger limits) must leave this test green untouched. On a
 * mismatch the actual text is written to $TMPDIR/rapport-golden.actual.txt
 * (or /tmp) for diffing.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "synthetic.h"
#include "svc/model.h"
#include "svc/score_model.h"

/** Golden file. */
#define GOLDEN RAPPORT_FIXTURES "/golden.txt"

/** Growable text buffer. */
struct buf
{
  char *p;
  size_t n;
  size_t cap;
};

/**
 * Append formatted text.
 *
 * @param b buffer
 * @param fmt printf format
 */
static void
put (struct buf *b, const char *fmt, ...)
{
  va_list ap;
  int k;

  for (;;)
  {
    va_start (ap, fmt);
    k = vsnprintf (b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt,
                   ap);
    va_end (ap);
    cr_assert_geq (k, 0);
    if (b->p && b->n + (size_t) k < b->cap)
      break;
    b->cap = (b->cap ? b->cap * 2 : 1 << 16) + (size_t) k;
    b->p = realloc (b->p, b->cap);
    cr_assert_not_null (b->p);
  }
  b->n += (size_t) k;
}

/**
 * Serialize an evidence list.
 *
 * @param b buffer
 * @param tag label
 * @param l list
 */
static void
put_evidence (struct buf *b, const char *tag,
              const struct score_evidence_list *l)
{
  put (b, "%s evidence n=%zu total=%zu\n", tag, l->n, l->total);
  for (size_t i = 0; i < l->n && i < SCORE_MAX_EVIDENCE; i++)
  {
    const struct score_evidence *e = &l->items[i];

    put (b, "  %s %s %lld %s %.17g \"%s\"\n", score_source_name (e->source),
         e->source_id, (long long) e->at, e->signal, e->weight, e->excerpt);
  }
}

/**
 * Serialize an orientation result.
 *
 * @param b buffer
 * @param tag label
 * @param o result
 */
static void
put_orientation (struct buf *b, const char *tag,
                 const struct score_orientation_result *o)
{
  put (b, "%s orientation primary=%d confidence=%.17g items=%u scores=", tag,
       (int) o->primary, o->confidence, o->independent_evidence);
  for (int k = 0; k < SCORE_ORIENTATION_COUNT; k++)
    put (b, "%.17g ", o->scores[k]);
  put (b, "\n%s guidance=%s\n", tag, o->guidance ? o->guidance : "(null)");
  put_evidence (b, tag, &o->evidence);
}

/**
 * Serialize an account assessment.
 *
 * @param b buffer
 * @param a assessment
 */
static void
put_account (struct buf *b, const struct score_account_assessment *a)
{
  const struct score_buyer_risk_result *r = &a->buyer_risk;
  const struct score_values_fit_result *v = &a->values_fit;

  put (b, "account %s\n", a->account_id);
  put_orientation (b, "team", &a->orientation);
  for (size_t i = 0; i < a->n_team; i++)
  {
    const struct score_team_member *t = &a->team[i];

    put (b,
         "member %s role=%d infl=%.17g weight=%.17g primary=%d conf=%.17g "
         "cov=%.17g calls=%u last=%lld\n",
         t->contact_id, (int) t->role, t->influence, t->weight,
         (int) t->primary, t->confidence, t->coverage, t->calls,
         (long long) t->last_contact);
  }
  for (int p = 0; p < SCORE_PILLAR_COUNT; p++)
  {
    char tag[32];

    snprintf (tag, sizeof (tag), "pillar%d", p);
    put (b, "%s score=%.17g stands=%d\n", tag, a->pillars.pillars[p].score,
         (int) a->pillars.pillars[p].stands);
    put_evidence (b, tag, &a->pillars.pillars[p].evidence);
  }
  put (b, "pillars foundation=%u status=%d guidance=%s\n",
       a->pillars.foundation, (int) a->pillars.status,
       a->pillars.guidance ? a->pillars.guidance : "(null)");
  put (b, "risk score=%.17g level=%d drivers=%zu actions=%zu\n", r->score,
       (int) r->level, r->n_drivers, r->n_actions);
  for (size_t i = 0; i < r->n_drivers && i < SCORE_DRIVER_COUNT; i++)
  {
    const struct score_risk_driver_result *d = &r->drivers[i];

    put (b, "driver %d points=%.17g expl=%s action=%s\n", (int) d->driver,
         d->points, d->explanation, d->action ? d->action : "(null)");
    put_evidence (b, "driver", &d->evidence);
  }
  for (size_t i = 0; i < r->n_actions && i < SCORE_DRIVER_COUNT; i++)
    put (b, "action %s\n", r->actions[i] ? r->actions[i] : "(null)");
  put (b,
       "values available=%d score=%.17g org=%.17g owner=%.17g rec=%d "
       "guidance=%s\npriorities=",
       (int) v->available, v->score, v->score_organization, v->score_owner,
       (int) v->recommendation, v->guidance ? v->guidance : "(null)");
  for (int k = 0; k < SCORE_VALUE_COUNT; k++)
    put (b, "%.17g ", v->account_priorities[k]);
  put (b, "\n");
  put_evidence (b, "values", &v->evidence);
}

/**
 * Serialize a seller assessment.
 *
 * @param b buffer
 * @param s assessment
 */
static void
put_seller (struct buf *b, const struct score_seller_assessment *s)
{
  put (b, "seller %s approach=%d score=%.17g guidance=%s\n", s->seller_id,
       (int) s->approach, s->score, s->guidance ? s->guidance : "(null)");
  for (int t = 0; t < SCORE_TRAIT_COUNT; t++)
  {
    const struct score_trait_result *r = &s->traits[t];

    put (b, "trait %d known=%d value=%.17g contribution=%.17g expl=%s\n",
         (int) r->trait, (int) r->known, r->value, r->contribution,
         r->explanation);
    put_evidence (b, "trait", &r->evidence);
  }
}

/**
 * 64-bit FNV-1a.
 *
 * @param p bytes
 * @param n length
 * @return hash
 */
static unsigned long long
fnv64 (const char *p, size_t n)
{
  unsigned long long h = 1469598103934665603ull;

  for (size_t i = 0; i < n; i++)
  {
    h ^= (unsigned char) p[i];
    h *= 1099511628211ull;
  }
  return h;
}

/**
 * Serialize every assessment of one fixture input.
 *
 * @param b buffer
 * @param m model
 * @param s scratch
 * @param fc case
 */
static void
put_case (struct buf *b, const struct score_model *m, struct score_scratch *s,
          const struct fx_case *fc)
{
  struct score_account_assessment *a = calloc (1, sizeof (*a));
  struct score_contact_assessment *c = calloc (1, sizeof (*c));
  struct score_seller_assessment *sa = calloc (1, sizeof (*sa));

  cr_assert (a && c && sa);
  put (b, "status %d\n",
       (int) score_assess_account (m, &fc->in, fc->as_of, s, a));
  put_account (b, a);
  for (size_t i = 0; i < fc->in.n_contacts; i++)
  {
    enum score_status st = score_assess_contact (m, &fc->in,
                                                 fc->in.contacts[i].id,
                                                 fc->as_of, s, c);

    put (b, "contact %s status %d\n", fc->in.contacts[i].id, (int) st);
    put_orientation (b, "contact", &c->orientation);
  }
  if ('\0' != fc->seller.seller_id[0])
  {
    put (b, "seller status %d\n",
         (int) score_assess_seller (m, &fc->seller, fc->as_of, s, sa));
    put_seller (b, sa);
  }
  free (a);
  free (c);
  free (sa);
}

/** The sentence the large account adds to the benchmark's, with typos. */
static const char typos[] =
  "Sgned the renewel, no competiter in sight; refrences were v. good w/ "
  "mgmt. ";

/**
 * Serialize the large account: 6 contacts, 500 calls of 2,000-byte notes.
 *
 * @param b buffer
 * @param m model
 * @param s scratch
 */
static void
put_large (struct buf *b, const struct score_model *m, struct score_scratch *s)
{
  enum
  {
    N_CALLS = 500,
    NOTE_LEN = 2000,
    N_CONTACTS = 6
  };
  const int64_t as_of = 1767225600;
  const char *sentences[SYNTHETIC_N_SENTENCES + 1];
  const size_t ns = SYNTHETIC_N_SENTENCES + 1;
  static const char *const first[N_CONTACTS] = { "Dana",  "Mark", "Ellen",
                                                 "Priya", "Tom",  "Sue" };
  struct fx_case *fc = calloc (1, sizeof (*fc));
  char *notes = malloc ((size_t) N_CALLS * (NOTE_LEN + 1));

  cr_assert (fc && notes);
  memcpy (sentences, synthetic_sentences, sizeof (synthetic_sentences));
  sentences[SYNTHETIC_N_SENTENCES] = typos;
  fc->calls = calloc (N_CALLS, sizeof (*fc->calls));
  cr_assert_not_null (fc->calls);
  fc->as_of = as_of;
  snprintf (fc->in.account.id, SCORE_ID_LEN, "large-account");
  fc->in.account.stage = SCORE_STAGE_CUSTOMER;
  fc->in.account.purchase_stage = SCORE_PURCHASE_NONE;
  for (int i = 0; i < N_CONTACTS; i++)
  {
    snprintf (fc->contacts[i].id, SCORE_ID_LEN, "contact-%d", i);
    snprintf (fc->contacts[i].name, SCORE_NAME_LEN, "%s Person", first[i]);
    fc->contacts[i].role = (enum score_role) (i % SCORE_ROLE_COUNT);
    fc->contacts[i].influence = 0.5;
  }
  for (int i = 0; i < N_CALLS; i++)
  {
    struct score_call *c = &fc->calls[i];
    char *note = notes + (size_t) i * (NOTE_LEN + 1);

    snprintf (c->id, SCORE_ID_LEN, "call-%d", i);
    snprintf (c->seller_id, SCORE_ID_LEN, "seller-1");
    snprintf (c->account_id, SCORE_ID_LEN, "large-account");
    c->occurred_at = as_of - (int64_t) i * 3 * 86400;
    c->n_contacts = (size_t) (1 + i % 3);
    for (size_t k = 0; k < c->n_contacts; k++)
      snprintf (c->contact_ids[k], SCORE_ID_LEN, "contact-%d",
                (int) ((size_t) i + k) % N_CONTACTS);
    c->seller_talk_ratio = (i % 4) ? -1 : 0.4 + 0.01 * (i % 30);
    c->questions_asked = (i % 5) ? -1 : i % 9;
    c->duration_minutes = 30;
    c->signals = (i % 11) ? 0 : (1ull << (i % SCORE_SIG_COUNT));
    c->topics = (uint32_t) (i % 7) << 1;
    c->notes = note;
    c->notes_len = synthetic_note (note, NOTE_LEN, sentences, ns, (size_t) i);
  }
  fc->in.contacts = fc->contacts;
  fc->in.n_contacts = N_CONTACTS;
  fc->in.calls = fc->calls;
  fc->in.n_calls = N_CALLS;
  snprintf (fc->seller.seller_id, SCORE_ID_LEN, "seller-1");
  fc->seller.calls = fc->calls;
  fc->seller.n_calls = N_CALLS;
  put_case (b, m, s, fc);
  free (fc->calls);
  free (fc);
  free (notes);
}

/**
 * The whole golden text: digests of every dev case, then the large
 * account in full.
 *
 * @param b buffer
 */
static void
golden_text (struct buf *b)
{
  struct score_model *m = fx_model ();
  struct score_scratch *s = score_scratch_new ();
  json_error_t jerr;
  json_t *root = json_load_file (RAPPORT_FIXTURES "/dev.json", 0, &jerr);
  json_t *c;
  size_t i;

  cr_assert_not_null (s);
  cr_assert_not_null (root, "dev.json: %s", jerr.text);
  put (b, "# generated by test_scoring_golden (SCORING_GOLDEN_WRITE=1)\n");
  put (b, "model %s patterns %d cues %d\n", m->version, m->n_patterns,
       m->n_cues);
  json_array_foreach (json_object_get (root, "cases"), i, c)
  {
    struct buf one = { 0 };
    const char *suite = json_string_value (json_object_get (c, "suite"));

    if (suite && 0 == strcmp (suite, "risk_pair"))
      for (int k = 0; k < 2; k++)
      {
        struct fx_case *x = fx_case_new (json_object_get (c, k ? "b" : "a"));

        put_case (&one, m, s, x);
        fx_case_free (x);
      }
    else
    {
      struct fx_case *x = fx_case_new (c);

      put_case (&one, m, s, x);
      fx_case_free (x);
    }
    put (b, "case %s %016llx\n", json_string_value (json_object_get (c, "id")),
         fnv64 (one.p, one.n));
    free (one.p);
  }
  json_decref (root);
  put_large (b, m, s);
  score_scratch_free (&s);
  model_free (&m);
}

/**
 * Read a whole file.
 *
 * @param path file
 * @param[out] n bytes
 * @return malloc'd bytes (NUL-terminated) or NULL
 */
static char *
slurp (const char *path, size_t *n)
{
  FILE *f = fopen (path, "rb");
  char *p;
  long len;

  if (NULL == f)
    return NULL;
  fseek (f, 0, SEEK_END);
  len = ftell (f);
  fseek (f, 0, SEEK_SET);
  p = malloc ((size_t) len + 1);
  if (NULL != p && (size_t) len != fread (p, 1, (size_t) len, f))
  {
    free (p);
    p = NULL;
  }
  fclose (f);
  if (NULL != p)
  {
    p[len] = '\0';
    *n = (size_t) len;
  }
  return p;
}

/**
 * Write bytes to a file.
 *
 * @param path file
 * @param b text
 * @return true on success
 */
static bool
spit (const char *path, const struct buf *b)
{
  FILE *f = fopen (path, "wb");
  bool ok;

  if (NULL == f)
    return false;
  ok = b->n == fwrite (b->p, 1, b->n, f);
  return (0 == fclose (f)) && ok;
}

Test (scoring_golden, every_output_unchanged, .timeout = 300)
{
  struct buf b = { 0 };
  char *want;
  size_t n = 0;

  golden_text (&b);
  if (NULL != getenv ("SCORING_GOLDEN_WRITE"))
  {
    cr_assert (spit (GOLDEN, &b), "cannot write %s", GOLDEN);
    free (b.p);
    return;
  }
  want = slurp (GOLDEN, &n);
  cr_assert_not_null (want, "cannot read %s", GOLDEN);
  if (n != b.n || 0 != memcmp (want, b.p, n))
  {
    char path[512];
    const char *tmp = getenv ("TMPDIR");
    size_t k = 0;
    size_t line = 1;

    while (k < n && k < b.n && want[k] == b.p[k])
      line += ('\n' == want[k++]);
    snprintf (path, sizeof (path), "%s/rapport-golden.actual.txt",
              tmp ? tmp : "/tmp");
    spit (path, &b);
    free (want);
    free (b.p);
    cr_assert_fail ("scoring output differs from %s at line %zu; actual "
                    "written to %s",
                    GOLDEN, line, path);
  }
  free (want);
  free (b.p);
}
