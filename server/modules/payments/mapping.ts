import type { Credit, FeeLine, Party, PaymentIntent, Refund } from './schemas.ts';
import type { CreditRow, IntentRow, RefundRow } from './repository.ts';
import type { PayeeJson } from './tables.ts';

// jsonb arrives parsed from both drivers; this narrows it without re-validating stored data.
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toPaymentIntent(row: IntentRow, credits: CreditRow[], refunds: RefundRow[]): PaymentIntent {
  const payee = json<PayeeJson>(row.payee);
  return {
    id: row.id,
    reference: row.reference,
    orderCode: row.order_code,
    subject: { type: row.subject_type, id: row.subject_id, reference: row.subject_reference },
    amount: row.amount,
    currency: 'VND',
    feeLines: json<FeeLine[]>(row.fee_lines),
    payer: json<Party>(row.payer),
    state: row.state,
    version: row.version,
    provider: row.provider,
    providerPaymentId: row.provider_payment_id,
    checkoutUrl: row.checkout_url,
    paidAt: row.paid_at,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    vietqr: { payload: row.vietqr_payload, bankBin: payee.bankBin, account: payee.account, purpose: row.purpose },
    credits: credits.map(toCredit),
    refunds: refunds.map(toRefund),
    refundedAmount: refunds.filter((r) => r.state === 'SUCCEEDED').reduce((sum, r) => sum + r.amount, 0),
  };
}

export function toCredit(c: CreditRow): Credit & { intentId: string | null; referenceSeen: string | null } {
  return {
    id: c.id,
    provider: c.provider,
    providerTransactionId: c.provider_transaction_id,
    amount: c.amount,
    paidAt: c.paid_at,
    status: c.status,
    needsRefund: c.needs_refund,
    intentId: c.intent_id,
    referenceSeen: c.reference_seen,
  };
}

export function toRefund(r: RefundRow): Refund {
  return {
    id: r.id,
    creditId: r.credit_id,
    amount: r.amount,
    reason: r.reason,
    state: r.state,
    provider: r.provider,
    providerRefundId: r.provider_refund_id,
    failure: r.failure,
    createdAt: r.created_at,
  };
}
