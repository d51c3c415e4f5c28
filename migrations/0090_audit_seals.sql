-- Why: appending to a hash chain under a lock held until commit serialised every audited write (issue 6 throughput); rows are now appended freely, each with its transaction id, and a sealer links them into the chains shortly after, in an order no later commit can enter (ADR 0016).

-- The chain positions and hashes move to their own append-only table; audit_log keeps what happened.
CREATE TABLE audit_seals (
  chain smallint NOT NULL,
  seq bigint NOT NULL,
  audit_id bigint NOT NULL UNIQUE,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL,
  PRIMARY KEY (chain, seq)
);

ALTER TABLE audit_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
-- The inserting transaction (64-bit, never wraps): every transaction older than the oldest one still
-- running has finished, so its rows can be sealed and no row of it can appear later.
ALTER TABLE audit_log ADD COLUMN txid bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_log ALTER COLUMN txid SET DEFAULT (pg_current_xact_id()::text)::bigint;

-- Rows written before this migration were chained already: their seals carry over unchanged.
INSERT INTO audit_seals (chain, seq, audit_id, prev_hash, hash, sealed_at)
  SELECT chain, seq, id, prev_hash, hash, now() FROM audit_log;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log DROP COLUMN chain;
ALTER TABLE audit_log DROP COLUMN seq;
ALTER TABLE audit_log DROP COLUMN prev_hash;
ALTER TABLE audit_log DROP COLUMN hash;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
CREATE INDEX audit_log_seal_order_idx ON audit_log (txid, id);

-- Where the sealer stopped: every row at or before (txid, audit_id) in seal order is sealed.
CREATE TABLE audit_seal_cursor (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  txid bigint NOT NULL,
  audit_id bigint NOT NULL
);
INSERT INTO audit_seal_cursor (txid, audit_id) SELECT 0, coalesce(max(id), 0) FROM audit_log;

-- Seals are append-only too (the sealer only inserts).
CREATE TRIGGER audit_seals_no_update BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
