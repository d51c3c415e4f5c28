import { z } from 'zod';

/**
 * Report shapes shared by the server and the web app (docs/reports.md). Counts follow Circular 01/2020/TT-VPCP
 * forms 06a/07a; timeliness rules are DOMAIN §4 and §7.
 */
const count = z.number().int();

export const ReportQuery = z.object({
  from: z.iso.date().optional().describe('First day of the period (Vietnam local date), inclusive'),
  to: z.iso.date().optional().describe('Last day of the period, inclusive'),
  period: z
    .string()
    .regex(/^\d{4}-(M(0?[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/, 'Kỳ báo cáo không hợp lệ | invalid period')
    .optional()
    .describe('Decree 09/2019 Art. 12 cut-off period instead of from/to: 2023-M10, 2023-Q4, 2023-H1, 2023-Y'),
  unit: z
    .string()
    .max(10)
    .optional()
    .describe('GSO code of the unit whose subtree is reported (default: all in scope)'),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const FormCounts = z.object({
  received: z.object({ total: count, online: count, inPersonOrPost: count, carriedOver: count }),
  resolved: z.object({ total: count, early: count, onTime: count, late: count }),
  pending: z.object({ total: count, inTime: count, overdue: count }),
  /** Refused after appraisal, withdrawn or stopped within the period (the invariant's third term). */
  closedOther: count,
});
export type FormCounts = z.infer<typeof FormCounts>;

export const FormRow = z.object({
  key: z.string().describe('Unit GSO code (06a) or sector name (07a)'),
  label: z.string(),
  level: z.string().nullable(),
  counts: FormCounts,
});
export type FormRow = z.infer<typeof FormRow>;

export const InvariantCheck = z.object({
  holds: z.boolean().describe('received = resolved + pending + refused/withdrawn/stopped, on every row'),
  failures: z.array(z.object({ key: z.string(), received: count, accounted: count })),
});
export type InvariantCheck = z.infer<typeof InvariantCheck>;

export const ReportPeriod = z.object({ from: z.string(), to: z.string(), label: z.string() });
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export const FormReport = z.object({
  form: z.enum(['06a', '07a']),
  title: z.string(),
  period: ReportPeriod,
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  rows: z.array(FormRow),
  total: FormCounts,
  invariant: InvariantCheck,
  source: z.enum(['rollup', 'raw']),
});
export type FormReport = z.infer<typeof FormReport>;

export const Form07bRow = z.object({
  tier: z.enum(['city', 'district', 'commune']),
  procedures: count.describe('Published procedures of this tier in force at the period end'),
  proceduresWithDossiers: count,
  dossiers: count.describe('Dossiers received in the period at units of this tier'),
  oneStop: count.describe('Handled entirely by agencies of the receiving unit'),
  interagency: count.describe('Liên thông: handed to an agency of another unit'),
});
export const Form07b = z.object({
  form: z.literal('07b'),
  title: z.string(),
  period: ReportPeriod,
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  rows: z.array(Form07bRow),
});
export type Form07b = z.infer<typeof Form07b>;

export const TrackingLogEntry = z.object({
  no: count,
  code: z.string(),
  content: z.string().describe('Procedure name'),
  sets: count,
  owner: z.string(),
  address: z.string(),
  phone: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  receivingOfficer: z.string(),
  area: z.string().describe('Sector (lĩnh vực)'),
  note: z.string(),
});
export const TrackingLog = z.object({
  form: z.literal('tracking-log'),
  title: z.string(),
  period: ReportPeriod,
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  total: count,
  truncated: z.boolean(),
  entries: z.array(TrackingLogEntry),
});
export type TrackingLog = z.infer<typeof TrackingLog>;

export const Indicator = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  points: z.number(),
  threshold: z.number(),
  rate: z.number().nullable(),
  score: z.number(),
  numerator: count,
  denominator: count,
  dataAvailable: z.boolean(),
  confirmed: z.boolean().describe('Points and threshold verified in Decision 766 (otherwise configuration)'),
  note: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Rating = z.enum(['excellent', 'good', 'fair', 'average', 'weak']);
export const Index766 = z.object({
  period: ReportPeriod,
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  indicators: z.array(Indicator),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  rating: Rating,
});
export type Index766 = z.infer<typeof Index766>;

export const SpeedRow = z.object({
  procedureCode: z.string(),
  procedureName: z.string(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  resolved: count,
  averageDays: z.number(),
  medianDays: z.number(),
  statutoryDays: z.number(),
  timeUnit: z.enum(['workingDays', 'calendarDays']),
  fasterPercent: z.number().describe('1 − average / statutory, in %; negative when slower than the law'),
});
export type SpeedRow = z.infer<typeof SpeedRow>;
export const SpeedReport = z.object({ period: ReportPeriod, rows: z.array(SpeedRow) });
export type SpeedReport = z.infer<typeof SpeedReport>;

export const AreaPerformance = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  received: count,
  resolved: count,
  onTimeRate: z.number().nullable().describe('(early + on time) / resolved, 0–1'),
  onlineShare: z.number().nullable().describe('online / received in the period, 0–1'),
});
export type AreaPerformance = z.infer<typeof AreaPerformance>;

export const PublicDashboard = z.object({
  generatedAt: z.string(),
  services: z.object({
    total: count,
    byOnlineLevel: z.record(z.string(), count),
    byTier: z.record(z.string(), count),
  }),
  month: z.object({ from: z.string(), to: z.string(), received: count, resolved: count }),
  year: z.object({
    from: z.string(),
    to: z.string(),
    received: count,
    resolved: count,
    onTimeRate: z.number().nullable(),
  }),
  districts: z.array(AreaPerformance),
  communes: z.array(AreaPerformance),
  speed: z.array(SpeedRow),
});
export type PublicDashboard = z.infer<typeof PublicDashboard>;
