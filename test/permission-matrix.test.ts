import { afterAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../server/modules/identity/guard.ts';
import { PERMISSIONS } from '../server/modules/identity/permissions.ts';
import { isInScope, resolveAccess } from '../server/modules/identity/service.ts';
import { loadActor } from '../server/modules/identity/authenticate.ts';
import { createTestApp } from './helpers/app.ts';
import { createBusiness, createCitizen, createOfficer, loginAs, type TestAccount } from './helpers/auth.ts';
import {
  ALL_ROLES,
  expectedAtPlace,
  expectedGate,
  expectedOwnRecord,
  LAYOUTS,
  PLACES,
  recordFixtures,
  type Role,
} from './helpers/permission-matrix.ts';

/**
 * Every gated route × every role × {own unit, sibling, parent, no login}, against the declared policy.
 * Generic: routes come from the app's own route table (declaredRoutes, filled by the guard's onRoute
 * hook), so a module's new routes are covered as soon as they are registered in server/app.ts.
 */
const t = await createTestApp({ RATE_LIMIT_CODE_MAX: '100000', RATE_LIMIT_LOGIN_MAX: '100000' });
afterAll(async () => t.close());

const gated = declaredRoutes(t.app).filter((r) => r.permission !== 'public');

const unitIds = new Map<string, number>();
async function unitId(code: string): Promise<number> {
  if (!unitIds.has(code)) {
    const row = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', code)
      .orderBy('valid_from')
      .executeTakeFirstOrThrow();
    unitIds.set(code, row.id);
  }
  return unitIds.get(code) ?? 0;
}

const accounts = new Map<string, TestAccount>();
async function accountFor(role: Role, unitCode: string): Promise<TestAccount> {
  const key = `${role}@${unitCode}`;
  let account = accounts.get(key);
  if (!account) {
    account =
      role === 'citizen'
        ? await createCitizen(t.ctx)
        : role === 'business'
          ? await createBusiness(t.ctx)
          : await createOfficer(t.ctx, { role, unitCode });
    accounts.set(key, account);
  }
  return account;
}

/** A concrete URL for a route pattern: the guard runs before parameters are validated. */
const concrete = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');

describe('the route table', () => {
  it('has gated routes, each declaring a permission from the catalogue', () => {
    expect(gated.length).toBeGreaterThan(5);
    for (const r of gated) expect(Object.keys(PERMISSIONS)).toContain(r.permission);
  });
});

describe.each(gated)('$method $url ($permission)', (route) => {
  it('refuses no login with 401', async () => {
    const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
    expect(res.statusCode).toBe(401);
  });

  it.each(ALL_ROLES.map((role) => ({ role })))('gate for $role follows the catalogue', async ({ role }) => {
    const headers = await loginAs(t.ctx, await accountFor(role, '002'));
    const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers });
    if (expectedGate(role, route.permission) === 'deny') expect(res.statusCode, res.body).toBe(403);
    else expect([401, 403], res.body).not.toContain(res.statusCode);
  });
});

const permissionsInUse = [...new Set([...gated.map((r) => r.permission), ...Object.keys(PERMISSIONS)])];

describe.each(LAYOUTS)('scope decisions, $name officer', (layout) => {
  it.each(permissionsInUse.map((permission) => ({ permission })))(
    '$permission at own / child / sibling / parent',
    async ({ permission }) => {
      for (const role of ALL_ROLES) {
        const account = await accountFor(role, layout.units.own);
        const actor = await loadActor(t.ctx, account.id, 'session', null);
        const access = await resolveAccess(t.ctx, actor, permission);
        for (const place of PLACES) {
          if (layout.name === 'commune' && place === 'child') continue; // wards have no units below
          const target = { unitId: await unitId(layout.units[place]) };
          const got = isInScope(access, target) ? 'allow' : 'deny';
          expect(`${role} ${place} ${got}`).toBe(`${role} ${place} ${expectedAtPlace(role, permission, place)}`);
        }
        for (const own of [true, false]) {
          const got = isInScope(access, { ownerId: own ? account.id : '00000000-0000-4000-8000-000000000001' })
            ? 'allow'
            : 'deny';
          expect(`${role} own-record=${own} ${got}`).toBe(
            `${role} own-record=${own} ${expectedOwnRecord(role, permission, own)}`,
          );
        }
      }
    },
  );
});

const fixtured = recordFixtures.filter((f) => gated.some((r) => r.method === f.method && r.url === f.url));

describe.each(fixtured)('record-level $method $url over HTTP', (fixture) => {
  const permission = gated.find((r) => r.method === fixture.method && r.url === fixture.url)?.permission ?? '';
  it.each(ALL_ROLES.map((role) => ({ role })))('$role at own / sibling / parent', async ({ role }) => {
    const layout = LAYOUTS[0];
    if (!layout) throw new Error('no layout');
    const headers = await loginAs(t.ctx, await accountFor(role, layout.units.own));
    for (const place of ['own', 'sibling', 'parent'] as const) {
      const request = await fixture.build(t.ctx, { unitCode: layout.units[place] });
      const res = await t.app.inject({
        method: fixture.method as 'POST',
        url: request.url,
        headers,
        ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
      });
      const expected = expectedGate(role, permission) === 'deny' ? 'deny' : expectedAtPlace(role, permission, place);
      const got =
        res.statusCode < 400 ? 'allow' : [403, 404].includes(res.statusCode) ? 'deny' : `status ${res.statusCode}`;
      expect(`${place}: ${got}`, res.body).toBe(`${place}: ${expected}`);
    }
  });
});
