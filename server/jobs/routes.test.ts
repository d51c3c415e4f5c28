import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../test/helpers/auth.ts';
import { defineJob } from './define.ts';
import { scheduleJob } from './queue.ts';
import { runDueJobs } from './worker.ts';

let t: TestApp;
let deadId: number;
let isBroken = true;

const fragileJob = defineJob({
  name: 'test.fragile',
  payload: z.object({ n: z.number() }),
  maxAttempts: 1,
  handle: async () => {
    if (isBroken) throw new Error('registry unavailable');
  },
});

beforeAll(async () => {
  t = await createTestApp();
  deadId = (await scheduleJob(t.ctx.db, fragileJob, { n: 1 }, { runAt: t.clock.now() }))!;
  await runDueJobs(t.ctx, { jobs: [fragileJob], recurring: [] });
});
afterAll(async () => t.close());

describe('dead-letter API', () => {
  it('refuses a visitor, a citizen and a district officer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs/dead' })).statusCode).toBe(401);
    const citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs/dead', headers: citizen })).statusCode).toBe(403);
    const clerk = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/jobs/dead', headers: clerk })).statusCode).toBe(403);
  });

  it('shows the city administrator the failed job with its last error, and retries it', async () => {
    const headers = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' }));
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/jobs/dead', headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        id: deadId,
        name: 'test.fragile',
        attempts: 1,
        lastError: 'Error: registry unavailable',
      }),
    );
    isBroken = false;
    const retry = await t.app.inject({ method: 'POST', url: `/api/admin/jobs/${deadId}/retry`, headers });
    expect(retry.statusCode).toBe(204);
    expect((await runDueJobs(t.ctx, { jobs: [fragileJob], recurring: [] })).done).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: `/api/admin/jobs/${deadId}/retry`, headers });
    expect(again.statusCode).toBe(404);
  });
});
