/**
 * @file log.c
 * @brief One JSON object per line on standard error, written atomically.
 */
#include "svc/log.h"
#include "svc/util.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;

static const char *const level_names[] = { "debug", "info", "warn", "error" };

void
log_set_level (enum log_level level)
{
  min_level = level;
}

int
log_level_parse (const char *name, enum log_level *level)
{
  for (size_t i = 0; i < sizeof (level_names) / sizeof (level_names[0]); i++)
    if (0 == strcasecmp (name, level_names[i]))
    {
      *level = (enum log_level) i;
      return 0;
    }
  return -1;
}

/**
 * Appends @a src to @a dst (of capacity @a cap, at offset @a *off) with JSON
 * string escaping; truncates silently when full.
 *
 * @param dst the line buffer
 * @param cap capacity of @a dst
 * @param[in,out] off write position
 * @param src NUL-terminated text
 */
static void
append_escaped (char *dst, size_t cap, size_t *off, const char *src)
{
  for (const unsigned char *p = (const unsigned char *) src; *p; p++)
  {
    char tmp[8];
    size_t n;
    long ok;

    if ('"' == *p || '\\' == *p)
    {
      tmp[0] = '\\';
      tmp[1] = (char) *p;
      n = 2;
    }
    else if (*p < 0x20 || 0x7F == *p)
      n = (size_t) snprintf (tmp, sizeof (tmp), "\\u%04x", *p);
    else if (*p < 0x80)
    {
      tmp[0] = (char) *p;
      n = 1;
    }
    else
    {
      /* A whole UTF-8 character is copied; a byte that starts none is
         written as U+FFFD, so the line stays valid JSON. */
      size_t len = 0xE0 == (*p & 0xE0)   ? (0xF0 == (*p & 0xF0) ? 4 : 3)
                   : 0xC0 == (*p & 0xE0) ? 2
                                         : 1;
      size_t avail = strnlen ((const char *) p, len);

      ok = avail == len ? util_utf8_length ((const char *) p, len) : -1;
      if (1 == ok)
      {
        if (*off + len + 1 >= cap)
          return;
        memcpy (dst + *off, p, len);
        *off += len;
        p += len - 1;
        continue;
      }
      n = (size_t) snprintf (tmp, sizeof (tmp), "\\ufffd");
    }
    if (*off + n + 1 >= cap)
      return;
    memcpy (dst + *off, tmp, n);
    *off += n;
  }
}

void
log_escape (char *dst, size_t cap, const char *src)
{
  size_t off = 0;

  if (0 == cap)
    return;
  append_escaped (dst, cap, &off, src);
  dst[off] = '\0';
}

void
log_line (enum log_level level, const char *fields, const char *fmt, ...)
{
  char msg[2048];
  char line[4096];
  size_t off;
  va_list ap;
  struct timespec ts;
  struct tm tm;

  if (level < min_level)
    return;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof (msg), fmt, ap);
  va_end (ap);
  clock_gettime (CLOCK_REALTIME, &ts);
  gmtime_r (&ts.tv_sec, &tm);
  off = strftime (line, sizeof (line), "{\"ts\":\"%Y-%m-%dT%H:%M:%S", &tm);
  off += (size_t) snprintf (line + off, sizeof (line) - off,
                            ".%03ldZ\",\"level\":\"%s\",\"msg\":\"",
                            ts.tv_nsec / 1000000L, level_names[level]);
  append_escaped (line, sizeof (line) - 4, &off, msg);
  line[off++] = '"';
  if (NULL != fields && '\0' != fields[0]
      && off + strlen (fields) + 4 < sizeof (line))
  {
    line[off++] = ',';
    memcpy (line + off, fields, strlen (fields));
    off += strlen (fields);
  }
  line[off++] = '}';
  line[off++] = '\n';
  /* One write() per line keeps lines whole across threads. */
  (void) ! write (STDERR_FILENO, line, off);
}
