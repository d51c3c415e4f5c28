import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { agencyIdByKey } from '../../../test/helpers/catalogue.ts';
import { seedCatalogue } from './seed.ts';

let t: TestApp;
let seeded: string[];
beforeAll(async () => {
  t = await createTestApp();
  seeded = (await seedCatalogue(t.ctx)).lines;
});
afterAll(async () => t.close());

const search = async (query: string) => (await t.app.inject(`/api/procedures?${query}`)).json();
const codes = (body: { items: Array<{ code: string }> }) => body.items.map((i) => i.code);

describe('demo catalogue seed', () => {
  it('loads the 62 sample procedures once; a second run changes nothing', async () => {
    expect(seeded[0]).toMatch(/62 /);
    expect((await seedCatalogue(t.ctx)).lines).toEqual([]);
    expect((await search('pageSize=1')).total).toBe(62);
  });

  it('gives birth registration its commune tier, e-form, same-day limit and 15:00 cut-off', async () => {
    const birth = (await t.app.inject('/api/procedures/1.001193')).json();
    expect(birth).toMatchObject({ tiers: ['commune'], agencyId: null, cutoff15: true, onlineLevel: 4 });
    expect(birth.timeLimit).toEqual({ value: 1, unit: 'workingDays' });
    expect(birth.eform.fields.map((f: { name: string }) => f.name)).toContain('childBirthDate');
  });

  it('routes enterprise registration to the Department of Planning and Investment', async () => {
    const company = (await t.app.inject('/api/procedures/2.001583')).json();
    expect(company.tiers).toEqual(['city']);
    expect(company.agencyId).toBe(await agencyIdByKey(t.ctx, 'hn.so-ke-hoach-dau-tu'));
    expect(company.workflow.every((s: { agencyId: string }) => s.agencyId === company.agencyId)).toBe(true);
  });

  it('sends the district construction permit to a city department and back', async () => {
    const permit = (await t.app.inject('/api/procedures/1.013225')).json();
    expect(permit.tiers).toEqual(['district']);
    const where = permit.workflow.map((s: { tier: string | null; agencyId: string | null }) => s.tier ?? s.agencyId);
    expect(where).toEqual([
      'receiving',
      'district',
      await agencyIdByKey(t.ctx, 'hn.so-quy-hoach-kien-truc'),
      'district',
      'district',
    ]);
  });

  it('has e-forms for at least ten procedures', async () => {
    const all = await search('pageSize=100');
    let withForms = 0;
    for (const code of codes(all)) if ((await t.app.inject(`/api/procedures/${code}`)).json().eform) withForms++;
    expect(withForms).toBeGreaterThanOrEqual(10);
  });
});

describe('GET /api/procedures search', () => {
  it('ranks birth registration first for "dang ky khai sinh" (no diacritics)', async () => {
    const body = await search('q=dang%20ky%20khai%20sinh');
    expect(codes(body)[0]).toBe('1.001193');
    expect(codes(body)).toContain('2.000528'); // birth registration with a foreign element, further down
  });

  it('finds birth registration for "khai sinh" and with diacritics', async () => {
    expect(codes(await search('q=khai%20sinh')).slice(0, 3)).toContain('1.001193');
    expect(codes(await search(`q=${encodeURIComponent('Đăng ký khai sinh')}`))[0]).toBe('1.001193');
  });

  it('tolerates a typo: "dang ky khai snh"', async () => {
    expect(codes(await search('q=dang%20ky%20khai%20snh'))[0]).toBe('1.001193');
  });

  it('puts construction permits first for "giay phep xay dung"', async () => {
    const top = codes(await search('q=giay%20phep%20xay%20dung')).slice(0, 4);
    expect(top.sort()).toEqual(['1.013225', '1.013227', '1.013229', '1.013236']);
  });

  it('finds a procedure by its code and by its sector', async () => {
    expect(codes(await search('q=1.001193'))[0]).toBe('1.001193');
    const civil = await search('q=ho%20tich&pageSize=100');
    expect(codes(civil)).toContain('1.000894');
  });

  it('filters by tier, agency, online level, fee and unit', async () => {
    const commune = await search('tier=commune&pageSize=100');
    expect(commune.items.every((i: { tiers: string[] }) => i.tiers.includes('commune'))).toBe(true);
    const dept = await agencyIdByKey(t.ctx, 'hn.so-ke-hoach-dau-tu');
    const atDept = await search(`agency=${dept}&pageSize=100`);
    expect(atDept.total).toBeGreaterThanOrEqual(4);
    expect(atDept.items.every((i: { agencyId: string }) => i.agencyId === dept)).toBe(true);
    const l4 = await search('onlineLevel=4&pageSize=100');
    expect(l4.total).toBeGreaterThan(0);
    expect(l4.items.every((i: { onlineLevel: number }) => i.onlineLevel === 4)).toBe(true);
    const free = await search('fee=free&pageSize=100');
    const paid = await search('fee=paid&pageSize=100');
    expect(free.total + paid.total).toBe(62);
    expect(codes(paid)).toContain('2.000815');
    const inCommune = await search('unit=00001&pageSize=100');
    expect(inCommune.total).toBe(commune.total);
    const sector = await search(`sector=${encodeURIComponent('Chứng thực')}&pageSize=100`);
    expect(sector.items.every((i: { sector: string }) => i.sector === 'Chứng thực')).toBe(true);
  });

  it('paginates', async () => {
    const p1 = await search('pageSize=10&page=1');
    const p2 = await search('pageSize=10&page=2');
    expect(p1.items).toHaveLength(10);
    expect(p2.page).toBe(2);
    expect(codes(p1).some((c) => codes(p2).includes(c))).toBe(false);
  });

  it('refuses a bad filter naming the parameter', async () => {
    const res = await t.app.inject('/api/procedures?onlineLevel=5');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.onlineLevel');
  });
});

describe('GET /api/catalogue/stats', () => {
  it('counts published online services by level and tier', async () => {
    const stats = (await t.app.inject('/api/catalogue/stats')).json();
    expect(stats.total).toBe(62);
    expect(stats.byOnlineLevel['3'] + stats.byOnlineLevel['4']).toBe(62);
    expect(stats.byOnlineLevel['3']).toBeGreaterThan(0);
    expect(stats.byOnlineLevel['4']).toBeGreaterThan(0);
    expect(stats.byTier.commune + stats.byTier.district + stats.byTier.city).toBe(62);
    const before = (await t.app.inject('/api/catalogue/stats?at=2018-01-01')).json();
    expect(before.total).toBe(0);
  });
});
