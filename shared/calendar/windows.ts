// Working windows: the hours of a working day during which the deadline clock runs. Kept per agency,
// because hours differ between provinces and offices (DOMAIN §4).
import { CalendarInputError } from './errors.ts';
import { MINUTE_MS } from './instant.ts';

/** A window of local (UTC+7) clock time, `HH:mm`–`HH:mm`, start inclusive, end inclusive for due times. */
export type WorkingWindow = { start: string; end: string };

/**
 * Default hours: 07:00–11:30 and 13:30–17:00 (8 h), the real default of a provincial one-stop system
 * named in the issue. Unconfirmed for Hanoi [U]: configure per agency.
 */
export const DEFAULT_WORKING_WINDOWS: readonly WorkingWindow[] = Object.freeze([
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
]);

/**
 * Hanoi's office hours as far as we know: 08:00–17:00 (Decision 315/QĐ-UBND, 2012) with the customary
 * 12:00–13:00 lunch break [P: partly verified, lunch unconfirmed]. Also 8 h.
 */
export const HANOI_WORKING_WINDOWS_UNCONFIRMED: readonly WorkingWindow[] = Object.freeze([
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
]);

/** Labour Code 2019 Art. 105(1): a normal working day is at most 8 hours; 1 working day = 8 h. */
export const WORKING_DAY_MINUTES = 480;

/** Windows compiled to milliseconds after local midnight: [start0, end0, start1, end1, …]. */
export type CompiledWindows = {
  readonly bounds: Int32Array;
  /** Total window time of one working day, in ms (the length of one working day on the clock axis). */
  readonly dayMs: number;
};

const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseClock(text: string, field: string): number {
  const m = HH_MM.exec(text);
  const ms = m ? (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS : NaN;
  if (!m || ms > 24 * 60 * MINUTE_MS) {
    throw new CalendarInputError('INVALID_INPUT', field, `${field}: expected HH:mm between 00:00 and 24:00`);
  }
  return ms;
}

/** Validate and compile windows: non-empty, each start < end, sorted and non-overlapping. */
export function compileWindows(windows: readonly WorkingWindow[]): CompiledWindows {
  if (windows.length === 0) {
    throw new CalendarInputError('INVALID_INPUT', 'windows', 'windows: at least one working window is required');
  }
  const bounds = new Int32Array(windows.length * 2);
  let previousEnd = -1;
  let dayMs = 0;
  windows.forEach((w, i) => {
    const start = parseClock(w.start, `windows[${i}].start`);
    const end = parseClock(w.end, `windows[${i}].end`);
    if (start >= end || start < previousEnd) {
      throw new CalendarInputError(
        'INVALID_INPUT',
        `windows[${i}]`,
        `windows[${i}]: windows must be sorted, non-empty and must not overlap`,
      );
    }
    bounds[2 * i] = start;
    bounds[2 * i + 1] = end;
    previousEnd = end;
    dayMs += end - start;
  });
  return { bounds, dayMs };
}

/** Window time elapsed in a working day at a local clock time (0 before the first window, dayMs after the last). */
export function positionInDay(w: CompiledWindows, msOfDay: number): number {
  const b = w.bounds;
  let elapsed = 0;
  for (let i = 0; i < b.length; i += 2) {
    const start = b[i]!;
    const end = b[i + 1]!;
    if (msOfDay < start) return elapsed;
    if (msOfDay < end) return elapsed + msOfDay - start;
    elapsed += end - start;
  }
  return elapsed;
}

/**
 * Clock time at a position within the working day. At a boundary shared by two windows (end of the
 * morning = start of the afternoon), `earliest` picks the end of the earlier window: a due time is the
 * first instant at which the working time has run out. Otherwise the start of the later window: the
 * clock starts running when the office opens.
 */
export function clockAtPosition(w: CompiledWindows, position: number, earliest: boolean): number {
  const b = w.bounds;
  let elapsed = 0;
  for (let i = 0; i < b.length; i += 2) {
    const start = b[i]!;
    const length = b[i + 1]! - start;
    if (earliest ? position <= elapsed + length : position < elapsed + length) {
      return start + position - elapsed;
    }
    elapsed += length;
  }
  return b[b.length - 1]!;
}
