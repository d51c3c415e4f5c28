-- Why: a query word must match whole words through an index the planner trusts; an array of the folded words with a GIN index answers "contains one of these words" (&&) directly.
ALTER TABLE procedure_versions ADD COLUMN search_tokens text[] GENERATED ALWAYS AS
  (regexp_split_to_array(btrim(regexp_replace(vn_fold(code || ' ' || name || ' ' || sector), '[^a-z0-9]+', ' ', 'g')), ' ')) STORED;
CREATE INDEX procedure_versions_tokens_idx ON procedure_versions USING gin (search_tokens);

-- The tokens replace the padded text of 0031 for word matching.
DROP INDEX procedure_versions_words_trgm_idx;
ALTER TABLE procedure_versions DROP COLUMN search_words;
