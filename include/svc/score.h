/**
 * @file score.h
 * @brief Rapport scoring engine: plain input structs in, assessments out.
 *
 * The engine (service/scoring/, CMake target `rapport_scoring`) is pure:
 * no I/O, no clock (the caller passes @c as_of), no libmicrohttpd, libpq
 * or Jansson; the ctest lint_scoring_purity (tests/lint/scoring_purity.sh)
 * checks the library's symbols and includes against allow-lists. It reads
 * the model (struct score_model, loaded and validated by model_load() in
 * svc/model.h) and the account data the store loaded.
 *
 * This header is the engine's API: inputs, outputs and vocabularies, what
 * service/api and service/store use. The model is opaque here; its tables
 * (lexicon, weights, parameters, texts) are in svc/score_model.h, which
 * only service/model/, service/scoring/ and their tests include.
 *
 * Memory: every input is caller-owned and only read. Every output struct
 * is caller-owned and filled in place; outputs are large (tens of kB), so
 * allocate them on the heap. `const char *` text in outputs (guidance,
 * actions) is borrowed from the model and lives as long as the model.
 * The only allocation is struct score_scratch (score_scratch_new), which
 * owns the Snowball stemmer and note-token buffers; create one per thread
 * and reuse it. Nothing else is allocated.
 *
 * Seeds: orientations 000-customer-orientations.txt, seller approach
 * 001-pusher-vs-builder.txt, pillars 002-relationship-pillars.txt, values
 * 003-value-discovery.txt, buyer risk 004-customers-are-buyers.txt.
 */
#ifndef SVC_SCORE_H
#define SVC_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Compile-time limits                                                  */
/* ------------------------------------------------------------------ */

/** Bytes of a UUID string plus NUL. */
#define SCORE_ID_LEN 37
/** Bytes of a contact name (truncated by the caller if longer). */
#define SCORE_NAME_LEN 128
/** Most contacts per account considered. */
#define SCORE_MAX_CONTACTS 64
/** Most contacts attached to one call. */
#define SCORE_MAX_CALL_CONTACTS 16
/** Most calls per assessment (the model's limits.max_calls is <= this). */
#define SCORE_MAX_CALLS 1000
/** Most report cards per assessment (model limits.max_report_cards <=). */
#define SCORE_MAX_CARDS 200
/** Most commitments per assessment (model limits.max_commitments <=). */
#define SCORE_MAX_COMMITMENTS 200
/** Most value-discovery answers per values record. */
#define SCORE_MAX_ANSWERS 16
/** Longest note read, in bytes (PRODUCT.md: 20,000 characters). */
#define SCORE_MAX_NOTE_BYTES 80000
/** Evidence items kept per list (strongest first; `total` counts all). */
#define SCORE_MAX_EVIDENCE 12
/** Bytes of an evidence excerpt including NUL (valid UTF-8). */
#define SCORE_EXCERPT_LEN 161
/** Bytes of a signal/cue/rule name including NUL. */
#define SCORE_SIGNAL_LEN 48
/** Bytes of a formatted explanation including NUL. */
#define SCORE_TEXT_LEN 480

/* ------------------------------------------------------------------ */
/* Vocabularies (PRODUCT.md). Each has name <-> enum helpers below.     */
/* ------------------------------------------------------------------ */

/** Customer orientation (000-customer-orientations.txt). */
enum score_orientation
{
  SCORE_ORIENTATION_NONE = -1, /**< thin evidence: no primary */
  SCORE_ORIENTATION_SECURITY = 0,
  SCORE_ORIENTATION_POWER,
  SCORE_ORIENTATION_AFFILIATION,
  SCORE_ORIENTATION_ACTUALIZATION,
  SCORE_ORIENTATION_COUNT
};

/** Relationship pillar (002-relationship-pillars.txt). */
enum score_pillar
{
  SCORE_PILLAR_COMPATIBILITY = 0,
  SCORE_PILLAR_KNOWLEDGE,
  SCORE_PILLAR_TRUST,
  SCORE_PILLAR_COUNT
};

/** Pillar status of an account. */
enum score_pillar_status
{
  SCORE_STATUS_VULNERABLE = 0, /**< zero or one pillar stands */
  SCORE_STATUS_DEVELOPING,     /**< two pillars stand */
  SCORE_STATUS_FAVORED_VENDOR  /**< all three stand */
};

/** Buyer-risk level. */
enum score_risk_level
{
  SCORE_RISK_LOW = 0,
  SCORE_RISK_MEDIUM,
  SCORE_RISK_HIGH,
  SCORE_RISK_CRITICAL
};

