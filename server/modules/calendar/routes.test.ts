import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { countOfficialDayChanges } from './repository.ts';
import { replaceYearTable } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const due = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/calendar/due', payload: body as object, headers });

describe('POST /api/calendar/due', () => {
  it('answers the golden case with +07:00 instants', async () => {
    const res = await due({ start: '2023-10-27T09:32:00+07:00', duration: { value: 5, unit: 'workingDays' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      startsAt: '2023-10-27T09:32:00+07:00',
      dueAt: '2023-11-03T09:32:00+07:00',
      provisional: false,
    });
  });

  it('accepts any offset and applies the 15:00 cut-off', async () => {
    const res = await due({
      start: '2023-10-27T08:30:00Z',
      duration: { value: 1, unit: 'workingDays' },
      cutoff15: true,
    });
    expect(res.json()).toMatchObject({ startsAt: '2023-10-30T07:00:00+07:00', dueAt: '2023-10-30T17:00:00+07:00' });
  });

  it('uses the official make-up Saturday seeded from reference/', async () => {
    const res = await due({ start: '2026-01-09T09:00:00+07:00', duration: { value: 1, unit: 'workingDays' } });
    expect(res.json().dueAt).toBe('2026-01-10T09:00:00+07:00');
  });

  it('says when the period runs into a year without an official table', async () => {
    const res = await due({ start: '2028-03-01T09:00:00+07:00', duration: { value: 3, unit: 'workingDays' } });
    expect(res.json()).toMatchObject({ dueAt: '2028-03-06T09:00:00+07:00', provisional: true });
  });

  it('computes for a known agency and refuses an unknown one with 404', async () => {
    const ok = await due({
      start: '2023-10-27T09:32:00+07:00',
      duration: { value: 5, unit: 'workingDays' },
      agencyId: '000.00.00.H26',
    });
    expect(ok.json().dueAt).toBe('2023-11-03T09:32:00+07:00');
    const res = await due({
      start: '2023-10-27T09:32:00+07:00',
      duration: { value: 5, unit: 'workingDays' },
      agencyId: '999.99.99.H99',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    [{ start: '2023-10-27T09:32:00', duration: { value: 5, unit: 'workingDays' } }, 'body.start'],
    [{ start: '2023-02-30T09:32:00+07:00', duration: { value: 5, unit: 'workingDays' } }, 'body.start'],
    [{ start: '1990-01-02T09:32:00+07:00', duration: { value: 5, unit: 'workingDays' } }, 'body.start'],
    [{ start: '2023-10-27T09:32:00+07:00', duration: { value: -1, unit: 'workingDays' } }, 'body.duration.value'],
    [{ start: '2023-10-27T09:32:00+07:00', duration: { value: 0, unit: 'workingHours' } }, 'body.duration.value'],
    [{ start: '2023-10-27T09:32:00+07:00', duration: { value: 2500, unit: 'workingDays' } }, 'body.duration.value'],
    [{ start: '2023-10-27T09:32:00+07:00', duration: { value: 1.5, unit: 'calendarDays' } }, 'body.duration.value'],
    [{ start: '2023-10-27T09:32:00+07:00', duration: { value: 5, unit: 'weeks' } }, 'body.duration.unit'],
    [{ start: '2023-10-27T09:32:00+07:00' }, 'body.duration'],
  ])('answers 400 for %j naming %s', async (body, field) => {
    const res = await due(body, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details[0].field).toBe(field);
  });
});

describe('GET /api/calendar/{year}', () => {
  it('lists working days, named days off and make-up days of an official year', async () => {
    const res = await t.app.inject('/api/calendar/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, provisional: false, agencyId: null });
    expect(body.makeupDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(body.daysOff).toContainEqual({ date: '2026-02-17', name: 'Tết Nguyên đán' });
    expect(body.workingDays).toHaveLength(249);
    expect(body.windows).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('marks a computed year provisional', async () => {
    const body = (await t.app.inject('/api/calendar/2028')).json();
    expect(body).toMatchObject({ year: 2028, provisional: true, source: 'computed' });
    expect(body.daysOff.map((d: { date: string }) => d.date)).toContain('2028-01-25');
  });

  it('answers 404 for an unknown agency and 400 for a bad or unsupported year', async () => {
    expect((await t.app.inject('/api/calendar/2026?agencyId=nope')).statusCode).toBe(404);
    const bad = await t.app.inject('/api/calendar/20x6');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.year');
    const far = await t.app.inject('/api/calendar/2150');
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0].field).toBe('params.year');
  });
});

describe('editing an official year', () => {
  it('applies to deadlines computed afterwards and is audited', async () => {
    const body = { start: '2028-01-20T09:00:00+07:00', duration: { value: 1, unit: 'workingDays' } };
    expect((await due(body)).json().dueAt).toBe('2028-01-21T09:00:00+07:00');
    await replaceYearTable(
      t.ctx,
      2028,
      {
        status: 'official',
        provisional: false,
        sources: ['test notice'],
        days: [{ date: '2028-01-21', kind: 'off', name: 'Nghỉ thử' }],
      },
      'admin@test',
    );
    expect((await due(body)).json()).toMatchObject({ dueAt: '2028-01-24T09:00:00+07:00', provisional: false });
    const year = (await t.app.inject('/api/calendar/2028')).json();
    expect(year).toMatchObject({
      provisional: false,
      source: 'official',
      daysOff: [{ date: '2028-01-21', name: 'Nghỉ thử' }],
    });
    expect(await countOfficialDayChanges(t.ctx.db, 2028)).toBe(1);
  });

  it('refuses a table with a date outside its year', async () => {
    await expect(
      replaceYearTable(
        t.ctx,
        2029,
        { status: 'official', provisional: false, sources: [], days: [{ date: '2030-01-01', kind: 'off', name: 'x' }] },
        'admin@test',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
