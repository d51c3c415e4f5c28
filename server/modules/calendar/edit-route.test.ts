import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const table = {
  status: 'official',
  provisional: false,
  sources: ['Thông báo thử nghiệm'],
  days: [
    { date: '2029-02-12', kind: 'off', name: 'Tết Nguyên đán' },
    { date: '2029-02-17', kind: 'workday', name: 'Làm bù' },
  ],
};

const put = (year: string, payload: object, headers: Record<string, string>) =>
  t.app.inject({ method: 'PUT', url: `/api/calendar/${year}/days`, payload, headers });

describe('PUT /api/calendar/{year}/days', () => {
  it('lets a city administrator replace a year’s table, read back at once', async () => {
    const admin = await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' });
    const res = await put('2029', table, await loginAs(t.ctx, admin));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      year: 2029,
      provisional: false,
      daysOff: [{ date: '2029-02-12', name: 'Tết Nguyên đán' }],
      makeupDays: [{ date: '2029-02-17', name: 'Làm bù' }],
    });
    const year = (await t.app.inject('/api/calendar/2029')).json();
    expect(year.workingDays).toContain('2029-02-17');
    expect(year.workingDays).not.toContain('2029-02-12');
  });

  it('names the field of a day outside the year', async () => {
    const admin = await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' });
    const bad = { ...table, days: [{ date: '2031-01-01', kind: 'off', name: 'Sai năm' }] };
    const res = await put('2030', bad, { ...(await loginAs(t.ctx, admin)), 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toMatch(/^body\./);
  });

  it('refuses an officer without calendar.manage and an anonymous caller', async () => {
    const clerk = await createOfficer(t.ctx, { role: 'receptionist', unitCode: '002' });
    expect((await put('2029', table, await loginAs(t.ctx, clerk))).statusCode).toBe(403);
    expect((await put('2029', table, {})).statusCode).toBe(401);
  });
});
