/**
 * @file test_tenant_matrix.c
 * @brief Tenant isolation, route by route, from the router's own table
 *        (http_route_describe): organization A's admin key, organization
 *        B's ids.
 *
 *        - B's id (or external id) in a path answers exactly what a
 *          never-existing one answers: status, body and headers, but for
 *          X-Request-Id and Date (the clock).  HEAD too.
 *        - B's ids in body references (owner_id, seller_id, contact_id,
 *          contact_ids, a transcript turn's contact_id, a contact's or
 *          call's account_id, and in
 *          /v1/batch items account_id and those members) answer a 404
 *          or a 422 naming the member, identical to a never-existing id.
 *        - None of these writes anything in A or in B.
 *        - A's collections never show B's rows, with or without filters,
 *          on any page; B's cursors are refused (400) for A.
 *        - An Idempotency-Key B used, reused by A with the same body,
 *          creates A's own record; B's ETags let A modify nothing; B's
 *          organization documents are B's.
 *
 *        The table `matrix` says how each route template is probed; a
 *        route the router has and the table lacks fails the test, and so
 *        does a reference column of the resource table the table does not
 *        probe.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"
#include "route_probe.h"
#include "svc/http.h"
#include "svc/resource.h"

/** Ids that never existed anywhere. */
#define NEVER "7e1f0c4a-9b3d-4c2e-8f6a-5d4b3a2c1e0f"
#define NEVER_XID "matrix-never-existed"

/** What B's rows are recognised by in A's answers. */
#define MARK "ZZB"

/** Whose id goes into a path or a reference. */
enum kind
{
  K_NONE,
  K_ACCOUNT,
  K_SELLER,
  K_CONTACT,
  K_CALL,
  K_CARD,
  K_COMMITMENT,
  K_KEY,
  K_WEBHOOK,
  K_COUNT
};

/** The kinds, as the output names them. */
static const char *const kind_names[K_COUNT] = {
  "-",    "account",    "seller",  "contact", "call",
  "card", "commitment", "api key", "webhook",
};

/** How a route is probed (a route can have several). */
enum probe
{
  P_PUBLIC = 1,  /**< not tenant-scoped: listed, answers carry nothing of B */
  P_PATH = 2,    /**< B's id in {id} = a never-existing id */
  P_XID = 4,     /**< B's external id in {external_id} = a new one */
  P_REFS = 8,    /**< B's ids in the body's references: 404/422 = never */
  P_LIST = 16,   /**< never B's rows, any filter, any page; B's cursor 400 */
  P_IDEM = 32,   /**< B's Idempotency-Key makes A's own record */
  P_ETAG = 64,   /**< B's ETag in If-Match modifies nothing */
  P_ORG = 128,   /**< the organization's document: B's stays B's */
  P_BATCH = 256, /**< B's ids in every reference of every batch item */
  P_KEYS = 512,  /**< a key A creates is A's */
  P_FEED = 1024, /**< the organization's ranking or feed: nothing of B's,
                      before or after B writes; B's cursor 400 */
  P_HOOKS = 2048 /**< a webhook endpoint A registers is A's */
};

/** One route template of the matrix. */
struct row
{
  const char *method;
  const char *path;
  unsigned int probes; /**< enum probe bits */
  enum kind kind;      /**< whose id {id} or {external_id} takes */
  const char *body;    /**< a valid body for A ($ACCT: A's account) */
  const char *refs;    /**< body members naming records, space-separated */
};

#define VALUES_BODY \
  "{\"priorities\":{\"quality\":0.8},\"answers\":{\"What matters?\":" \
  "\"AAA answer\"}}"
#define CALL_BODY "{\"occurred_at\":\"2025-02-01T00:00:00Z\"}"
#define CARD_BODY \
  "{\"received_at\":\"2025-02-01T00:00:00Z\",\"ratings\":{\"overall\":4}}"
#define PLEDGE_BODY \
  "{\"description\":\"AAA pledge\",\"made_at\":\"2025-02-01T00:00:00Z\"}"
#define NAME_BODY "{\"name\":\"AAA new\"}"
#define HIJACK "{\"name\":\"Hijacked\"}"
/* Endpoints for an event type no test causes (an organization's values
   are never deleted through the API), so no instance delivers to them. */
#define HOOK_TYPES "\"event_types\":[\"organization_values.deleted\"]"
#define HOOK_BODY \
  "{\"url\":\"https://hooks.example.com/aaa\",\"description\":\"AAA " \
  "hook\"," HOOK_TYPES "}"

