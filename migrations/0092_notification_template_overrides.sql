-- Why: a city administrator rewords a notification per template and language (subject, body, SMS text with {placeholders}) without a release; the texts in code stay the defaults a reset returns to (issue 10).
CREATE TABLE notification_template_overrides (
  template text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  -- NULL: that part keeps the default text.
  subject text,
  body text,
  sms text,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES accounts (id),
  PRIMARY KEY (template, locale),
  CHECK (subject IS NOT NULL OR body IS NOT NULL OR sms IS NOT NULL)
);
