import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';

/**
 * How a job's handler runs (ADR 0003):
 * - 'transaction': inside one transaction that also marks the job done, so its database effect happens
 *   exactly once even with several workers, retries and crashes. Use `trx` only, never `ctx.db`
 *   (on PGlite the single connection is held by `trx`, so `ctx.db` would wait for ever).
 * - 'at-least-once': outside any transaction, for network I/O (SMTP, SMS gateways). The handler must be
 *   idempotent (check its own "already sent" state first); a crash between the send and the completion
 *   makes it run again.
 */
export type JobMode = 'transaction' | 'at-least-once';

export interface JobInfo {
  id: number;
  name: string;
  key: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

export interface JobRun {
  ctx: AppContext;
  job: JobInfo;
  /** Present in 'transaction' mode: the transaction that also completes the job. */
  trx: Transaction<DB> | undefined;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: S;
  readonly mode: JobMode;
  readonly maxAttempts: number;
  /** First retry delay; doubles with each attempt (capped by maxBackoffMs). */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** How long a claimed job stays reserved for its worker before another may take it over. */
  readonly leaseMs: number;
  handle(payload: z.infer<S>, run: JobRun): Promise<void>;
  /** Called once when the job is moved to the dead-letter list, e.g. to mark a notification failed. */
  onDead?(payload: z.infer<S>, error: string, ctx: AppContext): Promise<void>;
}

export interface DefineJobInput<S extends z.ZodType> {
  name: string;
  payload: S;
  mode?: JobMode;
  maxAttempts?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  leaseMs?: number;
  handle(payload: z.infer<S>, run: JobRun): Promise<void>;
  onDead?(payload: z.infer<S>, error: string, ctx: AppContext): Promise<void>;
}

const registry = new Map<string, JobDefinition>();

/** Declares a job by name with a zod-validated payload and registers it for the workers of this process. */
export function defineJob<S extends z.ZodType>(input: DefineJobInput<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9_.-]{1,80}$/.test(input.name)) throw new Error(`Bad job name "${input.name}"`);
  const definition: JobDefinition<S> = {
    mode: 'transaction',
    maxAttempts: 5,
    backoffMs: 10_000,
    maxBackoffMs: 3_600_000,
    leaseMs: 300_000,
    ...input,
  };
  // A later definition of the same name replaces the earlier one (tests define throwaway jobs).
  registry.set(input.name, definition);
  return definition;
}

export function findJobDefinition(name: string): JobDefinition | undefined {
  return registry.get(name);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}

/** Thrown by a handler to try again later without counting a failed attempt (e.g. a rate limit). */
export class JobDeferred extends Error {
  readonly delayMs: number;
  constructor(delayMs: number, reason: string) {
    super(reason);
    this.name = 'JobDeferred';
    this.delayMs = delayMs;
  }
}

/** Retry delay after `attempts` failed attempts: backoff × 2^(attempts−1), capped. */
export function retryDelayMs(definition: Pick<JobDefinition, 'backoffMs' | 'maxBackoffMs'>, attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(definition.backoffMs * 2 ** exponent, definition.maxBackoffMs);
}
