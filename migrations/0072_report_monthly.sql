-- Why: at millions of dossiers the daily roll-up has nearly one row per dossier (agency × sector × day), so reports over whole months read a monthly roll-up kept in the same transaction (issue 11: form 06a for a year under 1 s).
CREATE TABLE report_monthly (
  agency_id text NOT NULL,
  unit_id integer NOT NULL,
  sector text NOT NULL,
  month date NOT NULL,
  received_online integer NOT NULL DEFAULT 0,
  received_other integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  ended_other integer NOT NULL DEFAULT 0,
  pending_delta integer NOT NULL DEFAULT 0,
  overdue_delta integer NOT NULL DEFAULT 0,
  PRIMARY KEY (agency_id, unit_id, sector, month)
);
CREATE INDEX report_monthly_month_idx ON report_monthly (month);

-- Every change of the daily roll-up flows into its month, in the same transaction.
CREATE OR REPLACE FUNCTION report_bump(
  p_agency text, p_unit integer, p_sector text, p_day date,
  p_online integer, p_other integer, p_early integer, p_on_time integer, p_late integer,
  p_ended_other integer, p_pending integer, p_overdue integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_daily AS r (agency_id, unit_id, sector, day, received_online, received_other,
    resolved_early, resolved_on_time, resolved_late, ended_other, pending_delta, overdue_delta)
  VALUES (p_agency, p_unit, p_sector, p_day, p_online, p_other, p_early, p_on_time, p_late,
    p_ended_other, p_pending, p_overdue)
  ON CONFLICT (agency_id, unit_id, sector, day) DO UPDATE SET
    received_online = r.received_online + EXCLUDED.received_online,
    received_other = r.received_other + EXCLUDED.received_other,
    resolved_early = r.resolved_early + EXCLUDED.resolved_early,
    resolved_on_time = r.resolved_on_time + EXCLUDED.resolved_on_time,
    resolved_late = r.resolved_late + EXCLUDED.resolved_late,
    ended_other = r.ended_other + EXCLUDED.ended_other,
    pending_delta = r.pending_delta + EXCLUDED.pending_delta,
    overdue_delta = r.overdue_delta + EXCLUDED.overdue_delta;
  INSERT INTO report_monthly AS r (agency_id, unit_id, sector, month, received_online, received_other,
    resolved_early, resolved_on_time, resolved_late, ended_other, pending_delta, overdue_delta)
  VALUES (p_agency, p_unit, p_sector, date_trunc('month', p_day)::date, p_online, p_other, p_early, p_on_time,
    p_late, p_ended_other, p_pending, p_overdue)
  ON CONFLICT (agency_id, unit_id, sector, month) DO UPDATE SET
    received_online = r.received_online + EXCLUDED.received_online,
    received_other = r.received_other + EXCLUDED.received_other,
    resolved_early = r.resolved_early + EXCLUDED.resolved_early,
    resolved_on_time = r.resolved_on_time + EXCLUDED.resolved_on_time,
    resolved_late = r.resolved_late + EXCLUDED.resolved_late,
    ended_other = r.ended_other + EXCLUDED.ended_other,
    pending_delta = r.pending_delta + EXCLUDED.pending_delta,
    overdue_delta = r.overdue_delta + EXCLUDED.overdue_delta;
END $$;

CREATE FUNCTION report_rebuild_monthly() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_monthly;
  INSERT INTO report_monthly (agency_id, unit_id, sector, month, received_online, received_other, resolved_early,
    resolved_on_time, resolved_late, ended_other, pending_delta, overdue_delta)
  SELECT agency_id, unit_id, sector, date_trunc('month', day)::date, sum(received_online), sum(received_other),
    sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(ended_other), sum(pending_delta),
    sum(overdue_delta)
  FROM report_daily GROUP BY 1, 2, 3, 4;
END $$;

-- report_rebuild() (migration 0070) rebuilds the daily table; the months follow from it.
CREATE OR REPLACE FUNCTION report_rebuild_all() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rebuild();
  PERFORM report_rebuild_monthly();
END $$;

SELECT report_rebuild_monthly();
