// Public holidays computed from the Labour Code, for years the government has not (yet) published a
// table of days off for. The yearly official table always wins (see holiday-tables.ts); these rules
// only keep the product working, and such years are reported as provisional.
import { epochDayOf, weekdayOfEpochDay } from './instant.ts';
import { hungKingsEpochDay, tetEpochDay } from './lunar.ts';

export type ComputedDayOff = { day: number; name: string };

/** Labour Code 2019 (45/2019/QH14) took effect on 01/01/2021; before it, Labour Code 2012. */
const LABOUR_CODE_2019_FIRST_YEAR = 2021;
/** Nghị quyết 28/2026/QH16 Art. 2 (secondary sources; primary text not read) [U]. */
const CULTURE_DAY_FROM = epochDayOf(2026, 7, 1);

function isWeekend(day: number): boolean {
  const wd = weekdayOfEpochDay(day);
  return wd === 0 || wd === 6;
}

/**
 * The second National Day day (Labour Code 2019 Art. 112(1)(đ): 1 or 3 September, chosen by the Prime
 * Minister, Art. 112(3)). Keyed by the weekday of 2/9, this reproduces every choice of 2021–2027: the
 * adjacent weekday that joins the break to a weekend [U: a heuristic, not a rule of law].
 */
const SECOND_NATIONAL_DAY_BY_WEEKDAY = [3, 3, 1, 1, 3, 1, 1] as const;

/**
 * Holidays of Art. 112(1) (2019) / Art. 115(1) (2012) for one year, before weekend make-up.
 * Tết: the Prime Minister fixes 5 days each year (Art. 112(3)); without a decision we take the last
 * day of the lunar year and mùng 1–4, the usual core of the announced breaks.
 */
function statutoryHolidays(year: number): ComputedDayOff[] {
  const tet = tetEpochDay(year);
  const days: ComputedDayOff[] = [
    { day: epochDayOf(year, 1, 1), name: 'Tết Dương lịch' },
    { day: tet - 1, name: 'Tết Nguyên đán' },
    { day: tet, name: 'Tết Nguyên đán' },
    { day: tet + 1, name: 'Tết Nguyên đán' },
    { day: tet + 2, name: 'Tết Nguyên đán' },
    { day: tet + 3, name: 'Tết Nguyên đán' },
    { day: hungKingsEpochDay(year), name: 'Giỗ Tổ Hùng Vương' },
    { day: epochDayOf(year, 4, 30), name: 'Ngày Chiến thắng' },
    { day: epochDayOf(year, 5, 1), name: 'Ngày Quốc tế Lao động' },
    { day: epochDayOf(year, 9, 2), name: 'Quốc khánh' },
  ];
  if (year >= LABOUR_CODE_2019_FIRST_YEAR) {
    // Labour Code 2019 Art. 112(1)(đ): 2/9 plus 1/9 or 3/9.
    const second = SECOND_NATIONAL_DAY_BY_WEEKDAY[weekdayOfEpochDay(epochDayOf(year, 9, 2))];
    days.push({ day: epochDayOf(year, 9, second ?? 3), name: 'Quốc khánh' });
  }
  return days;
}

/**
 * Weekday days off of one year computed from the rules: the statutory holidays falling on Monday–
 * Friday, plus a compensatory day for each one falling on a weekend, on the next working day
 * (Labour Code 2019 Art. 111(3); Labour Code 2012 Art. 115(3)).
 */
export function computeRuleDaysOff(year: number): ComputedDayOff[] {
  const holidays = statutoryHolidays(year).sort((a, b) => a.day - b.day);
  const taken = new Set(holidays.map((h) => h.day));
  const result: ComputedDayOff[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.day)) {
      result.push(h);
      continue;
    }
    let lieu = h.day + 1;
    while (isWeekend(lieu) || taken.has(lieu)) lieu++;
    taken.add(lieu);
    result.push({ day: lieu, name: `${h.name} (nghỉ bù)` });
  }
  // Culture Day is outside Art. 112(1), so (per one secondary source) no weekend make-up applies [U].
  const cultureDay = epochDayOf(year, 11, 24);
  if (cultureDay >= CULTURE_DAY_FROM && !isWeekend(cultureDay) && !taken.has(cultureDay)) {
    result.push({ day: cultureDay, name: 'Ngày Văn hóa Việt Nam' });
  }
  return result.sort((a, b) => a.day - b.day);
}
