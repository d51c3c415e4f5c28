import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPause } from './dossier-clock.ts';
import { computeDueDate, elapsedWorkingMinutes } from './due-date.ts';
import { MINUTE_MS } from './instant.ts';
import { isWorkingEpochDay } from './calendar.ts';
import { vnEpochDay } from './instant.ts';
import { calendar } from './test-helpers.ts';
import { isWithinWorkingWindow } from './working-time.ts';

// Instants at minute precision from 2018 to 2030: official tables, the 2020 gap and computed years.
const instant = fc
  .integer({ min: Date.UTC(2018, 0, 1) / MINUTE_MS, max: Date.UTC(2030, 11, 1) / MINUTE_MS })
  .map((minutes) => minutes * MINUTE_MS);
const hours = fc.integer({ min: 1, max: 400 });
const days = fc.integer({ min: 1, max: 120 });
const options = { numRuns: 2000 };

const dueOf = (start: number, value: number, unit: 'workingDays' | 'workingHours') =>
  computeDueDate(calendar, start, { value, unit });

describe('deadline properties', () => {
  it('due is after the arrival and inside a window (a window end counts)', () => {
    fc.assert(
      fc.property(instant, days, hours, (start, d, h) => {
        for (const r of [dueOf(start, d, 'workingDays'), dueOf(start, h, 'workingHours')]) {
          expect(r.dueAt.getTime()).toBeGreaterThan(start);
          expect(r.startsAt.getTime()).toBeGreaterThanOrEqual(start);
          expect(isWithinWorkingWindow(calendar, r.dueAt.getTime())).toBe(true);
          expect(isWithinWorkingWindow(calendar, r.startsAt.getTime())).toBe(true);
        }
      }),
      options,
    );
  });

  it('elapsed(start, due) equals the duration', () => {
    fc.assert(
      fc.property(instant, days, hours, (start, d, h) => {
        const byDays = dueOf(start, d, 'workingDays');
        expect(elapsedWorkingMinutes(calendar, start, byDays.dueAt)).toBe(d * 480);
        expect(elapsedWorkingMinutes(calendar, byDays.startsAt, byDays.dueAt)).toBe(d * 480);
        expect(elapsedWorkingMinutes(calendar, start, dueOf(start, h, 'workingHours').dueAt)).toBe(h * 60);
      }),
      options,
    );
  });

  it('adding a then b working hours equals adding a + b', () => {
    fc.assert(
      fc.property(instant, hours, hours, (start, a, b) => {
        const first = dueOf(start, a, 'workingHours').dueAt;
        const then = dueOf(first.getTime(), b, 'workingHours').dueAt;
        expect(then.getTime()).toBe(dueOf(start, a + b, 'workingHours').dueAt.getTime());
      }),
      options,
    );
  });

  it('8 working hours are 1 working day', () => {
    fc.assert(
      fc.property(instant, days, (start, d) => {
        expect(dueOf(start, d * 8, 'workingHours').dueAt).toEqual(dueOf(start, d, 'workingDays').dueAt);
      }),
      options,
    );
  });

  it('a pause of X working minutes moves the due time by exactly X', () => {
    fc.assert(
      fc.property(instant, days, instant, fc.integer({ min: 0, max: 60 * 24 * 30 }), (start, d, pause, length) => {
        const dueAt = dueOf(start, d, 'workingDays').dueAt;
        const resumedAt = pause + length * MINUTE_MS;
        const x = elapsedWorkingMinutes(calendar, pause, resumedAt);
        const moved = applyPause(calendar, dueAt, pause, resumedAt);
        expect(elapsedWorkingMinutes(calendar, dueAt, moved)).toBe(x);
        expect(moved.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
      }),
      options,
    );
  });

  it('calendar-day limits end inside a window of a working day, no earlier than N days later', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 }), (start, n) => {
        const r = computeDueDate(calendar, start, { value: n, unit: 'calendarDays' });
        expect(isWorkingEpochDay(calendar, vnEpochDay(r.dueAt.getTime()))).toBe(true);
        expect(isWithinWorkingWindow(calendar, r.dueAt.getTime())).toBe(true);
        expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(r.startsAt.getTime() + n * 86_400_000);
      }),
      options,
    );
  });

  it('the 15:00 cut-off never makes a deadline earlier', () => {
    fc.assert(
      fc.property(instant, days, (start, d) => {
        const plain = computeDueDate(calendar, start, { value: d, unit: 'workingDays' });
        const cut = computeDueDate(calendar, start, { value: d, unit: 'workingDays' }, { cutoff15: true });
        expect(cut.startsAt.getTime()).toBeGreaterThanOrEqual(plain.startsAt.getTime());
        expect(cut.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
      }),
      options,
    );
  });
});