/** Buyer-risk drivers (004-customers-are-buyers.txt and others). */
enum score_driver
{
  SCORE_DRIVER_COMPETITOR_ACTIVITY = 0, /**< competitors, shopping, RFP */
  SCORE_DRIVER_SUPPLIER_EVALUATION, /**< reviews, justification, price, budget */
  SCORE_DRIVER_SERVICE_PROBLEMS,    /**< complaints, service failures */
  SCORE_DRIVER_NEW_DECISION_MAKER,
  SCORE_DRIVER_CONTACT_GAP,          /**< silence vs the account's cadence */
  SCORE_DRIVER_COMMITMENTS,          /**< overdue or broken promises */
  SCORE_DRIVER_REPORT_CARD_TREND,    /**< falling or low report cards */
  SCORE_DRIVER_DETRACTORS,           /**< recommend_score 0..6 */
  SCORE_DRIVER_SINGLE_THREADED,      /**< one engaged contact */
  SCORE_DRIVER_ONE_PILLAR,           /**< relationship on <= one pillar */
  SCORE_DRIVER_ORIENTATION_EXPOSURE, /**< e.g. Actualization low loyalty */
  SCORE_DRIVER_COUNT
};

/** Seller approach (001-pusher-vs-builder.txt). */
enum score_approach
{
  SCORE_APPROACH_PUSHER = 0,
  SCORE_APPROACH_MIXED,
  SCORE_APPROACH_BUILDER
};

/** Seller traits behind the approach score. */
enum score_trait
{
  SCORE_TRAIT_TALK_SHARE = 0,
  SCORE_TRAIT_QUESTIONS,
  SCORE_TRAIT_PROSPECTING, /**< cold calls vs referrals */
  SCORE_TRAIT_PRICE_RELIANCE,
  SCORE_TRAIT_REPORT_CARDS, /**< gathered and followed up */
  SCORE_TRAIT_SERVICE_RECOVERY,
  SCORE_TRAIT_ALTERNATIVE,  /**< recommended someone else's product */
  SCORE_TRAIT_PRODUCT_PUSH, /**< pitching, force-fitting, talking */
  SCORE_TRAIT_COUNT
};

/** Values-fit recommendation (003-value-discovery.txt). */
enum score_values_rec
{
  SCORE_VALUES_NONE = -1, /**< no answers or priorities: null */
  SCORE_VALUES_PROCEED = 0,
  SCORE_VALUES_HAND_OFF,
  SCORE_VALUES_WALK_AWAY
};

/** The 13 named values of PRODUCT.md. */
enum score_value
{
  SCORE_VALUE_QUALITY = 0,
  SCORE_VALUE_RELIABILITY,
  SCORE_VALUE_INNOVATION,
  SCORE_VALUE_COST_SAVINGS,
  SCORE_VALUE_TIME_SAVINGS,
  SCORE_VALUE_PRODUCTIVITY,
  SCORE_VALUE_PROFITABILITY,
  SCORE_VALUE_PARTNERSHIP,
  SCORE_VALUE_SPEED,
  SCORE_VALUE_COMPLIANCE,
  SCORE_VALUE_SUSTAINABILITY,
  SCORE_VALUE_GROWTH,
  SCORE_VALUE_SERVICE,
  SCORE_VALUE_COUNT
};

/** Contact role. */
enum score_role
{
  SCORE_ROLE_DECISION_MAKER = 0,
  SCORE_ROLE_INFLUENCER,
  SCORE_ROLE_CHAMPION,
  SCORE_ROLE_END_USER,
  SCORE_ROLE_GATEKEEPER,
  SCORE_ROLE_PROCUREMENT,
  SCORE_ROLE_COUNT
};

/** Who speaks a transcript turn. */
enum score_speaker_role
{
  SCORE_SPEAKER_BUYER = 0, /**< someone on the customer's side */
  SCORE_SPEAKER_SELLER,    /**< our seller (or a colleague of ours) */
  SCORE_SPEAKER_OTHER,     /**< anyone else (a partner, an assistant) */
  SCORE_SPEAKER_COUNT
};

/** Most turns of a call's transcript the engine reads. */
#define SCORE_MAX_TURNS 1000

/** One speaker-labelled turn of a call transcript. */
struct score_turn
{
  const char *speaker;           /**< borrowed label as written, may be NULL */
  size_t speaker_len;            /**< bytes of speaker */
  char contact_id[SCORE_ID_LEN]; /**< the contact who spoke, "" if not known */
  enum score_speaker_role role;
  const char *text; /**< borrowed UTF-8 */
  size_t text_len;  /**< bytes of text */
};

