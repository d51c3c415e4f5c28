-- Why: procedures change with every decree, so each is a set of effective-dated versions; a dossier keeps the version it was received under (DOMAIN §2).
CREATE TABLE procedures (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]\.[0-9]{6}(\.[A-Z0-9]{1,12})*$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per version. Columns the catalogue searches and filters on are columns; the rest of the
-- version (channels and fees, components, e-form, workflow, texts) is one jsonb document, written once.
CREATE TABLE procedure_versions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL REFERENCES procedures (code),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL,
  sector text NOT NULL,
  tiers text[] NOT NULL,
  agency_id text REFERENCES agencies (id),
  online_level smallint NOT NULL CHECK (online_level IN (2, 3, 4)),
  has_fee boolean NOT NULL,
  cutoff15 boolean NOT NULL,
  supplement_mode text NOT NULL CHECK (supplement_mode IN ('RESTART', 'PAUSE')),
  time_limit_value double precision NOT NULL CHECK (time_limit_value > 0),
  time_limit_unit text NOT NULL CHECK (time_limit_unit IN ('workingDays', 'workingHours', 'calendarDays')),
  detail jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  published_at timestamptz,
  name_fold text GENERATED ALWAYS AS (vn_fold(name)) STORED,
  search_text text GENERATED ALWAYS AS (vn_fold(code || ' ' || name || ' ' || sector)) STORED,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX procedure_versions_code_idx ON procedure_versions (code, valid_from);
CREATE INDEX procedure_versions_current_idx ON procedure_versions (status, valid_from, valid_to);
CREATE INDEX procedure_versions_search_trgm_idx ON procedure_versions USING gin (search_text gin_trgm_ops);

-- A published version is immutable (dossiers point at it); the one change allowed is ending an
-- open validity when the next version is published. Enforced here as well as in the service.
CREATE OR REPLACE FUNCTION procedure_versions_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'published procedure version % cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (
       NEW.status IS DISTINCT FROM OLD.status OR NEW.detail IS DISTINCT FROM OLD.detail
    OR NEW.name IS DISTINCT FROM OLD.name OR NEW.valid_from IS DISTINCT FROM OLD.valid_from
    OR NEW.sector IS DISTINCT FROM OLD.sector OR NEW.tiers IS DISTINCT FROM OLD.tiers
    OR NEW.agency_id IS DISTINCT FROM OLD.agency_id OR NEW.online_level IS DISTINCT FROM OLD.online_level
    OR NEW.cutoff15 IS DISTINCT FROM OLD.cutoff15 OR NEW.supplement_mode IS DISTINCT FROM OLD.supplement_mode
    OR NEW.time_limit_value IS DISTINCT FROM OLD.time_limit_value
    OR NEW.time_limit_unit IS DISTINCT FROM OLD.time_limit_unit
    OR (OLD.valid_to IS NOT NULL AND NEW.valid_to IS DISTINCT FROM OLD.valid_to)) THEN
    RAISE EXCEPTION 'published procedure version % is immutable', OLD.id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER procedure_versions_guard BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedure_versions_guard();
