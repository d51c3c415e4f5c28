import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Runs fn in a transaction, or inside the caller's when `ctx.db` already is one (the dossier module
 * creates a fee intent inside its own transaction: `createPaymentIntent({ ...ctx, db: trx }, …)`).
 */
export async function inTransaction<T>(ctx: AppContext, fn: (tctx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx: Transaction<DB>) => fn({ ...ctx, db: trx }));
}