/* Every route of the router, by template: how it is probed. */
static const struct row matrix[] = {
  { "GET", "/healthz", P_PUBLIC },
  { "GET", "/readyz", P_PUBLIC },
  { "GET", "/metrics", P_PUBLIC },
  { "GET", "/v1/openapi.json", P_PUBLIC },
  { "GET", "/docs", P_PUBLIC },

  { "GET", "/v1/accounts/by-external-id/{external_id}", P_XID, K_ACCOUNT },
  { "PUT", "/v1/accounts/by-external-id/{external_id}", P_XID | P_REFS,
    K_ACCOUNT, NAME_BODY, "owner_id" },
  { "PATCH", "/v1/accounts/by-external-id/{external_id}", P_XID | P_REFS,
    K_ACCOUNT, HIJACK, "owner_id" },
  { "GET", "/v1/accounts", P_LIST, K_ACCOUNT },
  { "POST", "/v1/accounts", P_REFS | P_IDEM, K_NONE, NAME_BODY, "owner_id" },
  { "GET", "/v1/accounts/{id}", P_PATH, K_ACCOUNT },
  { "PATCH", "/v1/accounts/{id}", P_PATH | P_REFS | P_ETAG, K_ACCOUNT, HIJACK,
    "owner_id" },
  { "DELETE", "/v1/accounts/{id}", P_PATH | P_ETAG, K_ACCOUNT },
  { "GET", "/v1/accounts/{id}/values", P_PATH, K_ACCOUNT },
  { "PUT", "/v1/accounts/{id}/values", P_PATH, K_ACCOUNT, VALUES_BODY },

  { "GET", "/v1/sellers/by-external-id/{external_id}", P_XID, K_SELLER },
  { "PUT", "/v1/sellers/by-external-id/{external_id}", P_XID, K_SELLER,
    NAME_BODY },
  { "PATCH", "/v1/sellers/by-external-id/{external_id}", P_XID, K_SELLER,
    HIJACK },
  { "GET", "/v1/sellers", P_LIST, K_SELLER },
  { "POST", "/v1/sellers", P_IDEM, K_NONE, NAME_BODY },
  { "GET", "/v1/sellers/{id}", P_PATH, K_SELLER },
  { "PATCH", "/v1/sellers/{id}", P_PATH | P_ETAG, K_SELLER, HIJACK },
  { "DELETE", "/v1/sellers/{id}", P_PATH | P_ETAG, K_SELLER },

  { "GET", "/v1/accounts/{id}/contacts", P_PATH | P_LIST, K_ACCOUNT },
  { "POST", "/v1/accounts/{id}/contacts", P_PATH | P_IDEM, K_ACCOUNT,
    NAME_BODY },
  { "GET", "/v1/contacts/by-external-id/{external_id}", P_XID, K_CONTACT },
  { "PUT", "/v1/contacts/by-external-id/{external_id}", P_XID | P_REFS,
    K_CONTACT, "{\"name\":\"AAA by xid\",\"account_id\":\"$ACCT\"}",
    "account_id" },
  { "PATCH", "/v1/contacts/by-external-id/{external_id}", P_XID | P_REFS,
    K_CONTACT, HIJACK, "account_id" },
  { "GET", "/v1/contacts/{id}", P_PATH, K_CONTACT },
  { "PATCH", "/v1/contacts/{id}", P_PATH | P_ETAG, K_CONTACT, HIJACK },
  { "DELETE", "/v1/contacts/{id}", P_PATH | P_ETAG, K_CONTACT },

  { "GET", "/v1/accounts/{id}/calls", P_PATH | P_LIST, K_ACCOUNT },
  { "POST", "/v1/accounts/{id}/calls", P_PATH | P_REFS | P_IDEM, K_ACCOUNT,
    CALL_BODY, "seller_id contact_ids transcript" },
  { "GET", "/v1/calls/by-external-id/{external_id}", P_XID, K_CALL },
  { "PUT", "/v1/calls/by-external-id/{external_id}", P_XID | P_REFS, K_CALL,
    "{\"occurred_at\":\"2025-02-01T00:00:00Z\",\"account_id\":\"$ACCT\"}",
    "account_id seller_id contact_ids transcript" },
  { "PATCH", "/v1/calls/by-external-id/{external_id}", P_XID | P_REFS, K_CALL,
    "{\"notes\":\"Hijacked\"}",
    "account_id seller_id contact_ids transcript" },
  { "GET", "/v1/calls", P_LIST, K_CALL },
  { "GET", "/v1/calls/{id}", P_PATH, K_CALL },
  { "PATCH", "/v1/calls/{id}", P_PATH | P_REFS | P_ETAG, K_CALL,
    "{\"notes\":\"Hijacked\"}", "seller_id contact_ids transcript" },
  { "DELETE", "/v1/calls/{id}", P_PATH | P_ETAG, K_CALL },

  { "GET", "/v1/accounts/{id}/report-cards", P_PATH | P_LIST, K_ACCOUNT },
  { "POST", "/v1/accounts/{id}/report-cards", P_PATH | P_REFS | P_IDEM,
    K_ACCOUNT, CARD_BODY, "seller_id contact_id" },
  { "GET", "/v1/report-cards/by-external-id/{external_id}", P_XID, K_CARD },
  { "PUT", "/v1/report-cards/by-external-id/{external_id}", P_XID | P_REFS,
    K_CARD,
    "{\"received_at\":\"2025-02-01T00:00:00Z\",\"ratings\":{\"overall\":4},"
    "\"account_id\":\"$ACCT\"}",
    "account_id seller_id contact_id" },
  { "PATCH", "/v1/report-cards/by-external-id/{external_id}", P_XID | P_REFS,
    K_CARD, "{\"comments\":\"Hijacked\"}", "account_id seller_id contact_id" },
  { "GET", "/v1/report-cards/{id}", P_PATH, K_CARD },
  { "PATCH", "/v1/report-cards/{id}", P_PATH | P_REFS | P_ETAG, K_CARD,
    "{\"comments\":\"Hijacked\"}", "seller_id contact_id" },
  { "DELETE", "/v1/report-cards/{id}", P_PATH | P_ETAG, K_CARD },

  { "GET", "/v1/accounts/{id}/commitments", P_PATH | P_LIST, K_ACCOUNT },
  { "POST", "/v1/accounts/{id}/commitments", P_PATH | P_REFS | P_IDEM,
    K_ACCOUNT, PLEDGE_BODY, "seller_id" },
  { "GET", "/v1/commitments/by-external-id/{external_id}", P_XID,
    K_COMMITMENT },
  { "PUT", "/v1/commitments/by-external-id/{external_id}", P_XID | P_REFS,
    K_COMMITMENT,
    "{\"description\":\"AAA pledge\",\"made_at\":\"2025-02-01T00:00:00Z\","
    "\"account_id\":\"$ACCT\"}",
    "account_id seller_id" },
  { "PATCH", "/v1/commitments/by-external-id/{external_id}", P_XID | P_REFS,
    K_COMMITMENT, "{\"description\":\"Hijacked\"}", "account_id seller_id" },
  { "GET", "/v1/commitments/{id}", P_PATH, K_COMMITMENT },
  { "PATCH", "/v1/commitments/{id}", P_PATH | P_REFS | P_ETAG, K_COMMITMENT,
    "{\"description\":\"Hijacked\"}", "seller_id" },
  { "DELETE", "/v1/commitments/{id}", P_PATH | P_ETAG, K_COMMITMENT },

  { "GET", "/v1/accounts/{id}/assessment", P_PATH, K_ACCOUNT },
  { "GET", "/v1/accounts/{id}/assessment/history", P_PATH, K_ACCOUNT },
  { "GET", "/v1/contacts/{id}/assessment", P_PATH, K_CONTACT },
  { "GET", "/v1/assessments", P_FEED, K_NONE, NULL, "cursor" },
  { "GET", "/v1/events", P_FEED, K_NONE, NULL, "since_cursor" },
  { "GET", "/v1/sellers/{id}/assessment", P_PATH, K_SELLER },
  { "GET", "/v1/scoring-model", P_ORG },
  { "GET", "/v1/organization/scoring-weights", P_ORG },
  { "PUT", "/v1/organization/scoring-weights", P_ORG, K_NONE,
    "{\"half_lives_days\":{\"orientation\":30}}" },
  { "GET", "/v1/organization/values", P_ORG },
  { "PUT", "/v1/organization/values", P_ORG, K_NONE, VALUES_BODY },

  { "POST", "/v1/batch", P_BATCH | P_IDEM, K_NONE,
    "{\"items\":[{\"op\":\"create\",\"resource\":\"sellers\",\"data\":"
    "{\"name\":\"AAA batch\"}}]}" },

  { "GET", "/v1/api-keys", P_LIST, K_KEY },
  { "POST", "/v1/api-keys", P_KEYS, K_NONE,
    "{\"scope\":\"read\",\"name\":\"AAA key\"}" },
  { "GET", "/v1/api-keys/{id}", P_PATH, K_KEY },
  { "DELETE", "/v1/api-keys/{id}", P_PATH, K_KEY },

  { "GET", "/v1/webhooks", P_LIST, K_WEBHOOK },
  { "POST", "/v1/webhooks", P_HOOKS, K_NONE, HOOK_BODY },
  { "GET", "/v1/webhooks/{id}", P_PATH, K_WEBHOOK },
  { "PATCH", "/v1/webhooks/{id}", P_PATH | P_ETAG, K_WEBHOOK,
    "{\"description\":\"Hijacked\",\"status\":\"disabled\"}" },
  { "DELETE", "/v1/webhooks/{id}", P_PATH | P_ETAG, K_WEBHOOK },
  { "POST", "/v1/webhooks/{id}/rotate-secret", P_PATH, K_WEBHOOK, "{}" },
  { "GET", "/v1/webhooks/{id}/deliveries", P_PATH, K_WEBHOOK },
};

#define N_MATRIX (sizeof (matrix) / sizeof (matrix[0]))

/** A minimal valid `data` of a batch item, per resource. */
static const struct
{
  const char *resource, *data;
} batch_data[] = {
  { "accounts", "{\"name\":\"AAA batch\"}" },
  { "sellers", "{\"name\":\"AAA batch\"}" },
  { "contacts", "{\"name\":\"AAA batch\"}" },
  { "calls", CALL_BODY },
  { "report_cards", CARD_BODY },
  { "commitments", PLEDGE_BODY },
};

/* ------------------------------------------------------------- world -- */

/** The two organizations and their records. */
struct world
{
  struct th_org a, b;
  char a_id[K_COUNT][64];  /**< one record of A of each kind */
  char a_xid[K_COUNT][64]; /**< its external id */
  char b_id[K_COUNT][64];  /**< B's first record of each kind */
  char b_id2[K_COUNT][64]; /**< B's second */
  char b_xid[K_COUNT][64]; /**< B's external ids */
  char b_prefix[2][32];    /**< B's keys' prefixes */
};

static struct world w;

