import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { elapsedWorkingMinutes } from '../../../shared/calendar/due-date.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { insertFixture, OCTOBER } from '../../../test/helpers/reports.ts';
import { getCalendar } from '../calendar/service.ts';
import { seedCatalogue } from '../catalogue/seed.ts';
import { ratingOf, scoreIndicator } from './index766.ts';
import { cutOffPeriod } from './periods.ts';

let t: TestApp;
let leader: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp(); // clock: Fri 27/10/2023 09:32 in Hanoi
  await seedCatalogue(t.ctx);
  for (const d of OCTOBER) await insertFixture(t.ctx, d);
  // A complaint about B (resolved on time) and one about C (late: subtracted once, as late).
  for (const name of ['B', 'C']) {
    const code = (
      await t.ctx.db.selectFrom('dossiers').select('code').where('code', 'like', `%-${name}`).executeTakeFirstOrThrow()
    ).code;
    await t.ctx.db
      .insertInto('feedback_reports')
      .values({
        id: randomUUID(),
        reference: `PA${name}`,
        dossier_code: code,
        category: 'dossier',
        message: 'Chậm',
        status: 'received',
        received_at: new Date('2023-10-20T03:00:00Z'),
      })
      .execute();
  }
  leader = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'leader', unitCode: '001' }));
}, 120_000);
afterAll(async () => t.close());

const get = (url: string, headers?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });

describe('Decree 09/2019 cut-off periods', () => {
  it('runs from the 15th to the 14th', () => {
    expect(cutOffPeriod('2023-M1')).toMatchObject({ from: '2022-12-15', to: '2023-01-14' });
    expect(cutOffPeriod('2023-M10')).toMatchObject({ from: '2023-09-15', to: '2023-10-14' });
    expect(cutOffPeriod('2023-Q1')).toMatchObject({ from: '2022-12-15', to: '2023-03-14' });
    expect(cutOffPeriod('2023-Q4')).toMatchObject({ from: '2023-09-15', to: '2023-12-14' });
    expect(cutOffPeriod('2023-H2')).toMatchObject({ from: '2023-06-15', to: '2023-12-14' });
    expect(cutOffPeriod('2023-Y')).toMatchObject({ from: '2022-12-15', to: '2023-12-14' });
    expect(() => cutOffPeriod('2023-M13')).toThrow();
  });
});

describe('Decision 766 index', () => {
  it('scores points × min(1, rate / threshold) and bands the percentage', () => {
    expect(scoreIndicator(20, 1, 0.5)).toBe(10);
    expect(scoreIndicator(6, 0.5, 0.9)).toBe(6);
    expect(scoreIndicator(6, 0.9, null)).toBe(0);
    expect([90, 89.99, 80, 70, 69.9, 50, 49.9].map(ratingOf)).toEqual([
      'excellent',
      'good',
      'good',
      'fair',
      'average',
      'average',
      'weak',
    ]);
  });

  it('computes the indicators of Phúc Xá for October 2023 as by hand', async () => {
    const res = await get('/api/reports/766?from=2023-10-01&to=2023-10-31&unit=00001', leader);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const by = Object.fromEntries(body.indicators.map((i: { code: string }) => [i.code, i]));
    // 2.1: resolved A B C D; early or on time A B.
    expect(by['2.1']).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, score: 10, dataAvailable: true });
    // 4.2: received in October A B C F G H I, online A F I.
    expect(by['4.2']).toMatchObject({ numerator: 3, denominator: 7, score: 5.14 });
    // 3.1: no file was digitised.
    expect(by['3.1']).toMatchObject({ numerator: 0, denominator: 7, score: 0, dataAvailable: true });
    // 5.4: 100 % − late rate (C, D: 2 of 4) − disliked or complained about (B: a complaint) = 25 %.
    expect(by['5.4']).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25, score: 1.67, dataAvailable: true });
    expect(by['3.6']).toMatchObject({ score: 0, dataAvailable: false });
    const stats = (await get('/api/catalogue/stats?at=2023-10-31')).json();
    const full = stats.byOnlineLevel['4'] / stats.total;
    expect(by['4.1'].rate).toBeCloseTo(full, 10);
    expect(by['4.1'].score).toBeCloseTo(Math.round(6 * Math.min(1, full / 0.8) * 100) / 100, 10);
    expect(body.maxScore).toBe(66);
    const sum = body.indicators.reduce((s: number, i: { score: number }) => s + i.score, 0);
    expect(body.score).toBeCloseTo(sum, 6);
    expect(body.rating).toBe(ratingOf(body.percent));
  });
});

