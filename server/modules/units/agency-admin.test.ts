import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { agencyIdByKey } from '../../../test/helpers/catalogue.ts';

// An administrator keeps an agency's names and contact details (issue 10), on PGlite and PostgreSQL.
let t: TestApp;
let baDinhAdmin: Record<string, string>;
let cityAdmin: Record<string, string>;
let receptionist: Record<string, string>;
let baDinhDesk: string;
let phucXa: string;
let hoanKiemDesk: string;

beforeAll(async () => {
  t = await createTestApp();
  baDinhDesk = await agencyIdByKey(t.ctx, 'hn.d001.mot-cua');
  phucXa = await agencyIdByKey(t.ctx, 'hn.c00001');
  hoanKiemDesk = await agencyIdByKey(t.ctx, 'hn.d002.mot-cua');
  baDinhAdmin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '001' }));
  // For the city's People's Committee (unit code 01 is reused by the 2025 set; the agency is the 2018 city's).
  const city = await agencyIdByKey(t.ctx, 'hn');
  cityAdmin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'city_admin', agencyId: city }));
  receptionist = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '001' }));
});
afterAll(async () => t.close());

const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/agencies/${id}` });
const patch = (id: string, headers: Record<string, string>, payload: object, lang = 'vi') =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/agencies/${id}`,
    headers: { ...headers, 'accept-language': lang },
    payload,
  });

const auditRows = (id: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'agency.update')
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();

describe('PATCH /api/agencies/{id}', () => {
  it("lets a district administrator rename the district's desk and publish its contact details", async () => {
    const before = (await get(baDinhDesk)).json(); // read once: the cached copy must not outlive the edit
    expect(before).toMatchObject({ version: 1, address: null, phone: null, email: null, openingHours: null });

    const res = await patch(baDinhDesk, baDinhAdmin, {
      version: 1,
      shortName: 'Một cửa quận Ba Đình',
      address: '  25 Liễu Giai, phường Liễu Giai, quận Ba Đình  ',
      phone: '024 3834 5678',
      email: 'motcua.badinh@hanoi.gov.vn',
      openingHours: 'Thứ Hai – Thứ Sáu 8:00–17:00; sáng thứ Bảy 8:00–12:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: baDinhDesk,
      version: 2,
      name: before.name,
      shortName: 'Một cửa quận Ba Đình',
      address: '25 Liễu Giai, phường Liễu Giai, quận Ba Đình',
      phone: '024 3834 5678',
      email: 'motcua.badinh@hanoi.gov.vn',
    });
    expect((await get(baDinhDesk)).json()).toEqual(res.json());

    const audit = await auditRows(baDinhDesk);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      agency_id: baDinhDesk,
      before: { version: 1, shortName: before.shortName, address: null },
      after: { version: 2, shortName: 'Một cửa quận Ba Đình', phone: '024 3834 5678' },
    });
    // The search text follows the new name.
    const found = await t.app.inject(`/api/agencies?q=${encodeURIComponent('mot cua quan ba dinh')}`);
    expect(found.json().items.map((a: { id: string }) => a.id)).toContain(baDinhDesk);
  });

  it('refuses an edit based on a stale version with 409 naming the field, and changes nothing', async () => {
    const current = (await get(phucXa)).json();
    const first = await patch(phucXa, baDinhAdmin, { version: current.version, phone: '1022' });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await patch(phucXa, cityAdmin, { version: current.version, phone: '024 0000 0000' }, 'en');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'version' }] });
    expect(stale.json().error.message).toContain(`version ${current.version + 1}`);
    expect((await get(phucXa)).json()).toMatchObject({ phone: '1022', version: current.version + 1 });
  });

  it('answers a retried edit that already landed with the agency as it is, without a second record', async () => {
    const current = (await get(phucXa)).json();
    const body = { version: current.version, openingHours: 'Thứ Hai – Thứ Sáu' };
    expect((await patch(phucXa, baDinhAdmin, body)).json().version).toBe(current.version + 1);
    const again = await patch(phucXa, baDinhAdmin, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: current.version + 1, openingHours: 'Thứ Hai – Thứ Sáu' });
    const records = (await auditRows(phucXa)).filter((r) => (r.after as { openingHours?: string }).openingHours);
    expect(records).toHaveLength(1);
  });

  it('clears a detail given as an empty text', async () => {
    const current = (await get(phucXa)).json();
    expect(current.phone).not.toBeNull();
    const res = await patch(phucXa, cityAdmin, { version: current.version, phone: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().phone).toBeNull();
  });

  it('lists every bad field with a Vietnamese and an English message, and changes nothing', async () => {
    const current = (await get(baDinhDesk)).json();
    const bad = { version: current.version, name: 'A', phone: 'gọi tôi', email: 'motcua@', address: 'x'.repeat(301) };
    const vi = await patch(baDinhDesk, baDinhAdmin, bad);
    const en = await patch(baDinhDesk, baDinhAdmin, bad, 'en');
    expect(vi.statusCode).toBe(400);
    const fields = (r: typeof vi) =>
      (r.json().error.details as Array<{ field: string; message: string }>).map((d) => d.field).sort();
    expect(fields(vi)).toEqual(['body.address', 'body.email', 'body.name', 'body.phone']);
    expect(fields(en)).toEqual(fields(vi));
    const message = (r: typeof vi, field: string) =>
      (r.json().error.details as Array<{ field: string; message: string }>).find((d) => d.field === field)?.message;
    expect(message(vi, 'body.phone')).toMatch(/Số điện thoại/);
    expect(message(en, 'body.phone')).toMatch(/phone number/);
    expect(message(vi, 'body.name')).toMatch(/ít nhất 3 ký tự/);
    expect(message(en, 'body.name')).toMatch(/at least 3 characters/);

    const nothing = await patch(baDinhDesk, baDinhAdmin, { version: current.version });
    expect(nothing.statusCode).toBe(400);
    expect((await get(baDinhDesk)).json()).toEqual(current);
  });

  it("keeps a district administrator to the district's own agencies and other roles out", async () => {
    const current = (await get(hoanKiemDesk)).json();
    const outside = await patch(hoanKiemDesk, baDinhAdmin, { version: current.version, phone: '024 1111 2222' });
    expect(outside.statusCode).toBe(403);
    const desk = await patch(hoanKiemDesk, receptionist, { version: current.version, phone: '024 1111 2222' });
    expect(desk.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${hoanKiemDesk}`,
      payload: { version: current.version, phone: '024 1111 2222' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await get(hoanKiemDesk)).json()).toEqual(current);
    const city = await patch(hoanKiemDesk, cityAdmin, { version: current.version, phone: '024 1111 2222' });
    expect(city.statusCode).toBe(200);
  });

  it('answers an unknown agency with 404', async () => {
    const res = await patch('000.99.99.H26', cityAdmin, { version: 1, phone: '1022' });
    expect(res.statusCode).toBe(404);
  });
});
