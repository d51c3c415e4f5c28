import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/client.ts';

/** Raw-path SQL for form 07b and the tracking log (list-like reports, read from the dossiers by index). */
function unitFilter(unitIds: number[] | null): RawBuilder<unknown> {
  return unitIds === null
    ? sql`true`
    : unitIds.length
      ? sql`d.receiving_unit_id IN (${sql.join(unitIds)})`
      : sql`false`;
}

export interface TierRow {
  tier: string;
  dossiers: number;
  interagency: number;
  procedures_with_dossiers: number;
}

/**
 * Dossiers received in the period per tier of the receiving unit; liên thông when the journal hands the
 * dossier to an agency of another unit, or (city departments) to another department (Decree 61/2018 Art. 18).
 */
export async function countByTier(
  db: Database,
  start: Date,
  end: Date,
  unitIds: number[] | null,
  scope: RawBuilder<boolean>,
): Promise<TierRow[]> {
  const result = await sql<TierRow>`
    WITH x AS (
      SELECT d.procedure_code, u.level AS tier, EXISTS (
        SELECT 1 FROM dossier_events e JOIN agencies a ON a.id = e.to_agency_id
        WHERE e.dossier_id = d.id AND a.id <> d.receiving_agency_id AND (
          a.unit_id IS DISTINCT FROM d.receiving_unit_id
          OR (u.level = 'city' AND a.parent_id IS DISTINCT FROM d.receiving_agency_id AND a.kind = 'department'))
      ) AS interagency
      FROM dossiers d JOIN units u ON u.id = d.receiving_unit_id
      WHERE d.accepted_at >= ${start} AND d.accepted_at < ${end} AND ${unitFilter(unitIds)} AND ${scope})
    SELECT tier, count(*) AS dossiers, count(*) FILTER (WHERE interagency) AS interagency,
      count(DISTINCT procedure_code) AS procedures_with_dossiers
    FROM x GROUP BY tier`.execute(db);
  return result.rows.map((r) => ({
    tier: r.tier,
    dossiers: Number(r.dossiers),
    interagency: Number(r.interagency),
    procedures_with_dossiers: Number(r.procedures_with_dossiers),
  }));
}

/** Published procedures in force on a day, per tier (a procedure of two tiers counts in both). */
export async function countProceduresByTier(db: Database, day: string): Promise<Map<string, number>> {
  const result = await sql<{ tier: string; n: number }>`
    SELECT t AS tier, count(*) AS n FROM procedure_versions pv, unnest(pv.tiers) AS t
    WHERE pv.status = 'published' AND pv.valid_from <= ${day}::date AND (pv.valid_to IS NULL OR pv.valid_to > ${day}::date)
    GROUP BY t`.execute(db);
  return new Map(result.rows.map((r) => [r.tier, Number(r.n)]));
}

export interface LogRow {
  code: string | null;
  name: string;
  sector: string;
  owner_name: string | null;
  address: string | null;
  phone: string | null;
  status: number;
  accepted_at: Date;
  due_at: Date | null;
  returned_at: Date | null;
  processed_at: Date | null;
  officer: string | null;
}

export async function findLogRows(
  db: Database,
  start: Date,
  end: Date,
  unitIds: number[] | null,
  scope: RawBuilder<boolean>,
  limit: number,
): Promise<{ rows: LogRow[]; total: number }> {
  const where = sql`d.accepted_at >= ${start} AND d.accepted_at < ${end} AND ${unitFilter(unitIds)} AND ${scope}`;
  const rows = await sql<LogRow>`
    SELECT d.code, pv.name, pv.sector, d.owner ->> 'name' AS owner_name,
      coalesce(d.owner ->> 'address', d.applicant ->> 'address') AS address, d.applicant ->> 'phone' AS phone,
      d.status, d.accepted_at, d.due_at, d.returned_at, d.processed_at,
      (SELECT e.actor_name FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'accept' ORDER BY e.seq LIMIT 1) AS officer
    FROM dossiers d JOIN procedure_versions pv ON pv.id = d.procedure_version_id
    WHERE ${where} ORDER BY d.accepted_at, d.code LIMIT ${limit}`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers d WHERE ${where}`.execute(db);
  return { rows: rows.rows.map((r) => ({ ...r, status: Number(r.status) })), total: Number(total.rows[0]?.n ?? 0) };
}
