// Shared by the calendar tests only: a calendar on the shipped tables and short local-time literals.
import { createCalendar, type Calendar } from './calendar.ts';
import { computeDueDate, type DueOptions, type DurationUnit } from './due-date.ts';
import { formatVnIso, parseInstant } from './instant.ts';
import { getReferenceHolidayTables } from './reference-tables.ts';

export const calendar: Calendar = createCalendar(getReferenceHolidayTables());

/** `2023-10-27 09:32` (Vietnam time) → epoch ms. */
export function vn(local: string): number {
  return parseInstant(`${local.replace(' ', 'T')}:00+07:00`);
}

/** Epoch ms or Date → `2023-10-27 09:32` in Vietnam time. */
export function local(instant: Date | number): string {
  return formatVnIso(instant).slice(0, 16).replace('T', ' ');
}

/** Due instant as a local-time literal. */
export function due(
  start: string,
  value: number,
  unit: DurationUnit,
  options: DueOptions = {},
  cal = calendar,
): string {
  return local(computeDueDate(cal, vn(start), { value, unit }, options).dueAt);
}

/** Start instant as a local-time literal. */
export function starts(
  start: string,
  value: number,
  unit: DurationUnit,
  options: DueOptions = {},
  cal = calendar,
): string {
  return local(computeDueDate(cal, vn(start), { value, unit }, options).startsAt);
}
