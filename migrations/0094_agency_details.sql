-- Why: administrators keep an agency's names and its one-stop desk's contact details current without a
-- release (issue 10), and citizens read where to go and whom to call when they collect a result at the
-- counter. version: an edit based on a stale read is refused.
ALTER TABLE agencies
  ADD COLUMN address text CHECK (char_length(address) <= 300),
  ADD COLUMN phone text CHECK (phone ~ '^[0-9 .()+-]{3,20}$'),
  ADD COLUMN email text CHECK (char_length(email) <= 254),
  ADD COLUMN opening_hours text CHECK (char_length(opening_hours) <= 300),
  ADD COLUMN version integer NOT NULL DEFAULT 1;
