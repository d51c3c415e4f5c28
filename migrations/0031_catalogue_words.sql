-- Why: typo-tolerant search must not compare the query with every procedure; each query word is corrected against this small vocabulary (trigram index), then procedures are matched by index.
CREATE TABLE catalogue_words (
  word text PRIMARY KEY
);
CREATE INDEX catalogue_words_trgm_idx ON catalogue_words USING gin (word gin_trgm_ops);

INSERT INTO catalogue_words (word)
  SELECT DISTINCT w FROM procedure_versions, regexp_split_to_table(vn_fold(name || ' ' || sector), '[^a-z0-9]+') AS w
  WHERE w <> ''
  ON CONFLICT DO NOTHING;

-- Whole words between spaces, so a query word matches words ("% ho %"), not pieces of them ("hoa", "hop").
ALTER TABLE procedure_versions ADD COLUMN search_words text GENERATED ALWAYS AS
  (' ' || regexp_replace(vn_fold(code || ' ' || name || ' ' || sector), '[^a-z0-9]+', ' ', 'g') || ' ') STORED;
CREATE INDEX procedure_versions_words_trgm_idx ON procedure_versions USING gin (search_words gin_trgm_ops);
