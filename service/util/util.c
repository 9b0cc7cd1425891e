/**
 * @file util.c
 * @brief Buffers, hashing (OpenSSL libcrypto), encodings and format checks.
 */
#include "svc/util.h"
#include "svc/alloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

int
buf_append (struct buf *b, const void *data, size_t n, size_t max)
{
  if (b->len + n > max)
    return -1;
  if (b->len + n + 1 > b->cap)
  {
    size_t cap = (0 == b->cap) ? 1024 : b->cap;
    char *p;

    while (cap < b->len + n + 1)
      cap *= 2;
    if (max < SIZE_MAX && cap > max + 1)
      cap = max + 1;
    p = util_realloc (b->data, cap);
    b->data = p;
    b->cap = cap;
  }
  if (n > 0)
    memcpy (b->data + b->len, data, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

void
buf_free (struct buf *b)
{
  if (NULL == b)
    return;
  free (b->data);
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void
util_sha256 (const void *data, size_t n, uint8_t out[32])
{
  SHA256 (data, n, out);
}

void
util_hmac_sha256 (const uint8_t *key, size_t key_len, const void *data,
                  size_t n, uint8_t out[32])
{
  unsigned int len = 32;

  HMAC (EVP_sha256 (), key, (int) key_len, data, n, out, &len);
}

int
util_random (void *out, size_t n)
{
  uint8_t *p = out;

  while (n > 0)
  {
    ssize_t got = getrandom (p, n, 0);

    if (got < 0)
    {
      if (EINTR == errno)
        continue;
      return -1;
    }
    p += got;
    n -= (size_t) got;
  }
  return 0;
}

void
util_hex (const uint8_t *in, size_t n, char *out)
{
  static const char digits[] = "0123456789abcdef";

  for (size_t i = 0; i < n; i++)
  {
    out[2 * i] = digits[in[i] >> 4];
    out[2 * i + 1] = digits[in[i] & 15];
  }
  out[2 * n] = '\0';
}

static const char b64url[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void
util_b64url_encode (const uint8_t *in, size_t n, char *out)
{
  size_t o = 0;

  for (size_t i = 0; i < n; i += 3)
  {
    uint32_t v = (uint32_t) in[i] << 16;
    size_t rest = n - i;

    if (rest > 1)
      v |= (uint32_t) in[i + 1] << 8;
    if (rest > 2)
      v |= in[i + 2];
    out[o++] = b64url[(v >> 18) & 63];
    out[o++] = b64url[(v >> 12) & 63];
    if (rest > 1)
      out[o++] = b64url[(v >> 6) & 63];
    if (rest > 2)
      out[o++] = b64url[v & 63];
  }
  out[o] = '\0';
}

long
util_b64url_decode (const char *in, uint8_t *out, size_t cap)
{
  uint32_t acc = 0;
  int bits = 0;
  size_t o = 0;

  for (const char *p = in; *p; p++)
  {
    const char *hit = strchr (b64url, *p);

    if (NULL == hit || '\0' == *hit)
      return -1;
    acc = (acc << 6) | (uint32_t) (hit - b64url);
    bits += 6;
    if (bits >= 8)
    {
      bits -= 8;
      if (o >= cap)
        return -1;
      out[o++] = (uint8_t) (acc >> bits);
    }
  }
  if (bits >= 6)
    return -1;
  return (long) o;
}

bool
util_ct_equal (const void *a, const void *b, size_t n)
{
  const uint8_t *x = a;
  const uint8_t *y = b;
  uint8_t d = 0;

  for (size_t i = 0; i < n; i++)
    d |= x[i] ^ y[i];
  return 0 == d;
}

bool
util_is_uuid (const char *s)
{
  if (NULL == s || 36 != strlen (s))
    return false;
  for (int i = 0; i < 36; i++)
  {
    if (8 == i || 13 == i || 18 == i || 23 == i)
    {
      if ('-' != s[i])
        return false;
    }
    else if (! isxdigit ((unsigned char) s[i]))
      return false;
  }
  return true;
}

/**
 * Reads exactly @a n decimal digits at @a s.
 *
 * @return the value, or -1 if any is not a digit
 */
static int
digits (const char *s, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
  {
    if (! isdigit ((unsigned char) s[i]))
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/** True when y-m-d names a real day of the Gregorian calendar. */
static bool
valid_ymd (int y, int m, int d)
{
  static const int mdays[] = {
    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
  };
  int max;

  if (y < 1 || m < 1 || m > 12 || d < 1)
    return false;
  max = mdays[m - 1];
  if (2 == m && ((0 == y % 4 && 0 != y % 100) || 0 == y % 400))
    max = 29;
  return d <= max;
}

void
util_uuid_canonical (char *s)
{
  for (; NULL != s && '\0' != *s; s++)
    if (*s >= 'A' && *s <= 'F')
      *s = (char) (*s - 'A' + 'a');
}

int
util_uuid_new (char out[37])
{
  uint8_t b[16];

  if (0 != util_random (b, sizeof (b)))
    return -1;
  b[6] = (uint8_t) ((b[6] & 0x0f) | 0x40);
  b[8] = (uint8_t) ((b[8] & 0x3f) | 0x80);
  snprintf (out, 37,
            "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
            "%02x%02x%02x%02x%02x%02x",
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
            b[11], b[12], b[13], b[14], b[15]);
  return 0;
}

bool
util_is_date (const char *s)
{
  if (NULL == s || 10 != strlen (s) || '-' != s[4] || '-' != s[7])
    return false;
  return valid_ymd (digits (s, 4), digits (s + 5, 2), digits (s + 8, 2));
}

/* The instants a timestamp may name: the years 1000 to 9999 in UTC, so
   PostgreSQL, the engine and cursors all read the same four-digit year. */
#define EPOCH_YEAR_1000 (-30610224000LL)  /* 1000-01-01T00:00:00Z */
#define EPOCH_YEAR_10000 (253402300800LL) /* 10000-01-01T00:00:00Z */

bool
util_is_timestamp (const char *s)
{
  const char *p;
  int hh, mi, ss;
  int64_t t;

  if (NULL == s || strlen (s) < 20 || strlen (s) > 40)
    return false;
  if (! util_is_date ((char[11]){ s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                                  s[7], s[8], s[9], '\0' }))
    return false;
  if (digits (s, 4) < 1000)
    return false;
  if (('T' != s[10] && 't' != s[10]) || ':' != s[13] || ':' != s[16])
    return false;
  hh = digits (s + 11, 2);
  mi = digits (s + 14, 2);
  ss = digits (s + 17, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60)
    return false;
  p = s + 19;
  if ('.' == *p)
  {
    p++;
    if (! isdigit ((unsigned char) *p))
      return false;
    while (isdigit ((unsigned char) *p))
      p++;
  }
  if (('+' == *p || '-' == *p) && 6 == strlen (p) && ':' == p[3])
  {
    int oh = digits (p + 1, 2);
    int om = digits (p + 4, 2);

    /* PostgreSQL holds offsets up to 15:59 either way. */
    if (oh < 0 || oh > 15 || om < 0 || om > 59)
      return false;
  }
  else if (! (('Z' == *p || 'z' == *p) && '\0' == p[1]))
    return false;
  t = util_timestamp_epoch (s);
  return t >= EPOCH_YEAR_1000 && t < EPOCH_YEAR_10000;
}

bool
util_parse_as_of (const char *q, char text[40], int64_t *epoch)
{
  char tmp[40];

  if (NULL == q || strlen (q) >= sizeof (tmp) - 10)
    return false;
  if (util_is_date (q))
    snprintf (tmp, sizeof (tmp), "%sT23:59:59Z", q);
  else
    snprintf (tmp, sizeof (tmp), "%s", q);
  if (! util_is_timestamp (tmp))
    return false;
  *epoch = util_timestamp_epoch (tmp);
  util_epoch_timestamp (*epoch, text);
  return true;
}

long
util_utf8_length (const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *) s;
  long count = 0;
  size_t i = 0;

  while (i < n)
  {
    unsigned char c = p[i];
    size_t len;
    uint32_t cp;

    if (c < 0x80)
      len = 1, cp = c;
    else if (0xC0 == (c & 0xE0))
      len = 2, cp = c & 0x1F;
    else if (0xE0 == (c & 0xF0))
      len = 3, cp = c & 0x0F;
    else if (0xF0 == (c & 0xF8))
      len = 4, cp = c & 0x07;
    else
      return -1;
    if (i + len > n)
      return -1;
    for (size_t k = 1; k < len; k++)
    {
      if (0x80 != (p[i + k] & 0xC0))
        return -1;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((2 == len && cp < 0x80) || (3 == len && cp < 0x800)
        || (4 == len && (cp < 0x10000 || cp > 0x10FFFF))
        || (cp >= 0xD800 && cp <= 0xDFFF))
      return -1;
    i += len;
    count++;
  }
  return count;
}

int64_t
util_timestamp_epoch (const char *s)
{
  struct tm tm = { 0 };
  const char *p = s + 19;
  int64_t t;

  tm.tm_year = digits (s, 4) - 1900;
  tm.tm_mon = digits (s + 5, 2) - 1;
  tm.tm_mday = digits (s + 8, 2);
  tm.tm_hour = digits (s + 11, 2);
  tm.tm_min = digits (s + 14, 2);
  tm.tm_sec = digits (s + 17, 2);
  t = (int64_t) timegm (&tm);
  if ('.' == *p)
    while (isdigit ((unsigned char) *++p))
      ;
  if ('+' == *p || '-' == *p)
  {
    int64_t off = digits (p + 1, 2) * 3600 + digits (p + 4, 2) * 60;

    t += ('+' == *p) ? -off : off;
  }
  return t;
}

void
util_epoch_timestamp (int64_t t, char out[32])
{
  time_t tt = (time_t) t;
  struct tm tm;

  gmtime_r (&tt, &tm);
  strftime (out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int64_t
util_now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

char *
util_read_file (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  char *data = NULL;
  long size;

  if (NULL == f)
    return NULL;
  if (0 == fseek (f, 0, SEEK_END) && (size = ftell (f)) >= 0
      && 0 == fseek (f, 0, SEEK_SET))
  {
    data = util_malloc ((size_t) size + 1);
    *len = fread (data, 1, (size_t) size, f);
    data[*len] = '\0';
  }
  fclose (f);
  return data;
}
