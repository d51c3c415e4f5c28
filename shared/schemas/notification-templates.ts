import { z } from 'zod';

/** The notification templates administration API (server/modules/notifications/template-routes.ts). */
export const TemplateLocale = z.enum(['vi', 'en']);

export const TemplateKeyParams = z.object({
  name: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Tên mẫu dạng nhom.ten | a template name such as group.name'),
});
export const TemplateLocaleParams = TemplateKeyParams.extend({ locale: TemplateLocale });

// Hard caps against abuse; the real limits (subject 200, body 4000, one SMS) come with friendlier
// messages from shared/notifications/message-text.ts.
const Part = (max: number) => z.string().max(max).nullable();

/** An administrator's wording; null keeps that part's default text. */
export const TemplateDraftBody = z.object({
  subject: Part(1_000).describe('E-mail subject and inbox title; {placeholders} allowed'),
  body: Part(20_000).describe('E-mail and inbox body; {placeholders} allowed'),
  sms: Part(1_000).describe('SMS text without diacritics; with the sample values at most 160 GSM-7 characters'),
});
export type TemplateDraftBody = z.infer<typeof TemplateDraftBody>;

export const TemplateTexts = z.object({ subject: z.string(), body: z.string(), sms: z.string() });
export type TemplateTexts = z.infer<typeof TemplateTexts>;

export const TemplateOverrideView = TemplateDraftBody.extend({
  updatedAt: z.iso.datetime(),
  updatedBy: z.object({ id: z.string(), name: z.string() }),
});

export const TemplateLocaleView = z.object({
  /** The code's texts rendered with the sample parameters (the SMS as sent, unaccented). */
  defaults: TemplateTexts,
  /** Each placeholder's sample value, formatted as the message shows it. */
  samples: z.record(z.string(), z.string()),
  override: TemplateOverrideView.nullable(),
  /** What is sent now (override where set, default elsewhere), with the sample parameters. */
  preview: TemplateTexts,
});
export type TemplateLocaleView = z.infer<typeof TemplateLocaleView>;

export const TemplateAudience = z.enum(['citizen', 'officer', 'account']);

export const TemplateView = z.object({
  name: z.string(),
  audience: TemplateAudience,
  isSensitive: z.boolean(),
  placeholders: z.array(z.string()),
  mustMention: z.array(z.string()),
  locales: z.object({ vi: TemplateLocaleView, en: TemplateLocaleView }),
});
export type TemplateView = z.infer<typeof TemplateView>;

export const TemplateSummary = z.object({
  name: z.string(),
  audience: TemplateAudience,
  /** The default subject in Vietnamese, with the sample parameters. */
  subject: z.string(),
  overridden: z.object({ vi: z.boolean(), en: z.boolean() }),
  updatedAt: z.iso.datetime().nullable(),
});
export const TemplateList = z.object({ items: z.array(TemplateSummary) });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplatePreview = TemplateTexts.extend({
  /** GSM-7 septets of the SMS with the sample values (one SMS holds 160). */
  smsLength: z.number().int(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type TemplatePreview = z.infer<typeof TemplatePreview>;
