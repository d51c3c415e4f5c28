import { z } from 'zod';
import { ProcedureCode } from '../../../shared/schemas/procedure.ts';
import { RESULT_CODE } from './result-statement.ts';
import { ACTIONS, OWNER_TYPES, RESULT_DELIVERIES } from './workflow.ts';

const Name = z.string().trim().min(1, 'Họ tên không được để trống | The name is required').max(200);
const IdNumber = z
  .string()
  .regex(/^(\d{9}|\d{12})$/, 'Số CMND/CCCD gồm 9 hoặc 12 chữ số | An ID number has 9 or 12 digits');
const Phone = z
  .string()
  .regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại Việt Nam, ví dụ 0912345678 | A Vietnamese phone number, e.g. 0912345678');

export const Applicant = z.object({
  name: Name,
  idNumber: IdNumber.optional(),
  phone: Phone.optional(),
  email: z.email('Địa chỉ e-mail không hợp lệ | Not a valid e-mail address').optional(),
  address: z.string().trim().max(500).optional(),
});

export const Owner = z.object({
  name: Name,
  idNumber: IdNumber.optional(),
  taxCode: z.string().trim().max(20).optional(),
  address: z.string().trim().max(500).optional(),
});

export const ComponentEntry = z.object({
  key: z.string().min(1).max(64),
  /** Counter reception: the paper was scanned by the officer (Circular 01/2023). */
  isDigitised: z.boolean().default(false),
  /** Reuse a file of an earlier dossier of the same applicant instead of uploading it again. */
  reuseFileId: z.uuid().optional(),
});

export const SubmitDossier = z.object({
  procedureCode: ProcedureCode,
  agencyId: z.string().min(1).max(64),
  channel: z.enum(['in_person', 'online', 'postal']).optional(),
  applicant: Applicant,
  ownerType: z.enum(OWNER_TYPES).default('citizen'),
  owner: Owner.optional(),
  eform: z.record(z.string(), z.unknown()).default({}),
  resultDelivery: z.enum(RESULT_DELIVERIES).default('counter'),
  deliveryAddress: z.string().trim().max(500).optional(),
  components: z.array(ComponentEntry).max(200).default([]),
});
export type SubmitDossier = z.infer<typeof SubmitDossier>;

const Reason = z.string().trim().min(1, 'Phải ghi rõ lý do | A reason is required').max(2000);

export const SupplementItem = z.object({
  name: z.string().trim().min(1).max(500),
  count: z.number().int().min(1).max(20).default(1),
  note: z.string().max(1000).optional(),
});

/** Every action body: the version the officer saw, plus what that action needs. */
export const ActionBody = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
  reason: Reason.optional(),
  items: z.array(SupplementItem).min(1).max(50).optional(),
  assigneeId: z.uuid().optional(),
  agencyId: z.string().min(1).max(64).optional(),
  method: z.enum(RESULT_DELIVERIES).optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

export const ActionParams = z.object({ id: z.uuid(), action: z.enum(ACTIONS) });
export const DossierKeyParams = z.object({ key: z.string().min(1).max(100) });
export const FormParams = z.object({ id: z.uuid(), form: z.enum(['01', '02', '03', '05']) });

export const DossierListQuery = z.object({
  queue: z.enum(['reception', 'unassigned', 'mine', 'supplement', 'approve', 'sign', 'return', 'overdue']).optional(),
  status: z.coerce.number().int().min(1).max(10).optional(),
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional(),
  assignee: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

export const TrackParams = z.object({ code: z.string().min(8).max(80) });
export const TrackQuery = z.object({
  check: z.string().regex(/^\d{4}$/, 'Nhập 4 chữ số cuối | Enter the last 4 digits'),
});

export const ResultParams = z.object({
  resultCode: z
    .string()
    .max(120)
    .regex(RESULT_CODE, 'Mã kết quả dạng {mã hồ sơ}-KQ{n} | A result code looks like {dossier code}-KQ{n}'),
});

const Text = z.object({ vi: z.string(), en: z.string() });

/** The public answer about an e-result: no personal data (ADR 0017). */
export const ResultVerification = z.object({
  resultCode: z.string(),
  isValid: z.boolean(),
  problem: z
    .enum(['signature', 'file_replaced', 'content_changed'])
    .nullable()
    .describe('why it is not valid: the signature, the file was replaced, the stored content changed'),
  message: Text,
  agency: z.object({ id: z.string(), name: z.string() }),
  signerName: z.string(),
  signedAt: z.string(),
  sha256: z.string().describe('SHA-256 of the signed file; compare it with the file you hold'),
  algorithm: z.string(),
  keyId: z.string().describe('the public key at GET /api/signing/keys'),
  statement: z.string().describe('the exact signed text (UTF-8), to verify offline'),
  signature: z.string().describe('base64url'),
});
