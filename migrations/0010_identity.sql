-- Why: citizens, businesses and officers need accounts, unit-scoped role assignments, DB-backed sessions and hashed API tokens (issue 3).
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('citizen', 'business', 'officer')),
  phone text UNIQUE,
  email text UNIQUE,
  password_hash text,
  full_name text NOT NULL,
  national_id text UNIQUE CHECK (national_id IS NULL OR national_id ~ '^[0-9]{12}$'),
  date_of_birth date,
  address_unit_id integer REFERENCES units (id),
  address_line text,
  tax_code text,
  representatives jsonb,
  is_disabled boolean NOT NULL DEFAULT false,
  is_national_id_verified boolean NOT NULL DEFAULT false,
  national_id_subject text UNIQUE,
  phone_verified_at timestamptz,
  email_verified_at timestamptz,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (phone IS NOT NULL OR email IS NOT NULL OR national_id_subject IS NOT NULL)
);

-- A role held for a unit subtree or an agency subtree (exactly one of the two).
CREATE TABLE role_assignments (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  role text NOT NULL CHECK (role IN ('receptionist', 'specialist', 'division_head', 'leader', 'unit_admin', 'city_admin', 'inspector')),
  unit_id integer REFERENCES units (id),
  agency_id text REFERENCES agencies (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  CHECK ((unit_id IS NULL) <> (agency_id IS NULL))
);
CREATE INDEX role_assignments_account_idx ON role_assignments (account_id);

-- Session ids are stored as SHA-256 only: a leaked table cannot be replayed as cookies.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  permissions jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);

-- One-time codes (verify phone/e-mail, reset password), stored hashed, with an attempt budget.
CREATE TABLE verification_codes (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  purpose text NOT NULL CHECK (purpose IN ('verify_phone', 'verify_email', 'reset_password')),
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX verification_codes_account_idx ON verification_codes (account_id, purpose);

-- Messages to deliver; the notifications module (issue 7) owns delivery. Written in the same transaction as the event.
CREATE TABLE identity_outbox (
  id uuid PRIMARY KEY,
  account_id uuid REFERENCES accounts (id),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  template text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);

-- OpenID Connect login attempts: state is single-use (replay → 400), PKCE verifier and nonce kept server-side.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Failed logins per login name (hashed), known or not, so a lockout answers the same for an unknown account.
CREATE TABLE login_failures (
  login_hash text PRIMARY KEY,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz
);
