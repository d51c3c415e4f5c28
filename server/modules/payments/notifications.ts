import type { AppContext } from '../../context.ts';
import { toPaymentIntent } from './mapping.ts';
import type {
  Acknowledgement,
  InboundCall,
  NotificationOutcome,
  ProviderName,
  VerifiedNotification,
} from './providers/provider.ts';
import { getProvider } from './providers/registry.ts';
import * as repo from './repository.ts';
import { emitPaymentEvent } from './subjects.ts';
import type { CreditStatus } from './tables.ts';
import { inTransaction } from './transaction.ts';

export interface CallMeta {
  remoteAddress?: string | undefined;
  headers: Record<string, string>;
}

interface Applied {
  outcome: NotificationOutcome;
  intentId?: string | null | undefined;
  creditId?: string | null | undefined;
}

/**
 * The one entry point for a gateway's notification. Order matters (DOMAIN.md §6, issue 8):
 * 1. store it raw, committed on its own, so nothing that arrives is ever lost;
 * 2. verify the signature — a bad one changes nothing but the log and that row;
 * 3. apply it in one transaction whose exactly-once gate is UNIQUE (provider, transaction id) and
 *    whose intent move is a compare-and-set on `version` (safe across processes, no in-process lock);
 * 4. answer the way this provider expects.
 */
export async function receiveNotification(
  ctx: AppContext,
  providerName: ProviderName,
  call: InboundCall,
  meta: CallMeta,
): Promise<Acknowledgement> {
  const provider = getProvider(ctx.config, providerName);
  const notificationId = await repo.insertNotification(ctx.db, {
    provider: providerName,
    received_at: ctx.clock.now(),
    method: call.method,
    remote_address: meta.remoteAddress ?? null,
    headers: JSON.stringify(meta.headers),
    query: new URLSearchParams(call.query).toString(),
    body: call.rawBody,
  });
  const verification = provider.verifyNotification(call);
  if (!verification.ok) {
    await repo.finishNotification(ctx.db, notificationId, {
      verification: verification.reason,
      outcome: verification.reason,
      error: verification.detail,
      processed_at: ctx.clock.now(),
    });
    ctx.log.warn(
      { provider: providerName, notificationId, reason: verification.reason, detail: verification.detail },
      'payment notification rejected',
    );
    return provider.acknowledge(verification.reason);
  }
  try {
    const applied = await inTransaction(ctx, async (tctx) => {
      const result = await applyNotification(tctx, providerName, verification.notification, notificationId);
      await repo.finishNotification(tctx.db, notificationId, {
        verification: 'VALID',
        outcome: result.outcome,
        intent_id: result.intentId ?? null,
        credit_id: result.creditId ?? null,
        processed_at: tctx.clock.now(),
      });
      return result;
    });
    ctx.log.info({ provider: providerName, notificationId, ...applied }, 'payment notification applied');
    return provider.acknowledge(applied.outcome);
  } catch (error) {
    ctx.log.error({ err: error, provider: providerName, notificationId }, 'payment notification failed');
    await repo.finishNotification(ctx.db, notificationId, {
      verification: 'VALID',
      outcome: 'ERROR',
      error: error instanceof Error ? error.message.slice(0, 500) : 'unknown',
      processed_at: ctx.clock.now(),
    });
    return provider.acknowledge('ERROR');
  }
}

