/**
 * @file account.c
 * @brief Account assessment: buying-team orientation, pillars, buyer risk
 *        and values fit, from one pass over the account's calls.
 */
#include "svc/score.h"
#include "internal.h"

#include <string.h>

/**
 * Fill the buying team and the team orientation from per-contact
 * accumulators: each contact weighs role weight x influence.
 *
 * @param m model
 * @param in account data
 * @param calls counted calls
 * @param n_calls number of counted calls
 * @param acc per-contact accumulators (+ unattributed at n_contacts)
 * @param out assessment
 */
static void
team (const struct score_model *m, const struct score_account_input *in,
      const size_t *calls, size_t n_calls, const struct score_orient_acc *acc,
      struct score_account_assessment *out)
{
  struct score_orient_acc t;
  const struct score_orient_acc *un = &acc[in->n_contacts];
  double uw = score_p (m, SCORE_P_UNATTRIBUTED_WEIGHT);

  memset (&t, 0, sizeof (t));
  out->n_team = in->n_contacts;
  for (size_t i = 0; i < in->n_contacts; i++)
  {
    const struct score_contact *c = &in->contacts[i];
    struct score_team_member *tm = &out->team[i];
    struct score_orientation_result r;
    double infl = (c->influence >= 0 && c->influence <= 1) ? c->influence
                                                           : 0.5;
    int role = (c->role >= 0 && c->role < SCORE_ROLE_COUNT) ? (int) c->role
                                                            : 0;

    score_strlcpy (tm->contact_id, sizeof (tm->contact_id), c->id);
    tm->role = c->role;
    tm->influence = infl;
    tm->weight = m->role_weights[role].value * infl;
    score_orientation_finish (m, &acc[i], &r);
    tm->primary = r.primary;
    tm->confidence = r.confidence;
    for (size_t k = 0; k < n_calls; k++)
    {
      const struct score_call *call = &in->calls[calls[k]];

      for (size_t j = 0; j < call->n_contacts; j++)
        if (0 == strcmp (call->contact_ids[j], c->id))
        {
          tm->calls++;
          if (call->occurred_at > tm->last_contact)
            tm->last_contact = call->occurred_at;
          break;
        }
    }
    tm->coverage = n_calls ? (double) tm->calls / (double) n_calls : 0.0;
    for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
    {
      t.w[o] += tm->weight * acc[i].w[o];
      t.items[o] += acc[i].items[o];
    }
    for (size_t k = 0; k < acc[i].evidence.n; k++)
      score_evidence_add (&t.evidence, &acc[i].evidence.items[k]);
  }
  for (int o = 0; o < SCORE_ORIENTATION_COUNT; o++)
  {
    t.w[o] += uw * un->w[o];
    t.items[o] += un->items[o];
  }
  for (size_t k = 0; k < un->evidence.n; k++)
    score_evidence_add (&t.evidence, &un->evidence.items[k]);
  score_orientation_finish (m, &t, &out->orientation);
}

enum score_status
score_assess_account (const struct score_model *m,
                      const struct score_account_input *in, int64_t as_of,
                      struct score_scratch *s,
                      struct score_account_assessment *out)
{
  struct score_orient_acc *acc;
  struct score_account_acc *aa;
  size_t *idx;
  size_t n;

  if (NULL == m || NULL == in || NULL == out
      || in->n_contacts > SCORE_MAX_CONTACTS || in->n_calls > SCORE_MAX_CALLS
      || in->n_cards > SCORE_MAX_CARDS
      || in->n_commitments > SCORE_MAX_COMMITMENTS)
    return SCORE_ERR_ARGUMENT;
  if (NULL == s || NULL == s->stemmer)
    return SCORE_ERR_STEMMER;
  acc = s->accs;
  aa = &s->account;
  idx = s->call_idx;
  memset (out, 0, sizeof (*out));
  memset (acc, 0, sizeof (acc[0]) * (in->n_contacts + 1));
  memset (aa, 0, sizeof (*aa));
  memset (s->names_ready, 0, sizeof (s->names_ready));
  score_strlcpy (out->account_id, sizeof (out->account_id), in->account.id);
  n = score_select_calls (m, in->calls, in->n_calls, as_of, idx);
  for (size_t i = 0; i < n; i++)
  {
    const struct score_call *c = &in->calls[idx[i]];

    score_call_read (m, s, in, c);
    score_orientation_add_call (m, in, c, as_of, s, acc, &acc[in->n_contacts]);
    score_pillars_add_call (m, c, as_of, s, aa);
    score_risk_add_call (m, c, as_of, s, aa);
  }
  team (m, in, idx, n, acc, out);
  score_pillars_finish (m, in, as_of, aa, &out->pillars);
  score_risk_finish (m, in, as_of, idx, n, aa, out, &out->buyer_risk);
  score_values_assess (m, in, s, &out->values_fit);
  return SCORE_OK;
}
