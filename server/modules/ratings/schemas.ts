import { z } from 'zod';

export const RatingParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ | Not a dossier id') });

export const RatingBody = z.object({
  satisfied: z.boolean(),
  comment: z
    .string()
    .trim()
    .max(1000, 'Nhận xét tối đa 1.000 ký tự | A comment has at most 1,000 characters')
    .optional(),
});
export type RatingBody = z.infer<typeof RatingBody>;

export const Rating = z.object({
  dossierId: z.string(),
  satisfied: z.boolean(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
});
export type Rating = z.infer<typeof Rating>;

const Phone = z
  .string()
  .regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại Việt Nam, ví dụ 0912345678 | A Vietnamese phone number, e.g. 0912345678');

export const FeedbackBody = z
  .object({
    category: z.enum(['dossier', 'portal', 'conduct', 'other']),
    dossierCode: z.string().trim().min(8).max(80).optional(),
    message: z
      .string()
      .trim()
      .min(10, 'Hãy mô tả vấn đề trong ít nhất 10 ký tự | Describe the problem in at least 10 characters')
      .max(4000, 'Tối đa 4.000 ký tự | At most 4,000 characters'),
    name: z.string().trim().max(200).optional(),
    phone: Phone.optional(),
    email: z.email('Địa chỉ e-mail không hợp lệ | Not a valid e-mail address').optional(),
  })
  .refine((b) => b.phone !== undefined || b.email !== undefined, {
    message:
      'Để lại số điện thoại hoặc e-mail để chúng tôi trả lời | Leave a phone number or an e-mail so we can answer',
    path: ['phone'],
  });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackReceipt = z.object({ reference: z.string(), receivedAt: z.string() });
