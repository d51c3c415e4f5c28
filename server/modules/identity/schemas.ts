import { z } from 'zod';
import { OFFICER_ROLES } from './permissions.ts';

const Phone = z
  .string()
  .trim()
  // Spaces, dots and dashes as people type them (0912 345 678); normalised before storing.
  .regex(/^(\+84|84|0)[\s.-]?[1-9]([\s.-]?[0-9]){8}$/, 'Số điện thoại không hợp lệ | not a Vietnamese phone number');
const Email = z.email('E-mail không hợp lệ | not an e-mail address').max(200);
// CCCD: 12 digits (Law 26/2023/QH15 on Identification, Art. 12; Circular 59/2021/TT-BCA): province (3),
// sex-and-century (1), year of birth (2), serial (6).
export const NationalId = z.string().regex(/^[0-9]{12}$/, 'Số CCCD gồm 12 chữ số | a CCCD number has 12 digits');
const IsoDate = z.iso.date('Ngày dạng YYYY-MM-DD | a date as YYYY-MM-DD');
const Password = z.string().min(1, 'Cần mật khẩu | password required').max(200);

export const Representative = z.object({
  fullName: z.string().trim().min(1).max(200),
  nationalId: NationalId.optional(),
  position: z.string().trim().max(100).optional(),
  phone: Phone.optional(),
});

export const RegisterBody = z.object({
  kind: z.enum(['citizen', 'business']).default('citizen'),
  phone: Phone.optional(),
  email: Email.optional(),
  password: Password,
  fullName: z.string().trim().min(2, 'Cần họ và tên | full name required').max(200),
  nationalId: NationalId.optional(),
  dateOfBirth: IsoDate.optional(),
  addressUnitCode: z
    .string()
    .regex(/^[0-9]{2,5}$/)
    .optional(),
  addressLine: z.string().trim().max(300).optional(),
  taxCode: z
    .string()
    .regex(/^[0-9]{10}(-[0-9]{3})?$/, 'Mã số thuế 10 hoặc 13 chữ số | tax code of 10 or 10-3 digits')
    .optional(),
  representatives: z.array(Representative).max(10).optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const LoginBody = z.object({
  login: z.string().trim().min(3, 'Cần số điện thoại hoặc e-mail | phone or e-mail required').max(200),
  password: Password,
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ProfileUpdate = RegisterBody.omit({ kind: true, password: true }).partial();
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const RoleView = z.object({
  id: z.uuid().describe('The role assignment, for DELETE /api/officers/{id}/roles/{roleId}'),
  role: z.enum(OFFICER_ROLES),
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const AccountView = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'business', 'officer']),
  fullName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  phoneVerified: z.boolean(),
  emailVerified: z.boolean(),
  nationalId: z.string().nullable(),
  isNationalIdVerified: z.boolean(),
  dateOfBirth: z.string().nullable(),
  addressUnitId: z.number().nullable(),
  addressLine: z.string().nullable(),
  taxCode: z.string().nullable(),
  representatives: z.array(Representative).nullable(),
  isDisabled: z.boolean(),
  roles: z.array(RoleView),
});
export type AccountView = z.infer<typeof AccountView>;

export const MeView = z.object({ account: AccountView, csrfToken: z.string().nullable() });
export type MeView = z.infer<typeof MeView>;

export const RoleInput = z
  .object({
    role: z.enum(OFFICER_ROLES),
    unitCode: z
      .string()
      .regex(/^[0-9]{2,5}$/)
      .optional(),
    agencyId: z.string().min(1).max(60).optional(),
  })
  .refine((r) => (r.unitCode === undefined) !== (r.agencyId === undefined), {
    message: 'Cần đúng một trong unitCode hoặc agencyId | exactly one of unitCode or agencyId',
  });
export type RoleInput = z.infer<typeof RoleInput>;

export const CreateOfficerBody = z.object({
  fullName: z.string().trim().min(2).max(200),
  phone: Phone.optional(),
  email: Email.optional(),
  password: Password,
  nationalId: NationalId.optional(),
  roles: z.array(RoleInput).min(1).max(20),
});
export type CreateOfficerBody = z.infer<typeof CreateOfficerBody>;

export const OfficerList = z.object({ items: z.array(AccountView) });

export const OfficerUpdate = z.object({
  fullName: z.string().trim().min(2).max(200).optional(),
  disabled: z.boolean().optional(),
});
export type OfficerUpdate = z.infer<typeof OfficerUpdate>;
export const RoleParams = z.object({ id: z.uuid(), roleId: z.uuid() });

export const VerifyBody = z.object({
  channel: z.enum(['phone', 'email']),
  code: z.string().regex(/^[0-9]{6}$/, 'Mã gồm 6 chữ số | a 6-digit code'),
});
export const ResendBody = z.object({ channel: z.enum(['phone', 'email']) });
export const ResetRequestBody = z.object({ login: z.string().trim().min(3).max(200) });
export const ResetConfirmBody = z.object({
  login: z.string().trim().min(3).max(200),
  code: z.string().regex(/^[0-9]{6}$/, 'Mã gồm 6 chữ số | a 6-digit code'),
  newPassword: Password,
});

export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password });

export const TokenCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(z.string().min(1)).min(1).max(50),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const TokenCreated = TokenView.extend({ token: z.string() });
export const TokenList = z.object({ items: z.array(TokenView) });
export const IdParams = z.object({ id: z.uuid() });
export const Accepted = z.object({ ok: z.literal(true) });
