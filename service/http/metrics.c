/**
 * @file metrics.c
 * @brief Request counts by route template and status, a latency histogram
 *        per route, database pool state and assessments computed, in the
 *        Prometheus text exposition format.
 */
#include "svc/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "svc/hooks.h"
#include "svc/store.h"

#define MAX_ROUTES 96
/** Row MAX_ROUTES holds requests that matched no route. */
#define ROWS (MAX_ROUTES + 1)

static const unsigned int codes[] = { 200, 201, 204, 400, 401, 403,
                                      404, 405, 409, 412, 413, 414,
                                      415, 422, 429, 500, 503 };
#define N_CODES (sizeof (codes) / sizeof (codes[0]))

/** Upper bounds of the latency buckets, in seconds. */
static const double bounds[] = { 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                 0.025,  0.05,  0.1,    0.25,  0.5,
                                 1,      2.5,   5,      10 };
#define N_BOUNDS (sizeof (bounds) / sizeof (bounds[0]))

static atomic_uint_fast64_t requests[ROWS][N_CODES + 1];
static atomic_uint_fast64_t buckets[ROWS][N_BOUNDS + 1];
static atomic_uint_fast64_t sum_us[ROWS];
static atomic_uint_fast64_t assessments[METRICS_ASSESS_COUNT];

void
metrics_request (int route, unsigned int status, int64_t latency_us)
{
  size_t row = (route >= 0 && route < MAX_ROUTES) ? (size_t) route
                                                  : MAX_ROUTES;
  size_t c = N_CODES;
  size_t b = 0;

  for (size_t i = 0; i < N_CODES; i++)
    if (codes[i] == status)
      c = i;
  while (b < N_BOUNDS && (double) latency_us / 1e6 > bounds[b])
    b++;
  atomic_fetch_add_explicit (&requests[row][c], 1, memory_order_relaxed);
  atomic_fetch_add_explicit (&buckets[row][b], 1, memory_order_relaxed);
  atomic_fetch_add_explicit (&sum_us[row], (uint_fast64_t) latency_us,
                             memory_order_relaxed);
}

void
metrics_assessment (enum metrics_assessment kind)
{
  atomic_fetch_add_explicit (&assessments[kind], 1, memory_order_relaxed);
}

/** The labels of row @a row: route template and method. */
static void
labels (size_t row, char *out, size_t len)
{
  unsigned int n;
  const struct route *t = router_table (&n);

  if (row < n)
    snprintf (out, len, "route=\"%s\",method=\"%s\"", t[row].path,
              t[row].method);
  else
    snprintf (out, len, "route=\"unmatched\",method=\"\"");
}

/** Appends the request counters and histograms of every row. */
static void
render_requests (struct buf *b)
{
  char line[512], lab[256];
  int n;

  buf_append (b,
              "# HELP rapport_http_requests_total Requests answered, by "
              "route template and status.\n# TYPE rapport_http_requests_total"
              " counter\n",
              128, SIZE_MAX);
  b->len = strlen (b->data);
  for (size_t r = 0; r < ROWS; r++)
    for (size_t c = 0; c <= N_CODES; c++)
    {
      uint_fast64_t v = atomic_load (&requests[r][c]);

      if (0 == v)
        continue;
      labels (r, lab, sizeof (lab));
      n = snprintf (line, sizeof (line),
                    "rapport_http_requests_total{%s,status=\"%s%u\"} %lu\n",
                    lab, c < N_CODES ? "" : "other",
                    c < N_CODES ? codes[c] : 0, (unsigned long) v);
      buf_append (b, line, (size_t) n, SIZE_MAX);
    }
  n = snprintf (line, sizeof (line),
                "# HELP rapport_http_request_duration_"
                "seconds Time from the request's headers to its completion."
                "\n# TYPE rapport_http_request_duration_seconds histogram\n");
  buf_append (b, line, (size_t) n, SIZE_MAX);
  for (size_t r = 0; r < ROWS; r++)
  {
    uint_fast64_t cum = 0;

    for (size_t k = 0; k <= N_BOUNDS; k++)
      cum += atomic_load (&buckets[r][k]);
    if (0 == cum)
      continue;
    labels (r, lab, sizeof (lab));
    cum = 0;
    for (size_t k = 0; k <= N_BOUNDS; k++)
    {
      char le[32];

      cum += atomic_load (&buckets[r][k]);
      if (k < N_BOUNDS)
        snprintf (le, sizeof (le), "%g", bounds[k]);
      else
        snprintf (le, sizeof (le), "+Inf");
      n = snprintf (line, sizeof (line),
                    "rapport_http_request_duration_"
                    "seconds_bucket{%s,le=\"%s\"} %lu\n",
                    lab, le, (unsigned long) cum);
      buf_append (b, line, (size_t) n, SIZE_MAX);
    }
    n = snprintf (line, sizeof (line),
                  "rapport_http_request_duration_seconds"
                  "_sum{%s} %.6f\nrapport_http_request_duration_seconds_count"
                  "{%s} %lu\n",
                  lab, (double) atomic_load (&sum_us[r]) / 1e6, lab,
                  (unsigned long) cum);
    buf_append (b, line, (size_t) n, SIZE_MAX);
  }
}

