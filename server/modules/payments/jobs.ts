import { registerRecurring } from '../../jobs/recurring.ts';
import { executeRefund } from './refunds.ts';
import { expireOverdueIntents } from './service.ts';

// Every minute: open intents past their deadline expire (each move is a compare-and-set, so several
// workers at once are harmless; the subject learns of it, e.g. an O2O order releases its stock).
export const expireIntentsJob = registerRecurring(
  'payments.expire-intents',
  { everyMs: 60_000 },
  async ({ ctx }) => {
    await expireOverdueIntents(ctx);
  },
  { mode: 'at-least-once' },
);

// Every ten minutes: ask the gateway again for refunds still REQUESTED (a timeout or an outage
// left them there). Gateways without a refund API answer "manual" and nothing changes.
export const retryRefundsJob = registerRecurring(
  'payments.retry-refunds',
  { everyMs: 600_000 },
  async ({ ctx }) => {
    const pending = await ctx.db
      .selectFrom('payment_refunds')
      .select('id')
      .where('state', '=', 'REQUESTED')
      .where('provider', '=', 'vnpay')
      .orderBy('created_at')
      .limit(100)
      .execute();
    for (const r of pending) await executeRefund(ctx, r.id);
  },
  { mode: 'at-least-once' },
);
