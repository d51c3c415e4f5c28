import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';

// Sessions and officers' roles are kept per process (sessions.ts, authenticate.ts). These prove that a change
// reaches the next request at once in the process that made it, and shortly after in any other.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const me = (app: TestApp['app'], headers: Record<string, string>) => app.inject({ url: '/api/me', headers });
// reports.read is a leader's permission, not a specialist's: the guard decides from the actor's (kept) roles.
const readsReports = async (app: TestApp['app'], headers: Record<string, string>) =>
  (await app.inject({ url: '/api/reports/07b', headers })).statusCode !== 403;

async function until(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('kept sessions and roles, in the process that changes them', () => {
  it('refuses a session at once after logout', async () => {
    const headers = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect((await me(t.app, headers)).statusCode).toBe(200);
    expect((await me(t.app, headers)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(t.app, headers)).statusCode).toBe(401);
  });

  it('refuses a disabled officer and drops a removed role on the next request', async () => {
    const admin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
    const officer = await createOfficer(t.ctx, { role: 'specialist', unitCode: '002' });
    const headers = await loginAs(t.ctx, officer);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/officers/${officer.id}/roles`,
      headers: admin,
      payload: { role: 'leader', unitCode: '002' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await readsReports(t.app, headers)).toBe(true);
    expect(await readsReports(t.app, headers)).toBe(true);
    const roles = (await me(t.app, headers)).json().account.roles as Array<{ id: string; role: string }>;
    const leader = roles.find((r) => r.role === 'leader')!;
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/officers/${officer.id}/roles/${leader.id}`,
      headers: admin,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await readsReports(t.app, headers)).toBe(false);
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/officers/${officer.id}`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect([401, 403]).toContain((await me(t.app, headers)).statusCode);
  });

  it('shows a renamed account at once', async () => {
    const citizen = await createCitizen(t.ctx);
    const headers = await loginAs(t.ctx, citizen);
    expect((await me(t.app, headers)).statusCode).toBe(200);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers,
      payload: { fullName: 'Tên Đổi Ngay' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await me(t.app, headers)).json().account.fullName).toBe('Tên Đổi Ngay');
  });
});

describe('kept sessions and roles, in another process', () => {
  let other: { app: TestApp['app']; database: DatabaseHandle } | undefined;
  beforeAll(async () => {
    if (t.database.kind !== 'postgres') return; // PGlite: one process per database
    const name = (
      await t.ctx.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('d')).executeTakeFirstOrThrow()
    ).d;
    const url = new URL(process.env['DATABASE_URL']!);
    url.pathname = `/${name}`;
    const database = await openDatabase(url.toString(), '');
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: './no-web-in-api-tests' });
    const app = await buildApp({ config, database, clock: t.ctx.clock });
    await app.ready();
    other = { app, database };
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
  });

  it('refuses there a session logged out here, and a role removed here', async (ctx) => {
    if (!other) return ctx.skip();
    const headers = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect((await me(other.app, headers)).statusCode).toBe(200);
    expect((await me(other.app, headers)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    await until(async () => (await me(other!.app, headers)).statusCode === 401);

    const admin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
    const officer = await createOfficer(t.ctx, { role: 'specialist', unitCode: '002' });
    await t.app.inject({
      method: 'POST',
      url: `/api/officers/${officer.id}/roles`,
      headers: admin,
      payload: { role: 'leader', unitCode: '002' },
    });
    const session = await loginAs(t.ctx, officer);
    expect(await readsReports(other.app, session)).toBe(true);
    expect(await readsReports(other.app, session)).toBe(true);
    const roles = (await me(t.app, session)).json().account.roles as Array<{ id: string; role: string }>;
    await t.app.inject({
      method: 'DELETE',
      url: `/api/officers/${officer.id}/roles/${roles.find((r) => r.role === 'leader')!.id}`,
      headers: admin,
    });
    await until(async () => !(await readsReports(other!.app, session)));
  });
});
