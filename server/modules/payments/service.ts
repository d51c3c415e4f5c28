import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { encodeVietQr, toVietQrText } from '../../../shared/vietqr/vietqr.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { toCredit, toPaymentIntent } from './mapping.ts';
import { getProvider } from './providers/registry.ts';
import type { ProviderName } from './providers/provider.ts';
import { renderQrSvg } from './qr-image.ts';
import { renderReceiptPdf } from './receipt.ts';
import * as repo from './repository.ts';
import { CreatePaymentIntentInput, type CreditList, type PaymentIntent, type PaymentOffer } from './schemas.ts';
import { emitPaymentEvent } from './subjects.ts';
import { inTransaction } from './transaction.ts';

export { onPaymentEvent, onPaymentSucceeded, type PaymentEvent, type PaymentHandler } from './subjects.ts';

// Crockford base32 without I, L, O, U: survives being read aloud and retyped into a bank app.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Prefix + 10 random characters (50 bits): unique by construction, checked by the UNIQUE constraint. */
export function newReference(prefix = 'TT'): string {
  let random = '';
  for (let i = 0; i < 10; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return prefix + random;
}

/**
 * Creates a payment intent for a subject owned by another module. Call it inside your own
 * transaction to create the intent atomically with your record: `createPaymentIntent({ ...ctx, db: trx }, …)`.
 * The amount is the sum of the fee lines; the VietQR payload is built here (pure, no network).
 */
export async function createPaymentIntent(ctx: AppContext, input: CreatePaymentIntentInput): Promise<PaymentIntent> {
  const parsed = CreatePaymentIntentInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      { vi: 'Yêu cầu thanh toán chưa hợp lệ.', en: 'The payment request is not valid.' },
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: { vi: i.message, en: i.message } })),
    );
  }
  const data = parsed.data;
  const now = ctx.clock.now();
  const expiresAt = data.expiresAt ?? new Date(now.getTime() + ctx.config.PAYMENTS_INTENT_TTL_MINUTES * 60_000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION', { vi: 'Hạn thanh toán đã qua.', en: 'The payment deadline is in the past.' }, [
      { field: 'expiresAt', message: { vi: 'phải sau thời điểm hiện tại', en: 'must be in the future' } },
    ]);
  }
  const amount = data.feeLines.reduce((sum, line) => sum + line.amount, 0);
  const payee = data.payee ?? {
    bankBin: ctx.config.PAYMENTS_VIETQR_BANK_BIN,
    account: ctx.config.PAYMENTS_VIETQR_ACCOUNT,
    ...(ctx.config.PAYMENTS_VIETQR_ACCOUNT_NAME ? { name: ctx.config.PAYMENTS_VIETQR_ACCOUNT_NAME } : {}),
  };
  const reference = newReference(data.referencePrefix);
  // The reference leads the purpose so it survives a bank app clipping the transfer content.
  const purpose = toVietQrText(
    data.purpose ? `${reference} ${data.purpose}` : `${reference} ${data.subject.reference}`,
  );
  const payload = encodeVietQr({
    kind: 'dynamic',
    bankBin: payee.bankBin,
    account: payee.account,
    service: 'QRIBFTTA',
    amount,
    billNumber: reference,
    purpose,
  });
  const row = await repo.insertIntent(ctx.db, {
    reference,
    subject_type: data.subject.type,
    subject_id: data.subject.id,
    subject_reference: data.subject.reference,
    amount,
    fee_lines: JSON.stringify(data.feeLines),
    payer: JSON.stringify(data.payer),
    payee: JSON.stringify(payee),
    vietqr_payload: payload,
    purpose,
    expires_at: expiresAt,
    created_at: now,
    updated_at: now,
  });
  ctx.log.info({ paymentId: row.id, reference, subjectType: data.subject.type, amount }, 'payment intent created');
  return toPaymentIntent(row, [], []);
}

/** `{"id","amount","expiresAt","vietqr":{"payload","svg"}}`: what a citizen's screen needs to pay. */
export async function toPaymentOffer(intent: PaymentIntent): Promise<PaymentOffer> {
  return {
    id: intent.id,
    amount: intent.amount,
    expiresAt: intent.expiresAt,
    vietqr: { payload: intent.vietqr.payload, svg: await renderQrSvg(intent.vietqr.payload) },
  };
}

export async function findPaymentIntent(ctx: AppContext, id: string): Promise<PaymentIntent | undefined> {
  const row = await repo.findIntentById(ctx.db, id);
  if (!row) return undefined;
  const [credits, refunds] = await Promise.all([
    repo.findCreditsOfIntent(ctx.db, id),
    repo.findRefundsOfIntent(ctx.db, id),
  ]);
  return toPaymentIntent(row, credits, refunds);
}

