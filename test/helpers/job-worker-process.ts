/**
 * A worker process for the multi-process queue tests: `node test/helpers/job-worker-process.ts <url> <name>
 * [leaseMs]`. It runs the real worker loop on one test job whose effect is a row in job_test_effects.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { z } from 'zod';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/client.ts';
import { defineJob } from '../../server/jobs/define.ts';
import { startWorker } from '../../server/jobs/worker.ts';
import { systemClock } from '../../server/lib/clock.ts';

const [url, name = 'worker', leaseArg] = process.argv.slice(2);
if (!url) throw new Error('usage: job-worker-process.ts <DATABASE_URL> <name> [leaseMs]');

const database = await openDatabase(url, '');
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
const ctx = { db: database.db, dbKind: database.kind, config, clock: systemClock, log: pino({ level: 'warn' }) };

const effectJob = defineJob({
  name: 'test.effect',
  payload: z.object({ seq: z.number().int() }),
  handle: async ({ seq }, { trx }) => {
    await sql`INSERT INTO job_test_effects (seq, worker) VALUES (${seq}, ${name})`.execute(trx!);
  },
});

const worker = startWorker(ctx, {
  jobs: [effectJob],
  recurring: [],
  concurrency: 4,
  pollMs: 50,
  workerId: name,
  ...(leaseArg ? { leaseMs: Number(leaseArg) } : {}),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
