-- Why: notifications are an outbox written in the same transaction as the event that causes them, one row per
-- recipient and channel with its delivery status, so a failing channel never loses or rolls back the event.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- event occurrence + recipient + channel: the same reminder is never queued twice.
  dedup_key text NOT NULL UNIQUE,
  template text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'inapp', 'zns')),
  account_id text,
  -- E-mail address or phone number: personal data (Decree 13/2023), never written to logs.
  address text,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  params jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'sent', 'skipped', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  CHECK (channel = 'inapp' OR address IS NOT NULL),
  CHECK (channel <> 'inapp' OR account_id IS NOT NULL)
);
CREATE INDEX notifications_rate_idx ON notifications (channel, sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX notifications_status_idx ON notifications (status, created_at);

-- The in-app inbox (GET /api/me/notifications).
CREATE TABLE inbox_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint NOT NULL UNIQUE REFERENCES notifications (id),
  account_id text NOT NULL,
  template text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX inbox_messages_account_idx ON inbox_messages (account_id, created_at DESC, id DESC);

-- Where e-mail and SMS go when no SMTP server or SMS gateway is configured (development): stored, never sent.
CREATE TABLE dev_mailbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint NOT NULL UNIQUE REFERENCES notifications (id),
  channel text NOT NULL,
  address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
