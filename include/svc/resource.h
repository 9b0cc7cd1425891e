/**
 * @file resource.h
 * @brief Resources described as data.  One table per resource names its
 *        columns with their SQL types, validation and references, its
 *        filters and its parent; the store generates and prepares its
 *        statements from it and the API layer serves every endpoint of it
 *        with one set of handlers.  Ten resources with seven verbs each
 *        would otherwise be seventy near-identical functions per layer.
 */
#ifndef SVC_RESOURCE_H
#define SVC_RESOURCE_H

#include <jansson.h>
#include <stdbool.h>

#include "svc/errors.h"
#include "svc/jspec.h"

/** How a column is stored. */
enum res_sql
{
  RES_TEXT,
  RES_UUID,
  RES_INT,
  RES_FLOAT,
  RES_MONEY, /**< numeric(20,2), shown as a JSON number */
  RES_BOOL,
  RES_DATE,
  RES_TS, /**< timestamptz, shown as RFC 3339 UTC */
  RES_TEXT_ARRAY,
  RES_UUID_ARRAY,
  RES_JSONB
};

/** What a column refers to; checked in the write's own statement. */
enum res_ref
{
  RES_REF_NONE = 0,
  RES_REF_SELLER,       /**< a seller of the organization */
  RES_REF_CONTACT,      /**< a contact of the same account */
  RES_REF_CONTACTS,     /**< an array of contacts of the same account */
  RES_REF_ITEM_CONTACTS /**< an array of objects whose "contact_id"
                             members, where set, name contacts of the same
                             account (a call's transcript); at most one
                             such column per resource */
};

/** One writable column; its JSON name is its column name. */
struct res_column
{
  struct jspec_field spec; /**< validation (its name is the column's) */
  enum res_sql sql;        /**< storage type */
  enum res_ref ref;        /**< reference check */
  const char *def;         /**< JSON text used when absent on create, or
                                 NULL */
};

/** How a filter compares. */
enum res_filter_op
{
  RES_EQ,       /**< column = value */
  RES_GE,       /**< column >= value */
  RES_LT,       /**< column < value */
  RES_CONTAINS, /**< value = ANY (array column) */
  RES_ILIKE     /**< case-insensitive substring of column */
};

/** One query-string filter of a collection. */
struct res_filter
{
  const char *param;       /**< query parameter */
  const char *column;      /**< column it filters */
  enum res_filter_op op;   /**< comparison */
  struct jspec_field spec; /**< validation of the value (name unused) */
};

#define RES_MAX_FILTERS 8

/** A resource. */
struct resource
{
  const char *name;         /**< plural, as in batch and paths: "calls" */
  const char *table;        /**< SQL table */
  const char *path;         /**< item path prefix: "/v1/calls" */
  bool under_account;       /**< has an account_id parent */
  bool listed_across;       /**< also listed across accounts (GET
                                 /v1/calls: a seller's activity) */
  bool external_id;         /**< has an external_id, upsertable */
  const char *order_column; /**< newest first by this, then id */
  const struct res_column *columns;
  unsigned int n_columns;
  const struct res_filter *filters;
  unsigned int n_filters;
  enum svc_ec not_found;         /**< the 404 of an unknown id */
  enum svc_ec external_id_taken; /**< the 409 of a clash through POST */
  /** Extra rules across fields, or NULL; appends to @a errors. */
  unsigned int (*check) (const json_t *obj, const char *prefix,
                         json_t *errors);
  /** Fills server-derived values before a write, or NULL. */
  void (*complete) (json_t *obj);
  /** The jspec of the writable columns, filled by resources_init(). */
  struct jspec_spec spec;
  /** Statement names, filled by the store. */
  int index;
};

/** The resources, by name (router.c points routes at them). */
extern struct resource res_accounts, res_sellers, res_contacts, res_calls,
  res_report_cards, res_commitments;

/** The spec of a values document ({priorities, answers}). */
extern const struct jspec_spec resources_values_spec;

/**
 * The resource table, with every spec filled.
 *
 * @param[out] n how many
 * @return borrowed, static
 */
struct resource *const *resources_table (unsigned int *n);

/**
 * Looks a resource up by its plural name.
 *
 * @return borrowed, or NULL
 */
const struct resource *resources_find (const char *name);

/** Builds the specs; call once before anything reads the table. */
void resources_init (void);

#endif
