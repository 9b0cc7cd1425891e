/**
 * @file fixture.c
 * @brief Build engine inputs from JSON fixture cases.
 */
#include "fixture.h"

/** Most transcript turns of one case (all its calls). */
#define FX_MAX_TURNS 4096
#include "svc/model.h"
#include "../../../service/scoring/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/**
 * Copy a string member into a fixed buffer.
 *
 * @param o object
 * @param key member
 * @param dst buffer
 * @param cap bytes
 * @param dflt default when absent
 */
static void
str (const json_t *o, const char *key, char *dst, size_t cap, const char *dflt)
{
  const char *s = json_string_value (json_object_get (o, key));

  snprintf (dst, cap, "%s", s ? s : dflt);
}

/**
 * Integer member with a default.
 *
 * @param o object
 * @param key member
 * @param dflt default
 * @return value
 */
static long long
num (const json_t *o, const char *key, long long dflt)
{
  const json_t *v = json_object_get (o, key);

  return json_is_number (v) ? (long long) json_number_value (v) : dflt;
}

/**
 * Real member with a default.
 *
 * @param o object
 * @param key member
 * @param dflt default
 * @return value
 */
static double
real (const json_t *o, const char *key, double dflt)
{
  const json_t *v = json_object_get (o, key);

  return json_is_number (v) ? json_number_value (v) : dflt;
}

/**
 * Fill one call.
 *
 * @param fc case
 * @param c call JSON
 * @param out call
 */
static void
fill_call (struct fx_case *fc, const json_t *c, struct score_call *out)
{
  const json_t *v;
  size_t i;

  memset (out, 0, sizeof (*out));
  str (c, "id", out->id, sizeof (out->id), "call");
  str (c, "seller", out->seller_id, sizeof (out->seller_id), "s1");
  snprintf (out->account_id, sizeof (out->account_id), "acct");
  out->occurred_at = fc->as_of - num (c, "days_ago", 0) * 86400;
  json_array_foreach (json_object_get (c, "contacts"), i,
                      v) if (out->n_contacts < SCORE_MAX_CALL_CONTACTS)
    snprintf (out->contact_ids[out->n_contacts++], SCORE_ID_LEN, "%s",
              json_string_value (v));
  out->kind = score_call_kind_from_name (
    json_string_value (json_object_get (c, "kind")));
  if ((int) out->kind < 0)
    out->kind = SCORE_KIND_FOLLOW_UP;
  out->duration_minutes = 30;
  out->seller_talk_ratio = real (c, "talk", -1.0);
  out->questions_asked = (int) num (c, "questions", -1);
  json_array_foreach (json_object_get (c, "signals"), i,
                      v) if (score_signal_from_name (json_string_value (v))
                             >= 0)
    out->signals |= 1ull << score_signal_from_name (json_string_value (v));
  json_array_foreach (json_object_get (c, "topics"), i,
                      v) if (score_topic_from_name (json_string_value (v))
                             >= 0)
    out->topics |= 1u << score_topic_from_name (json_string_value (v));
  out->notes = json_string_value (json_object_get (c, "notes"));
  out->notes_len = out->notes ? strlen (out->notes) : 0;
  out->turns = fc->turns + fc->n_turns;
  json_array_foreach (json_object_get (c, "transcript"), i, v)
  {
    struct score_turn *u;
    const char *role = json_string_value (json_object_get (v, "role"));

    if (fc->n_turns >= FX_MAX_TURNS)
      break;
    u = &fc->turns[fc->n_turns++];
    u->speaker = json_string_value (json_object_get (v, "speaker"));
    u->speaker_len = u->speaker ? strlen (u->speaker) : 0;
    str (v, "contact", u->contact_id, sizeof (u->contact_id), "");
    u->role = (NULL != role && score_speaker_role_from_name (role) >= 0)
                ? (enum score_speaker_role) score_speaker_role_from_name (role)
                : SCORE_SPEAKER_OTHER;
    u->text = json_string_value (json_object_get (v, "text"));
    u->text_len = u->text ? strlen (u->text) : 0;
    out->n_turns++;
  }
  if (0 == out->n_turns)
    out->turns = NULL;
}

/**
 * Fill one report card.
 *
 * @param fc case
 * @param c card JSON
 * @param out card
 */
static void
fill_card (struct fx_case *fc, const json_t *c, struct score_report_card *out)
{
  const char *k;
  const json_t *v;

  memset (out, 0, sizeof (*out));
  str (c, "id", out->id, sizeof (out->id), "card");
  str (c, "contact", out->contact_id, sizeof (out->contact_id), "c1");
  str (c, "seller", out->seller_id, sizeof (out->seller_id), "s1");
  out->received_at = fc->as_of - num (c, "days_ago", 0) * 86400;
  out->ratings[SCORE_RATING_OVERALL] = (int) num (c, "overall", 3);
  json_object_foreach (json_object_get (c, "ratings"), k,
                       v) if (score_rating_from_name (k) >= 0)
    out->ratings[score_rating_from_name (k)] = (int) json_integer_value (v);
  out->recommend_score = (int) num (c, "recommend", -1);
  out->improvements_requested = (int) num (c, "improvements", 0);
  out->follow_up_done = json_is_true (json_object_get (c, "follow_up"));
}

/**
 * Fill one commitment.
 *
 * @param fc case
 * @param c commitment JSON
 * @param out commitment
 */
