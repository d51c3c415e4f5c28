-- Why: fees (and later O2O orders) are paid exactly once: intents with compare-and-set states, provider credits unique per (provider, transaction id), every inbound notification kept raw, refunds and reconciliations as their own records.

-- Numeric order codes for gateways that only take a number (payOS orderCode).
CREATE SEQUENCE payment_order_code_seq START 100001;

CREATE TABLE payment_intents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Printed in VietQR 62-01 and copied by banks into the transfer content: A–Z and 0–9, at most 25.
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9]{6,25}$'),
  order_code bigint NOT NULL UNIQUE DEFAULT nextval('payment_order_code_seq'),
  -- Who owns what is paid for (a dossier, later an order): generic, never a foreign key into a module.
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]{1,39}$'),
  subject_id text NOT NULL,
  subject_reference text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
  fee_lines jsonb NOT NULL,
  payer jsonb NOT NULL,
  payee jsonb NOT NULL,
  vietqr_payload text NOT NULL,
  purpose text NOT NULL,
  state text NOT NULL DEFAULT 'CREATED' CHECK (state IN ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
  version integer NOT NULL DEFAULT 0,
  provider text,
  provider_payment_id text,
  checkout_url text,
  credit_id uuid,
  paid_at timestamptz,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX payment_intents_subject_idx ON payment_intents (subject_type, subject_id);
CREATE INDEX payment_intents_open_expiry_idx ON payment_intents (expires_at) WHERE state IN ('CREATED', 'PENDING');

-- Every inbound provider call, stored raw in its own transaction before anything is applied.
CREATE TABLE payment_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL,
  received_at timestamptz NOT NULL,
  method text NOT NULL,
  remote_address text,
  headers jsonb NOT NULL,
  query text NOT NULL,
  body text NOT NULL,
  verification text NOT NULL DEFAULT 'PENDING'
    CHECK (verification IN ('PENDING', 'VALID', 'INVALID_SIGNATURE', 'MALFORMED', 'NOT_CONFIGURED')),
  outcome text,
  intent_id uuid REFERENCES payment_intents (id),
  credit_id uuid,
  error text,
  processed_at timestamptz
);
CREATE INDEX payment_notifications_received_idx ON payment_notifications (received_at);

-- Money a provider says moved. The unique key is the exactly-once guarantee: a replayed or concurrent
-- duplicate notification finds the row and credits nothing.
CREATE TABLE payment_credits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL,
  provider_transaction_id text NOT NULL,
  intent_id uuid REFERENCES payment_intents (id),
  reference_seen text,
  amount bigint NOT NULL,
  paid_at timestamptz NOT NULL,
  status text NOT NULL
    CHECK (status IN ('RECEIVED', 'APPLIED', 'AMOUNT_MISMATCH', 'LATE', 'DUPLICATE_PAYMENT', 'UNMATCHED')),
  needs_refund boolean NOT NULL DEFAULT false,
  notification_id uuid REFERENCES payment_notifications (id),
  created_at timestamptz NOT NULL,
  UNIQUE (provider, provider_transaction_id)
);
CREATE INDEX payment_credits_intent_idx ON payment_credits (intent_id);
CREATE INDEX payment_credits_flagged_idx ON payment_credits (created_at) WHERE status <> 'APPLIED';

CREATE TABLE payment_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intent_id uuid REFERENCES payment_intents (id),
  credit_id uuid NOT NULL REFERENCES payment_credits (id),
  amount bigint NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  state text NOT NULL DEFAULT 'REQUESTED' CHECK (state IN ('REQUESTED', 'SUCCEEDED', 'FAILED')),
  version integer NOT NULL DEFAULT 0,
  provider text NOT NULL,
  provider_refund_id text,
  requested_by text,
  failure text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX payment_refunds_credit_idx ON payment_refunds (credit_id);

CREATE TABLE payment_reconciliations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  statement_sha256 text NOT NULL,
  summary jsonb NOT NULL,
  items jsonb NOT NULL,
  uploaded_by text,
  created_at timestamptz NOT NULL
);
