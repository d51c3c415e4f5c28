import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/client.ts';

/** The only SQL of the reports module (besides the roll-up trigger in migrations/0070_reports.sql). */
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
}

/** Units of a subtree (or of the whole tree) whose validity overlaps the period. */
export async function findUnits(
  db: Database,
  rootCode: string | undefined,
  from: string,
  to: string,
): Promise<UnitRow[]> {
  const overlap = sql`u.valid_from <= ${to}::date AND (u.valid_to IS NULL OR u.valid_to > ${from}::date)`;
  const rows = rootCode
    ? await sql<UnitRow>`
        WITH RECURSIVE root AS (
          SELECT id FROM units u WHERE code = ${rootCode} AND ${overlap} ORDER BY valid_from DESC LIMIT 1),
        t(id) AS (SELECT id FROM root UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
        SELECT u.id, u.code, u.full_name AS name, u.level, u.parent_id FROM units u JOIN t ON t.id = u.id
        WHERE ${overlap}`.execute(db)
    : await sql<UnitRow>`SELECT u.id, u.code, u.full_name AS name, u.level, u.parent_id FROM units u WHERE ${overlap}`.execute(
        db,
      );
  return rows.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    parent_id: r.parent_id === null ? null : Number(r.parent_id),
  }));
}

export interface RollupRow {
  key: string;
  received_online: number;
  received_other: number;
  carried_over: number;
  resolved_early: number;
  resolved_on_time: number;
  resolved_late: number;
  ended_other: number;
  pending: number;
  overdue: number;
}

export type GroupBy = 'unit' | 'sector' | 'none';

/** Month boundaries of a period: whole months [fullFrom, fullTo) come from report_monthly, the edges from report_daily. */
export function monthSplit(from: string, to: string) {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const monthStart = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  const nextMonth = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };
  const f = day(from);
  const afterTo = day(to) + 86_400_000;
  const fromMonth = monthStart(f);
  return {
    fromMonth: iso(fromMonth),
    fullFrom: iso(f === fromMonth ? f : nextMonth(f)),
    fullTo: iso(monthStart(afterTo)),
  };
}

/**
 * Form counts from the roll-up: period sums for what happened in the period, prefix sums of the interval
 * deltas for what was pending before it (carried over) and at its end. Whole months are read from
 * report_monthly, the days at the edges from report_daily.
 */
