/**
 * @file fuzz_timestamps.c
 * @brief The text checks and parsers of svc/util.h every query string and
 *        body goes through: util_is_timestamp, util_timestamp_epoch,
 *        util_parse_as_of (the as_of parameter), util_is_date,
 *        util_is_uuid, util_utf8_length and util_b64url_decode (cursors).
 *
 * The input is read as one NUL-terminated string (cut at its first NUL),
 * and its raw bytes as UTF-8 and base64url input.
 *
 * Invariants: an accepted timestamp names an instant in the years 1000 to
 * 9999 and its epoch written back (util_epoch_timestamp) is a timestamp
 * with the same epoch; an accepted as_of writes text that is itself a
 * timestamp of the same epoch, and a date as_of means that day's
 * 23:59:59Z; util_utf8_length agrees with a reference decoder; base64url
 * round-trips.
 */
#include <ctype.h>
#include <string.h>

#include "fuzz.h"
#include "svc/util.h"

/** Instants util_is_timestamp admits (years 1000 to 9999 in UTC). */
#define EPOCH_YEAR_1000 (-30610224000LL)
#define EPOCH_YEAR_10000 (253402300800LL)

/** Longest string looked at (every checker refuses far shorter ones). */
#define MAX_TEXT 256

/**
 * A reference UTF-8 decoder (RFC 3629: shortest form, no surrogates, at
 * most U+10FFFF), written differently from util_utf8_length.
 *
 * @return the number of code points, or -1
 */
static long
ref_utf8_length (const uint8_t *s, size_t n)
{
  long count = 0;

  for (size_t i = 0; i < n; count++)
  {
    uint8_t c = s[i];
    size_t len = c < 0x80   ? 1
                 : c < 0xC2 ? 0
                 : c < 0xE0 ? 2
                 : c < 0xF0 ? 3
                 : c < 0xF5 ? 4
                            : 0;
    uint8_t lo = 0x80, hi = 0xBF;

    if (0 == len || i + len > n)
      return -1;
    /* The second byte's range depends on the first (RFC 3629, table 3-7
       of Unicode). */
    if (0xE0 == c)
      lo = 0xA0;
    else if (0xED == c)
      hi = 0x9F;
    else if (0xF0 == c)
      lo = 0x90;
    else if (0xF4 == c)
      hi = 0x8F;
    if (len > 1 && (s[i + 1] < lo || s[i + 1] > hi))
      return -1;
    for (size_t k = 2; k < len; k++)
      if (0x80 != (s[i + k] & 0xC0))
        return -1;
    i += len;
  }
  return count;
}

/** Checks a string util_is_timestamp accepted. */
static void
check_timestamp (const char *s)
{
  int64_t t = util_timestamp_epoch (s);
  char back[32];

  FUZZ_CHECK (t >= EPOCH_YEAR_1000 && t < EPOCH_YEAR_10000);
  util_epoch_timestamp (t, back);
  FUZZ_CHECK (util_is_timestamp (back));
  FUZZ_CHECK (util_timestamp_epoch (back) == t);
  /* Its first ten characters are a date (a calendar day). */
  {
    char day[11];

    memcpy (day, s, 10);
    day[10] = '\0';
    FUZZ_CHECK (util_is_date (day));
  }
}

/** Checks util_parse_as_of on @a s. */
static void
check_as_of (const char *s)
{
  char text[40];
  int64_t epoch = 0;

  memset (text, 0, sizeof (text));
  if (! util_parse_as_of (s, text, &epoch))
  {
    /* A timestamp short enough is always an as_of. */
    FUZZ_CHECK (strlen (s) >= 30 || ! util_is_timestamp (s));
    return;
  }
  FUZZ_CHECK (NULL != memchr (text, '\0', sizeof (text)));
  FUZZ_CHECK (20 == strlen (text));
  FUZZ_CHECK (util_is_timestamp (text));
  FUZZ_CHECK (util_timestamp_epoch (text) == epoch);
  FUZZ_CHECK (epoch >= EPOCH_YEAR_1000 && epoch < EPOCH_YEAR_10000);
  if (util_is_date (s))
  {
    FUZZ_CHECK (0 == strncmp (text, s, 10));
    FUZZ_CHECK (0 == strcmp (text + 10, "T23:59:59Z"));
  }
  else
  {
    FUZZ_CHECK (util_is_timestamp (s));
    FUZZ_CHECK (util_timestamp_epoch (s) == epoch);
  }
}

/** Checks util_is_date against its definition. */
static void
check_date (const char *s)
{
  char as_of[40];
  int64_t epoch;

  if (! util_is_date (s))
    return;
  FUZZ_CHECK (10 == strlen (s) && '-' == s[4] && '-' == s[7]);
  for (int i = 0; i < 10; i++)
    FUZZ_CHECK (4 == i || 7 == i || isdigit ((unsigned char) s[i]));
  /* Years 1000 to 9999 make an as_of. */
  if (s[0] != '0')
    FUZZ_CHECK (util_parse_as_of (s, as_of, &epoch));
}

/** Checks util_is_uuid against its definition. */
static void
check_uuid (const char *s)
{
  if (! util_is_uuid (s))
    return;
  FUZZ_CHECK (36 == strlen (s));
  for (int i = 0; i < 36; i++)
    if (8 == i || 13 == i || 18 == i || 23 == i)
      FUZZ_CHECK ('-' == s[i]);
    else
      FUZZ_CHECK (isxdigit ((unsigned char) s[i]));
}

/** Decodes @a s as base64url; what decodes encodes back to the same. */
static void
check_b64url (const char *s)
{
  uint8_t out[MAX_TEXT], again[MAX_TEXT];
  char text[4 * MAX_TEXT / 3 + 8];
  long n = util_b64url_decode (s, out, sizeof (out));
  long m;

  if (n < 0)
    return;
  FUZZ_CHECK ((size_t) n == strlen (s) * 6 / 8);
  util_b64url_encode (out, (size_t) n, text);
  FUZZ_CHECK (strlen (text) == strlen (s));
  m = util_b64url_decode (text, again, sizeof (again));
  FUZZ_CHECK (m == n && 0 == memcmp (out, again, (size_t) n));
  /* Too small a buffer is refused, never overrun. */
  if (n > 0)
    FUZZ_CHECK (-1 == util_b64url_decode (s, again, (size_t) n - 1));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char s[MAX_TEXT + 1];
  size_t len = size > MAX_TEXT ? MAX_TEXT : size;
  long u;

  memcpy (s, data, len);
  s[len] = '\0';

  if (util_is_timestamp (s))
    check_timestamp (s);
  check_as_of (s);
  check_date (s);
  check_uuid (s);
  check_b64url (s);

  u = util_utf8_length ((const char *) data, size);
  FUZZ_CHECK (u == ref_utf8_length (data, size));
  return 0;
}
