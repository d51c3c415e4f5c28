// The job queue in one process: scheduling rate inside one transaction, and draining due jobs (each a
// transaction with one effect row) while 200,000 future jobs (SLA reminders, say) sit in the table.
// Baseline in the same run: plain one-row INSERT transactions, to read the figures against machine load.
// Run: node_modules/.bin/node bench/jobs.bench.ts
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/jobs.bench.ts
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../server/jobs/define.ts';
import { scheduleJob } from '../server/jobs/queue.ts';
import { runDueJobs } from '../server/jobs/worker.ts';
import { createTestContext } from '../test/helpers/job-context.ts';

const t = await createTestContext({}, new Date());
const isServer = t.ctx.dbKind === 'postgres';
const DUE = isServer ? 10_000 : 3_000;
const FUTURE = 200_000;
await t.database.exec('CREATE TABLE bench_effects (seq integer NOT NULL)');

const job = defineJob({
  name: 'bench.effect',
  payload: z.object({ seq: z.number().int() }),
  handle: async ({ seq }, { trx }) => {
    await sql`INSERT INTO bench_effects (seq) VALUES (${seq})`.execute(trx!);
  },
});

// Baseline: one-row INSERT transactions, 4 at a time on the server (like the worker's lanes).
const lanes = isServer ? 4 : 1;
const baseN = isServer ? 2_000 : 1_000;
let b = 0;
const b0 = performance.now();
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (b < baseN) {
      const seq = -++b;
      await t.ctx.db.transaction().execute((trx) => sql`INSERT INTO bench_effects (seq) VALUES (${seq})`.execute(trx));
    }
  }),
);
const baseline = baseN / ((performance.now() - b0) / 1000);

await sql`
  INSERT INTO jobs (name, payload, key, run_at)
  SELECT 'bench.effect', jsonb_build_object('seq', g), 'future-' || g, now() + interval '1 day' + g * interval '1 second'
  FROM generate_series(1, ${FUTURE}::int) AS g`.execute(t.ctx.db);
await sql`ANALYZE jobs`.execute(t.ctx.db);

const s0 = performance.now();
await t.ctx.db.transaction().execute(async (trx) => {
  for (let seq = 1; seq <= DUE; seq++)
    await scheduleJob(trx, job, { seq }, { runAt: t.clock.now(), key: `due-${seq}` });
});
const scheduled = DUE / ((performance.now() - s0) / 1000);

const d0 = performance.now();
const counts = await runDueJobs(t.ctx, { jobs: [job], recurring: [], concurrency: lanes });
const drained = DUE / ((performance.now() - d0) / 1000);
const effects = Number(
  (await sql<{ n: number }>`SELECT count(DISTINCT seq) AS n FROM bench_effects WHERE seq > 0`.execute(t.ctx.db)).rows[0]
    ?.n,
);
if (counts.done !== DUE || effects !== DUE) throw new Error(`expected ${DUE} done, got ${JSON.stringify(counts)}`);

const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(
  `${t.ctx.dbKind}: schedule ${Math.round(scheduled)} jobs/s (one transaction); drain ${Math.round(drained)} jobs/s ` +
    `with ${lanes} lane(s), ${FUTURE.toLocaleString('en')} future jobs in the table; baseline ${Math.round(baseline)} ` +
    `one-row transactions/s; load average ${load}`,
);
// Dropping the benchmark database can reach a pooled connection that is still closing (57P01): harmless here.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code !== '57P01') throw error;
});
await t.close();
