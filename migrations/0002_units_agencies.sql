-- Why: administrative units and agencies are effective-dated; GSO codes are reused across years, so a unit is
-- keyed on (code, valid_from) and everything else refers to its surrogate id (DOMAIN §1).
CREATE TABLE units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  full_name text NOT NULL,
  type text NOT NULL,
  type_label text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'district', 'commune')),
  parent_id integer REFERENCES units (id),
  unit_set text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  search_text text GENERATED ALWAYS AS (vn_fold(full_name || ' ' || code)) STORED,
  UNIQUE (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_level_idx ON units (level, valid_from);
CREATE INDEX units_search_trgm_idx ON units USING gin (search_text gin_trgm_ops);

-- A 2025 commune formed from whole or part of earlier communes (Resolution 1656/NQ-UBTVQH15).
CREATE TABLE unit_successions (
  predecessor_id integer NOT NULL REFERENCES units (id),
  successor_id integer NOT NULL REFERENCES units (id),
  whole boolean NOT NULL,
  PRIMARY KEY (predecessor_id, successor_id)
);

-- Agencies: id is the electronic identifier (mã định danh, QCVN 102:2016/BTTTT), an opaque dot-separated string.
CREATE TABLE agencies (
  id text PRIMARY KEY,
  key text NOT NULL UNIQUE,
  id_status text NOT NULL CHECK (id_status IN ('real', 'synthetic')),
  name text NOT NULL,
  short_name text NOT NULL,
  kind text NOT NULL,
  level text NOT NULL CHECK (level IN ('central', 'city', 'district', 'commune')),
  unit_id integer REFERENCES units (id),
  parent_id text REFERENCES agencies (id),
  valid_from date NOT NULL,
  valid_to date,
  search_text text GENERATED ALWAYS AS (vn_fold(name || ' ' || short_name || ' ' || id)) STORED
);
CREATE INDEX agencies_unit_idx ON agencies (unit_id);
CREATE INDEX agencies_parent_idx ON agencies (parent_id);
CREATE INDEX agencies_search_trgm_idx ON agencies USING gin (search_text gin_trgm_ops);
