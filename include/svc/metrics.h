/**
 * @file metrics.h
 * @brief Counters for GET /metrics (Prometheus text format), kept in
 *        atomics so recording costs a few adds on the request path.
 */
#ifndef SVC_METRICS_H
#define SVC_METRICS_H

#include <stdint.h>

/** What an assessment was of. */
enum metrics_assessment
{
  METRICS_ASSESS_CONTACT = 0,
  METRICS_ASSESS_ACCOUNT,
  METRICS_ASSESS_SELLER,
  METRICS_ASSESS_STORED, /**< recomputed and stored by the refresher */
  METRICS_ASSESS_COUNT
};

/**
 * Records one finished request.
 *
 * @param route index in the route table, or -1 when no route matched
 * @param status the HTTP status answered
 * @param latency_us from the first callback to completion
 */
void metrics_request (int route, unsigned int status, int64_t latency_us);

/** Counts one assessment computed. */
void metrics_assessment (enum metrics_assessment kind);

/**
 * Renders every metric.
 *
 * @return a new string (free it), or NULL on out-of-memory
 */
char *metrics_render (void);

#endif
