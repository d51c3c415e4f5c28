// The official yearly tables of days off and make-up working days. Each year the Prime Minister fixes
// the Tết days and the second National Day day (Labour Code 2019 Art. 112(3)) and the civil service
// gets a notice, often swapping a weekday with a Saturday (làm bù). A year's table, when present,
// replaces the computed rules for that whole year; administrators edit it (server `calendar` module).
import { CalendarInputError } from './errors.ts';
import { parseIsoDate, weekdayOfEpochDay, yearOfEpochDay } from './instant.ts';

export type OfficialDayKind = 'off' | 'workday';

/** `off`: a Monday–Friday that is not worked; `workday`: a weekend day that is worked (làm bù). */
export type OfficialDay = { date: string; kind: OfficialDayKind; name: string };

export type OfficialYearTable = {
  year: number;
  /** Provenance grade of the table, e.g. `secondary`, `partial`. */
  status?: string;
  /** True when only part of the year was announced: the rest may still change. */
  provisional?: boolean;
  days: readonly OfficialDay[];
};

export type HolidayTables = readonly OfficialYearTable[];

export type CompiledYearTable = {
  year: number;
  status: string;
  provisional: boolean;
  /** Epoch day → name, for weekday days off. */
  off: Map<number, string>;
  /** Epoch day → name, for worked weekend days. */
  workdays: Map<number, string>;
};

/** Validate tables (dates inside their year, known kinds, no duplicates) and index them by year. */
export function compileHolidayTables(tables: HolidayTables): Map<number, CompiledYearTable> {
  const byYear = new Map<number, CompiledYearTable>();
  tables.forEach((table, t) => {
    if (!Number.isInteger(table.year) || byYear.has(table.year)) {
      throw new CalendarInputError(
        'INVALID_INPUT',
        `tables[${t}].year`,
        `tables[${t}].year: missing or duplicate year`,
      );
    }
    const compiled: CompiledYearTable = {
      year: table.year,
      status: table.status ?? 'official',
      provisional: table.provisional ?? false,
      off: new Map(),
      workdays: new Map(),
    };
    table.days.forEach((entry, i) => {
      const field = `tables[${t}].days[${i}]`;
      const day = parseIsoDate(entry.date, `${field}.date`);
      if (yearOfEpochDay(day) !== table.year) {
        throw new CalendarInputError('INVALID_INPUT', `${field}.date`, `${field}.date: not in year ${table.year}`);
      }
      if (compiled.off.has(day) || compiled.workdays.has(day)) {
        throw new CalendarInputError('INVALID_INPUT', `${field}.date`, `${field}.date: listed twice`);
      }
      if (entry.kind === 'off') compiled.off.set(day, entry.name);
      else if (entry.kind === 'workday') compiled.workdays.set(day, entry.name);
      else throw new CalendarInputError('INVALID_INPUT', `${field}.kind`, `${field}.kind: expected off or workday`);
    });
    byYear.set(table.year, compiled);
  });
  return byYear;
}

/** Whether a day is worked under a year's official table (weekends off unless made up). */
export function isWorkingDayByTable(table: CompiledYearTable, day: number): boolean {
  const wd = weekdayOfEpochDay(day);
  if (wd === 0 || wd === 6) return table.workdays.has(day);
  return !table.off.has(day);
}
