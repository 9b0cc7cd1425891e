/**
 * @file test_jspec.c
 * @brief Declarative validation and JSON Merge Patch (RFC 7396).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "svc/jspec.h"

static const char *const colours[] = { "red", "green", NULL };

static const struct jspec_field fields[] = {
  { "name", JSPEC_STRING, true, 1, 5 },
  { "colour", JSPEC_ENUM, false, .choices = colours },
  { "score", JSPEC_INTEGER, false, .min = 0, .max = 10 },
  { "ratio", JSPEC_NUMBER, false, .min = 0, .max = 1 },
  { "flag", JSPEC_BOOL, false },
  { "day", JSPEC_DATE, false },
  { "at", JSPEC_TIMESTAMP, false },
  { "ref", JSPEC_UUID, false },
  { "money", JSPEC_CURRENCY, false },
};

static const char *const ro[] = { "id", NULL };
static const struct jspec_spec spec = { fields, 9, ro };

/** Parses @a text; returns the error count and leaves errors in @a errs. */
static unsigned int
check (const char *text, struct jspec_value *v, json_t **errs)
{
  json_t *doc = json_loads (text, JSON_ALLOW_NUL, NULL);
  unsigned int n;

  cr_assert_not_null (doc, "bad test JSON: %s", text);
  *errs = json_array ();
  n = jspec_parse (&spec, doc, "", v, *errs);
  json_decref (doc);
  return n;
}

/** True when @a errs names @a field. */
static bool
names (json_t *errs, const char *field)
{
  size_t i;
  json_t *e;

  json_array_foreach (errs, i,
                      e) if (0
                             == strcmp (json_string_value (
                                          json_object_get (e, "field")),
                                        field)) return true;
  return false;
}

Test (jspec, a_valid_body_parses_every_type)
{
  struct jspec_value v[9];
  json_t *errs;
  json_t *doc = json_loads (
    "{\"name\":\"héllo\",\"colour\":\"red\",\"score\":10,\"ratio\":0.5,"
    "\"flag\":true,\"day\":\"2024-02-29\",\"at\":\"2024-02-29T10:00:00.5+01:"
    "00\","
    "\"ref\":\"123e4567-e89b-12d3-a456-426614174000\",\"money\":\"EUR\"}",
    0, NULL);

  errs = json_array ();
  cr_assert_eq (0, jspec_parse (&spec, doc, "", v, errs), "%s",
                json_dumps (errs, 0));
  cr_assert_str_eq (v[0].s, "héllo", "5 code points, 6 bytes: allowed");
  cr_assert_eq (10, v[2].i);
  cr_assert_float_eq (0.5, v[3].d, 1e-12);
  cr_assert (v[4].b);
  json_decref (errs);
  json_decref (doc);
}

Test (jspec, every_bad_field_is_reported)
{
  struct jspec_value v[9];
  json_t *errs;
  unsigned int n = check (
    "{\"colour\":\"blue\",\"score\":1.5,\"ratio\":2,\"flag\":\"yes\","
    "\"day\":\"2023-02-29\",\"at\":\"2024-01-01T10:00:00\",\"ref\":\"x\","
    "\"money\":\"eur\",\"id\":\"1\",\"extra\":1}",
    v, &errs);

  cr_assert_eq (11, n, "%s", json_dumps (errs, 0));
  cr_assert (names (errs, "/name"));
  cr_assert (names (errs, "/colour"));
  cr_assert (names (errs, "/score"));
  cr_assert (names (errs, "/ratio"));
  cr_assert (names (errs, "/flag"));
  cr_assert (names (errs, "/day"), "2023 is not a leap year");
  cr_assert (names (errs, "/at"), "a timestamp needs a zone");
  cr_assert (names (errs, "/ref"));
  cr_assert (names (errs, "/money"), "currency codes are upper case");
  cr_assert (names (errs, "/id"));
  cr_assert (names (errs, "/extra"));
  json_decref (errs);
}

Test (jspec, null_counts_as_absent_and_required_fields_say_so)
{
  struct jspec_value v[9];
  json_t *errs;

  cr_assert_eq (1, check ("{\"name\":null,\"colour\":null}", v, &errs));
  cr_assert (names (errs, "/name"));
  cr_assert (v[1].present && v[1].is_null);
  json_decref (errs);
}

