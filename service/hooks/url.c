/**
 * @file url.c
 * @brief The event types, endpoint URLs and the addresses a delivery may
 *        connect to (server-side request forgery), signing secrets, the
 *        signature and the backoff.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "svc/hooks.h"
#include "svc/util.h"

/* migrations/0007: every resource's created/updated/deleted, and the
   stored assessment's changes. */
#define CRUD(kind) kind ".created", kind ".updated", kind ".deleted"

const char *const hooks_event_types[] = {
  "account.risk_level_changed",
  "account.pillar_status_changed",
  CRUD ("account"),
  CRUD ("seller"),
  CRUD ("contact"),
  CRUD ("call"),
  CRUD ("report_card"),
  CRUD ("commitment"),
  CRUD ("account_values"),
  CRUD ("organization_values"),
  CRUD ("scoring_weights"),
  "*",
  NULL,
};

/** Whether the IPv4 address @a a (host order) is public. */
static bool
v4_public (uint32_t a)
{
  static const struct
  {
    uint32_t net;
    unsigned int bits;
  } refused[] = {
    { 0x00000000, 8 },  /* 0.0.0.0/8 "this network" */
    { 0x0a000000, 8 },  /* 10/8 private */
    { 0x64400000, 10 }, /* 100.64/10 shared (CGNAT) */
    { 0x7f000000, 8 },  /* 127/8 loopback */
    { 0xa9fe0000, 16 }, /* 169.254/16 link-local (cloud metadata) */
    { 0xac100000, 12 }, /* 172.16/12 private */
    { 0xc0000000, 24 }, /* 192.0.0/24 IETF protocol assignments */
    { 0xc0a80000, 16 }, /* 192.168/16 private */
    { 0xc6120000, 15 }, /* 198.18/15 benchmarking */
    { 0xe0000000, 4 },  /* 224/4 multicast */
    { 0xf0000000, 4 },  /* 240/4 reserved, and the broadcast address */
  };

  for (size_t i = 0; i < sizeof (refused) / sizeof (refused[0]); i++)
  {
    uint32_t mask = 0xffffffffu << (32 - refused[i].bits);

    if ((a & mask) == refused[i].net)
      return false;
  }
  return true;
}

/** The IPv4 address in bytes @a p. */
static uint32_t
v4_at (const uint8_t *p)
{
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8
         | p[3];
}

/** Whether the IPv6 address @a b is public. */
static bool
v6_public (const uint8_t b[16])
{
  static const uint8_t zero[12] = { 0 };
  static const uint8_t mapped[12] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
  };
  static const uint8_t nat64[12] = { 0x00, 0x64, 0xff, 0x9b };

  /* ::ffff:a.b.c.d, ::a.b.c.d (and so :: and ::1), 64:ff9b::a.b.c.d:
     the IPv4 address decides. */
  if (0 == memcmp (b, mapped, 12) || 0 == memcmp (b, zero, 12)
      || 0 == memcmp (b, nat64, 12))
    return v4_public (v4_at (b + 12));
  /* 2002::/16 6to4 carries an IPv4 address in bits 16..47. */
  if (0x20 == b[0] && 0x02 == b[1])
    return v4_public (v4_at (b + 2));
  if (0xfc == (b[0] & 0xfe)) /* fc00::/7 unique local */
    return false;
  if (0xfe == b[0] && 0x80 == (b[1] & 0xc0)) /* fe80::/10 link-local */
    return false;
  if (0xfe == b[0] && 0xc0 == (b[1] & 0xc0)) /* fec0::/10 site-local */
    return false;
  if (0xff == b[0]) /* ff00::/8 multicast */
    return false;
  if (0x01 == b[0] && 0 == b[1] && 0 == b[2] && 0 == b[3] && 0 == b[4]
      && 0 == b[5] && 0 == b[6] && 0 == b[7]) /* 100::/64 discard */
    return false;
  if (0x20 == b[0] && 0x01 == b[1] && 0x0d == b[2] && 0xb8 == b[3])
    return false; /* 2001:db8::/32 documentation */
  return true;
}

bool
hooks_addr_public (int family, const void *addr)
{
  if (AF_INET == family)
    return v4_public (ntohl (((const struct in_addr *) addr)->s_addr));
  if (AF_INET6 == family)
    return v6_public (((const struct in6_addr *) addr)->s6_addr);
  return false;
}

/** Whether @a host (a name, or a literal address without brackets) names
    this machine or a private network by itself. */
static bool
host_public (const char *host)
{
  struct in_addr a4;
  struct in6_addr a6;
  size_t n = strlen (host);

  if (1 == inet_pton (AF_INET, host, &a4))
    return hooks_addr_public (AF_INET, &a4);
  if (1 == inet_pton (AF_INET6, host, &a6))
    return hooks_addr_public (AF_INET6, &a6);
  /* Names that resolve to this machine without asking DNS. */
  if (n > 0 && '.' == host[n - 1])
    n--;
  if ((9 == n && 0 == strncasecmp (host, "localhost", 9))
      || (n > 10 && 0 == strncasecmp (host + n - 10, ".localhost", 10)))
    return false;
  /* A number in another form (127.1, 2130706433, 0x7f.1) is an address
     to a resolver, though inet_pton does not read it. */
  if (strspn (host, "0123456789.") == strlen (host)
      || ((0 == strncasecmp (host, "0x", 2) || NULL != strstr (host, ".0x")
           || NULL != strstr (host, ".0X"))
          && strspn (host, "0123456789.xXabcdefABCDEF") == strlen (host)))
    return false;
  return true;
}

