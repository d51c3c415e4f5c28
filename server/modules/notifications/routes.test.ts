import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, loginAs, type TestAccount } from '../../../test/helpers/auth.ts';
import { runDueJobs } from '../../jobs/worker.ts';
import { enqueueNotification } from './service.ts';

let t: TestApp;
let alice: TestAccount;
let bob: TestAccount;

beforeAll(async () => {
  t = await createTestApp();
  alice = await createCitizen(t.ctx);
  bob = await createCitizen(t.ctx);
  await t.ctx.db.transaction().execute((trx) =>
    enqueueNotification(trx, {
      template: 'dossier.result_ready',
      eventKey: 'ready:H26.103.25.7-250908-0112',
      recipient: { accountId: alice.id },
      params: {
        dossierCode: 'H26.103.25.7-250908-0112',
        returnPlace: 'Bộ phận Một cửa phường Cửa Nam',
        trackingUrl: 'http://localhost:3000/tra-cuu/H26.103.25.7-250908-0112',
      },
      channels: ['inapp'],
      now: t.clock.now(),
    }),
  );
  await runDueJobs(t.ctx);
});
afterAll(async () => t.close());

describe('GET /api/me/notifications', () => {
  it('refuses a visitor who is not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/notifications' });
    expect(res.statusCode).toBe(401);
  });

  it('shows the signed-in citizen their own messages, in Vietnamese, unread', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me/notifications',
      headers: await loginAs(t.ctx, alice),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unread).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].subject).toBe('Hồ sơ H26.103.25.7-250908-0112 đã có kết quả');
  });

  it('shows another citizen nothing of it, and refuses to mark it read for them', async () => {
    const headers = await loginAs(t.ctx, bob);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers });
    expect(list.json()).toEqual({ items: [], unread: 0 });
    const aliceHeaders = await loginAs(t.ctx, alice);
    const id = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: aliceHeaders })).json()
      .items[0].id;
    const res = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers });
    expect(res.statusCode).toBe(404);
  });

  it('marks a message read for its owner', async () => {
    const headers = await loginAs(t.ctx, alice);
    const id = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers })).json().items[0].id;
    const res = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers });
    expect(res.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me/notifications?unread=true', headers });
    expect(after.json()).toMatchObject({ items: [], unread: 0 });
  });
});