export async function getPaymentIntent(ctx: AppContext, id: string): Promise<PaymentIntent> {
  const intent = await findPaymentIntent(ctx, id);
  if (!intent) throw notFound({ vi: 'khoản thanh toán', en: 'payment' }, id);
  return intent;
}

export async function listPaymentIntentsOfSubject(ctx: AppContext, type: string, id: string): Promise<PaymentIntent[]> {
  const rows = await repo.findIntentsBySubject(ctx.db, type, id);
  return Promise.all(rows.map((r) => getPaymentIntent(ctx, r.id)));
}

/**
 * The subject's payment still waiting for money (not expired), if any: lets a caller answer a repeated
 * "pay" click with the same QR instead of a second intent.
 */
export async function findOpenPaymentIntent(
  ctx: AppContext,
  subjectType: string,
  subjectId: string,
): Promise<PaymentIntent | undefined> {
  const now = ctx.clock.now().getTime();
  const open = (await repo.findIntentsBySubject(ctx.db, subjectType, subjectId)).filter(
    (r) => (r.state === 'CREATED' || r.state === 'PENDING') && r.expires_at.getTime() > now,
  );
  const newest = open.at(-1);
  return newest ? getPaymentIntent(ctx, newest.id) : undefined;
}

/** The e-receipt (PDF) of a paid payment, issued in the name of `issuer` (the collecting unit). */
export async function renderPaymentReceipt(ctx: AppContext, id: string, issuer: string): Promise<Buffer> {
  const intent = await getPaymentIntent(ctx, id);
  if (intent.state !== 'SUCCEEDED')
    throw new AppError('CONFLICT', { vi: 'Khoản này chưa được thanh toán.', en: 'This payment has not been paid.' });
  return renderReceiptPdf(intent, { issuer, issuedAt: ctx.clock.now() });
}

/** Money needing a person: flagged for refund (late, duplicate, wrong amount) or matched to nothing. */
export async function listFlaggedCredits(ctx: AppContext, limit = 200): Promise<z.infer<typeof CreditList>> {
  return { items: (await repo.findFlaggedCredits(ctx.db, limit)).map(toCredit) };
}

/**
 * Opens a gateway session (VNPAY redirect URL, payOS payment link): CREATED → PENDING. Call it
 * outside any transaction: it may call the gateway over the network.
 */
export async function beginPayment(
  ctx: AppContext,
  id: string,
  providerName: ProviderName,
  payerIp?: string,
): Promise<PaymentIntent> {
  const row = await repo.findIntentById(ctx.db, id);
  if (!row) throw notFound({ vi: 'khoản thanh toán', en: 'payment' }, id);
  if (row.state !== 'CREATED') {
    throw new AppError('INVALID_TRANSITION', {
      vi: `Khoản thanh toán đang ở trạng thái ${row.state}, không thể bắt đầu lại.`,
      en: `The payment is ${row.state} and cannot be started again.`,
    });
  }
  const now = ctx.clock.now();
  const result = await getProvider(ctx.config, providerName).createPayment({
    reference: row.reference,
    orderCode: row.order_code,
    amount: row.amount,
    description: row.purpose,
    expiresAt: row.expires_at,
    payerIp,
    createdAt: row.created_at,
    now,
  });
  const moved = await repo.transitionIntent(
    ctx.db,
    id,
    row.version,
    'PENDING',
    {
      provider: providerName,
      provider_payment_id: result.mode === 'online' ? result.providerPaymentId : null,
      checkout_url: result.checkoutUrl ?? null,
    },
    now,
  );
  if (!moved) {
    throw new AppError('CONFLICT', {
      vi: 'Khoản thanh toán vừa thay đổi; vui lòng tải lại.',
      en: 'The payment just changed; please reload.',
    });
  }
  return getPaymentIntent(ctx, id);
}

/**
 * Sweeper (safe on many processes: every move is a compare-and-set): open intents past their
 * deadline become EXPIRED and their subject is told, e.g. to release reserved stock (DOMAIN.md §9).
 */
export async function expireOverdueIntents(ctx: AppContext, limit = 500): Promise<number> {
  const now = ctx.clock.now();
  let expired = 0;
  for (const row of await repo.findOverdueIntents(ctx.db, now, limit)) {
    const done = await inTransaction(ctx, async (tctx) => {
      const moved = await repo.transitionIntent(tctx.db, row.id, row.version, 'EXPIRED', {}, now);
      if (!moved) return false;
      await emitPaymentEvent(tctx, { kind: 'expired', intent: toPaymentIntent(moved, [], []) });
      return true;
    });
    if (done) expired++;
  }
  if (expired) ctx.log.info({ expired }, 'payment intents expired');
  return expired;
}
