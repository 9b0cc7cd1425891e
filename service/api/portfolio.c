/**
 * @file portfolio.c
 * @brief GET /v1/assessments: every account of the organization ranked
 *        by its stored assessment (service/api/refresher.c keeps it
 *        current), filtered, with a keyset cursor on (risk score, account
 *        id) that stays exact while scores change.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/score.h"
#include "svc/util.h"

/** Values one list filter may name (api_list_param's limit). */
#define MAX_VALUES 50

/** Transaction context of a portfolio page. */
struct portfolio_ctx
{
  struct http_request *req;
  struct api_page page;
  const char *cursor;
  struct store_portfolio_query q;
  char lists[4][MAX_VALUES * 38 + 4]; /**< the filters' array literals */
  json_t *data;
  unsigned int rows;
  char last_score[32];
  char last_id[37];
};

/** Whether @a s is a risk level. */
static bool
is_risk_level (const char *s)
{
  for (int i = 0; i <= SCORE_RISK_CRITICAL; i++)
    if (0 == strcmp (s, score_risk_level_name (i)))
      return true;
  return false;
}

/** Whether @a s is a pillar status. */
static bool
is_pillar_status (const char *s)
{
  for (int i = 0; i <= SCORE_STATUS_FAVORED_VENDOR; i++)
    if (0 == strcmp (s, score_pillar_status_name (i)))
      return true;
  return false;
}

/** Whether @a s is an account stage. */
static bool
is_stage (const char *s)
{
  return 0 == strcmp (s, "prospect") || 0 == strcmp (s, "customer")
         || 0 == strcmp (s, "former");
}

/** Whether @a s is a score as a cursor carries it. */
static bool
is_score (const char *s)
{
  char *end;
  double v = strtod (s, &end);

  return '\0' != s[0] && '\0' == *end && isfinite (v);
}

/** Row callback: the first `limit` rows as JSON. */
static void
portfolio_row (void *cls, const struct store_portfolio_row *r)
{
  struct portfolio_ctx *pc = cls;
  json_t *drivers;

  if (++pc->rows > pc->page.limit)
    return;
  drivers = json_loads (r->top_drivers, 0, NULL);
  json_array_append_new (
    pc->data,
    json_pack ("{s:s, s:s, s:o, s:o, s:f, s:s, s:f, s:o, s:s, s:o, s:s, s:i, "
               "s:s, s:s, s:b}",
               "account_id", r->account_id, "account_name", r->name,
               "owner_id",
               r->has_owner ? json_string (r->owner_id) : json_null (),
               "stage", r->has_stage ? json_string (r->stage) : json_null (),
               "risk_score", r->risk_score, "risk_level", r->risk_level,
               "risk_change_30d",
               api_round3 (r->risk_score - r->risk_score_30d), "top_drivers",
               NULL != drivers ? drivers : json_array (), "pillar_status",
               r->pillar_status, "primary_orientation",
               r->has_primary ? json_string (r->primary) : json_null (),
               "model_version", r->model_version, "weights_version",
               r->weights_version, "as_of", r->as_of, "computed_at",
               r->computed_at, "recomputing", r->queued));
  snprintf (pc->last_score, sizeof (pc->last_score), "%s", r->risk_score_text);
  snprintf (pc->last_id, sizeof (pc->last_id), "%s", r->account_id);
}

/** Transaction: check the cursor, read a page plus one row. */
static enum store_qs
portfolio_tx (void *cls, struct store_conn *conn)
{
  struct portfolio_ctx *pc = cls;
  struct http_request *req = pc->req;
  char *next = NULL;
  enum store_qs qs;

  if (NULL != pc->cursor
      && ! api_cursor_accept (conn, req, &pc->page, "cursor", pc->cursor,
                              "is not a cursor this listing gave out with "
                              "these filters and this sort"))
    return STORE_QS_ROLLBACK;
  if (NULL != pc->cursor)
  {
    pc->q.after_score = pc->page.after.ts;
    pc->q.after_id = pc->page.after.id;
  }
  json_decref (pc->data);
  pc->data = json_array ();
  pc->rows = 0;
  pc->q.limit = pc->page.limit + 1;
  qs = store_portfolio_page (conn, req->auth.org_id, &pc->q, &portfolio_row,
                             pc);
  if (qs < 0)
    return qs;
  if (pc->rows > pc->page.limit
      && NULL
           == (next = api_cursor_make (conn, req->auth.org_id, &pc->page,
                                       pc->last_score, pc->last_id)))
    return STORE_QS_HARD_ERROR;
  http_reply_json (req, 200, api_collection (pc->data, next));
  pc->data = NULL;
  return STORE_QS_ONE;
}

int
api_portfolio (struct http_request *req)
{
  struct portfolio_ctx pc = { .req = req };
  const char *sort = http_query (req, "sort");
  const char *sig[6];

  pc.q.risk_levels = api_list_param (req, "risk_level", &is_risk_level,
                                     "low, medium, high, critical",
                                     pc.lists[0], sizeof (pc.lists[0]));
  pc.q.owner_ids = api_list_param (req, "owner_id", NULL, "seller ids",
                                   pc.lists[1], sizeof (pc.lists[1]));
  pc.q.stages = api_list_param (req, "stage", &is_stage,
                                "prospect, customer, former", pc.lists[2],
                                sizeof (pc.lists[2]));
  pc.q.pillar_statuses =
    api_list_param (req, "pillar_status", &is_pillar_status,
                    "vulnerable, developing, favored_vendor", pc.lists[3],
                    sizeof (pc.lists[3]));
  pc.q.ascending = NULL != sort && 0 == strcmp (sort, "risk");
  if (NULL != sort && ! pc.q.ascending && 0 != strcmp (sort, "-risk"))
    api_param_error (http_query_errors (req), "sort",
                     "must be -risk (riskiest first, the default) or risk");
  sig[0] = "assessments";
  sig[1] = pc.q.ascending ? "risk" : "-risk";
  sig[2] = pc.q.risk_levels;
  sig[3] = pc.q.owner_ids;
  sig[4] = pc.q.stages;
  sig[5] = pc.q.pillar_statuses;
  api_page_sign_filters (&pc.page, sig, 6);
  pc.page.key_ok = &is_score;
  api_page_parse (req, &pc.page, http_query_errors (req));
  if (! http_query_ok (req))
    return 0;
  pc.cursor = http_query (req, "cursor");
  api_run (req, &portfolio_tx, &pc);
  json_decref (pc.data);
  return 0;
}
