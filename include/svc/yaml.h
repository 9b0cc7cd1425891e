/**
 * @file yaml.h
 * @brief Reading a YAML document (the OpenAPI contract) as JSON.
 */
#ifndef SVC_YAML_H
#define SVC_YAML_H

#include <jansson.h>
#include <stddef.h>

/**
 * Loads the YAML file @a path as a JSON value.  Plain scalars that read as
 * integers, numbers, booleans or null become those; everything else is a
 * string.
 *
 * @param[out] err a message on failure
 * @return new, or NULL on failure
 */
json_t *yaml_load_json (const char *path, char *err, size_t err_len);

#endif
