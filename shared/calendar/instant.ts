// Instants and local dates in Asia/Ho_Chi_Minh. Vietnam has used UTC+7 without daylight saving since
// 1975, so a fixed offset is exact for every date this product handles; nothing here reads the
// process time zone (tests run with TZ=UTC to prove it).
import { CalendarInputError } from './errors.ts';

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with an explicit offset. */
export type InstantInput = Date | number | string;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(field: string, message: string): CalendarInputError {
  return new CalendarInputError('INVALID_INPUT', field, message);
}

/**
 * Parse an ISO 8601 instant. The offset is mandatory: a string without one would be read in some
 * machine's local time, which is exactly the bug this module exists to prevent.
 */
export function parseInstant(text: string, field = 'instant'): number {
  const m = ISO_INSTANT.exec(text);
  if (!m) {
    throw invalid(field, `${field}: expected ISO 8601 with offset, e.g. 2023-10-27T09:32:00+07:00`);
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  const ms = Number((frac ?? '0').padEnd(3, '0'));
  let offsetMs = 0;
  if (zone !== 'Z' && zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) throw invalid(field, `${field}: offset out of range`);
    offsetMs = sign * (oh * 60 + om) * MINUTE_MS;
  }
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    throw invalid(field, `${field}: date or time field out of range`);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC silently rolls 31/02 over to March: reject instead of guessing.
  if (new Date(utc).getUTCDate() !== day) throw invalid(field, `${field}: no such calendar date`);
  return utc - offsetMs;
}

/** Normalise any accepted instant form to epoch milliseconds, validating it. */
export function toEpochMs(input: InstantInput, field = 'instant'): number {
  if (typeof input === 'string') return parseInstant(input, field);
  const ms = typeof input === 'number' ? input : input instanceof Date ? input.getTime() : NaN;
  if (!Number.isFinite(ms)) throw invalid(field, `${field}: not a valid instant`);
  return ms;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 in Vietnam time with the +07:00 offset, e.g. 2023-11-03T09:32:00+07:00. */
export function formatVnIso(instant: Date | number): string {
  const local = new Date((typeof instant === 'number' ? instant : instant.getTime()) + VN_OFFSET_MS);
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '') +
    '+07:00'
  );
}

/** Days since 1970-01-01 of the Vietnam-local date of an instant. */
export function vnEpochDay(epochMs: number): number {
  return Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS);
}

/** Day of the week of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch day of a `YYYY-MM-DD` civil date. */
export function parseIsoDate(text: string, field = 'date'): number {
  const m = ISO_DATE.exec(text);
  if (!m) throw invalid(field, `${field}: expected YYYY-MM-DD`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatEpochDay(utc / DAY_MS) !== text) throw invalid(field, `${field}: no such calendar date`);
  return utc / DAY_MS;
}

/** Epoch day of a civil date given by numbers (month 1–12). */
export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Solar year of an epoch day. */
export function yearOfEpochDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
