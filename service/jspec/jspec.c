/**
 * @file jspec.c
 * @brief Table-driven validation of JSON bodies; collects every error.
 */
#include "svc/jspec.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svc/util.h"

/* Active ISO 4217 codes (2024 list). */
static const char currencies[] =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND "
  "BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF "
  "DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD "
  "HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW "
  "KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR "
  "MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN "
  "PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN "
  "SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED "
  "VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL";

bool
jspec_is_currency (const char *code)
{
  if (NULL == code || 3 != strlen (code))
    return false;
  for (int i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return false;
  return NULL != strstr (currencies, code);
}

void
jspec_error (json_t *errors, const char *prefix, const char *name,
             const char *message)
{
  char pointer[512];
  size_t off = (size_t) snprintf (pointer, sizeof (pointer), "%s/", prefix);

  /* JSON Pointer escaping: ~ is ~0 and / is ~1 (RFC 6901). */
  for (const char *p = name; *p && off + 3 < sizeof (pointer); p++)
  {
    if ('~' == *p || '/' == *p)
    {
      pointer[off++] = '~';
      pointer[off++] = ('~' == *p) ? '0' : '1';
    }
    else
      pointer[off++] = *p;
  }
  /* A name cut short is cut between characters, or Jansson would refuse
     the pointer (not UTF-8) and the error would be lost. */
  while (off > 0 && util_utf8_length (pointer, off) < 0)
    off--;
  pointer[off] = '\0';
  json_array_append_new (errors, json_pack ("{s:s, s:s}", "field", pointer,
                                            "message", message));
}

/** Checks a string field's length and characters. */
static const char *
check_string (const struct jspec_field *f, const char *s, size_t len)
{
  static _Thread_local char msg[128];
  long n = util_utf8_length (s, len);

  if (n < 0 || NULL != memchr (s, '\0', len))
    return "must be valid UTF-8 text without NUL characters";
  if ((size_t) n < f->min_len || (size_t) n > f->max_len)
  {
    snprintf (msg, sizeof (msg), "must be from %zu to %zu characters long",
              f->min_len, f->max_len);
    return msg;
  }
  return NULL;
}

/** Checks an enum value and builds the list of choices for the message. */
static const char *
check_enum (const struct jspec_field *f, const char *s)
{
  static _Thread_local char msg[2048];
  size_t off;

  for (const char *const *c = f->choices; NULL != *c; c++)
    if (0 == strcmp (*c, s))
      return NULL;
  off = (size_t) snprintf (msg, sizeof (msg), "must be one of");
  for (const char *const *c = f->choices; NULL != *c; c++)
  {
    int n = snprintf (msg + off, sizeof (msg) - off, "%s %s",
                      c == f->choices ? "" : ",", *c);

    if (n < 0 || (size_t) n >= sizeof (msg) - off)
      break; /* the list is cut short rather than overflowing */
    off += (size_t) n;
  }
  return msg;
}

/** Checks a numeric field. */
static const char *
check_number (const struct jspec_field *f, const json_t *v,
              struct jspec_value *out)
{
  static _Thread_local char msg[128];

  if (JSPEC_INTEGER == f->type)
  {
    if (! json_is_integer (v))
      goto range;
    out->i = json_integer_value (v);
    out->d = (double) out->i;
  }
  else
  {
    if (! json_is_number (v))
      goto range;
    out->d = json_number_value (v);
  }
  if (isfinite (out->d) && out->d >= f->min && out->d <= f->max)
    return NULL;
range:
  snprintf (msg, sizeof (msg), "must be %s from %.15g to %.15g",
            JSPEC_INTEGER == f->type ? "an integer" : "a number", f->min,
            f->max);
  return msg;
}

static unsigned int
check_member (const struct jspec_field *f, const json_t *v, const char *prefix,
              struct jspec_value *out, json_t *errors);

/** The field an array or map element is checked against. */
static struct jspec_field
element_field (const struct jspec_field *f)
{
  struct jspec_field e = *f;

  e.type = f->item;
  e.required = true;
  if (JSPEC_MAP == f->type)
    e.choices = NULL;
  return e;
}

/** Checks an array's elements; errors name each bad index. */
static unsigned int
check_array (const struct jspec_field *f, const json_t *v, const char *ptr,
             json_t *errors)
{
  struct jspec_field e = element_field (f);
  unsigned int n = 0;
  char at[32];
  size_t i;
  json_t *item;

  if (json_array_size (v) > f->max_items)
  {
    char msg[64];

    snprintf (msg, sizeof (msg), "must have at most %zu items", f->max_items);
    json_array_append_new (errors, json_pack ("{s:s, s:s}", "field", ptr,
                                              "message", msg));
    return 1;
  }
  json_array_foreach (v, i, item)
  {
    struct jspec_value ev;

    snprintf (at, sizeof (at), "%zu", i);
    e.name = at;
    n += check_member (&e, item, ptr, &ev, errors);
    for (size_t k = 0; k < i && 0 == n && ! f->repeats; k++)
      if (json_equal (item, json_array_get (v, k)))
      {
        jspec_error (errors, ptr, at, "repeats an earlier item");
        n++;
      }
  }
  return n;
}

/** Checks a map's member names and values. */
static unsigned int
check_map (const struct jspec_field *f, const json_t *v, const char *ptr,
           json_t *errors)
{
  struct jspec_field e = element_field (f);
  unsigned int n = 0;
  const char *key;
  json_t *item;

  if (json_object_size (v) > f->max_items)
  {
    json_array_append_new (errors,
                           json_pack ("{s:s, s:s}", "field", ptr, "message",
                                      "has too many "
                                      "members"));
    return 1;
  }
  json_object_foreach ((json_t *) v, key, item)
  {
    struct jspec_value ev;
    bool known = (NULL == f->choices);

    for (const char *const *c = f->choices; NULL != c && NULL != *c; c++)
      known |= (0 == strcmp (*c, key));
    e.name = key;
    if (! known || strlen (key) > 500 || '\0' == key[0])
    {
      jspec_error (errors, ptr, key,
                   known ? "has a name that is empty or "
                           "longer than 500 characters"
                         : "is not a known name");
      n++;
      continue;
    }
    n += check_member (&e, item, ptr, &ev, errors);
  }
  return n;
}

/** Validates one present, non-null member; returns NULL or a message. */
static const char *
check_value (const struct jspec_field *f, const json_t *v,
             struct jspec_value *out)
{
  if (JSPEC_NUMBER == f->type || JSPEC_INTEGER == f->type)
    return check_number (f, v, out);
  if (JSPEC_BOOL == f->type)
  {
    if (! json_is_boolean (v))
      return "must be true or false";
    out->b = json_is_true (v);
    return NULL;
  }
  if (JSPEC_ARRAY == f->type)
    return json_is_array (v) ? NULL : "must be an array";
  if (JSPEC_OBJECT == f->type || JSPEC_MAP == f->type)
    return json_is_object (v) ? NULL : "must be an object";
  if (! json_is_string (v))
    return "must be a string";
  out->s = json_string_value (v);
  switch (f->type)
  {
  case JSPEC_STRING:
    return check_string (f, out->s, json_string_length (v));
  case JSPEC_ENUM:
    return check_enum (f, out->s);
  case JSPEC_UUID:
    return util_is_uuid (out->s) ? NULL : "must be a UUID";
  case JSPEC_DATE:
    return util_is_date (out->s) ? NULL : "must be a date (YYYY-MM-DD)";
  case JSPEC_TIMESTAMP:
    return util_is_timestamp (out->s)
             ? NULL
             : "must be an RFC 3339 timestamp with a time zone (Z or an "
               "offset up to ±15:59) in the years 1000 to 9999";
  case JSPEC_EMAIL:
  {
    const char *at = strchr (out->s, '@');

    if (NULL != at && at != out->s && '\0' != at[1]
        && NULL == strchr (at + 1, '@') && NULL == strpbrk (out->s, " \t\r\n")
        && strlen (out->s) <= 320)
      return NULL;
    return "must be an email address";
  }
  case JSPEC_CURRENCY:
    return jspec_is_currency (out->s)
             ? NULL
             : "must be an ISO 4217 currency code such as EUR or USD";
  default:
    return "has an unsupported type";
  }
}

/** True when @a name is one of the spec's fields or read-only names. */
static int
name_kind (const struct jspec_spec *spec, const char *name)
{
  for (size_t i = 0; i < spec->n_fields; i++)
    if (0 == strcmp (spec->fields[i].name, name))
      return 1;
  if (NULL != spec->read_only)
    for (const char *const *r = spec->read_only; NULL != *r; r++)
      if (0 == strcmp (*r, name))
        return 2;
  return 0;
}

unsigned int
jspec_check_names (const struct jspec_spec *spec, const json_t *obj,
                   const char *prefix, json_t *errors)
{
  const char *key;
  json_t *v;
  unsigned int n = 0;

  json_object_foreach ((json_t *) obj, key, v)
  {
    int kind = name_kind (spec, key);

    if (1 == kind)
      continue;
    jspec_error (errors, prefix, key,
                 2 == kind ? "is set by the server and cannot be written"
                           : "is not a known field");
    n++;
  }
  return n;
}

unsigned int
jspec_parse (const struct jspec_spec *spec, const json_t *obj,
             const char *prefix, struct jspec_value *out, json_t *errors)
{
  unsigned int n;

  if (! json_is_object (obj))
  {
    json_array_append_new (errors,
                           json_pack ("{s:s, s:s}", "field", prefix, "message",
                                      "must be a JSON object"));
    return 1;
  }
  n = jspec_check_names (spec, obj, prefix, errors);
  for (size_t i = 0; i < spec->n_fields; i++)
  {
    const struct jspec_field *f = &spec->fields[i];
    json_t *v = json_object_get (obj, f->name);

    n += check_member (f, v, prefix, &out[i], errors);
  }
  return n;
}

/**
 * Checks member @a v (NULL when absent) of field @a f, descending into
 * arrays, maps and objects.
 *
 * @return the number of errors appended
 */
static unsigned int
check_member (const struct jspec_field *f, const json_t *v, const char *prefix,
              struct jspec_value *out, json_t *errors)
{
  const char *msg;
  char ptr[512];

  memset (out, 0, sizeof (*out));
  out->present = (NULL != v);
  out->is_null = (NULL == v || json_is_null (v));
  out->j = v;
  if (out->is_null)
  {
    if (! f->required)
      return 0;
    jspec_error (errors, prefix, f->name, "is required");
    return 1;
  }
  msg = check_value (f, v, out);
  if (NULL != msg)
  {
    jspec_error (errors, prefix, f->name, msg);
    return 1;
  }
  if (JSPEC_ARRAY != f->type && JSPEC_MAP != f->type
      && JSPEC_OBJECT != f->type)
    return 0;
  snprintf (ptr, sizeof (ptr), "%s/%s", prefix, f->name);
  if (JSPEC_ARRAY == f->type)
    return check_array (f, v, ptr, errors);
  if (JSPEC_MAP == f->type)
    return check_map (f, v, ptr, errors);
  {
    struct jspec_value sub[f->nested->n_fields];

    return jspec_parse (f->nested, v, ptr, sub, errors);
  }
}

json_t *
jspec_merge_patch (json_t *target, const json_t *patch)
{
  const char *key;
  json_t *v;

  if (! json_is_object (patch))
  {
    json_decref (target);
    return json_deep_copy (patch);
  }
  if (! json_is_object (target))
  {
    json_decref (target);
    target = json_object ();
  }
  json_object_foreach ((json_t *) patch, key, v)
  {
    if (json_is_null (v))
      json_object_del (target, key);
    else
    {
      json_t *cur = json_object_get (target, key);

      json_object_set_new (target, key,
                           jspec_merge_patch (json_incref (cur), v));
    }
  }
  return target;
}