/** B: two records of each kind, all named with MARK, with references. */
static void
seed_b (void)
{
  const char *k = w.b.key;
  const char *acct;
  struct th_resp r;
  json_t *it;
  size_t i;

  snprintf (w.b_xid[K_SELLER], 64, "zzb-seller-1");
  snprintf (w.b_xid[K_ACCOUNT], 64, "zzb-account-1");
  snprintf (w.b_xid[K_CONTACT], 64, "zzb-contact-1");
  snprintf (w.b_xid[K_CALL], 64, "zzb-call-1");
  snprintf (w.b_xid[K_CARD], 64, "zzb-card-1");
  snprintf (w.b_xid[K_COMMITMENT], 64, "zzb-commitment-1");
  th_create (k, "/v1/sellers",
             "{\"name\":\"" MARK
             " seller one\",\"external_id\":\"zzb-seller-1\","
             "\"email\":\"zzb1@b.example\"}",
             w.b_id[K_SELLER]);
  th_create (k, "/v1/sellers", "{\"name\":\"" MARK " seller two\"}",
             w.b_id2[K_SELLER]);
  th_create (
    k, "/v1/accounts",
    th_fmt ("{\"name\":\"" MARK " account one\",\"external_id\":"
            "\"zzb-account-1\",\"owner_id\":\"%s\",\"stage\":\"customer\","
            "\"industry\":\"" MARK " industry\"}",
            w.b_id[K_SELLER]),
    w.b_id[K_ACCOUNT]);
  th_create (k, "/v1/accounts", "{\"name\":\"" MARK " account two\"}",
             w.b_id2[K_ACCOUNT]);
  acct = w.b_id[K_ACCOUNT];
  th_create (k, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"" MARK " contact one\",\"external_id\":"
             "\"zzb-contact-1\",\"title\":\"" MARK " title\"}",
             w.b_id[K_CONTACT]);
  th_create (k, th_fmt ("/v1/accounts/%s/contacts", acct),
             "{\"name\":\"" MARK " contact two\"}", w.b_id2[K_CONTACT]);
  for (int n = 0; n < 2; n++)
  {
    th_create (k, th_fmt ("/v1/accounts/%s/calls", acct),
               th_fmt ("{\"occurred_at\":\"2025-01-0%dT10:00:00Z\","
                       "\"seller_id\":\"%s\",\"contact_ids\":[\"%s\"],"
                       "\"notes\":\"" MARK " notes\"%s}",
                       n + 1, w.b_id[K_SELLER], w.b_id[K_CONTACT],
                       0 == n ? ",\"external_id\":\"zzb-call-1\"" : ""),
               0 == n ? w.b_id[K_CALL] : w.b_id2[K_CALL]);
    th_create (k, th_fmt ("/v1/accounts/%s/report-cards", acct),
               th_fmt ("{\"received_at\":\"2025-01-0%dT10:00:00Z\","
                       "\"ratings\":{\"overall\":2},\"seller_id\":\"%s\","
                       "\"contact_id\":\"%s\",\"comments\":\"" MARK
                       " comments\"%s}",
                       n + 1, w.b_id[K_SELLER], w.b_id[K_CONTACT],
                       0 == n ? ",\"external_id\":\"zzb-card-1\"" : ""),
               0 == n ? w.b_id[K_CARD] : w.b_id2[K_CARD]);
    th_create (
      k, th_fmt ("/v1/accounts/%s/commitments", acct),
      th_fmt ("{\"description\":\"" MARK " pledge\","
              "\"made_at\":\"2025-01-0%dT10:00:00Z\",\"seller_id\":\"%s\"%s}",
              n + 1, w.b_id[K_SELLER],
              0 == n ? ",\"external_id\":\"zzb-commitment-1\"" : ""),
      0 == n ? w.b_id[K_COMMITMENT] : w.b_id2[K_COMMITMENT]);
  }
  th_expect_status ("PUT", th_fmt ("/v1/accounts/%s/values", acct), k,
                    "{\"answers\":{\"" MARK " question\":\"" MARK
                    " answer\"}}",
                    200);
  th_expect_status ("PUT", "/v1/organization/values", k,
                    "{\"answers\":{\"" MARK " org question\":\"" MARK
                    " org answer\"}}",
                    200);
  th_expect_status ("PUT", "/v1/organization/scoring-weights", k,
                    "{\"half_lives_days\":{\"orientation\":45}}", 200);
  {
    char secret[128];

    th_key_new (&w.b, "admin", secret, w.b_id[K_KEY]);
  }
  for (int n = 0; n < 2; n++)
    th_create (k, "/v1/webhooks",
               "{\"url\":\"https://hooks.example.com/zzb\",\"description\""
               ":\"" MARK " hook\"," HOOK_TYPES "}",
               0 == n ? w.b_id[K_WEBHOOK] : w.b_id2[K_WEBHOOK]);
  th_request ("GET", "/v1/api-keys", k, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "%s", r.body);
  json_array_foreach (json_object_get (r.json, "data"), i, it)
  {
    const char *id = json_string_value (json_object_get (it, "id"));
    const char *prefix = json_string_value (json_object_get (it, "prefix"));

    cr_assert (i < 2, "B has two keys");
    snprintf (w.b_prefix[i], 32, "%s", prefix);
    if (0 != strcmp (id, w.b_id[K_KEY]))
      snprintf (w.b_id2[K_KEY], 64, "%s", id);
  }
  th_resp_free (&r);
}

/** A: one record of each kind, named AAA. */
static void
seed_a (void)
{
  const char *k = w.a.key;
  char secret[128];

  th_seller_new (k, "AAA seller", w.a_id[K_SELLER]);
  th_account_new (k, "AAA account", w.a_id[K_ACCOUNT]);
  th_contact_new (k, w.a_id[K_ACCOUNT], "AAA contact", w.a_id[K_CONTACT]);
  th_create (
    k, th_fmt ("/v1/accounts/%s/calls", w.a_id[K_ACCOUNT]),
    th_fmt ("{\"occurred_at\":\"2025-01-05T10:00:00Z\",\"seller_id\":"
            "\"%s\",\"contact_ids\":[\"%s\"],\"notes\":\"AAA notes\"}",
            w.a_id[K_SELLER], w.a_id[K_CONTACT]),
    w.a_id[K_CALL]);
  th_create (k, th_fmt ("/v1/accounts/%s/report-cards", w.a_id[K_ACCOUNT]),
             CARD_BODY, w.a_id[K_CARD]);
  th_create (k, th_fmt ("/v1/accounts/%s/commitments", w.a_id[K_ACCOUNT]),
             PLEDGE_BODY, w.a_id[K_COMMITMENT]);
  {
    /* each record also by an external id of A's, for PATCH by it */
    static const struct
    {
      enum kind kind;
      const char *path;
    } xids[] = {
      { K_SELLER, "/v1/sellers" },    { K_ACCOUNT, "/v1/accounts" },
      { K_CONTACT, "/v1/contacts" },  { K_CALL, "/v1/calls" },
      { K_CARD, "/v1/report-cards" }, { K_COMMITMENT, "/v1/commitments" },
    };

    for (size_t i = 0; i < sizeof (xids) / sizeof (xids[0]); i++)
    {
      snprintf (w.a_xid[xids[i].kind], 64, "zza-%zu", i);
      th_expect_status (
        "PATCH", th_fmt ("%s/%s", xids[i].path, w.a_id[xids[i].kind]), k,
        th_fmt ("{\"external_id\":\"%s\"}", w.a_xid[xids[i].kind]), 200);
    }
  }
  th_key_new (&w.a, "read", secret, w.a_id[K_KEY]);
  th_create (k, "/v1/webhooks", HOOK_BODY, w.a_id[K_WEBHOOK]);
}

/** Two organizations for each test (each test is its own process). */
static void
setup (void)
{
  memset (&w, 0, sizeof (w));
  resources_init ();
  th_org_new (&w.a);
  th_org_new (&w.b);
  rp_settle (w.a.key);
  seed_b ();
  seed_a ();
}

TestSuite (matrix, .init = setup);

/* ----------------------------------------------------------- helpers -- */

/** The matrix row of a route, or NULL. */
static const struct row *
row_of (const struct http_route_info *ri)
{
  for (size_t i = 0; i < N_MATRIX; i++)
    if (0 == strcmp (matrix[i].method, ri->method)
        && 0 == strcmp (matrix[i].path, ri->path))
      return &matrix[i];
  return NULL;
}

