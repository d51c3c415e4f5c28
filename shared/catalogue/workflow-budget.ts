import type { TimeLimit, WorkflowStep } from '../schemas/procedure.ts';

// A working day is 8 working hours (Labour Code 2019 Art. 105(1); shared/calendar uses the same day).
const HOURS_PER_WORKING_DAY = 8;

/**
 * The statutory limit expressed in working days, the unit of step budgets. Calendar days are compared
 * as they are: a span of N calendar days never holds more than N working days, so budgets summing to at
 * most N are a necessary condition (the calendar decides the real due date per dossier).
 */
export function limitInWorkingDays(limit: TimeLimit): number {
  switch (limit.unit) {
    case 'workingDays':
    case 'calendarDays':
      return limit.value;
    case 'workingHours':
      return limit.value / HOURS_PER_WORKING_DAY;
    default: {
      const exhaustive: never = limit.unit;
      return exhaustive;
    }
  }
}

/** Sum of the step budgets, rounded to a thousandth so that 0.1 + 0.2 does not exceed 0.3. */
export function totalBudget(steps: readonly Pick<WorkflowStep, 'budgetDays'>[]): number {
  return Math.round(steps.reduce((sum, s) => sum + s.budgetDays, 0) * 1000) / 1000;
}

/** Decree 61/2018 Art. 19: the steps share the statutory time limit, so their budgets cannot exceed it. */
export function exceedsLimit(limit: TimeLimit, steps: readonly Pick<WorkflowStep, 'budgetDays'>[]): boolean {
  return totalBudget(steps) > Math.round(limitInWorkingDays(limit) * 1000) / 1000;
}
