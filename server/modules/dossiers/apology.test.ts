import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  APPLICANT,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  multipart,
  PDF,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';
import { extractPdfText } from '../payments/pdf-text.ts';
import { dispatchAlerts, runSweep } from '../timeliness/service.ts';
import { lateClosingRefusal } from './apology-guard.ts';
import { stateOf } from './mapping.ts';
import * as repo from './repository.ts';
import { replayJournal, type JournalEvent } from './workflow.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let citizenAccount: { id: string };
let procedureCode: string;
const at = (local: string) => new Date(`${local}+07:00`);
const h = async (who: { id: string }) => loginAs(t.ctx, who); // fresh session: the clock moves by days

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-apology-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx);
  citizenAccount = await createCitizen(t.ctx);
  procedureCode = (await createProcedure(t.ctx, { timeLimit: { value: 3, unit: 'workingDays' } })).code;
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function ok(headers: Record<string, string>, d: DossierView, action: string) {
  const res = await act(t.app, headers, d, action);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json<DossierView>();
}

/** Submitted Fri 27/10/2023 09:32, accepted, reviewed and approved at once: due Wed 01/11 09:32. */
async function approvedDossier(): Promise<DossierView> {
  t.clock.set(at('2023-10-27T09:32:00'));
  const [clerk, specialist, leader] = [
    await h(commune.receptionist),
    await h(commune.specialist),
    await h(commune.leader),
  ];
  let d = await submitOnline(t.app, await h(citizenAccount), procedureCode, commune.agencyId);
  for (const [who, action] of [
    [clerk, 'accept'],
    [clerk, 'assign'],
    [clerk, 'complete_step'],
    [specialist, 'assign'],
    [specialist, 'complete_step'],
    [leader, 'approve'],
  ] as const)
    d = await ok(who, d, action);
  expect(d).toMatchObject({ dueAt: '2023-11-01T02:32:00.000Z', stepIndex: null });
  return d;
}

function markProcessed(headers: Record<string, string>, d: { id: string; version: number }) {
  const body = multipart({ version: d.version }, [{ field: 'result', fileName: 'kq.pdf', content: PDF }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/mark_processed`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

const draft = async (who: { id: string }, id: string, newAppointmentAt: string, reason = 'Chờ ý kiến liên ngành') =>
  t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${id}/apology`,
    headers: await h(who),
    payload: { reason, newAppointmentAt },
  });
const approve = async (who: { id: string }, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/apology/approve`, headers: await h(who) });
const view = async (id: string) =>
  (await t.app.inject({ url: `/api/dossiers/${id}`, headers: await h(commune.receptionist) })).json<DossierView>();

describe('apology letter (form 04, Decree 61/2018 Art. 19(9))', () => {
  let d: DossierView;
  let letterId: string;

  it('is asked of the handling agency one working day before the deadline', async () => {
    d = await approvedDossier();
    t.clock.set(at('2023-10-31T10:00:00'));
    await runSweep(t.ctx);
    await dispatchAlerts(t.ctx);
    const asked = await t.ctx.db
      .selectFrom('notifications')
      .select('account_id')
      .where('template', '=', 'officer.apology_needed')
      .where('channel', '=', 'inapp')
      .where('dedup_key', 'like', `%${d.id}%`)
      .execute();
    expect(asked.map((a) => a.account_id)).toEqual([commune.leader.id]);
  });

  it('validates the ONE new date with the calendar and lets only the handling agency draft it', async () => {
    expect((await draft(commune.specialist, d.id, '2023-10-31T16:00:00+07:00')).statusCode).toBe(400); // before due
    const saturday = await draft(commune.specialist, d.id, '2023-11-04T09:00:00+07:00');
    expect(saturday.statusCode).toBe(400);
    expect(saturday.json().error.details[0].field).toBe('body.newAppointmentAt');
    expect((await draft(citizenAccount, d.id, '2023-11-03T16:00:00+07:00')).statusCode).toBe(403);
    const res = await draft(commune.specialist, d.id, '2023-11-03T16:00:00+07:00');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'draft', newAppointmentAt: '2023-11-03T09:00:00.000Z' });
    letterId = res.json().id;
    // The draft changes nothing yet; a specialist cannot approve it.
    expect((await view(d.id)).dueAt).toBe('2023-11-01T02:32:00.000Z');
    expect((await approve(commune.specialist, d.id)).statusCode).toBe(403);
  });

  it('approved by a leader: extends the appointment, journals it, tells the applicant, prints form 04', async () => {
    const res = await approve(commune.leader, d.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: letterId, state: 'approved' });
    const after = await view(d.id);
    expect(after).toMatchObject({ dueAt: '2023-11-03T09:00:00.000Z', version: d.version + 1 });
    const row = (await repo.findDossierById(t.ctx.db, d.id))!;
    const events = await repo.findEvents(t.ctx.db, d.id);
    expect(events.at(-1)).toMatchObject({ action: 'extend_due', note: 'Chờ ý kiến liên ngành' });
    const journal = events.map((e) => ({ action: e.action, effect: e.effect }) as JournalEvent);
    expect(replayJournal(journal)).toEqual(stateOf(row));
    const { rows } = await sql<{ apology_id: string; extended_due_at: Date }>`
      SELECT apology_id, extended_due_at FROM dossiers WHERE id = ${d.id}`.execute(t.ctx.db);
    expect(rows[0]).toMatchObject({ apology_id: letterId, extended_due_at: new Date('2023-11-03T09:00:00Z') });

    const told = await t.ctx.db
      .selectFrom('notifications')
      .select(['channel', 'account_id', 'params'])
      .where('template', '=', 'dossier.apology')
      .execute();
    expect(told.map((n) => n.channel).sort()).toEqual(['inapp', 'sms']);
    expect(told[0]!.params).toMatchObject({
      reason: 'Chờ ý kiến liên ngành',
      newAppointmentAt: '2023-11-03T16:00:00+07:00',
    });

    const pdf = await t.app.inject({ url: `/api/dossiers/${d.id}/forms/04.pdf`, headers: await h(citizenAccount) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('16 giờ 00 phút, ngày 03/11/2023');
    expect(text).toContain('Chờ ý kiến liên ngành');
  });

  it('shows the reason and the new date on public tracking', async () => {
    const res = await t.app.inject({ url: `/api/track/${d.code}?check=${APPLICANT.phone.slice(-4)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      appointmentAt: '2023-11-03T09:00:00.000Z',
      apology: { newAppointmentAt: '2023-11-03T09:00:00.000Z', reason: 'Chờ ý kiến liên ngành' },
    });
  });

  it('refuses a second new date with 409 naming the first letter', async () => {
    const again = await draft(commune.specialist, d.id, '2023-11-08T16:00:00+07:00');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(letterId);
    expect(again.json().error.details[0]).toMatchObject({ field: 'apology', apologyId: letterId });
    expect((await approve(commune.leader, d.id)).statusCode).toBe(409);
  });

  it('lets the dossier close after the original date, and stores the verdict against the new one', async () => {
    t.clock.set(at('2023-11-02T10:00:00')); // past the first date, before the new one
    const res = await markProcessed(await h(commune.receptionist), await view(d.id));
    expect(res.statusCode).toBe(200);
    const { rows } = await sql<{ timeliness: string }>`SELECT timeliness FROM dossiers WHERE id = ${d.id}`.execute(
      t.ctx.db,
    );
    expect(rows[0]!.timeliness).toBe('early');
  });
});

