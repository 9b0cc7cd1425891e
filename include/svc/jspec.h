/**
 * @file jspec.h
 * @brief Declarative JSON body validation (the GNUNET_JSON_Specification
 *        idea): one row per field, every bad field reported at once as
 *        {"field": JSON Pointer, "message": text}.
 */
#ifndef SVC_JSPEC_H
#define SVC_JSPEC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/** What a field must hold. */
enum jspec_type
{
  JSPEC_STRING,    /**< UTF-8 text, min_len..max_len code points */
  JSPEC_ENUM,      /**< one of `choices` */
  JSPEC_UUID,      /**< an id made by this server */
  JSPEC_DATE,      /**< YYYY-MM-DD */
  JSPEC_TIMESTAMP, /**< RFC 3339 with zone */
  JSPEC_NUMBER,    /**< any JSON number in min..max */
  JSPEC_INTEGER,   /**< a JSON integer in min..max */
  JSPEC_BOOL,      /**< true or false */
  JSPEC_CURRENCY,  /**< an ISO 4217 code */
  JSPEC_EMAIL,     /**< local@domain, at most 320 characters, no spaces */
  JSPEC_ARRAY,     /**< up to max_items values of type `item`, each checked
                         with this field's bounds and choices (objects
                         against `nested`); no repeats unless `repeats` */
  JSPEC_OBJECT,    /**< an object checked against `nested` */
  JSPEC_MAP,       /**< up to max_items members; names from `choices`
                         (or any name up to 500 characters), values of type
                         `item` with this field's bounds */
};

struct jspec_spec;

/** One field of a body. */
struct jspec_field
{
  const char *name;                /**< member name */
  enum jspec_type type;            /**< kind of value */
  bool required;                   /**< must be present and not null */
  size_t min_len, max_len;         /**< for strings, in code points */
  double min, max;                 /**< for numbers */
  const char *const *choices;      /**< NULL-terminated, for enums */
  enum jspec_type item;            /**< element type of arrays and maps */
  size_t max_items;                /**< for arrays and maps */
  const struct jspec_spec *nested; /**< for objects, and arrays of them */
  bool repeats;                    /**< for arrays: an item may equal an
                                        earlier one (a transcript's turns) */
};

/** A parsed value; strings are borrowed from the JSON document. */
struct jspec_value
{
  bool present;    /**< the member was there (possibly null) */
  bool is_null;    /**< it was JSON null */
  const char *s;   /**< strings, enums, ids, dates, timestamps */
  double d;        /**< numbers */
  long long i;     /**< integers */
  bool b;          /**< booleans */
  const json_t *j; /**< the value itself (borrowed), for every type */
};

/** A body's fields and the names the server owns. */
struct jspec_spec
{
  const struct jspec_field *fields; /**< the writable fields */
  size_t n_fields;                  /**< how many */
  const char *const *read_only;     /**< NULL-terminated server-owned names */
};

/**
 * Validates the object @a obj against @a spec, filling @a out (one slot per
 * field, in order) and appending one error per bad field to @a errors.
 *
 * @param prefix JSON Pointer of @a obj ("" for the root)
 * @return the number of errors appended (0 means valid)
 */
unsigned int
jspec_parse (const struct jspec_spec *spec, const json_t *obj,
             const char *prefix, struct jspec_value *out, json_t *errors);

/**
 * Checks only the member names of a partial body (a merge patch): unknown
 * and server-owned names are errors.
 *
 * @return the number of errors appended
 */
unsigned int
jspec_check_names (const struct jspec_spec *spec, const json_t *obj,
                   const char *prefix, json_t *errors);

/**
 * Appends {"field": prefix/name, "message": message} to @a errors.
 */
void jspec_error (json_t *errors, const char *prefix, const char *name,
                  const char *message);

/**
 * Applies an RFC 7396 JSON Merge Patch to @a target in place.
 *
 * @return @a target, or a new value if either is not an object (the caller
 *         owns the result; @a target's reference is consumed)
 */
json_t *jspec_merge_patch (json_t *target, const json_t *patch);

/** True when @a code is an active ISO 4217 currency code. */
bool jspec_is_currency (const char *code);

#endif
