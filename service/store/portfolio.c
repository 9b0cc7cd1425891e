/**
 * @file portfolio.c
 * @brief Reading what the refresher stored: the organization's accounts
 *        ranked by risk (GET /v1/assessments) and the event feed
 *        (GET /v1/events).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/** What every portfolio statement selects, from @a accounts. */
#define PORTFOLIO_SELECT(accounts) \
  "SELECT s.account_id, a.name, a.owner_id, a.stage, s.risk_score,\n" \
  "       s.risk_level, s.risk_score_30d,\n" \
  "       s.top_drivers::text AS top_drivers, s.pillar_status,\n" \
  "       s.primary_orientation, s.model_version, s.weights_version,\n" \
  "       rapport_rfc3339(s.as_of) AS as_of,\n" \
  "       rapport_rfc3339(s.computed_at) AS computed_at,\n" \
  "       EXISTS (SELECT 1 FROM assessment_queue q\n" \
  "                WHERE q.org_id = s.org_id\n" \
  "                  AND q.account_id = s.account_id) AS queued\n" \
  "  FROM account_assessments s\n" \
  "  JOIN " accounts " a ON a.org_id = s.org_id AND a.id = s.account_id\n"

/** The filters of all: $4 risk levels, $5 stages, $6 pillar statuses
    (each an array, or NULL for any). */
#define PORTFOLIO_FILTERS \
  "   AND ($4::text[] IS NULL OR s.risk_level = ANY ($4::text[]))\n" \
  "   AND ($5::text[] IS NULL OR a.stage = ANY ($5::text[]))\n" \
  "   AND ($6::text[] IS NULL OR s.pillar_status = ANY ($6::text[]))\n"

/** The keyset position ($2 score, $3 account), riskiest first. */
#define AFTER_RISKIEST \
  "   AND (s.risk_score, s.account_id) < ($2::float8, $3::uuid)\n"
#define ORDER_RISKIEST \
  " ORDER BY s.risk_score DESC, s.account_id DESC\n" \
  " LIMIT $7"

/** The same, safest first. */
#define AFTER_SAFEST \
  "   AND (s.risk_score, s.account_id) > ($2::float8, $3::uuid)\n"
#define ORDER_SAFEST \
  " ORDER BY s.risk_score, s.account_id\n" \
  " LIMIT $7"

/** Only the accounts of owners $8, found first: with the owner filter in
    the same statement as the others, a generic plan scanned the whole
    portfolio for a seller's twenty accounts (docs/performance.md); this
    reads the owners' accounts by their index, then ranks those. */
#define OWNED \
  "WITH owned AS MATERIALIZED (\n" \
  "  SELECT org_id, id, name, owner_id, stage FROM accounts\n" \
  "   WHERE org_id = $1 AND owner_id = ANY ($8::uuid[]))\n"

/** Riskiest first: the position is an index condition on
    account_assessments_rank, so every page costs the same. */
static const struct store_statement riskiest_sql = {
  "portfolio.riskiest",
  PORTFOLIO_SELECT ("accounts") " WHERE s.org_id = $1\n" AFTER_RISKIEST
    PORTFOLIO_FILTERS ORDER_RISKIEST,
};

/** Safest first. */
static const struct store_statement safest_sql = {
  "portfolio.safest",
  PORTFOLIO_SELECT ("accounts") " WHERE s.org_id = $1\n" AFTER_SAFEST
    PORTFOLIO_FILTERS ORDER_SAFEST,
};

/** Some owners' accounts, riskiest first. */
static const struct store_statement owned_riskiest_sql = {
  "portfolio.owned_riskiest",
  OWNED PORTFOLIO_SELECT ("owned") " WHERE s.org_id = $1\n" AFTER_RISKIEST
    PORTFOLIO_FILTERS ORDER_RISKIEST,
};

/** Some owners' accounts, safest first. */
static const struct store_statement owned_safest_sql = {
  "portfolio.owned_safest",
  OWNED PORTFOLIO_SELECT ("owned") " WHERE s.org_id = $1\n" AFTER_SAFEST
    PORTFOLIO_FILTERS ORDER_SAFEST,
};

/**
 * Plans the page's statement for its own parameters and the tables as
 * they are now.  A plan cached when the queue was empty reads it whole
 * for every row's `queued` once a new model has queued every account
 * (a first page of 84 ms at 50,000 accounts instead of 4).
 */
static const struct store_statement custom_plan_sql = {
  "portfolio.custom_plan",
  "SET LOCAL plan_cache_mode = force_custom_plan",
};

