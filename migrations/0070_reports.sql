-- Why: official reports (Circular 01/2020 forms 06a/07a) over 10M dossiers must answer in under a second, so a per-day roll-up is maintained in the same transaction as every dossier change (DOMAIN §4, §7).

-- Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset gives the local date on
-- PGlite and PostgreSQL alike, without depending on the server's time-zone database.
CREATE FUNCTION report_vn_day(t timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

-- One row per (receiving agency, its unit, sector, local day). Counts are "what happened on that day";
-- pending_delta / overdue_delta are +1/-1 at the ends of the intervals in which a dossier is pending
-- (resp. pending and past its due date), so a prefix sum over days gives the state at any period end.
CREATE TABLE report_daily (
  agency_id text NOT NULL,
  unit_id integer NOT NULL,
  sector text NOT NULL,
  day date NOT NULL,
  received_online integer NOT NULL DEFAULT 0,
  received_other integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  ended_other integer NOT NULL DEFAULT 0,
  pending_delta integer NOT NULL DEFAULT 0,
  overdue_delta integer NOT NULL DEFAULT 0,
  PRIMARY KEY (agency_id, unit_id, sector, day)
);
CREATE INDEX report_daily_day_idx ON report_daily (day);

CREATE FUNCTION report_bump(
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
END $$;

-- The contribution of one dossier row (sign +1 to add it, -1 to take it back). Rules, DOMAIN §4 and §7:
-- received = accepted (a dossier refused at reception or not yet accepted is not in the forms);
-- end of processing = first of processed (9) > returned (10) > refused/withdrawn/stopped (3/7/8);
-- early/on time/late compare local dates; pending at a period end is overdue when due date ≤ that day.
-- Must stay equal to server/modules/reports/tally.ts (the raw computation); a test proves it does.
CREATE FUNCTION report_apply(
  p_status smallint, p_channel smallint, p_pv integer, p_agency text, p_unit integer,
  p_accepted timestamptz, p_due timestamptz, p_processed timestamptz, p_returned timestamptz,
  p_finished timestamptz, p_sign integer
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_sector text;
  v_recv date;
  v_end date;
  v_kind text;
  v_due date;
  v_od date;
BEGIN
  IF p_accepted IS NULL OR p_unit IS NULL THEN RETURN; END IF;
  SELECT sector INTO v_sector FROM procedure_versions WHERE id = p_pv;
  v_recv := report_vn_day(p_accepted);
  IF p_processed IS NOT NULL THEN v_end := report_vn_day(p_processed); v_kind := 'resolved';
  ELSIF p_returned IS NOT NULL THEN v_end := report_vn_day(p_returned); v_kind := 'resolved';
  ELSIF p_status IN (3, 7, 8) THEN v_end := report_vn_day(coalesce(p_finished, p_accepted)); v_kind := 'other';
  END IF;
  v_due := report_vn_day(p_due);

  PERFORM report_bump(p_agency, p_unit, v_sector, v_recv,
    CASE WHEN p_channel = 2 THEN p_sign ELSE 0 END, CASE WHEN p_channel = 2 THEN 0 ELSE p_sign END,
    0, 0, 0, 0, p_sign, 0);
  IF v_kind IS NOT NULL THEN
    PERFORM report_bump(p_agency, p_unit, v_sector, v_end, 0, 0,
      CASE WHEN v_kind = 'resolved' AND v_due IS NOT NULL AND v_end < v_due THEN p_sign ELSE 0 END,
      CASE WHEN v_kind = 'resolved' AND (v_due IS NULL OR v_end = v_due) THEN p_sign ELSE 0 END,
      CASE WHEN v_kind = 'resolved' AND v_due IS NOT NULL AND v_end > v_due THEN p_sign ELSE 0 END,
      CASE WHEN v_kind = 'other' THEN p_sign ELSE 0 END,
      -p_sign, 0);
  END IF;
  IF v_due IS NOT NULL THEN
    v_od := greatest(v_recv, v_due);
    IF v_end IS NULL OR v_od < v_end THEN
      PERFORM report_bump(p_agency, p_unit, v_sector, v_od, 0, 0, 0, 0, 0, 0, 0, p_sign);
      IF v_end IS NOT NULL THEN
        PERFORM report_bump(p_agency, p_unit, v_sector, v_end, 0, 0, 0, 0, 0, 0, 0, -p_sign);
      END IF;
    END IF;
  END IF;
END $$;

CREATE FUNCTION report_dossiers_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_apply(OLD.status, OLD.channel, OLD.procedure_version_id, OLD.receiving_agency_id,
      OLD.receiving_unit_id, OLD.accepted_at, OLD.due_at, OLD.processed_at, OLD.returned_at, OLD.finished_at, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_apply(NEW.status, NEW.channel, NEW.procedure_version_id, NEW.receiving_agency_id,
      NEW.receiving_unit_id, NEW.accepted_at, NEW.due_at, NEW.processed_at, NEW.returned_at, NEW.finished_at, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER report_dossiers_insert AFTER INSERT OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION report_dossiers_trigger();
-- Only changes that move a dossier between report cells pay for the roll-up.
CREATE TRIGGER report_dossiers_update AFTER UPDATE ON dossiers
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.procedure_version_id IS DISTINCT FROM NEW.procedure_version_id
    OR OLD.receiving_agency_id IS DISTINCT FROM NEW.receiving_agency_id
    OR OLD.receiving_unit_id IS DISTINCT FROM NEW.receiving_unit_id
    OR OLD.accepted_at IS DISTINCT FROM NEW.accepted_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.processed_at IS DISTINCT FROM NEW.processed_at OR OLD.returned_at IS DISTINCT FROM NEW.returned_at
    OR OLD.finished_at IS DISTINCT FROM NEW.finished_at)
  EXECUTE FUNCTION report_dossiers_trigger();

-- Raw-path indexes: the tracking log and the speed table read dossiers of a period directly.
CREATE INDEX dossiers_report_accepted_idx ON dossiers (accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX dossiers_report_processed_idx ON dossiers (processed_at) WHERE processed_at IS NOT NULL;

-- The same contributions, set-based: rebuilds the roll-up from the dossiers (backfill of an existing
-- database, and the bulk generator's fast path, which inserts with triggers off and rebuilds once).
CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_daily;
  INSERT INTO report_daily (agency_id, unit_id, sector, day, received_online, received_other, resolved_early,
    resolved_on_time, resolved_late, ended_other, pending_delta, overdue_delta)
  WITH d AS (
    SELECT x.receiving_agency_id AS a, x.receiving_unit_id AS u, pv.sector AS s, x.channel,
      report_vn_day(x.accepted_at) AS recv, report_vn_day(x.due_at) AS due,
      CASE WHEN x.processed_at IS NOT NULL THEN report_vn_day(x.processed_at)
        WHEN x.returned_at IS NOT NULL THEN report_vn_day(x.returned_at)
        WHEN x.status IN (3, 7, 8) THEN report_vn_day(coalesce(x.finished_at, x.accepted_at)) END AS fin,
      CASE WHEN x.processed_at IS NOT NULL OR x.returned_at IS NOT NULL THEN 'resolved'
        WHEN x.status IN (3, 7, 8) THEN 'other' END AS kind
    FROM dossiers x JOIN procedure_versions pv ON pv.id = x.procedure_version_id
    WHERE x.accepted_at IS NOT NULL AND x.receiving_unit_id IS NOT NULL
  ), c AS (
    SELECT a, u, s, recv AS day, (channel = 2)::int AS ron, (channel <> 2)::int AS roth, 0 AS e, 0 AS o, 0 AS l,
      0 AS eo, 1 AS pd, 0 AS od FROM d
    UNION ALL
    SELECT a, u, s, fin, 0, 0, (kind = 'resolved' AND due IS NOT NULL AND fin < due)::int,
      (kind = 'resolved' AND (due IS NULL OR fin = due))::int, (kind = 'resolved' AND due IS NOT NULL AND fin > due)::int,
      (kind = 'other')::int, -1, 0 FROM d WHERE kind IS NOT NULL
    UNION ALL
    SELECT a, u, s, greatest(recv, due), 0, 0, 0, 0, 0, 0, 0, 1 FROM d
      WHERE due IS NOT NULL AND (fin IS NULL OR greatest(recv, due) < fin)
    UNION ALL
    SELECT a, u, s, fin, 0, 0, 0, 0, 0, 0, 0, -1 FROM d
      WHERE due IS NOT NULL AND fin IS NOT NULL AND greatest(recv, due) < fin
  )
  SELECT a, u, s, day, sum(ron), sum(roth), sum(e), sum(o), sum(l), sum(eo), sum(pd), sum(od)
  FROM c GROUP BY a, u, s, day;
END $$;

SELECT report_rebuild();
