-- Why: an e-result must be digitally signed, complete and tamper-evident (Decree 45/2020 Art. 14(3)), an online return needs one, and anyone holding its code `{dossier code}-KQ{n}` must be able to verify it (ADR 0017).

-- Every key the deployment has signed with, never deleted: old signatures verify after a key change.
-- `private_key` is kept only for a key the deployment generated itself (no SIGNING_PRIVATE_KEY set);
-- at most one such key exists, so parallel processes agree on it.
CREATE TABLE signing_keys (
  key_id text PRIMARY KEY,
  algorithm text NOT NULL CHECK (algorithm IN ('Ed25519')),
  public_key text NOT NULL,
  private_key text,
  origin text NOT NULL CHECK (origin IN ('configured', 'generated')),
  created_at timestamptz NOT NULL,
  CHECK ((origin = 'generated') = (private_key IS NOT NULL))
);
CREATE UNIQUE INDEX signing_keys_one_generated ON signing_keys (origin) WHERE origin = 'generated';

-- One signature per result file, over the canonical statement {resultCode, sha256, agency, signer, signedAt}
-- (server/modules/dossiers/result-statement.ts); the columns are the statement's fields, so altering any of
-- them breaks the signature.
CREATE TABLE result_signatures (
  file_id uuid PRIMARY KEY REFERENCES dossier_files (id),
  result_code text NOT NULL UNIQUE,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  agency_id text NOT NULL REFERENCES agencies (id),
  signer_id uuid NOT NULL REFERENCES accounts (id),
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL,
  algorithm text NOT NULL,
  key_id text NOT NULL REFERENCES signing_keys (key_id),
  signature text NOT NULL
);
CREATE INDEX result_signatures_dossier_idx ON result_signatures (dossier_id);

-- The journal-derived flag the state machine reads (sign_result once; an online return needs it) and the
-- "to sign" queue scans.
ALTER TABLE dossiers ADD COLUMN result_signed_at timestamptz;
CREATE INDEX dossiers_to_sign_idx ON dossiers (handling_agency_id) WHERE status = 9 AND result_signed_at IS NULL;
