import { createCalendar, getYearCalendar, type Calendar } from '../../../shared/calendar/calendar.ts';
import { computeDueDate } from '../../../shared/calendar/due-date.ts';
import { isCalendarInputError } from '../../../shared/calendar/errors.ts';
import type { HolidayTables } from '../../../shared/calendar/holiday-tables.ts';
import { formatVnIso, vnEpochDay, yearOfEpochDay } from '../../../shared/calendar/instant.ts';
import { DEFAULT_WORKING_WINDOWS, type WorkingWindow } from '../../../shared/calendar/windows.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { getAgency } from '../units/service.ts';
import * as repo from './repository.ts';
import type { DueRequest, DueResponse, OfficialYearInput, YearCalendarResponse } from './schemas.ts';

// Calendars are immutable values keyed by their exact inputs (tables + windows), so an edited table
// yields a new calendar for deadlines computed afterwards, and nothing already promised moves.
const cache = new Map<string, Calendar>();
const CACHE_LIMIT = 32;

interface ResolvedCalendar {
  calendar: Calendar;
  windows: readonly WorkingWindow[];
}

async function loadTables(ctx: AppContext): Promise<HolidayTables> {
  const { years, days } = await repo.findOfficialTables(ctx.db);
  return years.map((y) => ({
    year: y.year,
    status: y.status,
    provisional: y.provisional,
    days: days.filter((d) => d.year === y.year).map(({ date, kind, name }) => ({ date, kind, name })),
  }));
}

/** The calendar of an agency (404 for an unknown one), or the default calendar. */
export async function getCalendar(ctx: AppContext, agencyId?: string): Promise<ResolvedCalendar> {
  const windows = (agencyId ? await findWindowsOfAgency(ctx, agencyId) : undefined) ?? DEFAULT_WORKING_WINDOWS;
  const tables = await loadTables(ctx);
  const key = JSON.stringify([tables, windows]);
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = createCalendar(tables, { windows });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, calendar);
  }
  return { calendar, windows };
}

/**
 * Agencies whose calendar differs from the default one (own working windows): a set-based caller (the
 * SLA sweep) computes the default calendar once and only these separately.
 */
export function listAgenciesWithOwnWindows(ctx: AppContext): Promise<string[]> {
  return repo.findAgenciesWithWindows(ctx.db);
}

async function findWindowsOfAgency(ctx: AppContext, agencyId: string): Promise<WorkingWindow[] | undefined> {
  await getAgency(ctx, agencyId);
  return repo.findAgencyWindows(ctx.db, agencyId);
}

/** Turns the calendar's typed input error into a 400 naming the request field. */
function toValidationError(error: unknown, context: string): unknown {
  if (!isCalendarInputError(error)) return error;
  const field = `${context}.${error.field}`;
  const vi =
    error.code === 'OUT_OF_RANGE'
      ? `"${error.field}" nằm ngoài khoảng năm lịch làm việc hỗ trợ.`
      : `Giá trị của "${error.field}" không hợp lệ.`;
  return new AppError(
    'VALIDATION',
    {
      vi: 'Dữ liệu gửi lên chưa hợp lệ; xem chi tiết từng trường.',
      en: 'The request is not valid; see the details for each field.',
    },
    [{ field, message: { vi, en: error.message } }],
  );
}

function isProvisionalBetween(calendar: Calendar, fromMs: number, toMs: number): boolean {
  const first = yearOfEpochDay(vnEpochDay(fromMs));
  const last = yearOfEpochDay(vnEpochDay(toMs));
  for (let y = first; y <= last; y++) if (calendar.years.get(y)?.provisional !== false) return true;
  return false;
}

export async function computeDue(ctx: AppContext, input: DueRequest): Promise<DueResponse> {
  const { calendar } = await getCalendar(ctx, input.agencyId);
  try {
    const { startsAt, dueAt } = computeDueDate(calendar, input.start, input.duration, { cutoff15: input.cutoff15 });
    return {
      startsAt: formatVnIso(startsAt),
      dueAt: formatVnIso(dueAt),
      provisional: isProvisionalBetween(calendar, startsAt.getTime(), dueAt.getTime()),
    };
  } catch (error) {
    throw toValidationError(error, 'body');
  }
}

export async function getYear(ctx: AppContext, year: number, agencyId?: string): Promise<YearCalendarResponse> {
  const { calendar, windows } = await getCalendar(ctx, agencyId);
  try {
    return {
      ...getYearCalendar(calendar, year),
      agencyId: agencyId ?? null,
      windows: windows.map((w) => ({ start: w.start, end: w.end })),
    };
  } catch (error) {
    throw toValidationError(error, 'params');
  }
}

/**
 * Replaces a year's official table (an administrator's edit, audited). Validated by building a calendar
 * with it before anything is written. Deadlines already promised are stored and never recomputed.
 */
export async function replaceYearTable(
  ctx: AppContext,
  year: number,
  input: OfficialYearInput,
  editedBy: string,
): Promise<YearCalendarResponse> {
  try {
    createCalendar([{ year, days: input.days }], { firstYear: year, lastYear: year });
  } catch (error) {
    throw toValidationError(error, 'body');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOfficialYear(trx, year);
    const source = `edited by ${editedBy}`;
    await repo.replaceOfficialYear(
      trx,
      { year, status: input.status, provisional: input.provisional, sources: input.sources },
      input.days.map((d) => ({ ...d, year, source })),
      before.year ? { ...before.year, days: before.days } : null,
      editedBy,
    );
  });
  ctx.log.info({ year, editedBy, days: input.days.length }, 'official calendar year replaced');
  return getYear(ctx, year);
}
