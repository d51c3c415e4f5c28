-- Why: a dossier, its journal, its files and its per-agency-per-day code counter must commit together or not at all (DOMAIN §3; Decree 61/2018 Art. 26).
CREATE TABLE dossiers (
  id uuid PRIMARY KEY,
  -- {receiving agency identifier}-{yyMMdd}-{NNNN}; null until accepted (Circular 01/2018 Art. 19).
  code text UNIQUE,
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  version integer NOT NULL DEFAULT 1,
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  procedure_version_id integer NOT NULL REFERENCES procedure_versions (id),
  procedure_code text NOT NULL,
  receiving_agency_id text NOT NULL REFERENCES agencies (id),
  receiving_unit_id integer REFERENCES units (id),
  -- Where the dossier is now (the agency of the current step, or the receiving desk).
  handling_agency_id text NOT NULL REFERENCES agencies (id),
  applicant_account_id uuid REFERENCES accounts (id),
  applicant jsonb NOT NULL,
  owner_type text NOT NULL CHECK (owner_type IN ('citizen', 'business', 'state_agency', 'organisation', 'other')),
  owner jsonb NOT NULL,
  eform_data jsonb NOT NULL,
  result_delivery text NOT NULL CHECK (result_delivery IN ('counter', 'post', 'online')),
  delivery_address text,
  -- Last four digits of the applicant's ID number and phone: the public tracking check (no full data needed).
  check_id4 text,
  check_phone4 text,
  submitted_at timestamptz NOT NULL,
  accepted_at timestamptz,
  starts_at timestamptz,
  due_at timestamptz,
  paused_at timestamptz,
  processed_at timestamptz,
  finished_at timestamptz,
  returned_at timestamptz,
  return_method text CHECK (return_method IN ('counter', 'post', 'online')),
  step_index integer,
  step_role text,
  step_assignee_id uuid REFERENCES accounts (id),
  step_available_at timestamptz,
  step_due_at timestamptz,
  step_due_ats jsonb,
  approved_at timestamptz,
  supplement jsonb,
  created_by uuid REFERENCES accounts (id),
  idempotency_key text,
  search_text text GENERATED ALWAYS AS (
    vn_fold(coalesce(code, '') || ' ' || coalesce(applicant ->> 'name', '') || ' ' || coalesce(applicant ->> 'idNumber', '')
      || ' ' || coalesce(applicant ->> 'phone', '') || ' ' || coalesce(owner ->> 'name', ''))
  ) STORED,
  UNIQUE (created_by, idempotency_key)
);
CREATE INDEX dossiers_handling_idx ON dossiers (handling_agency_id, status);
CREATE INDEX dossiers_receiving_idx ON dossiers (receiving_agency_id, status);
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_account_id);
CREATE INDEX dossiers_assignee_idx ON dossiers (step_assignee_id) WHERE step_assignee_id IS NOT NULL;
CREATE INDEX dossiers_search_trgm_idx ON dossiers USING gin (search_text gin_trgm_ops);

-- The journal: one row per action, written in the same transaction as the state change. Replaying it
-- through the pure reducer (server/modules/dossiers/workflow.ts) yields the dossier's state.
CREATE TABLE dossier_events (
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  seq integer NOT NULL,
  action text NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES accounts (id),
  actor_name text,
  from_status smallint,
  to_status smallint NOT NULL,
  from_step integer,
  to_step integer,
  from_agency_id text,
  to_agency_id text NOT NULL,
  note text,
  files jsonb NOT NULL DEFAULT '[]',
  -- Everything the reducer needs besides the action (code, due times, assignee, hand-over time …).
  effect jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (dossier_id, seq)
);

-- Component, supplement and result files; the bytes live in content-addressed storage under their SHA-256.
CREATE TABLE dossier_files (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  kind text NOT NULL CHECK (kind IN ('component', 'supplement', 'result')),
  component_key text,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL,
  media_type text NOT NULL,
  file_name text NOT NULL,
  is_digitised boolean NOT NULL DEFAULT false,
  reused_from uuid REFERENCES dossier_files (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id);
CREATE INDEX dossier_files_sha_idx ON dossier_files (sha256);

-- Gap-free daily sequence per receiving agency: the row lock taken by the increment is held until the
-- accepting transaction commits, so a rolled-back acceptance gives its number back (DOMAIN §3).
CREATE TABLE dossier_code_counters (
  agency_id text NOT NULL REFERENCES agencies (id),
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_id, day)
);
