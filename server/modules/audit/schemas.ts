import { z } from 'zod';

export const AuditSearchQuery = z.object({
  person: z.uuid('Mã tài khoản không hợp lệ | not an account id').optional(),
  actor: z.uuid('Mã tài khoản không hợp lệ | not an account id').optional(),
  recordType: z.string().min(1).max(60).optional(),
  recordId: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(80).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;

export const AuditItem = z.object({
  /** Null for the few seconds before the sealer links the row into its chain. */
  chain: z.number().nullable(),
  seq: z.number().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorKind: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  unitId: z.number().nullable(),
  agencyId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string().nullable(),
});

export const AuditSearchResult = z.object({ total: z.number(), items: z.array(AuditItem) });
export type AuditSearchResult = z.infer<typeof AuditSearchResult>;
