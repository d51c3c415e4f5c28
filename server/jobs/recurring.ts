import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { defineJob, type JobDefinition, type JobMode, type JobRun } from './define.ts';
import { scheduleJob } from './queue.ts';

/**
 * Recurring jobs as fixed time slots: every `everyMs`, shifted by `offsetMs` from the Unix epoch (UTC).
 * Each slot becomes one ordinary job keyed by the slot's instant, so however many workers tick, a slot
 * runs once; a slot missed while every worker was down is not replayed, the next one runs.
 * Example: daily at 07:00 Hanoi time = every 24 h, offset 0 h (07:00 UTC+7 is 00:00 UTC).
 */
export interface RecurringSchedule {
  everyMs: number;
  offsetMs?: number;
}

export const RecurringPayload = z.object({ slot: z.iso.datetime() });

export interface RecurringJob {
  job: JobDefinition<typeof RecurringPayload>;
  everyMs: number;
  offsetMs: number;
}

export interface RecurringOptions {
  mode?: JobMode;
  maxAttempts?: number;
  backoffMs?: number;
}

const recurring = new Map<string, RecurringJob>();

/** Registers a job that runs once per slot; the handler gets the slot's start (its "as of" time). */
export function registerRecurring(
  name: string,
  schedule: RecurringSchedule,
  handler: (run: JobRun & { slot: Date }) => Promise<void>,
  options: RecurringOptions = {},
): RecurringJob {
  if (!(schedule.everyMs >= 1000)) throw new Error(`Recurring job "${name}": everyMs must be ≥ 1000`);
  const job = defineJob({
    name,
    payload: RecurringPayload,
    ...options,
    handle: (payload, run) => handler({ ...run, slot: new Date(payload.slot) }),
  });
  const entry: RecurringJob = { job, everyMs: schedule.everyMs, offsetMs: schedule.offsetMs ?? 0 };
  recurring.set(name, entry);
  return entry;
}

export function registeredRecurring(): RecurringJob[] {
  return [...recurring.values()];
}

/** The start of the slot that contains `now`. */
export function currentSlot(now: Date, everyMs: number, offsetMs: number): Date {
  const t = now.getTime() - offsetMs;
  return new Date(Math.floor(t / everyMs) * everyMs + offsetMs);
}

/**
 * Creates the job of the current slot of each recurring definition (idempotent through the job key).
 * `seen` remembers the slots this worker already created so an idle worker does not insert every poll.
 */
export async function enqueueRecurringSlots(
  ctx: AppContext,
  entries: RecurringJob[],
  seen: Map<string, number>,
): Promise<number> {
  let created = 0;
  const now = ctx.clock.now();
  for (const entry of entries) {
    const slot = currentSlot(now, entry.everyMs, entry.offsetMs);
    if (seen.get(entry.job.name) === slot.getTime()) continue;
    const id = await scheduleJob(
      ctx.db,
      entry.job,
      { slot: slot.toISOString() },
      { runAt: slot, key: slot.toISOString() },
    );
    if (id !== undefined) created += 1;
    seen.set(entry.job.name, slot.getTime());
  }
  return created;
}
