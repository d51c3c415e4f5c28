-- Why: the speed-vs-law table measures processing time in working days inside SQL (millions of dossiers), so the service copies the calendar engine's working days here as a cumulative ordinal (DOMAIN §4, §7).
CREATE TABLE report_working_days (
  day date PRIMARY KEY,
  is_working boolean NOT NULL,
  -- Number of working days up to and including this day: ordinal(b) − ordinal(a) = whole working days between.
  ordinal integer NOT NULL
);
