import type { z } from 'zod';
import type { Locale } from '../tables.ts';
import { formatVnd, formatWhen } from './format.ts';

/**
 * How a parameter reads inside an administrator's text (`{appointmentAt}` → "09:32 03/11/2023"): decided
 * by its zod type, so every template's placeholders are exactly its schema's keys, formatted like the
 * default texts format them.
 */
type Kind = 'text' | 'instant' | 'number' | 'money' | 'list';

interface ZodInternals {
  _zod: { def: { type: string; format?: string; innerType?: ZodInternals } };
}

function kindOf(name: string, schema: ZodInternals): Kind {
  let def = schema._zod.def;
  while ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType)
    def = def.innerType._zod.def;
  if (def.type === 'array') return 'list';
  if (def.type === 'number') return name.endsWith('Vnd') ? 'money' : 'number';
  if (def.type === 'string' && def.format === 'datetime') return 'instant';
  return 'text';
}

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

function shapeOf(params: z.ZodType): Record<string, ZodInternals> {
  return (params as unknown as { shape?: Record<string, ZodInternals> }).shape ?? {};
}

/** The placeholder names of a template: its parameters. */
export function placeholderNames(params: z.ZodType): string[] {
  return Object.keys(shapeOf(params));
}

/** Every placeholder's value for these (already validated) parameters, as the message shows it. */
export function placeholderValues(
  params: z.ZodType,
  locale: Locale,
  values: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(shapeOf(params))) {
    const value = values[name];
    if (value === undefined || value === null) {
      out[name] = '';
      continue;
    }
    switch (kindOf(name, schema)) {
      case 'instant':
        out[name] = formatWhen(text(value), locale);
        break;
      case 'money':
        out[name] = formatVnd(Number(value), locale);
        break;
      case 'number':
        out[name] = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(
          Number(value),
        );
        break;
      case 'list':
        out[name] = (value as unknown[]).map(text).join('; ');
        break;
      case 'text':
        out[name] = text(value);
        break;
    }
  }
  return out;
}
