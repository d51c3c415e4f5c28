import type { Database } from '../../db/client.ts';
import type { OfficialDayKind } from '../../../shared/calendar/holiday-tables.ts';
import type { WorkingWindow } from '../../../shared/calendar/windows.ts';

export interface OfficialYearRow {
  year: number;
  status: string;
  provisional: boolean;
  sources: string[];
}

export interface OfficialDayRow {
  date: string;
  year: number;
  kind: OfficialDayKind;
  name: string;
  source: string;
}

/** All official yearly tables, years and days, in date order. */
export async function findOfficialTables(db: Database): Promise<{ years: OfficialYearRow[]; days: OfficialDayRow[] }> {
  const [years, days] = await Promise.all([
    db.selectFrom('calendar_years').select(['year', 'status', 'provisional', 'sources']).orderBy('year').execute(),
    db
      .selectFrom('calendar_official_days')
      .select(['date', 'year', 'kind', 'name', 'source'])
      .orderBy('date')
      .execute(),
  ]);
  return { years, days };
}

export async function findOfficialYear(
  db: Database,
  year: number,
): Promise<{ year: OfficialYearRow | undefined; days: OfficialDayRow[] }> {
  const [row, days] = await Promise.all([
    db
      .selectFrom('calendar_years')
      .select(['year', 'status', 'provisional', 'sources'])
      .where('year', '=', year)
      .executeTakeFirst(),
    db
      .selectFrom('calendar_official_days')
      .select(['date', 'year', 'kind', 'name', 'source'])
      .where('year', '=', year)
      .orderBy('date')
      .execute(),
  ]);
  return { year: row, days };
}

/** Replaces one year's table (or creates it) and records the change; run inside a transaction. */
export async function replaceOfficialYear(
  db: Database,
  table: OfficialYearRow,
  days: readonly OfficialDayRow[],
  before: unknown,
  editedBy: string,
): Promise<void> {
  await db.deleteFrom('calendar_official_days').where('year', '=', table.year).execute();
  await db
    .insertInto('calendar_years')
    .values({ ...table, sources: JSON.stringify(table.sources), edited_by: editedBy })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        status: table.status,
        provisional: table.provisional,
        sources: JSON.stringify(table.sources),
        edited_by: editedBy,
        edited_at: new Date(),
      }),
    )
    .execute();
  if (days.length > 0) {
    await db
      .insertInto('calendar_official_days')
      .values(days.map((d) => ({ ...d, edited_by: editedBy })))
      .execute();
  }
  await db
    .insertInto('calendar_official_day_changes')
    .values({
      year: table.year,
      before: JSON.stringify(before),
      after: JSON.stringify({ ...table, days }),
      edited_by: editedBy,
    })
    .execute();
}

export async function hasOfficialYear(db: Database, year: number): Promise<boolean> {
  return (
    (await db.selectFrom('calendar_years').select('year').where('year', '=', year).executeTakeFirst()) !== undefined
  );
}

export async function findAgencyWindows(db: Database, agencyId: string): Promise<WorkingWindow[] | undefined> {
  const row = await db
    .selectFrom('calendar_agency_windows')
    .select('windows')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row?.windows;
}

export async function countOfficialDayChanges(db: Database, year: number): Promise<number> {
  const row = await db
    .selectFrom('calendar_official_day_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Agencies that keep working hours of their own (the others use the default windows). */
export async function findAgenciesWithWindows(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('calendar_agency_windows').select('agency_id').execute();
  return rows.map((r) => r.agency_id);
}
