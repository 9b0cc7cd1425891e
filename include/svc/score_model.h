/**
 * @file score_model.h
 * @brief The scoring model's tables: lexicon (cues, phrases, lookup index,
 *        typo vocabulary), weights, parameters and texts, each with its seed.
 *
 * Not part of the engine's API (that is svc/score.h, where struct
 * score_model is opaque). Only the two halves of the scoring stack include
 * it: service/model/ fills it from model/rapport-model-v1.json and renders
 * it, service/scoring/ reads it; so do their tests (tests/unit/scoring) and
 * benchmark (bench/scoring). tests/lint/scoring_purity.sh fails when any
 * other file includes it.
 *
 * It sits in include/svc/ rather than next to a .c because both CMake
 * targets (rapport_scoring and rapport_model) need it through the include
 * path they already share.
 */
#ifndef SVC_SCORE_MODEL_H
#define SVC_SCORE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "svc/score.h"

/** Most lexicon patterns. */
#define SCORE_MAX_PATTERNS 32768
/** Most cues (groups of patterns sharing target/weight/seed). */
#define SCORE_MAX_CUES 1024
/** Most tokens in one lexicon pattern. */
#define SCORE_MAX_PATTERN_TOKENS 8
/** Bytes of one lexicon word or stem including NUL. */
#define SCORE_WORD_LEN 32
/** Bytes of a seed file name including NUL. */
#define SCORE_SEED_LEN 48
/** Bytes of a guidance/explanation text including NUL. */
#define SCORE_GUIDANCE_LEN 400
/** Bytes of the model version including NUL. */
#define SCORE_VERSION_LEN 32
/** Most distinct lexicon words kept for typo correction. */
#define SCORE_MAX_VOCAB 16384
/** Most distinct lexicon stems. */
#define SCORE_MAX_STEMS 32768

/**
 * What a cue or a structured signal counts toward. Orientation, pillar
 * and value targets are indices offset into one flat range.
 */
enum score_target_kind
{
  SCORE_TARGET_ORIENTATION = 0, /**< index: enum score_orientation */
  SCORE_TARGET_PILLAR,          /**< index: enum score_pillar */
  SCORE_TARGET_RISK,            /**< index: enum score_driver */
  SCORE_TARGET_TRAIT,           /**< index: enum score_trait */
  SCORE_TARGET_VALUE            /**< index: enum score_value */
};

/** A target: kind plus index within that kind. */
struct score_target
{
  enum score_target_kind kind;
  int index;
};

/** One lexicon cue: a meaning with its weight and seed. */
struct score_cue
{
  char id[SCORE_SIGNAL_LEN];
  struct score_target target;
  double weight; /**< signed, |w| <= 5 */
  char seed[SCORE_SEED_LEN];
};

/** Special pattern token hashes. */
#define SCORE_TOKEN_GAP 1u /**< "~": skip 0..model.gap_max tokens */
#define SCORE_TOKEN_NEG 2u /**< any negator (not, no, never, n't ...) */

/** One lexicon pattern: a phrase of stems belonging to a cue. */
struct score_pattern
{
  int cue; /**< index into model.cues */
  int n_tokens;
  uint32_t hashes[SCORE_MAX_PATTERN_TOKENS]; /**< stem hashes / specials */
  bool has_negator;                          /**< pattern contains a negator */
  bool gapped; /**< pattern contains a "~" gap (matched by match_at) */
  bool exact;  /**< "=words": these forms of the words only ("=renewed" is
                 not "renewal", "=the credit" not "the credits"), compared
                 case-insensitively, one space apart */
  char text[SCORE_GUIDANCE_LEN / 4]; /**< the phrase as written */
};

/** "Any second token" key of a pattern index group (single-word phrases
    and phrases whose second token is "~"). */
#define SCORE_INDEX_ANY 0u
/** Slots of the pattern lookup table (a power of two, over twice the
    most patterns, so probes stay short). */
#define SCORE_INDEX_SLOTS (2 * SCORE_MAX_PATTERNS)
/** Bits of the first-token filter (a power of two). */
#define SCORE_INDEX_FILTER_BITS 65536
/** Bits of the (first, second) pair filter (a power of two). */
#define SCORE_PAIR_FILTER_BITS 65536

/** One group of the pattern lookup table: the patterns whose first token
    is @a first and whose second is @a second (or SCORE_INDEX_ANY). */
struct score_index_slot
{
  uint32_t first;  /**< first-token hash */
  uint32_t second; /**< second-token hash or ANY */
  uint32_t start;  /**< into model.index_pattern */
  uint32_t count;  /**< 0 = empty slot */
};

/** A structured signal's contribution. */
struct score_signal_weight
{
  struct score_target target;
  double weight;
  char seed[SCORE_SEED_LEN];
};

/** A number with the seed that justifies it. */
struct score_param
{
  double value;
  char seed[SCORE_SEED_LEN];
};