Test (jspec, string_length_counts_code_points_and_rejects_bad_utf8)
{
  struct jspec_value v[9];
  json_t *errs;

  cr_assert_eq (1, check ("{\"name\":\"\"}", v, &errs));
  json_decref (errs);
  cr_assert_eq (1, check ("{\"name\":\"abcdef\"}", v, &errs));
  json_decref (errs);
  cr_assert_eq (0, check ("{\"name\":\"日本語です\"}", v, &errs));
  json_decref (errs);
  cr_assert_eq (1, check ("{\"name\":\"a\\u0000b\"}", v, &errs),
                "NUL inside a string is refused");
  json_decref (errs);
}

Test (jspec, not_an_object_is_one_error_at_the_prefix)
{
  struct jspec_value v[9];
  json_t *errs;

  cr_assert_eq (1, check ("[1]", v, &errs));
  cr_assert (names (errs, ""));
  json_decref (errs);
}

Test (jspec, pointer_escapes_tilde_and_slash)
{
  json_t *errs = json_array ();

  jspec_error (errs, "/items/3", "a/b~c", "bad");
  cr_assert_str_eq (json_string_value (
                      json_object_get (json_array_get (errs, 0), "field")),
                    "/items/3/a~1b~0c");
  json_decref (errs);
}

/* An array of objects, as a call's transcript is: items may repeat. */
static const struct jspec_field line_fields[] = {
  { "who", JSPEC_STRING, true, 1, 10 },
  { "mood", JSPEC_ENUM, false, .choices = colours },
};
static const struct jspec_spec line_spec = { line_fields, 2, NULL };
static const struct jspec_field lines_fields[] = {
  { "lines", JSPEC_ARRAY, false, .item = JSPEC_OBJECT, .max_items = 3,
    .nested = &line_spec, .repeats = true },
  { "tags", JSPEC_ARRAY, false, 1, 5, .item = JSPEC_STRING, .max_items = 3 },
};
static const struct jspec_spec lines_spec = { lines_fields, 2, NULL };

/** Parses @a text against lines_spec; errors are left in @a errs. */
static unsigned int
check_lines (const char *text, json_t **errs)
{
  json_t *doc = json_loads (text, 0, NULL);
  struct jspec_value v[2];
  unsigned int n;

  cr_assert_not_null (doc, "bad test JSON: %s", text);
  *errs = json_array ();
  n = jspec_parse (&lines_spec, doc, "", v, *errs);
  json_decref (doc);
  return n;
}

Test (jspec, arrays_of_objects_name_each_bad_member_and_may_repeat)
{
  json_t *errs;

  cr_assert_eq (0,
                check_lines ("{\"lines\":[{\"who\":\"a\"},{\"who\":\"a\"}]}",
                             &errs),
                "equal turns are two turns: %s", json_dumps (errs, 0));
  json_decref (errs);
  cr_assert_eq (1, check_lines ("{\"tags\":[\"x\",\"x\"]}", &errs),
                "other arrays still refuse a repeat");
  cr_assert (names (errs, "/tags/1"));
  json_decref (errs);
  cr_assert_eq (5,
                check_lines ("{\"lines\":[{\"who\":\"\"},7,"
                             "{\"mood\":\"blue\",\"x\":1}]}",
                             &errs),
                "%s", json_dumps (errs, 0));
  cr_assert (names (errs, "/lines/0/who"));
  cr_assert (names (errs, "/lines/1"), "an item that is not an object");
  cr_assert (names (errs, "/lines/2/mood"));
  cr_assert (names (errs, "/lines/2/x"), "unknown members are refused");
  cr_assert (names (errs, "/lines/2/who"), "and required ones missed");
  json_decref (errs);
  cr_assert_eq (1, check_lines ("{\"lines\":[{\"who\":\"a\"},{\"who\":\"b\"},"
                                "{\"who\":\"c\"},{\"who\":\"d\"}]}",
                                &errs));
  cr_assert (names (errs, "/lines"), "too many items: one error");
  json_decref (errs);
}

Test (jspec, merge_patch_follows_rfc_7396)
{
  json_t *target = json_loads ("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}",
                               0, NULL);
  json_t *patch = json_loads ("{\"a\":\"z\",\"c\":{\"f\":null},\"n\":[1]}", 0,
                              NULL);
  json_t *want = json_loads ("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"n\":[1]}", 0,
                             NULL);
  json_t *got = jspec_merge_patch (target, patch);

  cr_assert (json_equal (got, want), "%s", json_dumps (got, 0));
  json_decref (got);
  json_decref (patch);
  json_decref (want);
}

Test (jspec, currencies)
{
  cr_assert (jspec_is_currency ("EUR"));
  cr_assert (jspec_is_currency ("JPY"));
  cr_assert (! jspec_is_currency ("XYZ"));
  cr_assert (! jspec_is_currency ("EU"));
  cr_assert (! jspec_is_currency ("R S"), "no match across the list's spaces");
}
