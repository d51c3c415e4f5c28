import type { z } from 'zod';
import type { Locale } from '../tables.ts';

/** One message in one language: subject and body for e-mail and the inbox, `short` for SMS and ZNS. */
export interface RenderedMessage {
  subject: string;
  text: string;
  short: string;
  link?: string;
}

export interface TemplateDefinition<S extends z.ZodType = z.ZodType> {
  audience: 'citizen' | 'officer' | 'account';
  /** Parameters are secrets (one-time codes): wiped from the outbox once the message is delivered or dead. */
  isSensitive?: boolean;
  /** Placeholders an administrator's body and SMS must keep (`{code}` in a one-time code message). */
  mustMention?: readonly string[];
  params: S;
  render: Record<Locale, (params: z.infer<S>) => RenderedMessage>;
}

export function defineTemplate<S extends z.ZodType>(t: TemplateDefinition<S>): TemplateDefinition<S> {
  return t;
}