/** @a row's body for A ($ACCT replaced), new; NULL without one. */
static char *
body_for_a (const struct row *row)
{
  return NULL != row->body ? rp_replace (row->body, "$ACCT", w.a_id[K_ACCOUNT])
                           : NULL;
}

/** The header block without the lines that may differ between two
    requests for the same thing: X-Request-Id and Date. */
static char *
stable_headers (const char *h)
{
  char *out = calloc (1, strlen (h) + 1);
  char *o = out;

  cr_assert_not_null (out);
  while (*h)
  {
    size_t len = strcspn (h, "\n");

    if (0 != strncasecmp (h, "X-Request-Id:", 13)
        && 0 != strncasecmp (h, "Date:", 5))
    {
      memcpy (o, h, len);
      o += len;
      *o++ = '\n';
    }
    h += len + ('\n' == h[len] ? 1 : 0);
  }
  *o = '\0';
  return out;
}

/** Expects @a theirs (B's id) to answer byte for byte as @a never. */
static void
expect_same (const char *what, const struct th_resp *theirs,
             const struct th_resp *never)
{
  char *h1 = stable_headers (theirs->headers);
  char *h2 = stable_headers (never->headers);
  char *b1 = th_stable_body (theirs);
  char *b2 = th_stable_body (never);

  cr_expect_eq (theirs->status, never->status,
                "%s: status %ld with B's id, %ld with a never-existing one",
                what, theirs->status, never->status);
  cr_expect_str_eq (b1, b2,
                    "%s: the body differs from a never-existing id's:\n"
                    "  B's:   %s\n  never: %s",
                    what, theirs->body, never->body);
  cr_expect_str_eq (h1, h2,
                    "%s: the headers differ from a never-existing id's:\n"
                    "%s\nvs\n%s",
                    what, h1, h2);
  free (h1);
  free (h2);
  free (b1);
  free (b2);
}

/** Expects nothing of B (MARK, B's ids, B's key prefixes) in @a text. */
static void
expect_nothing_of_b (const char *what, const char *text)
{
  cr_expect_null (strstr (text, MARK), "%s shows B's row: %.400s", what, text);
  for (int k = K_ACCOUNT; k < K_COUNT; k++)
  {
    cr_expect_null (strstr (text, w.b_id[k]), "%s shows B's %s %s", what,
                    kind_names[k], w.b_id[k]);
    if ('\0' != w.b_id2[k][0])
      cr_expect_null (strstr (text, w.b_id2[k]), "%s shows B's %s %s", what,
                      kind_names[k], w.b_id2[k]);
  }
  for (int i = 0; i < 2; i++)
    if ('\0' != w.b_prefix[i][0])
      cr_expect_null (strstr (text, w.b_prefix[i]),
                      "%s shows B's key prefix %s", what, w.b_prefix[i]);
}

/** Sends @a method @a path as A, with a JSON body and extra headers. */
static void
as_a (const char *method, const char *path, const char *body,
      const char *extra, struct th_resp *r)
{
  const char *h[] = { "Content-Type: application/json", extra, NULL };

  if (NULL == body)
    h[0] = extra, h[1] = NULL;
  th_request (method, path, w.a.key, body, h, r);
}

/* ---------------------------------------------- nothing was written -- */

/** Everything an organization has that a write could change, as text. */
static char *
snapshot (const char *key, const char *acct)
{
  const char *paths[] = {
    "/v1/accounts?limit=200",
    "/v1/sellers?limit=200",
    "/v1/api-keys?limit=200",
    "/v1/webhooks?limit=200",
    "/v1/organization/values",
    "/v1/organization/scoring-weights",
    th_fmt ("/v1/accounts/%s/contacts?limit=200", acct),
    th_fmt ("/v1/accounts/%s/calls?limit=200", acct),
    th_fmt ("/v1/accounts/%s/report-cards?limit=200", acct),
    th_fmt ("/v1/accounts/%s/commitments?limit=200", acct),
    th_fmt ("/v1/accounts/%s/values", acct),
  };
  size_t len = 0;
  char *out = strdup ("");

  for (size_t i = 0; i < sizeof (paths) / sizeof (paths[0]); i++)
  {
    struct th_resp r;
    char *n;

    th_request ("GET", paths[i], key, NULL, NULL, &r);
    cr_assert_eq (200, r.status, "snapshot %s: %s", paths[i], r.body);
    n = realloc (out, len + strlen (paths[i]) + r.body_len + 3);
    cr_assert_not_null (n);
    out = n;
    len += (size_t) sprintf (out + len, "%s %s\n", paths[i], r.body);
    th_resp_free (&r);
  }
  return out;
}

/** Both organizations, before a probe. */
struct both
{
  char *a, *b;
};

static void
world_take (struct both *s)
{
  s->a = snapshot (w.a.key, w.a_id[K_ACCOUNT]);
  s->b = snapshot (w.b.key, w.b_id[K_ACCOUNT]);
}

/** The first line of @a now that is not in @a was (new), or NULL. */
static char *
first_change (const char *now, const char *was)
{
  while (*now && *was)
  {
    size_t n = strcspn (now, "\n"), m = strcspn (was, "\n");

    if (n != m || 0 != strncmp (now, was, n))
      return strndup (now, n);
    now += n + ('\n' == now[n] ? 1 : 0);
    was += m + ('\n' == was[m] ? 1 : 0);
  }
  return *now || *was ? strdup (*now ? now : was) : NULL;
}

/** Expects neither organization to have changed since @a before; then
    makes the present the new baseline. */
static void
world_unchanged (const char *what, struct both *before)
{
  struct both now;
  char *ca, *cb;

  world_take (&now);
  ca = first_change (now.a, before->a);
  cb = first_change (now.b, before->b);
  cr_expect_null (ca, "%s wrote into A: now %s", what, ca);
  cr_expect_null (cb, "%s wrote into B: now %s", what, cb);
  free (ca);
  free (cb);
  free (before->a);
  free (before->b);
  *before = now;
}

/* ------------------------------------------------------ the coverage -- */

Test (matrix, every_route_of_the_router_is_in_the_matrix)
{
  unsigned int n = http_route_count ();
  unsigned int tenant = 0, pub = 0, methods = 0;

  resources_init ();
  cr_assert (n > 0);
  for (unsigned int i = 0; i < n; i++)
  {
    struct http_route_info ri;
    const struct row *row;

    http_route_describe (i, &ri);
    row = row_of (&ri);
    cr_expect_not_null (row,
                        "route %s %s joined the router but not the matrix",
                        ri.method, ri.path);
    if (NULL == row)
      continue;
    cr_expect_eq (0 == strcmp (ri.auth, "public"),
                  0 != (row->probes & P_PUBLIC),
                  "%s %s is %s, the matrix says %s", ri.method, ri.path,
                  ri.auth,
                  0 != (row->probes & P_PUBLIC) ? "public" : "tenant-scoped");
    if (0 != (row->probes & P_PUBLIC))
      pub++;
    else
      tenant++;
    methods += 0 == strcmp (ri.method, "GET") ? 2 : 1; /* and HEAD */
  }
  for (size_t k = 0; k < N_MATRIX; k++)
  {
    bool routed = false;

    for (unsigned int i = 0; i < n && ! routed; i++)
    {
      struct http_route_info ri;

      http_route_describe (i, &ri);
      routed = &matrix[k] == row_of (&ri);
    }
    cr_expect (routed, "the matrix probes %s %s, which the router lacks",
               matrix[k].method, matrix[k].path);
  }
  cr_log_info ("matrix: %u routes (%u with HEAD), %u tenant-scoped, %u "
               "public",
               n, methods, tenant, pub);
}

/** True when the space-separated @a list has @a word. */
static bool
has_word (const char *list, const char *word)
{
  size_t n = strlen (word);

  for (const char *p = list; NULL != p && *p;
       p += strcspn (p, " "), p += strspn (p, " "))
    if (0 == strncmp (p, word, n) && (' ' == p[n] || '\0' == p[n]))
      return true;
  return false;
}

