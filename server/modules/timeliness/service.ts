import type { Calendar } from '../../../shared/calendar/calendar.ts';
import { addWorkingMinutes } from '../../../shared/calendar/due-date.ts';
import { formatVnIso } from '../../../shared/calendar/instant.ts';
import { fromWorkingAxis, toWorkingAxis } from '../../../shared/calendar/working-time.ts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import { getCalendar, listAgenciesWithOwnWindows } from '../calendar/service.ts';
import { enqueueNotification, type Recipient } from '../notifications/service.ts';
import * as repo from './repository.ts';
import type { AlertKind } from './tables.ts';

const HOUR_MS = 3_600_000;
// DOMAIN §4: "due soon" = due within 24 hours (the same constant as the calendar's isDueSoon).
const DUE_SOON_MS = 24 * HOUR_MS;
const WORKING_DAY_MINUTES = 8 * 60;

/**
 * Thresholds of one calendar, computed by the calendar engine (the SQL never counts days): the latest
 * submission instant that has waited `limitHours` working hours by `now` (DOMAIN §3.2: a configured
 * SLA, no statutory limit), and the latest due instant within one working day of `now` (Decree 61/2018
 * Art. 19(9): the apology is due at least one working day before the deadline).
 */
function thresholdsOf(calendar: Calendar, now: Date, limitHours: number) {
  // Working-time positions stand still outside the windows: every submission at or before this instant
  // has waited at least the limit.
  const axis = toWorkingAxis(calendar, now.getTime(), 'now') - limitHours * HOUR_MS;
  const waitingSince = new Date(fromWorkingAxis(calendar, Math.max(axis, 0), false, 'now'));
  const atRiskUntil = addWorkingMinutes(calendar, now, WORKING_DAY_MINUTES);
  return { waitingSince, atRiskUntil };
}

export interface SweepResult {
  calendars: number;
  raised: Partial<Record<AlertKind, number>>;
  ms: number;
}

/**
 * The SLA watch (issue 7): one set-based pass over the open dossiers. Alerts are rows keyed by
 * (dossier, kind, subject) so however often the sweep runs, each is raised once; the dispatch job
 * turns them into notifications.
 */
export async function runSweep(ctx: AppContext, db: Executor = ctx.db): Promise<SweepResult> {
  const started = performance.now();
  const now = ctx.clock.now();
  const limit = ctx.config.SLA_ACCEPTANCE_WORKING_HOURS;
  // One default calendar for most agencies; those with working hours of their own get their own.
  const defaults = thresholdsOf((await getCalendar(ctx)).calendar, now, limit);
  const overrides = [];
  for (const agencyId of await listAgenciesWithOwnWindows(ctx))
    overrides.push({ agencyId, ...thresholdsOf((await getCalendar(ctx, agencyId)).calendar, now, limit) });
  const raised = await repo.raiseAlerts(db, now, new Date(now.getTime() + DUE_SOON_MS), defaults, overrides);
  const result = { calendars: 1 + overrides.length, raised, ms: Math.round(performance.now() - started) };
  ctx.log.info(result, 'timeliness sweep');
  return result;
}

// Who hears of what (DOMAIN §3–§4): the desk and its head for a dossier waiting for acceptance; the
// assignee and their head when due soon; the leader too when overdue (escalation); the leader and the
// assignee are asked for the apology letter.
const ROLES: Record<AlertKind, { roles: string[]; assignee: boolean }> = {
  waiting_acceptance: { roles: ['receptionist', 'division_head'], assignee: false },
  due_soon: { roles: ['division_head'], assignee: true },
  step_due_soon: { roles: ['division_head'], assignee: true },
  step_overdue: { roles: ['division_head'], assignee: true },
  overdue: { roles: ['division_head', 'leader'], assignee: true },
  apology_needed: { roles: ['leader'], assignee: true },
};

function templateOf(a: repo.PendingAlert, workspaceUrl: string, now: Date) {
  const dossierCode = a.code ?? `HS-${a.dossier_id.slice(0, 8)}`;
  const dueAt = a.due_at ? formatVnIso(a.due_at) : formatVnIso(now);
  const stepName = a.step_index === null ? undefined : `Bước ${a.step_index + 1}`;
  switch (a.kind) {
    case 'waiting_acceptance':
      return {
        template: 'officer.waiting_acceptance' as const,
        params: {
          dossierCode,
          submittedAt: formatVnIso(a.submitted_at),
          waitingHours: Math.max(0, (now.getTime() - a.submitted_at.getTime()) / HOUR_MS),
          workspaceUrl,
        },
      };
    case 'due_soon':
    case 'step_due_soon':
      return {
        template: 'officer.due_soon' as const,
        params: { dossierCode, dueAt, ...(a.kind === 'step_due_soon' ? { stepName } : {}), workspaceUrl },
      };
    case 'overdue':
    case 'step_overdue':
      return {
        template: 'officer.overdue' as const,
        params: { dossierCode, dueAt, ...(a.kind === 'step_overdue' ? { stepName } : {}), workspaceUrl },
      };
    case 'apology_needed':
      return { template: 'officer.apology_needed' as const, params: { dossierCode, dueAt, workspaceUrl } };
  }
}

