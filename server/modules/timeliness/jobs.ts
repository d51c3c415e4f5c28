import { registerRecurring } from '../../jobs/recurring.ts';
import { dispatchAlerts, runSweep } from './service.ts';

/**
 * The SLA watch every 5 minutes. 'at-least-once': the sweep reads calendars through ctx.db (on PGlite a
 * job transaction would hold the only connection), and it is idempotent by the alerts' primary key.
 */
export const timelinessSweep = registerRecurring(
  'timeliness.sweep',
  { everyMs: 5 * 60_000 },
  async ({ ctx }) => {
    await runSweep(ctx);
    await dispatchAlerts(ctx);
  },
  { mode: 'at-least-once' },
);

/**
 * Alerts left over by a sweep whose dispatch ran out of time (a first deployment over a large backlog)
 * are sent every minute; each batch commits its notifications and its "notified" mark together.
 */
export const timelinessDispatch = registerRecurring(
  'timeliness.dispatch',
  { everyMs: 60_000, offsetMs: 30_000 },
  async ({ ctx }) => {
    await dispatchAlerts(ctx);
  },
  { mode: 'at-least-once' },
);
