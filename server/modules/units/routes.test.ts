import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/units', () => {
  it('lists the 30 districts of the 2018 set', async () => {
    const res = await t.app.inject('/api/units?level=district');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(30);
    expect(body.items).toHaveLength(30);
    expect(body.items.every((u: { parentCode: string }) => u.parentCode === '01')).toBe(true);
  });

  it('lists the 584 communes of the 2018 set', async () => {
    const res = await t.app.inject('/api/units?level=commune');
    expect(res.json().total).toBe(584);
    expect(res.json().items).toHaveLength(584);
  });

  it('finds Hoàn Kiếm without diacritics', async () => {
    const res = await t.app.inject('/api/units?q=hoan%20kiem');
    const names = res.json().items.map((u: { fullName: string }) => u.fullName);
    expect(names).toContain('Quận Hoàn Kiếm');
  });

  it('folds đ to d: "dong da" finds Đống Đa', async () => {
    const res = await t.app.inject('/api/units?level=district&q=dong%20da');
    expect(res.json().items.map((u: { code: string }) => u.code)).toEqual(['006']);
  });

  it('lists the communes of one district by parent code', async () => {
    const res = await t.app.inject('/api/units?parent=002');
    const body = res.json();
    expect(body.total).toBe(18);
    expect(body.items.every((u: { level: string }) => u.level === 'commune')).toBe(true);
  });

  it('shows the 2025 set of 126 communes for a date after the reform', async () => {
    const res = await t.app.inject('/api/units?level=commune&at=2025-07-01');
    expect(res.json().total).toBe(126);
  });

  it('keys units on code and date: 00070 is Hàng Trống in 2018 and Hoàn Kiếm in 2025', async () => {
    const then = (await t.app.inject('/api/units/00070')).json();
    const now = (await t.app.inject('/api/units/00070?at=2026-01-01')).json();
    expect(then.fullName).toBe('Phường Hàng Trống');
    expect(now.fullName).toBe('Phường Hoàn Kiếm');
    expect(then.id).not.toBe(now.id);
  });

  it('refuses an unknown level naming the parameter, in Vietnamese by default', async () => {
    const res = await t.app.inject('/api/units?level=province');
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.details[0].field).toBe('querystring.level');
    expect(error.details[0].message).toMatch(/level.*city, district, commune/);
    expect(error.message).toMatch(/chưa hợp lệ/);
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({ url: '/api/units?limit=0', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/not valid/);
    expect(res.json().error.details[0].field).toBe('querystring.limit');
  });
});

describe('GET /api/units/{code}', () => {
  it('returns one unit', async () => {
    const res = await t.app.inject('/api/units/001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '001', fullName: 'Quận Ba Đình', level: 'district', parentCode: '01' });
  });

  it('answers 404 with the code echoed for an unknown unit', async () => {
    const res = await t.app.inject('/api/units/99999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.json().error.message).toContain('99999');
    expect(res.json().error.details[0].value).toBe('99999');
  });

  it('answers 400 for a malformed code', async () => {
    const res = await t.app.inject('/api/units/abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('params.code');
  });
});

describe('GET /api/agencies', () => {
  it('has the city People’s Committee under its real identifier', async () => {
    const res = await t.app.inject('/api/agencies/000.00.00.H26');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idStatus: 'real', kind: 'city-peoples-committee', unitCode: '01' });
  });

  it('lists a district’s People’s Committee, its divisions and its one-stop desk', async () => {
    const res = await t.app.inject('/api/agencies?unit=002');
    const items = res.json().items as Array<{ kind: string; idStatus: string; id: string }>;
    expect(items.filter((a) => a.kind === 'district-peoples-committee')).toHaveLength(1);
    expect(items.filter((a) => a.kind === 'division')).toHaveLength(12);
    expect(items.filter((a) => a.kind === 'one-stop-desk')).toHaveLength(1);
    expect(items.every((a) => a.idStatus === 'synthetic' && a.id.endsWith('.H26'))).toBe(true);
  });

  it('gives every commune a People’s Committee and a one-stop desk', async () => {
    const committees = await t.app.inject('/api/agencies?kind=commune-peoples-committee&limit=1');
    const desks = await t.app.inject('/api/agencies?kind=one-stop-desk&level=commune&limit=1');
    expect(committees.json().total).toBe(584);
    expect(desks.json().total).toBe(584);
  });

  it('searches agencies without diacritics', async () => {
    const res = await t.app.inject('/api/agencies?q=so%20tu%20phap');
    expect(res.json().items.map((a: { shortName: string }) => a.shortName)).toContain('Sở Tư pháp');
  });

  it('answers 404 for an unknown agency and for agencies of an unknown unit', async () => {
    expect((await t.app.inject('/api/agencies/000.99.99.H26')).statusCode).toBe(404);
    expect((await t.app.inject('/api/agencies?unit=99999')).statusCode).toBe(404);
  });
});
