import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../context.ts';
import { productionJobs, productionRecurring } from './catalogue.ts';
import type { JobDefinition } from './define.ts';
import { claimJobs, type ClaimedJob } from './queue.ts';
import { enqueueRecurringSlots, type RecurringJob } from './recurring.ts';
import { runClaimedJob, type JobOutcome } from './run-job.ts';

export interface WorkerOptions {
  /** Jobs this worker runs (default: every job of the product, server/jobs/catalogue.ts). */
  jobs?: JobDefinition[];
  recurring?: RecurringJob[];
  concurrency?: number;
  batchSize?: number;
  pollMs?: number;
  /** Overrides the definitions' lease (tests of crash recovery use a short one). */
  leaseMs?: number;
  workerId?: string;
}

export interface Worker {
  readonly id: string;
  /** Stops claiming, lets the jobs in hand finish, then resolves (graceful shutdown). */
  stop(): Promise<void>;
}

export type OutcomeCounts = Record<JobOutcome, number>;

interface Resolved {
  byName: Map<string, JobDefinition>;
  names: string[];
  recurring: RecurringJob[];
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  workerId: string;
}

function resolve(ctx: AppContext, options: WorkerOptions): Resolved {
  const recurring = options.recurring ?? productionRecurring();
  const jobs = [...(options.jobs ?? productionJobs()), ...recurring.map((r) => r.job)];
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const concurrency = options.concurrency ?? ctx.config.WORKER_CONCURRENCY;
  return {
    byName,
    names: [...byName.keys()],
    recurring,
    concurrency,
    batchSize: options.batchSize ?? concurrency * 4,
    leaseMs: options.leaseMs ?? Math.max(60_000, ...jobs.map((j) => j.leaseMs)),
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
  };
}

/** Claims one batch and runs it with bounded concurrency; returns how many jobs were claimed. */
async function runBatch(ctx: AppContext, r: Resolved, counts: OutcomeCounts, seen: Map<string, number>) {
  await enqueueRecurringSlots(ctx, r.recurring, seen);
  const claimed = await claimJobs(ctx.db, {
    names: r.names,
    workerId: r.workerId,
    now: ctx.clock.now(),
    leaseMs: r.leaseMs,
    limit: r.batchSize,
  });
  let next = 0;
  const lane = async () => {
    for (let job: ClaimedJob | undefined; (job = claimed[next++]);) {
      const definition = r.byName.get(job.name);
      if (!definition) continue; // cannot happen: we only claim names we know
      counts[await runClaimedJob(ctx, definition, job, r.workerId)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(r.concurrency, claimed.length) }, lane));
  return claimed.length;
}

function emptyCounts(): OutcomeCounts {
  return { done: 0, retry: 0, dead: 0, deferred: 0, lost: 0 };
}

/**
 * Runs every job that is due at `ctx.clock.now()` until none is left, then returns. Tests move the
 * clock and call this; the SLA sweeps can be exercised the same way.
 */
export async function runDueJobs(ctx: AppContext, options: WorkerOptions = {}): Promise<OutcomeCounts> {
  const r = resolve(ctx, options);
  const counts = emptyCounts();
  const seen = new Map<string, number>();
  for (let round = 0; round < 10_000; round++) {
    if ((await runBatch(ctx, r, counts, seen)) === 0) break;
  }
  return counts;
}

/** Starts the polling loop: `node server/main.ts worker`, or in-process with `http` when RUN_WORKER. */
export function startWorker(ctx: AppContext, options: WorkerOptions = {}): Worker {
  const r = resolve(ctx, options);
  const pollMs = options.pollMs ?? ctx.config.JOBS_POLL_MS;
  const counts = emptyCounts();
  const seen = new Map<string, number>();
  const idle = new AbortController();
  let stopping = false;
  const loop = (async () => {
    ctx.log.info({ workerId: r.workerId, jobs: r.names.length, concurrency: r.concurrency }, 'worker started');
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = await runBatch(ctx, r, counts, seen);
      } catch (error) {
        // The database may be restarting: log and keep polling rather than crash the process.
        ctx.log.error({ workerId: r.workerId, error: (error as Error).message }, 'worker poll failed');
      }
      if (claimed < r.batchSize && !stopping) {
        await sleep(pollMs, undefined, { signal: idle.signal }).catch(() => undefined);
      }
    }
    ctx.log.info({ workerId: r.workerId, ...counts }, 'worker stopped');
  })();
  return {
    id: r.workerId,
    stop: async () => {
      stopping = true;
      idle.abort();
      await loop;
    },
  };
}
