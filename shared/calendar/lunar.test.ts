import { describe, expect, it } from 'vitest';
import reference from '../../reference/vn-holidays.json' with { type: 'json' };
import { formatEpochDay } from './instant.ts';
import { hungKingsEpochDay, lunarToEpochDay, tetEpochDay } from './lunar.ts';

const lunarDates = reference.meta.lunarDates as Record<string, { tetMung1: string; hungKings: string }>;

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(Object.entries(lunarDates))('gives Tết and Giỗ Tổ of %s as in the reference data', (year, dates) => {
    expect(formatEpochDay(tetEpochDay(Number(year)))).toBe(dates.tetMung1);
    expect(formatEpochDay(hungKingsEpochDay(Number(year)))).toBe(dates.hungKings);
  });

  it('follows the Vietnamese, not the Chinese, calendar where they differ', () => {
    // Tết Ất Sửu: 21/01/1985 in Vietnam, 20/02/1985 in China (new moon near midnight UTC+8).
    expect(formatEpochDay(tetEpochDay(1985))).toBe('1985-01-21');
    // Tết Đinh Hợi: 17/02/2007 in Vietnam, 18/02/2007 in China.
    expect(formatEpochDay(tetEpochDay(2007))).toBe('2007-02-17');
  });

  it('knows leap months: 2023 had a leap second month, 2025 a leap sixth month', () => {
    expect(formatEpochDay(lunarToEpochDay(1, 2, 2023, true)!)).toBe('2023-03-22');
    expect(formatEpochDay(lunarToEpochDay(1, 6, 2025, true)!)).toBe('2025-07-25');
    expect(lunarToEpochDay(1, 3, 2023, true)).toBeUndefined();
    expect(lunarToEpochDay(1, 3, 2024, true)).toBeUndefined();
  });
});
