-- Why: a durable job queue in PostgreSQL itself (ADR 0003), claimed with FOR UPDATE SKIP LOCKED, so reminders,
-- sweeps and notification deliveries survive restarts and run once even with several worker processes.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  -- De-duplication: at most one job per (name, key) while the row is kept (done rows are purged after a while).
  key text,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  backoff_ms integer NOT NULL DEFAULT 10000 CHECK (backoff_ms >= 0),
  last_error text,
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_name_key_idx ON jobs (name, key) WHERE key IS NOT NULL;
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_dead_idx ON jobs (finished_at) WHERE state = 'dead';
CREATE INDEX jobs_done_idx ON jobs (finished_at) WHERE state = 'done';
