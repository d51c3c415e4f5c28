import { sql } from 'kysely';
import { isWorkingEpochDay, type Calendar } from '../../../shared/calendar/calendar.ts';
import { formatEpochDay } from '../../../shared/calendar/instant.ts';
import { compileWindows, type WorkingWindow } from '../../../shared/calendar/windows.ts';
import type { ReportPeriod, SpeedReport, SpeedRow } from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { getCalendar } from '../calendar/service.ts';
import { scopeCondition, type Access } from '../identity/service.ts';
import { resolveScope } from './forms.ts';
import { periodDays, periodEndInstant } from './tally.ts';

/**
 * Speed vs. the law: actual processing time (start of the time limit → processed, or returned) against the
 * statutory limit, per procedure (and unit). Working days are measured in SQL on the calendar engine's own
 * working days (copied to report_working_days) and the default working windows; calendar-day procedures
 * in calendar days.
 */
const filled = new WeakSet<Calendar>();

/** Copies the calendar's working days into report_working_days (again whenever the calendar changes). */
export async function syncWorkingDays(db: Database, calendar: Calendar): Promise<void> {
  if (filled.has(calendar)) return;
  const rows: { day: string; is_working: boolean; ordinal: number }[] = [];
  let ordinal = 0;
  for (let d = calendar.firstDay; d < calendar.firstDay + calendar.dayCount; d++) {
    const working = isWorkingEpochDay(calendar, d);
    if (working) ordinal++;
    rows.push({ day: formatEpochDay(d), is_working: working, ordinal });
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_working_days').execute();
    for (let i = 0; i < rows.length; i += 2000)
      await trx
        .insertInto('report_working_days')
        .values(rows.slice(i, i + 2000))
        .execute();
  });
  filled.add(calendar);
}

/** SQL: the share (0–1) of a working day's windows already past at an instant's local clock time. */
function dayFraction(column: string, windows: readonly WorkingWindow[]) {
  const w = compileWindows(windows);
  const ms = sql`(extract(epoch FROM ((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '7 hours')::time) * 1000)`;
  const parts: ReturnType<typeof sql>[] = [];
  let total = 0;
  for (let i = 0; i + 1 < w.bounds.length; i += 2) {
    const [s, e] = [w.bounds[i]!, w.bounds[i + 1]!];
    total += e - s;
    parts.push(sql`(least(greatest(${ms}, ${s}), ${e}) - ${s})`);
  }
  return sql`((${sql.join(parts, sql` + `)}) / ${total}::float8)`;
}

export interface SpeedOptions {
  by: 'procedure' | 'unit';
  limit?: number;
}

export async function buildSpeed(
  ctx: AppContext,
  access: Access,
  period: ReportPeriod,
  unitCode: string | undefined,
  options: SpeedOptions,
): Promise<SpeedReport> {
  const scope = await resolveScope(ctx, access, unitCode, period);
  const { calendar, windows } = await getCalendar(ctx);
  await syncWorkingDays(ctx.db, calendar);
  const days = periodDays(period.from, period.to);
  const start = new Date(days.fromDay * 86_400_000 - 7 * 3_600_000);
  const end = periodEndInstant(days);
  const units =
    scope.unitIds === null
      ? sql`true`
      : scope.unitIds.length
        ? sql`d.receiving_unit_id IN (${sql.join(scope.unitIds)})`
        : sql`false`;
  const filter = scopeCondition(access, { unit: 'd.receiving_unit_id', agency: 'd.receiving_agency_id' });
  const byUnit = options.by === 'unit';
  const rows = await sql<{
    procedure_code: string;
    name: string;
    unit_code: string | null;
    unit_name: string | null;
    limit_value: number;
    limit_unit: string;
    resolved: number;
    average: number;
    median: number;
  }>`
    WITH ended AS (
      SELECT d.procedure_code, d.procedure_version_id, d.receiving_unit_id, d.receiving_agency_id, d.starts_at, d.accepted_at, d.processed_at, d.returned_at
      FROM dossiers d WHERE d.processed_at >= ${start} AND d.processed_at < ${end}
      UNION ALL
      SELECT d.procedure_code, d.procedure_version_id, d.receiving_unit_id, d.receiving_agency_id, d.starts_at, d.accepted_at, d.processed_at, d.returned_at FROM dossiers d
      WHERE d.processed_at IS NULL AND d.returned_at IS NOT NULL AND d.returned_at >= ${start} AND d.returned_at < ${end}
    ), x AS (
      SELECT d.procedure_code, d.receiving_unit_id AS unit_id, pv.time_limit_value, pv.time_limit_unit,
        coalesce(d.starts_at, d.accepted_at) AS s, coalesce(d.processed_at, d.returned_at) AS e
      FROM ended d JOIN procedure_versions pv ON pv.id = d.procedure_version_id
      WHERE d.accepted_at IS NOT NULL AND ${units} AND ${filter}
    ), y AS (
      SELECT x.procedure_code, ${byUnit ? sql`x.unit_id` : sql`NULL::integer`} AS unit_id,
        x.time_limit_value AS limit_value, x.time_limit_unit AS limit_unit,
        CASE WHEN x.time_limit_unit = 'calendarDays' THEN extract(epoch FROM x.e - x.s) / 86400.0
          ELSE (we.ordinal - ws.ordinal)
            + CASE WHEN we.is_working THEN ${dayFraction('x.e', windows)} ELSE 1 END
            - CASE WHEN ws.is_working THEN ${dayFraction('x.s', windows)} ELSE 1 END END AS days
      FROM x JOIN report_working_days ws ON ws.day = report_vn_day(x.s)
        JOIN report_working_days we ON we.day = report_vn_day(x.e)
    )
    SELECT y.procedure_code, (SELECT name FROM procedure_versions p WHERE p.code = y.procedure_code ORDER BY valid_from DESC LIMIT 1) AS name,
      u.code AS unit_code, u.full_name AS unit_name, max(y.limit_value) AS limit_value, max(y.limit_unit) AS limit_unit,
      count(*) AS resolved, avg(y.days) AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY y.days) AS median
    FROM y LEFT JOIN units u ON u.id = y.unit_id
    GROUP BY y.procedure_code, u.code, u.full_name
    ORDER BY count(*) DESC, y.procedure_code
    LIMIT ${options.limit ?? 500}`.execute(ctx.db);
  return { period, rows: rows.rows.map(toSpeedRow) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function toSpeedRow(r: {
  procedure_code: string;
  name: string;
  unit_code: string | null;
  unit_name: string | null;
  limit_value: number;
  limit_unit: string;
  resolved: number;
  average: number;
  median: number;
}): SpeedRow {
  const calendarDays = r.limit_unit === 'calendarDays';
  const statutory = r.limit_unit === 'workingHours' ? Number(r.limit_value) / 8 : Number(r.limit_value);
  const average = Number(r.average);
  return {
    procedureCode: r.procedure_code,
    procedureName: r.name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    resolved: Number(r.resolved),
    averageDays: round2(average),
    medianDays: round2(Number(r.median)),
    statutoryDays: statutory,
    timeUnit: calendarDays ? 'calendarDays' : 'workingDays',
    fasterPercent: Math.round((1 - average / statutory) * 100),
  };
}