/** Kinds of boilerplate the note reader sets aside (docs/scoring.md). */
enum score_boilerplate
{
  SCORE_BOILER_SIGNATURE = 0,    /**< sign-off, name, title, contact lines,
                                     tagline, "Sent from my phone" */
  SCORE_BOILER_DISCLAIMER,       /**< confidentiality / legal notice */
  SCORE_BOILER_QUOTED_REPLY,     /**< "> " lines, "On ... wrote:", an
                                     "Original Message" block */
  SCORE_BOILER_FORWARD_HEADER,   /**< forwarding banner, From:/Sent:/To: */
  SCORE_BOILER_AUTO_REPLY,       /**< out-of-office and automatic replies */
  SCORE_BOILER_FORM_FIELD,       /**< "Job title: ..." and other form lines */
  SCORE_BOILER_RECORDING_HEADER, /**< "Recording started", transcriber
                                      banners, bare timestamps */
  SCORE_BOILER_INVITE,           /**< meeting-invite lines and agendas */
  SCORE_BOILER_TRACKING,         /**< parcel and shipment tracking lines */
  SCORE_BOILER_COUNT
};

/* Why a cue found in a call did not count (bits of a reading). */
#define SCORE_READ_NEGATED 0x001u      /**< inside a negation's scope */
#define SCORE_READ_THIRD_PARTY 0x002u  /**< describes someone else there */
#define SCORE_READ_OUR_SIDE 0x004u     /**< describes someone on our side */
#define SCORE_READ_FORMER 0x008u       /**< describes a predecessor */
#define SCORE_READ_PAST 0x010u         /**< a habit that stopped */
#define SCORE_READ_HYPOTHETICAL 0x020u /**< a supposition, not a fact */
#define SCORE_READ_SARCASM 0x040u      /**< said in irony or scare quotes */
#define SCORE_READ_OPPOSED \
  0x080u /**< lost to a longer cue of another
                                       orientation in the same clause */
/** Spoken by someone it cannot describe (the seller's own line for a
    buyer cue, a buyer's for a seller trait). */
#define SCORE_READ_SPEAKER 0x100u
/** The word is a name ("Frank" is not "frank") or part of a job title
    ("the new plant director"). */
#define SCORE_READ_NAME 0x200u
/** A word standing alone as a discourse marker ("Honestly, ..."). */
#define SCORE_READ_FILLER 0x400u
/** The seller's own doing in the note ("I guaranteed delivery"). */
#define SCORE_READ_SELLER_SELF 0x800u
/** Another supplier's doing ("the Kestrel rep sends her market
    reports"): not a pillar we built, with third_party. */
#define SCORE_READ_RIVAL 0x1000u
/** Turned down by the customer ("asked about their plans - he declined",
    insight offered and waved off): not a pillar we built. */
#define SCORE_READ_DECLINED 0x2000u
/** The highest SCORE_READ_* bit: a loop over the reasons ends here. */
#define SCORE_READ_LAST SCORE_READ_DECLINED

/** Most boilerplate spans and cues a call's reading reports. */
#define SCORE_READING_SPANS 16
#define SCORE_READING_CUES 40

/** A stretch of a call's notes set aside as boilerplate. */
struct score_reading_span
{
  enum score_boilerplate kind;
  uint32_t start; /**< byte offset in the notes */
  uint32_t end;   /**< one past */
};

/** A lexicon cue found in a call, counted or set aside. */
struct score_reading_cue
{
  char cue[SCORE_SIGNAL_LEN];      /**< lexicon cue id */
  char excerpt[SCORE_EXCERPT_LEN]; /**< where */
  bool counted;                    /**< evidence for its target */
  uint16_t reasons;                /**< SCORE_READ_* why it did not */
  int speaker; /**< 0 the note, 1 a buyer, 2 the seller, 3 other,
                    4 a record section of the note */
  int contact; /**< index into the call's contact_ids, -1 */
};

/** How the engine read one call (?explain=1). */
struct score_call_reading
{
  size_t n_spans;
  size_t spans_total;
  struct score_reading_span spans[SCORE_READING_SPANS];
  size_t n_cues;
  size_t cues_total;
  struct score_reading_cue cues[SCORE_READING_CUES];
  size_t speakers;    /**< speaker stretches (labelled lines, turns) */
  double turn_talk;   /**< seller's share of the turns' words, < 0 */
  int turn_questions; /**< questions in the seller's turns, < 0 */
};

/** Call channel. */
enum score_channel
{
  SCORE_CHANNEL_IN_PERSON = 0,
  SCORE_CHANNEL_VIDEO,
  SCORE_CHANNEL_PHONE,
  SCORE_CHANNEL_EMAIL,
  SCORE_CHANNEL_CHAT,
  SCORE_CHANNEL_EVENT,
  SCORE_CHANNEL_COUNT
};

