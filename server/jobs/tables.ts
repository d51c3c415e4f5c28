import type { ColumnType, Generated } from 'kysely';

/** Kysely row types for the job queue (migrations/0040_jobs.sql). */
export type JobState = 'queued' | 'running' | 'done' | 'dead';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: ColumnType<unknown, string, string>;
  key: string | null;
  state: Generated<JobState>;
  run_at: Date;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  backoff_ms: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Date | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface JobsTables {
  jobs: JobsTable;
}