/** A text with the seed it comes from. */
struct score_text
{
  char text[SCORE_GUIDANCE_LEN];
  char seed[SCORE_SEED_LEN];
};

/** Named numeric parameters of the model (thresholds, scales). */
enum score_param_id
{
  SCORE_P_MAX_CALLS = 0,
  SCORE_P_MAX_CARDS,
  SCORE_P_MAX_COMMITMENTS,
  SCORE_P_HALF_LIFE_ORIENTATION, /**< days */
  SCORE_P_HALF_LIFE_PILLARS,
  SCORE_P_HALF_LIFE_RISK,
  SCORE_P_HALF_LIFE_SELLER,
  SCORE_P_NEGATION_WINDOW,   /**< tokens before a cue */
  SCORE_P_NEGATION_AFTER,    /**< tokens after a cue ("not asked") */
  SCORE_P_FUZZY_MIN_LEN,     /**< shortest word corrected by 1 edit */
  SCORE_P_GAP_MAX,           /**< tokens a "~" may skip */
  SCORE_P_NOTE_WEIGHT,       /**< multiplier of note cues */
  SCORE_P_ORIENTATION_PRIOR, /**< smoothing weight per orientation */
  SCORE_P_THIN_MIN_EVIDENCE, /**< independent items for a primary */
  SCORE_P_THIN_MIN_WEIGHT,   /**< decayed weight for a primary */
  SCORE_P_THIN_MIN_MARGIN,   /**< top minus second share */
  SCORE_P_CONFIDENCE_SCALE,  /**< items for 63% saturation */
  SCORE_P_PILLAR_SCALE,      /**< weight for 63% of 100 */
  SCORE_P_PILLAR_STANDS,     /**< score a pillar needs to stand */
  SCORE_P_RISK_MEDIUM,       /**< level thresholds */
  SCORE_P_RISK_HIGH,
  SCORE_P_RISK_CRITICAL,
  SCORE_P_RISK_SCALE,           /**< weight for 63% of a driver's max */
  SCORE_P_CADENCE_DEFAULT_DAYS, /**< cadence with < 3 calls */
  SCORE_P_CADENCE_MIN_DAYS,
  SCORE_P_GAP_RATIO_START, /**< silence/cadence ratio for points */
  SCORE_P_GAP_RATIO_FULL,
  SCORE_P_ENGAGED_WINDOW_DAYS,  /**< window for single-threaded test */
  SCORE_P_DETRACTOR_MAX,        /**< recommend_score <= this */
  SCORE_P_CARD_LOW,             /**< overall <= this is low */
  SCORE_P_SELLER_SCALE,         /**< trait sum for tanh scaling */
  SCORE_P_SELLER_BUILDER,       /**< score >= this: builder */
  SCORE_P_SELLER_PUSHER,        /**< score <= this: pusher */
  SCORE_P_VALUES_PROCEED,       /**< fit >= this: proceed */
  SCORE_P_VALUES_WALK_AWAY,     /**< org fit < this: walk away */
  SCORE_P_VALUES_TEXT_WEIGHT,   /**< weight of answers-derived values */
  SCORE_P_COMMITMENT_KEPT,      /**< trust weight of a kept promise */
  SCORE_P_COMMITMENT_BROKEN,    /**< trust weight of a broken promise */
  SCORE_P_UNATTRIBUTED_WEIGHT,  /**< team weight of calls w/o contacts */
  SCORE_P_PILLAR_PHRASE_STEP,   /**< share of a pillar cue's weight each
                                        further distinct phrase of it in
                                        one note adds (at most two) */
  SCORE_P_TRUST_MIN_ITEMS,      /**< positive trust items for trust to
                                        stand (002: sustained performance) */
  SCORE_P_TRUST_MIN_KINDS,      /**< distinct kinds of them (002: a broad
                                        spectrum of services) */
  SCORE_P_RISK_PHRASE_STEP,     /**< share of a risk cue's weight each
                                        further distinct phrase of it in
                                        one note adds (at most two) */
  SCORE_P_VALUES_RELATED,       /**< how alike two related values count */
  SCORE_P_RISK_BREADTH_POINTS,  /**< points each of two drivers of what the
                                        buyer does needs to make an account
                                        at least medium (004) */
  SCORE_P_RISK_SHOPPING_POINTS, /**< points a competitor or review driver
                                        alone needs to make an account at
                                        least medium (004) */
  SCORE_P_VALUES_CLASH_BELOW,   /**< owner fit under which a clash of
                                        ways of working hands off (003) */
  SCORE_P_VALUES_CLASH_AT,      /**< a clash of ways of working this
                                        strong hands off whatever the owner
                                        fit (003) */
  SCORE_P_COUNT
};

