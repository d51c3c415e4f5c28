import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/client.ts';

export interface IndexInputs {
  received: number;
  digitised: number;
  reused: number;
  resolved: number;
  eResults: number;
  withFee: number;
  paidOnline: number;
  procedures: number;
  fullProcessProcedures: number;
  /** Resolved in the period, not late, but disliked or complained about (Decision 766 indicator 5.4). */
  unhappy: number;
}

/** Inputs of the Decision 766 indicators that the roll-up does not hold (files, payments, the catalogue). */
export async function countIndexInputs(
  db: Database,
  start: Date,
  end: Date,
  day: string,
  unitIds: number[] | null,
  scope: RawBuilder<boolean>,
): Promise<IndexInputs> {
  const units =
    unitIds === null ? sql`true` : unitIds.length ? sql`d.receiving_unit_id IN (${sql.join(unitIds)})` : sql`false`;
  const r = await sql<Record<keyof IndexInputs, number>>`
    WITH d AS (
      SELECT d.id, d.processed_at, d.returned_at, pv.has_fee FROM dossiers d
      JOIN procedure_versions pv ON pv.id = d.procedure_version_id
      WHERE d.accepted_at >= ${start} AND d.accepted_at < ${end} AND ${units} AND ${scope})
    SELECT
      (SELECT count(*) FROM d) AS received,
      (SELECT count(*) FROM d WHERE EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.is_digitised)) AS digitised,
      (SELECT count(*) FROM d WHERE EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.reused_from IS NOT NULL)) AS reused,
      (SELECT count(*) FROM d WHERE d.processed_at IS NOT NULL OR d.returned_at IS NOT NULL) AS resolved,
      (SELECT count(*) FROM d WHERE EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.kind = 'result')) AS e_results,
      (SELECT count(*) FROM d WHERE d.has_fee) AS with_fee,
      (SELECT count(*) FROM d WHERE d.has_fee AND EXISTS (SELECT 1 FROM payment_intents p
        WHERE p.subject_type = 'dossier' AND p.subject_id = d.id::text AND p.state = 'SUCCEEDED')) AS paid_online,
      (SELECT count(*) FROM procedure_versions pv WHERE pv.status = 'published' AND pv.valid_from <= ${day}::date
        AND (pv.valid_to IS NULL OR pv.valid_to > ${day}::date)) AS procedures,
      (SELECT count(*) FROM dossiers d WHERE ${units} AND ${scope}
        AND ((d.processed_at >= ${start} AND d.processed_at < ${end})
          OR (d.processed_at IS NULL AND d.returned_at >= ${start} AND d.returned_at < ${end}))
        AND NOT (d.due_at IS NOT NULL AND report_vn_day(coalesce(d.processed_at, d.returned_at)) > report_vn_day(d.due_at))
        AND (EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id AND NOT r.is_satisfied)
          OR EXISTS (SELECT 1 FROM feedback_reports f WHERE f.dossier_code = d.code AND f.category = 'dossier'))) AS unhappy,
      (SELECT count(*) FROM procedure_versions pv WHERE pv.status = 'published' AND pv.online_level = 4
        AND pv.valid_from <= ${day}::date AND (pv.valid_to IS NULL OR pv.valid_to > ${day}::date)) AS full_process`.execute(
    db,
  );
  const row = r.rows[0] as unknown as Record<string, unknown>;
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    received: n('received'),
    digitised: n('digitised'),
    reused: n('reused'),
    resolved: n('resolved'),
    eResults: n('e_results'),
    withFee: n('with_fee'),
    paidOnline: n('paid_online'),
    procedures: n('procedures'),
    fullProcessProcedures: n('full_process'),
    unhappy: n('unhappy'),
  };
}
