-- Why: the SLA watch must raise each alert exactly once, an apology letter (Decree 61/2018 Art. 19(9), form 04) must be recorded with its one new date, and the early / on time / late verdict must be stored when processing ends (DOMAIN §3 item 7, §4).

-- One row per alert ever raised; the primary key is the "exactly once": a sweep that sees the same
-- condition again inserts nothing. `subject` names what is due (the dossier or one step) and the due
-- instant, so an extended due date may be reminded of again, but never the same date twice.
CREATE TABLE timeliness_alerts (
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  kind text NOT NULL CHECK (kind IN ('waiting_acceptance', 'due_soon', 'overdue', 'step_due_soon', 'step_overdue', 'apology_needed')),
  subject text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  due_at timestamptz,
  step_index integer,
  assignee_id uuid REFERENCES accounts (id),
  raised_at timestamptz NOT NULL,
  -- Set by the dispatch job in the transaction that writes the notifications (outbox).
  notified_at timestamptz,
  recipients integer,
  PRIMARY KEY (dossier_id, kind, subject)
);
CREATE INDEX timeliness_alerts_pending_idx ON timeliness_alerts (raised_at) WHERE notified_at IS NULL;
CREATE INDEX timeliness_alerts_kind_idx ON timeliness_alerts (kind, agency_id);

-- Form 04: the apology letter and its ONE new date (Decree 61/2018 Art. 19(9)). At most one approved
-- letter per dossier (partial unique index); a draft may be replaced until it is approved.
CREATE TABLE dossier_apologies (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 2000),
  previous_due_at timestamptz NOT NULL,
  new_due_at timestamptz NOT NULL CHECK (new_due_at > previous_due_at),
  state text NOT NULL CHECK (state IN ('draft', 'approved')),
  drafted_by uuid NOT NULL REFERENCES accounts (id),
  drafted_at timestamptz NOT NULL,
  approved_by uuid REFERENCES accounts (id),
  approved_at timestamptz,
  CHECK ((state = 'approved') = (approved_at IS NOT NULL))
);
CREATE UNIQUE INDEX dossier_apologies_one_approved ON dossier_apologies (dossier_id) WHERE state = 'approved';
CREATE UNIQUE INDEX dossier_apologies_one_draft ON dossier_apologies (dossier_id) WHERE state = 'draft';
CREATE INDEX dossier_apologies_approved_idx ON dossier_apologies (approved_at) WHERE approved_at IS NOT NULL;

-- Stored verdict at the end of processing (DOMAIN §4, date granularity) and the applied letter: the
-- reports read them without recomputing.
ALTER TABLE dossiers ADD COLUMN timeliness text CHECK (timeliness IN ('early', 'onTime', 'late'));
ALTER TABLE dossiers ADD COLUMN apology_id uuid REFERENCES dossier_apologies (id);
ALTER TABLE dossiers ADD COLUMN extended_due_at timestamptz;

-- The sweep's partial indexes: only open dossiers are ever scanned.
CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE status IN (2, 4, 6);
CREATE INDEX dossiers_open_step_due_idx ON dossiers (step_due_at) WHERE status IN (2, 4, 6) AND step_due_at IS NOT NULL;
CREATE INDEX dossiers_waiting_acceptance_idx ON dossiers (submitted_at) WHERE status = 1 AND channel = 2;
