import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer } from '../../../test/helpers/auth.ts';
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

let t: TestApp;
let filesDir: string;
let commune: Commune;
let procedureCode: string;
let head: Record<string, string>;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx); // Phường Phúc Xá (00001), in Quận Ba Đình (001)
  procedureCode = (await createProcedure(t.ctx)).code; // receptionist → specialist → leader, at the commune
  head = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'division_head', agencyId: commune.agencyId }));
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

/** A dossier waiting at the specialist step (step 1) of the commune, nobody on it yet. */
async function atSpecialistStep(): Promise<DossierView> {
  const clerk = await loginAs(t.ctx, commune.receptionist);
  let d = await submitOnline(t.app, await loginAs(t.ctx, await createCitizen(t.ctx)), procedureCode, commune.agencyId);
  for (const action of ['accept', 'assign', 'complete_step']) {
    const res = await act(t.app, clerk, d, action);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    d = res.json();
  }
  expect(d).toMatchObject({ stepIndex: 1, stepAssigneeId: null });
  return d;
}

describe('assign to another officer', () => {
  it('lets a division head hand the step to a specialist of the commune, who can then complete it', async () => {
    const d = await atSpecialistStep();
    const res = await act(t.app, head, d, 'assign', { assigneeId: commune.specialist.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stepIndex: 1, stepAssigneeId: commune.specialist.id });
    const done = await act(t.app, await loginAs(t.ctx, commune.specialist), res.json(), 'complete_step');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ stepIndex: 2 });
  });

  it('accepts a specialist assigned for the whole district the commune lies in', async () => {
    const districtSpecialist = await createOfficer(t.ctx, { role: 'specialist', unitCode: '001' });
    const res = await act(t.app, head, await atSpecialistStep(), 'assign', { assigneeId: districtSpecialist.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().stepAssigneeId).toBe(districtSpecialist.id);
  });

  it('refuses, naming body.assigneeId, an officer of another district, a citizen, an unknown id, the wrong role and a disabled officer', async () => {
    const d = await atSpecialistStep();
    const candidates = {
      'specialist of another district': (await createOfficer(t.ctx, { role: 'specialist', unitCode: '002' })).id,
      'specialist of another commune of the same district': (await createCommune(t.ctx, '00004')).specialist.id,
      citizen: (await createCitizen(t.ctx)).id,
      'unknown id': randomUUID(),
      'leader of the commune (not the step’s role)': commune.leader.id,
      'disabled specialist of the commune': (
        await createOfficer(t.ctx, { role: 'specialist', agencyId: commune.agencyId, disabled: true })
      ).id,
    };
    for (const [who, assigneeId] of Object.entries(candidates)) {
      const vi = await act(t.app, head, d, 'assign', { assigneeId });
      expect(vi.statusCode, who).toBe(400);
      expect(vi.json().error, who).toMatchObject({
        code: 'VALIDATION',
        details: [
          {
            field: 'body.assigneeId',
            message:
              'Người được giao phải là cán bộ đang hoạt động, giữ vai trò chuyên viên xử lý tại cơ quan đang giữ bước này.',
          },
        ],
      });
      const en = await act(t.app, { ...head, 'accept-language': 'en' }, d, 'assign', { assigneeId });
      expect(en.json().error.details[0].message, who).toBe(
        'The assignee must be an active officer holding the specialist role at the agency that holds this step.',
      );
    }
    // Nothing was written: the step is still free at the same version.
    const after = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: head })).json();
    expect(after).toMatchObject({ version: d.version, stepAssigneeId: null });
  });

  it('names the leader role when the approval step is handed to a specialist', async () => {
    let d = await atSpecialistStep();
    const specialist = await loginAs(t.ctx, commune.specialist);
    for (const action of ['assign', 'complete_step']) d = (await act(t.app, specialist, d, action)).json();
    expect(d.stepIndex).toBe(2);
    const leader = await loginAs(t.ctx, commune.leader);
    const res = await act(t.app, leader, d, 'assign', { assigneeId: commune.specialist.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.assigneeId' });
    expect(res.json().error.details[0].message).toContain('lãnh đạo phê duyệt');
    const other = await createOfficer(t.ctx, { role: 'leader', agencyId: commune.agencyId });
    expect((await act(t.app, leader, d, 'assign', { assigneeId: other.id })).statusCode).toBe(200);
  });

  it('still refuses an officer who is not a head handing a step to someone else (403)', async () => {
    const d = await atSpecialistStep();
    const specialist = await loginAs(t.ctx, commune.specialist);
    const other = await createOfficer(t.ctx, { role: 'specialist', agencyId: commune.agencyId });
    expect((await act(t.app, specialist, d, 'assign', { assigneeId: other.id })).statusCode).toBe(403);
  });
});
