import { z } from 'zod';
import { defineTemplate } from './types.ts';

const Code = z.object({ code: z.string().regex(/^\d{6}$/), expiresInMinutes: z.number().int().positive() });

function codeTemplate(vi: { subject: string; what: string }, en: { subject: string; what: string }) {
  return defineTemplate({
    audience: 'account',
    // A one-time code is a secret: the parameters are wiped from the outbox once delivered (or given up).
    isSensitive: true,
    mustMention: ['code'],
    params: Code,
    render: {
      vi: (p) => ({
        subject: vi.subject,
        text: `Mã xác nhận ${vi.what} của ông/bà là ${p.code}, có hiệu lực trong ${p.expiresInMinutes} phút. Không cung cấp mã này cho bất kỳ ai, kể cả cán bộ.`,
        short: `Ma xac nhan ${vi.what}: ${p.code} (hieu luc ${p.expiresInMinutes} phut). Khong cung cap ma cho bat ky ai.`,
      }),
      en: (p) => ({
        subject: en.subject,
        text: `Your code ${en.what} is ${p.code}, valid for ${p.expiresInMinutes} minutes. Never give it to anyone, officers included.`,
        short: `Code ${en.what}: ${p.code} (valid ${p.expiresInMinutes} min). Never share it.`,
      }),
    },
  });
}

/** One-time codes for the identity module (server/modules/identity/codes.ts). */
export const accountTemplates = {
  'identity.verify_phone': codeTemplate(
    { subject: 'Mã xác nhận số điện thoại', what: 'số điện thoại' },
    { subject: 'Phone number verification code', what: 'to verify your phone number' },
  ),
  'identity.verify_email': codeTemplate(
    { subject: 'Mã xác nhận địa chỉ thư điện tử', what: 'địa chỉ thư điện tử' },
    { subject: 'E-mail verification code', what: 'to verify your e-mail address' },
  ),
  'identity.reset_password': codeTemplate(
    { subject: 'Mã đặt lại mật khẩu', what: 'đặt lại mật khẩu' },
    { subject: 'Password reset code', what: 'to reset your password' },
  ),
};
