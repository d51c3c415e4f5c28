import { registerRecurring } from '../../jobs/recurring.ts';
import { sealAuditLog } from './service.ts';

// Rows sealed per transaction: small enough that a seal never holds PGlite's one connection (or a server
// connection) for long while requests wait; the run goes on batch after batch until it has caught up.
const ROWS_PER_TRANSACTION = 500;
const MAX_ROWS_PER_RUN = 100_000;

/**
 * Every 5 seconds, the rows appended since are linked into their hash chains (ADR 0016). Any number of
 * workers may tick: each slot runs once, and the sealer's own lock keeps runs from overlapping. Sealing is
 * its own idempotent work (a cursor), so it runs outside the job's transaction, in short transactions of its own.
 */
export const auditSeal = registerRecurring(
  'audit.seal',
  { everyMs: 5_000 },
  async ({ ctx }) => {
    for (let sealed = 0; sealed < MAX_ROWS_PER_RUN;) {
      const run = await sealAuditLog(ctx.db, { batchSize: ROWS_PER_TRANSACTION, maxRows: ROWS_PER_TRANSACTION });
      sealed += run.sealed;
      if (!run.ran || run.sealed < ROWS_PER_TRANSACTION) break;
    }
  },
  { mode: 'at-least-once' },
);
