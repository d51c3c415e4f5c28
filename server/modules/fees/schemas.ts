import { z } from 'zod';

export { PaymentOffer } from '../payments/schemas.ts';

export const DossierParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ | Not a dossier id') });
export const ReceiptParams = DossierParams.extend({
  paymentId: z.uuid('Mã thanh toán không hợp lệ | Not a payment id'),
});

/** The payments of one dossier, as its applicant's screen polls them (no personal data). */
export const FeePayments = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      amount: z.number().int(),
      state: z.enum(['CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED']),
      expiresAt: z.date(),
      paidAt: z.date().nullable(),
    }),
  ),
});
export type FeePayments = z.infer<typeof FeePayments>;