/** The webhook attempts this instance made. */
static void
render_webhooks (struct buf *b)
{
  struct hooks_stats hs;
  char text[768];
  int n;

  hooks_stats (&hs);
  n = snprintf (text, sizeof (text),
                "# HELP rapport_webhook_attempts_total Webhook delivery "
                "attempts by outcome.\n"
                "# TYPE rapport_webhook_attempts_total counter\n"
                "rapport_webhook_attempts_total{outcome=\"delivered\"} %lu\n"
                "rapport_webhook_attempts_total{outcome=\"failed\"} %lu\n"
                "# HELP rapport_webhook_endpoints_disabled_total Endpoints "
                "disabled after sustained failure.\n"
                "# TYPE rapport_webhook_endpoints_disabled_total counter\n"
                "rapport_webhook_endpoints_disabled_total %lu\n",
                (unsigned long) hs.delivered, (unsigned long) hs.failed,
                (unsigned long) hs.disabled);
  buf_append (b, text, (size_t) n, SIZE_MAX);
}

char *
metrics_render (void)
{
  struct buf b = { 0 };
  struct store_pool_stats ps;
  char text[2048];
  int n;

  buf_append (&b, "", 0, SIZE_MAX);
  render_requests (&b);
  store_pool_stats (http_service.pool, &ps);
  n =
    snprintf (text, sizeof (text),
              "# HELP rapport_db_pool_connections Database connections by "
              "state.\n# TYPE rapport_db_pool_connections gauge\n"
              "rapport_db_pool_connections{state=\"in_use\"} %u\n"
              "rapport_db_pool_connections{state=\"idle\"} %u\n"
              "# HELP rapport_db_pool_waits_total Requests that waited for a "
              "connection.\n# TYPE rapport_db_pool_waits_total counter\n"
              "rapport_db_pool_waits_total %lu\n"
              "# HELP rapport_db_pool_timeouts_total Requests that gave up "
              "waiting (503).\n# TYPE rapport_db_pool_timeouts_total counter"
              "\nrapport_db_pool_timeouts_total %lu\n"
              "# HELP rapport_assessments_total Assessments computed.\n"
              "# TYPE rapport_assessments_total counter\n"
              "rapport_assessments_total{kind=\"contact\"} %lu\n"
              "rapport_assessments_total{kind=\"account\"} %lu\n"
              "rapport_assessments_total{kind=\"seller\"} %lu\n"
              "rapport_assessments_total{kind=\"stored\"} %lu\n"
              "# HELP rapport_requests_in_flight Requests being served.\n"
              "# TYPE rapport_requests_in_flight gauge\n"
              "rapport_requests_in_flight %u\n",
              ps.in_use, ps.size - ps.in_use, (unsigned long) ps.waits,
              (unsigned long) ps.timeouts,
              (unsigned long) atomic_load (&assessments[0]),
              (unsigned long) atomic_load (&assessments[1]),
              (unsigned long) atomic_load (&assessments[2]),
              (unsigned long) atomic_load (&assessments[3]), http_active ());
  buf_append (&b, text, (size_t) n, SIZE_MAX);
  render_webhooks (&b);
  return b.data;
}
