/**
 * @file harness.h
 * @brief What integration tests share: HTTP requests to the running
 *        service (libcurl), fresh organizations to run them in, and the
 *        helpers resource tests use to create, list, page and patch.
 */
#ifndef TEST_HARNESS_H
#define TEST_HARNESS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct curl_slist;

/** A response as the client saw it. */
struct th_resp
{
  long status;     /**< HTTP status */
  char *body;      /**< new, NUL-terminated (maybe empty) */
  size_t body_len; /**< its length */
  json_t *json;    /**< the body parsed, or NULL */
  char *headers;   /**< raw header block, new */
};

/** An organization made for one test, with an admin key. */
struct th_org
{
  char id[64];
  char key[128];
};

/**
 * libcurl write callback appending to a NUL-terminated string (@a cls is a
 * char ** that starts NULL; free it).
 */
size_t th_collect (char *data, size_t size, size_t n, void *cls);

/**
 * What both clients (th_request here, sp_http in spawn.c) set on a libcurl
 * handle before a request: the URL @a base + @a path, @a method (HEAD
 * without a body), the body and header block collected into @a body and
 * @a headers (see th_collect), and the header lines Authorization for
 * @a key (when set), @a extra (NULL-terminated, or NULL) and an empty
 * Expect.  Asserts nothing, and sets neither a timeout nor a request body.
 *
 * @param curl a CURL handle
 * @return the header list: the caller may append to it, sets it with
 *         CURLOPT_HTTPHEADER and frees it after the transfer
 */
struct curl_slist *
th_curl_prepare (void *curl, const char *base, const char *method,
                 const char *path, const char *key, const char *const *extra,
                 char **body, char **headers);

/** The base URL of the service under test (fails the test when unset). */
const char *th_url (void);

/**
 * Makes a new organization through `rapport org create`.
 */
void th_org_new (struct th_org *org);

/**
 * Sends a request.
 *
 * @param key API key, or NULL for none
 * @param body request body, or NULL
 * @param extra NULL-terminated extra header lines ("Name: value"), or NULL
 * @param[out] out the response (free with th_resp_free)
 */
void
th_request (const char *method, const char *path, const char *key,
            const char *body, const char *const *extra, struct th_resp *out);

/** Like th_request with Content-Type: application/json when a body is set. */
void th_json (const char *method, const char *path, const char *key,
              const char *body, struct th_resp *out);

/**
 * Sends @a len bytes of @a body with Transfer-Encoding: chunked (no
 * Content-Length), in chunks of @a chunk bytes.
 */
void
th_chunked (const char *method, const char *path, const char *key,
            const char *body, size_t len, size_t chunk, struct th_resp *out);

/**
 * A response header's value (case-insensitive name).
 *
 * @return a new string (free it), or NULL when absent
 */
char *th_header (const struct th_resp *r, const char *name);

/**
 * A header's value in a raw header block (case-insensitive name).
 *
 * @return a new string (free it), or NULL when absent
 */
char *th_header_value (const char *headers, const char *name);

/** Frees a response; NULL-safe. */
void th_resp_free (struct th_resp *r);

/** Creates an API key of @a scope in @a org; writes its secret and id. */
void th_key_new (const struct th_org *org, const char *scope, char secret[128],
                 char id[64]);

/** Creates an account named @a name; writes its id. */
void th_account_new (const char *key, const char *name, char id[64]);

/** Creates a seller named @a name; writes its id. */
void th_seller_new (const char *key, const char *name, char id[64]);

/** Creates a contact named @a name in @a account; writes its id. */
void th_contact_new (const char *key, const char *account, const char *name,
                     char id[64]);

/**
 * printf into one of 64 rotating buffers (each test is its own process);
 * copy what must outlive the next few dozen calls.
 */
const char *
th_fmt (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

/** A string member of the response body ("" when absent or not a string). */
const char *th_str (const struct th_resp *r, const char *name);

/** POSTs @a body to @a path, asserts 201 and writes the new id. */
void
th_create (const char *key, const char *path, const char *body, char id[64]);

/** Asserts a 422 naming @a field (and frees the response). */
void th_expect_422 (struct th_resp *r, const char *field, const char *what);

/** The number of items on the first page of @a path (asserting 200). */
size_t th_count (const char *key, const char *path);

/**
 * Pages through @a path with @a limit; asserts no id repeats and every
 * page but the last is full; writes the ids in order into @a ids (up to
 * @a max).
 *
 * @return how many items
 */
size_t th_walk (const char *key, const char *path, int limit, char (*ids)[64],
                size_t max);

/** PATCH with Content-Type merge-patch and (when set) If-Match. */
void th_patch (const char *key, const char *path, const char *etag,
               const char *body, struct th_resp *r);

/**
 * Asserts the response is problem+json with @a status, a `type`, `title`
 * and an X-Request-Id header that its `request_id` repeats.
 */
void th_assert_problem (const struct th_resp *r, long status);

/**
 * The body of @a r with its problem's request_id masked (each request
 * has its own), for comparing two answers byte for byte; free() it.
 */
char *th_stable_body (const struct th_resp *r);

/** @a s repeated @a n times, in one of th_fmt's buffers (8 KiB). */
const char *th_repeat (const char *s, int n);

/** Whether the problem in @a r names @a field in its errors[]. */
bool th_names_field (const struct th_resp *r, const char *field);

/**
 * Asserts that @a r is a 422 whose errors[] holds exactly one item, whose
 * field starts with @a prefix: a long member name was named (cut between
 * characters), not dropped.
 */
void
th_expect_one_field_starting (const struct th_resp *r, const char *prefix);

/**
 * Sends a request (with Content-Type: application/json when @a body is
 * set) and asserts the answer is a problem with @a status (see
 * th_assert_problem).
 */
void th_expect_problem (const char *method, const char *path, const char *key,
                        const char *body, long status);

/**
 * Sends a request (with Content-Type: application/json when @a body is
 * set) and asserts the answer's status is @a status.
 */
void th_expect_status (const char *method, const char *path, const char *key,
                       const char *body, long status);

/** Asserts the response has header @a name with the value @a want. */
void
th_assert_header (const struct th_resp *r, const char *name, const char *want);

/**
 * True when the problem's `errors` array names @a field.
 */
bool th_has_error (const struct th_resp *r, const char *field);

#endif
