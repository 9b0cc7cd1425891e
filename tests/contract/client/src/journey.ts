// An integrator's day against Rapport, written only with the client that
// openapi-typescript (default options) and openapi-fetch generate from
// openapi/openapi.yaml: no cast, no `any`, no `@ts-expect-error`; tsc
// --strict compiles it and run.sh runs it against the test service. Each
// step checks what a user would notice and throws when it is not so.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Call = components["schemas"]["Call"];
type BatchItem = components["schemas"]["BatchItem"];

const baseUrl = process.env.RAPPORT_URL;
const key = process.env.RAPPORT_API_KEY;
if (baseUrl === undefined || key === undefined) {
  throw new Error("RAPPORT_URL and RAPPORT_API_KEY must be set");
}
const rapport = createClient<paths>({
  baseUrl,
  headers: { Authorization: `Bearer ${key}` },
});
const run = Date.now().toString(36);

function expect(ok: boolean, what: string): void {
  if (!ok) {
    throw new Error(`not so: ${what}`);
  }
  console.log(`ok    ${what}`);
}

// Create every resource.
const seller = await rapport.POST("/v1/sellers", {
  body: { name: "Dana Whitfield", external_id: `ts-seller-${run}` },
});
if (seller.data === undefined) throw new Error("seller not created");
const sellerId: string = seller.data.id;
expect(seller.response.status === 201, "a seller is created (201)");

const account = await rapport.POST("/v1/accounts", {
  params: { header: { "Idempotency-Key": `ts-account-${run}` } },
  body: {
    name: "Typed Traders",
    stage: "customer",
    owner_id: sellerId,
    annual_value: 90000,
    currency: "EUR",
    external_id: `ts-account-${run}`,
  },
});
if (account.data === undefined) throw new Error("account not created");
const accountId: string = account.data.id;
const firstVersion: number = account.data.version;
expect(account.response.headers.get("ETag") === `"${firstVersion}"`,
  "the account's ETag is its version");

const contact = await rapport.POST("/v1/accounts/{id}/contacts", {
  params: { path: { id: accountId } },
  body: { name: "Priya Raman", role: "decision_maker", influence: 0.9 },
});
if (contact.data === undefined) throw new Error("contact not created");
const contactId: string = contact.data.id;

const call = await rapport.POST("/v1/accounts/{id}/calls", {
  params: { path: { id: accountId } },
  body: {
    occurred_at: new Date(Date.now() - 5 * 86400000).toISOString(),
    seller_id: sellerId,
    contact_ids: [contactId],
    channel: "video",
    kind: "discovery",
    notes: "Priya wants the uptime guarantee in writing and two references "
      + "before she signs; pilot one site first.",
    transcript: [
      { speaker: "Priya Raman", role: "buyer", contact_id: contactId,
        text: "What happens if the pilot slips? I need that in the contract." },
      { speaker: "Dana Whitfield", role: "seller",
        text: "What would a good pilot look like for your team?" },
    ],
  },
});
if (call.data === undefined) throw new Error("call not created");
const created: Call = call.data;
expect(created.transcript !== null && created.transcript.length === 2,
  "a call keeps its transcript");

const card = await rapport.POST("/v1/accounts/{id}/report-cards", {
  params: { path: { id: accountId } },
  body: {
    received_at: new Date().toISOString(),
    contact_id: contactId,
    ratings: { overall: 4, promises_kept: 5 },
    recommend_score: 8,
    external_id: `ts-card-${run}`,
  },
});
expect(card.response.status === 201, "a report card is created");

const pledge = await rapport.POST("/v1/accounts/{id}/commitments", {
  params: { path: { id: accountId } },
  body: {
    description: "Send the signed SLA",
    made_at: new Date().toISOString(),
    external_id: `ts-pledge-${run}`,
  },
});
expect(pledge.response.status === 201, "a commitment is created");

const values = await rapport.PUT("/v1/accounts/{id}/values", {
  params: { path: { id: accountId } },
  body: { answers: { "What matters?": "Equipment that never lets us down." } },
});
expect(values.response.status === 200, "the account's values are stored");

const dashboardKey = await rapport.POST("/v1/api-keys", {
  body: { name: "dashboard", scope: "read" },
});
expect(dashboardKey.data !== undefined && dashboardKey.data.secret.startsWith("rk_live_"),
  "an API key is created, its secret shown once");
const hook = await rapport.POST("/v1/webhooks", {
  body: { url: "https://crm.example.com/rapport/events",
          event_types: ["account.risk_level_changed"] },
});
expect(hook.data !== undefined && hook.data.secret.startsWith("whsec_"),
  "a webhook endpoint is registered, its signing secret shown once");

