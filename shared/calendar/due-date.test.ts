import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { computeDueDate, computeStartInstant, elapsedWorkingMinutes, type Duration } from './due-date.ts';
import { CalendarInputError } from './errors.ts';
import { formatVnIso } from './instant.ts';
import { getReferenceHolidayTables } from './reference-tables.ts';
import { HANOI_WORKING_WINDOWS_UNCONFIRMED } from './windows.ts';
import { calendar, due, local, starts, vn } from './test-helpers.ts';

describe('computeDueDate', () => {
  it('golden case: received Fri 27/10/2023 09:32, 5 working days → Fri 03/11/2023 09:32', () => {
    const result = computeDueDate(calendar, '2023-10-27T09:32:00+07:00', { value: 5, unit: 'workingDays' });
    expect(formatVnIso(result.startsAt)).toBe('2023-10-27T09:32:00+07:00');
    expect(formatVnIso(result.dueAt)).toBe('2023-11-03T09:32:00+07:00');
  });

  it('gives the golden case with Hanoi hours too', () => {
    const hanoi = createCalendar(getReferenceHolidayTables(), { windows: HANOI_WORKING_WINDOWS_UNCONFIRMED });
    expect(due('2023-10-27 09:32', 5, 'workingDays', {}, hanoi)).toBe('2023-11-03 09:32');
    expect(due('2023-10-27 11:30', 1, 'workingHours', {}, hanoi)).toBe('2023-10-27 13:30');
  });

  // The last working day before each Tết break → the first one after it (1 working day).
  it.each([
    ['2018-02-13 10:00', '2018-02-21 10:00'],
    ['2019-02-01 10:00', '2019-02-11 10:00'],
    ['2021-02-09 10:00', '2021-02-17 10:00'],
    ['2022-01-28 10:00', '2022-02-07 10:00'],
    ['2023-01-19 10:00', '2023-01-27 10:00'],
    ['2024-02-07 10:00', '2024-02-15 10:00'],
    ['2025-01-24 10:00', '2025-02-03 10:00'],
    ['2026-02-13 10:00', '2026-02-23 10:00'],
    ['2027-02-03 10:00', '2027-02-11 10:00'],
  ])('skips the Tết break: %s + 1 working day → %s', (start, expected) => {
    expect(due(start, 1, 'workingDays')).toBe(expected);
  });

  it('counts 2020 Tết from the rules (no official table in the data)', () => {
    // Computed: 30 Tết (Fri 24/01) and mùng 1–4, weekend days given in lieu on 29–30/01.
    expect(due('2020-01-23 10:00', 1, 'workingDays')).toBe('2020-01-31 10:00');
  });

  it.each([
    ['2026-01-09 09:00', 1, '2026-01-10 09:00'],
    ['2025-04-25 10:00', 1, '2025-04-26 10:00'],
    ['2019-01-04 10:00', 1, '2019-01-05 10:00'],
    ['2018-12-28 10:00', 1, '2019-01-02 10:00'],
    ['2025-04-29 10:00', 1, '2025-05-05 10:00'],
  ])('works on make-up Saturdays and skips the swapped weekday: %s + %d → %s', (start, days, expected) => {
    expect(due(start, days, 'workingDays')).toBe(expected);
  });

  it.each([
    ['2022-04-08 10:00', '2022-04-12 10:00'], // Giỗ Tổ on Sunday 10/04/2022, off Monday 11/04
    ['2023-08-31 10:00', '2023-09-05 10:00'], // 2/9/2023 a Saturday, off Monday 04/09
    ['2027-12-31 10:00', '2028-01-04 10:00'], // computed 2028: 1/1 a Saturday, off Monday 03/01
  ])('skips in-lieu days off: %s + 1 working day → %s', (start, expected) => {
    expect(due(start, 1, 'workingDays')).toBe(expected);
  });

  it('crosses the year boundary', () => {
    expect(due('2025-12-31 10:00', 2, 'workingDays')).toBe('2026-01-06 10:00');
    expect(due('2025-12-31 16:00', 2, 'workingHours')).toBe('2026-01-05 08:00');
  });

  it('stops the clock over lunch', () => {
    expect(due('2023-10-27 11:00', 1, 'workingHours')).toBe('2023-10-27 14:00');
    expect(starts('2023-10-27 12:15', 1, 'workingHours')).toBe('2023-10-27 13:30');
    expect(due('2023-10-27 12:15', 1, 'workingHours')).toBe('2023-10-27 14:30');
    // Runs out exactly at the end of the morning: due at 11:30, not at 13:30.
    expect(due('2023-10-27 10:30', 1, 'workingHours')).toBe('2023-10-27 11:30');
  });

  it('starts the clock at the next window for after-hours and weekend arrivals', () => {
    expect(starts('2023-10-27 18:00', 1, 'workingDays')).toBe('2023-10-30 07:00');
    expect(starts('2023-10-27 17:00', 1, 'workingDays')).toBe('2023-10-30 07:00');
    expect(starts('2023-10-30 06:10', 1, 'workingDays')).toBe('2023-10-30 07:00');
    expect(starts('2023-10-28 10:00', 1, 'workingDays')).toBe('2023-10-30 07:00');
    // A limit that runs out at closing time is due at 17:00 that day, not at 07:00 the next.
    expect(due('2023-10-28 10:00', 1, 'workingDays')).toBe('2023-10-30 17:00');
    expect(due('2023-10-27 18:00', 5, 'workingDays')).toBe('2023-11-03 17:00');
  });

  it('applies the 15:00 cut-off only when asked, and only after 15:00', () => {
    expect(due('2023-10-27 15:01', 1, 'workingDays', { cutoff15: true })).toBe('2023-10-30 17:00');
    expect(starts('2023-10-27 15:01', 1, 'workingDays', { cutoff15: true })).toBe('2023-10-30 07:00');
    expect(due('2023-10-27 15:00', 1, 'workingDays', { cutoff15: true })).toBe('2023-10-30 15:00');
    expect(due('2023-10-27 15:01', 1, 'workingDays')).toBe('2023-10-30 15:01');
    // Before a holiday: Thu 31/08/2023 16:00 → counts from Tue 05/09.
    expect(starts('2023-08-31 16:00', 1, 'workingHours', { cutoff15: true })).toBe('2023-09-05 07:00');
  });

  it('ends calendar-day limits on a working day (Civil Code 2015 Art. 148(5))', () => {
    expect(due('2023-10-25 09:32', 2, 'calendarDays')).toBe('2023-10-27 09:32');
    expect(due('2023-10-27 09:32', 1, 'calendarDays')).toBe('2023-10-30 17:00');
    expect(due('2025-01-20 09:00', 10, 'calendarDays')).toBe('2025-02-03 17:00');
  });

  it('takes fractions of a day (step budgets) and working hours', () => {
    expect(due('2023-10-27 07:00', 0.25, 'workingDays')).toBe('2023-10-27 09:00');
    expect(due('2023-10-27 09:32', 8, 'workingHours')).toBe('2023-10-30 09:32');
  });

  it('counts elapsed working minutes across nights, weekends and holidays', () => {
    expect(elapsedWorkingMinutes(calendar, vn('2023-10-27 09:32'), vn('2023-11-03 09:32'))).toBe(5 * 480);
    expect(elapsedWorkingMinutes(calendar, vn('2023-10-27 16:00'), vn('2023-10-30 08:00'))).toBe(120);
    expect(elapsedWorkingMinutes(calendar, vn('2023-10-28 10:00'), vn('2023-10-29 10:00'))).toBe(0);
    expect(elapsedWorkingMinutes(calendar, vn('2023-10-30 08:00'), vn('2023-10-27 16:00'))).toBe(-120);
  });

  it('keeps working hours as window time when the windows do not total 8 hours', () => {
    const mornings = createCalendar([], { windows: [{ start: '08:00', end: '12:00' }] });
    expect(due('2023-10-27 10:00', 1, 'workingDays', {}, mornings)).toBe('2023-10-30 10:00');
    expect(due('2023-10-27 10:00', 4, 'workingHours', {}, mornings)).toBe('2023-10-30 10:00');
  });

  it('exposes the start instant on its own', () => {
    expect(local(computeStartInstant(calendar, vn('2023-10-27 15:30'), { cutoff15: true }))).toBe('2023-10-30 07:00');
  });
});