/** The whole scoring model; flat (memcpy-able), no pointers. */
struct score_model
{
  char version[SCORE_VERSION_LEN];
  int n_seeds;                   /**< seed articles cited */
  char seeds[8][SCORE_SEED_LEN]; /**< their file names */
  char seed_titles[8][SCORE_GUIDANCE_LEN / 2];
  struct score_param params[SCORE_P_COUNT];
  struct score_signal_weight signals[SCORE_SIG_COUNT]
                                    [2]; /**< up to 2 targets */
  int n_signal_targets[SCORE_SIG_COUNT];
  struct score_signal_weight topics[SCORE_TOPIC_COUNT];
  bool has_topic[SCORE_TOPIC_COUNT];
  struct score_signal_weight ratings[SCORE_RATING_COUNT]; /**< per point
                                         above 3 (1..5 scale) */
  bool has_rating[SCORE_RATING_COUNT];
  struct score_param role_weights[SCORE_ROLE_COUNT];
  struct score_param driver_max[SCORE_DRIVER_COUNT]; /**< max points */
  struct score_param trait_max[SCORE_TRAIT_COUNT];   /**< max |points| */
  struct score_text driver_explanations[SCORE_DRIVER_COUNT];
  struct score_text driver_actions[SCORE_DRIVER_COUNT];
  struct score_text guidance_orientation[SCORE_ORIENTATION_COUNT];
  struct score_text guidance_pillars[3]; /**< per enum score_pillar_status */
  struct score_text guidance_values[3];  /**< per enum score_values_rec */
  struct score_text guidance_seller[3];  /**< per enum score_approach */
  struct score_text guidance_thin;
  int n_cues;
  struct score_cue cues[SCORE_MAX_CUES];
  int n_patterns;
  struct score_pattern patterns[SCORE_MAX_PATTERNS];
  /** Pattern indices grouped by (first token, second token or any),
      ascending within a group (built by prepare). */
  int index_pattern[SCORE_MAX_PATTERNS];
  /** Open-addressing table of those groups (built by prepare). */
  struct score_index_slot index_slots[SCORE_INDEX_SLOTS];
  /** Bit (hash & (SCORE_INDEX_FILTER_BITS - 1)) set for every first-token
      hash: most note tokens start no phrase (built by prepare). */
  uint64_t index_filter[SCORE_INDEX_FILTER_BITS / 64];
  /** Bit score_pair_bit(first, second) set for every group with a second
      token: most pairs of note tokens start no phrase, and this 8 KiB
      answers that from the L1 cache where a probe of index_slots (256 KiB)
      missed it (built by prepare). */
  uint64_t pair_filter[SCORE_PAIR_FILTER_BITS / 64];
  /** Bit as in index_filter for every first token of an "x ~ y" phrase:
      most first tokens have none, and the analysis then does not look
      past the next token (built by prepare). */
  uint64_t gapped_filter[SCORE_INDEX_FILTER_BITS / 64];
  /** Bit as in index_filter for every first token of a group with "any
      second token" (one-word phrases, "x ~ ~ y"): most first tokens have
      none, and the analysis then probes no such group (built by
      prepare). */
  uint64_t any_filter[SCORE_INDEX_FILTER_BITS / 64];
  /** Sorted stem hashes of every lexicon word (built by prepare). */
  int n_stems;
  uint32_t stems[SCORE_MAX_STEMS];
  /** Lexicon words for one-edit typo correction, sorted by first letter. */
  int n_vocab;
  char vocab[SCORE_MAX_VOCAB][SCORE_WORD_LEN];
  uint32_t vocab_hash[SCORE_MAX_VOCAB]; /**< stem hash of vocab[i] */
  int vocab_start[27];                  /**< first index per letter a..z */
};

/**
 * Finish a model filled from data: tokenize and stem every lexicon
 * pattern, build the lookup index and check the parameters.
 *
 * @param[in,out] model model whose cues/patterns text has been filled
 * @param scratch a scratch (for its stemmer)
 * @param[out] err message naming the bad entry, on failure
 * @param err_len bytes of @a err
 * @return true when the model is usable
 */
bool
score_model_prepare (struct score_model *model, struct score_scratch *scratch,
                     char *err, size_t err_len);

/* Name <-> enum helpers of the model's own vocabularies (parameters and
 * targets), with the conventions of those in svc/score.h. */

/** @param v value @return its name */
const char *score_param_name (int v);
/** @param s name @return enum score_param_id or -1 */
int score_param_from_name (const char *s);
/** @param k target kind @return its name ("orientation", "pillar", ...) */
const char *score_target_kind_name (int k);
/** @param t target @return the target's name, e.g. "security", "trust" */
const char *score_target_name (struct score_target t);
/**
 * Parse a target name such as "security", "trust", "competitor_activity",
 * "trait:talk_share" or "value:quality".
 *
 * @param s the name
 * @param[out] t the target
 * @return true when known
 */
bool score_target_from_name (const char *s, struct score_target *t);

#endif /* SVC_SCORE_MODEL_H */
