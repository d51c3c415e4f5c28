-- Why: Vietnamese search must ignore diacritics (q=hoan kiem finds Hoàn Kiếm) and tolerate typos, on PGlite and on the server alike.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary), so it cannot back an index or a generated column;
-- this wrapper pins the dictionary and is declared IMMUTABLE, the usual PostgreSQL idiom.
CREATE OR REPLACE FUNCTION vn_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- Which reference files were loaded, by content hash, so a restart skips an unchanged load.
CREATE TABLE reference_loads (
  name text PRIMARY KEY,
  sha256 text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
