import { describe, expect, it } from 'vitest';
import { createCalendar, getYearCalendar } from './calendar.ts';
import { CalendarInputError } from './errors.ts';
import { computeRuleDaysOff } from './holiday-rules.ts';
import { formatEpochDay } from './instant.ts';
import { calendar } from './test-helpers.ts';

describe('year calendars', () => {
  it('uses the official table, make-up Saturdays included', () => {
    const y = getYearCalendar(calendar, 2026);
    expect(y.provisional).toBe(false);
    expect(y.makeupDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(y.workingDays).toContain('2026-01-10');
    expect(y.workingDays).not.toContain('2026-01-02');
    expect(y.daysOff).toContainEqual({ date: '2026-02-17', name: 'Tết Nguyên đán' });
    // 261 weekdays − 14 days off + 2 make-up Saturdays.
    expect(y.workingDays).toHaveLength(249);
  });

  it('marks years without an official table, or with a partial one, provisional', () => {
    expect(getYearCalendar(calendar, 2028)).toMatchObject({ provisional: true, source: 'computed' });
    expect(getYearCalendar(calendar, 2020)).toMatchObject({ provisional: true, source: 'computed' });
    expect(getYearCalendar(calendar, 2027)).toMatchObject({ provisional: true, source: 'partial' });
    expect(getYearCalendar(calendar, 2025)).toMatchObject({ provisional: false });
  });

  it('lets the official table win over the rules', () => {
    // The rules would give Tết 2023 as 21–25/01 with days in lieu; the notice gave 20 and 23–26/01.
    const y = getYearCalendar(calendar, 2023);
    expect(y.workingDays).toContain('2023-01-27');
    expect(y.workingDays).not.toContain('2023-01-20');
    const edited = createCalendar([{ year: 2023, days: [{ date: '2023-10-27', kind: 'off', name: 'test' }] }]);
    expect(getYearCalendar(edited, 2023).workingDays).not.toContain('2023-10-27');
    expect(getYearCalendar(edited, 2023).workingDays).toContain('2023-01-20');
  });

  it('computes the Labour Code 2019 holidays with days in lieu (Art. 111(3))', () => {
    const days = computeRuleDaysOff(2028).map((d) => `${formatEpochDay(d.day)} ${d.name}`);
    expect(days).toContain('2028-01-03 Tết Dương lịch (nghỉ bù)');
    expect(days).toContain('2028-04-04 Giỗ Tổ Hùng Vương');
    expect(days).toContain('2028-05-02 Ngày Chiến thắng (nghỉ bù)');
    expect(days).toContain('2028-09-01 Quốc khánh');
    expect(days).toContain('2028-11-24 Ngày Văn hóa Việt Nam');
    expect(days).toHaveLength(12);
  });

  it('gives only 2/9 for National Day under the Labour Code 2012', () => {
    const days = computeRuleDaysOff(2020).map((d) => formatEpochDay(d.day));
    expect(days.filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
  });

  it('refuses years out of range and broken tables', () => {
    expect(() => getYearCalendar(calendar, 2100)).toThrow(CalendarInputError);
    expect(() => createCalendar([{ year: 2023, days: [{ date: '2024-01-01', kind: 'off', name: 'x' }] }])).toThrow(
      /not in year 2023/,
    );
    expect(() =>
      createCalendar([
        {
          year: 2023,
          days: [
            { date: '2023-01-02', kind: 'off', name: 'x' },
            { date: '2023-01-02', kind: 'workday', name: 'y' },
          ],
        },
      ]),
    ).toThrow(/listed twice/);
  });
});
