import { z } from 'zod';
import { AgencyLevel, UnitLevel } from '../../../shared/schemas/units.ts';

export { Agency, AgencyList, AgencyUpdate, Unit, UnitList } from '../../../shared/schemas/units.ts';

const SearchText = z
  .string()
  .trim()
  .min(1, 'Từ khóa không được để trống | The search text must not be empty')
  .max(100, 'Từ khóa tối đa 100 ký tự | The search text has at most 100 characters');

const UnitCode = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2–5 chữ số | A unit code has 2 to 5 digits');

const Page = {
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
};

export const UnitListQuery = z.object({
  level: UnitLevel.optional(),
  parent: UnitCode.optional(),
  q: SearchText.optional(),
  at: z.iso.date('Ngày có dạng YYYY-MM-DD | A date is written YYYY-MM-DD').optional(),
  ...Page,
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitParams = z.object({ code: UnitCode });
export const UnitQuery = z.object({ at: UnitListQuery.shape.at });

export const AgencyListQuery = z.object({
  unit: UnitCode.optional(),
  parent: z.string().min(1).max(64).optional(),
  level: AgencyLevel.optional(),
  kind: z.string().min(1).max(64).optional(),
  q: SearchText.optional(),
  at: UnitListQuery.shape.at,
  ...Page,
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const AgencyParams = z.object({ id: z.string().min(1).max(64) });
