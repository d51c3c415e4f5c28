import { z } from 'zod';

// Money is a whole number of đồng: VND has no minor unit in practice (VietQR field 54, VNPAY ×100).
export const Dong = z
  .number()
  .int('Số tiền là số nguyên đồng | An amount is a whole number of đồng')
  .positive('Số tiền phải lớn hơn 0 | An amount must be positive')
  .max(999_999_999_999, 'Số tiền quá lớn | The amount is too large');

export const Text = z.object({ vi: z.string().min(1).max(200), en: z.string().min(1).max(200) });

export const FeeLine = z.object({
  code: z.string().min(1).max(40).optional(),
  label: Text,
  amount: Dong,
});
export type FeeLine = z.infer<typeof FeeLine>;

export const Party = z.object({
  name: z.string().trim().min(1, 'Cần họ tên người nộp | The payer’s name is required').max(200),
  idNumber: z.string().max(20).optional(),
  email: z.email().max(200).optional(),
  address: z.string().max(300).optional(),
});
export type Party = z.infer<typeof Party>;

export const Payee = z.object({
  bankBin: z.string().regex(/^\d{6}$/, 'Mã BIN ngân hàng gồm 6 chữ số | A bank BIN has 6 digits'),
  account: z.string().regex(/^[A-Za-z0-9]{1,19}$/, 'Số tài khoản 1–19 chữ/số | An account has 1–19 letters or digits'),
  name: z.string().max(100).optional(),
});
export type Payee = z.infer<typeof Payee>;

/** What is paid for, owned by another module: a dossier today, an order or a vend session later. */
export const Subject = z.object({
  type: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Loại đối tượng viết thường | A subject type is lower-case'),
  id: z.string().min(1).max(100),
  /** Shown to people (the dossier code on the receipt). */
  reference: z.string().min(1).max(100),
});
export type Subject = z.infer<typeof Subject>;

export const CreatePaymentIntentInput = z.object({
  subject: Subject,
  feeLines: z.array(FeeLine).min(1, 'Cần ít nhất một khoản phí | At least one fee line').max(50),
  payer: Party,
  expiresAt: z.date().optional(),
  /** 2–4 capital letters before the random part of the reference, e.g. HS (hồ sơ), DH (đơn hàng). */
  referencePrefix: z
    .string()
    .regex(/^[A-Z]{2,4}$/)
    .optional(),
  payee: Payee.optional(),
  /** VietQR 62-08; folded to ASCII and clipped to 25. Default: the reference and the subject reference. */
  purpose: z.string().min(1).max(200).optional(),
});
export type CreatePaymentIntentInput = z.input<typeof CreatePaymentIntentInput>;

export const IntentState = z.enum(['CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED']);

export const Refund = z.object({
  id: z.uuid(),
  creditId: z.uuid(),
  amount: z.number().int(),
  reason: z.string(),
  state: z.enum(['REQUESTED', 'SUCCEEDED', 'FAILED']),
  provider: z.string(),
  providerRefundId: z.string().nullable(),
  failure: z.string().nullable(),
  createdAt: z.date(),
});
export type Refund = z.infer<typeof Refund>;

export const Credit = z.object({
  id: z.uuid(),
  provider: z.string(),
  providerTransactionId: z.string(),
  amount: z.number().int(),
  paidAt: z.date(),
  status: z.enum(['RECEIVED', 'APPLIED', 'AMOUNT_MISMATCH', 'LATE', 'DUPLICATE_PAYMENT', 'UNMATCHED']),
  needsRefund: z.boolean(),
});
export type Credit = z.infer<typeof Credit>;

/** A credit seen on its own (officers' list of money needing a decision). */
export const CreditListItem = Credit.extend({ intentId: z.uuid().nullable(), referenceSeen: z.string().nullable() });
export const CreditList = z.object({ items: z.array(CreditListItem) });

export const PaymentIntent = z.object({
  id: z.uuid(),
  reference: z.string(),
  orderCode: z.number().int(),
  subject: Subject,
  amount: z.number().int(),
  currency: z.literal('VND'),
  feeLines: z.array(FeeLine),
  payer: Party,
  state: IntentState,
  version: z.number().int(),
  provider: z.string().nullable(),
  providerPaymentId: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
  paidAt: z.date().nullable(),
  expiresAt: z.date(),
  createdAt: z.date(),
  vietqr: z.object({ payload: z.string(), bankBin: z.string(), account: z.string(), purpose: z.string() }),
  credits: z.array(Credit),
  refunds: z.array(Refund),
  refundedAmount: z.number().int(),
});
export type PaymentIntent = z.infer<typeof PaymentIntent>;

/** What a payer's browser may poll (by the payment id, a capability): no personal data. */
export const PaymentStatus = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: IntentState,
  amount: z.number().int(),
  expiresAt: z.date(),
  paidAt: z.date().nullable(),
});

/** The answer of `POST /api/dossiers/{id}/payments` (and later of an order's payment). */
export const PaymentOffer = z.object({
  id: z.uuid(),
  amount: z.number().int(),
  expiresAt: z.date(),
  vietqr: z.object({ payload: z.string(), svg: z.string() }),
});
export type PaymentOffer = z.infer<typeof PaymentOffer>;

export const IntentParams = z.object({ id: z.uuid('Mã thanh toán không hợp lệ | Not a payment id') });
export const ProviderParams = z.object({ provider: z.string().min(1).max(20) });

export const RefundBody = z.object({
  amount: Dong.optional(),
  reason: z.string().trim().min(3, 'Cần lý do hoàn tiền | A refund reason is required').max(255),
  creditId: z.uuid().optional(),
});

export const Bank = z.object({
  bin: z.string(),
  code: z.string(),
  shortName: z.string(),
  name: z.string(),
  swiftCode: z.string().nullable(),
  vietQRStatus: z.string(),
  deprecated: z.boolean(),
});
export const BankList = z.object({ total: z.number().int(), items: z.array(Bank) });
export const BankQuery = z.object({
  supported: z.enum(['true', 'false']).optional(),
});

export const ReconciliationBody = z.object({
  provider: z.enum(['payos', 'vnpay']),
  csv: z.string().min(1).max(5_000_000),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
