import type { Calendar } from '../../../shared/calendar/calendar.ts';
import { addWorkingMinutes, computeDueDate } from '../../../shared/calendar/due-date.ts';

/**
 * Pure planning of one synthetic dossier history (no I/O): which agency, channel, times and outcome.
 * Shapes are plausible, not statistics: most dossiers at communes, online share rising with the online
 * level, most finished early, a unit-dependent share late, some supplements, refusals and withdrawals.
 */
export interface ProcedureChoice {
  id: number;
  code: string;
  name: string;
  tiers: string[];
  agencyId: string | null;
  onlineLevel: number;
  limitValue: number;
  limitUnit: 'workingDays' | 'workingHours' | 'calendarDays';
}

export interface AgencyChoice {
  id: string;
  unitId: number;
  level: string;
  /** 0–1: how often this agency's dossiers run late (fixed per agency, so districts differ). */
  slackness: number;
  validFromMs: number;
  validToMs: number;
}

export type Outcome = 'pending' | 'processed' | 'returned' | 'refusedAtReception' | 'refused' | 'withdrawn' | 'stopped';

export interface PlannedDossier {
  procedure: ProcedureChoice;
  agency: AgencyChoice;
  channel: 1 | 2 | 3;
  status: number;
  submittedAt: Date;
  acceptedAt: Date | null;
  startsAt: Date | null;
  dueAt: Date | null;
  supplementAt: Date | null;
  processedAt: Date | null;
  returnedAt: Date | null;
  finishedAt: Date | null;
  outcome: Outcome;
}

/** mulberry32: small, fast, seedable. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const WD_MIN = 8 * 60;

function limitInWorkingMinutes(p: ProcedureChoice): number {
  if (p.limitUnit === 'workingHours') return p.limitValue * 60;
  if (p.limitUnit === 'calendarDays') return (p.limitValue * 5 * WD_MIN) / 7;
  return p.limitValue * WD_MIN;
}

export function planDossier(
  random: () => number,
  calendar: Calendar,
  procedure: ProcedureChoice,
  agency: AgencyChoice,
  arrivalMs: number,
  nowMs: number,
): PlannedDossier {
  const onlineShare = procedure.onlineLevel === 4 ? 0.55 : procedure.onlineLevel === 3 ? 0.35 : 0;
  const r = random();
  const channel: 1 | 2 | 3 = r < onlineShare ? 2 : r < onlineShare + 0.03 ? 3 : 1;
  // Arrivals inside office hours: the random instant, moved into the working windows.
  const submittedAt = addWorkingMinutes(calendar, arrivalMs, 0);
  if (submittedAt.getTime() > nowMs)
    return planDossier(random, calendar, procedure, agency, arrivalMs - 86_400_000, nowMs);
  const base = { procedure, agency, channel, submittedAt, supplementAt: null, processedAt: null, returnedAt: null };
  const none = { acceptedAt: null, startsAt: null, dueAt: null, finishedAt: null };
  // Online dossiers wait for acceptance (0–2 working days); counter dossiers are accepted on the spot.
  const acceptedAt = channel === 2 ? addWorkingMinutes(calendar, submittedAt, random() * 2 * WD_MIN) : submittedAt;
  if (acceptedAt.getTime() > nowMs) return { ...base, ...none, status: 1, outcome: 'pending' };
  const fate = random();
  if (fate < 0.03) return { ...base, ...none, finishedAt: acceptedAt, status: 3, outcome: 'refusedAtReception' };
  let { startsAt, dueAt } = computeDueDate(calendar, acceptedAt, {
    value: procedure.limitValue,
    unit: procedure.limitUnit,
  });
  const limit = limitInWorkingMinutes(procedure);
  let supplementAt: Date | null = null;
  if (random() < 0.08) {
    // Decree 61/2018 Art. 19(4): supplement within 3 working days, then the time limit restarts.
    supplementAt = addWorkingMinutes(calendar, acceptedAt, random() * 3 * WD_MIN);
    const back = addWorkingMinutes(calendar, supplementAt, (1 + random() * 4) * WD_MIN);
    ({ startsAt, dueAt } = computeDueDate(calendar, back, { value: procedure.limitValue, unit: procedure.limitUnit }));
  }
  const late = random() < 0.03 + agency.slackness * 0.25;
  const share = late ? 1.05 + random() * 0.8 : 0.25 + random() * 0.75;
  const processedAt = addWorkingMinutes(calendar, startsAt, limit * share);
  const accepted = { ...base, supplementAt, acceptedAt, startsAt, dueAt };
  if (fate < 0.06) {
    const at = addWorkingMinutes(calendar, acceptedAt, random() * limit * 0.5);
    if (at.getTime() <= nowMs) {
      const [status, outcome] =
        fate < 0.04 ? [3, 'refused' as const] : fate < 0.05 ? [7, 'withdrawn' as const] : [8, 'stopped' as const];
      return { ...accepted, finishedAt: at, status, outcome };
    }
  }
  if (processedAt.getTime() > nowMs) {
    return { ...accepted, finishedAt: null, status: supplementAt && random() < 0.1 ? 5 : 4, outcome: 'pending' };
  }
  const returnedAt = addWorkingMinutes(calendar, processedAt, random() * 2 * WD_MIN);
  if (returnedAt.getTime() > nowMs)
    return { ...accepted, processedAt, finishedAt: processedAt, status: 9, outcome: 'processed' };
  return { ...accepted, processedAt, returnedAt, finishedAt: processedAt, status: 10, outcome: 'returned' };
}
