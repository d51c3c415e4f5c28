import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIdentityDemo } from './demo-seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('creates one officer per role for Hoàn Kiếm and Phúc Tân, prints the logins once, and they can log in', async () => {
  const first = await seedIdentityDemo(t.ctx);
  expect(first.lines.join('\n')).toContain(DEMO_PASSWORD);
  expect(first.lines).toHaveLength(DEMO_ACCOUNTS.length + 1);
  expect((await seedIdentityDemo(t.ctx)).lines).toEqual([]);

  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'truongphong.hoankiem@demo.motcua.vn', password: DEMO_PASSWORD },
  });
  expect(login.statusCode).toBe(200);
  expect(login.json().account.roles).toEqual([
    { id: expect.any(String), role: 'division_head', unit: expect.objectContaining({ code: '002' }), agency: null },
  ]);
});
