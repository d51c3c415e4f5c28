import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/job-context.ts';

// Real competing processes need a PostgreSQL server: PGlite is one process per database (PLATFORM.md fact 3).
const serverUrl = process.env['DATABASE_URL'];
const isServer = !!serverUrl && /^postgres(ql)?:\/\//.test(serverUrl);
const SCRIPT = new URL('../../test/helpers/job-worker-process.ts', import.meta.url).pathname;

let t: TestContext;
let databaseUrl: string;

async function startWorkerProcess(name: string, leaseMs?: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SCRIPT, databaseUrl, name, ...(leaseMs ? [String(leaseMs)] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code}`)));
  });
  return child;
}

function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

async function queueEffectJobs(count: number, from: number): Promise<void> {
  await sql`
    INSERT INTO jobs (name, payload, key, run_at)
    SELECT 'test.effect', jsonb_build_object('seq', g), 'seq-' || g, now() - interval '1 second'
    FROM generate_series(${from}::int, ${from + count - 1}::int) AS g`.execute(t.ctx.db);
}

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(t.ctx.db)).rows[0]?.n ?? 0);
}

async function waitUntilDone(total: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await count(sql`SELECT count(*) AS n FROM jobs WHERE name = 'test.effect' AND state = 'done'`)) >= total)
      return;
    await sleep(100);
  }
  throw new Error('the workers did not finish in time');
}

describe.skipIf(!isServer)('two worker processes on the PostgreSQL server', () => {
  beforeAll(async () => {
    t = await createTestContext();
    const name = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.ctx.db)).rows[0]!.db;
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    await t.database.exec('CREATE TABLE job_test_effects (seq integer NOT NULL, worker text NOT NULL)');
  });
  afterAll(async () => t?.close());

  it('process 10,000 jobs with none lost and none run twice', { timeout: 240_000 }, async () => {
    await queueEffectJobs(10_000, 1);
    const started = performance.now();
    const workers = await Promise.all([startWorkerProcess('w1'), startWorkerProcess('w2')]);
    await waitUntilDone(10_000, 200_000);
    const seconds = (performance.now() - started) / 1000;
    expect(await Promise.all(workers.map((w) => stopWorkerProcess(w)))).toEqual([0, 0]);

    const effects = await sql<{ total: number; distinct: number; w1: number; w2: number; retried: number }>`
      SELECT count(*)::int AS total, count(DISTINCT seq)::int AS distinct,
        count(*) FILTER (WHERE worker = 'w1')::int AS w1, count(*) FILTER (WHERE worker = 'w2')::int AS w2,
        (SELECT count(*)::int FROM jobs WHERE name = 'test.effect' AND attempts <> 1) AS retried
      FROM job_test_effects WHERE seq <= 10000`.execute(t.ctx.db);
    const e = effects.rows[0]!;
    expect(e).toMatchObject({ total: 10_000, distinct: 10_000, retried: 0 });
    // Both processes really competed for the same queue.
    expect(e.w1).toBeGreaterThan(500);
    expect(e.w2).toBeGreaterThan(500);
    process.stdout.write(
      `two workers: 10,000 jobs in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} jobs/s; w1 ${e.w1}, w2 ${e.w2})\n`,
    );
  });

  it('finishes the jobs of a worker killed mid-run, still exactly once each', { timeout: 120_000 }, async () => {
    await queueEffectJobs(2_000, 20_001);
    const leaseMs = 2_000;
    const [victim, survivor] = await Promise.all([
      startWorkerProcess('k1', leaseMs),
      startWorkerProcess('k2', leaseMs),
    ]);
    while ((await count(sql`SELECT count(*) AS n FROM job_test_effects WHERE seq > 20000`)) < 400) await sleep(20);
    await stopWorkerProcess(victim, 'SIGKILL');
    await waitUntilDone(12_000, 60_000);
    expect(await stopWorkerProcess(survivor)).toBe(0);

    const effects = await sql<{ total: number; distinct: number; taken: number }>`
      SELECT count(*)::int AS total, count(DISTINCT seq)::int AS distinct,
        (SELECT count(*)::int FROM jobs WHERE name = 'test.effect' AND attempts > 1) AS taken
      FROM job_test_effects WHERE seq > 20000`.execute(t.ctx.db);
    expect(effects.rows[0]).toMatchObject({ total: 2_000, distinct: 2_000 });
    process.stdout.write(`killed worker: ${effects.rows[0]!.taken} jobs taken over after its lease ran out\n`);
  });
});
