import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const draft = {
  step: 2,
  agencyId: '000.31.41.H26',
  eform: { childName: 'Nguyễn Văn Bé' },
  resultDelivery: null,
  deliveryAddress: null,
};

describe('application drafts', () => {
  it('saves, reads back, replaces and discards a citizen’s draft', async () => {
    const headers = await loginAs(t.ctx, await createCitizen(t.ctx));
    const put = await t.app.inject({ method: 'PUT', url: '/api/me/drafts/1.001193', headers, payload: draft });
    expect(put.statusCode).toBe(200);
    const got = await t.app.inject({ url: '/api/me/drafts/1.001193', headers });
    expect(got.json().data).toEqual(draft);
    await t.app.inject({ method: 'PUT', url: '/api/me/drafts/1.001193', headers, payload: { ...draft, step: 3 } });
    expect((await t.app.inject({ url: '/api/me/drafts/1.001193', headers })).json().data.step).toBe(3);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/drafts/1.001193', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me/drafts/1.001193', headers })).statusCode).toBe(404);
  });

  it('keeps each account’s drafts to itself', async () => {
    const a = await loginAs(t.ctx, await createCitizen(t.ctx));
    const b = await loginAs(t.ctx, await createCitizen(t.ctx));
    await t.app.inject({ method: 'PUT', url: '/api/me/drafts/1.001193', headers: a, payload: draft });
    expect((await t.app.inject({ url: '/api/me/drafts/1.001193', headers: b })).statusCode).toBe(404);
  });

  it('refuses anonymous callers, officers, a bad code and a malformed draft, writing nothing', async () => {
    expect((await t.app.inject({ url: '/api/me/drafts/1.001193' })).statusCode).toBe(401);
    const officer = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'leader', unitCode: '002' }));
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/me/drafts/1.001193', headers: officer, payload: draft }))
        .statusCode,
    ).toBe(403);
    const headers = await loginAs(t.ctx, await createCitizen(t.ctx));
    const badCode = await t.app.inject({ method: 'PUT', url: '/api/me/drafts/khai-sinh', headers, payload: draft });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].field).toBe('params.code');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/me/drafts/1.001193',
      headers,
      payload: { ...draft, step: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.step');
    expect((await t.app.inject({ url: '/api/me/drafts/1.001193', headers })).statusCode).toBe(404);
  });
});
