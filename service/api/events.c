/**
 * @file events.c
 * @brief GET /v1/events: what happened to the organization's data, in
 *        order, deletions included.  The cursor is a position in the
 *        feed (signed, opaque), returned with every page so a client can
 *        come back later and read on from where it stopped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "svc/alloc.h"
#include "svc/config.h"
#include "svc/util.h"

/** Events looked at by one page at most, whatever its types filter. */
#define SCAN_CAP 2000

/** The default and largest page. */
#define DEFAULT_LIMIT 100
#define MAX_LIMIT 1000

/** The id a cursor carries before the first event. */
#define NIL_ID "00000000-0000-0000-0000-000000000000"

/** Every event type, for ?types= (migrations/0007 makes them). */
static const char *const known_types[] = {
  "account.created",
  "account.updated",
  "account.deleted",
  "account.risk_level_changed",
  "account.pillar_status_changed",
  "seller.created",
  "seller.updated",
  "seller.deleted",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "call.created",
  "call.updated",
  "call.deleted",
  "report_card.created",
  "report_card.updated",
  "report_card.deleted",
  "commitment.created",
  "commitment.updated",
  "commitment.deleted",
  "account_values.created",
  "account_values.updated",
  "account_values.deleted",
  "organization_values.created",
  "organization_values.updated",
  "organization_values.deleted",
  "scoring_weights.created",
  "scoring_weights.updated",
  "scoring_weights.deleted",
};

#define N_TYPES (sizeof (known_types) / sizeof (known_types[0]))

/** Transaction context of a page of the feed. */
struct events_ctx
{
  struct http_request *req;
  struct api_page page;
  const char *cursor;
  char after_xid[24];
  char after_seq[24];
  char list[N_TYPES * 40 + 4];
  const char *types; /**< array literal of ?types=, or NULL for all */
  unsigned int limit;
  struct buf out;
  unsigned int n;
  struct store_event_pos last;
};

/**
 * Whether @a key is a feed position: "<xid>:<seq>:<issued>", three
 * decimal numbers.
 */
static bool
is_position (const char *key)
{
  int fields = 0;

  for (const char *p = key;; p++)
  {
    size_t digits = strspn (p, "0123456789");

    if (0 == digits || digits > 20)
      return false;
    fields++;
    p += digits;
    if ('\0' == *p)
      return 3 == fields;
    if (':' != *p)
      return false;
  }
}

/** Whether @a s is an event type. */
static bool
is_event_type (const char *s)
{
  for (size_t i = 0; i < N_TYPES; i++)
    if (0 == strcmp (s, known_types[i]))
      return true;
  return false;
}

/** Reads ?limit= (1 to 1000, default 100). */
static void
parse_limit (struct http_request *req, struct events_ctx *ec)
{
  const char *limit = http_query (req, "limit");
  char *end;
  long v;

  ec->limit = DEFAULT_LIMIT;
  if (NULL == limit)
    return;
  v = strtol (limit, &end, 10);
  if ('\0' == limit[0] || '\0' != *end || v < 1 || v > MAX_LIMIT)
    api_param_error (http_query_errors (req), "limit",
                     "must be an integer from 1 to 1000");
  else
    ec->limit = (unsigned int) v;
}

/** Row callback: appends an event's JSON. */
static void
event_row (void *cls, const struct store_event_pos *pos, const char *json)
{
  struct events_ctx *ec = cls;

  if (ec->n++ > 0)
    buf_append (&ec->out, ",", 1, SIZE_MAX);
  buf_append (&ec->out, json, strlen (json), SIZE_MAX);
  ec->last = *pos;
}

/**
 * Checks the cursor; a cursor older than the feed keeps events may have
 * missed some, and says so with 410 rather than skipping them silently.
 *
 * @return true to go on; false with a reply set
 */
