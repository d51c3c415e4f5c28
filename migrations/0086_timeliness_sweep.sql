-- Why: the first sweep after a deployment (or a long outage) writes one alert row per condition — 170,000 for 100,000 open dossiers — and per-row foreign-key checks and an unused index doubled its time (bench/overdue-sweep.bench.ts). Alerts are derived rows, written only by the sweep from dossiers that exist, and dossiers are never deleted.
ALTER TABLE timeliness_alerts DROP CONSTRAINT timeliness_alerts_dossier_id_fkey;
ALTER TABLE timeliness_alerts DROP CONSTRAINT timeliness_alerts_agency_id_fkey;
ALTER TABLE timeliness_alerts DROP CONSTRAINT timeliness_alerts_assignee_id_fkey;
DROP INDEX timeliness_alerts_kind_idx;
