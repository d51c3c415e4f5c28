import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { agencyIdByKey } from '../../../test/helpers/catalogue.ts';
import { insertFixture, OCTOBER } from '../../../test/helpers/reports.ts';
import { seedCatalogue } from '../catalogue/seed.ts';

let t: TestApp;
let district: Record<string, string>;
let commune4: Record<string, string>;
let otherDistrict: Record<string, string>;
let receptionist: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogue(t.ctx);
  for (const d of OCTOBER) await insertFixture(t.ctx, d);
  district = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'leader', unitCode: '001' }));
  // GSO code 00004 was reused in 2025: the 2018 commune is reached through its People's Committee.
  commune4 = await loginAs(
    t.ctx,
    await createOfficer(t.ctx, { role: 'leader', agencyId: await agencyIdByKey(t.ctx, 'hn.c00004') }),
  );
  otherDistrict = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'leader', unitCode: '002' }));
  receptionist = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '001' }));
}, 120_000);
afterAll(async () => t.close());

const october = 'from=2023-10-01&to=2023-10-31';
const get = (url: string, headers?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });

const phucXa = {
  received: { total: 8, online: 3, inPersonOrPost: 4, carriedOver: 1 },
  resolved: { total: 4, early: 1, onTime: 1, late: 2 },
  pending: { total: 3, inTime: 1, overdue: 2 },
  closedOther: 1,
};
const trucBach = {
  received: { total: 1, online: 0, inPersonOrPost: 1, carriedOver: 0 },
  resolved: { total: 1, early: 1, onTime: 0, late: 0 },
  pending: { total: 0, inTime: 0, overdue: 0 },
  closedOther: 0,
};