describe('speed vs. the law', () => {
  it('measures working days from acceptance to processing, the same as the calendar engine', async () => {
    const body = (await get('/api/reports/speed?from=2023-10-01&to=2023-10-31&unit=00001', leader)).json();
    // A 2.125, B 2.875, C 3, D 9 working days (07:00–11:30, 13:30–17:00); birth registration: 1 working day.
    expect(body.rows).toEqual([
      {
        procedureCode: '1.001193',
        procedureName: expect.any(String),
        unitCode: '00001',
        unitName: 'Phường Phúc Xá',
        resolved: 4,
        averageDays: 4.25,
        medianDays: 2.94,
        statutoryDays: 1,
        timeUnit: 'workingDays',
        fasterPercent: -325,
      },
    ]);
    const { calendar } = await getCalendar(t.ctx);
    const days = [
      ['2023-10-02T09:00:00+07:00', '2023-10-04T10:00:00+07:00'],
      ['2023-10-03T09:00:00+07:00', '2023-10-06T08:00:00+07:00'],
      ['2023-10-10T09:00:00+07:00', '2023-10-13T09:00:00+07:00'],
      ['2023-09-20T09:00:00+07:00', '2023-10-03T09:00:00+07:00'],
    ].map(([a, b]) => elapsedWorkingMinutes(calendar, a!, b!) / 480);
    expect(days).toEqual([2.125, 2.875, 3, 9]);
  });
});

describe('public dashboard', () => {
  it('answers without login, from the roll-up, with cache headers', async () => {
    const res = await get('/api/public/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/public, max-age=60/);
    const body = res.json();
    expect(body.month).toEqual({ from: '2023-10-01', to: '2023-10-27', received: 7, resolved: 5 });
    expect(body.year).toMatchObject({ received: 9, resolved: 6 });
    expect(body.year.onTimeRate).toBeCloseTo(4 / 6, 4);
    const baDinh = body.districts.find((d: { code: string }) => d.code === '001');
    expect(baDinh).toMatchObject({ received: 9, resolved: 6, parentCode: '01' });
    expect(baDinh.onlineShare).toBeCloseTo(2 / 9, 4);
    const phucXa = body.communes.find((d: { code: string }) => d.code === '00001');
    expect(phucXa).toMatchObject({ received: 8, resolved: 5, onTimeRate: 0.6, onlineShare: 0.25, parentCode: '001' });
    expect(body.services.total).toBeGreaterThan(0);
    expect(body.speed[0]).toMatchObject({ procedureCode: '1.001193', unitCode: null });
  });

  it('serves the cached figures for a minute, then stale while one refresh runs', async () => {
    const at = async () => (await get('/api/public/dashboard')).json().generatedAt as string;
    const first = await at();
    t.clock.advance(30_000);
    expect(await at()).toBe(first);
    t.clock.advance(31_000);
    expect(await at()).toBe(first); // stale, refresh started in the background
    await vi.waitFor(async () => expect(await at()).not.toBe(first));
    t.clock.advance(11 * 60_000); // too stale to serve: computed while the visitor waits
    const fresh = await at();
    expect(new Date(fresh).getTime()).toBe(t.clock.now().getTime());
  });
});
