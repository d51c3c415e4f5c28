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
  /** Where to go and whom to call (the one-stop desk's, for a desk); kept by administrators. */
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  /** Bumped by every edit; an edit names the version it was based on. */
  version: z.number().int(),
});
export type Agency = z.infer<typeof Agency>;

// Blank means "none": an administrator clears a detail by emptying its field; the rest is checked by `check`.
const detail = (check: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(check.nullable())
    .nullable()
    .optional();

/** An administrator's edit of an agency: the fields given change, the others stay. */
export const AgencyUpdate = z
  .object({
    version: z.number().int().min(1).describe('The version the edit is based on (409 CONFLICT when stale)'),
    name: z
      .string()
      .trim()
      .min(3, 'Tên cơ quan cần ít nhất 3 ký tự | The name needs at least 3 characters')
      .max(200, 'Tên cơ quan tối đa 200 ký tự | The name has at most 200 characters')
      .optional(),
    shortName: z
      .string()
      .trim()
      .min(2, 'Tên viết tắt cần ít nhất 2 ký tự | The short name needs at least 2 characters')
      .max(100, 'Tên viết tắt tối đa 100 ký tự | The short name has at most 100 characters')
      .optional(),
    address: detail(z.string().max(300, 'Địa chỉ tối đa 300 ký tự | The address has at most 300 characters')),
    phone: detail(
      z
        .string()
        .regex(
          /^\+?[0-9](?:[0-9 .()-]{1,18}[0-9])?$/,
          'Số điện thoại chỉ gồm chữ số, khoảng trắng, dấu chấm, gạch ngang (3–20 ký tự) | A phone number has digits, spaces, dots and dashes only (3 to 20 characters)',
        ),
    ),
    email: detail(z.email('Địa chỉ e-mail không hợp lệ | not a valid e-mail address').max(254)),
    openingHours: detail(
      z.string().max(300, 'Giờ làm việc tối đa 300 ký tự | The opening hours have at most 300 characters'),
    ),
  })
  .refine((u) => Object.keys(u).some((k) => k !== 'version'), {
    message: 'Cần ít nhất một thông tin để sửa | Give at least one detail to change',
    path: ['name'],
  });
export type AgencyUpdate = z.infer<typeof AgencyUpdate>;
export type AgencyUpdateInput = z.input<typeof AgencyUpdate>;

export const AgencyList = z.object({ total: z.number().int(), items: z.array(Agency) });
export type AgencyList = z.infer<typeof AgencyList>;
