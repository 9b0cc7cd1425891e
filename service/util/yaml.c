/**
 * @file yaml.c
 * @brief YAML to JSON with libyaml's document API, so the contract is
 *        written once (openapi/openapi.yaml) and served as JSON.
 */
#include "svc/yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/** A plain scalar as the JSON value it reads as. */
static json_t *
scalar (const yaml_node_t *n)
{
  const char *s = (const char *) n->data.scalar.value;
  char *end;

  if (YAML_PLAIN_SCALAR_STYLE != n->data.scalar.style)
    return json_stringn (s, n->data.scalar.length);
  if (0 == strcmp (s, "true") || 0 == strcmp (s, "false"))
    return json_boolean ('t' == s[0]);
  if (0 == strcmp (s, "null") || 0 == strcmp (s, "~") || '\0' == s[0])
    return json_null ();
  errno = 0;
  {
    long long i = strtoll (s, &end, 10);

    if ('\0' == *end && 0 == errno)
      return json_integer (i);
  }
  {
    double d = strtod (s, &end);

    if ('\0' == *end && 0 == errno && NULL == strpbrk (s, "xXnN"))
      return json_real (d);
  }
  return json_stringn (s, n->data.scalar.length);
}

/** Converts node @a n of @a doc (recursively, with a depth bound). */
static json_t *
convert (yaml_document_t *doc, yaml_node_t *n, int depth)
{
  json_t *out;

  if (NULL == n || depth > 128)
    return NULL;
  if (YAML_SCALAR_NODE == n->type)
    return scalar (n);
  if (YAML_SEQUENCE_NODE == n->type)
  {
    out = json_array ();
    for (yaml_node_item_t *i = n->data.sequence.items.start;
         i < n->data.sequence.items.top; i++)
      json_array_append_new (out,
                             convert (doc, yaml_document_get_node (doc, *i),
                                      depth + 1));
    return out;
  }
  out = json_object ();
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++)
  {
    yaml_node_t *k = yaml_document_get_node (doc, p->key);

    if (NULL != k && YAML_SCALAR_NODE == k->type)
      json_object_set_new (out, (const char *) k->data.scalar.value,
                           convert (doc,
                                    yaml_document_get_node (doc, p->value),
                                    depth + 1));
  }
  return out;
}

json_t *
yaml_load_json (const char *path, char *err, size_t err_len)
{
  FILE *f = fopen (path, "rb");
  yaml_parser_t parser;
  yaml_document_t doc;
  json_t *out = NULL;

  if (NULL == f)
  {
    snprintf (err, err_len, "cannot open %s", path);
    return NULL;
  }
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_file (&parser, f);
  if (! yaml_parser_load (&parser, &doc))
    snprintf (err, err_len, "%s: line %zu: %s", path,
              parser.problem_mark.line + 1,
              NULL != parser.problem ? parser.problem : "invalid YAML");
  else
  {
    out = convert (&doc, yaml_document_get_root_node (&doc), 0);
    yaml_document_delete (&doc);
    if (NULL == out)
      snprintf (err, err_len, "%s: empty or too deep", path);
  }
  yaml_parser_delete (&parser);
  fclose (f);
  return out;
}