async function findIntentFor(ctx: AppContext, n: VerifiedNotification): Promise<repo.IntentRow | undefined> {
  if (n.reference) {
    const byRef = await repo.findIntentByReference(ctx.db, n.reference);
    if (byRef) return byRef;
  }
  if (n.orderCode !== undefined) {
    const byCode = await repo.findIntentByOrderCode(ctx.db, n.orderCode);
    if (byCode) return byCode;
  }
  // Banks strip punctuation and spaces from transfer content in different ways: compare A–Z0–9 only.
  const text = (n.description ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return text.length >= 6 ? repo.findIntentInText(ctx.db, text) : undefined;
}

async function applyNotification(
  ctx: AppContext,
  providerName: ProviderName,
  n: VerifiedNotification,
  notificationId: string,
): Promise<Applied> {
  const now = ctx.clock.now();
  let intent = await findIntentFor(ctx, n);

  if (!n.succeeded) {
    // A failed attempt moves nothing but an open intent, and credits nothing.
    if (!intent) return { outcome: 'UNMATCHED' };
    const moved = await repo.transitionIntent(
      ctx.db,
      intent.id,
      intent.version,
      'FAILED',
      { provider: providerName },
      now,
    );
    if (moved) await emitPaymentEvent(ctx, { kind: 'failed', intent: toPaymentIntent(moved, [], []) });
    return { outcome: 'RECORDED_FAILURE', intentId: intent.id };
  }

  const credit = await repo.insertCreditIfNew(ctx.db, {
    provider: providerName,
    provider_transaction_id: n.providerTransactionId,
    intent_id: intent?.id ?? null,
    reference_seen: n.reference ?? (n.orderCode !== undefined ? String(n.orderCode) : (n.description ?? null)),
    amount: n.amount,
    paid_at: n.paidAt ?? now,
    status: 'RECEIVED',
    notification_id: notificationId,
    created_at: now,
  });
  if (!credit) {
    // Replay (or a concurrent duplicate that lost the race): acknowledged, nothing credited twice.
    const existing = await repo.findCredit(ctx.db, providerName, n.providerTransactionId);
    return { outcome: 'REPLAY', intentId: existing?.intent_id, creditId: existing?.id };
  }

  const settle = async (status: CreditStatus, needsRefund: boolean, outcome: NotificationOutcome): Promise<Applied> => {
    await repo.setCreditStatus(ctx.db, credit.id, status, needsRefund, intent?.id ?? null);
    if (status !== 'APPLIED')
      ctx.log.warn(
        { provider: providerName, creditId: credit.id, status, intentId: intent?.id },
        'payment credit flagged',
      );
    return { outcome, intentId: intent?.id, creditId: credit.id };
  };

  if (!intent) return settle('UNMATCHED', false, 'UNMATCHED');
  if (n.amount !== intent.amount) return settle('AMOUNT_MISMATCH', true, 'AMOUNT_MISMATCH');

  // Compare-and-set loop: someone else may move the intent between our read and our write.
  for (let attempt = 0; attempt < 5 && intent; attempt++) {
    if (intent.state === 'SUCCEEDED') return settle('DUPLICATE_PAYMENT', true, 'DUPLICATE_PAYMENT');
    if (intent.state === 'EXPIRED' || intent.state === 'FAILED') return settle('LATE', true, 'LATE');
    const paidAt = n.paidAt ?? now;
    if (paidAt.getTime() > intent.expires_at.getTime()) {
      const expired = await repo.transitionIntent(ctx.db, intent.id, intent.version, 'EXPIRED', {}, now);
      if (expired) {
        await emitPaymentEvent(ctx, { kind: 'expired', intent: toPaymentIntent(expired, [], []) });
        return settle('LATE', true, 'LATE');
      }
    } else {
      const paid = await repo.transitionIntent(
        ctx.db,
        intent.id,
        intent.version,
        'SUCCEEDED',
        { provider: intent.provider ?? providerName, credit_id: credit.id, paid_at: paidAt },
        now,
      );
      if (paid) {
        const result = await settle('APPLIED', false, 'CREDITED');
        const credits = await repo.findCreditsOfIntent(ctx.db, paid.id);
        await emitPaymentEvent(ctx, { kind: 'succeeded', intent: toPaymentIntent(paid, credits, []) });
        return result;
      }
    }
    intent = await repo.findIntentById(ctx.db, intent.id);
  }
  throw new Error('payment intent kept changing; giving up so the provider retries');
}
