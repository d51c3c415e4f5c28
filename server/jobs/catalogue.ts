import { registeredJobs, type JobDefinition } from './define.ts';
import { registeredRecurring, type RecurringJob } from './recurring.ts';
// Registration point, one line per module that defines jobs (importing registers them):
import './maintenance.ts';
import '../modules/audit/jobs.ts';
import '../modules/notifications/jobs.ts';
import '../modules/payments/jobs.ts';
import '../modules/timeliness/jobs.ts';

/** Every job the product defines: what `startWorker(ctx)` runs by default. */
export function productionJobs(): JobDefinition[] {
  return registeredJobs();
}

export function productionRecurring(): RecurringJob[] {
  return registeredRecurring();
}