// Import history through /v1/batch, twice: the second changes nothing.
const items: BatchItem[] = [
  { op: "upsert", resource: "accounts",
    data: { name: "Batch Imports Ltd", external_id: `ts-batch-account-${run}` } },
  { op: "upsert", resource: "sellers",
    data: { name: "Sam Reyes", external_id: `ts-sam-${run}` } },
  { op: "upsert", resource: "calls", account_id: accountId,
    data: { occurred_at: "2026-01-10T10:00:00Z", external_id: `ts-call-${run}`,
            notes: "Asked for a better price; a rival quoted 10% less." } },
  { op: "upsert", resource: "report-cards", account_id: accountId,
    data: { received_at: "2026-01-11T10:00:00Z", ratings: { overall: 3 },
            external_id: `ts-card-${run}` } },
];
for (let round = 0; round < 2; round++) {
  const batch = await rapport.POST("/v1/batch", { body: { items } });
  if (batch.data === undefined) throw new Error("batch refused");
  expect(batch.data.data.length === items.length,
    `batch round ${round + 1}: one result per item`);
}
const calls = await rapport.GET("/v1/accounts/{id}/calls", {
  params: { path: { id: accountId }, query: { limit: 100 } },
});
expect(calls.data !== undefined && calls.data.data.length === 2,
  "a re-sent batch duplicates nothing (2 calls)");

// Upsert and patch by external id.
const put = await rapport.PUT("/v1/accounts/by-external-id/{external_id}", {
  params: { path: { external_id: `ts-account-${run}` } },
  body: { name: "Typed Traders GmbH", stage: "customer", owner_id: sellerId },
});
expect(put.response.status === 200 && put.data?.id === accountId,
  "PUT by external id updates the same account");
const patched = await rapport.PATCH(
  "/v1/accounts/by-external-id/{external_id}", {
    params: { path: { external_id: `ts-account-${run}` } },
    body: { industry: "Wholesale" },
  });
expect(patched.data?.name === "Typed Traders GmbH"
  && patched.data.industry === "Wholesale",
  "PATCH by external id changes only what it sends");

// Page a collection.
async function nextPage(after: string | null): Promise<string | null> {
  const page = await rapport.GET("/v1/accounts", {
    params: { query: after === null ? { limit: 1 } : { limit: 1, cursor: after } },
  });
  if (page.data === undefined) throw new Error("listing failed");
  return page.data.next_cursor;
}
let cursor: string | null = await nextPage(null);
let pages = 1;
while (cursor !== null && pages < 50) {
  cursor = await nextPage(cursor);
  pages++;
}
expect(pages >= 2 && cursor === null, `paged through ${pages} pages`);

// A 422 names every bad field.
const bad = await rapport.POST("/v1/accounts", {
  body: { name: "", annual_value: -1 },
});
const fields: string[] = bad.error !== undefined && "errors" in bad.error
  ? bad.error.errors.map((e) => e.field) : [];
expect(bad.response.status === 422 && fields.includes("/name")
  && fields.includes("/annual_value"), "a 422 lists /name and /annual_value");

// A 412 when the ETag is stale.
const stale = await rapport.PATCH("/v1/accounts/{id}", {
  params: { path: { id: accountId }, header: { "If-Match": `"${firstVersion}"` } },
  body: { stage: "former" },
});
expect(stale.response.status === 412 && stale.error?.code === "precondition-failed",
  "a stale If-Match is a 412");

// The three assessments.
const buyer = await rapport.GET("/v1/contacts/{id}/assessment", {
  params: { path: { id: contactId } },
});
expect(buyer.data !== undefined && buyer.data.orientation.scores.security > 0,
  `the contact's orientation reads (primary: ${buyer.data?.orientation.primary ?? "none"})`);
const assessed = await rapport.GET("/v1/accounts/{id}/assessment", {
  params: { path: { id: accountId }, query: { include: "buyer_risk,pillars" } },
});
expect(assessed.data !== undefined && assessed.data.buyer_risk !== undefined
  && assessed.data.buyer_risk !== null,
  `the account's risk reads (${assessed.data?.buyer_risk?.level ?? "?"})`);
const approach = await rapport.GET("/v1/sellers/{id}/assessment", {
  params: { path: { id: sellerId } },
});
expect(approach.data !== undefined && typeof approach.data.score === "number",
  `the seller's approach reads (${approach.data?.approach ?? "?"})`);
