import { z } from 'zod';
import { EformDefinition, LocalText } from './eform.ts';

/** Procedure versions as the API takes and returns them (shared with the web app). DOMAIN §2. */

// National code d.dddddd (1.001193), local suffixes allowed (1.000948.H38).
export const ProcedureCode = z
  .string()
  .regex(
    /^\d\.\d{6}(\.[A-Z0-9]{1,12})*$/,
    'Mã thủ tục có dạng d.dddddd, có thể thêm hậu tố địa phương (1.000948.H38) | A procedure code looks like d.dddddd, optionally with a local suffix (1.000948.H38)',
  );

export const Tier = z.enum(['city', 'district', 'commune']);
export type Tier = z.infer<typeof Tier>;

export const DurationUnit = z.enum(['workingDays', 'workingHours', 'calendarDays']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const TimeLimit = z.object({
  value: z.number().positive('Thời hạn phải lớn hơn 0 | The time limit must be above 0').max(1500),
  unit: DurationUnit,
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Channel = z.enum(['online', 'postal', 'in_person']);
export type Channel = z.infer<typeof Channel>;

export const FeeLine = z.object({
  label: z.string().trim().min(1).max(300),
  /** null: no fixed national amount (e.g. set by the provincial People's Council). */
  amountVnd: z.number().int().min(0).max(1_000_000_000).nullable(),
  setByProvincialCouncil: z.boolean().default(false),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type FeeLine = z.infer<typeof FeeLine>;

export const ChannelLine = z.object({
  channel: Channel,
  time: TimeLimit.nullable(),
  timeNote: z.string().trim().max(500).nullable().default(null),
  fees: z.array(FeeLine).max(20).default([]),
});
export type ChannelLine = z.infer<typeof ChannelLine>;

export const Template = z.object({ name: z.string().trim().min(1).max(300), url: z.string().trim().max(1000) });

export const Component = z.object({
  key: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
      'Mã thành phần: chữ thường, số, "-" | A component key has lower-case letters, digits and "-"',
    ),
  name: z.string().trim().min(1).max(2000),
  group: z.string().trim().max(200).nullable().default(null),
  originals: z.number().int().min(0).max(20),
  certifiedCopies: z.number().int().min(0).max(20),
  photocopies: z.number().int().min(0).max(20),
  required: z.boolean().default(true),
  templates: z.array(Template).max(10).default([]),
});
export type Component = z.infer<typeof Component>;

export const WorkflowRole = z.enum(['receptionist', 'specialist', 'division_head', 'leader']);
export const RelativeTier = z.enum(['receiving', 'commune', 'district', 'city']);

/** One step of the internal workflow: a fixed agency, or a tier relative to the receiving unit (liên thông). */
export const WorkflowStep = z
  .object({
    name: LocalText,
    agencyId: z.string().min(1).max(64).nullable().default(null),
    tier: RelativeTier.nullable().default(null),
    /** Division of a district People's Committee (e.g. `tu-phap`), when the step goes to one. */
    division: z.string().max(64).nullable().default(null),
    role: WorkflowRole,
    budgetDays: z.number().positive('Thời gian bước phải lớn hơn 0 | A step budget must be above 0').max(1500),
  })
  .refine((s) => (s.agencyId === null) !== (s.tier === null), {
    message: 'Mỗi bước có đúng một trong hai: cơ quan hoặc cấp | Each step names exactly one of agency or tier',
    path: ['agencyId'],
  });
export type WorkflowStep = z.infer<typeof WorkflowStep>;

export const ApplicantType = z.enum(['citizen', 'business', 'organisation', 'foreigner']);

// Decree 43/2011 Art. 3(4) levels 2–4; Decree 42/2022 full-process = 4, partial = 3 (DOMAIN §2).
export const OnlineLevel = z.union([z.literal(2), z.literal(3), z.literal(4)]);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export const SupplementMode = z.enum(['RESTART', 'PAUSE']);
const IsoDate = z.iso.date('Ngày có dạng YYYY-MM-DD | A date is written YYYY-MM-DD');

/** What an author writes for one version (a draft, or a row set of the Excel workbook). */
export const ProcedureVersionInput = z.object({
  code: ProcedureCode,
  validFrom: IsoDate,
  validTo: IsoDate.nullable().default(null),
  name: z.string().trim().min(1).max(500),
  sector: z.string().trim().min(1).max(300),
  tiers: z.array(Tier).min(1).max(3),
  agencyId: z.string().min(1).max(64).nullable().default(null),
  applicantTypes: z.array(ApplicantType).min(1).max(4),
  steps: z.string().trim().max(20000).default(''),
  timeLimit: TimeLimit,
  channels: z.array(ChannelLine).max(3).default([]),
  components: z.array(Component).max(200).default([]),
  resultType: z.string().trim().max(1000).default(''),
  legalBasis: z.string().trim().max(5000).default(''),
  onlineLevel: OnlineLevel,
  cutoff15: z.boolean().default(false),
  supplementMode: SupplementMode.default('RESTART'),
  eform: EformDefinition.nullable().default(null),
  workflow: z.array(WorkflowStep).max(50).default([]),
});
export type ProcedureVersionInput = z.input<typeof ProcedureVersionInput>;
export type ProcedureVersionData = z.output<typeof ProcedureVersionInput>;

export const ProcedureVersion = ProcedureVersionInput.safeExtend({
  id: z.number().int(),
  status: z.enum(['draft', 'published']),
  hasFee: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

export const ProcedureSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  sector: z.string(),
  tiers: z.array(Tier),
  agencyId: z.string().nullable(),
  onlineLevel: OnlineLevel,
  hasFee: z.boolean(),
  timeLimit: TimeLimit,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  score: z.number().optional(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ProcedureSummary),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

export const CatalogueStats = z.object({
  total: z.number().int(),
  byOnlineLevel: z.record(z.string(), z.number().int()),
  byTier: z.record(z.string(), z.number().int()),
  at: z.string(),
});
export type CatalogueStats = z.infer<typeof CatalogueStats>;
