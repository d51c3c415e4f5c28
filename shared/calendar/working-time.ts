// The working-time axis: every instant maps to the amount of window time (ms) that has run on working
// days since the calendar's first day. Deadlines are then plain additions on this axis.
//   axis(instant) = (working days before its local date) × dayMs + window time elapsed that day.
// A non-working day, and any time outside the windows, maps to the next window start. The mapping back
// is ambiguous at boundaries (17:00 ≡ next working day's 07:00, 11:30 ≡ 13:30); see clockAtPosition.
import type { Calendar } from './calendar.ts';
import { CalendarInputError } from './errors.ts';
import { DAY_MS, VN_OFFSET_MS } from './instant.ts';
import { clockAtPosition, positionInDay } from './windows.ts';

function outOfRange(calendar: Calendar, field: string): CalendarInputError {
  return new CalendarInputError(
    'OUT_OF_RANGE',
    field,
    `${field}: outside the supported years ${calendar.firstYear}–${calendar.lastYear}`,
  );
}

/** Position of an instant (epoch ms) on the working-time axis. */
export function toWorkingAxis(calendar: Calendar, epochMs: number, field = 'instant'): number {
  const local = epochMs + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const i = day - calendar.firstDay;
  if (i < 0 || i >= calendar.dayCount) throw outOfRange(calendar, field);
  const base = calendar.ordinalBefore[i]! * calendar.dayMs;
  return calendar.working[i] ? base + positionInDay(calendar.windows, local - day * DAY_MS) : base;
}

/** Axis position of the start of the first working day after the local date of an instant. */
export function nextWorkingDayAxis(calendar: Calendar, epochMs: number, field = 'instant'): number {
  const i = Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS) - calendar.firstDay;
  if (i < 0 || i >= calendar.dayCount) throw outOfRange(calendar, field);
  return calendar.ordinalBefore[i + 1]! * calendar.dayMs;
}

/**
 * Instant (epoch ms) at an axis position. `earliest` (due times): the end of a window at a boundary, so
 * a deadline that runs out at closing time is due at 17:00 that day. Otherwise (start times): the
 * start of the next window.
 */
export function fromWorkingAxis(calendar: Calendar, axis: number, earliest: boolean, field = 'dueAt'): number {
  const dayMs = calendar.dayMs;
  let ordinal = Math.floor(axis / dayMs);
  let position = axis - ordinal * dayMs;
  if (earliest && position === 0 && ordinal > 0) {
    ordinal -= 1;
    position = dayMs;
  }
  const day = calendar.workingDays[ordinal];
  if (day === undefined || ordinal < 0) throw outOfRange(calendar, field);
  return day * DAY_MS + clockAtPosition(calendar.windows, position, earliest) - VN_OFFSET_MS;
}

/** Whether an instant lies inside a working window of a working day (window ends included). */
export function isWithinWorkingWindow(calendar: Calendar, epochMs: number): boolean {
  const local = epochMs + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const i = day - calendar.firstDay;
  if (i < 0 || i >= calendar.dayCount || !calendar.working[i]) return false;
  const ms = local - day * DAY_MS;
  const b = calendar.windows.bounds;
  for (let k = 0; k < b.length; k += 2) if (ms >= b[k]! && ms <= b[k + 1]!) return true;
  return false;
}
