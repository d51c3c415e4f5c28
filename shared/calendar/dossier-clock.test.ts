import { describe, expect, it } from 'vitest';
import {
  applyPause,
  classifyPending,
  classifyTimeliness,
  computeStepDueDates,
  extendDueDate,
  isDueSoon,
  restartDueDate,
} from './dossier-clock.ts';
import { CalendarInputError } from './errors.ts';
import { calendar, local, vn } from './test-helpers.ts';

describe('supplements', () => {
  it('PAUSE: moves the due time by the working time spent waiting', () => {
    // Waiting Mon 30/10 14:00 → Tue 31/10 09:00 = 3 h + 2 h = 5 working hours.
    const moved = applyPause(calendar, vn('2023-11-03 09:32'), vn('2023-10-30 14:00'), vn('2023-10-31 09:00'));
    // 09:32 + 5 h: 1 h 58 min to 11:30, then 3 h 02 min after lunch.
    expect(local(moved)).toBe('2023-11-03 16:32');
  });

  it('PAUSE: a wait outside working time moves nothing', () => {
    const dueAt = vn('2023-11-03 09:32');
    expect(applyPause(calendar, dueAt, vn('2023-10-28 08:00'), vn('2023-10-29 20:00')).getTime()).toBe(dueAt);
  });

  it('PAUSE: refuses a resume before the pause', () => {
    expect(() => applyPause(calendar, vn('2023-11-03 09:32'), vn('2023-10-31 09:00'), vn('2023-10-30 09:00'))).toThrow(
      /resumedAt/,
    );
  });

  it('RESTART (Decree 61/2018 Art. 19(4)): the whole limit runs again from the complete supplement', () => {
    const r = restartDueDate(calendar, vn('2023-11-01 10:00'), { value: 5, unit: 'workingDays' });
    expect(local(r.dueAt)).toBe('2023-11-08 10:00');
  });
});

describe('extension (Decree 61/2018 Art. 19(9))', () => {
  const current = { dueAt: vn('2023-11-03 09:32'), extensionCount: 0 };

  it('accepts one later date inside a window', () => {
    expect(local(extendDueDate(calendar, current, vn('2023-11-10 16:00')))).toBe('2023-11-10 16:00');
  });

  it('keeps the promised date when the time is outside the windows', () => {
    expect(local(extendDueDate(calendar, current, vn('2023-11-10 23:59')))).toBe('2023-11-10 17:00');
    expect(local(extendDueDate(calendar, current, vn('2023-11-10 06:00')))).toBe('2023-11-10 07:00');
    expect(local(extendDueDate(calendar, current, vn('2023-11-10 12:00')))).toBe('2023-11-10 11:30');
  });

  it('refuses a second extension, an earlier date and a day off', () => {
    expect(() => extendDueDate(calendar, { ...current, extensionCount: 1 }, vn('2023-11-10 16:00'))).toThrow(/once/);
    expect(() => extendDueDate(calendar, current, vn('2023-11-02 16:00'))).toThrow(/later/);
    expect(() => extendDueDate(calendar, current, vn('2023-11-11 10:00'))).toThrow(/working day/);
  });
});

describe('classifyTimeliness (by Vietnam-local date)', () => {
  it.each([
    ['2023-11-02 16:59', 'early'],
    ['2023-11-03 07:00', 'onTime'],
    ['2023-11-03 23:59', 'onTime'],
    ['2023-11-04 00:00', 'late'],
  ] as const)('finished %s against due 03/11 09:32 → %s', (finished, expected) => {
    expect(classifyTimeliness(vn(finished), vn('2023-11-03 09:32'))).toBe(expected);
  });

  it('uses the Vietnam date, not the UTC date', () => {
    // 2023-11-03T01:00+07:00 is still 2 November in UTC.
    expect(classifyTimeliness('2023-11-02T18:00:00Z', '2023-11-03T09:32:00+07:00')).toBe('onTime');
  });
});

describe('step budgets', () => {
  it('gives each step its own due time', () => {
    const steps = computeStepDueDates(calendar, vn('2023-10-27 07:00'), [0.25, 0.25, 0.5, 0.25], 2);
    expect(steps.map(local)).toEqual(['2023-10-27 09:00', '2023-10-27 11:00', '2023-10-27 17:00', '2023-10-30 09:00']);
  });

  it('rejects budgets that exceed the statutory limit', () => {
    expect(() => computeStepDueDates(calendar, vn('2023-10-27 07:00'), [0.5, 0.75], 1)).toThrow(CalendarInputError);
    expect(() => computeStepDueDates(calendar, vn('2023-10-27 07:00'), [0, 0.5], 1)).toThrow(/budgets\[0\]/);
  });
});

describe('pending dossiers', () => {
  it('is in time at a period end if due at or after it, else overdue', () => {
    expect(classifyPending(vn('2023-11-15 09:00'), vn('2023-11-14 23:59'))).toBe('inTime');
    expect(classifyPending(vn('2023-11-14 23:59'), vn('2023-11-14 23:59'))).toBe('inTime');
    expect(classifyPending(vn('2023-11-14 09:00'), vn('2023-11-14 23:59'))).toBe('overdue');
  });

  it('is due soon within the next 24 hours only', () => {
    expect(isDueSoon(vn('2023-11-03 09:32'), vn('2023-11-02 09:32'))).toBe(true);
    expect(isDueSoon(vn('2023-11-03 09:32'), vn('2023-11-02 09:31'))).toBe(false);
    expect(isDueSoon(vn('2023-11-03 09:32'), vn('2023-11-03 09:33'))).toBe(false);
  });
});
