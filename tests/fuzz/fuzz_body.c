/**
 * @file fuzz_body.c
 * @brief Request bodies: decoded as the daemon decodes them (json_loadb
 *        with JSON_REJECT_DUPLICATES), then every validation a body meets:
 *        each resource's (api_resource_validate, as POST, PUT and each
 *        batch item do), the member-name check of a PATCH
 *        (jspec_check_names), the values document (resources_values_spec)
 *        the merge patch of a PATCH (jspec_merge_patch, then validation
 *        of the merged row) and an organization's scoring weights
 *        (model_validate_weights, then model_apply_weights).
 *
 * Every input runs against every resource, so corpus files are plain
 * JSON.  An array of two values is also read as [target, patch].
 *
 * Invariants: errors is an array of exactly as many {field, message}
 * members as the validator counted, each field a JSON Pointer; a body that
 * validated (and got its defaults) validates again; the merge patch obeys
 * RFC 7396; the weights' errors are as many as counted (up to
 * MODEL_MAX_ERRORS), each a JSON Pointer and a message in valid UTF-8 (the
 * handler puts them in the reply with json_pack, which refuses anything
 * else), and weights that validate apply.
 */
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "svc/alloc.h"
#include "svc/jspec.h"
#include "svc/model.h"
#include "svc/resource.h"
#include "svc/util.h"
#include "../../service/api/internal.h"

/** The shipped model, which weights override. */
static struct score_model *model;

/** A row as PATCH finds it, before the patch is merged in. */
static const char stored_row[] =
  "{\"occurred_at\":\"2026-11-20T10:00:00Z\",\"channel\":\"video\","
  "\"kind\":\"discovery\",\"contact_ids\":[],\"topics\":[\"business\"],"
  "\"signals\":[],\"notes\":\"Asked about their plans.\","
  "\"name\":\"Acme\",\"description\":\"Send the pricing sheet\","
  "\"made_at\":\"2026-11-20T10:00:00Z\",\"status\":\"open\","
  "\"received_at\":\"2026-11-20T10:00:00Z\",\"ratings\":{\"overall\":4}}";

/**
 * Checks what a validator appended after @a before members: @a n errors,
 * each {"field": JSON Pointer under @a prefix, "message": text}.
 */
static void
check_errors (const json_t *errors, size_t before, unsigned int n,
              const char *prefix)
{
  size_t i;
  json_t *e;
  size_t plen = strlen (prefix);

  FUZZ_CHECK (json_is_array (errors));
  FUZZ_CHECK (json_array_size (errors) == before + n);
  json_array_foreach (errors, i, e)
  {
    const char *field = json_string_value (json_object_get (e, "field"));
    const char *msg = json_string_value (json_object_get (e, "message"));

    if (i < before)
      continue;
    FUZZ_CHECK (json_is_object (e));
    FUZZ_CHECK (NULL != field && NULL != msg && '\0' != msg[0]);
    FUZZ_CHECK (0 == strncmp (field, prefix, plen));
    FUZZ_CHECK ('\0' == field[plen] || '/' == field[plen]);
  }
}

/** Validates a copy of @a body as @a res would; checks the result. */
static void
validate (const struct resource *res, const json_t *body, const char *prefix)
{
  json_t *obj = json_deep_copy (body);
  json_t *errors = json_array ();
  unsigned int n = api_resource_validate (res, obj, prefix, errors);

  check_errors (errors, 0, n, prefix);
  if (0 == n)
  {
    /* Filled with its defaults it is what the store keeps, and a PATCH
       validates the stored row again: it must still pass. */
    json_t *again = json_deep_copy (obj);

    FUZZ_CHECK (json_is_object (obj));
    FUZZ_CHECK (0 == api_resource_validate (res, again, prefix, errors));
    FUZZ_CHECK (0 == json_array_size (errors));
    json_decref (again);
  }
  json_decref (errors);
  json_decref (obj);
}

/** A PATCH body's member names, checked before any row is read. */
static void
patch (const struct resource *res, const json_t *body)
{
  json_t *errors = json_array ();

  if (json_is_object (body))
  {
    unsigned int n = jspec_check_names (&res->spec, body, "", errors);

    check_errors (errors, 0, n, "");
  }
  json_decref (errors);
}

