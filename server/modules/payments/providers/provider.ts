import type { Config } from '../../../config.ts';

/**
 * One interface for every gateway (issue 8). Verification is pure (a signature over what arrived);
 * the network calls (`createPayment`, `query`, `refund`) only happen when the gateway is configured
 * and PAYMENTS_NETWORK is on — otherwise they answer `offline` and the core carries on without them.
 */
export type ProviderName = 'payos' | 'vnpay';
export const PROVIDER_NAMES: readonly ProviderName[] = ['payos', 'vnpay'];

export interface InboundCall {
  method: string;
  /** Query-string parameters (VNPAY IPN arrives as GET). */
  query: Record<string, string>;
  /** The body exactly as received. */
  rawBody: string;
  contentType: string | undefined;
}

/** What a verified notification says happened. */
export interface VerifiedNotification {
  providerTransactionId: string;
  /** Our intent reference, or the numeric order code, as the provider echoes it. */
  reference?: string | undefined;
  orderCode?: number | undefined;
  /** Free text of the transfer, searched for our reference when the provider has no field for it. */
  description?: string | undefined;
  /** Integer đồng. */
  amount: number;
  succeeded: boolean;
  paidAt?: Date | undefined;
}

export type Verification =
  | { ok: true; notification: VerifiedNotification }
  | { ok: false; reason: 'INVALID_SIGNATURE' | 'MALFORMED' | 'NOT_CONFIGURED'; detail: string };

/** What we did with a notification; each provider turns it into the answer it expects. */
export type NotificationOutcome =
  | 'CREDITED'
  | 'RECORDED_FAILURE'
  | 'REPLAY'
  | 'AMOUNT_MISMATCH'
  | 'LATE'
  | 'DUPLICATE_PAYMENT'
  | 'UNMATCHED'
  | 'INVALID_SIGNATURE'
  | 'MALFORMED'
  | 'NOT_CONFIGURED'
  | 'ERROR';

export interface Acknowledgement {
  status: number;
  body: unknown;
}

export interface PaymentRequest {
  reference: string;
  orderCode: number;
  amount: number;
  description: string;
  expiresAt: Date;
  returnUrl?: string | undefined;
  payerIp?: string | undefined;
  /** When the intent was created: VNPAY's vnp_CreateDate, and later the vnp_TransactionDate of a query. */
  createdAt: Date;
  now: Date;
}

export type CreatePaymentResult =
  | { mode: 'online'; providerPaymentId: string; checkoutUrl?: string | undefined; qrPayload?: string | undefined }
  | { mode: 'offline'; checkoutUrl?: string | undefined };

export interface QueryRequest {
  reference: string;
  orderCode: number;
  createdAt: Date;
  now: Date;
}

export type QueryResult =
  | {
      mode: 'online';
      status: 'PAID' | 'PENDING' | 'FAILED' | 'UNKNOWN';
      amount?: number;
      providerTransactionId?: string;
    }
  | { mode: 'offline' };

export interface RefundRequest {
  refundId: string;
  reference: string;
  providerTransactionId: string;
  amount: number;
  paidAt: Date;
  reason: string;
  requestedBy: string;
  now: Date;
}

export type RefundResult =
  | { mode: 'online'; ok: true; providerRefundId: string }
  | { mode: 'online'; ok: false; failure: string }
  /** No API (bank transfers) or not configured: an officer pays it back by hand and confirms. */
  | { mode: 'manual' };

export interface PaymentProvider {
  name: ProviderName;
  createPayment(request: PaymentRequest): Promise<CreatePaymentResult>;
  verifyNotification(call: InboundCall): Verification;
  acknowledge(outcome: NotificationOutcome): Acknowledgement;
  query(request: QueryRequest): Promise<QueryResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}

export type ProviderFactory = (config: Config, fetcher?: typeof fetch) => PaymentProvider;
