import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { findJobDefinition, type JobDefinition } from './define.ts';
import type { JobState } from './tables.ts';

/** Either the database or a transaction: scheduling inside the caller's transaction is the point. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface ScheduleOptions {
  /** When the job becomes due (from `ctx.clock.now()`, never the wall clock). */
  runAt: Date;
  /** De-duplication key: a second job with the same name and key is silently not created. */
  key?: string;
  maxAttempts?: number;
  backoffMs?: number;
}

/**
 * Schedules a job in the caller's transaction: it exists if and only if the caller commits (the outbox
 * pattern). Returns the new job id, or undefined when a job with the same name and key already exists.
 */
export async function scheduleJob<S extends z.ZodType>(
  db: Executor,
  job: JobDefinition<S> | string,
  payload: z.input<S>,
  options: ScheduleOptions,
): Promise<number | undefined> {
  const definition = typeof job === 'string' ? findJobDefinition(job) : job;
  const name = typeof job === 'string' ? job : job.name;
  // Validate at the edge so a bad payload fails the caller, not a worker hours later.
  const parsed: unknown = definition ? definition.payload.parse(payload) : payload;
  const row = await db
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(parsed ?? {}),
      key: options.key ?? null,
      run_at: options.runAt,
      ...(options.maxAttempts !== undefined || definition
        ? { max_attempts: options.maxAttempts ?? definition?.maxAttempts ?? 5 }
        : {}),
      ...(options.backoffMs !== undefined || definition
        ? { backoff_ms: options.backoffMs ?? definition?.backoffMs ?? 10_000 }
        : {}),
    })
    .onConflict((oc) => oc.columns(['name', 'key']).where('key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  key: string | null;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  run_at: Date;
}

/**
 * Reserves up to `limit` due jobs for one worker: queued ones whose run_at has come, and running ones
 * whose lease ran out (their worker died). SKIP LOCKED lets competing workers take disjoint sets.
 */
export async function claimJobs(
  db: Executor,
  input: { names: string[]; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  if (input.names.length === 0) return [];
  const leaseEnd = new Date(input.now.getTime() + input.leaseMs);
  const result = await sql<ClaimedJob>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${input.workerId},
      locked_until = ${leaseEnd}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE name = ANY(${input.names}::text[])
        AND ((state = 'queued' AND run_at <= ${input.now}) OR (state = 'running' AND locked_until < ${input.now}))
      ORDER BY run_at, id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, key, attempts, max_attempts, backoff_ms, run_at`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Locks a claimed job inside the handler's transaction; false when another worker has taken it over. */
export async function lockClaimedJob(trx: Executor, job: ClaimedJob, workerId: string): Promise<boolean> {
  const result = await sql`
    SELECT id FROM jobs WHERE id = ${job.id} AND state = 'running' AND locked_by = ${workerId}
      AND attempts = ${job.attempts}
    FOR UPDATE SKIP LOCKED`.execute(trx);
  return result.rows.length === 1;
}

/** Marks a claimed job done; false when the lease was lost meanwhile. */
export async function completeJob(db: Executor, job: ClaimedJob, workerId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: now, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt: back to the queue at `retryAt`, or to the dead-letter list with the error
 * once the attempts are used up. Returns the new state (undefined when the lease was lost).
 */
export async function failJob(
  db: Executor,
  job: ClaimedJob,
  input: { workerId: string; now: Date; retryAt: Date; error: string },
): Promise<JobState | undefined> {
  const isDead = job.attempts >= job.max_attempts;
  const result = await db
    .updateTable('jobs')
    .set({
      state: isDead ? 'dead' : 'queued',
      run_at: isDead ? job.run_at : input.retryAt,
      last_error: input.error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      finished_at: isDead ? input.now : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', input.workerId)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return isDead ? 'dead' : 'queued';
}

/** Puts a claimed job back for later without counting the attempt (JobDeferred). */
export async function deferJob(db: Executor, job: ClaimedJob, workerId: string, runAt: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'queued', run_at: runAt, attempts: job.attempts - 1, locked_by: null, locked_until: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('attempts', '=', job.attempts)
    .execute();
}
