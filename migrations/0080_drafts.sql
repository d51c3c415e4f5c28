-- Why: a citizen filling a long e-form on a cheap phone must not lose it: the draft is saved to the account (issue 9).
CREATE TABLE dossier_drafts (
  account_id uuid NOT NULL REFERENCES accounts (id),
  procedure_code text NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, procedure_code)
);