/**
 * Writes the notifications of one batch of alerts and marks them notified, in one transaction: an
 * alert is announced exactly once (the outbox's de-duplication key is a second guard). Returns the
 * number of alerts handled.
 */
export async function dispatchBatch(ctx: AppContext, limit = 200): Promise<number> {
  const now = ctx.clock.now();
  const base = ctx.config.PUBLIC_URL.replace(/\/$/, '');
  return ctx.db.transaction().execute(async (trx) => {
    const alerts = await repo.claimPendingAlerts(trx, limit);
    if (alerts.length === 0) return 0;
    const agencyIds = [...new Set(alerts.map((a) => a.agency_id))];
    const officers = await repo.findOfficers(trx, agencyIds, ['receptionist', 'division_head', 'leader']);
    const assignees = await repo.findAccounts(trx, [
      ...new Set(alerts.flatMap((a) => (a.assignee_id ? [a.assignee_id] : []))),
    ]);
    for (const a of alerts) {
      const who = recipientsOf(a, officers, assignees);
      const { template, params } = templateOf(a, `${base}/can-bo/ho-so/${a.dossier_id}`, now);
      for (const r of who) {
        await enqueueNotification(trx, {
          template,
          params,
          // The occurrence: this dossier, this kind, this due instant (or step). Stable across sweeps.
          eventKey: `sla:${a.kind}:${a.dossier_id}:${a.subject}`,
          recipient: r,
          channels: ['inapp', 'email'],
          now,
        });
      }
      await repo.markNotified(trx, a, now, who.length);
    }
    return alerts.length;
  });
}

function recipientsOf(
  a: repo.PendingAlert,
  officers: readonly repo.Officer[],
  assignees: readonly { id: string; email: string | null; phone: string | null }[],
): Recipient[] {
  const rule = ROLES[a.kind];
  const here = officers.filter((o) => o.agency_id === a.agency_id);
  let chosen = here.filter((o) => rule.roles.includes(o.role));
  // "Its head": an agency without a division head (a commune) answers to its leader.
  if (rule.roles.includes('division_head') && !chosen.some((o) => o.role === 'division_head'))
    chosen = [...chosen, ...here.filter((o) => o.role === 'leader')];
  const byId = new Map<string, Recipient>();
  for (const o of chosen) byId.set(o.account_id, { accountId: o.account_id, email: o.email, phone: o.phone });
  const assignee = rule.assignee && a.assignee_id ? assignees.find((x) => x.id === a.assignee_id) : undefined;
  if (assignee) byId.set(assignee.id, { accountId: assignee.id, email: assignee.email, phone: assignee.phone });
  return [...byId.values()];
}

/** Dispatches batches until none is left or the time budget is spent (the rest waits for the next run). */
export async function dispatchAlerts(ctx: AppContext, budgetMs = 20_000): Promise<number> {
  const started = Date.now(); // elapsed wall time for the budget, not a domain instant
  let total = 0;
  for (;;) {
    const n = await dispatchBatch(ctx);
    total += n;
    if (n === 0 || Date.now() - started > budgetMs) return total;
  }
}

/**
 * One dossier's timeliness for its officers' view: overdue now, the stored verdict, the extended date
 * of an approved apology letter, and the SLA alerts raised (the flag the queues and dashboards read).
 */
export async function dossierTimeliness(ctx: AppContext, row: { id: string; status: number; due_at: Date | null }) {
  const [own, alerts] = await Promise.all([
    sql<{ timeliness: string | null; extended_due_at: Date | null }>`
      SELECT timeliness, extended_due_at FROM dossiers WHERE id = ${row.id}`.execute(ctx.db),
    ctx.db
      .selectFrom('timeliness_alerts')
      .select(['kind', 'due_at', 'step_index', 'raised_at', 'notified_at'])
      .where('dossier_id', '=', row.id)
      .orderBy('raised_at')
      .orderBy('kind')
      .execute(),
  ]);
  const running = row.status === 2 || row.status === 4 || row.status === 6;
  return {
    dossierId: row.id,
    dueAt: row.due_at?.toISOString() ?? null,
    overdue: running && row.due_at !== null && row.due_at.getTime() < ctx.clock.now().getTime(),
    extendedDueAt: own.rows[0]?.extended_due_at?.toISOString() ?? null,
    timeliness: own.rows[0]?.timeliness ?? null,
    alerts: alerts.map((a) => ({
      kind: a.kind,
      dueAt: a.due_at?.toISOString() ?? null,
      stepIndex: a.step_index,
      raisedAt: a.raised_at.toISOString(),
      notifiedAt: a.notified_at?.toISOString() ?? null,
    })),
  };
}
