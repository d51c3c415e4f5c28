import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer } from '../../../test/helpers/auth.ts';
import { agencyIdByKey } from '../../../test/helpers/catalogue.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  multipart,
  PDF,
  submission,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';
import { stateOf } from './mapping.ts';
import * as repo from './repository.ts';
import { replayJournal, type JournalEvent } from './workflow.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let citizenAccount: { id: string };
const login = (a: { id: string }) => loginAs(t.ctx, a);

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx);
  citizenAccount = await createCitizen(t.ctx);
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function step(
  headers: Record<string, string>,
  d: DossierView,
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await act(t.app, headers, d, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json<DossierView>();
}

async function markProcessed(headers: Record<string, string>, d: DossierView) {
  const body = multipart({ version: d.version, note: 'Đã ký' }, [
    { field: 'result', fileName: 'ket-qua.pdf', content: PDF },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/mark_processed`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode).toBe(200);
  return res.json<DossierView>();
}

async function expectJournalReplays(id: string) {
  const row = (await repo.findDossierById(t.ctx.db, id))!;
  const events = await repo.findEvents(t.ctx.db, id);
  const journal: JournalEvent[] = events.map((e) => ({ action: e.action, effect: e.effect }) as JournalEvent);
  expect(replayJournal(journal)).toEqual(stateOf(row));
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(row.version).toBe(events.length);
}

describe('birth registration at a commune', () => {
  it('goes accept → process → approve → processed → returned, and the journal replays to the state', async () => {
    t.clock.set(new Date('2023-10-27T02:32:00Z'));
    const proc = await createProcedure(t.ctx, {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      timeLimit: { value: 3, unit: 'workingDays' },
    });
    const [citizen, clerk, specialist, leader] = await Promise.all([
      login(citizenAccount),
      login(commune.receptionist),
      login(commune.specialist),
      login(commune.leader),
    ]);
    let d = await submitOnline(t.app, citizen, proc.code, commune.agencyId);
    d = await step(clerk, d, 'accept');
    d = await step(clerk, d, 'assign');
    d = await step(clerk, d, 'complete_step');
    expect(d).toMatchObject({ stepIndex: 1, stepAssigneeId: null });
    // A specialist cannot approve, nor complete a step not taken.
    expect((await act(t.app, specialist, d, 'complete_step')).statusCode).toBe(409);
    d = await step(specialist, d, 'assign');
    d = await step(specialist, d, 'complete_step');
    expect((await act(t.app, specialist, d, 'approve')).statusCode).toBe(403);
    expect((await act(t.app, clerk, d, 'mark_processed')).statusCode).toBe(409);
    d = await step(leader, d, 'approve');
    expect(d).toMatchObject({ stepIndex: null, handlingAgencyId: commune.agencyId });
    d = await markProcessed(clerk, d);
    expect(d).toMatchObject({ status: 9, statusKey: 'releasing' });
    d = await step(clerk, d, 'return_result', { method: 'counter' });
    expect(d).toMatchObject({ status: 10, statusKey: 'done' });
    const full = await t.app.inject({ url: `/api/dossiers/${d.code}`, headers: citizen });
    expect(full.json().files.map((f: { kind: string }) => f.kind)).toEqual(['component', 'result']);
    expect(full.json().allowedActions).toEqual([]);
    await expectJournalReplays(d.id);
  });

  it('lets only one of two officers take the same step', async () => {
    const proc = await createProcedure(t.ctx);
    const other = await createOfficer(t.ctx, { role: 'specialist', agencyId: commune.agencyId });
    const [clerk, a, b] = await Promise.all([login(commune.receptionist), login(commune.specialist), login(other)]);
    let d = await submitOnline(t.app, await login(citizenAccount), proc.code, commune.agencyId);
    d = await step(clerk, d, 'accept');
    d = await step(clerk, d, 'assign');
    d = await step(clerk, d, 'complete_step');
    const [x, y] = await Promise.all([act(t.app, a, d, 'assign'), act(t.app, b, d, 'assign')]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const fresh = (x.statusCode === 200 ? x : y).json();
    const loser = x.statusCode === 200 ? b : a;
    const again = await act(t.app, loser, fresh, 'assign');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });
});

describe('construction permit received at a district, with a step at a city department', () => {
  it('transfers district → city department → district and hands a late counter dossier over next morning', async () => {
    const districtId = await agencyIdByKey(t.ctx, 'hn.d001');
    const divisionId = await agencyIdByKey(t.ctx, 'hn.d001.quan-ly-do-thi');
    const departmentId = await agencyIdByKey(t.ctx, 'hn.so-xay-dung');
    const proc = await createProcedure(t.ctx, {
      name: 'Cấp giấy phép xây dựng',
      tiers: ['district'],
      timeLimit: { value: 15, unit: 'workingDays' },
      workflow: [
        {
          name: { vi: 'Tiếp nhận', en: 'Receive' },
          agencyId: null,
          tier: 'receiving',
          division: null,
          role: 'receptionist',
          budgetDays: 1,
        },
        {
          name: { vi: 'Thẩm định', en: 'Appraise' },
          agencyId: null,
          tier: 'district',
          division: 'quan-ly-do-thi',
          role: 'specialist',
          budgetDays: 5,
        },
        {
          name: { vi: 'Ý kiến Sở', en: 'Department opinion' },
          agencyId: departmentId,
          tier: null,
          division: null,
          role: 'specialist',
          budgetDays: 5,
        },
        {
          name: { vi: 'Phê duyệt', en: 'Approve' },
          agencyId: null,
          tier: 'receiving',
          division: null,
          role: 'leader',
          budgetDays: 2,
        },
      ],
    });
    const officers = {
      clerk: await createOfficer(t.ctx, { role: 'receptionist', unitCode: '001' }),
      division: await createOfficer(t.ctx, { role: 'specialist', agencyId: divisionId }),
      dept: await createOfficer(t.ctx, { role: 'specialist', agencyId: departmentId }),
      leader: await createOfficer(t.ctx, { role: 'leader', unitCode: '001' }),
    };
    // Mon 30/10/2023 15:30 at the counter: accepted now, handed over Tue 07:00 (Decree 61/2018 Art. 18).
    t.clock.set(new Date('2023-10-30T08:30:00Z'));
    let clerk = await login(officers.clerk);
    let deptOfficer = await login(officers.dept);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: clerk,
      payload: submission(proc.code, districtId),
    });
    let d = res.json<DossierView>();
    d = await step(clerk, d, 'accept');
    expect(d.code).toMatch(new RegExp(`^${districtId.replaceAll('.', '\\.')}-231030-\\d{4}$`));
    const dueAtAcceptance = d.dueAt;
    d = await step(clerk, d, 'assign');
    d = await step(clerk, d, 'complete_step');
    expect(d.handlingAgencyId).toBe(divisionId);
    const detail = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: clerk })).json();
    expect(detail.stepAvailableAt).toBe('2023-10-31T00:00:00.000Z');
    // Every step with the agency it resolves to for this dossier, tier-relative ones included.
    expect(detail.stepRole).toBe('specialist');
    expect(
      detail.workflow.map((s: { index: number; role: string; agency: { id: string } | null }) => [
        s.index,
        s.role,
        s.agency?.id,
      ]),
    ).toEqual([
      [0, 'receptionist', districtId],
      [1, 'specialist', divisionId],
      [2, 'specialist', departmentId],
      [3, 'leader', districtId],
    ]);
    expect(detail.workflow[1].agency.name).toMatch(/Quản lý đô thị/i);
    expect(detail.workflow[2].name).toEqual({ vi: 'Ý kiến Sở', en: 'Department opinion' });
    expect(d.dueAt).toBe(dueAtAcceptance);
    // The department sees nothing yet.
    expect((await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: deptOfficer })).statusCode).toBe(404);

    t.clock.set(new Date('2023-10-31T02:00:00Z'));
    const divisionOfficer = await login(officers.division);
    const leader = await login(officers.leader);
    clerk = await login(officers.clerk);
    deptOfficer = await login(officers.dept);
    d = await step(divisionOfficer, d, 'assign');
    d = await step(divisionOfficer, d, 'transfer', { agencyId: departmentId, note: 'Xin ý kiến Sở Xây dựng' });
    expect(d).toMatchObject({ handlingAgencyId: departmentId, stepIndex: 2 });
    expect((await act(t.app, divisionOfficer, d, 'assign')).statusCode).toBe(404);
    d = await step(deptOfficer, d, 'assign');
    d = await step(deptOfficer, d, 'complete_step');
    expect(d).toMatchObject({ handlingAgencyId: districtId, stepIndex: 3 });
    expect(d.stepRole).toBe('leader');
    d = await step(leader, d, 'approve');
    d = await markProcessed(clerk, d);
    d = await step(clerk, d, 'return_result', { method: 'post' });
    expect(d.status).toBe(10);
    await expectJournalReplays(d.id);
  });

  it('shows a step whose tier the agency tree cannot resolve with no agency, instead of failing the view', async () => {
    const proc = await createProcedure(t.ctx, {
      name: 'Thủ tục có bước tại phòng không tồn tại (thử nghiệm)',
      workflow: [
        {
          name: { vi: 'Thụ lý', en: 'Handle' },
          agencyId: null,
          tier: 'receiving',
          division: null,
          role: 'specialist',
          budgetDays: 1,
        },
        {
          name: { vi: 'Thẩm định tại phòng', en: 'Division appraisal' },
          agencyId: null,
          tier: 'district',
          division: 'khong-co-phong-nay',
          role: 'specialist',
          budgetDays: 1,
        },
      ],
    });
    const clerk = await login(commune.receptionist);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: clerk,
      payload: submission(proc.code, commune.agencyId),
    });
    const d = res.json<DossierView>();
    const detail = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: clerk })).json();
    expect(detail.stepRole).toBeNull();
    expect(detail.workflow.map((s: { agency: { id: string } | null }) => s.agency?.id ?? null)).toEqual([
      commune.agencyId,
      null,
    ]);
  });
});

describe('supplement during processing', () => {
  // Accepted Fri 27/10/2023 09:32 with 5 working days → due Fri 03/11 09:32 (DOMAIN §4 golden case).
  // Supplement asked Mon 30/10 09:32 and received Wed 01/11 09:32.
  async function runSupplement(mode: 'RESTART' | 'PAUSE') {
    const proc = await createProcedure(t.ctx, { supplementMode: mode, timeLimit: { value: 5, unit: 'workingDays' } });
    t.clock.set(new Date('2023-10-27T02:32:00Z'));
    const [citizen, clerk] = await Promise.all([login(citizenAccount), login(commune.receptionist)]);
    let d = await submitOnline(t.app, citizen, proc.code, commune.agencyId);
    d = await step(clerk, d, 'accept');
    expect(d.dueAt).toBe('2023-11-03T02:32:00.000Z');
    t.clock.set(new Date('2023-10-30T02:32:00Z'));
    const clerk2 = await login(commune.receptionist);
    d = await step(clerk2, d, 'request_supplement', {
      reason: 'Thiếu bản sao',
      items: [{ name: 'Bản sao CCCD', count: 1 }],
    });
    expect(d.status).toBe(5);
    t.clock.set(new Date('2023-11-01T02:32:00Z'));
    d = await step(await login(citizenAccount), d, 'submit_supplement', { note: 'Đã bổ sung' });
    expect(d.status).toBe(4);
    await expectJournalReplays(d.id);
    return d;
  }

  it('RESTART: the full time limit runs again from the complete supplement (Decree 61/2018 Art. 19(4))', async () => {
    expect((await runSupplement('RESTART')).dueAt).toBe('2023-11-08T02:32:00.000Z');
  });

  it('PAUSE: the due date moves by the two working days spent waiting', async () => {
    expect((await runSupplement('PAUSE')).dueAt).toBe('2023-11-07T02:32:00.000Z');
  });
});

describe('other endings', () => {
  it('lets the applicant withdraw, and only a leader stop with a reason', async () => {
    t.clock.set(new Date('2023-11-06T02:00:00Z'));
    const proc = await createProcedure(t.ctx);
    const [citizen, clerk, specialist, leader] = await Promise.all([
      login(citizenAccount),
      login(commune.receptionist),
      login(commune.specialist),
      login(commune.leader),
    ]);
    let w = await submitOnline(t.app, citizen, proc.code, commune.agencyId);
    w = await step(clerk, w, 'accept');
    w = await step(citizen, w, 'withdraw', { note: 'Không còn nhu cầu' });
    expect(w).toMatchObject({ status: 7, statusKey: 'cancelled' });
    expect((await act(t.app, clerk, w, 'accept')).json().error.code).toBe('INVALID_TRANSITION');

    let s = await submitOnline(t.app, citizen, proc.code, commune.agencyId);
    s = await step(clerk, s, 'accept');
    expect((await act(t.app, specialist, s, 'stop', { reason: 'Theo đề nghị' })).statusCode).toBe(403);
    expect((await act(t.app, leader, s, 'stop')).statusCode).toBe(400);
    s = await step(leader, s, 'stop', { reason: 'Người nộp đề nghị dừng' });
    expect(s).toMatchObject({ status: 8, statusKey: 'unresolved' });
    await expectJournalReplays(s.id);
  });

  it('moves an awaiting-payment dossier back to processing (4 → 6 → 4)', async () => {
    const proc = await createProcedure(t.ctx);
    const [citizen, clerk] = await Promise.all([login(citizenAccount), login(commune.receptionist)]);
    let d = await submitOnline(t.app, citizen, proc.code, commune.agencyId);
    d = await step(clerk, d, 'accept');
    d = await step(clerk, d, 'assign');
    d = await step(clerk, d, 'request_payment', { note: 'Lệ phí' });
    expect(d.status).toBe(6);
    d = await step(clerk, d, 'payment_received');
    expect(d.status).toBe(4);
  });
});

describe('public tracking', () => {
  it('shows status and history by code and the last 4 digits, and answers 404 to a wrong check', async () => {
    const proc = await createProcedure(t.ctx);
    const clerk = await login(commune.receptionist);
    let d = await submitOnline(t.app, await login(citizenAccount), proc.code, commune.agencyId);
    d = await step(clerk, d, 'accept');
    for (const check of ['2345', '5678']) {
      const res = await t.app.inject({ url: `/api/track/${d.code}?check=${check}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code: d.code, status: 2, appointmentAt: d.dueAt });
      expect(res.json().history).toMatchObject([
        { action: 'submit', status: 1, at: '2023-11-06T02:00:00.000Z' },
        { action: 'accept', status: 2, statusLabel: { vi: 'Đã tiếp nhận', en: 'Accepted' } },
      ]);
      expect(res.body).not.toContain('Nguyễn');
      expect(res.body).not.toContain('0912345678');
    }
    const wrong = await t.app.inject({ url: `/api/track/${d.code}?check=0000` });
    const unknown = await t.app.inject({ url: `/api/track/${d.code}X?check=2345` });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
  });
});