/** Call kind. */
enum score_call_kind
{
  SCORE_KIND_COLD_CALL = 0,
  SCORE_KIND_DISCOVERY,
  SCORE_KIND_FOLLOW_UP,
  SCORE_KIND_DEMO,
  SCORE_KIND_NEGOTIATION,
  SCORE_KIND_SERVICE,
  SCORE_KIND_REVIEW,
  SCORE_KIND_SOCIAL,
  SCORE_KIND_COUNT
};

/** Call topics; a call carries a bit set (1u << topic). */
enum score_topic
{
  SCORE_TOPIC_PERSONAL = 0,
  SCORE_TOPIC_INDUSTRY,
  SCORE_TOPIC_BUSINESS,
  SCORE_TOPIC_PRODUCT,
  SCORE_TOPIC_PRICING,
  SCORE_TOPIC_SERVICE_ISSUE,
  SCORE_TOPIC_PROJECT,
  SCORE_TOPIC_VALUES,
  SCORE_TOPIC_COUNT
};

/** Controlled signal vocabulary; a call carries a bit set (1ull << sig). */
enum score_signal
{
  /* Security */
  SCORE_SIG_AVOIDS_RISK = 0,
  SCORE_SIG_METHODICAL_PROCESS,
  SCORE_SIG_SEEKS_OTHERS_OPINION,
  SCORE_SIG_REQUESTS_DOCUMENTATION,
  SCORE_SIG_DETAIL_ORIENTED,
  SCORE_SIG_ASKS_FOR_GUARANTEE,
  SCORE_SIG_DISLIKES_SURPRISES,
  /* Power */
  SCORE_SIG_ASSERTIVE,
  SCORE_SIG_RESULTS_FOCUSED,
  SCORE_SIG_WANTS_RECOGNITION,
  SCORE_SIG_WANTS_INVOLVEMENT,
  SCORE_SIG_ASKS_FOR_MILESTONES,
  /* Affiliation */
  SCORE_SIG_WARM_RAPPORT,
  SCORE_SIG_SEEKS_HARMONY,
  SCORE_SIG_AVOIDS_CONFLICT,
  SCORE_SIG_LOYAL_TO_INCUMBENT,
  SCORE_SIG_WITHHOLDS_PROBLEMS,
  /* Actualization */
  SCORE_SIG_ORGANIZATION_FIRST,
  SCORE_SIG_CANDID_FEEDBACK,
  SCORE_SIG_TAKES_RISKS,
  SCORE_SIG_SHARES_CREDIT,
  SCORE_SIG_DEMANDS_PERFORMANCE,
  /* Compatibility */
  SCORE_SIG_PERSONAL_CONVERSATION,
  SCORE_SIG_SHARED_INTEREST,
  /* Knowledge */
  SCORE_SIG_SHARED_INSIGHT,
  SCORE_SIG_SOLVED_BUSINESS_PROBLEM,
  SCORE_SIG_ASKED_ABOUT_PLANS,
  /* Trust */
  SCORE_SIG_ASKED_FOR_ADVICE,
  SCORE_SIG_EARLY_INVOLVEMENT,
  SCORE_SIG_EXECUTIVE_ACCESS,
  SCORE_SIG_REFERRAL_GIVEN,
  SCORE_SIG_CONFIDED_INFORMATION,
  /* Risk */
  SCORE_SIG_COMPETITOR_MENTIONED,
  SCORE_SIG_SHOPPING_ALTERNATIVES,
  SCORE_SIG_RFP_ISSUED,
  SCORE_SIG_PRICE_PRESSURE,
  SCORE_SIG_SUPPLIER_REVIEW,
  SCORE_SIG_BUDGET_CUT,
  SCORE_SIG_NEW_DECISION_MAKER,
  SCORE_SIG_COMPLAINT_RAISED,
  SCORE_SIG_SERVICE_FAILURE,
  SCORE_SIG_JUSTIFICATION_REQUESTED,
  /* Seller conduct */
  SCORE_SIG_SERVICE_RECOVERY,
  SCORE_SIG_RECOMMENDED_ALTERNATIVE,
  SCORE_SIG_PUSHED_PRODUCT,
  SCORE_SIG_COUNT
};

/** Report-card rating fields; 0 in score_report_card.ratings = absent. */
enum score_rating
{
  SCORE_RATING_RESPONSIVENESS = 0,
  SCORE_RATING_PRODUCT_KNOWLEDGE,
  SCORE_RATING_INDUSTRY_INSIGHT,
  SCORE_RATING_PROMISES_KEPT,
  SCORE_RATING_PROBLEM_RESOLUTION,
  SCORE_RATING_COMMUNICATION,
  SCORE_RATING_VALUE_FOR_MONEY,
  SCORE_RATING_OVERALL,
  SCORE_RATING_COUNT
};

