import type { AppContext } from '../context.ts';
import { JobDeferred, retryDelayMs, type JobDefinition, type JobInfo } from './define.ts';
import { completeJob, deferJob, failJob, type ClaimedJob } from './queue.ts';

export type JobOutcome = 'done' | 'retry' | 'dead' | 'deferred' | 'lost';

class LostLease extends Error {}

/**
 * Runs one claimed job and records the outcome. Never throws: a failure becomes a retry with exponential
 * backoff or, after the last attempt, a dead letter carrying the error.
 */
export async function runClaimedJob(
  ctx: AppContext,
  definition: JobDefinition,
  job: ClaimedJob,
  workerId: string,
): Promise<JobOutcome> {
  const info: JobInfo = {
    id: job.id,
    name: job.name,
    key: job.key,
    attempts: job.attempts,
    maxAttempts: job.max_attempts,
    runAt: job.run_at,
  };
  if (job.attempts > job.max_attempts) {
    // Only lease take-overs get here: the worker keeps dying on this job, or the handler outlives its lease.
    const error = new Error(`taken over ${job.attempts - 1} times: its worker died or it outlived its lease`);
    return recordFailure(ctx, definition, job, workerId, error);
  }
  try {
    const payload: unknown = definition.payload.parse(job.payload);
    if (definition.mode === 'transaction') {
      await ctx.db.transaction().execute(async (trx) => {
        // Exactly-once effect: the job turns 'done' in the same commit as the handler's writes, and the row
        // lock taken by this first UPDATE makes a competing claim skip the job until then. The UPDATE waits
        // for a lock held elsewhere (PostgreSQL keeps locks on rows a FOR UPDATE re-check rejected, and a
        // worker that took the job over holds it until it commits), then re-checks ownership.
        if (!(await completeJob(trx, job, workerId, ctx.clock.now()))) throw new LostLease();
        await definition.handle(payload, { ctx, job: info, trx });
      });
      return 'done';
    }
    await definition.handle(payload, { ctx, job: info, trx: undefined });
    if (!(await completeJob(ctx.db, job, workerId, ctx.clock.now()))) {
      ctx.log.warn({ jobId: job.id, job: job.name }, 'job lease lost before completion; it may run again');
      return 'lost';
    }
    return 'done';
  } catch (error) {
    return recordFailure(ctx, definition, job, workerId, error);
  }
}

async function recordFailure(
  ctx: AppContext,
  definition: JobDefinition,
  job: ClaimedJob,
  workerId: string,
  error: unknown,
): Promise<JobOutcome> {
  if (error instanceof LostLease) {
    ctx.log.warn({ jobId: job.id, job: job.name }, 'job taken over by another worker; skipped');
    return 'lost';
  }
  const now = ctx.clock.now();
  if (error instanceof JobDeferred) {
    await deferJob(ctx.db, job, workerId, new Date(now.getTime() + error.delayMs));
    ctx.log.debug({ jobId: job.id, job: job.name, delayMs: error.delayMs, reason: error.message }, 'job deferred');
    return 'deferred';
  }
  const message = describeError(error);
  const retryAt = new Date(now.getTime() + retryDelayMs({ ...definition, backoffMs: job.backoff_ms }, job.attempts));
  const state = await failJob(ctx.db, job, { workerId, now, retryAt, error: message });
  if (state === undefined) return 'lost';
  if (state === 'dead') {
    ctx.log.error({ jobId: job.id, job: job.name, attempts: job.attempts, error: message }, 'job dead-lettered');
    if (definition.onDead) {
      try {
        await definition.onDead(definition.payload.parse(job.payload), message, ctx);
      } catch (hookError) {
        ctx.log.error({ jobId: job.id, error: describeError(hookError) }, 'dead-letter hook failed');
      }
    }
    return 'dead';
  }
  ctx.log.warn({ jobId: job.id, job: job.name, attempts: job.attempts, retryAt, error: message }, 'job failed');
  return 'retry';
}

/** The stored and logged error text. Handlers must not put personal data in error messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