describe('form 06a', () => {
  it('counts a district subtree per unit as computed by hand', async () => {
    const res = await get(`/api/reports/06a?${october}&unit=001`, district);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toEqual({ code: '001', name: 'Quận Ba Đình' });
    expect(body.rows[0].key).toBe('001');
    const row = (code: string) => body.rows.find((r: { key: string }) => r.key === code).counts;
    expect(row('00001')).toEqual(phucXa);
    expect(row('00004')).toEqual(trucBach);
    expect(body.total.received.total).toBe(9);
    expect(body.total.resolved).toEqual({ total: 5, early: 2, onTime: 1, late: 2 });
    expect(body.invariant).toEqual({ holds: true, failures: [] });
    expect(body.source).toBe('rollup');
  });

  it('takes a Decree 09/2019 cut-off period: 2023-M10 is 15/09 to 14/10', async () => {
    const body = (await get('/api/reports/06a?period=2023-M10&unit=00001', district)).json();
    expect(body.period).toEqual({ from: '2023-09-15', to: '2023-10-14', label: '2023-M10' });
    // In: A B C G (received), D (received 20/09 in the period too), E returned 15/09 and received before.
    // E: received 10/09 (before), processed 15/09 (in the period) → carried over and resolved early.
    expect(body.total.received).toEqual({ total: 6, online: 1, inPersonOrPost: 4, carriedOver: 1 });
    expect(body.total.resolved).toEqual({ total: 5, early: 2, onTime: 1, late: 2 });
    expect(body.total.pending).toEqual({ total: 1, inTime: 1, overdue: 0 });
  });

  it("limits an officer of a commune People's Committee to its dossiers", async () => {
    const body = (await get(`/api/reports/06a?${october}`, commune4)).json();
    expect(body.total).toEqual(trucBach);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(['00004']);
    expect((await get(`/api/reports/06a?${october}&unit=001`, commune4)).json().total).toEqual(trucBach);
    expect((await get(`/api/reports/06a?${october}&unit=002`, commune4)).statusCode).toBe(403);
  });

  it('refuses another district, a role without reports.read and no login', async () => {
    expect((await get(`/api/reports/06a?${october}&unit=001`, otherDistrict)).statusCode).toBe(403);
    expect((await get(`/api/reports/06a?${october}&unit=001`, receptionist)).statusCode).toBe(403);
    expect((await get(`/api/reports/06a?${october}&unit=001`)).statusCode).toBe(401);
    expect((await get(`/api/reports/06a?from=2023-10-31&to=2023-10-01`, district)).statusCode).toBe(400);
  });

  it('lays the workbook out like the official form, checked cell by cell', async () => {
    const res = await get(`/api/reports/06a?${october}&unit=001&format=xlsx`, district);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const text = (a: string) => ws.getCell(a).text;
    expect(text('F1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text('A4')).toContain('BIỂU 06A');
    expect(text('A5')).toBe('Kỳ báo cáo: từ ngày 01/10/2023 đến ngày 31/10/2023');
    expect(text('C7')).toBe('Số hồ sơ nhận giải quyết');
    expect(text('G7')).toBe('Số hồ sơ đã giải quyết');
    expect(text('K7')).toBe('Số hồ sơ đang giải quyết');
    expect(text('D8')).toBe('Trong kỳ');
    expect(text('D9')).toBe('Trực tuyến');
    expect(text('E9')).toBe('Trực tiếp, dịch vụ bưu chính');
    expect(ws.getCell('E7').isMerged && ws.getCell('E7').master.address).toBe('C7');
    expect(ws.getCell('A9').master.address).toBe('A7');
    expect(ws.getCell('E8').master.address).toBe('D8');
    const rowOf = (label: string) => {
      for (let r = 11; r <= ws.rowCount; r++) if (ws.getCell(`B${r}`).value === label) return ws.getRow(r);
      throw new Error(`no row ${label}`);
    };
    const values = (label: string) => (rowOf(label).values as unknown[]).slice(3, 15);
    expect(values('Phường Phúc Xá')).toEqual([8, 3, 4, 1, 4, 1, 1, 2, 3, 1, 2, 1]);
    expect(values('Phường Trúc Bạch')).toEqual([1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(values('Tổng cộng')).toEqual([9, 3, 5, 1, 5, 2, 1, 2, 3, 1, 2, 1]);
  });
});

describe('form 07a', () => {
  it('counts per sector', async () => {
    const body = (await get(`/api/reports/07a?${october}&unit=001`, district)).json();
    const sectors = Object.fromEntries(body.rows.map((r: { key: string; counts: unknown }) => [r.key, r.counts]));
    expect(sectors).toEqual({ 'Chứng thực': trucBach, 'Hộ tịch': phucXa });
    expect(body.invariant.holds).toBe(true);
  });
});

describe('form 07b', () => {
  it('counts dossiers per tier, one-stop and liên thông, and the procedures of each tier', async () => {
    const body = (await get(`/api/reports/07b?${october}&unit=001`, district)).json();
    const commune = body.rows.find((r: { tier: string }) => r.tier === 'commune');
    // Received in October: A B C F G H I at Phúc Xá and M at Trúc Bạch; none handed to another unit.
    expect(commune).toMatchObject({ dossiers: 8, oneStop: 8, interagency: 0, proceduresWithDossiers: 2 });
    expect(commune.procedures).toBeGreaterThan(10);
  });
});

describe('tracking log (form 06)', () => {
  it('lists the dossiers received in the period with the receiving officer and lateness', async () => {
    const body = (await get(`/api/reports/tracking-log?${october}&unit=00001`, district)).json();
    expect(body.total).toBe(7);
    expect(body.entries.map((e: { code: string }) => e.code.slice(-1))).toEqual(['A', 'B', 'G', 'C', 'F', 'H', 'I']);
    const c = body.entries[3];
    expect(c).toMatchObject({ no: 4, sets: 1, owner: 'Chủ hồ sơ C', phone: '0912345678', area: 'Hộ tịch' });
    expect(c.receivedAt).toBe('2023-10-10T09:00:00+07:00');
    expect(c.receivingOfficer).toBe('Trần Tiếp Nhận');
    expect(c.note).toBe('Đã giải quyết, chờ trả; Trễ hạn');
    const xlsx = await get(`/api/reports/tracking-log?${october}&unit=00001&format=xlsx`, district);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('B7').value).toBe('Mã hồ sơ');
    expect(ws.getCell('H11').value).toBe('09:00 10/10/2023');
    expect(ws.getCell('K11').value).toBe('Trần Tiếp Nhận');
  });
});
