import { z } from 'zod';

/** Administrative units and agencies as the API returns them (shared with the web app). */
export const UnitLevel = z.enum(['city', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const Unit = z.object({
  id: z.number().int().describe('Surrogate id of this unit version; GSO codes are reused across years.'),
  code: z.string().describe('GSO administrative-unit code'),
  name: z.string(),
  fullName: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  level: UnitLevel,
  parentCode: z.string().nullable(),
  unitSet: z.string().describe('Reference set the unit comes from: 2018 (three tiers) or 2025 (two tiers)'),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitList = z.object({ total: z.number().int(), items: z.array(Unit) });
export type UnitList = z.infer<typeof UnitList>;

export const AgencyLevel = z.enum(['central', 'city', 'district', 'commune']);

export const Agency = z.object({
  id: z.string().describe('Electronic agency identifier (mã định danh, QCVN 102:2016/BTTTT), opaque'),
  key: z.string(),
  idStatus: z.enum(['real', 'synthetic']),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  level: AgencyLevel,
  unitCode: z.string().nullable(),
  /** The unit row (codes are reused across unit sets: key on this, never on unitCode alone). */
  unitId: z.number().int().nullable(),
  parentId: z.string().nullable(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyList = z.object({ total: z.number().int(), items: z.array(Agency) });
export type AgencyList = z.infer<typeof AgencyList>;
