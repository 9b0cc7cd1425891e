/**
 * @file route_probe.h
 * @brief What the tests that walk the router's table (test_tenant_matrix,
 *        test_injection) share: which resource a path template serves,
 *        and paths made from templates.  They link rapport_core for
 *        http_route_describe and resources_table.
 */
#ifndef TEST_ROUTE_PROBE_H
#define TEST_ROUTE_PROBE_H

#include "svc/resource.h"

/**
 * The resource a route's path template serves: its collection (also
 * under /v1/accounts/{id}/), its items and its by-external-id routes.
 *
 * @return borrowed, or NULL (values, assessments, api-keys, ...)
 */
const struct resource *rp_resource_of (const char *path);

/**
 * Waits until every pooled database connection of the service answers:
 * sends rounds of concurrent authenticated reads as @a key until a round
 * has no 503.  A connection that sat in the pool through a PostgreSQL
 * restart (test_resilience runs just before these tests) can answer 503
 * once, which a test comparing answers byte for byte would take for a
 * difference.
 */
void rp_settle (const char *key);

/** A new copy of @a s with every @a from replaced by @a to. */
char *rp_replace (const char *s, const char *from, const char *to);

/** A new copy of path template @a tmpl with {id} and {external_id} set to
    @a v. */
char *rp_path_with (const char *tmpl, const char *v);

#endif
