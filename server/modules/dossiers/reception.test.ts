import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submission,
  submitOnline,
  type Commune,
} from '../../../test/helpers/dossiers.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let code: string;
let citizen: Record<string, string>;
let clerk: Record<string, string>;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx);
  code = (await createProcedure(t.ctx)).code;
  citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
  clerk = await loginAs(t.ctx, commune.receptionist);
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('reception decisions', () => {
  it('accepts with a code per agency and day and the appointment from the calendar', async () => {
    // Fri 27/10/2023 09:32 (Hanoi) + 3 working days → Wed 01/11/2023 09:32 (DOMAIN §4 golden case shape).
    t.clock.set(new Date('2023-10-27T02:32:00Z'));
    const d = await submitOnline(t.app, citizen, code, commune.agencyId);
    const res = await act(t.app, clerk, d, 'accept');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 2,
      statusKey: 'new',
      code: `${commune.agencyId}-231027-0001`,
      dueAt: '2023-11-01T02:32:00.000Z',
      stepIndex: 0,
      handlingAgencyId: commune.agencyId,
    });
    const sent = await t.ctx.db
      .selectFrom('notifications')
      .select(['template', 'channel'])
      .where('template', '=', 'dossier.accepted')
      .execute();
    expect(sent.map((n) => n.channel).sort()).toEqual(['inapp', 'sms']);
    // First step budget 0.5 day = 4 working hours from 09:32 over the 11:30–13:30 break → 15:32.
    expect(res.json().stepDueAt).toBe('2023-10-27T08:32:00.000Z');
  });

  it('refuses only with a reason, and names the current status for a forbidden transition', async () => {
    const d = await submitOnline(t.app, citizen, code, commune.agencyId);
    expect((await act(t.app, clerk, d, 'refuse')).statusCode).toBe(400);
    const refused = await act(t.app, clerk, d, 'refuse', { reason: 'Không thuộc thẩm quyền' });
    expect(refused.json()).toMatchObject({ status: 3, statusKey: 'denied', code: null });
    const again = await act(t.app, clerk, refused.json(), 'accept');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: [{ currentStatus: 3 }] });
  });

  it('requests an itemised supplement and takes the completed dossier back to the desk', async () => {
    const d = await submitOnline(t.app, citizen, code, commune.agencyId);
    const waiting = await act(t.app, clerk, d, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      items: [{ name: 'Giấy chứng sinh', count: 1 }],
    });
    expect(waiting.json()).toMatchObject({ status: 5 });
    const back = await act(t.app, citizen, waiting.json(), 'submit_supplement', { note: 'Đã bổ sung' });
    expect(back.json()).toMatchObject({ status: 1, dueAt: null });
  });

  it('answers 409 CONFLICT to a stale version', async () => {
    const d = await submitOnline(t.app, citizen, code, commune.agencyId);
    expect((await act(t.app, clerk, d, 'accept')).statusCode).toBe(200);
    const stale = await act(t.app, clerk, d, 'refuse', { reason: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('refuses acceptance by a citizen and by a receptionist of another commune', async () => {
    const d = await submitOnline(t.app, citizen, code, commune.agencyId);
    expect((await act(t.app, citizen, d, 'accept')).statusCode).toBe(403);
    const other = await createCommune(t.ctx, '00004');
    expect((await act(t.app, await loginAs(t.ctx, other.receptionist), d, 'accept')).statusCode).toBe(404);
  });

  it('gives 100 parallel acceptances at one agency 100 distinct, gap-free codes', async () => {
    t.clock.set(new Date('2023-10-30T02:00:00Z'));
    clerk = await loginAs(t.ctx, commune.receptionist);
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: clerk,
        payload: submission(code, commune.agencyId),
      });
      ids.push(res.json());
    }
    const results = await Promise.all(ids.map((d) => act(t.app, clerk, d, 'accept')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(100).fill(200));
    const codes = results.map((r) => r.json().code as string).sort();
    const expected = Array.from(
      { length: 100 },
      (_, i) => `${commune.agencyId}-231030-${String(i + 1).padStart(4, '0')}`,
    );
    expect(codes).toEqual(expected);
  });
});