export async function sumRollup(
  db: Database,
  from: string,
  to: string,
  unitIds: number[] | null,
  scope: RawBuilder<boolean>,
  groupBy: GroupBy,
): Promise<RollupRow[]> {
  const key = groupBy === 'unit' ? sql`r.unit_id::text` : groupBy === 'sector' ? sql`r.sector` : sql`'all'`;
  const units = unitIds === null ? sql`true` : unitIds.length ? sql`r.unit_id IN (${sql.join(unitIds)})` : sql`false`;
  const m = monthSplit(from, to);
  const F = sql`${from}::date`;
  const T = sql`${to}::date`;
  const fm = sql`${m.fullFrom}::date`;
  const lm = sql`${m.fullTo}::date`;
  const msF = sql`${m.fromMonth}::date`;
  const hasFull = m.fullFrom < m.fullTo;
  const dailyRange = hasFull
    ? sql`((r.day >= ${msF} AND r.day < ${fm}) OR (r.day >= ${lm} AND r.day <= ${T}))`
    : sql`(r.day >= ${msF} AND r.day <= ${T})`;
  const inFull = hasFull ? sql`(r.day >= ${fm} AND r.day < ${lm})` : sql`false`;
  const cols = (inPeriod: RawBuilder<unknown>, carried: RawBuilder<unknown>, pending: RawBuilder<unknown>) => sql`
      coalesce(sum(r.received_online) FILTER (WHERE ${inPeriod}), 0) AS received_online,
      coalesce(sum(r.received_other) FILTER (WHERE ${inPeriod}), 0) AS received_other,
      coalesce(sum(r.pending_delta) FILTER (WHERE ${carried}), 0) AS carried_over,
      coalesce(sum(r.resolved_early) FILTER (WHERE ${inPeriod}), 0) AS resolved_early,
      coalesce(sum(r.resolved_on_time) FILTER (WHERE ${inPeriod}), 0) AS resolved_on_time,
      coalesce(sum(r.resolved_late) FILTER (WHERE ${inPeriod}), 0) AS resolved_late,
      coalesce(sum(r.ended_other) FILTER (WHERE ${inPeriod}), 0) AS ended_other,
      coalesce(sum(r.pending_delta) FILTER (WHERE ${pending}), 0) AS pending,
      coalesce(sum(r.overdue_delta) FILTER (WHERE ${pending}), 0) AS overdue`;
  const monthly = sql`
    SELECT ${key} AS key, ${cols(hasFull ? sql`r.month >= ${fm}` : sql`false`, sql`r.month < ${msF}`, sql`true`)}
    FROM report_monthly r WHERE r.month < ${lm} AND ${units} AND ${scope} GROUP BY 1`;
  const daily = sql`
    SELECT ${key} AS key, ${cols(sql`r.day >= ${F} AND NOT ${inFull}`, sql`r.day < ${F}`, sql`r.day >= ${lm}`)}
    FROM report_daily r WHERE ${dailyRange} AND ${units} AND ${scope} GROUP BY 1`;
  const result = await sql<RollupRow>`
    SELECT key, sum(received_online) AS received_online, sum(received_other) AS received_other,
      sum(carried_over) AS carried_over, sum(resolved_early) AS resolved_early, sum(resolved_on_time) AS resolved_on_time,
      sum(resolved_late) AS resolved_late, sum(ended_other) AS ended_other, sum(pending) AS pending, sum(overdue) AS overdue
    FROM (${monthly} UNION ALL ${daily}) x GROUP BY key`.execute(db);
  return result.rows.map((r) => ({
    key: String(r.key),
    received_online: Number(r.received_online),
    received_other: Number(r.received_other),
    carried_over: Number(r.carried_over),
    resolved_early: Number(r.resolved_early),
    resolved_on_time: Number(r.resolved_on_time),
    resolved_late: Number(r.resolved_late),
    ended_other: Number(r.ended_other),
    pending: Number(r.pending),
    overdue: Number(r.overdue),
  }));
}

export interface RawDossierRow {
  unit_id: number;
  sector: string;
  status: number;
  channel: number;
  accepted_at: Date;
  due_at: Date | null;
  processed_at: Date | null;
  returned_at: Date | null;
  finished_at: Date | null;
}

/** Every accepted dossier received up to the period end in the units and scope (the raw path). */
export async function findRawDossiers(
  db: Database,
  periodEnd: Date,
  unitIds: number[] | null,
  scope: RawBuilder<boolean>,
): Promise<RawDossierRow[]> {
  const units =
    unitIds === null ? sql`true` : unitIds.length ? sql`d.receiving_unit_id IN (${sql.join(unitIds)})` : sql`false`;
  const result = await sql<RawDossierRow>`
    SELECT d.receiving_unit_id AS unit_id, pv.sector, d.status, d.channel, d.accepted_at, d.due_at,
      d.processed_at, d.returned_at, d.finished_at
    FROM dossiers d JOIN procedure_versions pv ON pv.id = d.procedure_version_id
    WHERE d.accepted_at IS NOT NULL AND d.receiving_unit_id IS NOT NULL AND d.accepted_at < ${periodEnd}
      AND ${units} AND ${scope}`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    unit_id: Number(r.unit_id),
    status: Number(r.status),
    channel: Number(r.channel),
  }));
}

/** Whether any of the agencies sits in one of the units (an agency-scoped officer asking for a subtree). */
export async function hasAgencyInUnits(db: Database, agencyIds: string[], unitIds: number[]): Promise<boolean> {
  if (agencyIds.length === 0 || unitIds.length === 0) return false;
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('id', 'in', agencyIds)
    .where('unit_id', 'in', unitIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
