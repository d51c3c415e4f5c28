// What happens to a promised due date while a dossier is processed: supplements (pause or restart),
// the one extension of an apology letter, step budgets, and the early / on time / late verdict.
import type { Calendar } from './calendar.ts';
import { computeDueDate, type DueDate, type DueOptions, type Duration } from './due-date.ts';
import { CalendarInputError } from './errors.ts';
import { toEpochMs, vnEpochDay, type InstantInput } from './instant.ts';
import { fromWorkingAxis, isWithinWorkingWindow, toWorkingAxis } from './working-time.ts';

/**
 * PAUSE mode (a configurable alternative, DOMAIN §3 step 6): the due time moves later by the working
 * time that ran while the dossier waited for the applicant's supplement.
 */
export function applyPause(
  calendar: Calendar,
  dueAt: InstantInput,
  pausedAt: InstantInput,
  resumedAt: InstantInput,
): Date {
  const dueMs = toEpochMs(dueAt, 'dueAt');
  const paused = toWorkingAxis(calendar, toEpochMs(pausedAt, 'pausedAt'), 'pausedAt');
  const resumed = toWorkingAxis(calendar, toEpochMs(resumedAt, 'resumedAt'), 'resumedAt');
  if (resumed < paused) {
    throw new CalendarInputError('INVALID_INPUT', 'resumedAt', 'resumedAt: must not be before pausedAt');
  }
  if (resumed === paused) return new Date(dueMs);
  return new Date(fromWorkingAxis(calendar, toWorkingAxis(calendar, dueMs, 'dueAt') + resumed - paused, true));
}

/**
 * RESTART mode, the law of 2018: "thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ"
 * (Decree 61/2018 Art. 19(4)). The full time limit runs again from the complete supplement.
 */
export function restartDueDate(
  calendar: Calendar,
  supplementReceivedAt: InstantInput,
  duration: Duration,
  options: DueOptions = {},
): DueDate {
  return computeDueDate(calendar, supplementReceivedAt, duration, options);
}

/**
 * The one new date of an apology letter (Decree 61/2018 Art. 19(9): rescheduling at most once). The
 * new date must be later than the current due date and on a working day; a time outside the windows
 * moves to the nearest window of that same day, so the promised date never changes silently.
 */
export function extendDueDate(
  calendar: Calendar,
  current: { dueAt: InstantInput; extensionCount: number },
  newDueAt: InstantInput,
): Date {
  if (current.extensionCount >= 1) {
    throw new CalendarInputError('INVALID_INPUT', 'newDueAt', 'newDueAt: the due date may be extended only once');
  }
  const oldMs = toEpochMs(current.dueAt, 'dueAt');
  const newMs = toEpochMs(newDueAt, 'newDueAt');
  if (newMs <= oldMs) {
    throw new CalendarInputError('INVALID_INPUT', 'newDueAt', 'newDueAt: must be later than the current due date');
  }
  if (isWithinWorkingWindow(calendar, newMs)) return new Date(newMs);
  const axis = toWorkingAxis(calendar, newMs, 'newDueAt');
  const backward = fromWorkingAxis(calendar, axis, true, 'newDueAt');
  if (vnEpochDay(backward) === vnEpochDay(newMs) && backward > oldMs) return new Date(backward);
  const forward = fromWorkingAxis(calendar, axis, false, 'newDueAt');
  if (vnEpochDay(forward) === vnEpochDay(newMs)) return new Date(forward);
  throw new CalendarInputError('INVALID_INPUT', 'newDueAt', 'newDueAt: must be a working day');
}

export type Timeliness = 'early' | 'onTime' | 'late';

/** DOMAIN §4: compared by Vietnam-local date only; early = before the due date, late = after it. */
export function classifyTimeliness(finishedAt: InstantInput, dueAt: InstantInput): Timeliness {
  const finished = vnEpochDay(toEpochMs(finishedAt, 'finishedAt'));
  const due = vnEpochDay(toEpochMs(dueAt, 'dueAt'));
  return finished < due ? 'early' : finished === due ? 'onTime' : 'late';
}

/**
 * Due instants of consecutive workflow steps whose budgets are fractions of a working day (e.g. 0.25,
 * 0.25, 0.5, 0.25). A workflow whose budgets exceed the statutory total is rejected (DOMAIN §4).
 */
export function computeStepDueDates(
  calendar: Calendar,
  startsAt: InstantInput,
  budgetsInDays: readonly number[],
  totalDays: number,
): Date[] {
  if (!Number.isFinite(totalDays) || totalDays <= 0) {
    throw new CalendarInputError('INVALID_INPUT', 'totalDays', 'totalDays: expected a number > 0');
  }
  const axis = toWorkingAxis(calendar, toEpochMs(startsAt, 'startsAt'), 'startsAt');
  const budgetMs = budgetsInDays.map((days, i) => {
    if (!Number.isFinite(days) || days <= 0) {
      throw new CalendarInputError('INVALID_INPUT', `budgets[${i}]`, `budgets[${i}]: expected a number of days > 0`);
    }
    return Math.round(days * calendar.dayMs);
  });
  const totalMs = Math.round(totalDays * calendar.dayMs);
  if (budgetMs.reduce((a, b) => a + b, 0) > totalMs) {
    throw new CalendarInputError('INVALID_INPUT', 'budgets', 'budgets: step budgets exceed the statutory time limit');
  }
  let cumulative = 0;
  return budgetMs.map((ms) => {
    cumulative += ms;
    return new Date(fromWorkingAxis(calendar, axis + cumulative, true));
  });
}

export type PendingState = 'inTime' | 'overdue';

/** DOMAIN §4 (reports): a dossier still pending at a period end is in time if due ≥ the period end. */
export function classifyPending(dueAt: InstantInput, periodEnd: InstantInput): PendingState {
  return toEpochMs(dueAt, 'dueAt') >= toEpochMs(periodEnd, 'periodEnd') ? 'inTime' : 'overdue';
}

const DUE_SOON_MS = 24 * 3_600_000;

/** DOMAIN §4: "due soon" = not yet due, and due within the next 24 hours. */
export function isDueSoon(dueAt: InstantInput, now: InstantInput): boolean {
  const left = toEpochMs(dueAt, 'dueAt') - toEpochMs(now, 'now');
  return left >= 0 && left <= DUE_SOON_MS;
}
