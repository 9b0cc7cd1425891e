-- Rapport schema, part 10: GET /v1/calls lists an organization's calls
-- across its accounts (issue 14: a seller's activity, newest first, with
-- the same filters and keyset pages as an account's calls).  Its pages
-- walk (occurred_at, id) downwards within the organization; calls_page
-- (part 2) leads with account_id and cannot serve them, so this index
-- does.  A seller_id filter uses calls_seller (part 2).

CREATE INDEX calls_org_page ON calls (org_id, occurred_at DESC, id DESC);
