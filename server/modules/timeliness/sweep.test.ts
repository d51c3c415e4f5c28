import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';
import { runDueJobs } from '../../jobs/worker.ts';
import { timelinessSweep } from './jobs.ts';
import { dispatchAlerts, runSweep } from './service.ts';

let t: TestApp;
let commune: Commune;
let citizen: Record<string, string>;
let procedureCode: string;

// Hanoi local time → the UTC instant the manual clock takes.
const at = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  commune = await createCommune(t.ctx);
  citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
  procedureCode = (await createProcedure(t.ctx, { timeLimit: { value: 3, unit: 'workingDays' } })).code;
});

afterAll(async () => {
  await t.close();
});

async function ok(headers: Record<string, string>, d: DossierView, action: string) {
  const res = await act(t.app, headers, d, action);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json<DossierView>();
}

/** In-app SLA notifications about one dossier, as "template/alert kind → sorted account ids". */
async function inbox(dossierId: string) {
  const { rows } = await sql<{ template: string; account_id: string; n: number }>`
    SELECT template || '/' || split_part(split_part(dedup_key, '|', 2), ':', 2) AS template, account_id,
      count(*)::int AS n
    FROM notifications
    WHERE channel = 'inapp' AND dedup_key LIKE ${`%${dossierId}%`} AND template LIKE 'officer.%'
    GROUP BY 1, account_id`.execute(t.ctx.db);
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    expect(Number(r.n)).toBe(1); // exactly once per recipient, whatever the number of sweeps
    (out[r.template] ??= []).push(r.account_id);
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

async function sweepTimes(n: number) {
  for (let i = 0; i < n; i++) {
    await runSweep(t.ctx);
    await dispatchAlerts(t.ctx);
  }
}

const ids = (...accounts: { id: string }[]) => accounts.map((a) => a.id).sort();

describe('SLA watch with a moved clock', () => {
  let d: DossierView;
  let waiting: DossierView;

  it('alerts the desk and its head once when an online dossier waits 8 working hours for acceptance', async () => {
    t.clock.set(at('2023-10-27T09:32:00')); // Friday
    waiting = await submitOnline(t.app, citizen, procedureCode, commune.agencyId);
    d = await submitOnline(t.app, citizen, procedureCode, commune.agencyId);
    const clerk = await loginAs(t.ctx, commune.receptionist);
    d = await ok(clerk, d, 'accept');
    expect(d.dueAt).toBe('2023-11-01T02:32:00.000Z'); // Wed 01/11 09:32, the calendar's answer
    // The desk's own step is done at once; the specialist takes the review step.
    d = await ok(clerk, d, 'assign');
    d = await ok(clerk, d, 'complete_step');
    d = await ok(await loginAs(t.ctx, commune.specialist), d, 'assign');
    expect(d.stepDueAt).toBe('2023-10-31T08:32:00.000Z'); // review due Tue 15:32 (budgets 0.5 + 2 days)

    t.clock.set(at('2023-10-27T16:59:00')); // 7 h 27 min of working time: not yet
    await sweepTimes(2);
    expect(await inbox(waiting.id)).toEqual({});

    t.clock.set(at('2023-10-30T09:40:00')); // Monday: the weekend did not count
    await sweepTimes(3);
    expect(await inbox(waiting.id)).toEqual({
      'officer.waiting_acceptance/waiting_acceptance': ids(commune.receptionist, commune.leader),
    });
  });

  it('reminds the assignee and their head once each: step due soon, dossier due soon, step overdue, overdue', async () => {
    expect(await inbox(d.id)).toEqual({});

    t.clock.set(at('2023-10-30T16:00:00')); // Monday afternoon: the step is due within 24 h
    await sweepTimes(3);
    const team = ids(commune.specialist, commune.leader);
    expect(await inbox(d.id)).toEqual({ 'officer.due_soon/step_due_soon': team });

    t.clock.set(at('2023-10-31T10:00:00')); // Tuesday: the dossier is due within 24 h and one working day
    await sweepTimes(3);
    expect(await inbox(d.id)).toEqual({
      'officer.due_soon/step_due_soon': team,
      'officer.due_soon/due_soon': team,
      'officer.apology_needed/apology_needed': team,
    });
    const alerts = await t.ctx.db
      .selectFrom('timeliness_alerts')
      .select(['kind'])
      .where('dossier_id', '=', d.id)
      .orderBy('kind')
      .execute();
    expect(alerts.map((a) => a.kind)).toEqual(['apology_needed', 'due_soon', 'step_due_soon']);

    t.clock.set(at('2023-10-31T16:00:00')); // the step's time is out
    await sweepTimes(2);
    t.clock.set(at('2023-11-01T10:00:00')); // Wednesday: the dossier is overdue, escalated to the leader
    await sweepTimes(3);
    expect(await inbox(d.id)).toEqual({
      'officer.due_soon/step_due_soon': team,
      'officer.due_soon/due_soon': team,
      'officer.apology_needed/apology_needed': team,
      'officer.overdue/step_overdue': team,
      'officer.overdue/overdue': team,
    });
    const kinds = await t.ctx.db
      .selectFrom('timeliness_alerts')
      .select(['kind', 'notified_at', 'recipients'])
      .where('dossier_id', '=', d.id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'apology_needed',
      'due_soon',
      'overdue',
      'step_due_soon',
      'step_overdue',
    ]);
    for (const k of kinds) expect(k).toMatchObject({ recipients: 2, notified_at: expect.any(Date) });
    // The officers' queue of overdue dossiers lists it.
    const fresh = await loginAs(t.ctx, commune.specialist); // the clock moved past the session's idle limit
    const queue = await t.app.inject({ url: '/api/dossiers?queue=overdue', headers: fresh });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
    // The dashboard tile and the dossier's own flag.
    const tile = await t.app.inject({ url: '/api/timeliness/overview', headers: fresh });
    expect(tile.statusCode).toBe(200);
    expect(tile.json().agencies).toContainEqual({
      agencyId: commune.agencyId,
      overdue: 1,
      overdueWithoutApology: 1,
      dueSoon: 0,
      waitingAcceptance: 1,
    });
    const flag = await t.app.inject({ url: `/api/dossiers/${d.id}/timeliness`, headers: fresh });
    expect(flag.json()).toMatchObject({ overdue: true, timeliness: null, extendedDueAt: null });
    expect(flag.json().alerts.map((a: { kind: string }) => a.kind)).toContain('overdue');
    const outsider = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect((await t.app.inject({ url: `/api/dossiers/${d.id}/timeliness`, headers: outsider })).statusCode).toBe(404);
  });

  it('runs as a recurring job: a later slot with nothing new raises nothing', async () => {
    t.clock.set(at('2023-11-01T10:20:00'));
    const before = await t.ctx.db
      .selectFrom('notifications')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const counts = await runDueJobs(t.ctx, { jobs: [], recurring: [timelinessSweep] });
    expect(counts.done).toBe(1);
    const after = await t.ctx.db
      .selectFrom('notifications')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
