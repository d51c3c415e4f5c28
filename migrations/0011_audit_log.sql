-- Why: every write and every read of personal data must be on record, tamper-evidently: an append-only, hash-chained log (issue 3).
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_kind text,
  action text NOT NULL,
  record_type text,
  record_id text,
  unit_id integer,
  agency_id text,
  ip text,
  user_agent text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, occurred_at);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at);

-- Append-only for the application: updates and deletes are refused. Someone with the owner's rights can
-- still disable this; the hash chain is what makes that visible (npm run audit:verify).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
