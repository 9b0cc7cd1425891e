/**
 * @file names.c
 * @brief Names of the engine's vocabularies (PRODUCT.md snake_case words).
 */
#include "svc/score.h"
#include "svc/score_model.h"

#include <string.h>

/** Orientation names. */
static const char *const orientation_names[] = { "security", "power",
                                                 "affiliation",
                                                 "actualization" };
/** Pillar names. */
static const char *const pillar_names[] = { "compatibility", "knowledge",
                                            "trust" };
/** Pillar status names. */
static const char *const status_names[] = { "vulnerable", "developing",
                                            "favored_vendor" };
/** Risk level names. */
static const char *const level_names[] = { "low", "medium", "high",
                                           "critical" };
/** Risk driver names. */
static const char *const driver_names[] = {
  "competitor_activity", "supplier_evaluation", "service_problems",
  "new_decision_maker",  "contact_gap",         "commitments",
  "report_card_trend",   "detractors",          "single_threaded",
  "one_pillar",          "orientation_exposure"
};
/** Approach names. */
static const char *const approach_names[] = { "pusher", "mixed", "builder" };
/** Trait names. */
static const char *const trait_names[] = { "talk_share",
                                           "questions",
                                           "prospecting",
                                           "price_reliance",
                                           "report_cards",
                                           "service_recovery",
                                           "recommended_alternative",
                                           "product_push" };
/** Values recommendation names. */
static const char *const rec_names[] = { "proceed", "hand_off", "walk_away" };
/** Value names. */
static const char *const value_names[] = {
  "quality",      "reliability",  "innovation",     "cost_savings",
  "time_savings", "productivity", "profitability",  "partnership",
  "speed",        "compliance",   "sustainability", "growth",
  "service"
};
/** Role names. */
static const char *const role_names[] = { "decision_maker", "influencer",
                                          "champion",       "end_user",
                                          "gatekeeper",     "procurement" };
/** Channel names. */
static const char *const channel_names[] = { "in_person", "video", "phone",
                                             "email",     "chat",  "event" };
/** Call kind names. */
static const char *const speaker_role_names[] = { "buyer", "seller", "other" };
static const char *const kind_names[] = { "cold_call",   "discovery",
                                          "follow_up",   "demo",
                                          "negotiation", "service",
                                          "review",      "social" };
/** Topic names. */
static const char *const topic_names[] = { "personal", "industry",
                                           "business", "product",
                                           "pricing",  "service_issue",
                                           "project",  "values" };
/** Signal names, in enum score_signal order. */
static const char *const signal_names[] = { "avoids_risk",
                                            "methodical_process",
                                            "seeks_others_opinion",
                                            "requests_documentation",
                                            "detail_oriented",
                                            "asks_for_guarantee",
                                            "dislikes_surprises",
                                            "assertive",
                                            "results_focused",
                                            "wants_recognition",
                                            "wants_involvement",
                                            "asks_for_milestones",
                                            "warm_rapport",
                                            "seeks_harmony",
                                            "avoids_conflict",
                                            "loyal_to_incumbent",
                                            "withholds_problems",
                                            "organization_first",
                                            "candid_feedback",
                                            "takes_risks",
                                            "shares_credit",
                                            "demands_performance",
                                            "personal_conversation",
                                            "shared_interest",
                                            "shared_insight",
                                            "solved_business_problem",
                                            "asked_about_plans",
                                            "asked_for_advice",
                                            "early_involvement",
                                            "executive_access",
                                            "referral_given",
                                            "confided_information",
                                            "competitor_mentioned",
                                            "shopping_alternatives",
                                            "rfp_issued",
                                            "price_pressure",
                                            "supplier_review",
                                            "budget_cut",
                                            "new_decision_maker",
                                            "complaint_raised",
                                            "service_failure",
                                            "justification_requested",
                                            "service_recovery",
                                            "recommended_alternative",
                                            "pushed_product" };
/** Rating names. */
static const char *const rating_names[] = {
  "responsiveness",     "product_knowledge",
  "industry_insight",   "promises_kept",
  "problem_resolution", "communication",
  "value_for_money",    "overall"
};
/** Source names. */
static const char *const source_names[] = { "call",       "report_card",
                                            "commitment", "values",
                                            "account",    "contact" };
/** Stage names. */
static const char *const stage_names[] = { "prospect", "customer", "former" };
/** Purchase stage names. */
static const char *const purchase_names[] = { "pre_purchase", "purchase",
                                              "post_purchase" };
