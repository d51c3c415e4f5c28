import { classifyPending, classifyTimeliness } from '../../../shared/calendar/dossier-clock.ts';
import { parseIsoDate, vnEpochDay } from '../../../shared/calendar/instant.ts';
import type { FormCounts, InvariantCheck } from '../../../shared/schemas/reports.ts';

/**
 * The raw computation of forms 06a/07a from dossier rows, one dossier at a time, with the calendar's own
 * classification functions. The roll-up (migrations/0070_reports.sql) must give the same numbers; the
 * equality test (rollup.test.ts) runs both on random histories.
 */
export interface DossierFacts {
  status: number;
  channel: number;
  acceptedAt: Date;
  dueAt: Date | null;
  processedAt: Date | null;
  returnedAt: Date | null;
  finishedAt: Date | null;
}

export interface PeriodDays {
  /** Epoch days (Vietnam-local dates), both inclusive. */
  fromDay: number;
  toDay: number;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

export function periodDays(from: string, to: string): PeriodDays {
  return { fromDay: parseIsoDate(from, 'from'), toDay: parseIsoDate(to, 'to') };
}

/** The instant a period ends: 00:00 Vietnam time of the day after its last day. */
export function periodEndInstant(p: PeriodDays): Date {
  return new Date((p.toDay + 1) * DAY_MS - VN_OFFSET_MS);
}

export type EndKind = 'resolved' | 'other';

/** DOMAIN §4: end of processing = first of processed (9) > returned (10) > stopped/refused/withdrawn. */
export function endOfProcessing(f: DossierFacts): { at: Date; kind: EndKind } | null {
  if (f.processedAt) return { at: f.processedAt, kind: 'resolved' };
  if (f.returnedAt) return { at: f.returnedAt, kind: 'resolved' };
  if (f.status === 3 || f.status === 7 || f.status === 8) return { at: f.finishedAt ?? f.acceptedAt, kind: 'other' };
  return null;
}

export function emptyCounts(): FormCounts {
  return {
    received: { total: 0, online: 0, inPersonOrPost: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    pending: { total: 0, inTime: 0, overdue: 0 },
    closedOther: 0,
  };
}

/** Adds one dossier to the counts of a period (a no-op when it is outside the period). */
export function tallyDossier(c: FormCounts, f: DossierFacts, p: PeriodDays): void {
  const received = vnEpochDay(f.acceptedAt.getTime());
  if (received > p.toDay) return;
  const end = endOfProcessing(f);
  const endDay = end ? vnEpochDay(end.at.getTime()) : null;
  // Circular 01/2020 form 06a: carried over = received before the period and not finished before it (DOMAIN §7).
  if (received < p.fromDay) {
    if (endDay !== null && endDay < p.fromDay) return;
    c.received.carriedOver++;
  } else if (f.channel === 2) c.received.online++;
  else c.received.inPersonOrPost++;
  c.received.total++;

  if (end && endDay !== null && endDay <= p.toDay) {
    if (end.kind === 'other') c.closedOther++;
    else {
      c.resolved.total++;
      const t = f.dueAt ? classifyTimeliness(end.at, f.dueAt) : 'onTime';
      c.resolved[t]++;
    }
    return;
  }
  c.pending.total++;
  // DOMAIN §4: pending at the period end is in time if due ≥ the period end (00:00 of the next day).
  c.pending[f.dueAt ? classifyPending(f.dueAt, periodEndInstant(p)) : 'inTime']++;
}

export function addCounts(into: FormCounts, c: FormCounts): void {
  into.received.total += c.received.total;
  into.received.online += c.received.online;
  into.received.inPersonOrPost += c.received.inPersonOrPost;
  into.received.carriedOver += c.received.carriedOver;
  into.resolved.total += c.resolved.total;
  into.resolved.early += c.resolved.early;
  into.resolved.onTime += c.resolved.onTime;
  into.resolved.late += c.resolved.late;
  into.pending.total += c.pending.total;
  into.pending.inTime += c.pending.inTime;
  into.pending.overdue += c.pending.overdue;
  into.closedOther += c.closedOther;
}

/** Circular 01/2020: received = resolved + pending + refused/withdrawn/stopped, on every row and the total. */
export function checkInvariant(rows: { key: string; counts: FormCounts }[]): InvariantCheck {
  const failures = rows.flatMap(({ key, counts: c }) => {
    const accounted = c.resolved.total + c.pending.total + c.closedOther;
    const parts =
      c.received.online + c.received.inPersonOrPost + c.received.carriedOver === c.received.total &&
      c.resolved.early + c.resolved.onTime + c.resolved.late === c.resolved.total &&
      c.pending.inTime + c.pending.overdue === c.pending.total;
    return accounted === c.received.total && parts ? [] : [{ key, received: c.received.total, accounted }];
  });
  return { holds: failures.length === 0, failures };
}
