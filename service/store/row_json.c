/**
 * @file row_json.c
 * @brief The API's JSON of a resource row, written from PostgreSQL's text
 *        of each column.  PostgreSQL used to write it (row_to_json and
 *        to_char in every statement), which made a list of 20 calls cost
 *        it 2.4 times a plain SELECT of the same columns
 *        (docs/performance.md); here it costs a few microseconds.
 *
 * The output is what row_to_json wrote: the same keys in the same order,
 * compact, strings escaped the same way, timestamps as RFC 3339 UTC with
 * microseconds.  The session's TimeZone is UTC and its DateStyle ISO
 * (pool.c sets both; pgbouncer keeps both per client).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/util.h"

/** Appends @a n bytes. */
static void
put (struct buf *b, const char *s, size_t n)
{
  buf_append (b, s, n, SIZE_MAX);
}

/** Appends a NUL-terminated string. */
static void
put_cstr (struct buf *b, const char *s)
{
  put (b, s, strlen (s));
}

/** Appends @a s (of @a n bytes) as a JSON string, escaped as row_to_json
    escapes: quote, backslash, the short escapes, other controls \u00XX. */
static void
put_string (struct buf *b, const char *s, size_t n)
{
  size_t run = 0;

  put (b, "\"", 1);
  for (size_t i = 0; i < n; i++)
  {
    unsigned char c = (unsigned char) s[i];
    char esc[8];
    const char *e = NULL;

    if (c >= 0x20 && '"' != c && '\\' != c)
      continue;
    put (b, s + run, i - run);
    run = i + 1;
    switch (c)
    {
    case '"':
      e = "\\\"";
      break;
    case '\\':
      e = "\\\\";
      break;
    case '\b':
      e = "\\b";
      break;
    case '\f':
      e = "\\f";
      break;
    case '\n':
      e = "\\n";
      break;
    case '\r':
      e = "\\r";
      break;
    case '\t':
      e = "\\t";
      break;
    default:
      snprintf (esc, sizeof (esc), "\\u%04x", c);
      e = esc;
    }
    put_cstr (b, e);
  }
  put (b, s + run, n - run);
  put (b, "\"", 1);
}

const char *
store_now (char buf[40])
{
  return store_time_in (buf, 0);
}

const char *
store_time_in (char buf[40], long seconds)
{
  struct timespec ts;
  struct tm tm;
  time_t t;

  clock_gettime (CLOCK_REALTIME, &ts);
  t = ts.tv_sec + (time_t) seconds;
  gmtime_r (&t, &tm);
  strftime (buf, 20, "%Y-%m-%d %H:%M:%S", &tm);
  snprintf (buf + 19, 21, ".%06d+00", (int) (ts.tv_nsec / 1000) % 1000000);
  return buf;
}

bool
store_ts_rfc3339 (const char *pg, char out[32])
{
  /* "2025-07-01 09:30:00[.ffffff]+00" */
  size_t frac = 0;
  const char *p = pg + 19;

  if (strlen (pg) < 22 || '-' != pg[4] || '-' != pg[7] || ' ' != pg[10]
      || ':' != pg[13] || ':' != pg[16])
    return false;
  memcpy (out, pg, 19);
  out[10] = 'T';
  out[19] = '.';
  if ('.' == *p)
    for (p++; frac < 6 && *p >= '0' && *p <= '9'; p++)
      out[20 + frac++] = *p;
  if (0 != strcmp (p, "+00"))
    return false;
  while (frac < 6)
    out[20 + frac++] = '0';
  out[26] = 'Z';
  out[27] = '\0';
  return true;
}

/** Appends a timestamptz as RFC 3339 UTC (its text as a string if it is
    not in the form expected, which a year past 9999 would not be). */
static void
put_ts (struct buf *b, const char *v)
{
  char ts[32];

  if (store_ts_rfc3339 (v, ts))
  {
    put (b, "\"", 1);
    put (b, ts, 27);
    put (b, "\"", 1);
  }
  else
    put_string (b, v, strlen (v));
}

/** Appends a float8 or integer: its text, or a string for NaN and the
    infinities (which JSON has no number for), as row_to_json did. */
static void
put_number (struct buf *b, const char *v)
{
  if ((v[0] >= '0' && v[0] <= '9')
      || ('-' == v[0] && v[1] >= '0' && v[1] <= '9'))
    put_cstr (b, v);
  else
    put_string (b, v, strlen (v));
}

/**
 * Appends a one-dimensional array's text ({a,"b c",NULL}) as a JSON array
 * of strings: quoted elements have \" and \\ escapes, NULL is null.
 */
static void
put_array (struct buf *b, const char *v)
{
  const char *p = v;
  bool first = true;

  if ('{' != *p)
  {
    put_string (b, v, strlen (v));
    return;
  }
  put (b, "[", 1);
  p++;
  while ('\0' != *p && '}' != *p)
  {
    struct buf el = { 0 };

    if (! first)
      put (b, ",", 1);
    first = false;
    if ('"' == *p)
    {
      for (p++; '\0' != *p && '"' != *p; p++)
      {
        if ('\\' == *p && '\0' != p[1])
          p++;
        put (&el, p, 1);
      }
      if ('"' == *p)
        p++;
      put_string (b, NULL != el.data ? el.data : "", el.len);
    }
    else
    {
      size_t n = strcspn (p, ",}");

      if (4 == n && 0 == strncmp (p, "NULL", 4))
        put (b, "null", 4);
      else
        put_string (b, p, n);
      p += n;
    }
    buf_free (&el);
    if (',' == *p)
      p++;
  }
  put (b, "]", 1);
}

void
store_put_value (struct buf *b, enum res_sql type, const char *v, bool null)
{
  if (null)
  {
    put (b, "null", 4);
    return;
  }
  switch (type)
  {
  case RES_INT:
  case RES_FLOAT:
  case RES_MONEY:
    put_number (b, v);
    break;
  case RES_BOOL:
    put_cstr (b, 't' == v[0] ? "true" : "false");
    break;
  case RES_TS:
    put_ts (b, v);
    break;
  case RES_TEXT_ARRAY:
  case RES_UUID_ARRAY:
    put_array (b, v);
    break;
  case RES_JSONB:
    put_cstr (b, v);
    break;
  case RES_TEXT:
  case RES_UUID:
  case RES_DATE:
  default:
    put_string (b, v, strlen (v));
    break;
  }
}

void
store_put_key (struct buf *b, bool first, const char *key)
{
  if (! first)
    put (b, ",", 1);
  put_string (b, key, strlen (key));
  put (b, ":", 1);
}
