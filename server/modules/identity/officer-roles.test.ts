import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs, type TestAccount } from '../../../test/helpers/auth.ts';

/** Taking a role assignment away: DELETE /api/officers/{id}/roles/{roleId}. A fresh database per file. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface RoleView {
  id: string;
  role: string;
  unit: { code: string } | null;
}

async function rolesOf(account: TestAccount): Promise<RoleView[]> {
  const rows = await t.ctx.db
    .selectFrom('role_assignments as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.role', 'u.code'])
    .where('r.account_id', '=', account.id)
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, unit: r.code ? { code: r.code } : null }));
}

const remove = async (headers: Record<string, string> | undefined, officer: TestAccount, roleId: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/officers/${officer.id}/roles/${roleId}`, ...(headers && { headers }) });

describe('removing a role assignment', () => {
  it('lists each assignment with its id, removes one for a district admin, and audits it', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = await loginAs(t.ctx, admin);
    const clerk = await createOfficer(t.ctx, {
      roles: [
        { role: 'receptionist', unitCode: '00037' },
        { role: 'specialist', unitCode: '00040' },
      ],
    });
    const list = await t.app.inject({ url: '/api/officers', headers });
    const listed = list.json().items.find((o: { id: string }) => o.id === clerk.id) as { roles: RoleView[] };
    const specialist = listed.roles.find((r) => r.role === 'specialist')!;
    expect(specialist.id).toMatch(/^[0-9a-f-]{36}$/);

    const res = await remove(headers, clerk, specialist.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.map((r: RoleView) => `${r.role}@${r.unit?.code}`)).toEqual(['receptionist@00037']);
    expect((await rolesOf(clerk)).map((r) => r.role)).toEqual(['receptionist']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before'])
      .where('record_id', '=', clerk.id)
      .where('action', '=', 'officer.role_remove')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, before: { roleId: specialist.id, role: 'specialist' } });

    // The same assignment again: gone.
    expect((await remove(headers, clerk, specialist.id)).statusCode).toBe(404);
  });

  it('refuses an officer of another district (404) and one straddling the subtree (403), changing nothing', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const headers = await loginAs(t.ctx, admin);
    const foreign = await createOfficer(t.ctx, {
      roles: [
        { role: 'specialist', unitCode: '001' },
        { role: 'leader', unitCode: '001' },
      ],
    });
    const straddling = await createOfficer(t.ctx, {
      roles: [
        { role: 'specialist', unitCode: '00037' },
        { role: 'specialist', unitCode: '001' },
      ],
    });
    const [f] = await rolesOf(foreign);
    const inside = (await rolesOf(straddling)).find((r) => r.unit?.code === '00037')!;
    expect((await remove(headers, foreign, f!.id)).statusCode).toBe(404);
    expect((await remove(headers, straddling, inside.id)).statusCode).toBe(403);
    expect(await rolesOf(foreign)).toHaveLength(2);
    expect(await rolesOf(straddling)).toHaveLength(2);
  });

  it('refuses a specialist, a citizen (403) and a visitor who is not signed in (401)', async () => {
    const officer = await createOfficer(t.ctx, {
      roles: [
        { role: 'specialist', unitCode: '00037' },
        { role: 'leader', unitCode: '00037' },
      ],
    });
    const [role] = await rolesOf(officer);
    const specialist = await createOfficer(t.ctx, { role: 'specialist', unitCode: '002' });
    expect((await remove(await loginAs(t.ctx, specialist), officer, role!.id)).statusCode).toBe(403);
    expect((await remove(await loginAs(t.ctx, await createCitizen(t.ctx)), officer, role!.id)).statusCode).toBe(403);
    expect((await remove(undefined, officer, role!.id)).statusCode).toBe(401);
    expect(await rolesOf(officer)).toHaveLength(2);
  });

  it('keeps an officer’s only role (disable the account instead), naming the field in both languages', async () => {
    const admin = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const clerk = await createOfficer(t.ctx, { role: 'receptionist', unitCode: '00037' });
    const [only] = await rolesOf(clerk);
    const res = await remove(await loginAs(t.ctx, admin), clerk, only!.id);
    expect(res.statusCode).toBe(409);
    const detail = res.json().error.details[0];
    expect(detail.field).toBe('params.roleId');
    const en = await t.app.inject({
      method: 'DELETE',
      url: `/api/officers/${clerk.id}/roles/${only!.id}`,
      headers: { ...(await loginAs(t.ctx, admin)), 'accept-language': 'en' },
    });
    expect(en.json().error.message).toContain('only role');
    expect(res.json().error.message).toContain('vai trò duy nhất');
    expect(await rolesOf(clerk)).toHaveLength(1);
  });
});

describe('the last administrator', () => {
  it('lets a ward lose its own administrator role (the district’s administrator still covers it)', async () => {
    const district = await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' });
    const ward = await createOfficer(t.ctx, {
      roles: [
        { role: 'unit_admin', unitCode: '00037' },
        { role: 'specialist', unitCode: '00037' },
      ],
    });
    const adminRole = (await rolesOf(ward)).find((r) => r.role === 'unit_admin')!;
    const res = await remove(await loginAs(t.ctx, district), ward, adminRole.id);
    expect(res.statusCode).toBe(200);
  });

  it('refuses taking away the last enabled city administrator role, and allows it once there is another', async () => {
    // This file's database has no other city administrator.
    const city = await createOfficer(t.ctx, {
      roles: [
        { role: 'city_admin', unitCode: '01' },
        { role: 'leader', unitCode: '01' },
      ],
    });
    const cityRole = (await rolesOf(city)).find((r) => r.role === 'city_admin')!;
    const headers = await loginAs(t.ctx, city);
    const refused = await remove(headers, city, cityRole.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'params.roleId' }] });
    expect(refused.json().error.message).toContain('quyền quản trị cuối cùng');

    // A disabled colleague does not count.
    await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01', disabled: true });
    expect((await remove(headers, city, cityRole.id)).statusCode).toBe(409);

    await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' });
    const allowed = await remove(headers, city, cityRole.id);
    expect(allowed.statusCode).toBe(200);
    expect((await rolesOf(city)).map((r) => r.role)).toEqual(['leader']);
  });

  it('counts an administrator of the agency’s unit as covering an agency-rooted administrator role', async () => {
    const agency = await t.ctx.db
      .selectFrom('agencies')
      .select(['id'])
      .where('key', '=', 'hn.c00037')
      .executeTakeFirstOrThrow();
    // Phúc Tân's People's Committee lies in ward 00037, under district 002.
    const district = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
    const officer = await createOfficer(t.ctx, {
      roles: [
        { role: 'unit_admin', agencyId: agency.id },
        { role: 'specialist', agencyId: agency.id },
      ],
    });
    const adminRole = (await rolesOf(officer)).find((r) => r.role === 'unit_admin')!;
    expect((await remove(district, officer, adminRole.id)).statusCode).toBe(200);
  });
});
