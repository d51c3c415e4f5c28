import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, lastCodeSentTo } from '../../../test/helpers/auth.ts';

// Small limits so the test reaches them quickly; the production defaults are in server/config.ts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_LOGIN_MAX: '8', RATE_LIMIT_REGISTER_MAX: '3', LOGIN_LOCKOUT_THRESHOLD: '3' });
});
afterAll(async () => {
  await t.close();
});

const login = (payload: { login: string; password: string }, ip = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });

describe('brute force', () => {
  it('locks a login name after repeated failures, with backoff, even for the right password', async () => {
    const citizen = await createCitizen(t.ctx, { password: 'Correct2024pw' });
    for (let i = 0; i < 3; i += 1)
      expect((await login({ login: citizen.phone, password: `Wrong${i}pass2024` }, '198.51.100.1')).statusCode).toBe(
        401,
      );
    const locked = await login({ login: citizen.phone, password: 'Correct2024pw' }, '198.51.100.2');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(locked.json().error.details[0].retryAfterSeconds).toBe(30);

    t.clock.advance(31_000);
    // One more failure after the lock: the next lock is twice as long (backoff).
    expect((await login({ login: citizen.phone, password: 'Wrong9pass2024' }, '198.51.100.3')).statusCode).toBe(401);
    expect(
      (await login({ login: citizen.phone, password: 'Correct2024pw' }, '198.51.100.4')).json().error.details[0]
        .retryAfterSeconds,
    ).toBe(60);
    t.clock.advance(61_000);
    expect((await login({ login: citizen.phone, password: 'Correct2024pw' }, '198.51.100.5')).statusCode).toBe(200);
    // Success cleared the counter.
    expect((await login({ login: citizen.phone, password: 'Wrong1pass2024' }, '198.51.100.6')).statusCode).toBe(401);
  });

  it('locks an unknown login name the same way, so the lockout reveals nothing', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await login({ login: 'nobody@example.vn', password: 'Wrong2024pass' }, '198.51.100.9')).statusCode).toBe(
        401,
      );
    expect((await login({ login: 'nobody@example.vn', password: 'Wrong2024pass' }, '198.51.100.9')).statusCode).toBe(
      429,
    );
  });

  it('throttles one client trying many login names (per-IP rate limit → 429)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i += 1)
      codes.push((await login({ login: `guess${i}@example.vn`, password: 'Guess2024pass' })).statusCode);
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(codes.slice(8)).toEqual([429, 429]);
    // Another client is not affected.
    expect((await login({ login: 'other@example.vn', password: 'Guess2024pass' }, '192.0.2.50')).statusCode).toBe(401);
  });

  it('throttles registrations per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1)
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/auth/register',
            remoteAddress: '203.0.113.99',
            payload: { email: `reg${i}@example.vn`, password: 'Register2024x', fullName: 'Người Đăng Ký' },
          })
        ).statusCode,
      );
    expect(codes).toEqual([201, 201, 201, 429]);
  });

  it('spends a verification code after five wrong guesses', async () => {
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: '203.0.113.100',
      payload: { email: 'codes@example.vn', password: 'Register2024x', fullName: 'Người Thử Mã' },
    });
    const cookies = Object.fromEntries(reg.cookies.map((c) => [c.name, c.value]));
    const headers = { cookie: `mc_session=${cookies['mc_session']}`, 'x-csrf-token': cookies['mc_csrf'] ?? '' };
    const code = await lastCodeSentTo(t.ctx, 'codes@example.vn', 'identity.verify_email');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/verify',
        headers,
        remoteAddress: `203.0.113.${110 + i}`,
        payload: { channel: 'email', code: wrong },
      });
      expect(res.statusCode).toBe(400);
    }
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      headers,
      remoteAddress: '203.0.113.120',
      payload: { channel: 'email', code },
    });
    expect(late.statusCode).toBe(400);
  });
});

describe('password reset', () => {
  it('answers the same for a known and an unknown login, and resets with the code', async () => {
    const citizen = await createCitizen(t.ctx, { password: 'Oldpassword2024' });
    const ask = (login: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { login },
        remoteAddress: '203.0.113.150',
      });
    const known = await ask(citizen.email);
    const unknown = await ask('ghost@example.vn');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    const code = await lastCodeSentTo(t.ctx, citizen.email, 'identity.reset_password');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      remoteAddress: '203.0.113.151',
      payload: { login: citizen.email, code, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      remoteAddress: '203.0.113.152',
      payload: { login: citizen.email, code, newPassword: 'Newpassword2024' },
    });
    expect(done.statusCode).toBe(200);
    expect((await login({ login: citizen.email, password: 'Newpassword2024' }, '203.0.113.153')).statusCode).toBe(200);
    expect((await login({ login: citizen.email, password: 'Oldpassword2024' }, '203.0.113.154')).statusCode).toBe(401);
  });
});
