import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { installIdentity } from './guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('API tokens', () => {
  it('creates a scoped token shown once, authenticates with it without CSRF, and stops working when revoked', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = await loginAs(t.ctx, admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'Cổng liên thông', permissions: ['identity.officers.read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^mct_/);
    const stored = await t.ctx.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    const list = await t.app.inject({ url: '/api/tokens', headers });
    expect(JSON.stringify(list.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/officers', headers: bearer })).statusCode).toBe(200);
    // A permission the owner holds but the token does not carry.
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/officers', headers: bearer, payload: {} })).statusCode,
    ).toBe(403);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/officers', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers })).statusCode).toBe(404);
  });

  it('refuses a token carrying a permission its owner does not hold, and expires tokens', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = await loginAs(t.ctx, admin);
    const tooMuch = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'x', permissions: ['audit.search'] },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(await t.ctx.db.selectFrom('api_tokens').select('id').where('account_id', '=', admin.id).execute()).toEqual(
      [],
    );

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'y', permissions: ['identity.self'], expiresInDays: 1 },
    });
    const bearer = { authorization: `Bearer ${ok.json().token}` };
    expect((await t.app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    expect((await t.app.inject({ url: '/api/me', headers: bearer })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer mct_not-a-token' } })).statusCode,
    ).toBe(401);
  });

  it('refuses token management to a citizen', async () => {
    const citizen = await createCitizen(t.ctx);
    expect((await t.app.inject({ url: '/api/tokens', headers: await loginAs(t.ctx, citizen) })).statusCode).toBe(403);
  });
});

describe('profile', () => {
  it('records before → after in the audit trail, without the password hash', async () => {
    const citizen = await createCitizen(t.ctx, { fullName: 'Tên Cũ' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: await loginAs(t.ctx, citizen),
      payload: { fullName: 'Tên Mới', addressUnitCode: '00037', dateOfBirth: '1985-12-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({ fullName: 'Tên Mới', dateOfBirth: '1985-12-01' });
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.update')
      .where('record_id', '=', citizen.id)
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ full_name: 'Tên Cũ' });
    expect(row.after).toMatchObject({ full_name: 'Tên Mới' });
    expect(JSON.stringify(row)).not.toContain('password_hash');
  });
});

describe('fail closed', () => {
  it('refuses to start when a route declares no permission, or an unknown one', async () => {
    const configs: Array<{ permission?: string }> = [{}, { permission: 'dossier.typo' }];
    for (const config of configs) {
      const app = Fastify();
      await installIdentity(app, t.ctx);
      void app.register(async (module) => {
        module.get('/api/leaky', { config }, async () => 'secret');
      });
      await expect(app.ready()).rejects.toThrow(/permission/);
      await app.close().catch(() => undefined);
    }
  });
});
