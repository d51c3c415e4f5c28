import { registerRecurring } from '../../jobs/recurring.ts';
import { sealAuditLog } from './service.ts';

/**
 * Every 5 seconds, the rows appended since are linked into their hash chains (ADR 0016). Any number of
 * workers may tick: each slot runs once, and the sealer's own lock keeps a slow run from overlapping.
 */
export const auditSeal = registerRecurring('audit.seal', { everyMs: 5_000 }, async ({ ctx, trx }) => {
  await sealAuditLog(trx ?? ctx.db);
});
