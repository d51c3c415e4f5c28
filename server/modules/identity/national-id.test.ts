import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen } from '../../../test/helpers/auth.ts';
import { startEidProvider, type EidProvider } from '../../../test/helpers/eid-provider.ts';

const REDIRECT = 'http://localhost:3000/api/auth/national-id/callback';
let eid: EidProvider;
let t: TestApp;

beforeAll(async () => {
  eid = await startEidProvider(
    {
      'vneid-new': { name: 'Nguyễn Thị Định', national_id: '001190012345', birthdate: '1991-03-04' },
      'vneid-linked': { name: 'Trần Văn Liên', phone_number: '0913555777', phone_number_verified: true },
      'vneid-replay': { name: 'Lê Văn Lặp' },
    },
    REDIRECT,
  );
  t = await createTestApp({
    OIDC_ISSUER: eid.issuer,
    OIDC_CLIENT_ID: eid.clientId,
    OIDC_CLIENT_SECRET: eid.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT,
  });
});
afterAll(async () => {
  await t.close();
  await eid.close();
});

const cookiesOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
  Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

/** start → provider pages → callback URL, with the state cookie the browser would hold. */
async function throughProvider(sub: string, returnTo = '/tai-khoan') {
  const start = await t.app.inject({ url: `/api/auth/national-id/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  const callback = await eid.authorize(authUrl.href, sub);
  return { callback, stateCookie: cookiesOf(start)['mc_oidc'] ?? '' };
}

const finish = (callback: URL, stateCookie: string) =>
  t.app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie: `mc_oidc=${stateCookie}` } });

describe('national e-ID login (OIDC code flow with PKCE against a local provider)', () => {
  it('creates a verified citizen on a first login and opens a session', async () => {
    const { callback, stateCookie } = await throughProvider('vneid-new');
    const res = await finish(callback, stateCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/tai-khoan');
    const session = cookiesOf(res)['mc_session'];
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: `mc_session=${session}` } });
    expect(me.json().account).toMatchObject({
      kind: 'citizen',
      fullName: 'Nguyễn Thị Định',
      nationalId: '001190012345',
      isNationalIdVerified: true,
      dateOfBirth: '1991-03-04',
    });
    // The second login finds the same account.
    const again = await throughProvider('vneid-new');
    const second = await finish(again.callback, again.stateCookie);
    const me2 = await t.app.inject({
      url: '/api/me',
      headers: { cookie: `mc_session=${cookiesOf(second)['mc_session']}` },
    });
    expect(me2.json().account.id).toBe(me.json().account.id);
  });

  it('links an existing phone account on its first e-ID login instead of duplicating it', async () => {
    const existing = await createCitizen(t.ctx, { fullName: 'Trần Văn Liên' });
    await t.ctx.db.updateTable('accounts').set({ phone: '0913555777' }).where('id', '=', existing.id).execute();
    const countAccounts = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('accounts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countAccounts();
    const { callback, stateCookie } = await throughProvider('vneid-linked');
    const res = await finish(callback, stateCookie);
    expect(res.statusCode).toBe(302);
    const me = await t.app.inject({
      url: '/api/me',
      headers: { cookie: `mc_session=${cookiesOf(res)['mc_session']}` },
    });
    expect(me.json().account).toMatchObject({ id: existing.id, isNationalIdVerified: true });
    expect(await countAccounts()).toBe(before);
  });

  it('refuses a replayed callback with 400 and no session', async () => {
    const { callback, stateCookie } = await throughProvider('vneid-replay');
    expect((await finish(callback, stateCookie)).statusCode).toBe(302);
    const replay = await finish(callback, stateCookie);
    expect(replay.statusCode).toBe(400);
    expect(cookiesOf(replay)['mc_session']).toBeUndefined();
  });

  it('refuses a tampered state, or a callback in another browser, with 400 and no session', async () => {
    const { callback, stateCookie } = await throughProvider('vneid-replay');
    const sessions = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await sessions();
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    const bad = await finish(tampered, 'forged-state');
    expect(bad.statusCode).toBe(400);
    const otherBrowser = await t.app.inject({ url: `${callback.pathname}${callback.search}` });
    expect(otherBrowser.statusCode).toBe(400);
    expect(cookiesOf(bad)['mc_session']).toBeUndefined();
    expect(await sessions()).toBe(before);
    // The genuine browser can still finish.
    expect((await finish(callback, stateCookie)).statusCode).toBe(302);
  });

  it('never redirects off-site after login', async () => {
    const { callback, stateCookie } = await throughProvider('vneid-new', '//evil.example/steal');
    const res = await finish(callback, stateCookie);
    expect(res.headers.location).toBe('/');
  });
});

describe('national e-ID login when not configured', () => {
  it('answers 503', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.inject({ url: '/api/auth/national-id/start' });
      expect(res.statusCode).toBe(503);
      expect((await plain.app.inject({ url: '/api/auth/national-id' })).json()).toEqual({ enabled: false });
      expect((await t.app.inject({ url: '/api/auth/national-id' })).json()).toEqual({ enabled: true });
    } finally {
      await plain.close();
    }
  });
});