static void
fill_commitment (struct fx_case *fc, const json_t *c,
                 struct score_commitment *out)
{
  memset (out, 0, sizeof (*out));
  str (c, "id", out->id, sizeof (out->id), "cm");
  out->made_at = fc->as_of - num (c, "days_ago", 30) * 86400;
  if (json_object_get (c, "due_days_ago"))
    out->due_date = fc->as_of - num (c, "due_days_ago", 0) * 86400;
  out->status = score_commitment_status_from_name (
    json_string_value (json_object_get (c, "status")));
  if (json_object_get (c, "resolved_days_ago"))
    out->resolved_at = fc->as_of - num (c, "resolved_days_ago", 0) * 86400;
}

/**
 * Fill one values record.
 *
 * @param v values JSON (answers as a list or as {question: answer})
 * @param out values
 * @return out, or NULL when @a v is absent
 */
static struct score_values *
fill_values (const json_t *v, struct score_values *out)
{
  const char *k;
  const json_t *x;
  size_t i;

  if (! json_is_object (v))
    return NULL;
  memset (out, 0, sizeof (*out));
  /* a list of answers, or the API's form: {question: answer} (the
     engine reads the answers) */
  json_array_foreach (json_object_get (v, "answers"), i,
                      x) if (out->n_answers < SCORE_MAX_ANSWERS)
    out->answers[out->n_answers++] = json_string_value (x);
  json_object_foreach (json_object_get (v, "answers"), k,
                       x) if (out->n_answers < SCORE_MAX_ANSWERS)
  {
    out->questions[out->n_answers] = k;
    out->answers[out->n_answers++] = json_string_value (x);
  }
  json_object_foreach (json_object_get (v, "priorities"), k,
                       x) if (score_value_from_name (k) >= 0)
  {
    out->has_priority[score_value_from_name (k)] = true;
    out->priorities[score_value_from_name (k)] = json_number_value (x);
  }
  return out;
}

struct fx_case *
fx_case_new (json_t *c)
{
  struct fx_case *fc = calloc (1, sizeof (*fc));
  const json_t *v;
  const json_t *vals = json_object_get (c, "values");
  size_t i;

  fc->root = json_incref (c);
  fc->as_of = num (c, "as_of", 1767225600);
  fc->calls = calloc (SCORE_MAX_CALLS, sizeof (*fc->calls));
  fc->turns = calloc (FX_MAX_TURNS, sizeof (*fc->turns));
  snprintf (fc->in.account.id, SCORE_ID_LEN, "acct");
  snprintf (fc->in.account.owner_id, SCORE_ID_LEN, "s1");
  fc->in.account.stage = SCORE_STAGE_CUSTOMER;
  fc->in.account.purchase_stage = SCORE_PURCHASE_POST;
  json_array_foreach (json_object_get (c, "contacts"), i, v)
  {
    struct score_contact *ct = &fc->contacts[fc->in.n_contacts++];

    str (v, "id", ct->id, sizeof (ct->id), "c");
    str (v, "name", ct->name, sizeof (ct->name), "");
    ct->role = score_role_from_name (
      json_string_value (json_object_get (v, "role")));
    if ((int) ct->role < 0)
      ct->role = SCORE_ROLE_INFLUENCER;
    ct->influence = real (v, "influence", 0.5);
  }
  json_array_foreach (json_object_get (c, "calls"), i, v)
    fill_call (fc, v, &fc->calls[fc->in.n_calls++]);
  json_array_foreach (json_object_get (c, "cards"), i, v)
    fill_card (fc, v, &fc->cards[fc->in.n_cards++]);
  json_array_foreach (json_object_get (c, "commitments"), i, v)
    fill_commitment (fc, v, &fc->commitments[fc->in.n_commitments++]);
  fc->in.contacts = fc->contacts;
  fc->in.calls = fc->calls;
  fc->in.cards = fc->cards;
  fc->in.commitments = fc->commitments;
  fc->in.account_values = fill_values (json_object_get (vals, "account"),
                                       &fc->values[0]);
  fc->in.org_values = fill_values (json_object_get (vals, "organization"),
                                   &fc->values[1]);
  fc->in.owner_values = fill_values (json_object_get (vals, "owner"),
                                     &fc->values[2]);
  snprintf (fc->seller.seller_id, SCORE_ID_LEN, "s1");
  fc->seller.calls = fc->calls;
  fc->seller.n_calls = fc->in.n_calls;
  fc->seller.cards = fc->cards;
  fc->seller.n_cards = fc->in.n_cards;
  return fc;
}

void
fx_case_free (struct fx_case *fc)
{
  if (NULL == fc)
    return;
  json_decref (fc->root);
  free (fc->turns);
  free (fc->calls);
  free (fc);
}

struct score_model *
fx_model (void)
{
  char err[512];
  struct score_model *m = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));

  if (NULL == m)
  {
    fprintf (stderr, "%s\n", err);
    abort ();
  }
  return m;
}

struct score_model *fx_tmodel;
struct score_scratch *fx_tscratch;

void
fx_text_setup (void)
{
  fx_tmodel = fx_model ();
  fx_tscratch = score_scratch_new ();
  if (NULL == fx_tscratch)
    abort (); /* no Criterion here: the PGO trainer links this file too */
}

void
fx_text_teardown (void)
{
  score_scratch_free (&fx_tscratch);
  model_free (&fx_tmodel);
}

int
fx_hit (const char *text, const char *cue)
{
  int best = 0;

  score_text_analyze (fx_tmodel, fx_tscratch, text, strlen (text));
  for (size_t i = 0; i < fx_tscratch->n_hits; i++)
    if (0 == strcmp (fx_tmodel->cues[fx_tscratch->hits[i].cue].id, cue))
    {
      if (! fx_tscratch->hits[i].negated)
        return 1;
      best = 2;
    }
  return best;
}
