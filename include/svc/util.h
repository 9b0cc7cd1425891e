/**
 * @file util.h
 * @brief Small helpers shared by every layer: growable buffers, hashes,
 *        random ids, base64url, UUID/date/time/UTF-8 checks.
 */
#ifndef SVC_UTIL_H
#define SVC_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** A growable byte buffer; always NUL-terminated when non-empty. */
struct buf
{
  char *data; /**< new, owned; NULL until the first append */
  size_t len; /**< bytes used, without the NUL */
  size_t cap; /**< bytes allocated */
};

/**
 * Appends @a n bytes, growing geometrically.
 *
 * @return 0 on success, -1 if that would pass @a max bytes
 */
int buf_append (struct buf *b, const void *data, size_t n, size_t max);

/** Frees the buffer's storage and empties it; NULL-safe. */
void buf_free (struct buf *b);

/** SHA-256 of @a n bytes into @a out. */
void util_sha256 (const void *data, size_t n, uint8_t out[32]);

/** HMAC-SHA-256 of @a n bytes under @a key into @a out. */
void util_hmac_sha256 (const uint8_t *key, size_t key_len, const void *data,
                       size_t n, uint8_t out[32]);

/** Fills @a out with @a n bytes from the kernel's CSPRNG; 0 or -1. */
int util_random (void *out, size_t n);

/** Lowercase hex of @a n bytes into @a out (2n+1 bytes). */
void util_hex (const uint8_t *in, size_t n, char *out);

/**
 * base64url without padding of @a n bytes into @a out, which must hold
 * 4*ceil(n/3)+1 bytes.
 */
void util_b64url_encode (const uint8_t *in, size_t n, char *out);

/**
 * Decodes unpadded base64url.
 *
 * @return the number of bytes written, or -1 on bad input or overflow
 */
long util_b64url_decode (const char *in, uint8_t *out, size_t cap);

/** Constant-time comparison of @a n bytes; true when equal. */
bool util_ct_equal (const void *a, const void *b, size_t n);

/** True for a canonical lowercase-or-uppercase 8-4-4-4-12 UUID. */
bool util_is_uuid (const char *s);

/**
 * Writes UUID @a s in its canonical form (lower case), in place, so ids
 * are compared as UUIDs, not as the text a client happened to send.
 */
void util_uuid_canonical (char *s);

/**
 * A new random (version 4) UUID in canonical lower-case form.
 *
 * @return 0, or -1 when the system's random source failed
 */
int util_uuid_new (char out[37]);

/** True for a real calendar date written YYYY-MM-DD. */
bool util_is_date (const char *s);

/**
 * True for an RFC 3339 date-time with a zone (Z, or an offset PostgreSQL
 * holds: up to ±15:59), such as 2026-11-22T10:00:00Z or
 * 2026-11-22T10:00:00.5+01:00, naming an instant in the years 1000 to
 * 9999 in UTC (so PostgreSQL, the engine and cursors read the same year).
 */
bool util_is_timestamp (const char *s);

/**
 * Counts the code points of valid UTF-8.
 *
 * @return the count, or -1 if @a s is not valid UTF-8
 */
long util_utf8_length (const char *s, size_t n);

/**
 * Reads an `as_of`: an RFC 3339 timestamp, or a date meaning the end of
 * that day (UTC), naming an instant in the years 1000 to 9999.
 *
 * @param[out] text the instant as YYYY-MM-DDTHH:MM:SSZ
 * @param[out] epoch the instant in seconds
 * @return false when @a q is none of these
 */
bool util_parse_as_of (const char *q, char text[40], int64_t *epoch);

/**
 * Converts an RFC 3339 timestamp (already checked by util_is_timestamp)
 * to Unix seconds, honouring its offset.
 */
int64_t util_timestamp_epoch (const char *s);

/** Writes @a t (Unix seconds) as RFC 3339 UTC into @a out (32 bytes). */
void util_epoch_timestamp (int64_t t, char out[32]);

/** Monotonic clock in microseconds. */
int64_t util_now_us (void);

/**
 * Reads a whole file.
 *
 * @param[out] len its length in bytes
 * @return new NUL-terminated contents (free()), or NULL when it cannot be
 *         opened
 */
char *util_read_file (const char *path, size_t *len);

#endif
