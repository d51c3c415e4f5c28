import type { z } from 'zod';
import type { Locale } from '../tables.ts';
import { accountTemplates } from './account.ts';
import { citizenTemplates } from './citizen.ts';
import { officerTemplates } from './officer.ts';
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

export function renderTemplate(name: TemplateName, locale: Locale, params: unknown): RenderedMessage {
  const template = templates[name] as TemplateDefinition;
  return template.render[locale](template.params.parse(params));
}

export function isSensitiveTemplate(name: string): boolean {
  return isTemplateName(name) && (templates[name] as TemplateDefinition).isSensitive === true;
}
