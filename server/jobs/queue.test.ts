import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type TestContext } from '../../test/helpers/job-context.ts';
import { defineJob, JobDeferred } from './define.ts';
import { listDeadJobs, retryDeadJob } from './maintenance.ts';
import { claimJobs, scheduleJob } from './queue.ts';
import { registerRecurring } from './recurring.ts';
import { runClaimedJob } from './run-job.ts';
import { runDueJobs } from './worker.ts';

let t: TestContext;
const Payload = z.object({ tag: z.string() });

beforeAll(async () => {
  t = await createTestContext();
  await t.database.exec('CREATE TABLE job_test_effects (tag text NOT NULL, attempt integer NOT NULL)');
});
afterAll(async () => t.close());

async function effects(tag: string): Promise<number[]> {
  const r = await sql<{
    attempt: number;
  }>`SELECT attempt FROM job_test_effects WHERE tag = ${tag} ORDER BY attempt`.execute(t.ctx.db);
  return r.rows.map((row) => row.attempt);
}

async function jobRow(id: number) {
  return t.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A transactional job that writes one effect row and then fails while `failUntil` attempts are not reached. */
function effectJob(name: string, options: { failUntil?: number; maxAttempts?: number; backoffMs?: number } = {}) {
  return defineJob({
    name,
    payload: Payload,
    maxAttempts: options.maxAttempts ?? 5,
    backoffMs: options.backoffMs ?? 1000,
    handle: async ({ tag }, { trx, job }) => {
      await sql`INSERT INTO job_test_effects (tag, attempt) VALUES (${tag}, ${job.attempts})`.execute(trx!);
      if (job.attempts <= (options.failUntil ?? 0)) throw new Error(`attempt ${job.attempts} failed`);
    },
  });
}

describe('durable job queue', () => {
  it('runs a scheduled job only when the injected clock reaches its time', async () => {
    const job = effectJob('test.scheduled');
    const now = t.clock.now();
    await scheduleJob(t.ctx.db, job, { tag: 'scheduled' }, { runAt: new Date(now.getTime() + 3_600_000) });
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).done).toBe(0);
    t.clock.advance(3_600_000);
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).done).toBe(1);
    expect(await effects('scheduled')).toEqual([1]);
  });

  it('creates one job per name and key, however often it is scheduled', async () => {
    const job = effectJob('test.dedup');
    const runAt = t.clock.now();
    const first = await scheduleJob(t.ctx.db, job, { tag: 'dedup' }, { runAt, key: 'dossier-1:due-soon' });
    const second = await scheduleJob(t.ctx.db, job, { tag: 'dedup' }, { runAt, key: 'dossier-1:due-soon' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeUndefined();
    await runDueJobs(t.ctx, { jobs: [job], recurring: [] });
    // Still de-duplicated after the first one is done.
    expect(await scheduleJob(t.ctx.db, job, { tag: 'dedup' }, { runAt, key: 'dossier-1:due-soon' })).toBeUndefined();
    expect(await effects('dedup')).toEqual([1]);
  });

  it('refuses a payload that does not match the job schema when scheduling', async () => {
    const job = effectJob('test.payload');
    await expect(
      scheduleJob(t.ctx.db, job, { tag: 42 } as unknown as { tag: string }, { runAt: t.clock.now() }),
    ).rejects.toThrow();
  });

  it('retries with exponential backoff, rolls back failed attempts, then dead-letters with the last error', async () => {
    const deadCalls: string[] = [];
    const job = defineJob({
      ...effectJob('test.backoff', { failUntil: 99, maxAttempts: 3, backoffMs: 1000 }),
      name: 'test.backoff',
      onDead: async ({ tag }, error) => {
        deadCalls.push(`${tag}: ${error}`);
      },
    });
    const options = { jobs: [job], recurring: [] };
    const id = (await scheduleJob(t.ctx.db, job, { tag: 'backoff' }, { runAt: t.clock.now() }))!;
    expect((await runDueJobs(t.ctx, options)).retry).toBe(1);
    expect((await jobRow(id)).run_at.getTime()).toBe(t.clock.now().getTime() + 1000);
    t.clock.advance(999);
    expect((await runDueJobs(t.ctx, options)).retry).toBe(0);
    t.clock.advance(1);
    expect((await runDueJobs(t.ctx, options)).retry).toBe(1);
    expect((await jobRow(id)).run_at.getTime()).toBe(t.clock.now().getTime() + 2000);
    t.clock.advance(2000);
    expect((await runDueJobs(t.ctx, options)).dead).toBe(1);

    const row = await jobRow(id);
    expect(row).toMatchObject({ state: 'dead', attempts: 3, last_error: 'Error: attempt 3 failed' });
    // Each failed attempt's writes were rolled back with it.
    expect(await effects('backoff')).toEqual([]);
    expect(deadCalls).toEqual(['backoff: Error: attempt 3 failed']);
    expect((await listDeadJobs(t.ctx)).map((d) => d.id)).toContain(id);
  });

  it('keeps the effect of the successful attempt exactly once after earlier failures', async () => {
    const job = effectJob('test.flaky', { failUntil: 1, backoffMs: 500 });
    await scheduleJob(t.ctx.db, job, { tag: 'flaky' }, { runAt: t.clock.now() });
    await runDueJobs(t.ctx, { jobs: [job], recurring: [] });
    t.clock.advance(500);
    await runDueJobs(t.ctx, { jobs: [job], recurring: [] });
    t.clock.advance(60_000);
    await runDueJobs(t.ctx, { jobs: [job], recurring: [] });
    expect(await effects('flaky')).toEqual([2]);
  });

  it('puts a dead job back in the queue on request', async () => {
    let isBroken = true;
    const job = defineJob({
      name: 'test.revive',
      payload: Payload,
      maxAttempts: 1,
      handle: async ({ tag }, { trx, job: info }) => {
        if (isBroken) throw new Error('downstream unavailable');
        await sql`INSERT INTO job_test_effects (tag, attempt) VALUES (${tag}, ${info.attempts})`.execute(trx!);
      },
    });
    const id = (await scheduleJob(t.ctx.db, job, { tag: 'revive' }, { runAt: t.clock.now() }))!;
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).dead).toBe(1);
    expect((await jobRow(id)).last_error).toBe('Error: downstream unavailable');
    isBroken = false;
    expect(await retryDeadJob(t.ctx, id)).toBe(true);
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).done).toBe(1);
    expect(await effects('revive')).toEqual([1]);
  });

  it('does not count a deferred run as a failed attempt', async () => {
    let calls = 0;
    const job = defineJob({
      name: 'test.deferred',
      payload: Payload,
      maxAttempts: 1,
      handle: async () => {
        calls += 1;
        if (calls === 1) throw new JobDeferred(30_000, 'rate limit');
      },
    });
    const id = (await scheduleJob(t.ctx.db, job, { tag: 'deferred' }, { runAt: t.clock.now() }))!;
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).deferred).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0 });
    t.clock.advance(30_000);
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [] })).done).toBe(1);
  });

  it('takes over a job whose worker died, and the dead worker can no longer complete it', async () => {
    const job = effectJob('test.lease');
    await scheduleJob(t.ctx.db, job, { tag: 'lease' }, { runAt: t.clock.now() });
    const names = [job.name];
    const [claimed] = await claimJobs(t.ctx.db, {
      names,
      workerId: 'A',
      now: t.clock.now(),
      leaseMs: 60_000,
      limit: 5,
    });
    expect(claimed).toBeDefined();
    // Within the lease nobody else gets it.
    expect(await claimJobs(t.ctx.db, { names, workerId: 'B', now: t.clock.now(), leaseMs: 60_000, limit: 5 })).toEqual(
      [],
    );
    t.clock.advance(60_001);
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [], workerId: 'B' })).done).toBe(1);
    // Worker A wakes up late: its lease is gone, nothing is written twice.
    expect(await runClaimedJob(t.ctx, job, claimed!, 'A')).toBe('lost');
    expect(await effects('lease')).toEqual([2]);
  });

  it('dead-letters a job whose workers keep dying on it instead of retrying it for ever', async () => {
    const job = effectJob('test.poison', { maxAttempts: 2 });
    const id = (await scheduleJob(t.ctx.db, job, { tag: 'poison' }, { runAt: t.clock.now() }))!;
    const names = [job.name];
    for (const workerId of ['A', 'B']) {
      expect(await claimJobs(t.ctx.db, { names, workerId, now: t.clock.now(), leaseMs: 1000, limit: 1 })).toHaveLength(
        1,
      );
      t.clock.advance(1001); // the worker died holding it
    }
    expect((await runDueJobs(t.ctx, { jobs: [job], recurring: [], workerId: 'C' })).dead).toBe(1);
    expect((await jobRow(id)).last_error).toMatch(/taken over 2 times/);
    expect(await effects('poison')).toEqual([]);
  });

  it('runs a recurring job once per slot, however many workers poll', async () => {
    let runs: string[] = [];
    const recurring = registerRecurring('test.sweep', { everyMs: 300_000 }, async ({ slot }) => {
      runs.push(slot.toISOString());
    });
    const start = new Date('2023-10-27T03:00:00Z');
    t.clock.set(new Date(start.getTime() + 10_000));
    const options = { jobs: [], recurring: [recurring] };
    await runDueJobs(t.ctx, { ...options, workerId: 'A' });
    await runDueJobs(t.ctx, { ...options, workerId: 'B' });
    t.clock.advance(120_000);
    await runDueJobs(t.ctx, { ...options, workerId: 'A' });
    expect(runs).toEqual([start.toISOString()]);
    runs = [];
    t.clock.advance(300_000);
    await Promise.all([
      runDueJobs(t.ctx, { ...options, workerId: 'A' }),
      runDueJobs(t.ctx, { ...options, workerId: 'B' }),
    ]);
    expect(runs).toEqual([new Date(start.getTime() + 300_000).toISOString()]);
  });
});
