// Due dates: when the clock starts, when a time limit runs out, and how much working time has run.
import type { Calendar } from './calendar.ts';
import { CalendarInputError } from './errors.ts';
import { DAY_MS, MINUTE_MS, toEpochMs, VN_OFFSET_MS, type InstantInput } from './instant.ts';
import { fromWorkingAxis, nextWorkingDayAxis, toWorkingAxis } from './working-time.ts';

export type DurationUnit = 'workingDays' | 'workingHours' | 'calendarDays';
export type Duration = { value: number; unit: DurationUnit };

export type DueOptions = {
  /**
   * Received after 15:00 → the time limit counts from the next working day's first window (sector law,
   * e.g. Decree 23/2015 Art. 7 on certified copies; Decree 63/2024 Art. 7(2)) [P].
   */
  cutoff15?: boolean;
};

export type DueDate = { startsAt: Date; dueAt: Date };

/** Upper bounds that no statutory time limit comes near; anything larger is a typing error. */
export const MAX_DURATION: Readonly<Record<DurationUnit, number>> = Object.freeze({
  workingDays: 1000,
  workingHours: 8000,
  calendarDays: 1500,
});

const CUTOFF_MS_OF_DAY = 15 * 60 * MINUTE_MS;

function invalidDuration(field: string, message: string): CalendarInputError {
  return new CalendarInputError('INVALID_INPUT', field, message);
}

/** Validate a duration (positive, finite, within MAX_DURATION; whole calendar days). */
export function checkDuration(duration: Duration): void {
  if (typeof duration !== 'object' || duration === null) {
    throw invalidDuration('duration', 'duration: expected { value, unit }');
  }
  const { value, unit } = duration;
  const max = MAX_DURATION[unit];
  if (max === undefined) {
    throw invalidDuration('duration.unit', 'duration.unit: expected workingDays, workingHours or calendarDays');
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw invalidDuration('duration.value', `duration.value: expected a number > 0 and ≤ ${max} ${unit}`);
  }
  if (unit === 'calendarDays' && !Number.isInteger(value)) {
    throw invalidDuration('duration.value', 'duration.value: calendar days must be a whole number');
  }
}

/**
 * Working time of a duration on the axis, in ms. One working day is one day of the agency's windows
 * (8 h with both default window sets: Labour Code 2019 Art. 105(1)); a working hour is 60 minutes of
 * window time. See docs/decisions/0002-calendar-model.md for windows that do not total 8 h.
 */
export function workingDurationMs(calendar: Calendar, duration: Duration): number {
  return duration.unit === 'workingDays'
    ? Math.round(duration.value * calendar.dayMs)
    : Math.round(duration.value * 60 * MINUTE_MS);
}

function startAxis(calendar: Calendar, receivedMs: number, cutoff15: boolean | undefined): number {
  if (cutoff15) {
    const msOfDay = (((receivedMs + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    if (msOfDay > CUTOFF_MS_OF_DAY) return nextWorkingDayAxis(calendar, receivedMs, 'start');
  }
  return toWorkingAxis(calendar, receivedMs, 'start');
}

/** When the clock starts for a dossier received at an instant: the next window start if outside one. */
export function computeStartInstant(calendar: Calendar, received: InstantInput, options: DueOptions = {}): Date {
  const ms = toEpochMs(received, 'start');
  return new Date(fromWorkingAxis(calendar, startAxis(calendar, ms, options.cutoff15), false, 'start'));
}

function calendarDaysDue(calendar: Calendar, startsAtMs: number, days: number): number {
  const dueMs = startsAtMs + days * DAY_MS;
  const dueAxis = toWorkingAxis(calendar, dueMs, 'dueAt');
  const local = dueMs + VN_OFFSET_MS;
  const i = Math.floor(local / DAY_MS) - calendar.firstDay;
  if (calendar.working[i]) return dueMs;
  // Civil Code 2015 Art. 148(5): a period whose last day is a weekend or holiday ends at the end of the
  // next working day. dueAxis is the start of that day; its end is one working day later.
  return fromWorkingAxis(calendar, dueAxis + calendar.dayMs, true);
}

/**
 * Start and due instants of a time limit. Working days keep the clock time (received Fri 27/10/2023
 * 09:32 + 5 working days → Fri 03/11/2023 09:32); a limit that runs out exactly at a window end is due
 * at that window end (17:00), not at the next opening.
 */
export function computeDueDate(
  calendar: Calendar,
  start: InstantInput,
  duration: Duration,
  options: DueOptions = {},
): DueDate {
  checkDuration(duration);
  const receivedMs = toEpochMs(start, 'start');
  const axis = startAxis(calendar, receivedMs, options.cutoff15);
  const startsAtMs = fromWorkingAxis(calendar, axis, false, 'start');
  const dueMs =
    duration.unit === 'calendarDays'
      ? calendarDaysDue(calendar, startsAtMs, duration.value)
      : fromWorkingAxis(calendar, axis + workingDurationMs(calendar, duration), true);
  return { startsAt: new Date(startsAtMs), dueAt: new Date(dueMs) };
}

/** Working minutes that ran between two instants (negative when `to` is before `from`). */
export function elapsedWorkingMinutes(calendar: Calendar, from: InstantInput, to: InstantInput): number {
  const a = toWorkingAxis(calendar, toEpochMs(from, 'from'), 'from');
  const b = toWorkingAxis(calendar, toEpochMs(to, 'to'), 'to');
  return (b - a) / MINUTE_MS;
}

/** Add working minutes to an instant (the result is inside a window; a window end counts as inside). */
export function addWorkingMinutes(calendar: Calendar, from: InstantInput, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new CalendarInputError('INVALID_INPUT', 'minutes', 'minutes: expected a finite number ≥ 0');
  }
  const axis = toWorkingAxis(calendar, toEpochMs(from, 'from'), 'from');
  return new Date(fromWorkingAxis(calendar, axis + Math.round(minutes * MINUTE_MS), true));
}