/** RFC 7396: checks jspec_merge_patch (@a target, @a p). */
static json_t *
merge (const json_t *target, const json_t *p)
{
  json_t *out = jspec_merge_patch (json_deep_copy (target), p);
  json_t *again;
  const char *key;
  json_t *v;

  FUZZ_CHECK (NULL != out);
  if (! json_is_object (p))
    FUZZ_CHECK (json_equal (out, p));
  else
  {
    FUZZ_CHECK (json_is_object (out));
    json_object_foreach ((json_t *) p, key, v)
    {
      json_t *got = json_object_get (out, key);

      if (json_is_null (v))
        FUZZ_CHECK (NULL == got);
      else if (json_is_object (v))
        FUZZ_CHECK (json_is_object (got));
      else
        FUZZ_CHECK (json_equal (got, v));
    }
  }
  /* Applying the same patch twice changes nothing more. */
  again = jspec_merge_patch (json_deep_copy (out), p);
  FUZZ_CHECK (json_equal (again, out));
  json_decref (again);
  return out;
}

/** POST /v1/batch: each item's data by its resource, at its pointer. */
static void
batch (const json_t *doc)
{
  json_t *items = json_object_get (doc, "items");
  size_t i;
  json_t *it;

  json_array_foreach (items, i, it)
  {
    const char *name = json_string_value (json_object_get (it, "resource"));
    const struct resource *res = NULL != name ? resources_find (name) : NULL;
    json_t *data = json_object_get (it, "data");
    char prefix[64];

    if (NULL == res || ! json_is_object (data))
      continue;
    snprintf (prefix, sizeof (prefix), "/items/%zu/data", i);
    validate (res, data, prefix);
  }
}

/** PUT /v1/organization/scoring-weights. */
static void
weights (const json_t *doc)
{
  struct model_errors errs;
  bool ok = model_validate_weights (model, doc, &errs);

  FUZZ_CHECK (ok == (0 == errs.total));
  FUZZ_CHECK (
    errs.n == (errs.total < MODEL_MAX_ERRORS ? errs.total : MODEL_MAX_ERRORS));
  for (size_t i = 0; i < errs.n; i++)
  {
    const char *f = errs.items[i].field;
    const char *m = errs.items[i].message;
    const char *f_end = memchr (f, '\0', sizeof (errs.items[i].field));
    const char *m_end = memchr (m, '\0', sizeof (errs.items[i].message));

    FUZZ_CHECK (NULL != f_end && NULL != m_end && m_end != m);
    FUZZ_CHECK ('\0' == f[0] || '/' == f[0]);
    FUZZ_CHECK (util_utf8_length (f, (size_t) (f_end - f)) >= 0);
    FUZZ_CHECK (util_utf8_length (m, (size_t) (m_end - m)) >= 0);
  }
  if (ok)
  {
    struct score_model *m = model_apply_weights (model, doc, &errs);

    FUZZ_CHECK (NULL != m);
    model_free (&m);
  }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char err[512] = "";

  (void) argc;
  (void) argv;
  util_alloc_init ();
  resources_init ();
  model = model_load (RAPPORT_MODEL_PATH, err, sizeof (err));
  if (NULL == model)
  {
    fprintf (stderr, "fuzz_body: the model: %s\n", err);
    abort ();
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unsigned int n_res;
  struct resource *const *table = resources_table (&n_res);
  json_error_t jerr;
  json_t *doc, *row, *errors;
  struct jspec_value v[2];
  unsigned int n;

  /* The daemon first counts the body's JSON values (json_values_over,
     static in daemon.c) and refuses more than RAPPORT_JSON_VALUES_MAX
     (20,000) with a 413; scripts/fuzz's -max_len of 16 KiB stays below
     that, so every input here is one the daemon would parse. */
  doc = json_loadb ((const char *) data, size, JSON_REJECT_DUPLICATES, &jerr);
  if (NULL == doc)
    return 0; /* 400 malformed-json */
  for (unsigned int r = 0; r < n_res; r++)
  {
    validate (table[r], doc, "");
    patch (table[r], doc);
  }
  batch (doc);

  /* PUT /v1/organization/values and /v1/accounts/{id}/values. */
  errors = json_array ();
  n = jspec_parse (&resources_values_spec, doc, "", v, errors);
  check_errors (errors, 0, n, "");
  json_decref (errors);
  weights (doc);

  /* PATCH: merged into a stored row, then validated as a whole; an array
     [target, patch] merges its two values. */
  row = json_loads (stored_row, 0, NULL);
  if (json_is_array (doc) && 2 == json_array_size (doc))
  {
    json_t *m = merge (json_array_get (doc, 0), json_array_get (doc, 1));

    json_decref (m);
  }
  {
    json_t *merged = merge (row, doc);

    for (unsigned int r = 0; r < n_res; r++)
      validate (table[r], merged, "");
    json_decref (merged);
  }
  json_decref (row);
  json_decref (doc);
  return 0;
}
