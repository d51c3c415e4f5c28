// A working calendar: which days are worked, and the working windows of each worked day. Built once
// (per agency and per version of the official tables) into flat arrays so that a due date is a few
// array reads, never a day-by-day loop (≥ 2 million computations per second, bench/calendar.bench.ts).
import { CalendarInputError } from './errors.ts';
import { computeRuleDaysOff } from './holiday-rules.ts';
import {
  compileHolidayTables,
  isWorkingDayByTable,
  type CompiledYearTable,
  type HolidayTables,
} from './holiday-tables.ts';
import { epochDayOf, formatEpochDay, weekdayOfEpochDay } from './instant.ts';
import { compileWindows, DEFAULT_WORKING_WINDOWS, type CompiledWindows, type WorkingWindow } from './windows.ts';

export type CalendarOptions = {
  /** Working windows of the agency; default DEFAULT_WORKING_WINDOWS. */
  windows?: readonly WorkingWindow[];
  /**
   * First supported year. Default 2013: the Labour Code 2012 (in force from 01/05/2013) gave Tết five
   * days; earlier holiday law is not modelled.
   */
  firstYear?: number;
  /** Last supported year, default 2099. */
  lastYear?: number;
};

type NamedDay = { day: number; name: string };

export type YearInfo = {
  readonly year: number;
  /** No official table, or only a partial one: days may still change. */
  readonly provisional: boolean;
  /** `computed` when the year comes from the rules, else the table's status. */
  readonly source: string;
  readonly daysOff: readonly NamedDay[];
  readonly makeupDays: readonly NamedDay[];
};

export type Calendar = {
  readonly windows: CompiledWindows;
  /** Length of one working day on the working-time axis, in ms (window time of one day). */
  readonly dayMs: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Epoch day of 1 January of firstYear; index 0 of the arrays below. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** 1 when the day (by index) is a working day. */
  readonly working: Uint8Array;
  /** Number of working days strictly before each day index (length dayCount + 1). */
  readonly ordinalBefore: Int32Array;
  /** Epoch day of the n-th working day (0-based). */
  readonly workingDays: Int32Array;
  readonly years: ReadonlyMap<number, YearInfo>;
};

function yearFromTable(table: CompiledYearTable): YearInfo {
  const toList = (m: Map<number, string>): NamedDay[] =>
    [...m].map(([day, name]) => ({ day, name })).sort((a, b) => a.day - b.day);
  return {
    year: table.year,
    provisional: table.provisional,
    source: table.status,
    daysOff: toList(table.off),
    makeupDays: toList(table.workdays),
  };
}

function yearFromRules(year: number): YearInfo {
  return { year, provisional: true, source: 'computed', daysOff: computeRuleDaysOff(year), makeupDays: [] };
}

function checkYear(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2200) {
    throw new CalendarInputError('INVALID_INPUT', field, `${field}: expected a year between 1900 and 2200`);
  }
  return value;
}

/** Build a calendar from the official tables (which win over the rules for their years) and options. */
export function createCalendar(tables: HolidayTables, options: CalendarOptions = {}): Calendar {
  const windows = compileWindows(options.windows ?? DEFAULT_WORKING_WINDOWS);
  const firstYear = checkYear(options.firstYear ?? 2013, 'firstYear');
  const lastYear = checkYear(options.lastYear ?? 2099, 'lastYear');
  if (lastYear < firstYear) {
    throw new CalendarInputError('INVALID_INPUT', 'lastYear', 'lastYear: must not be before firstYear');
  }
  const compiledTables = compileHolidayTables(tables);
  const firstDay = epochDayOf(firstYear, 1, 1);
  const dayCount = epochDayOf(lastYear + 1, 1, 1) - firstDay;
  const working = new Uint8Array(dayCount);
  const years = new Map<number, YearInfo>();

  for (let year = firstYear; year <= lastYear; year++) {
    const table = compiledTables.get(year);
    const info = table ? yearFromTable(table) : yearFromRules(year);
    years.set(year, info);
    const start = epochDayOf(year, 1, 1);
    const end = epochDayOf(year + 1, 1, 1);
    const off = new Set(info.daysOff.map((d) => d.day));
    for (let day = start; day < end; day++) {
      const wd = weekdayOfEpochDay(day);
      // Decision 188/1999/QĐ-TTg: the civil service works Monday–Friday.
      const isWorking = table ? isWorkingDayByTable(table, day) : wd !== 0 && wd !== 6 && !off.has(day);
      working[day - firstDay] = isWorking ? 1 : 0;
    }
  }

  const ordinalBefore = new Int32Array(dayCount + 1);
  let count = 0;
  for (let i = 0; i < dayCount; i++) {
    ordinalBefore[i] = count;
    count += working[i]!;
  }
  ordinalBefore[dayCount] = count;
  const workingDays = new Int32Array(count);
  for (let i = 0, n = 0; i < dayCount; i++) if (working[i]) workingDays[n++] = firstDay + i;

  return {
    windows,
    dayMs: windows.dayMs,
    firstYear,
    lastYear,
    firstDay,
    dayCount,
    working,
    ordinalBefore,
    workingDays,
    years,
  };
}

export type YearCalendar = {
  year: number;
  provisional: boolean;
  source: string;
  workingDays: string[];
  daysOff: { date: string; name: string }[];
  makeupDays: { date: string; name: string }[];
};

/** The working days, named weekday days off and make-up days of one year. */
export function getYearCalendar(calendar: Calendar, year: number): YearCalendar {
  const info = calendar.years.get(year);
  if (!info) {
    throw new CalendarInputError(
      'OUT_OF_RANGE',
      'year',
      `year: supported years are ${calendar.firstYear}–${calendar.lastYear}`,
    );
  }
  const start = epochDayOf(year, 1, 1) - calendar.firstDay;
  const end = epochDayOf(year + 1, 1, 1) - calendar.firstDay;
  const workingDays: string[] = [];
  for (let i = start; i < end; i++) if (calendar.working[i]) workingDays.push(formatEpochDay(calendar.firstDay + i));
  const named = (d: NamedDay) => ({ date: formatEpochDay(d.day), name: d.name });
  return {
    year,
    provisional: info.provisional,
    source: info.source,
    workingDays,
    daysOff: info.daysOff.map(named),
    makeupDays: info.makeupDays.map(named),
  };
}

/** Whether a Vietnam-local date (epoch day) is a working day; false outside the supported years. */
export function isWorkingEpochDay(calendar: Calendar, day: number): boolean {
  const i = day - calendar.firstDay;
  return i >= 0 && i < calendar.dayCount && calendar.working[i] === 1;
}
