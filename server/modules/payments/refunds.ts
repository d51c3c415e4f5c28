import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { toPaymentIntent, toRefund } from './mapping.ts';
import { getProvider, isProviderName } from './providers/registry.ts';
import * as repo from './repository.ts';
import type { PaymentIntent, Refund } from './schemas.ts';
import { getPaymentIntent } from './service.ts';
import { emitPaymentEvent } from './subjects.ts';
import { inTransaction } from './transaction.ts';

export interface RefundInput {
  amount?: number | undefined;
  reason: string;
  creditId?: string | undefined;
  requestedBy: string;
}

const conflict = (vi: string, en: string) => new AppError('CONFLICT', { vi, en });

/**
 * A refund is its own record against one credit (money that arrived): the applied payment of a
 * succeeded intent, or a flagged credit (late, duplicate, wrong amount). The refund is written
 * first (REQUESTED), then the gateway is asked outside the transaction; gateways without a refund
 * API (bank transfers) leave it REQUESTED until an officer confirms the transfer back.
 */
export async function refundPayment(ctx: AppContext, intentId: string, input: RefundInput): Promise<PaymentIntent> {
  const intent = await repo.findIntentById(ctx.db, intentId);
  if (!intent) throw notFound({ vi: 'khoản thanh toán', en: 'payment' }, intentId);
  const credits = await repo.findCreditsOfIntent(ctx.db, intentId);
  const credit = input.creditId
    ? credits.find((c) => c.id === input.creditId)
    : (credits.find((c) => c.id === intent.credit_id) ?? credits.find((c) => c.needs_refund));
  if (!credit) throw conflict('Khoản này chưa nhận được tiền để hoàn.', 'No money was received for this payment.');
  await refundCredit(ctx, credit.id, input);
  return getPaymentIntent(ctx, intentId);
}

/** Refunds money that arrived, with or without an intent (an unmatched transfer is paid back too). */
export async function refundCredit(
  ctx: AppContext,
  creditId: string,
  input: Omit<RefundInput, 'creditId'>,
): Promise<Refund> {
  const refund = await inTransaction(ctx, async (tctx) => {
    // Two officers refunding the same money at once: the credit's row lock lets one decide at a time
    // (a human action, rare; notifications never take this lock).
    const credit = await repo.lockCredit(tctx.db, creditId);
    if (!credit) throw notFound({ vi: 'khoản tiền nhận', en: 'credit' }, creditId);
    const earlier = await repo.findRefundsOfCredit(tctx.db, credit.id);
    const refundable = credit.amount - earlier.filter((r) => r.state !== 'FAILED').reduce((s, r) => s + r.amount, 0);
    const amount = input.amount ?? refundable;
    if (amount <= 0 || amount > refundable) {
      throw new AppError(
        'CONFLICT',
        { vi: `Chỉ còn có thể hoàn ${refundable} đồng.`, en: `At most ${refundable} đồng can still be refunded.` },
        [{ field: 'body.amount', message: { vi: `tối đa ${refundable}`, en: `at most ${refundable}` } }],
      );
    }
    const now = tctx.clock.now();
    return repo.insertRefund(tctx.db, {
      intent_id: credit.intent_id,
      credit_id: credit.id,
      amount,
      reason: input.reason,
      provider: credit.provider,
      requested_by: input.requestedBy,
      created_at: now,
      updated_at: now,
    });
  });
  ctx.log.info(
    { creditId, paymentId: refund.intent_id, refundId: refund.id, amount: refund.amount },
    'refund requested',
  );
  await executeRefund(ctx, refund.id);
  const after = await repo.findRefundById(ctx.db, refund.id);
  return toRefund(after ?? refund);
}

/** Asks the gateway to pay a REQUESTED refund back; idempotent (the refund id is the request id). */
export async function executeRefund(ctx: AppContext, refundId: string): Promise<void> {
  const refund = await repo.findRefundById(ctx.db, refundId);
  if (!refund || refund.state !== 'REQUESTED' || !isProviderName(refund.provider)) return;
  const credit = await repo.findCreditById(ctx.db, refund.credit_id);
  const intent = refund.intent_id ? await repo.findIntentById(ctx.db, refund.intent_id) : undefined;
  if (!credit) return;
  const result = await getProvider(ctx.config, refund.provider).refund({
    refundId: refund.id,
    reference: intent?.reference ?? credit.reference_seen ?? '',
    providerTransactionId: credit.provider_transaction_id,
    amount: refund.amount,
    paidAt: credit.paid_at,
    reason: refund.reason,
    requestedBy: refund.requested_by ?? 'system',
    now: ctx.clock.now(),
  });
  if (result.mode === 'manual') return;
  if (result.ok) await completeRefund(ctx, refund.id, { providerRefundId: result.providerRefundId });
  else await failRefund(ctx, refund.id, result.failure);
}

/** Marks a refund paid back (by the gateway, or by an officer for a bank transfer). */
export async function completeRefund(
  ctx: AppContext,
  refundId: string,
  detail: { providerRefundId: string },
): Promise<void> {
  await inTransaction(ctx, async (tctx) => {
    const refund = await repo.findRefundById(tctx.db, refundId);
    if (!refund) throw notFound({ vi: 'yêu cầu hoàn tiền', en: 'refund' }, refundId);
    const done = await repo.finishRefund(
      tctx.db,
      refund.id,
      refund.version,
      'SUCCEEDED',
      { provider_refund_id: detail.providerRefundId },
      tctx.clock.now(),
    );
    if (!done) throw conflict('Yêu cầu hoàn tiền đã được xử lý.', 'The refund was already settled.');
    const credit = await repo.findCreditById(tctx.db, refund.credit_id);
    const settled = (await repo.findRefundsOfCredit(tctx.db, refund.credit_id)).filter((r) => r.state === 'SUCCEEDED');
    if (credit && settled.reduce((s, r) => s + r.amount, 0) >= credit.amount)
      await repo.clearRefundFlag(tctx.db, credit.id);
    const intent = refund.intent_id ? await repo.findIntentById(tctx.db, refund.intent_id) : undefined;
    if (intent) {
      const view = toPaymentIntent(intent, [], []);
      await emitPaymentEvent(tctx, { kind: 'refunded', intent: view, amount: refund.amount });
    }
  });
}

async function failRefund(ctx: AppContext, refundId: string, failure: string): Promise<void> {
  const refund = await repo.findRefundById(ctx.db, refundId);
  if (!refund) return;
  await repo.finishRefund(
    ctx.db,
    refund.id,
    refund.version,
    'FAILED',
    { failure: failure.slice(0, 500) },
    ctx.clock.now(),
  );
  ctx.log.warn({ refundId, failure }, 'refund failed at the gateway');
}
