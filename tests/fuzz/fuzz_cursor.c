/**
 * @file fuzz_cursor.c
 * @brief Pagination cursors: api_cursor_check (service/api/common.c) on
 *        the input as a cursor, under a fixed secret, organization and
 *        filters; and cursors made from the input as the service makes
 *        them (api_cursor_make: HMAC-SHA-256 of "1|org|filters|ts|id",
 *        "ts|id" and 16 bytes of the MAC in base64url), which must pass.
 *
 * Invariants: an accepted cursor yields a timestamp and a UUID, and the
 * cursor made again from them is accepted with the same position; a
 * cursor made for this organization and these filters is accepted, and
 * refused for another organization, other filters or another secret.
 */
#include <string.h>

#include "fuzz.h"
#include "svc/util.h"
#include "../../service/api/internal.h"

/** The cursor secret (service_secrets.cursor in the database). */
static const uint8_t key[32] = {
  0x52, 0x61, 0x70, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x63, 0x75, 0x72,
  0x73, 0x6f, 0x72, 0x20, 0x6b, 0x65, 0x79, 0x20, 0x66, 0x6f, 0x72,
  0x20, 0x66, 0x75, 0x7a, 0x7a, 0x69, 0x6e, 0x67, 0x21, 0x0a,
};

static const char org[] = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
static const char other_org[] = "7c9e6679-7425-40de-944b-e07fc1f90ae8";

/** The filters of the page (GET /v1/accounts/{id}/calls?since=...). */
static const char *const filters[] = { "calls", "2026-01-01T00:00:00Z",
                                       NULL,    NULL,
                                       NULL,    NULL };

/**
 * api_cursor_make without the database (it reads the secret there):
 * the same payload, MAC and encoding.
 *
 * @return false when (ts, id) do not fit, as api_cursor_make's NULL
 */
static bool
make (const uint8_t k[32], const char *org_id, const struct api_page *page,
      const char *ts, const char *id, char *out, size_t cap)
{
  char payload[200], sig[17];
  uint8_t mac[32];
  int n;

  util_hex (page->filter_sig, sizeof (page->filter_sig), sig);
  n = snprintf (payload, sizeof (payload), "1|%s|%s|%s|%s", org_id, sig, ts,
                id);
  if (n < 0 || n >= (int) sizeof (payload))
    return false;
  util_hmac_sha256 (k, 32, payload, (size_t) n, mac);
  n = snprintf (payload, sizeof (payload), "%s|%s", ts, id);
  if (n < 0 || (size_t) n + 16 > sizeof (payload)
      || 4 * ((size_t) n + 16) / 3 + 8 > cap)
    return false;
  memcpy (payload + n, mac, 16);
  util_b64url_encode ((uint8_t *) payload, (size_t) n + 16, out);
  return true;
}

/** A page with the harness's filters (or @a other ones). */
static void
page_init (struct api_page *page, bool other)
{
  const char *const *v = filters;
  static const char *const others[] = { "calls", "2026-01-01T00:00:01Z",
                                        NULL,    NULL,
                                        NULL,    NULL };

  memset (page, 0, sizeof (*page));
  page->limit = 50;
  page->has_cursor = true;
  api_page_sign_filters (page, other ? others : v, 6);
}

/** The input as a cursor. */
static void
check_raw (const char *raw)
{
  struct api_page page, again;
  char remade[256];

  page_init (&page, false);
  if (! api_cursor_check (key, org, &page, raw))
    return;
  FUZZ_CHECK (util_is_timestamp (page.after.ts));
  FUZZ_CHECK (util_is_uuid (page.after.id));
  FUZZ_CHECK (make (key, org, &page, page.after.ts, page.after.id, remade,
                    sizeof (remade)));
  page_init (&again, false);
  FUZZ_CHECK (api_cursor_check (key, org, &again, remade));
  FUZZ_CHECK (0 == strcmp (again.after.ts, page.after.ts));
  FUZZ_CHECK (0 == strcmp (again.after.id, page.after.id));
  /* The MAC covers the organization. */
  page_init (&again, false);
  FUZZ_CHECK (! api_cursor_check (key, other_org, &again, raw));
}

/** The input as "ts|id": made into a cursor, which must pass. */
static void
check_made (const char *text)
{
  const char *bar = strchr (text, '|');
  char ts[64], cursor[256];
  uint8_t other_key[32];
  struct api_page page;
  size_t n;

  if (NULL == bar || (n = (size_t) (bar - text)) >= sizeof (ts))
    return;
  memcpy (ts, text, n);
  ts[n] = '\0';
  page_init (&page, false);
  if (! make (key, org, &page, ts, bar + 1, cursor, sizeof (cursor)))
    return;
  /* Positions come from PostgreSQL (at most 32 characters); a cursor
     holds timestamps shorter than api_cursor.ts, though util_is_timestamp
     takes up to 40 characters. */
  if (util_is_timestamp (ts) && util_is_uuid (bar + 1)
      && n < sizeof (page.after.ts))
  {
    FUZZ_CHECK (api_cursor_check (key, org, &page, cursor));
    FUZZ_CHECK (0 == strcmp (page.after.ts, ts));
    FUZZ_CHECK (0 == strcmp (page.after.id, bar + 1));
  }
  else
    FUZZ_CHECK (! api_cursor_check (key, org, &page, cursor));
  /* Another organization, other filters, another secret: refused. */
  page_init (&page, false);
  FUZZ_CHECK (! api_cursor_check (key, other_org, &page, cursor));
  page_init (&page, true);
  FUZZ_CHECK (! api_cursor_check (key, org, &page, cursor));
  memcpy (other_key, key, sizeof (key));
  other_key[0] ^= 1;
  page_init (&page, false);
  FUZZ_CHECK (! api_cursor_check (other_key, org, &page, cursor));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char s[512];
  size_t len = size >= sizeof (s) ? sizeof (s) - 1 : size;

  memcpy (s, data, len);
  s[len] = '\0';
  check_raw (s);
  check_made (s);
  return 0;
}
