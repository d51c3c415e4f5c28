import { formatEpochDay, parseIsoDate, vnEpochDay } from '../../../shared/calendar/instant.ts';
import type { ReportPeriod } from '../../../shared/schemas/reports.ts';
import { AppError } from '../../http/errors.ts';

function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/**
 * Decree 09/2019/NĐ-CP Art. 12 data cut-offs: a month runs from the 15th of the previous month to the 14th;
 * a quarter from the 15th of the month before it to the 14th of its last month; a half-year from 15/12
 * (resp. 15/06) to 14/06 (resp. 14/12); a year from 15/12 of the previous year to 14/12.
 * `2023-M10` → 2023-09-15 … 2023-10-14.
 */
export function cutOffPeriod(code: string): ReportPeriod {
  const m = /^(\d{4})-(?:M(\d{1,2})|Q([1-4])|H([12])|(Y))$/.exec(code);
  if (!m) throw invalidPeriod();
  const year = Number(m[1]);
  let lastMonth: number;
  let months: number;
  if (m[2] !== undefined) [lastMonth, months] = [Number(m[2]), 1];
  else if (m[3] !== undefined) [lastMonth, months] = [Number(m[3]) * 3, 3];
  else if (m[4] !== undefined) [lastMonth, months] = [Number(m[4]) * 6, 6];
  else [lastMonth, months] = [12, 12];
  if (lastMonth < 1 || lastMonth > 12) throw invalidPeriod();
  // Date.UTC normalises month 0 and negatives to the previous year.
  return { from: iso(year, lastMonth - months, 15), to: iso(year, lastMonth, 14), label: code };
}

function invalidPeriod(): AppError {
  return new AppError('VALIDATION', { vi: 'Kỳ báo cáo không hợp lệ', en: 'Invalid report period' }, [
    {
      field: 'querystring.period',
      message: { vi: 'Ví dụ: 2023-M10, 2023-Q4, 2023-H1, 2023-Y', en: 'e.g. 2023-M10, 2023-Q4, 2023-H1, 2023-Y' },
    },
  ]);
}

/** The period of a report request: `period`, or `from`/`to` (default: this month so far, Vietnam time). */
export function resolvePeriod(
  q: { from?: string | undefined; to?: string | undefined; period?: string | undefined },
  now: Date,
): ReportPeriod {
  if (q.period) return cutOffPeriod(q.period);
  const today = formatEpochDay(vnEpochDay(now.getTime()));
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (parseIsoDate(from, 'from') > parseIsoDate(to, 'to')) {
    throw new AppError('VALIDATION', { vi: 'Khoảng thời gian không hợp lệ', en: 'Invalid date range' }, [
      {
        field: 'querystring.from',
        message: { vi: 'Ngày bắt đầu phải trước ngày kết thúc', en: 'from must not be after to' },
      },
    ]);
  }
  if (parseIsoDate(to, 'to') - parseIsoDate(from, 'from') > 366 * 10) {
    throw new AppError('VALIDATION', { vi: 'Khoảng thời gian quá dài', en: 'Date range too long' }, [
      { field: 'querystring.from', message: { vi: 'Tối đa 10 năm', en: 'At most 10 years' } },
    ]);
  }
  return { from, to, label: `${from}…${to}` };
}
