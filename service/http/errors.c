/**
 * @file errors.c
 * @brief The single error table: one row, and one code, per condition.
 */
#include "svc/errors.h"

static const struct svc_error_info table[] = {
  { SVC_EC_MALFORMED_JSON, 400, "malformed-json",
    "The request body is not valid JSON" },
  { SVC_EC_INVALID_PARAMETER, 400, "invalid-parameter",
    "A query parameter or header is invalid" },
  { SVC_EC_UNAUTHENTICATED, 401, "unauthenticated",
    "A valid API key is required" },
  { SVC_EC_FORBIDDEN_SCOPE, 403, "insufficient-scope",
    "The API key's scope does not allow this" },
  { SVC_EC_ENDPOINT_NOT_FOUND, 404, "endpoint-not-found", "No such endpoint" },
  { SVC_EC_METHOD_NOT_ALLOWED, 405, "method-not-allowed",
    "The endpoint does not support this method" },
  { SVC_EC_CONFLICT, 409, "conflict",
    "The request conflicts with the current state" },
  { SVC_EC_PRECONDITION_FAILED, 412, "precondition-failed",
    "The resource has changed since it was read" },
  { SVC_EC_BODY_TOO_LARGE, 413, "body-too-large",
    "The request body is too large" },
  { SVC_EC_URI_TOO_LONG, 414, "uri-too-long", "The request URI is too long" },
  { SVC_EC_HEADERS_TOO_LARGE, 431, "headers-too-large",
    "The request headers are too large" },
  { SVC_EC_UNSUPPORTED_MEDIA_TYPE, 415, "unsupported-media-type",
    "The request body must be application/json" },
  { SVC_EC_VALIDATION_FAILED, 422, "validation-failed",
    "The request has invalid fields" },
  { SVC_EC_IDEMPOTENCY_KEY_REUSED, 422, "idempotency-key-reused",
    "The Idempotency-Key was already used with a different request" },
  { SVC_EC_RATE_LIMITED, 429, "rate-limited", "Too many requests" },
  { SVC_EC_INTERNAL, 500, "internal-error", "Internal server error" },
  { SVC_EC_DB_UNAVAILABLE, 503, "service-unavailable",
    "The database is unavailable; retry later" },
  { SVC_EC_CURSOR_EXPIRED, 410, "cursor-expired",
    "The cursor is older than the event feed keeps events" },
  { SVC_EC_EXTERNAL_ID_TAKEN, 409, "external-id-taken",
    "Another record of this resource already has this external_id" },
  /* One code per resource: an id of another organization answers exactly
     what an unknown id of the same resource answers. */
  { SVC_EC_ACCOUNT_NOT_FOUND, 404, "account-not-found",
    "No such account in your organization" },
  { SVC_EC_API_KEY_NOT_FOUND, 404, "api-key-not-found",
    "No such API key in your organization" },
  { SVC_EC_API_KEY_LIMIT_REACHED, 409, "api-key-limit-reached",
    "The organization has as many API keys as it may have" },
  { SVC_EC_SELLER_NOT_FOUND, 404, "seller-not-found",
    "No such seller in your organization" },
  { SVC_EC_CONTACT_NOT_FOUND, 404, "contact-not-found",
    "No such contact in your organization" },
  { SVC_EC_CALL_NOT_FOUND, 404, "call-not-found",
    "No such call in your organization" },
  { SVC_EC_REPORT_CARD_NOT_FOUND, 404, "report-card-not-found",
    "No such report card in your organization" },
  { SVC_EC_COMMITMENT_NOT_FOUND, 404, "commitment-not-found",
    "No such commitment in your organization" },
  { SVC_EC_WEBHOOK_NOT_FOUND, 404, "webhook-not-found",
    "No such webhook endpoint in your organization" },
  { SVC_EC_WEBHOOK_LIMIT_REACHED, 409, "webhook-limit-reached",
    "The organization has as many webhook endpoints as it may have" },
};

const struct svc_error_info *
svc_error_info (enum svc_ec ec)
{
  for (unsigned int i = 0; i < sizeof (table) / sizeof (table[0]); i++)
    if (table[i].ec == ec)
      return &table[i];
  return svc_error_info (SVC_EC_INTERNAL);
}

const struct svc_error_info *
svc_error_table (unsigned int *n)
{
  *n = sizeof (table) / sizeof (table[0]);
  return table;
}
