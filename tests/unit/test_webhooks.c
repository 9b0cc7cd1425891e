/**
 * @file test_webhooks.c
 * @brief The pieces of webhook delivery that need no network: which
 *        addresses a delivery may connect to, which URLs an endpoint may
 *        have, the signature (against a value computed independently) and
 *        the backoff's span.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "svc/hooks.h"

/** Whether the textual address @a ip is public. */
static bool public(const char *ip)
{
  struct in_addr a4;
  struct in6_addr a6;

  if (1 == inet_pton (AF_INET, ip, &a4))
    return hooks_addr_public (AF_INET, &a4);
  cr_assert_eq (1, inet_pton (AF_INET6, ip, &a6), "not an address: %s", ip);
  return hooks_addr_public (AF_INET6, &a6);
}

Test (webhooks, private_loopback_and_link_local_addresses_are_refused)
{
  static const char *const refused[] = {
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", /* cloud metadata */
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "240.0.0.1",
    "198.18.0.1",
    "192.0.0.8",
    "::",
    "::1",
    "fe80::1",
    "febf:ffff::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::10.0.0.1",
    "2002:7f00:1::",
    "2002:c0a8:101::1",
    "fec0::1",
    "2001:db8::1",
    "100::1",
  };

  for (size_t i = 0; i < sizeof (refused) / sizeof (refused[0]); i++)
    cr_expect (! public(refused[i]), "%s was allowed", refused[i]);
}

Test (webhooks, public_addresses_are_allowed)
{
  static const char *const allowed[] = {
    "1.1.1.1",           "8.8.8.8",         "93.184.216.34",
    "172.15.255.255",    "172.32.0.1",      "100.63.255.255",
    "100.128.0.1",       "169.253.0.1",     "192.169.0.1",
    "11.0.0.1",          "126.255.255.255", "2606:4700::1111",
    "2a00:1450:4001::1", "::ffff:8.8.8.8",  "64:ff9b::8.8.8.8",
    "2002:0808:0808::1",
  };

  for (size_t i = 0; i < sizeof (allowed) / sizeof (allowed[0]); i++)
    cr_expect (public(allowed[i]), "%s was refused", allowed[i]);
}

/** Whether @a url is accepted, with private addresses @a allow. */
static bool
url_ok (const char *url, bool allow)
{
  char why[256] = "";
  bool ok = hooks_url_ok (url, allow, why, sizeof (why));

  cr_expect (ok || '\0' != why[0], "%s: refused without a reason", url);
  return ok;
}

Test (webhooks, urls_must_be_https_to_a_public_host)
{
  static const char *const refused[] = {
    "http://hooks.example.com/x",
    "ftp://hooks.example.com/x",
    "hooks.example.com/x",
    "https://",
    "https:///x",
    "https://127.0.0.1/x",
    "https://[::1]:8443/x",
    "https://[::ffff:10.0.0.1]/x",
    "https://169.254.169.254/latest/meta-data",
    "https://localhost/x",
    "https://LOCALHOST./x",
    "https://api.localhost/x",
    "https://2130706433/x",
    "https://127.1/x",
    "https://0x7f.0.0.1/x",
    "https://user:pass@hooks.example.com/x",
    "https://hooks.example.com/x#frag",
    "https://hooks.example.com:0/x",
    "https://hooks.example.com:65536/x",
    "https://hooks.example.com:x/x",
    "https://hooks example.com/x",
    "https://[::1/x",
  };
  static const char *const allowed[] = {
    "https://hooks.example.com/x",
    "https://hooks.example.com",
    "HTTPS://hooks.example.com:8443/a/b?c=d",
    "https://8.8.8.8/x",
    "https://[2606:4700::1111]/x",
    "https://cafe.example/x",
  };

  for (size_t i = 0; i < sizeof (refused) / sizeof (refused[0]); i++)
    cr_expect (! url_ok (refused[i], false), "%s was accepted", refused[i]);
  for (size_t i = 0; i < sizeof (allowed) / sizeof (allowed[0]); i++)
    cr_expect (url_ok (allowed[i], false), "%s was refused", allowed[i]);
  cr_expect (! url_ok (NULL, true), "no URL at all was accepted");
}

Test (webhooks, the_operator_may_allow_http_and_private_addresses)
{
  cr_expect (url_ok ("http://127.0.0.1:8080/hook", true));
  cr_expect (url_ok ("http://localhost/hook", true));
  cr_expect (url_ok ("https://10.0.0.5/hook", true));
  cr_expect (! url_ok ("ftp://127.0.0.1/hook", true));
  cr_expect (! url_ok ("http://user@127.0.0.1/hook", true));
}

Test (webhooks, the_signature_is_hmac_sha256_of_timestamp_dot_body)
{
  char hex[65];

  /* printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test */
  hooks_sign ("whsec_test", 1700000000LL, "{\"a\":1}", 7, hex);
  cr_assert_str_eq (
    hex, "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
}

Test (webhooks, secrets_are_whsec_and_43_base64url_characters)
{
  char a[64], b[64];

  cr_assert_eq (0, hooks_secret_new (a));
  cr_assert_eq (0, hooks_secret_new (b));
  cr_expect_eq (49, strlen (a));
  cr_expect_eq (0, strncmp (a, "whsec_", 6));
  cr_expect_eq (43, strspn (a + 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
                                   "qrstuvwxyz0123456789-_"));
  cr_expect_str_neq (a, b);
}

Test (webhooks, retries_with_the_defaults_span_more_than_a_day)
{
  long long least = 0, most = 0;

  /* 16 attempts: 15 waits, each at its smallest and its largest jitter. */
  for (int f = 1; f <= 15; f++)
  {
    least += hooks_backoff_ms (f, 30000, 0);
    most += hooks_backoff_ms (f, 30000, 0xffff);
    cr_expect (hooks_backoff_ms (f, 30000, 0xffff)
                 >= hooks_backoff_ms (f - 1 > 0 ? f - 1 : 1, 30000, 0xffff),
               "the delay shrank at failure %d", f);
  }
  cr_expect (least >= 24LL * 3600 * 1000, "the retries span %lld ms", least);
  cr_expect (most <= 72LL * 3600 * 1000, "the retries span %lld ms", most);
  cr_expect_eq (30000, hooks_backoff_ms (1, 30000, 0xffff));
  cr_expect_eq (960LL * 30000, hooks_backoff_ms (40, 30000, 0xffff),
                "the delay is capped");
}
