-- Why: the citizen rates each result (satisfaction, Decision 766 indicator 5.4) and can report a problem (phản ánh kiến nghị) from the portal.
CREATE TABLE dossier_ratings (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers (id),
  account_id uuid NOT NULL REFERENCES accounts (id),
  is_satisfied boolean NOT NULL,
  comment text,
  -- Copied from the dossier so satisfaction reports group by unit without touching the dossiers table.
  receiving_agency_id text NOT NULL REFERENCES agencies (id),
  receiving_unit_id integer REFERENCES units (id),
  rated_at timestamptz NOT NULL
);
CREATE INDEX dossier_ratings_agency_idx ON dossier_ratings (receiving_agency_id, rated_at);

-- Problems reported from the portal; the feedback module (ROADMAP) will add its own workflow and deadlines on top.
CREATE TABLE feedback_reports (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  account_id uuid REFERENCES accounts (id),
  dossier_code text,
  category text NOT NULL CHECK (category IN ('dossier', 'portal', 'conduct', 'other')),
  message text NOT NULL,
  contact_name text,
  contact_phone text,
  contact_email text,
  status text NOT NULL DEFAULT 'received',
  received_at timestamptz NOT NULL
);
CREATE INDEX feedback_reports_received_idx ON feedback_reports (received_at);
