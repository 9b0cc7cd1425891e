/**
 * @file statements.c
 * @brief The registry of prepared statements: every file of the store
 *        lists the statements it runs (each written next to its function)
 *        and this file visits them all, for preparing on each connection
 *        and for the golden SQL files under tests/golden/sql/.  Every
 *        value is a numbered parameter; nothing is formatted into SQL.
 */
#include "internal.h"
#include "svc/store.h"

/** Every file's list, in the order they are prepared. */
static const struct
{
  const struct store_statement *const *list;
  const char *file; /**< where they are written */
} lists[] = {
  { store_tx_statements, "service/store/tx.c" },
  { store_api_keys_statements, "service/store/api_keys.c" },
  { store_migrate_statements, "service/store/migrate.c" },
  { store_values_statements, "service/store/values.c" },
  { store_scoring_weights_statements, "service/store/scoring_weights.c" },
  { store_assessments_statements, "service/store/assessments.c" },
  { store_idempotency_statements, "service/store/idempotency.c" },
  { store_refresh_statements, "service/store/refresh.c" },
  { store_portfolio_statements, "service/store/portfolio.c" },
  { store_resource_statements, "service/store/resource.c" },
  { store_webhooks_statements, "service/store/webhooks.c" },
};

/** Where the generated statements come from. */
#define GENERATED_FROM \
  "service/store/resource.c, from the resource table in " \
  "service/api/resource_table.c"

/**
 * Calls @a cb with every statement and the file it comes from.
 *
 * @return 0, or the first non-zero value @a cb returned
 */
static int
visit (int (*cb) (void *cls, const struct store_statement *st,
                  const char *file),
       void *cls)
{
  unsigned int n_gen;
  const struct store_statement *gen = store_generated_statements (&n_gen);
  int ret;

  for (unsigned int i = 0; i < sizeof (lists) / sizeof (lists[0]); i++)
    for (unsigned int k = 0; NULL != lists[i].list[k]; k++)
      if (0 != (ret = cb (cls, lists[i].list[k], lists[i].file)))
        return ret;
  for (unsigned int i = 0; i < n_gen; i++)
    if (0 != (ret = cb (cls, &gen[i], GENERATED_FROM)))
      return ret;
  return 0;
}

/** Adapts visit() to a callback that does not want the file. */
struct plain_ctx
{
  int (*cb) (void *cls, const struct store_statement *st);
  void *cls;
};

/** Hands one statement to a plain callback. */
static int
plain_one (void *cls, const struct store_statement *st, const char *file)
{
  struct plain_ctx *pc = cls;

  (void) file;
  return pc->cb (pc->cls, st);
}

int
store_statements_visit (int (*cb) (void *cls,
                                   const struct store_statement *st),
                        void *cls)
{
  struct plain_ctx pc = { cb, cls };

  return visit (&plain_one, &pc);
}

/** Adapts a store_statement visit to the public callback. */
struct each_ctx
{
  store_statement_cb cb;
  void *cls;
};

/** Hands one statement's name, text and file to the public callback. */
static int
each_one (void *cls, const struct store_statement *st, const char *file)
{
  struct each_ctx *ec = cls;

  return ec->cb (ec->cls, st->name, st->sql, file);
}

int
store_statements_each (store_statement_cb cb, void *cls)
{
  struct each_ctx ec = { cb, cls };

  return visit (&each_one, &ec);
}
