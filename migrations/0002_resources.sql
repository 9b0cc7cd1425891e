-- Rapport schema, part 2: every resource of the brief.
--
-- Every table leads its key with org_id and every foreign key includes it.
-- Deleting an account cascades to its contacts, calls, report cards,
-- commitments and values.  Deleting a seller or a contact keeps the
-- history that names them: the reference becomes NULL (PostgreSQL 15's
-- SET NULL (column) leaves org_id alone), and a deleted contact is taken
-- out of every call's contact_ids.

CREATE TABLE sellers (
  org_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  email        text CHECK (char_length(email) <= 320),
  external_id  text CHECK (char_length(external_id) BETWEEN 1 AND 255),
  "values"     jsonb,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id)
);
CREATE INDEX sellers_page ON sellers (org_id, created_at DESC, id DESC);

-- Accounts from before this migration may name owners that are not
-- sellers; NOT VALID checks every new and changed row.
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk
  FOREIGN KEY (org_id, owner_id) REFERENCES sellers (org_id, id)
  ON DELETE SET NULL (owner_id) NOT VALID;

CREATE TABLE contacts (
  org_id       uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id   uuid NOT NULL,
  name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  title        text CHECK (char_length(title) <= 200),
  email        text CHECK (char_length(email) <= 320),
  role         text CHECK (role IN ('decision_maker', 'influencer', 'champion',
                                    'end_user', 'gatekeeper', 'procurement')),
  influence    double precision NOT NULL DEFAULT 0.5
                 CHECK (influence BETWEEN 0 AND 1),
  external_id  text CHECK (char_length(external_id) BETWEEN 1 AND 255),
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, account_id, id),
  UNIQUE (org_id, external_id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE
);
CREATE INDEX contacts_page ON contacts (org_id, account_id, created_at DESC, id DESC);

CREATE TABLE calls (
  org_id             uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id         uuid NOT NULL,
  occurred_at        timestamptz NOT NULL,
  seller_id          uuid,
  contact_ids        uuid[] NOT NULL DEFAULT '{}',
  channel            text CHECK (channel IN ('in_person', 'video', 'phone',
                                             'email', 'chat', 'event')),
  kind               text CHECK (kind IN ('cold_call', 'discovery', 'follow_up',
                                          'demo', 'negotiation', 'service',
                                          'review', 'social')),
  duration_minutes   integer CHECK (duration_minutes BETWEEN 0 AND 1440),
  seller_talk_ratio  double precision CHECK (seller_talk_ratio BETWEEN 0 AND 1),
  questions_asked    integer CHECK (questions_asked >= 0),
  topics             text[] NOT NULL DEFAULT '{}',
  signals            text[] NOT NULL DEFAULT '{}',
  notes              text CHECK (char_length(notes) <= 20000),
  next_step          text CHECK (char_length(next_step) <= 2000),
  next_step_agreed   boolean,
  external_id        text CHECK (char_length(external_id) BETWEEN 1 AND 255),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id)
    ON DELETE SET NULL (seller_id)
);
CREATE INDEX calls_page ON calls (org_id, account_id, occurred_at DESC, id DESC);
CREATE INDEX calls_seller ON calls (org_id, seller_id, occurred_at DESC);

CREATE TABLE report_cards (
  org_id                  uuid NOT NULL,
  id                      uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id              uuid NOT NULL,
  received_at             timestamptz NOT NULL,
  contact_id              uuid,
  seller_id               uuid,
  ratings                 jsonb NOT NULL,
  recommend_score         integer CHECK (recommend_score BETWEEN 0 AND 10),
  comments                text CHECK (char_length(comments) <= 20000),
  improvements_requested  text[] NOT NULL DEFAULT '{}',
  follow_up_done          boolean,
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (org_id, account_id, contact_id)
    REFERENCES contacts (org_id, account_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id)
    ON DELETE SET NULL (seller_id)
);
CREATE INDEX report_cards_page ON report_cards (org_id, account_id, received_at DESC, id DESC);
CREATE INDEX report_cards_seller ON report_cards (org_id, seller_id);

CREATE TABLE commitments (
  org_id       uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id   uuid NOT NULL,
  description  text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
  made_at      timestamptz NOT NULL,
  due_date     date,
  status       text NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open', 'kept', 'broken')),
  resolved_at  timestamptz,
  seller_id    uuid,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (org_id, seller_id) REFERENCES sellers (org_id, id)
    ON DELETE SET NULL (seller_id)
);
CREATE INDEX commitments_page ON commitments (org_id, account_id, made_at DESC, id DESC);

-- Value-discovery answers: an account's, and the organization's own.
CREATE TABLE account_values (
  org_id      uuid NOT NULL,
  account_id  uuid NOT NULL,
  "values"    jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, account_id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts (org_id, id)
    ON DELETE CASCADE
);
CREATE TABLE organization_values (
  org_id      uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  "values"    jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- A deleted contact leaves the calls it took part in.  When the whole
-- account goes, its calls go too and there is nothing to update.
CREATE FUNCTION rapport_contact_deleted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts
                  WHERE org_id = OLD.org_id AND id = OLD.account_id) THEN
    RETURN OLD;
  END IF;
  UPDATE calls SET contact_ids = array_remove(contact_ids, OLD.id),
                   version = version + 1, updated_at = clock_timestamp()
   WHERE org_id = OLD.org_id AND account_id = OLD.account_id
     AND contact_ids @> ARRAY[OLD.id];
  RETURN OLD;
END
$$;
CREATE TRIGGER contacts_deleted AFTER DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION rapport_contact_deleted();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sellers', 'contacts', 'calls', 'report_cards',
                           'commitments', 'account_values',
                           'organization_values'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = rapport_current_org())'
                   ' WITH CHECK (org_id = rapport_current_org())', t);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO rapport_app', t);
    END IF;
  END LOOP;
END
$$;
