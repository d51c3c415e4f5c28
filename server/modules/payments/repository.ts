import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type {
  CreditStatus,
  IntentState,
  PaymentCreditsTable,
  PaymentIntentsTable,
  PaymentNotificationsTable,
  PaymentRefundsTable,
  RefundState,
} from './tables.ts';

export type IntentRow = Selectable<PaymentIntentsTable>;
export type CreditRow = Selectable<PaymentCreditsTable>;
export type RefundRow = Selectable<PaymentRefundsTable>;

const OPEN: IntentState[] = ['CREATED', 'PENDING'];

export async function insertIntent(db: Database, row: Insertable<PaymentIntentsTable>): Promise<IntentRow> {
  return db.insertInto('payment_intents').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findIntentById(db: Database, id: string): Promise<IntentRow | undefined> {
  return db.selectFrom('payment_intents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIntentByReference(db: Database, reference: string): Promise<IntentRow | undefined> {
  return db.selectFrom('payment_intents').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function findIntentByOrderCode(db: Database, orderCode: number): Promise<IntentRow | undefined> {
  return db.selectFrom('payment_intents').selectAll().where('order_code', '=', orderCode).executeTakeFirst();
}

/** Bank-transfer content: the newest intent whose reference appears in the (normalised) text. */
export async function findIntentInText(db: Database, text: string): Promise<IntentRow | undefined> {
  return db
    .selectFrom('payment_intents')
    .selectAll()
    .where(sql<boolean>`strpos(${text}, reference) > 0`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findIntentsBySubject(db: Database, type: string, id: string): Promise<IntentRow[]> {
  return db
    .selectFrom('payment_intents')
    .selectAll()
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .orderBy('created_at')
    .execute();
}

/**
 * Compare-and-set: moves an open intent only if nobody moved it since we read `version`.
 * Returns the new row, or undefined when someone else won (the caller re-reads and decides again).
 */
export async function transitionIntent(
  db: Database,
  id: string,
  version: number,
  to: IntentState,
  changes: Partial<Pick<IntentRow, 'provider' | 'provider_payment_id' | 'checkout_url' | 'credit_id' | 'paid_at'>>,
  now: Date,
): Promise<IntentRow | undefined> {
  return db
    .updateTable('payment_intents')
    .set({ ...changes, state: to, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', 'in', OPEN)
    .returningAll()
    .executeTakeFirst();
}

export async function findOverdueIntents(db: Database, now: Date, limit: number): Promise<IntentRow[]> {
  return db
    .selectFrom('payment_intents')
    .selectAll()
    .where('state', 'in', OPEN)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

export async function insertNotification(db: Database, row: Insertable<PaymentNotificationsTable>): Promise<string> {
  const r = await db.insertInto('payment_notifications').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function finishNotification(
  db: Database,
  id: string,
  changes: Pick<Selectable<PaymentNotificationsTable>, 'verification' | 'outcome' | 'processed_at'> &
    Partial<Pick<Selectable<PaymentNotificationsTable>, 'intent_id' | 'credit_id' | 'error'>>,
): Promise<void> {
  await db.updateTable('payment_notifications').set(changes).where('id', '=', id).execute();
}

/** Inserts the credit unless (provider, transaction id) exists: the exactly-once gate. */
export async function insertCreditIfNew(
  db: Database,
  row: Insertable<PaymentCreditsTable>,
): Promise<CreditRow | undefined> {
  return db
    .insertInto('payment_credits')
    .values(row)
    .onConflict((oc) => oc.columns(['provider', 'provider_transaction_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findCredit(
  db: Database,
  provider: string,
  transactionId: string,
): Promise<CreditRow | undefined> {
  return db
    .selectFrom('payment_credits')
    .selectAll()
    .where('provider', '=', provider)
    .where('provider_transaction_id', '=', transactionId)
    .executeTakeFirst();
}

/** Reads a credit and locks its row until the transaction ends (refunds of the same money queue). */
export async function lockCredit(db: Database, id: string): Promise<CreditRow | undefined> {
  return db.selectFrom('payment_credits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Money that needs a person: flagged for refund, or matched to no intent. */
export async function findFlaggedCredits(db: Database, limit: number): Promise<CreditRow[]> {
  return db
    .selectFrom('payment_credits')
    .selectAll()
    .where((eb) => eb.or([eb('needs_refund', '=', true), eb('status', '=', 'UNMATCHED')]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findCreditById(db: Database, id: string): Promise<CreditRow | undefined> {
  return db.selectFrom('payment_credits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setCreditStatus(
  db: Database,
  id: string,
  status: CreditStatus,
  needsRefund: boolean,
  intentId: string | null,
): Promise<void> {
  await db
    .updateTable('payment_credits')
    .set({ status, needs_refund: needsRefund, intent_id: intentId })
    .where('id', '=', id)
    .execute();
}

export async function clearRefundFlag(db: Database, creditId: string): Promise<void> {
  await db.updateTable('payment_credits').set({ needs_refund: false }).where('id', '=', creditId).execute();
}

export async function findCreditsOfIntent(db: Database, intentId: string): Promise<CreditRow[]> {
  return db.selectFrom('payment_credits').selectAll().where('intent_id', '=', intentId).orderBy('created_at').execute();
}

export async function findCreditsInPeriod(db: Database, provider: string, from: Date, to: Date): Promise<CreditRow[]> {
  return db
    .selectFrom('payment_credits')
    .selectAll()
    .where('provider', '=', provider)
    .where('paid_at', '>=', from)
    .where('paid_at', '<=', to)
    .execute();
}

export async function insertRefund(db: Database, row: Insertable<PaymentRefundsTable>): Promise<RefundRow> {
  return db.insertInto('payment_refunds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRefundById(db: Database, id: string): Promise<RefundRow | undefined> {
  return db.selectFrom('payment_refunds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRefundsOfCredit(db: Database, creditId: string): Promise<RefundRow[]> {
  return db.selectFrom('payment_refunds').selectAll().where('credit_id', '=', creditId).execute();
}

export async function findRefundsOfIntent(db: Database, intentId: string): Promise<RefundRow[]> {
  return db.selectFrom('payment_refunds').selectAll().where('intent_id', '=', intentId).orderBy('created_at').execute();
}

/** Compare-and-set on a refund: REQUESTED → SUCCEEDED | FAILED, once. */
export async function finishRefund(
  db: Database,
  id: string,
  version: number,
  to: RefundState,
  changes: Partial<Pick<RefundRow, 'provider_refund_id' | 'failure'>>,
  now: Date,
): Promise<RefundRow | undefined> {
  return db
    .updateTable('payment_refunds')
    .set({ ...changes, state: to, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'REQUESTED')
    .returningAll()
    .executeTakeFirst();
}