describe('time zone independence', () => {
  it('gives the same answers whatever the process time zone', () => {
    const saved = process.env['TZ'];
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC']) {
        process.env['TZ'] = zone;
        const r = computeDueDate(calendar, '2023-10-27T09:32:00+07:00', { value: 5, unit: 'workingDays' });
        expect(formatVnIso(r.dueAt)).toBe('2023-11-03T09:32:00+07:00');
        expect(due('2023-12-29 16:00', 2, 'workingHours')).toBe('2024-01-02 08:00');
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});

describe('bad input', () => {
  const start = '2023-10-27T09:32:00+07:00';
  it.each<[unknown, string]>([
    [{ value: -1, unit: 'workingDays' }, 'duration.value'],
    [{ value: 0, unit: 'workingDays' }, 'duration.value'],
    [{ value: Number.NaN, unit: 'workingHours' }, 'duration.value'],
    [{ value: Number.POSITIVE_INFINITY, unit: 'workingHours' }, 'duration.value'],
    [{ value: 1_000_000, unit: 'workingDays' }, 'duration.value'],
    [{ value: 1.5, unit: 'calendarDays' }, 'duration.value'],
    [{ value: '5', unit: 'workingDays' }, 'duration.value'],
    [{ value: 5, unit: 'weeks' }, 'duration.unit'],
    [null, 'duration'],
  ])('rejects the duration %j naming %s', (duration, field) => {
    try {
      computeDueDate(calendar, start, duration as Duration);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarInputError);
      expect((error as CalendarInputError).field).toBe(field);
    }
  });

  it('rejects malformed and out-of-range instants naming the field', () => {
    const oneDay: Duration = { value: 1, unit: 'workingDays' };
    expect(() => computeDueDate(calendar, '2023-10-27T09:32', oneDay)).toThrow(/start/);
    expect(() => computeDueDate(calendar, new Date('x'), oneDay)).toThrow(CalendarInputError);
    expect(() => computeDueDate(calendar, '1999-01-04T09:00:00+07:00', oneDay)).toThrow(/start: outside/);
    expect(() => computeDueDate(calendar, '2099-12-31T09:00:00+07:00', { value: 10, unit: 'workingDays' })).toThrow(
      /dueAt: outside/,
    );
  });

  it('rejects bad working windows', () => {
    expect(() => createCalendar([], { windows: [] })).toThrow(CalendarInputError);
    expect(() => createCalendar([], { windows: [{ start: '13:00', end: '12:00' }] })).toThrow(/windows\[0\]/);
    expect(() =>
      createCalendar([], {
        windows: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toThrow(/windows\[1\]/);
    expect(() => createCalendar([], { windows: [{ start: '8h', end: '12:00' }] })).toThrow(/windows\[0\]\.start/);
  });
});