describe('closing a late dossier', () => {
  it('is refused without an approved apology, with a clear message, and allowed once there is one', async () => {
    const d = await approvedDossier();
    t.clock.set(at('2023-11-01T10:00:00')); // Wednesday after 09:32: on the due date, so on time (by date)
    expect((await markProcessed(await h(commune.receptionist), await view(d.id))).statusCode).toBe(200);

    const late = await approvedDossier();
    t.clock.set(at('2023-11-02T08:00:00')); // Thursday: a day late
    const refused = await markProcessed(await h(commune.receptionist), await view(late.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('chưa có phiếu xin lỗi');
    expect(refused.json().error.details[0]).toMatchObject({ field: 'apology', dueAt: late.dueAt });
    expect((await draft(commune.leader, late.id, '2023-11-06T09:00:00+07:00', 'Thiếu ý kiến của Sở')).statusCode).toBe(
      201,
    );
    expect((await approve(commune.leader, late.id)).statusCode).toBe(200);
    expect((await markProcessed(await h(commune.receptionist), await view(late.id))).statusCode).toBe(200);
    const { rows } = await sql<{ id: string; timeliness: string }>`
      SELECT id, timeliness FROM dossiers WHERE id IN (${d.id}, ${late.id})`.execute(t.ctx.db);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.timeliness]))).toEqual({
      [d.id]: 'onTime',
      [late.id]: 'late', // the letter came after the deadline: it moved the appointment, not the verdict
    });
  });

  it('judges lateness by date, and a return by the processing date (pure check)', () => {
    const due = new Date('2023-11-01T02:32:00Z');
    const base = { dueAt: due, processedAt: null, hasApprovedApology: false };
    const sameDayEvening = new Date('2023-11-01T09:59:00Z');
    const nextMorning = new Date('2023-11-02T01:00:00Z');
    expect(lateClosingRefusal({ ...base, action: 'mark_processed', now: sameDayEvening })).toBeNull();
    expect(lateClosingRefusal({ ...base, action: 'mark_processed', now: nextMorning })?.code).toBe('CONFLICT');
    expect(
      lateClosingRefusal({ ...base, action: 'mark_processed', now: nextMorning, hasApprovedApology: true }),
    ).toBeNull();
    expect(
      lateClosingRefusal({ ...base, action: 'return_result', processedAt: sameDayEvening, now: nextMorning }),
    ).toBeNull();
    expect(lateClosingRefusal({ ...base, action: 'assign', now: nextMorning })).toBeNull();
  });
});