static bool
check_cursor (struct store_conn *conn, struct events_ctx *ec)
{
  struct http_request *req = ec->req;
  long long issued;

  if (NULL == ec->cursor)
  {
    snprintf (ec->after_xid, sizeof (ec->after_xid), "0");
    snprintf (ec->after_seq, sizeof (ec->after_seq), "0");
    return true;
  }
  if (! api_cursor_accept (conn, req, &ec->page, "since_cursor", ec->cursor,
                           "is not a cursor this feed gave out"))
    return false;
  if (3
      != sscanf (ec->page.after.ts, "%23[0-9]:%23[0-9]:%lld", ec->after_xid,
                 ec->after_seq, &issued))
    return false;
  /* A day's margin: an event may commit after one that occurred later. */
  if ((long long) time (NULL) - issued
      > (http_service.cfg->event_retention_days - 1) * 86400LL)
  {
    http_reply_error (req, SVC_EC_CURSOR_EXPIRED,
                      "This cursor is older than the feed keeps events, so "
                      "events after it may be gone: read the resources "
                      "again, then follow the feed without a cursor.");
    return false;
  }
  return true;
}

/** Transaction: read a page and make the cursor after it. */
static enum store_qs
events_tx (void *cls, struct store_conn *conn)
{
  struct events_ctx *ec = cls;
  struct store_events_query q = { ec->after_xid, ec->after_seq, ec->types,
                                  ec->limit, SCAN_CAP };
  struct store_events_end end;
  struct store_event_pos at;
  enum store_qs qs;
  char key[64];
  char *next;
  const char *tail;
  bool more;

  if (! check_cursor (conn, ec))
    return 0 != ec->req->status ? STORE_QS_ROLLBACK : STORE_QS_HARD_ERROR;
  buf_free (&ec->out);
  buf_append (&ec->out, "{\"data\":[", 9, SIZE_MAX);
  ec->n = 0;
  qs = store_events_page (conn, ec->req->auth.org_id, &q, &event_row, ec,
                          &end);
  if (qs < 0)
    return qs;
  /* Where to go on: after the last event returned when the page is full,
     else after the last one looked at, else where the client was. */
  more = ec->n == ec->limit || end.scanned == SCAN_CAP;
  if (ec->n == ec->limit)
    at = ec->last;
  else if (end.scanned > 0)
    at = end.scan_end;
  else
  {
    snprintf (at.xid, sizeof (at.xid), "%s", ec->after_xid);
    snprintf (at.seq, sizeof (at.seq), "%s", ec->after_seq);
    snprintf (at.id, sizeof (at.id), "%s",
              NULL != ec->cursor ? ec->page.after.id : NIL_ID);
    at.at = (long long) time (NULL);
  }
  /* The cursor is good while nothing after its position can have gone
     with the retention: events still to read are as old as the position;
     once the feed is read to its end, the next event is newer than now. */
  snprintf (key, sizeof (key), "%s:%s:%lld", at.xid, at.seq,
            more ? at.at : (long long) time (NULL));
  next = api_cursor_make (conn, ec->req->auth.org_id, &ec->page, key, at.id);
  if (NULL == next)
    return STORE_QS_HARD_ERROR;
  tail = more ? "\",\"has_more\":true}" : "\",\"has_more\":false}";
  buf_append (&ec->out, "],\"next_cursor\":\"", 17, SIZE_MAX);
  buf_append (&ec->out, next, strlen (next), SIZE_MAX);
  buf_append (&ec->out, tail, strlen (tail), SIZE_MAX);
  free (next);
  http_reply_text (ec->req, 200, ec->out.data);
  ec->out = (struct buf){ 0 };
  return STORE_QS_ONE;
}

int
api_events_list (struct http_request *req)
{
  static const char *const sig[] = { "events" };
  struct events_ctx ec = { .req = req };

  ec.types = api_list_param (req, "types", &is_event_type,
                             "event types (account.created, call.deleted, "
                             "account.risk_level_changed, ...: see the "
                             "contract)",
                             ec.list, sizeof (ec.list));
  parse_limit (req, &ec);
  if (! http_query_ok (req))
    return 0;
  api_page_sign_filters (&ec.page, sig, 1);
  ec.page.key_ok = &is_position;
  ec.cursor = http_query (req, "since_cursor");
  api_run (req, &events_tx, &ec);
  buf_free (&ec.out);
  return 0;
}