/** Account stage. */
enum score_stage
{
  SCORE_STAGE_PROSPECT = 0,
  SCORE_STAGE_CUSTOMER,
  SCORE_STAGE_FORMER
};

/** Purchase stage; NONE when not set. */
enum score_purchase_stage
{
  SCORE_PURCHASE_NONE = -1,
  SCORE_PURCHASE_PRE = 0,
  SCORE_PURCHASE_PURCHASE,
  SCORE_PURCHASE_POST
};

/** Commitment status. */
enum score_commitment_status
{
  SCORE_COMMITMENT_OPEN = 0,
  SCORE_COMMITMENT_KEPT,
  SCORE_COMMITMENT_BROKEN
};

/** What an evidence item points at. */
enum score_source
{
  SCORE_SOURCE_CALL = 0,
  SCORE_SOURCE_REPORT_CARD,
  SCORE_SOURCE_COMMITMENT,
  SCORE_SOURCE_VALUES,  /**< source_id "account"|"organization"|"owner" */
  SCORE_SOURCE_ACCOUNT, /**< a rule over the whole account */
  SCORE_SOURCE_CONTACT
};

/** Result of an assessment call. */
enum score_status
{
  SCORE_OK = 0,
  SCORE_ERR_ARGUMENT,        /**< NULL pointer or count over a limit */
  SCORE_ERR_UNKNOWN_CONTACT, /**< contact id not in the input */
  SCORE_ERR_STEMMER          /**< scratch has no stemmer */
};

/* ------------------------------------------------------------------ */
/* Inputs (caller-owned, read-only; pointers are borrowed)               */
/* ------------------------------------------------------------------ */

/** The account row. */
struct score_account
{
  char id[SCORE_ID_LEN];
  char owner_id[SCORE_ID_LEN]; /**< owner seller, "" if none */
  enum score_stage stage;
  enum score_purchase_stage purchase_stage;
  double annual_value;  /**< >= 0 */
  int64_t renewal_date; /**< unix seconds, 0 = none */
};

/** A member of the buying team. */
struct score_contact
{
  char id[SCORE_ID_LEN];
  char name[SCORE_NAME_LEN]; /**< used to attribute note cues */
  enum score_role role;
  double influence; /**< 0..1 (default 0.5) */
};

/** One sales interaction. */
struct score_call
{
  char id[SCORE_ID_LEN];
  char account_id[SCORE_ID_LEN]; /**< needed by seller assessment */
  char seller_id[SCORE_ID_LEN];  /**< "" if none */
  int64_t occurred_at;           /**< unix seconds */
  size_t n_contacts;
  char contact_ids[SCORE_MAX_CALL_CONTACTS][SCORE_ID_LEN];
  enum score_channel channel;
  enum score_call_kind kind;
  int duration_minutes;           /**< 0..1440, -1 unknown */
  double seller_talk_ratio;       /**< 0..1, negative = unknown */
  int questions_asked;            /**< >= 0, negative = unknown */
  uint32_t topics;                /**< bits (1u << enum score_topic) */
  uint64_t signals;               /**< bits (1ull << enum score_signal) */
  const char *notes;              /**< borrowed UTF-8, may be NULL */
  size_t notes_len;               /**< bytes of notes */
  const struct score_turn *turns; /**< borrowed transcript, may be NULL */
  size_t n_turns;                 /**< <= SCORE_MAX_TURNS are read */
  bool next_step_agreed;
};

/** The customer grading the seller and supplier. */
struct score_report_card
{
  char id[SCORE_ID_LEN];
  char contact_id[SCORE_ID_LEN]; /**< "" if none */
  char seller_id[SCORE_ID_LEN];  /**< "" if none */
  int64_t received_at;
  int ratings[SCORE_RATING_COUNT]; /**< 1..5, 0 = absent (overall req.) */
  int recommend_score;             /**< 0..10, negative = absent */
  int improvements_requested;      /**< count */
  bool follow_up_done;
};

/** A promise made to the buyer. */
struct score_commitment
{
  char id[SCORE_ID_LEN];
  char seller_id[SCORE_ID_LEN];
  int64_t made_at;
  int64_t due_date; /**< unix seconds, 0 = none */
  enum score_commitment_status status;
  int64_t resolved_at; /**< unix seconds, 0 = unresolved */
};