/** Commitment status names. */
static const char *const commitment_names[] = { "open", "kept", "broken" };
/** Parameter names, in enum score_param_id order. */
static const char *const param_names[] = { "limits.max_calls",
                                           "limits.max_report_cards",
                                           "limits.max_commitments",
                                           "half_lives_days.orientation",
                                           "half_lives_days.pillars",
                                           "half_lives_days.risk",
                                           "half_lives_days.seller",
                                           "notes.negation_window",
                                           "notes.negation_after",
                                           "notes.fuzzy_min_length",
                                           "notes.gap_max",
                                           "notes.weight",
                                           "orientation.prior",
                                           "orientation.thin_min_evidence",
                                           "orientation.thin_min_weight",
                                           "orientation.thin_min_margin",
                                           "orientation.confidence_scale",
                                           "pillars.scale",
                                           "pillars.stands_at",
                                           "risk.medium_at",
                                           "risk.high_at",
                                           "risk.critical_at",
                                           "risk.scale",
                                           "risk.cadence_default_days",
                                           "risk.cadence_min_days",
                                           "risk.gap_ratio_start",
                                           "risk.gap_ratio_full",
                                           "risk.engaged_window_days",
                                           "risk.detractor_max",
                                           "risk.card_low",
                                           "seller.scale",
                                           "seller.builder_at",
                                           "seller.pusher_at",
                                           "values.proceed_at",
                                           "values.walk_away_below",
                                           "values.text_weight",
                                           "pillars.commitment_kept",
                                           "pillars.commitment_broken",
                                           "orientation.unattributed_weight",
                                           "pillars.phrase_step",
                                           "pillars.trust_min_items",
                                           "pillars.trust_min_kinds",
                                           "risk.phrase_step",
                                           "values.related_similarity",
                                           "risk.medium_breadth_points",
                                           "risk.medium_shopping_points",
                                           "values.clash_below",
                                           "values.clash_hand_off_at" };
/** Target kind names. */
static const char *const target_kind_names[] = { "orientation", "pillar",
                                                 "risk", "trait", "value" };

_Static_assert(sizeof (signal_names) / sizeof (signal_names[0])
                 == SCORE_SIG_COUNT,
               "signal names");
_Static_assert(sizeof (param_names) / sizeof (param_names[0]) == SCORE_P_COUNT,
               "param names");
_Static_assert(sizeof (driver_names) / sizeof (driver_names[0])
                 == SCORE_DRIVER_COUNT,
               "driver names");
_Static_assert(sizeof (trait_names) / sizeof (trait_names[0])
                 == SCORE_TRAIT_COUNT,
               "trait names");
_Static_assert(sizeof (value_names) / sizeof (value_names[0])
                 == SCORE_VALUE_COUNT,
               "value names");

/** Number of entries of a static array. */
#define N_OF(a) ((int) (sizeof (a) / sizeof ((a)[0])))

/**
 * Look up a name in a table.
 *
 * @param t table
 * @param n entries
 * @param v index
 * @return the name, "" when out of range
 */
static const char *
name_of (const char *const *t, int n, int v)
{
  return (v >= 0 && v < n) ? t[v] : "";
}

/**
 * Find a name in a table.
 *
 * @param t table
 * @param n entries
 * @param s name (NULL gives -1)
 * @return index or -1
 */
static int
index_of (const char *const *t, int n, const char *s)
{
  if (NULL == s)
    return -1;
  for (int i = 0; i < n; i++)
    if (0 == strcmp (t[i], s))
      return i;
  return -1;
}

/** Define name/from_name functions for one table. */
#define NAME_FNS(pfx, tbl) \
  const char *score_##pfx##_name (int v) \
  { \
    return name_of (tbl, N_OF (tbl), v); \
  }

/** Define a from_name function for one table. */
#define FROM_FNS(pfx, tbl) \
  int score_##pfx##_from_name (const char *s) \
  { \
    return index_of (tbl, N_OF (tbl), s); \
  }

/** @brief names of orientations */
NAME_FNS (orientation, orientation_names)
/** @brief parse orientation */
FROM_FNS (orientation, orientation_names)
/** @brief names of pillars */
NAME_FNS (pillar, pillar_names)
/** @brief names of statuses */
NAME_FNS (pillar_status, status_names)
/** @brief names of levels */
NAME_FNS (risk_level, level_names)
/** @brief names of drivers */
NAME_FNS (driver, driver_names)
/** @brief parse driver */
FROM_FNS (driver, driver_names)
/** @brief names of approaches */
NAME_FNS (approach, approach_names)
/** @brief names of traits */
NAME_FNS (trait, trait_names)
/** @brief parse trait */
FROM_FNS (trait, trait_names)
/** @brief names of recommendations */
NAME_FNS (values_rec, rec_names)
/** @brief names of values */
NAME_FNS (value, value_names)
/** @brief parse value */
FROM_FNS (value, value_names)
/** @brief names of roles */
NAME_FNS (role, role_names)
/** @brief parse role */
FROM_FNS (role, role_names)
/** @brief names of channels */
NAME_FNS (channel, channel_names)
/** @brief parse channel */
FROM_FNS (channel, channel_names)
/** @brief names of transcript speaker roles */
NAME_FNS (speaker_role, speaker_role_names)
/** @brief parse speaker role */
FROM_FNS (speaker_role, speaker_role_names)
/** @brief names of kinds */
NAME_FNS (call_kind, kind_names)
/** @brief parse kind */
FROM_FNS (call_kind, kind_names)
/** @brief names of topics */
NAME_FNS (topic, topic_names)
/** @brief parse topic */
FROM_FNS (topic, topic_names)
/** @brief names of signals */
NAME_FNS (signal, signal_names)
/** @brief parse signal */
FROM_FNS (signal, signal_names)
/** @brief names of ratings */
NAME_FNS (rating, rating_names)
/** @brief parse rating */
FROM_FNS (rating, rating_names)
/** @brief names of sources */
NAME_FNS (source, source_names)
/** @brief names of stages */
NAME_FNS (stage, stage_names)
/** @brief parse stage */
FROM_FNS (stage, stage_names)
/** @brief names of purchase stages */
NAME_FNS (purchase_stage, purchase_names)
/** @brief parse purchase stage */
FROM_FNS (purchase_stage, purchase_names)
/** @brief names of commitment statuses */
NAME_FNS (commitment_status, commitment_names)
/** @brief parse commitment status */
FROM_FNS (commitment_status, commitment_names)
/** @brief names of parameters */
NAME_FNS (param, param_names)
/** @brief parse parameter */
FROM_FNS (param, param_names)
/** @brief names of target kinds */
NAME_FNS (target_kind, target_kind_names)

