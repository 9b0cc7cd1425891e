/**
 * @file errors.h
 * @brief Every error the API can answer, with its HTTP status, in one table
 *        (after GNU Taler's taler_error_codes.h).
 *
 * Generic codes are 1..99; each resource has its own range from 1000.
 */
#ifndef SVC_ERRORS_H
#define SVC_ERRORS_H

/** Stable error codes; the name (lowercase, dashes) is the problem type. */
enum svc_ec
{
  SVC_EC_NONE = 0,
  SVC_EC_MALFORMED_JSON = 1,
  SVC_EC_INVALID_PARAMETER = 2,
  SVC_EC_UNAUTHENTICATED = 3,
  SVC_EC_FORBIDDEN_SCOPE = 4,
  SVC_EC_ENDPOINT_NOT_FOUND = 5,
  SVC_EC_METHOD_NOT_ALLOWED = 6,
  SVC_EC_PRECONDITION_FAILED = 7,
  SVC_EC_BODY_TOO_LARGE = 8,
  SVC_EC_URI_TOO_LONG = 9,
  SVC_EC_UNSUPPORTED_MEDIA_TYPE = 10,
  SVC_EC_VALIDATION_FAILED = 11,
  SVC_EC_IDEMPOTENCY_KEY_REUSED = 12,
  SVC_EC_RATE_LIMITED = 13,
  SVC_EC_INTERNAL = 14,
  SVC_EC_DB_UNAVAILABLE = 15,
  SVC_EC_CONFLICT = 16,
  SVC_EC_HEADERS_TOO_LARGE = 18,
  SVC_EC_CURSOR_EXPIRED = 19,
  SVC_EC_ACCOUNT_NOT_FOUND = 1000,
  SVC_EC_EXTERNAL_ID_TAKEN = 17,
  SVC_EC_API_KEY_NOT_FOUND = 1100,
  SVC_EC_API_KEY_LIMIT_REACHED = 1101,
  SVC_EC_SELLER_NOT_FOUND = 1200,
  SVC_EC_CONTACT_NOT_FOUND = 1300,
  SVC_EC_CALL_NOT_FOUND = 1400,
  SVC_EC_REPORT_CARD_NOT_FOUND = 1500,
  SVC_EC_COMMITMENT_NOT_FOUND = 1600,
  SVC_EC_WEBHOOK_NOT_FOUND = 1700,
  SVC_EC_WEBHOOK_LIMIT_REACHED = 1701,
};

/** One row of the error table. */
struct svc_error_info
{
  enum svc_ec ec;      /**< the code */
  unsigned int status; /**< HTTP status it answers with */
  const char *slug;    /**< problem type suffix and `code` member */
  const char *title;   /**< RFC 9457 title: short, the same every time */
};

/**
 * Looks up the row of @a ec.
 *
 * @return borrowed, static; the INTERNAL row for an unknown code
 */
const struct svc_error_info *svc_error_info (enum svc_ec ec);

/**
 * The whole table, for tests and documentation.
 *
 * @param[out] n number of rows
 * @return borrowed, static
 */
const struct svc_error_info *svc_error_table (unsigned int *n);

/** Prefix of every problem `type` URI. */
#define SVC_PROBLEM_BASE "https://rapport.dev/problems/"

#endif
