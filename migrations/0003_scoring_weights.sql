-- An organization's overrides of the scoring model's weights, validated
-- against the model by the service before they are stored.
CREATE TABLE organization_scoring_weights (
  org_id      uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  weights     jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE organization_scoring_weights ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization_scoring_weights FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organization_scoring_weights
  USING (org_id = rapport_current_org())
  WITH CHECK (org_id = rapport_current_org());
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON organization_scoring_weights
      TO rapport_app;
  END IF;
END
$$;