bool
hooks_url_ok (const char *url, bool allow_private, char *why, size_t why_len)
{
  const char *p, *auth, *auth_end, *port;
  char host[256];
  size_t host_len;
  bool https = NULL != url && 0 == strncasecmp (url, "https://", 8);

#define FAIL(...) \
  do \
  { \
    snprintf (why, why_len, __VA_ARGS__); \
    return false; \
  } while (0)

  if (NULL == url)
    FAIL ("must be a string");
  if (strlen (url) > HOOKS_URL_MAX)
    FAIL ("must be at most %d characters", HOOKS_URL_MAX);
  for (p = url; *p; p++)
    if ((unsigned char) *p <= 0x20 || 0x7f == (unsigned char) *p)
      FAIL ("must not contain spaces or control characters");
  if (! https && 0 != strncasecmp (url, "http://", 7))
    FAIL ("must be an absolute https URL");
  if (! https && ! allow_private)
    FAIL ("must use https (plain http is allowed only when the operator "
          "sets RAPPORT_WEBHOOK_ALLOW_PRIVATE=1)");
  auth = url + (https ? 8 : 7);
  auth_end = auth + strcspn (auth, "/?#");
  if (NULL != strchr (url, '#'))
    FAIL ("must not have a fragment");
  if (NULL != memchr (auth, '@', (size_t) (auth_end - auth)))
    FAIL ("must not carry a user name or password");
  if ('[' == *auth)
  {
    const char *close = memchr (auth, ']', (size_t) (auth_end - auth));

    if (NULL == close)
      FAIL ("has an unclosed [ in its host");
    host_len = (size_t) (close - auth - 1);
    if (host_len >= sizeof (host))
      FAIL ("has a host that is too long");
    memcpy (host, auth + 1, host_len);
    host[host_len] = '\0';
    port = close + 1;
    if (port != auth_end && ':' != *port)
      FAIL ("has something after its host's ]");
    {
      struct in6_addr a6;

      if (1 != inet_pton (AF_INET6, host, &a6))
        FAIL ("has a host in brackets that is not an IPv6 address");
    }
  }
  else
  {
    port = memchr (auth, ':', (size_t) (auth_end - auth));
    if (NULL == port)
      port = auth_end;
    host_len = (size_t) (port - auth);
    if (host_len >= sizeof (host))
      FAIL ("has a host that is too long");
    memcpy (host, auth, host_len);
    host[host_len] = '\0';
    for (size_t i = 0; i < host_len; i++)
      if (! isalnum ((unsigned char) host[i]) && '-' != host[i]
          && '.' != host[i] && '_' != host[i])
        FAIL ("has a host that is not a name or an address");
  }
  if ('\0' == host[0])
    FAIL ("must name a host");
  if (port != auth_end)
  {
    const char *d = port + 1;
    size_t digits = strspn (d, "0123456789");
    long v = 0;

    if (0 == digits || d + digits != auth_end || digits > 5)
      FAIL ("has a port that is not a number");
    for (size_t i = 0; i < digits; i++)
      v = v * 10 + (d[i] - '0');
    if (v < 1 || v > 65535)
      FAIL ("has a port outside 1..65535");
  }
  if (! allow_private && ! host_public (host))
    FAIL ("must not point to a loopback, link-local or private address "
          "(allowed only when the operator sets "
          "RAPPORT_WEBHOOK_ALLOW_PRIVATE=1)");
  return true;
#undef FAIL
}

int
hooks_secret_new (char out[64])
{
  uint8_t raw[32];

  if (0 != util_random (raw, sizeof (raw)))
    return -1;
  memcpy (out, "whsec_", 6);
  util_b64url_encode (raw, sizeof (raw), out + 6);
  return 0;
}

void
hooks_sign (const char *secret, long long t, const char *body, size_t body_len,
            char hex[65])
{
  struct buf b = { 0 };
  char ts[32];
  uint8_t mac[32];
  int n = snprintf (ts, sizeof (ts), "%lld.", t);

  buf_append (&b, ts, (size_t) n, SIZE_MAX);
  buf_append (&b, body, body_len, SIZE_MAX);
  util_hmac_sha256 ((const uint8_t *) secret, strlen (secret), b.data, b.len,
                    mac);
  util_hex (mac, sizeof (mac), hex);
  buf_free (&b);
}

long long
hooks_backoff_ms (int failures, long base_ms, uint32_t random)
{
  long long d = base_ms;

  for (int i = 1; i < failures && d < 960LL * base_ms; i++)
    d *= 2;
  if (d > 960LL * base_ms)
    d = 960LL * base_ms;
  /* 80 % plus up to 20 %, from 16 random bits. */
  return d * 4 / 5 + d / 5 * (long long) (random & 0xffff) / 0xffff;
}