Test (matrix, every_reference_of_the_resource_table_is_probed)
{
  for (unsigned int i = 0; i < http_route_count (); i++)
  {
    struct http_route_info ri;
    const struct row *row;
    const struct resource *res;

    http_route_describe (i, &ri);
    row = row_of (&ri);
    res = rp_resource_of (ri.path);
    if (NULL == row || NULL == res || NULL == row->body
        || 0 == strcmp (ri.method, "GET"))
      continue;
    for (unsigned int c = 0; c < res->n_columns; c++)
      if (RES_REF_NONE != res->columns[c].ref)
        cr_expect (has_word (row->refs, res->columns[c].spec.name),
                   "%s %s: %s names other records; the matrix does not probe "
                   "it",
                   ri.method, ri.path, res->columns[c].spec.name);
    if (res->under_account && NULL != strstr (ri.path, "by-external-id"))
      cr_expect (has_word (row->refs, "account_id"),
                 "%s %s: account_id is not probed", ri.method, ri.path);
  }
  {
    unsigned int n;
    struct resource *const *all = resources_table (&n);

    for (unsigned int i = 0; i < n; i++)
    {
      bool known = false;

      for (size_t k = 0; k < sizeof (batch_data) / sizeof (batch_data[0]); k++)
        known |= 0 == strcmp (batch_data[k].resource, all[i]->name);
      cr_expect (known,
                 "resource %s joined the table but not the matrix's batch "
                 "items",
                 all[i]->name);
    }
  }
}

/* ----------------------------------------------------- path probes -- */

/** Counts of what was probed, for the log. */
static unsigned int n_requests, n_probes;

/** Sends @a method to @a theirs and @a never as A, expects the same
    answer and, when @a want is set, that status. */
static void
same_as_never (const char *what, const char *method, const char *theirs,
               const char *never, const char *body, const char *extra,
               long want)
{
  struct th_resp rt, rn;

  as_a (method, theirs, body, extra, &rt);
  as_a (method, never, body, extra, &rn);
  n_requests += 2;
  n_probes++;
  expect_same (what, &rt, &rn);
  if (0 != want)
    cr_expect_eq (want, rt.status, "%s with B's id: %ld, not %ld: %s", what,
                  rt.status, want, rt.body);
  expect_nothing_of_b (what, rt.body);
  th_resp_free (&rt);
  th_resp_free (&rn);
}

/** P_PATH: B's id in {id} answers what a never-existing id answers. */
static void
probe_path (const struct http_route_info *ri, const struct row *row)
{
  char *theirs = rp_path_with (ri->path, w.b_id[row->kind]);
  char *never = rp_path_with (ri->path, NEVER);
  char *body = body_for_a (row);
  const char *what = th_fmt ("%s %s (B's %s id)", ri->method, ri->path,
                             theirs);

  same_as_never (what, ri->method, theirs, never, body, NULL, 404);
  if (0 == strcmp (ri->method, "GET"))
    same_as_never (th_fmt ("HEAD %s", theirs), "HEAD", theirs, never, NULL,
                   NULL, 404);
  free (theirs);
  free (never);
  free (body);
}

