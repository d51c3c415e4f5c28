import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, lastCodeSentTo, loginAs } from '../../../test/helpers/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const json = { 'content-type': 'application/json' };
const cookiesOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
const count = async (table: 'accounts' | 'audit_log' | 'sessions') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('registration and login', () => {
  it('registers a citizen, sets an httpOnly session cookie, and /api/me answers who it is', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: {
        phone: '0912 345 678',
        password: 'Hoankiem2024x',
        fullName: 'Nguyễn Văn An',
        nationalId: '001090012345',
      },
    });
    expect(res.statusCode).toBe(201);
    const setCookie = res.headers['set-cookie'];
    expect(String(setCookie)).toMatch(/mc_session=[^;]+;.*HttpOnly/i);
    expect(String(setCookie)).toMatch(/SameSite=Lax/i);
    const c = cookiesOf(res);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `mc_session=${c['mc_session']}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({
      kind: 'citizen',
      phone: '0912345678',
      fullName: 'Nguyễn Văn An',
      roles: [],
    });
    // The verification code went to the outbox, not into the answer.
    expect(JSON.stringify(res.json())).not.toMatch(/"code"/);
    expect(await lastCodeSentTo(t.ctx, '0912345678', 'identity.verify_phone')).toMatch(/^\d{6}$/);
  });

  it('confirms an e-mail address with the code from the outbox', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: { email: 'Xac.Nhan@Example.vn', password: 'Hoankiem2024x', fullName: 'Đặng Văn Xác' },
    });
    const c = cookiesOf(res);
    const headers = { ...json, cookie: `mc_session=${c['mc_session']}`, 'x-csrf-token': c['mc_csrf'] ?? '' };
    const code = await lastCodeSentTo(t.ctx, 'xac.nhan@example.vn', 'identity.verify_email');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      headers,
      payload: { channel: 'email', code },
    });
    expect(verified.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/me', headers });
    expect(me.json().account).toMatchObject({
      email: 'xac.nhan@example.vn',
      emailVerified: true,
      phoneVerified: false,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      headers,
      payload: { channel: 'email', code },
    });
    expect(again.statusCode).toBe(400);
  });

  it('refuses a weak password with 400 naming the rule, and writes nothing', async () => {
    const before = [await count('accounts'), await count('audit_log')];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: { email: 'weak@example.vn', password: 'short1', fullName: 'Trần Thị B' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.password', rule: 'min_length' });
    const noDigits = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: { email: 'weak@example.vn', password: 'onlyletterspassword', fullName: 'Trần Thị B' },
    });
    expect(noDigits.json().error.details[0]).toMatchObject({ rule: 'letters_and_digits' });
    expect([await count('accounts'), await count('audit_log')]).toEqual(before);
  });

  it('refuses a taken phone number with 409 and writes nothing', async () => {
    const before = await count('accounts');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: { phone: '+84912345678', password: 'Another2024pass', fullName: 'Lê Văn C' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('body.phone');
    expect(await count('accounts')).toBe(before);
  });

  it('refuses a malformed CCCD number', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: json,
      payload: { email: 'cccd@example.vn', password: 'Hoankiem2024x', fullName: 'Phạm D', nationalId: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.nationalId');
  });

  it('answers an unknown account and a wrong password identically', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: { login: '0912345678', password: 'Wrongpass2024' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: { login: '0987000111', password: 'Wrongpass2024' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('logs in with the phone in another form, rotates the session, and logs out', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: { login: '+84 912 345 678', password: 'Hoankiem2024x' },
    });
    expect(first.statusCode).toBe(200);
    const old = cookiesOf(first);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { ...json, cookie: `mc_session=${old['mc_session']}` },
      payload: { login: '0912345678', password: 'Hoankiem2024x' },
    });
    const fresh = cookiesOf(second);
    expect(fresh['mc_session']).not.toBe(old['mc_session']);
    const oldMe = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `mc_session=${old['mc_session']}` },
    });
    expect(oldMe.statusCode).toBe(401);
    const headers = { cookie: `mc_session=${fresh['mc_session']}`, 'x-csrf-token': fresh['mc_csrf'] ?? '' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('refuses a request without a session with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('expires an idle session (401) and an absolute one even when active', async () => {
    const citizen = await createCitizen(t.ctx);
    const headers = await loginAs(t.ctx, citizen);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);

    const active = await loginAs(t.ctx, citizen);
    for (let i = 0; i < 26; i += 1) {
      t.clock.advance(29 * 60_000);
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: active });
      expect(res.statusCode).toBe(i < 24 ? 200 : 401); // 12 h absolute = 24 × 29 min + a bit
    }
  });

  it('refuses a cookie-authenticated write without the CSRF header (403), accepts it with', async () => {
    const citizen = await createCitizen(t.ctx);
    const { cookie, 'x-csrf-token': csrf } = await loginAs(t.ctx, citizen);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...json, cookie },
      payload: { fullName: 'Hoàng E' },
    });
    expect(without.statusCode).toBe(403);
    const withIt = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...json, cookie, 'x-csrf-token': csrf ?? '' },
      payload: { fullName: 'Hoàng E' },
    });
    expect(withIt.statusCode).toBe(200);
    expect(withIt.json().account.fullName).toBe('Hoàng E');
  });

  it('refuses a disabled account with 403, at login and on an open session', async () => {
    const citizen = await createCitizen(t.ctx, { password: 'Disabled2024x' });
    const headers = await loginAs(t.ctx, citizen);
    await t.ctx.db.updateTable('accounts').set({ is_disabled: true }).where('id', '=', citizen.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(403);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: json,
      payload: { login: citizen.phone, password: 'Disabled2024x' },
    });
    expect(login.statusCode).toBe(403);
  });
});

describe('password change', () => {
  it('needs the current password, checks the new one, and ends the other sessions', async () => {
    const citizen = await createCitizen(t.ctx, { password: 'Current2024pw' });
    const here = { ...json, ...(await loginAs(t.ctx, citizen)) };
    const elsewhere = await loginAs(t.ctx, citizen);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: here,
      payload: { currentPassword: 'Nope2024pw', newPassword: 'Brandnew2024pw' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('body.currentPassword');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: here,
      payload: { currentPassword: 'Current2024pw', newPassword: 'short' },
    });
    expect(weak.json().error.details[0]).toMatchObject({ field: 'body.newPassword', rule: 'min_length' });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: here,
      payload: { currentPassword: 'Current2024pw', newPassword: 'Brandnew2024pw' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: here })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: elsewhere })).statusCode).toBe(401);
  });
});

describe('officers', () => {
  it('shows an officer’s roles with their units', async () => {
    const officer = await createOfficer(t.ctx, { role: 'receptionist', unitCode: '002' });
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: await loginAs(t.ctx, officer) });
    expect(res.json().account.roles).toEqual([
      { id: expect.any(String), role: 'receptionist', unit: expect.objectContaining({ code: '002' }), agency: null },
    ]);
  });

  it('lets a district unit admin create an officer for one of its communes, not for another district', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = { ...json, ...(await loginAs(t.ctx, admin)) };
    const body = (unitCode: string, phone: string) => ({
      fullName: 'Cán bộ Một Cửa',
      phone,
      password: 'Motcua2024pass',
      roles: [{ role: 'receptionist', unitCode }],
    });
    const inside = await t.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers,
      payload: body('00037', '0911000001'),
    });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().roles[0].unit.code).toBe('00037');
    const before = await count('accounts');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers,
      payload: body('001', '0911000002'),
    });
    expect(outside.statusCode).toBe(403);
    const cityRole = await t.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers,
      payload: { ...body('002', '0911000003'), roles: [{ role: 'city_admin', unitCode: '002' }] },
    });
    expect(cityRole.statusCode).toBe(403);
    expect(await count('accounts')).toBe(before);
    const list = await t.app.inject({ method: 'GET', url: '/api/officers', headers });
    const units = list
      .json()
      .items.flatMap((o: { roles: Array<{ unit: { code: string } | null }> }) => o.roles.map((r) => r.unit?.code));
    expect(units).toContain('00037');
    expect(units).not.toContain('001');
  });

  it('refuses officer creation to a citizen (403)', async () => {
    const citizen = await createCitizen(t.ctx);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers: { ...json, ...(await loginAs(t.ctx, citizen)) },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('officer administration', () => {
  it('disables an officer of a ward (sessions end at once), adds and removes a role, within the subtree only', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = { ...json, ...(await loginAs(t.ctx, admin)) };
    const clerk = await createOfficer(t.ctx, { role: 'receptionist', unitCode: '00037' });
    const clerkSession = await loginAs(t.ctx, clerk);

    const added = await t.app.inject({
      method: 'POST',
      url: `/api/officers/${clerk.id}/roles`,
      headers,
      payload: { role: 'specialist', unitCode: '00040' },
    });
    expect(added.statusCode).toBe(201);
    const roles = added.json().roles as Array<{ role: string; unit: { code: string } }>;
    expect(roles.map((r) => `${r.role}@${r.unit.code}`).sort()).toEqual(['receptionist@00037', 'specialist@00040']);
    const outside = await t.app.inject({
      method: 'POST',
      url: `/api/officers/${clerk.id}/roles`,
      headers,
      payload: { role: 'specialist', unitCode: '001' },
    });
    expect(outside.statusCode).toBe(403);

    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/officers/${clerk.id}`,
      headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().isDisabled).toBe(true);
    expect((await t.app.inject({ url: '/api/me', headers: clerkSession })).statusCode).toBe(401);

    const otherDistrict = await createOfficer(t.ctx, { role: 'receptionist', unitCode: '001' });
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/officers/${otherDistrict.id}`,
      headers,
      payload: { disabled: true },
    });
    expect(foreign.statusCode).toBe(404);
    const straddling = await createOfficer(t.ctx, {
      roles: [
        { role: 'specialist', unitCode: '00037' },
        { role: 'specialist', unitCode: '001' },
      ],
    });
    const partly = await t.app.inject({
      method: 'PATCH',
      url: `/api/officers/${straddling.id}`,
      headers,
      payload: { disabled: true },
    });
    expect(partly.statusCode).toBe(403);
    const untouched = await t.ctx.db
      .selectFrom('accounts')
      .select('is_disabled')
      .where('id', 'in', [otherDistrict.id, straddling.id])
      .execute();
    expect(untouched.every((a) => !a.is_disabled)).toBe(true);
  });
});