/** Values of an account, the organization or a seller. */
struct score_values
{
  bool has_priority[SCORE_VALUE_COUNT];
  double priorities[SCORE_VALUE_COUNT]; /**< 0..1 where has_priority */
  size_t n_answers;
  const char *answers[SCORE_MAX_ANSWERS]; /**< borrowed UTF-8 strings */
  /** The question each answer replies to (borrowed; NULL or "" when the
      answers came as a list): a Value Discovery question names the value
      its answer is about ("What's important to you about productivity?") */
  const char *questions[SCORE_MAX_ANSWERS];
};

/** Everything the store loaded for one account. */
struct score_account_input
{
  struct score_account account;
  const struct score_contact *contacts;
  size_t n_contacts;              /**< <= SCORE_MAX_CONTACTS */
  const struct score_call *calls; /**< any order */
  size_t n_calls;                 /**< <= SCORE_MAX_CALLS */
  const struct score_report_card *cards;
  size_t n_cards; /**< <= SCORE_MAX_CARDS */
  const struct score_commitment *commitments;
  size_t n_commitments;                      /**< <= SCORE_MAX_COMMITMENTS */
  const struct score_values *account_values; /**< NULL = none */
  const struct score_values *org_values;     /**< NULL = none */
  const struct score_values *owner_values;   /**< NULL = none */
};

/** A seller's own calls and report cards across accounts. */
struct score_seller_input
{
  char seller_id[SCORE_ID_LEN];
  const struct score_call *calls;
  size_t n_calls; /**< <= SCORE_MAX_CALLS */
  const struct score_report_card *cards;
  size_t n_cards; /**< <= SCORE_MAX_CARDS */
};

/* ------------------------------------------------------------------ */
/* Outputs (caller-owned; filled in place)                               */
/* ------------------------------------------------------------------ */

/** One piece of evidence behind a number. */
struct score_evidence
{
  enum score_source source;
  char source_id[SCORE_ID_LEN];    /**< call/card/commitment id */
  int64_t at;                      /**< date of the source, 0 = none */
  char signal[SCORE_SIGNAL_LEN];   /**< signal, lexicon cue id or rule */
  char excerpt[SCORE_EXCERPT_LEN]; /**< note excerpt, "" if structured */
  double weight;                   /**< signed, after recency decay */
};

/** Strongest evidence first; @c total counts every item found. */
struct score_evidence_list
{
  size_t n;
  size_t total;
  struct score_evidence items[SCORE_MAX_EVIDENCE];
};

/** Orientation of a person or a buying team. */
struct score_orientation_result
{
  double scores[SCORE_ORIENTATION_COUNT]; /**< each 0..1, sum 1 */
  enum score_orientation primary;         /**< NONE while evidence is thin */
  double confidence;                      /**< 0..1 */
  unsigned independent_evidence;          /**< distinct (source, cue) items */
  const char *guidance; /**< borrowed from model; NULL if none */
  struct score_evidence_list evidence;
};

/** GET /v1/contacts/{id}/assessment. */
struct score_contact_assessment
{
  char contact_id[SCORE_ID_LEN];
  struct score_orientation_result orientation;
};

/** One member of the buying team in the account assessment. */
struct score_team_member
{
  char contact_id[SCORE_ID_LEN];
  enum score_role role;
  double influence;
  double weight; /**< role x influence used for team */
  enum score_orientation primary;
  double confidence;
  double coverage;      /**< share of counted calls this contact attended */
  unsigned calls;       /**< counted calls this contact attended */
  int64_t last_contact; /**< newest such call, 0 = never */
};

/** One relationship pillar. */
struct score_pillar_result
{
  double score; /**< 0..100 */
  bool stands;  /**< score >= model threshold */
  struct score_evidence_list evidence;
};

/** Pillars of the account. */
struct score_pillars_result
{
  struct score_pillar_result pillars[SCORE_PILLAR_COUNT];
  unsigned foundation; /**< bit set (1u << enum score_pillar) */
  enum score_pillar_status status;
  const char *guidance; /**< borrowed from model */
};

/** One buyer-risk driver with its points. */
struct score_risk_driver_result
{
  enum score_driver driver;
  double points; /**< > 0 */
  char explanation[SCORE_TEXT_LEN];
  const char *action; /**< borrowed from model */
  struct score_evidence_list evidence;
};

/** Buyer risk of the account. */
struct score_buyer_risk_result
{
  double score; /**< 0..100 */
  enum score_risk_level level;
  size_t n_drivers; /**< drivers with points, biggest first */
  struct score_risk_driver_result drivers[SCORE_DRIVER_COUNT];
  size_t n_actions;
  const char *actions[SCORE_DRIVER_COUNT]; /**< borrowed; one per driver */
};