enum store_qs
store_portfolio_page (struct store_conn *c, const char *org_id,
                      const struct store_portfolio_query *q,
                      store_portfolio_cb cb, void *cls)
{
  static const struct store_statement *const statements[2][2] = {
    { &riskiest_sql, &safest_sql },
    { &owned_riskiest_sql, &owned_safest_sql },
  };
  char limit[16];
  const char *first_score = q->ascending ? "-Infinity" : "Infinity";
  const char *first_id = q->ascending ? "00000000-0000-0000-0000-000000000000"
                                      : "ffffffff-ffff-ffff-ffff-ffffffffffff";
  const char *v[] = { org_id,
                      NULL != q->after_score ? q->after_score : first_score,
                      NULL != q->after_id ? q->after_id : first_id,
                      q->risk_levels,
                      q->stages,
                      q->pillar_statuses,
                      limit,
                      q->owner_ids };
  bool owned = NULL != q->owner_ids;
  PGresult *r;
  enum store_qs qs;

  struct store_query run[] = {
    { &custom_plan_sql, 0, NULL, NULL },
    { statements[owned][q->ascending], owned ? 8 : 7, v, NULL },
  };

  snprintf (limit, sizeof (limit), "%u", q->limit);
  /* One pipeline: in a read, one implicit transaction, so the setting
     holds for the page's statement and ends with it. */
  qs = store_exec_all (c, run, 2);
  PQclear (run[0].res);
  if (qs < 0)
    return qs;
  r = run[1].res;
  qs = (enum store_qs) PQntuples (r);
  for (int i = 0; i < (int) qs; i++)
  {
    struct store_portfolio_row row = { 0 };

    store_copy (r, i, "account_id", row.account_id, sizeof (row.account_id));
    store_copy (r, i, "name", row.name, sizeof (row.name));
    row.has_owner = store_copy (r, i, "owner_id", row.owner_id,
                                sizeof (row.owner_id));
    row.has_stage = store_copy (r, i, "stage", row.stage, sizeof (row.stage));
    row.risk_score = store_get_double (r, i, "risk_score");
    row.risk_score_30d = store_get_double (r, i, "risk_score_30d");
    store_copy (r, i, "risk_score", row.risk_score_text,
                sizeof (row.risk_score_text));
    store_copy (r, i, "risk_level", row.risk_level, sizeof (row.risk_level));
    row.top_drivers = store_get (r, i, "top_drivers");
    store_copy (r, i, "pillar_status", row.pillar_status,
                sizeof (row.pillar_status));
    row.has_primary = store_copy (r, i, "primary_orientation", row.primary,
                                  sizeof (row.primary));
    store_copy (r, i, "model_version", row.model_version,
                sizeof (row.model_version));
    row.weights_version = (int) store_get_int (r, i, "weights_version");
    store_copy (r, i, "as_of", row.as_of, sizeof (row.as_of));
    store_copy (r, i, "computed_at", row.computed_at,
                sizeof (row.computed_at));
    row.queued = store_get_bool (r, i, "queued");
    cb (cls, &row);
  }
  PQclear (r);
  return qs;
}

/**
 * A page of the event feed after position ($2 xid, $3 seq): at most $6
 * events are looked at, those of types $4 (an array, or NULL for all)
 * are returned up to $5, and a last row (kind 1) tells where the look
 * ended, so that a rare type costs a bounded scan and the feed still
 * moves on.  Only events no running transaction can precede are seen.
 */
static const struct store_statement events_sql = {
  "events.page",
  "WITH scanned AS (\n"
  "  SELECT e.xid, e.seq, e.id, e.type, e.occurred_at, e.resource,\n"
  "         e.resource_id, e.account_id, e.data\n"
  "    FROM events e\n"
  "   WHERE e.org_id = $1 AND (e.xid, e.seq) > ($2::xid8, $3::bigint)\n"
  "     AND e.xid < pg_snapshot_xmin(pg_current_snapshot())\n"
  "   ORDER BY e.xid, e.seq\n"
  "   LIMIT $6),\n"
  "picked AS (\n"
  "  SELECT xid, seq, id, occurred_at,\n"
  "         rapport_event_body(id, type, occurred_at, resource, resource_id,\n"
  "                            account_id, data) AS body\n"
  "    FROM scanned\n"
  "   WHERE $4::text[] IS NULL OR type = ANY ($4::text[])\n"
  "   ORDER BY xid, seq\n"
  "   LIMIT $5)\n"
  "SELECT 0 AS kind, xid::text AS xid, seq, id,\n"
  "       extract(epoch FROM occurred_at)::bigint AS at, body::text AS body,\n"
  "       0 AS scanned\n"
  "  FROM picked\n"
  "UNION ALL\n"
  "SELECT 1, xid::text, seq, id, extract(epoch FROM occurred_at)::bigint,\n"
  "       NULL, (SELECT count(*) FROM scanned)\n"
  "  FROM (SELECT xid, seq, id, occurred_at FROM scanned\n"
  "         ORDER BY xid DESC, seq DESC LIMIT 1) last\n"
  " ORDER BY kind, xid, seq",
};

enum store_qs
store_events_page (struct store_conn *c, const char *org_id,
                   const struct store_events_query *q, store_event_cb cb,
                   void *cls, struct store_events_end *end)
{
  char limit[16], cap[16];
  const char *v[] = {
    org_id, q->after_xid, q->after_seq, q->types, limit, cap
  };
  PGresult *r;
  enum store_qs qs;
  int n = 0;

  memset (end, 0, sizeof (*end));
  snprintf (limit, sizeof (limit), "%u", q->limit);
  snprintf (cap, sizeof (cap), "%u", q->scan_cap);
  qs = store_exec (c, &events_sql, 6, v, &r);
  for (int i = 0; i < (int) qs; i++)
  {
    struct store_event_pos pos;

    store_copy (r, i, "xid", pos.xid, sizeof (pos.xid));
    store_copy (r, i, "seq", pos.seq, sizeof (pos.seq));
    store_copy (r, i, "id", pos.id, sizeof (pos.id));
    pos.at = store_get_int (r, i, "at");
    if (1 == store_get_int (r, i, "kind"))
    {
      end->scan_end = pos;
      end->scanned = (unsigned int) store_get_int (r, i, "scanned");
      continue;
    }
    n++;
    cb (cls, &pos, store_get (r, i, "body"));
  }
  PQclear (r);
  return qs < 0 ? qs : (enum store_qs) n;
}

const struct store_statement *const store_portfolio_statements[] = {
  &custom_plan_sql,  &riskiest_sql, &safest_sql, &owned_riskiest_sql,
  &owned_safest_sql, &events_sql,   NULL,
};
