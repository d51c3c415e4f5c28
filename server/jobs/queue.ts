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
 * Reserves up to `limit` due jobs for one worker: running ones whose lease ran out (their worker died)
 * first, then queued ones whose run_at has come, oldest first. SKIP LOCKED lets competing workers take
 * disjoint sets without waiting; the two branches are separate statements so that each walks its own
 * partial index (an OR of both would scan the whole table).
 */
export async function claimJobs(
  db: Executor,
  input: { names: string[]; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  if (input.names.length === 0 || input.limit <= 0) return [];
  const leaseEnd = new Date(input.now.getTime() + input.leaseMs);
  const expired = await sql<ClaimedJob>`
    UPDATE jobs SET attempts = attempts + 1, locked_by = ${input.workerId}, locked_until = ${leaseEnd}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE state = 'running' AND locked_until < ${input.now} AND name = ANY(${input.names}::text[])
      ORDER BY locked_until
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, key, attempts, max_attempts, backoff_ms, run_at`.execute(db);
  const room = input.limit - expired.rows.length;
  const due =
    room <= 0
      ? { rows: [] }
      : await sql<ClaimedJob>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${input.workerId},
      locked_until = ${leaseEnd}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE state = 'queued' AND run_at <= ${input.now} AND name = ANY(${input.names}::text[])
      ORDER BY run_at, id
      LIMIT ${room}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, key, attempts, max_attempts, backoff_ms, run_at`.execute(db);
  return [...expired.rows, ...due.rows].map((r) => ({ ...r, id: Number(r.id) }));
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