/** Values fit of a prospect. */
struct score_values_fit_result
{
  bool available;            /**< false: values_fit is null */
  double score;              /**< 0..1 overall */
  double score_organization; /**< 0..1, negative if no org values */
  double score_owner;        /**< 0..1, negative if no owner values */
  enum score_values_rec recommendation;
  const char *guidance;                         /**< borrowed from model */
  double account_priorities[SCORE_VALUE_COUNT]; /**< effective, 0..1 */
  double account_against[SCORE_VALUE_COUNT];    /**< against, 0..1 */
  struct score_evidence_list evidence;
};

/** GET /v1/accounts/{id}/assessment. */
struct score_account_assessment
{
  char account_id[SCORE_ID_LEN];
  struct score_orientation_result orientation; /**< buying team */
  size_t n_team;
  struct score_team_member team[SCORE_MAX_CONTACTS];
  struct score_pillars_result pillars;
  struct score_buyer_risk_result buyer_risk;
  struct score_values_fit_result values_fit;
};

/** One seller trait. */
struct score_trait_result
{
  enum score_trait trait;
  bool known;          /**< false: no data, contributes 0 */
  double value;        /**< raw measure (see explanation) */
  double contribution; /**< signed points toward the score */
  char explanation[SCORE_TEXT_LEN];
  struct score_evidence_list evidence;
};

/** GET /v1/sellers/{id}/assessment. */
struct score_seller_assessment
{
  char seller_id[SCORE_ID_LEN];
  enum score_approach approach;
  double score; /**< -100 pusher .. +100 builder */
  struct score_trait_result traits[SCORE_TRAIT_COUNT];
  const char *guidance; /**< borrowed from model */
};

/* ------------------------------------------------------------------ */
/* The model (opaque here: its tables are in svc/score_model.h)          */
/* ------------------------------------------------------------------ */

/**
 * The scoring model: filled and validated by model_load() (svc/model.h),
 * read by the assessments below. Outside service/model/ and
 * service/scoring/ it is only ever held by pointer.
 */
struct score_model;

/* ------------------------------------------------------------------ */
/* API                                                                  */
/* ------------------------------------------------------------------ */

/** Opaque, per-thread note-analysis scratch (owns the Snowball stemmer). */
struct score_scratch;

/**
 * Create a scratch: a Snowball English stemmer and token buffers.
 *
 * @return new scratch (free with score_scratch_free), NULL when out of
 *         memory or libstemmer has no English UTF-8 stemmer
 */
struct score_scratch *score_scratch_new (void);

/**
 * Free a scratch and set the pointer to NULL. NULL is a no-op.
 *
 * @param[in,out] scratch the scratch to free
 */
void score_scratch_free (struct score_scratch **scratch);

/**
 * Assess one contact's customer orientation.
 *
 * @param model the prepared model
 * @param in the account's data (the contact must be in in->contacts)
 * @param contact_id the contact to assess
 * @param as_of only data dated on or before this counts (unix seconds)
 * @param scratch per-thread scratch
 * @param[out] out filled on SCORE_OK
 * @return SCORE_OK or an error status
 */
enum score_status score_assess_contact (const struct score_model *model,
                                        const struct score_account_input *in,
                                        const char *contact_id, int64_t as_of,
                                        struct score_scratch *scratch,
                                        struct score_contact_assessment *out);

/**
 * Assess an account: team orientation, pillars, buyer risk, values fit.
 *
 * @param model the prepared model
 * @param in the account's data
 * @param as_of only data dated on or before this counts (unix seconds)
 * @param scratch per-thread scratch
 * @param[out] out filled on SCORE_OK (about 100 kB: heap-allocate it)
 * @return SCORE_OK or an error status
 */
enum score_status
score_assess_account (const struct score_model *model,
                      const struct score_account_input *in, int64_t as_of,
                      struct score_scratch *scratch,
                      struct score_account_assessment *out);

/**
 * Assess a seller's approach from their calls and report cards.
 *
 * @param model the prepared model
 * @param in the seller's calls and report cards
 * @param as_of only data dated on or before this counts (unix seconds)
 * @param scratch per-thread scratch
 * @param[out] out filled on SCORE_OK
 * @return SCORE_OK or an error status
 */
enum score_status
score_assess_seller (const struct score_model *model,
                     const struct score_seller_input *in, int64_t as_of,
                     struct score_scratch *scratch,
                     struct score_seller_assessment *out);

/** The limits of a model: how much of an account's history it reads. */
struct score_limits
{
  unsigned int max_calls;       /**< newest calls read (limits.max_calls) */
  unsigned int max_cards;       /**< newest report cards read */
  unsigned int max_commitments; /**< newest commitments read */
};

