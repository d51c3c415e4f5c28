-- Why: the government's yearly tables of days off and make-up Saturdays win over the computed holiday rules
-- (Labour Code 2019 Art. 112(3)); administrators edit them, audited, and deadlines computed afterwards use them.

-- A year listed here has an official table (even an empty one); a year not listed is computed from the rules
-- and shown as provisional.
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  status text NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  sources jsonb NOT NULL DEFAULT '[]'::jsonb,
  edited_by text NOT NULL,
  edited_at timestamptz NOT NULL DEFAULT now()
);

-- off: a Monday–Friday not worked; workday: a weekend day worked (làm bù).
CREATE TABLE calendar_official_days (
  date date PRIMARY KEY,
  year integer NOT NULL REFERENCES calendar_years (year),
  kind text NOT NULL CHECK (kind IN ('off', 'workday')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source text NOT NULL,
  edited_by text NOT NULL,
  edited_at timestamptz NOT NULL DEFAULT now(),
  CHECK (year = extract(year FROM date))
);
CREATE INDEX calendar_official_days_year_idx ON calendar_official_days (year);

-- Every edit of a year's table, kept forever: who changed which days, from what to what.
CREATE TABLE calendar_official_day_changes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  edited_by text NOT NULL,
  edited_at timestamptz NOT NULL DEFAULT now()
);

-- Working windows of an agency when they differ from the default (DOMAIN §4: keep hours per agency).
CREATE TABLE calendar_agency_windows (
  agency_id text PRIMARY KEY REFERENCES agencies (id),
  windows jsonb NOT NULL,
  edited_by text NOT NULL,
  edited_at timestamptz NOT NULL DEFAULT now()
);
