import type { z } from 'zod';
import { fillPlaceholders, renderSms, type TemplateDraft } from '../../../../shared/notifications/message-text.ts';
import type { Locale } from '../tables.ts';
import { accountTemplates } from './account.ts';
import { citizenTemplates } from './citizen.ts';
import { officerTemplates } from './officer.ts';
import { placeholderNames, placeholderValues } from './placeholders.ts';
import type { RenderedMessage, TemplateDefinition } from './types.ts';

/** Every notification the product sends, by name: the message catalogue (vi first, en second). */
export const templates = { ...citizenTemplates, ...officerTemplates, ...accountTemplates };

export type TemplateName = keyof typeof templates;
export type TemplateParams<N extends TemplateName> = z.input<(typeof templates)[N]['params']>;

export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** Validates the parameters against the template's schema (throws a ZodError when they do not fit). */
export function validateTemplateParams(name: TemplateName, params: unknown): Record<string, unknown> {
  return (templates[name] as TemplateDefinition).params.parse(params) as Record<string, unknown>;
}

/**
 * The message in one language: the code's default texts, or an administrator's wording of any part
 * (`notification_template_overrides`) with the parameters filled in; the SMS stays unaccented.
 */
export function renderTemplate(
  name: TemplateName,
  locale: Locale,
  params: unknown,
  override?: Partial<TemplateDraft>,
): RenderedMessage {
  const template = templates[name] as TemplateDefinition;
  const parsed = template.params.parse(params);
  const rendered = template.render[locale](parsed);
  if (!override || (!override.subject && !override.body && !override.sms)) return rendered;
  const values = placeholderValues(template.params, locale, parsed as Record<string, unknown>);
  return {
    ...rendered,
    ...(override.subject ? { subject: fillPlaceholders(override.subject, values) } : {}),
    ...(override.body ? { text: fillPlaceholders(override.body, values) } : {}),
    ...(override.sms ? { short: renderSms(override.sms, values) } : {}),
  };
}

/** What an administrator may write for a template: its placeholders and those the body and SMS must keep. */
export function templateSpec(name: TemplateName): { placeholders: string[]; mustMention: readonly string[] } {
  const template = templates[name] as TemplateDefinition;
  return { placeholders: placeholderNames(template.params), mustMention: template.mustMention ?? [] };
}

export function templateAudience(name: TemplateName): TemplateDefinition['audience'] {
  return (templates[name] as TemplateDefinition).audience;
}

export function isSensitiveTemplate(name: string): boolean {
  return isTemplateName(name) && (templates[name] as TemplateDefinition).isSensitive === true;
}