/**
 * The model's version (its "model_version", e.g. "2026-11-23.3").
 *
 * @param model the model
 * @return borrowed from @a model; lives as long as the model
 */
const char *score_model_version (const struct score_model *model);

/**
 * How many calls, report cards and commitments the model reads: the
 * store loads no more than these.
 *
 * @param model the model
 * @return its limits
 */
struct score_limits score_model_limits (const struct score_model *model);

/**
 * How the engine reads one call: the boilerplate it set aside, the
 * speakers it found and every cue with the reasons it did or did not
 * count (for ?explain=1). Pure; uses @a scratch like an assessment.
 *
 * @param model the model
 * @param in account data (contact names), may be NULL
 * @param call the call
 * @param scratch per-thread scratch
 * @param[out] out the reading
 * @return SCORE_OK, or an error for bad arguments
 */
enum score_status
score_read_call (const struct score_model *model,
                 const struct score_account_input *in,
                 const struct score_call *call, struct score_scratch *scratch,
                 struct score_call_reading *out);

/**
 * Name of a boilerplate kind ("signature", "quoted_reply", ...).
 *
 * @param k the kind
 * @return a static string, "unknown" when out of range
 */
const char *score_boilerplate_name (enum score_boilerplate k);

/**
 * Name of one SCORE_READ_* bit ("negated", "third_party", ...).
 *
 * @param bit exactly one SCORE_READ_* bit
 * @return a static string, NULL for no such bit
 */
const char *score_read_reason_name (unsigned bit);

/**
 * Copies @a src into @a dst (@a cap bytes), NUL-terminated, never cutting a
 * UTF-8 sequence in two; NULL reads as "".
 */
void score_strlcpy (char *dst, size_t cap, const char *src);

/* Name <-> enum helpers: names are PRODUCT.md's snake_case words.
 * *_name returns a static string ("" for out of range); *_from_name
 * returns the enum value or -1 for an unknown name. */

/** @param v value @return its name */
const char *score_orientation_name (int v);
/** @param s name @return enum score_orientation or -1 */
int score_orientation_from_name (const char *s);
/** @param v value @return its name */
const char *score_pillar_name (int v);
/** @param v value @return its name */
const char *score_pillar_status_name (int v);
/** @param v value @return its name */
const char *score_risk_level_name (int v);
/** @param v value @return its name */
const char *score_driver_name (int v);
/** @param s name @return enum score_driver or -1 */
int score_driver_from_name (const char *s);
/** @param v value @return its name */
const char *score_approach_name (int v);
/** @param v value @return its name */
const char *score_trait_name (int v);
/** @param s name @return enum score_trait or -1 */
int score_trait_from_name (const char *s);
/** @param v value @return its name */
const char *score_values_rec_name (int v);
/** @param v value @return its name */
const char *score_value_name (int v);
/** @param s name @return enum score_value or -1 */
int score_value_from_name (const char *s);
/** @param v value @return its name */
const char *score_role_name (int v);
/** @param s name @return enum score_role or -1 */
int score_role_from_name (const char *s);
/** @param v value @return its name */
const char *score_channel_name (int v);
/** @param s name @return enum score_channel or -1 */
int score_channel_from_name (const char *s);
/** @param v value @return its name */
const char *score_speaker_role_name (int v);
/** @param s name @return enum score_speaker_role or -1 */
int score_speaker_role_from_name (const char *s);
/** @param v value @return its name */
const char *score_call_kind_name (int v);
/** @param s name @return enum score_call_kind or -1 */
int score_call_kind_from_name (const char *s);
/** @param v value @return its name */
const char *score_topic_name (int v);
/** @param s name @return enum score_topic or -1 */
int score_topic_from_name (const char *s);
/** @param v value @return its name */
const char *score_signal_name (int v);
/** @param s name @return enum score_signal or -1 */
int score_signal_from_name (const char *s);
/** @param v value @return its name */
const char *score_rating_name (int v);
/** @param s name @return enum score_rating or -1 */
int score_rating_from_name (const char *s);
/** @param v value @return its name */
const char *score_source_name (int v);
/** @param v value @return its name */
const char *score_stage_name (int v);
/** @param s name @return enum score_stage or -1 */
int score_stage_from_name (const char *s);
/** @param v value @return its name */
const char *score_purchase_stage_name (int v);
/** @param s name @return enum score_purchase_stage or -1 */
int score_purchase_stage_from_name (const char *s);
/** @param v value @return its name */
const char *score_commitment_status_name (int v);
/** @param s name @return enum score_commitment_status or -1 */
int score_commitment_status_from_name (const char *s);

#endif /* SVC_SCORE_H */
