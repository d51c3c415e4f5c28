import { z } from 'zod';
import { MAX_DURATION } from '../../../shared/calendar/due-date.ts';

const AgencyId = z.string().min(1).max(64);

// The calendar checks the instant itself (offset mandatory, real dates); this only keeps garbage out.
const Instant = z.string().min(16).max(40).describe('ISO 8601 with an explicit offset, e.g. 2023-10-27T09:32:00+07:00');

export const DurationUnit = z.enum(['workingDays', 'workingHours', 'calendarDays']);

export const DueRequest = z.object({
  start: Instant,
  duration: z.object({
    value: z
      .number()
      .positive('Thời hạn phải lớn hơn 0 | The duration must be greater than 0')
      .max(MAX_DURATION.calendarDays * 2),
    unit: DurationUnit,
  }),
  agencyId: AgencyId.optional(),
  cutoff15: z.boolean().default(false),
});
export type DueRequest = z.infer<typeof DueRequest>;

export const DueResponse = z.object({
  startsAt: z.string().describe('When the clock starts (next window start if received outside one), +07:00'),
  dueAt: z.string().describe('The due instant, ISO 8601 with the +07:00 offset'),
  provisional: z.boolean().describe('True when a year of the period has no complete official table yet'),
});
export type DueResponse = z.infer<typeof DueResponse>;

export const YearParams = z.object({ year: z.coerce.number().int().min(1900).max(2200) });
export const YearQuery = z.object({ agencyId: AgencyId.optional() });

const NamedDay = z.object({ date: z.iso.date(), name: z.string() });

export const YearCalendarResponse = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  source: z.string().describe('`computed` from the Labour Code rules, or the official table’s status'),
  agencyId: z.string().nullable(),
  windows: z.array(z.object({ start: z.string(), end: z.string() })),
  workingDays: z.array(z.iso.date()),
  daysOff: z.array(NamedDay),
  makeupDays: z.array(NamedDay),
});
export type YearCalendarResponse = z.infer<typeof YearCalendarResponse>;

export const OfficialYearInput = z.object({
  status: z.string().min(1).max(40),
  provisional: z.boolean().default(false),
  sources: z.array(z.string().min(1).max(500)).max(20),
  days: z
    .array(
      z.object({
        date: z.iso.date(),
        kind: z.enum(['off', 'workday']),
        name: z.string().trim().min(1).max(200),
      }),
    )
    .max(120),
});
export type OfficialYearInput = z.infer<typeof OfficialYearInput>;
