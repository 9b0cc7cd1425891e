/**
 * @file log.c
 * @brief One JSON object per line on standard error, written atomically.
 */
#include "svc/log.h"

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
    const char *s = tmp;
    size_t n;

    if ('"' == *p || '\\' == *p)
    {
      tmp[0] = '\\';
      tmp[1] = (char) *p;
      n = 2;
    }
    else if (*p < 0x20)
      n = (size_t) snprintf (tmp, sizeof (tmp), "\\u%04x", *p);
    else
    {
      tmp[0] = (char) *p;
      n = 1;
    }
    if (*off + n + 1 >= cap)
      return;
    memcpy (dst + *off, s, n);
    *off += n;
  }
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
