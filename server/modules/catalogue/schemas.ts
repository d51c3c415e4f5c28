import { z } from 'zod';
import { OnlineLevel, ProcedureCode, Tier } from '../../../shared/schemas/procedure.ts';

export {
  CatalogueStats,
  ProcedureList,
  ProcedureVersion,
  ProcedureVersionInput,
} from '../../../shared/schemas/procedure.ts';

const IsoDate = z.iso.date('Ngày có dạng YYYY-MM-DD | A date is written YYYY-MM-DD');

export const ProcedureListQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Từ khóa không được để trống | The search text must not be empty')
    .max(100, 'Từ khóa tối đa 100 ký tự | The search text has at most 100 characters')
    .optional(),
  tier: Tier.optional(),
  agency: z.string().min(1).max(64).optional(),
  unit: z
    .string()
    .regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2–5 chữ số | A unit code has 2 to 5 digits')
    .optional(),
  sector: z.string().trim().min(1).max(300).optional(),
  onlineLevel: z.coerce.number().pipe(OnlineLevel).optional(),
  fee: z.enum(['free', 'paid']).optional(),
  at: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const ProcedureParams = z.object({ code: ProcedureCode });
export const VersionParams = z.object({ code: ProcedureCode, id: z.coerce.number().int().positive() });
export const AtQuery = z.object({ at: IsoDate.optional() });

export const ExportQuery = z.object({
  codes: z
    .string()
    .max(20_000)
    .optional()
    .describe('Comma-separated procedure codes; default: every procedure in force'),
  drafts: z.enum(['true', 'false']).default('false').describe('Also export draft versions of those codes'),
});

export const ImportReport = z.object({
  applied: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  published: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() })),
});
