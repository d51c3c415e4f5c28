import type { Calendar } from '../../../shared/calendar/calendar.ts';
import { applyPause, computeStepDueDates, restartDueDate } from '../../../shared/calendar/dossier-clock.ts';
import { computeDueDate, computeStartInstant, elapsedWorkingMinutes } from '../../../shared/calendar/due-date.ts';
import type { ProcedureVersion, WorkflowStep } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import { limitInWorkingDays } from '../../../shared/catalogue/workflow-budget.ts';
import { getCalendar } from '../calendar/service.ts';

/** Every date a dossier promises comes from the calendar engine; nothing here counts days itself. */

export async function calendarOf(ctx: AppContext, agencyId: string): Promise<Calendar> {
  return (await getCalendar(ctx, agencyId)).calendar;
}

type Version = Pick<ProcedureVersion, 'timeLimit' | 'cutoff15'>;

function stepDues(calendar: Calendar, from: Date, version: Version, steps: readonly WorkflowStep[]): string[] {
  if (steps.length === 0) return [];
  const budgets = steps.map((s) => s.budgetDays);
  const total = Math.max(
    limitInWorkingDays(version.timeLimit),
    budgets.reduce((a, b) => a + b, 0),
  );
  return computeStepDueDates(calendar, from, budgets, total).map((d) => d.toISOString());
}

/**
 * Acceptance: the appointment from the version's time limit, its 15:00 cut-off flag and the receiving
 * agency's calendar; each step's due time from the workflow budgets, counted from the same start.
 */
export function acceptanceDeadlines(calendar: Calendar, at: Date, version: Version, steps: readonly WorkflowStep[]) {
  const { startsAt, dueAt } = computeDueDate(calendar, at, version.timeLimit, { cutoff15: version.cutoff15 });
  return {
    startsAt: startsAt.toISOString(),
    dueAt: dueAt.toISOString(),
    stepDueAts: stepDues(calendar, startsAt, version, steps),
  };
}

/**
 * Decree 61/2018 Art. 18(1),(3): a counter dossier received after 15:00 is handed to the competent agency
 * first thing the next working day; an online dossier flows at once. This never moves the due date.
 */
export function handOverAt(calendar: Calendar, at: Date, channel: number): string {
  if (channel !== 1) return at.toISOString();
  const next = computeStartInstant(calendar, at, { cutoff15: true });
  return (next.getTime() > at.getTime() ? next : at).toISOString();
}

/**
 * A complete supplement during processing. RESTART (Decree 61/2018 Art. 19(4), the law of 2018): the
 * full time limit runs again from the supplement. PAUSE (configurable alternative): every remaining due
 * time moves later by the working time spent waiting.
 */
export function supplementDeadlines(
  calendar: Calendar,
  mode: 'RESTART' | 'PAUSE',
  at: Date,
  state: { dueAt: string; pausedAt: string; stepIndex: number | null; stepDueAts: string[] | null },
  version: Version,
  steps: readonly WorkflowStep[],
) {
  if (mode === 'RESTART') {
    const { startsAt, dueAt } = restartDueDate(calendar, at, version.timeLimit, { cutoff15: version.cutoff15 });
    const from = state.stepIndex ?? steps.length;
    const remaining = stepDues(calendar, startsAt, version, steps.slice(from));
    const stepDueAts = [...(state.stepDueAts ?? []).slice(0, from), ...remaining];
    return { startsAt: startsAt.toISOString(), dueAt: dueAt.toISOString(), stepDueAts };
  }
  const shift = (d: string) => applyPause(calendar, d, state.pausedAt, at).toISOString();
  const from = state.stepIndex ?? 0;
  const stepDueAts = (state.stepDueAts ?? []).map((d, i) => (i >= from ? shift(d) : d));
  return { dueAt: shift(state.dueAt), stepDueAts };
}

/** Decree 61/2018 Art. 19(4): a supplement is requested no later than 3 working days after receipt. */
export function isLateSupplementRequest(calendar: Calendar, acceptedAt: string | null, at: Date): boolean {
  if (!acceptedAt) return false;
  return elapsedWorkingMinutes(calendar, acceptedAt, at) > 3 * 8 * 60;
}