/** The members of a record's JSON that tell one record from another. */
static char *
sans_identity (const char *body)
{
  json_t *j = json_loads (body, 0, NULL);
  char *out;

  cr_assert_not_null (j, "not JSON: %s", body);
  json_object_del (j, "id");
  json_object_del (j, "external_id");
  json_object_del (j, "created_at");
  json_object_del (j, "updated_at");
  out = json_dumps (j, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref (j);
  return out;
}

/** P_XID: B's external id in the path is no more than a new one. */
static void
probe_xid (const struct http_route_info *ri, const struct row *row)
{
  char *theirs = rp_path_with (ri->path, w.b_xid[row->kind]);
  char *never = rp_path_with (ri->path, NEVER_XID);
  char *body = body_for_a (row);
  const char *what = th_fmt ("%s %s (B's external id)", ri->method, theirs);
  const struct resource *res = rp_resource_of (ri->path);
  struct th_resp rt, rn;
  char *a, *b;

  if (0 == strcmp (ri->method, "GET"))
  {
    same_as_never (what, "GET", theirs, never, NULL, NULL, 404);
    same_as_never (th_fmt ("HEAD %s", theirs), "HEAD", theirs, never, NULL,
                   NULL, 404);
    goto done;
  }
  if (0 == strcmp (ri->method, "PATCH"))
  {
    /* PATCH never creates: B's external id is an unknown one, 404 */
    same_as_never (what, "PATCH", theirs, never, body, NULL, 404);
    goto done;
  }
  /* PUT: B's external id creates A's own record, as a new one does. */
  as_a (ri->method, theirs, body, NULL, &rt);
  as_a (ri->method, never, body, NULL, &rn);
  n_requests += 2;
  n_probes++;
  cr_expect_eq (201, rt.status, "%s: %ld %s", what, rt.status, rt.body);
  cr_expect_eq (rt.status, rn.status, "%s: %ld, a new one %ld", what,
                rt.status, rn.status);
  if (201 == rt.status && 201 == rn.status)
  {
    a = sans_identity (rt.body);
    b = sans_identity (rn.body);
    cr_expect_str_eq (a, b, "%s: not the record a new id makes", what);
    cr_expect_str_neq (th_str (&rt, "id"), w.b_id[row->kind],
                       "%s: A reached B's record", what);
    free (a);
    free (b);
    th_expect_status ("DELETE",
                      th_fmt ("%s/%s", res->path, th_str (&rt, "id")), w.a.key,
                      NULL, 204);
    th_expect_status ("DELETE",
                      th_fmt ("%s/%s", res->path, th_str (&rn, "id")), w.a.key,
                      NULL, 204);
  }
  expect_nothing_of_b (what, rt.body);
  th_resp_free (&rt);
  th_resp_free (&rn);
done:
  free (theirs);
  free (never);
  free (body);
}

/** A reference member set to @a id (an array of it for contact_ids, a
    turn spoken by it for a transcript). */
static json_t *
ref_value (const char *member, const char *id)
{
  if (0 == strcmp (member, "transcript"))
    return json_pack ("[{s:s, s:s, s:s, s:s}]", "speaker", "BBB", "role",
                      "buyer", "text", "Hi", "contact_id", id);
  return 0 == strcmp (member, "contact_ids") ? json_pack ("[s]", id)
                                             : json_string (id);
}

/** Where a refused reference member is named, below the body's pointer. */
static const char *
ref_field (const char *member)
{
  return 0 == strcmp (member, "transcript") ? "transcript/0/contact_id"
                                            : member;
}

/** B's id of the kind a reference member names. */
static const char *
b_id_for (const char *member)
{
  if (0 == strcmp (member, "owner_id") || 0 == strcmp (member, "seller_id"))
    return w.b_id[K_SELLER];
  if (0 == strncmp (member, "contact_id", 10)
      || 0 == strcmp (member, "transcript"))
    return w.b_id[K_CONTACT];
  if (0 == strcmp (member, "account_id"))
    return w.b_id[K_ACCOUNT];
  cr_assert_fail ("no kind for member %s", member);
  return NULL;
}

/** Expects @a theirs to be a 404 or a 422 naming @a field, and the same
    as @a never. */
static void
expect_refused (const char *what, const char *field,
                const struct th_resp *theirs, const struct th_resp *never)
{
  expect_same (what, theirs, never);
  cr_expect (404 == theirs->status || 422 == theirs->status,
             "%s: %ld, not 404 or 422: %s", what, theirs->status,
             theirs->body);
  if (422 == theirs->status)
    cr_expect (th_has_error (theirs, field), "%s: no error at %s: %s", what,
               field, theirs->body);
  expect_nothing_of_b (what, theirs->body);
}

/** P_REFS: B's ids in each reference member of the body. */
static void
probe_refs (const struct http_route_info *ri, const struct row *row)
{
  char *path = rp_path_with (ri->path,
                             NULL != strstr (ri->path, "{id}")
                               ? w.a_id[row->kind]
                             : 0 == strcmp (ri->method, "PATCH")
                               ? w.a_xid[row->kind] /* A's own record */
                               : "matrix-ref-xid");
  char *body = body_for_a (row);

  for (const char *p = row->refs; *p; p += strspn (p, " "))
  {
    char member[32];
    size_t len = strcspn (p, " ");
    json_t *jt = json_loads (body, 0, NULL);
    json_t *jn = json_loads (body, 0, NULL);
    char *bt, *bn;
    struct th_resp rt, rn;
    const char *what;

    snprintf (member, sizeof (member), "%.*s", (int) len, p);
    p += len;
    json_object_set_new (jt, member, ref_value (member, b_id_for (member)));
    json_object_set_new (jn, member, ref_value (member, NEVER));
    bt = json_dumps (jt, JSON_COMPACT);
    bn = json_dumps (jn, JSON_COMPACT);
    as_a (ri->method, path, bt, NULL, &rt);
    as_a (ri->method, path, bn, NULL, &rn);
    n_requests += 2;
    n_probes++;
    what = th_fmt ("%s %s with B's id in %s", ri->method, ri->path, member);
    expect_refused (what, th_fmt ("/%s", ref_field (member)), &rt, &rn);
    th_resp_free (&rt);
    th_resp_free (&rn);
    free (bt);
    free (bn);
    json_decref (jt);
    json_decref (jn);
  }
  free (path);
  free (body);
}

/** P_ETAG: If-Match with B's record's ETag changes nothing of B's. */
static void
probe_etag (const struct http_route_info *ri, const struct row *row)
{
  char *theirs = rp_path_with (ri->path, w.b_id[row->kind]);
  char *never = rp_path_with (ri->path, NEVER);
  char *body = body_for_a (row);
  struct th_resp r;
  char *etag, ifm[96];

  th_request ("GET", theirs, w.b.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "B reads %s: %s", theirs, r.body);
  etag = th_header (&r, "ETag");
  cr_assert_not_null (etag, "no ETag on %s", theirs);
  snprintf (ifm, sizeof (ifm), "If-Match: %s", etag);
  th_resp_free (&r);
  same_as_never (th_fmt ("%s %s with B's If-Match %s", ri->method, ri->path,
                         etag),
                 ri->method, theirs, never, body, ifm, 404);
  free (etag);
  free (theirs);
  free (never);
  free (body);
}

/* ------------------------------------------------------------ batch -- */

/** One batch of one item, as JSON text (new). */
static char *
batch_of (json_t *item)
{
  json_t *b = json_pack ("{s:[O]}", "items", item);
  char *s = json_dumps (b, JSON_COMPACT);

  json_decref (b);
  return s;
}

/** POSTs the item with B's id at @a member (in the item, or in its data
    when @a in_data) and with a never-existing id; expects a refusal. */
static void
batch_probe (const json_t *item, const char *member, bool in_data)
{
  json_t *it = json_deep_copy (item), *in = json_deep_copy (item);
  json_t *ot = in_data ? json_object_get (it, "data") : it;
  json_t *on = in_data ? json_object_get (in, "data") : in;
  char *bt, *bn;
  struct th_resp rt, rn;
  const char *what;

  json_object_set_new (ot, member, ref_value (member, b_id_for (member)));
  json_object_set_new (on, member, ref_value (member, NEVER));
  bt = batch_of (it);
  bn = batch_of (in);
  as_a ("POST", "/v1/batch", bt, NULL, &rt);
  as_a ("POST", "/v1/batch", bn, NULL, &rn);
  n_requests += 2;
  n_probes++;
  what = th_fmt ("POST /v1/batch %s", bt);
  expect_refused (what,
                  th_fmt ("/items/0/%s%s", in_data ? "data/" : "",
                          ref_field (member)),
                  &rt, &rn);
  th_resp_free (&rt);
  th_resp_free (&rn);
  free (bt);
  free (bn);
  json_decref (it);
  json_decref (in);
}

/* ------------------------------------------------------------ lists -- */

/** The kind of a resource's records (NULL: not a table-driven one, the
    kind of @a path's). */
static enum kind
kind_of (const struct resource *res, const char *path)
{
  static const struct
  {
    const char *name;
    enum kind kind;
  } kinds[] = {
    { "accounts", K_ACCOUNT },  { "sellers", K_SELLER },
    { "contacts", K_CONTACT },  { "calls", K_CALL },
    { "report_cards", K_CARD }, { "commitments", K_COMMITMENT },
  };

  if (NULL == res)
    return NULL != strstr (path, "/webhooks") ? K_WEBHOOK : K_KEY;
  for (size_t i = 0; i < sizeof (kinds) / sizeof (kinds[0]); i++)
    if (0 == strcmp (kinds[i].name, res->name))
      return kinds[i].kind;
  cr_assert_fail ("resource %s has no kind in the matrix", res->name);
  return K_NONE;
}

/** Lists @a path as A on pages of one and of 200: A's own row is there,
    nothing of B is. */
static void
list_clean (const char *path, enum kind kind, bool expect_mine)
{
  char ids[256][64];
  size_t n = th_walk (w.a.key, path, 1, ids, 256);
  bool mine = false;
  struct th_resp r;

  n_requests += (unsigned int) n + 1;
  for (size_t i = 0; i < n && i < 256; i++)
  {
    expect_nothing_of_b (th_fmt ("GET %s (page %zu)", path, i + 1), ids[i]);
    mine |= 0 == strcmp (ids[i], w.a_id[kind]);
  }
  if (expect_mine)
    cr_expect (mine, "GET %s does not list A's own %s", path, w.a_id[kind]);
  th_request ("GET",
              th_fmt ("%s%slimit=200", path,
                      NULL != strchr (path, '?') ? "&" : "?"),
              w.a.key, NULL, NULL, &r);
  n_requests++;
  n_probes++;
  cr_expect_eq (200, r.status, "GET %s: %s", path, r.body);
  expect_nothing_of_b (th_fmt ("GET %s", path), r.body);
  th_resp_free (&r);
}

/** B's cursor for @a bs (with @a query) is refused for A's @a mine. */
static void
cursor_refused (const char *mine, const char *bs, const char *query)
{
  struct th_resp r;
  const char *next;
  char cursor[512];
  const char *sep = '\0' == query[0] ? "" : "&";

  th_request ("GET", th_fmt ("%s?%s%slimit=1", bs, query, sep), w.b.key, NULL,
              NULL, &r);
  cr_assert_eq (200, r.status, "B lists %s: %s", bs, r.body);
  next = json_string_value (json_object_get (r.json, "next_cursor"));
  cr_assert_not_null (next, "B's %s?%s has one page only", bs, query);
  snprintf (cursor, sizeof (cursor), "%s", next);
  th_resp_free (&r);
  th_request ("GET",
              th_fmt ("%s?%s%slimit=1&cursor=%s", mine, query, sep, cursor),
              w.a.key, NULL, NULL, &r);
  n_requests += 2;
  n_probes++;
  th_assert_problem (&r, 400);
  cr_expect (th_has_error (&r, "cursor"), "GET %s with B's cursor: %s", mine,
             r.body);
  expect_nothing_of_b (th_fmt ("GET %s with B's cursor", mine), r.body);
  th_resp_free (&r);
}

/** P_LIST: every filter of the collection, on every page. */
static void
probe_list (const struct http_route_info *ri)
{
  const struct resource *res = rp_resource_of (ri->path);
  enum kind kind = kind_of (res, ri->path);
  char *mine = rp_path_with (ri->path, w.a_id[K_ACCOUNT]);
  char *bs = rp_path_with (ri->path, w.b_id[K_ACCOUNT]);

  list_clean (mine, kind, true);
  cursor_refused (mine, bs, "");
  for (unsigned int i = 0; NULL != res && i < res->n_filters; i++)
  {
    const struct res_filter *f = &res->filters[i];
    const char *param = f->param;

    switch (f->spec.type)
    {
    case JSPEC_TIMESTAMP:
    {
      const char *v = RES_LT == f->op ? "2100-01-01T00:00:00Z"
                                      : "2000-01-01T00:00:00Z";
      const char *q = th_fmt ("%s=%s", param, v);

      list_clean (th_fmt ("%s?%s", mine, q), kind, true);
      cursor_refused (mine, bs, q);
      break;
    }
    case JSPEC_UUID:
    {
      char theirs[256], never[256];

      snprintf (theirs, sizeof (theirs), "%s?%s=%s", mine, param,
                b_id_for (param));
      snprintf (never, sizeof (never), "%s?%s=%s", mine, param, NEVER);
      list_clean (theirs, kind, false);
      same_as_never (th_fmt ("GET %s?%s=<B's id>", ri->path, param), "GET",
                     theirs, never, NULL, NULL, 200);
      break;
    }
    case JSPEC_ENUM:
      for (const char *const *c = f->spec.choices; NULL != *c; c++)
        list_clean (th_fmt ("%s?%s=%s", mine, param, *c), kind, false);
      break;
    default:
    {
      static const char *const texts[] = { MARK, "Z", "%25", "_", "B" };

      for (size_t k = 0; k < sizeof (texts) / sizeof (texts[0]); k++)
        list_clean (th_fmt ("%s?%s=%s", mine, param, texts[k]), kind, false);
      break;
    }
    }
  }
  free (mine);
  free (bs);
}

/* ------------------------------------------------------ idempotency -- */

/** The id a create answered (a batch: its first item's). */
static const char *
created_id (const struct th_resp *r)
{
  json_t *data = json_object_get (r->json, "data");

  if (json_is_array (data))
    return json_string_value (
      json_object_get (json_array_get (data, 0), "id"));
  return json_string_value (json_object_get (r->json, "id"));
}

/** P_IDEM: B's Idempotency-Key reused by A with the same body. */
static void
probe_idem (const struct http_route_info *ri, const struct row *row,
            unsigned int n)
{
  char *mine = rp_path_with (ri->path, w.a_id[K_ACCOUNT]);
  char *bs = rp_path_with (ri->path, w.b_id[K_ACCOUNT]);
  char key[80], b_id[64], a_id[64];
  const char *h[] = { "Content-Type: application/json", key, NULL };
  struct th_resp rb, ra;
  char *replayed, *location;
  const char *what = th_fmt ("%s %s", ri->method, ri->path);

  cr_assert_null (strstr (row->body, "$ACCT"), "%s: one body for both", what);
  snprintf (key, sizeof (key), "Idempotency-Key: matrix-%u", n);
  th_request (ri->method, bs, w.b.key, row->body, h, &rb);
  cr_assert (200 == rb.status || 201 == rb.status, "B: %s %s: %s", ri->method,
             bs, rb.body);
  snprintf (b_id, sizeof (b_id), "%s", created_id (&rb));
  th_request (ri->method, mine, w.a.key, row->body, h, &ra);
  n_requests += 2;
  n_probes++;
  cr_expect_eq (rb.status, ra.status, "%s with B's key: %ld: %s", what,
                ra.status, ra.body);
  replayed = th_header (&ra, "Idempotent-Replayed");
  cr_expect_null (replayed, "%s: A got B's response replayed", what);
  free (replayed);
  expect_nothing_of_b (what, ra.body);
  snprintf (a_id, sizeof (a_id), "%s",
            NULL != created_id (&ra) ? created_id (&ra) : "");
  cr_expect_str_neq (a_id, b_id, "%s: A was given B's record", what);
  location = th_header (&ra, "Location");
  if (NULL == location)
    location = strdup (th_fmt ("/v1/sellers/%s", a_id)); /* a batch */
  th_expect_status ("GET", location, w.a.key, NULL, 200);
  th_expect_status ("GET", location, w.b.key, NULL, 404);
  free (location);
  th_resp_free (&ra);
  th_resp_free (&rb);
  /* B's key still replays B's own first answer. */
  th_request (ri->method, bs, w.b.key, row->body, h, &rb);
  replayed = th_header (&rb, "Idempotent-Replayed");
  cr_expect_not_null (replayed, "%s: B's retry was not replayed", what);
  cr_expect_str_eq (created_id (&rb), b_id, "%s: B's replay changed", what);
  free (replayed);
  th_resp_free (&rb);
  free (mine);
  free (bs);
}

/* ------------------------- organization documents, keys, public ones -- */

static unsigned int b_writes;

/** B changes both of its organization documents. */
static void
b_writes_its_documents (void)
{
  b_writes++;
  th_expect_status ("PUT", "/v1/organization/values", w.b.key,
                    th_fmt ("{\"answers\":{\"" MARK " q%u\":\"" MARK "\"}}",
                            b_writes),
                    200);
  th_expect_status ("PUT", "/v1/organization/scoring-weights", w.b.key,
                    th_fmt ("{\"half_lives_days\":{\"orientation\":%u}}",
                            50 + b_writes),
                    200);
}

/** P_ORG: a GET is untouched by B's writes; a PUT leaves B's alone. */
static void
probe_org (const struct http_route_info *ri, const struct row *row)
{
  struct th_resp r1, r2;
  const char *what = th_fmt ("%s %s", ri->method, ri->path);

  if (0 == strcmp (ri->method, "GET"))
  {
    as_a ("GET", ri->path, NULL, NULL, &r1);
    b_writes_its_documents ();
    as_a ("GET", ri->path, NULL, NULL, &r2);
    cr_expect_eq (200, r1.status, "%s: %s", what, r1.body);
    expect_same (th_fmt ("%s after B wrote its own", what), &r2, &r1);
    expect_nothing_of_b (what, r2.body);
  }
  else
  {
    char *body = body_for_a (row);

    th_request ("GET", ri->path, w.b.key, NULL, NULL, &r1);
    th_expect_status (ri->method, ri->path, w.a.key, body, 200);
    th_request ("GET", ri->path, w.b.key, NULL, NULL, &r2);
    expect_same (th_fmt ("B's document after A's %s", what), &r2, &r1);
    free (body);
  }
  n_probes++;
  n_requests += 3;
  th_resp_free (&r1);
  th_resp_free (&r2);
}

/** P_KEYS: a key A creates is A's: B's keys stay, it sees nothing of B. */
static void
probe_keys (const struct http_route_info *ri, const struct row *row)
{
  struct th_resp b1, b2, r;
  char secret[128];
  char theirs[128];

  th_request ("GET", "/v1/api-keys", w.b.key, NULL, NULL, &b1);
  as_a (ri->method, ri->path, row->body, NULL, &r);
  cr_assert_eq (201, r.status, "%s %s: %s", ri->method, ri->path, r.body);
  snprintf (secret, sizeof (secret), "%s", th_str (&r, "secret"));
  th_resp_free (&r);
  th_request ("GET", "/v1/api-keys", w.b.key, NULL, NULL, &b2);
  expect_same ("B's keys after A made one", &b2, &b1);
  th_request ("GET", "/v1/accounts", secret, NULL, NULL, &r);
  cr_expect_eq (200, r.status, "%s", r.body);
  expect_nothing_of_b ("GET /v1/accounts with A's new key", r.body);
  th_resp_free (&r);
  snprintf (theirs, sizeof (theirs), "/v1/accounts/%s", w.b_id[K_ACCOUNT]);
  {
    struct th_resp rt, rn;

    th_request ("GET", theirs, secret, NULL, NULL, &rt);
    th_request ("GET", "/v1/accounts/" NEVER, secret, NULL, NULL, &rn);
    expect_same ("GET B's account with A's new key", &rt, &rn);
    th_resp_free (&rt);
    th_resp_free (&rn);
  }
  n_probes++;
  n_requests += 6;
  th_resp_free (&b1);
  th_resp_free (&b2);
}

/** P_HOOKS: an endpoint A registers is A's: B's stay as they were, and B
    cannot read it. */
static void
probe_hooks (const struct http_route_info *ri, const struct row *row)
{
  struct th_resp b1, b2, r;
  char id[64];

  th_request ("GET", "/v1/webhooks", w.b.key, NULL, NULL, &b1);
  as_a (ri->method, ri->path, row->body, NULL, &r);
  cr_assert_eq (201, r.status, "%s %s: %s", ri->method, ri->path, r.body);
  expect_nothing_of_b ("POST /v1/webhooks", r.body);
  snprintf (id, sizeof (id), "%s", th_str (&r, "id"));
  th_resp_free (&r);
  th_request ("GET", "/v1/webhooks", w.b.key, NULL, NULL, &b2);
  expect_same ("B's webhooks after A registered one", &b2, &b1);
  th_expect_status ("GET", th_fmt ("/v1/webhooks/%s", id), w.b.key, NULL, 404);
  th_expect_status ("GET", th_fmt ("/v1/webhooks/%s/deliveries", id), w.b.key,
                    NULL, 404);
  th_expect_status ("DELETE", th_fmt ("/v1/webhooks/%s", id), w.a.key, NULL,
                    204);
  n_probes++;
  n_requests += 6;
  th_resp_free (&b1);
  th_resp_free (&b2);
}

/** P_PUBLIC: answers without a key, and nothing of B in them. */
static void
probe_public (const struct http_route_info *ri)
{
  struct th_resp r;

  th_request (ri->method, ri->path, NULL, NULL, NULL, &r);
  cr_expect_eq (200, r.status, "%s %s: %ld", ri->method, ri->path, r.status);
  expect_nothing_of_b (th_fmt ("%s %s", ri->method, ri->path), r.body);
  th_resp_free (&r);
  n_probes++;
  n_requests++;
}

/**
 * P_FEED: A's ranking or feed shows nothing of B's, before and after B
 * writes, and refuses B's cursor (its parameter is the row's refs).
 */
static void
probe_feed (const struct http_route_info *ri, const struct row *row)
{
  const char *what = th_fmt ("GET %s", ri->path);
  char cursor[512];
  struct th_resp r;

  for (int round = 0; round < 2; round++)
  {
    as_a ("GET", ri->path, NULL, NULL, &r);
    cr_expect_eq (200, r.status, "%s: %s", what, r.body);
    expect_nothing_of_b (what, r.body);
    th_resp_free (&r);
    if (0 == round)
      b_writes_its_documents ();
  }
  th_request ("GET", th_fmt ("%s?limit=1", ri->path), w.b.key, NULL, NULL, &r);
  cr_assert_eq (200, r.status, "B: %s: %s", what, r.body);
  cr_assert (json_is_string (json_object_get (r.json, "next_cursor")),
             "B's %s has one page only: %s", what, r.body);
  snprintf (cursor, sizeof (cursor), "%s",
            json_string_value (json_object_get (r.json, "next_cursor")));
  th_resp_free (&r);
  as_a ("GET", th_fmt ("%s?%s=%s", ri->path, row->refs, cursor), NULL, NULL,
        &r);
  th_assert_problem (&r, 400);
  cr_expect (th_has_error (&r, row->refs), "%s with B's cursor: %s", what,
             r.body);
  expect_nothing_of_b (th_fmt ("%s with B's cursor", what), r.body);
  th_resp_free (&r);
  n_probes++;
  n_requests += 4;
}

/* ------------------------------------------------------------ tests -- */

/** Runs the probes of @a row that @a probes names on route number @a i. */
static void
run_probes (const struct http_route_info *ri, const struct row *row,
            unsigned int probes, unsigned int i)
{
  unsigned int p = row->probes & probes;

  if (0 != (p & P_PATH))
    probe_path (ri, row);
  if (0 != (p & P_XID))
    probe_xid (ri, row);
  if (0 != (p & P_REFS))
    probe_refs (ri, row);
  if (0 != (p & P_ETAG))
    probe_etag (ri, row);
  if (0 != (p & P_LIST))
    probe_list (ri);
  if (0 != (p & P_IDEM))
    probe_idem (ri, row, i);
  if (0 != (p & P_ORG))
    probe_org (ri, row);
  if (0 != (p & P_KEYS))
    probe_keys (ri, row);
  if (0 != (p & P_HOOKS))
    probe_hooks (ri, row);
  if (0 != (p & P_PUBLIC))
    probe_public (ri);
  if (0 != (p & P_FEED))
    probe_feed (ri, row);
  /* P_BATCH: the batch test probes every resource's items itself. */
}

/**
 * Runs the @a probes of every route of the router whose row has any of
 * them, in the router's order; with @a unchanged, expects each route's
 * probes to have written nothing in A or B.
 *
 * @return how many routes
 */
static unsigned int
walk (unsigned int probes, bool unchanged)
{
  struct both world = { NULL, NULL };
  unsigned int routes = 0;

  if (unchanged)
    world_take (&world);
  for (unsigned int i = 0; i < http_route_count (); i++)
  {
    struct http_route_info ri;
    const struct row *row;

    http_route_describe (i, &ri);
    row = row_of (&ri);
    if (NULL == row || 0 == (row->probes & probes))
      continue;
    routes++;
    run_probes (&ri, row, probes, i);
    if (unchanged)
      world_unchanged (th_fmt ("%s %s", ri.method, ri.path), &world);
  }
  free (world.a);
  free (world.b);
  return routes;
}

Test (matrix, bs_ids_in_paths_and_bodies_are_never_existing_ones)
{
  unsigned int routes = walk (P_PATH | P_XID | P_REFS | P_ETAG, true);

  cr_log_info ("paths and bodies: %u routes, %u probes, %u requests "
               "compared",
               routes, n_probes, n_requests);
}

Test (matrix, bs_ids_in_batch_items_are_never_existing_ones)
{
  unsigned int n;
  struct resource *const *all;
  struct both world;
  bool routed;

  routed = walk (P_BATCH, false) > 0;
  cr_assert (routed, "no route of the router is probed as a batch");
  all = resources_table (&n);
  world_take (&world);
  for (unsigned int i = 0; i < n; i++)
  {
    const struct resource *r = all[i];
    const char *data = NULL;

    for (size_t k = 0; k < sizeof (batch_data) / sizeof (batch_data[0]); k++)
      if (0 == strcmp (batch_data[k].resource, r->name))
        data = batch_data[k].data;
    if (NULL == data)
      continue; /* the coverage test fails for it */
    for (int upsert = 0; upsert <= (r->external_id ? 1 : 0); upsert++)
    {
      json_t *item = json_pack ("{s:s, s:s, s:o}", "op",
                                upsert ? "upsert" : "create", "resource",
                                r->name, "data", json_loads (data, 0, NULL));

      if (upsert)
        json_object_set_new (json_object_get (item, "data"), "external_id",
                             json_string ("matrix-batch-xid"));
      if (r->under_account)
      {
        json_object_set_new (item, "account_id",
                             json_string (w.a_id[K_ACCOUNT]));
        batch_probe (item, "account_id", false);
      }
      for (unsigned int c = 0; c < r->n_columns; c++)
        if (RES_REF_NONE != r->columns[c].ref)
          batch_probe (item, r->columns[c].spec.name, true);
      json_decref (item);
    }
    world_unchanged (th_fmt ("POST /v1/batch of %s", r->name), &world);
  }
  cr_log_info ("batch: %u items probed, %u requests compared", n_probes,
               n_requests);
  free (world.a);
  free (world.b);
}

Test (matrix, as_collections_never_show_bs_rows_nor_take_bs_cursors)
{
  unsigned int routes = walk (P_LIST, false);

  cr_log_info ("collections: %u routes, %u listings, %u requests", routes,
               n_probes, n_requests);
}

Test (matrix, an_idempotency_key_b_used_makes_as_own_record)
{
  cr_log_info ("idempotency: %u routes", walk (P_IDEM, false));
}

Test (matrix, organization_documents_keys_and_public_routes)
{
  unsigned int routes = walk (P_ORG | P_KEYS | P_HOOKS | P_PUBLIC | P_FEED,
                              false);

  cr_log_info ("organization, keys, public: %u routes, %u probes", routes,
               n_probes);
}
