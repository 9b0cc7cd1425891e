/**
 * @file log.h
 * @brief Structured one-line JSON logs on standard error.
 */
#ifndef SVC_LOG_H
#define SVC_LOG_H

#include <stdarg.h>
#include <stddef.h>

/** Severity of a log line; client faults are INFO/WARN, our bugs ERROR. */
enum log_level
{
  LOG_DEBUG = 0,
  LOG_INFO,
  LOG_WARN,
  LOG_ERROR
};

/**
 * Sets the lowest level written; call before any thread starts.
 *
 * @param level lines below this level are dropped
 */
void log_set_level (enum log_level level);

/**
 * Parses "debug", "info", "warn" or "error".
 *
 * @param name the level's name
 * @param[out] level the parsed level
 * @return 0 on success, -1 if @a name is not a level
 */
int log_level_parse (const char *name, enum log_level *level);

/**
 * Writes one JSON line: {"ts","level","msg", ...fields}.  @a fields is a
 * pre-rendered JSON object body such as `"status":200,"route":"/v1/x"` or
 * NULL; the message is formatted with printf rules and JSON-escaped.
 *
 * @param level severity
 * @param fields extra members (already valid JSON), or NULL
 * @param fmt printf format of the message
 */
void log_line (enum log_level level, const char *fields, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

#define log_info(...) log_line (LOG_INFO, NULL, __VA_ARGS__)
#define log_warn(...) log_line (LOG_WARN, NULL, __VA_ARGS__)
/** Our own bug or an unexpected failure: carries file and line. */
#define log_error(...) \
  log_line (LOG_ERROR, \
            "\"file\":\"" __FILE__ "\",\"line\":" SVC_STR (__LINE__), \
            __VA_ARGS__)
#define SVC_STR2(x) #x
#define SVC_STR(x) SVC_STR2 (x)

/**
 * Writes @a src into @a dst (capacity @a cap) escaped for the inside of a
 * JSON string: quotes, backslashes and control characters escaped, bytes
 * that are not UTF-8 as U+FFFD.  For text a client chose (a method, a
 * path) that goes into the @a fields of log_line.
 */
void log_escape (char *dst, size_t cap, const char *src);

#endif
