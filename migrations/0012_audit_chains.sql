-- Why: one hash chain serialises every audited transaction; independent chains (chosen by record) let unrelated writes append in parallel.
ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (chain, seq);
