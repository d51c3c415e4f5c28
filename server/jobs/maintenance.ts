import type { AppContext } from '../context.ts';
import type { JobState } from './tables.ts';
import { registerRecurring } from './recurring.ts';

const DAY_MS = 86_400_000;
/** Done jobs are kept a week for inspection and de-duplication, then purged; dead ones stay until handled. */
export const DONE_JOB_RETENTION_MS = 7 * DAY_MS;

// Daily at 03:00 Hanoi time (20:00 UTC): outside office hours.
export const purgeDoneJobs = registerRecurring(
  'jobs.purge-done',
  { everyMs: DAY_MS, offsetMs: 20 * 3_600_000 },
  async ({ trx, slot }) => {
    if (!trx) return;
    await trx
      .deleteFrom('jobs')
      .where('state', '=', 'done')
      .where('finished_at', '<', new Date(slot.getTime() - DONE_JOB_RETENTION_MS))
      .execute();
  },
);

export interface DeadJob {
  id: number;
  name: string;
  key: string | null;
  attempts: number;
  lastError: string | null;
  finishedAt: Date | null;
  payload: unknown;
}

/** The dead-letter list, newest first. */
export async function listDeadJobs(ctx: AppContext, limit = 100): Promise<DeadJob[]> {
  const rows = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'name', 'key', 'attempts', 'last_error', 'finished_at', 'payload'])
    .where('state', '=', 'dead')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    key: r.key,
    attempts: r.attempts,
    lastError: r.last_error,
    finishedAt: r.finished_at,
    payload: r.payload,
  }));
}

/** Puts a dead job back in the queue with fresh attempts (after the cause was fixed). */
export async function retryDeadJob(ctx: AppContext, id: number): Promise<boolean> {
  const queued: JobState = 'queued';
  const result = await ctx.db
    .updateTable('jobs')
    .set({ state: queued, attempts: 0, run_at: ctx.clock.now(), finished_at: null })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
