-- Rapport schema, part 11: report cards and commitments get the client's
-- own id too (issue 14), as accounts, sellers, contacts and calls have
-- since part 2: a sync that sends the same survey answers or promises
-- twice, by PUT or batch upsert by external id, updates one record instead
-- of creating two.  Unique per organization, like the others; NULL (most
-- existing rows) never collides.

ALTER TABLE report_cards
  ADD COLUMN external_id text
    CHECK (char_length(external_id) BETWEEN 1 AND 255),
  ADD CONSTRAINT report_cards_org_id_external_id_key
    UNIQUE (org_id, external_id);

ALTER TABLE commitments
  ADD COLUMN external_id text
    CHECK (char_length(external_id) BETWEEN 1 AND 255),
  ADD CONSTRAINT commitments_org_id_external_id_key
    UNIQUE (org_id, external_id);
