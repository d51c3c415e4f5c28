import { describe, expect, it } from 'vitest';
import { CalendarInputError } from './errors.ts';
import { formatVnIso, parseInstant, parseIsoDate, toEpochMs } from './instant.ts';

describe('instants in Asia/Ho_Chi_Minh', () => {
  it('formats with the +07:00 offset whatever the process time zone', () => {
    expect(formatVnIso(new Date('2023-11-03T02:32:00Z'))).toBe('2023-11-03T09:32:00+07:00');
    expect(formatVnIso(Date.UTC(2023, 11, 31, 17, 0))).toBe('2024-01-01T00:00:00+07:00');
    expect(formatVnIso(Date.UTC(2023, 0, 1, 0, 0, 0, 5))).toBe('2023-01-01T07:00:00.005+07:00');
  });

  it('parses any explicit offset', () => {
    expect(parseInstant('2023-10-27T09:32:00+07:00')).toBe(Date.UTC(2023, 9, 27, 2, 32));
    expect(parseInstant('2023-10-27T02:32Z')).toBe(Date.UTC(2023, 9, 27, 2, 32));
    expect(parseInstant('2023-10-26T21:32:00.000-05:00')).toBe(Date.UTC(2023, 9, 27, 2, 32));
  });

  it.each([
    '2023-10-27T09:32:00',
    '2023-10-27 09:32:00+07:00',
    '2023-02-30T09:00:00+07:00',
    '2023-13-01T09:00:00+07:00',
    '2023-10-27T25:00:00+07:00',
    '27/10/2023 09:32',
    '',
  ])('rejects the malformed instant %j with a typed error', (text) => {
    expect(() => parseInstant(text, 'start')).toThrow(CalendarInputError);
    try {
      parseInstant(text, 'start');
    } catch (error) {
      expect((error as CalendarInputError).field).toBe('start');
      expect((error as CalendarInputError).code).toBe('INVALID_INPUT');
    }
  });

  it('rejects invalid Dates and numbers', () => {
    expect(() => toEpochMs(new Date('nope'))).toThrow(CalendarInputError);
    expect(() => toEpochMs(Number.NaN)).toThrow(CalendarInputError);
  });

  it('parses civil dates strictly', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(() => parseIsoDate('2023-02-29')).toThrow(CalendarInputError);
  });
});