/**
 * Name of a target (see score_model.h).
 *
 * @param t target
 * @return static name; traits and values carry a "trait:"/"value:" prefix
 */
const char *
score_target_name (struct score_target t)
{
  static const char *const trait_q[] = { "trait:talk_share",
                                         "trait:questions",
                                         "trait:prospecting",
                                         "trait:price_reliance",
                                         "trait:report_cards",
                                         "trait:service_recovery",
                                         "trait:recommended_alternative",
                                         "trait:product_push" };
  static const char *const value_q[] = {
    "value:quality",       "value:reliability",    "value:innovation",
    "value:cost_savings",  "value:time_savings",   "value:productivity",
    "value:profitability", "value:partnership",    "value:speed",
    "value:compliance",    "value:sustainability", "value:growth",
    "value:service"
  };

  switch (t.kind)
  {
  case SCORE_TARGET_ORIENTATION:
    return score_orientation_name (t.index);
  case SCORE_TARGET_PILLAR:
    return score_pillar_name (t.index);
  case SCORE_TARGET_RISK:
    return score_driver_name (t.index);
  case SCORE_TARGET_TRAIT:
    return name_of (trait_q, N_OF (trait_q), t.index);
  case SCORE_TARGET_VALUE:
    return name_of (value_q, N_OF (value_q), t.index);
  }
  return "";
}

/**
 * Parse a target name (see score_model.h).
 *
 * @param s name
 * @param[out] t target
 * @return true when known
 */
bool
score_target_from_name (const char *s, struct score_target *t)
{
  int i;

  if (NULL == s)
    return false;
  if ((i = score_orientation_from_name (s)) >= 0)
    *t = (struct score_target){ SCORE_TARGET_ORIENTATION, i };
  else if ((i = index_of (pillar_names, N_OF (pillar_names), s)) >= 0)
    *t = (struct score_target){ SCORE_TARGET_PILLAR, i };
  else if ((i = score_driver_from_name (s)) >= 0)
    *t = (struct score_target){ SCORE_TARGET_RISK, i };
  else if (0 == strncmp (s, "trait:", 6)
           && (i = score_trait_from_name (s + 6)) >= 0)
    *t = (struct score_target){ SCORE_TARGET_TRAIT, i };
  else if (0 == strncmp (s, "value:", 6)
           && (i = score_value_from_name (s + 6)) >= 0)
    *t = (struct score_target){ SCORE_TARGET_VALUE, i };
  else
    return false;
  return true;
}

const char *
score_boilerplate_name (enum score_boilerplate k)
{
  static const char *const names[SCORE_BOILER_COUNT] = {
    "signature",        "disclaimer", "quoted_reply",
    "forward_header",   "auto_reply", "form_field",
    "recording_header", "invite",     "tracking"
  };

  return ((int) k >= 0 && k < SCORE_BOILER_COUNT) ? names[k] : "unknown";
}

const char *
score_read_reason_name (unsigned bit)
{
  switch (bit)
  {
  case SCORE_READ_NEGATED:
    return "negated";
  case SCORE_READ_THIRD_PARTY:
    return "third_party";
  case SCORE_READ_OUR_SIDE:
    return "our_side";
  case SCORE_READ_FORMER:
    return "former";
  case SCORE_READ_PAST:
    return "past";
  case SCORE_READ_HYPOTHETICAL:
    return "hypothetical";
  case SCORE_READ_SARCASM:
    return "sarcasm";
  case SCORE_READ_OPPOSED:
    return "opposed";
  case SCORE_READ_SPEAKER:
    return "speaker";
  case SCORE_READ_NAME:
    return "name";
  case SCORE_READ_FILLER:
    return "filler";
  case SCORE_READ_SELLER_SELF:
    return "seller_self";
  case SCORE_READ_RIVAL:
    return "rival";
  case SCORE_READ_DECLINED:
    return "declined";
  default:
    return NULL;
  }
}
