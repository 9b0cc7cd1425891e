/**
 * @file hooks.h
 * @brief Signed webhooks: the event types an endpoint may ask for, the
 *        checks of its URL and of the address a delivery connects to
 *        (server-side request forgery), signing, and the delivery threads
 *        that work the outbox (docs/webhooks.md).  Only service/hooks
 *        includes libcurl.
 */
#ifndef SVC_HOOKS_H
#define SVC_HOOKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfg;

/** Every event type there is, then "*" (every type); NULL-terminated. */
extern const char *const hooks_event_types[];

/** How long a rotated-out secret keeps signing, in seconds (a day). */
#define HOOKS_SECRET_GRACE_S 86400L

/** Longest endpoint URL. */
#define HOOKS_URL_MAX 2048

/**
 * Whether a delivery may connect to an IPv4 (@a family AF_INET, @a addr a
 * struct in_addr) or IPv6 address (AF_INET6, a struct in6_addr): not when
 * it is unspecified, loopback, link-local, private, shared (CGNAT),
 * multicast, reserved or broadcast, nor an IPv4-mapped, -compatible,
 * NAT64 or 6to4 address of one of those.
 *
 * @return true when the address is public
 */
bool hooks_addr_public (int family, const void *addr);

/**
 * Checks an endpoint URL: absolute, https (or http when @a allow_private),
 * a host, no user name or password, no fragment, at most HOOKS_URL_MAX
 * characters; a literal address or a name such as localhost must be
 * public unless @a allow_private.
 *
 * @param[out] why what is wrong, for the problem's errors[]
 * @return true when acceptable
 */
bool
hooks_url_ok (const char *url, bool allow_private, char *why, size_t why_len);

/**
 * Makes a signing secret: "whsec_" and 32 random bytes in base64url.
 *
 * @return 0, or -1 when no randomness is available
 */
int hooks_secret_new (char out[64]);

/**
 * The signature of a delivery: hex HMAC-SHA-256 with key @a secret (its
 * bytes as written) of "<t>.<body>".
 */
void hooks_sign (const char *secret, long long t, const char *body,
                 size_t body_len, char hex[65]);

/**
 * The delay before attempt @a failures + 1 after @a failures failures in
 * a row: @a base_ms doubled per failure up to 960 × @a base_ms, then a
 * random 80 to 100 % of it (jitter).  With the default 30 s base, 16
 * attempts span about two days.
 */
long long hooks_backoff_ms (int failures, long base_ms, uint32_t random);

/**
 * Starts cfg->webhook_threads delivery threads (none when 0), each with
 * its own connections to cfg->database_listen_url (direct, not through
 * a transaction pooler: one of them LISTENs).
 */
void hooks_start (const struct cfg *cfg);

/** Stops them: an attempt in flight is abandoned and released. */
void hooks_stop (void);

/** This instance's attempts since it started, for /metrics. */
struct hooks_stats
{
  uint64_t delivered; /**< answered with a 2xx */
  uint64_t failed;    /**< anything else (to be retried, or disabling) */
  uint64_t disabled;  /**< endpoints disabled after sustained failure */
};

/** Copies the counters. */
void hooks_stats (struct hooks_stats *out);

#endif
