import type { AppContext } from '../../context.ts';
import type { PaymentIntent } from './schemas.ts';

/**
 * How the owner of a subject (dossiers today, orders and vend sessions later) learns what happened
 * to its payment. Handlers run INSIDE the transaction that changed the payment (`ctx.db` is that
 * transaction): if a handler throws, the credit is rolled back too and the provider retries, so the
 * subject and the payment never disagree. Registered once at start-up, by code (no runtime state).
 */
export type PaymentEventKind = 'succeeded' | 'failed' | 'expired' | 'refunded';

export interface PaymentEvent {
  kind: PaymentEventKind;
  intent: PaymentIntent;
  /** For `refunded`: the amount given back by this refund. */
  amount?: number;
}

export type PaymentHandler = (ctx: AppContext, event: PaymentEvent) => Promise<void>;

const handlers = new Map<string, PaymentHandler[]>();

function key(subjectType: string, kind: PaymentEventKind): string {
  return `${subjectType}:${kind}`;
}

/** Registers a handler; returns a function that removes it (tests). */
export function onPaymentEvent(subjectType: string, kind: PaymentEventKind, handler: PaymentHandler): () => void {
  const k = key(subjectType, kind);
  handlers.set(k, [...(handlers.get(k) ?? []), handler]);
  return () =>
    handlers.set(
      k,
      (handlers.get(k) ?? []).filter((h) => h !== handler),
    );
}

export function onPaymentSucceeded(subjectType: string, handler: PaymentHandler): () => void {
  return onPaymentEvent(subjectType, 'succeeded', handler);
}

export async function emitPaymentEvent(ctx: AppContext, event: PaymentEvent): Promise<void> {
  for (const handler of handlers.get(key(event.intent.subject.type, event.kind)) ?? []) await handler(ctx, event);
}
