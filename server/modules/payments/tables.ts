import type { ColumnType, Generated } from 'kysely';

/** Kysely row types for the payments tables (migrations/0050_payments.sql). */
type Json<T> = ColumnType<T, string, string>;

export type IntentState = 'CREATED' | 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'EXPIRED';
export type CreditStatus = 'RECEIVED' | 'APPLIED' | 'AMOUNT_MISMATCH' | 'LATE' | 'DUPLICATE_PAYMENT' | 'UNMATCHED';
export type Verification = 'PENDING' | 'VALID' | 'INVALID_SIGNATURE' | 'MALFORMED' | 'NOT_CONFIGURED';
export type RefundState = 'REQUESTED' | 'SUCCEEDED' | 'FAILED';

export interface FeeLineJson {
  code?: string | undefined;
  label: { vi: string; en: string };
  amount: number;
}
export interface PartyJson {
  name: string;
  idNumber?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}
export interface PayeeJson {
  bankBin: string;
  account: string;
  name?: string | undefined;
}

export interface PaymentIntentsTable {
  id: Generated<string>;
  reference: string;
  order_code: Generated<number>;
  subject_type: string;
  subject_id: string;
  subject_reference: string;
  amount: number;
  currency: Generated<string>;
  fee_lines: Json<FeeLineJson[]>;
  payer: Json<PartyJson>;
  payee: Json<PayeeJson>;
  vietqr_payload: string;
  purpose: string;
  state: Generated<IntentState>;
  version: Generated<number>;
  provider: string | null;
  provider_payment_id: string | null;
  checkout_url: string | null;
  credit_id: string | null;
  paid_at: Date | null;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentNotificationsTable {
  id: Generated<string>;
  provider: string;
  received_at: Date;
  method: string;
  remote_address: string | null;
  headers: Json<Record<string, string>>;
  query: string;
  body: string;
  verification: Generated<Verification>;
  outcome: string | null;
  intent_id: string | null;
  credit_id: string | null;
  error: string | null;
  processed_at: Date | null;
}

export interface PaymentCreditsTable {
  id: Generated<string>;
  provider: string;
  provider_transaction_id: string;
  intent_id: string | null;
  reference_seen: string | null;
  amount: number;
  paid_at: Date;
  status: CreditStatus;
  needs_refund: Generated<boolean>;
  notification_id: string | null;
  created_at: Date;
}

export interface PaymentRefundsTable {
  id: Generated<string>;
  intent_id: string | null;
  credit_id: string;
  amount: number;
  reason: string;
  state: Generated<RefundState>;
  version: Generated<number>;
  provider: string;
  provider_refund_id: string | null;
  requested_by: string | null;
  failure: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentReconciliationsTable {
  id: Generated<string>;
  provider: string;
  period_from: Date;
  period_to: Date;
  statement_sha256: string;
  summary: Json<Record<string, number>>;
  items: Json<unknown[]>;
  uploaded_by: string | null;
  created_at: Date;
}

export interface PaymentsTables {
  payment_intents: PaymentIntentsTable;
  payment_notifications: PaymentNotificationsTable;
  payment_credits: PaymentCreditsTable;
  payment_refunds: PaymentRefundsTable;
  payment_reconciliations: PaymentReconciliationsTable;
}
