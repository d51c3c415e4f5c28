-- Why: the speed-vs-law table reads dossiers whose processing ended in a period; those returned without a processed time need their own small index (issue 11).
CREATE INDEX dossiers_report_returned_idx ON dossiers (returned_at) WHERE processed_at IS NULL AND returned_at IS NOT NULL;
