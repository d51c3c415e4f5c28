import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import { deliverNotification, markNotificationDead } from './delivery.ts';

export const DeliverNotificationPayload = z.object({ notificationId: z.number().int().positive() });

/**
 * One delivery per outbox row. Network I/O, so at-least-once (not inside a transaction; on PGlite that
 * would block every request for the length of an SMTP exchange). Backoff 1, 2, 4 … 64 minutes: eight
 * attempts over about two hours ride out a provider outage before the message is dead-lettered.
 */
export const deliverNotificationJob = defineJob({
  name: 'notifications.deliver',
  payload: DeliverNotificationPayload,
  mode: 'at-least-once',
  maxAttempts: 8,
  backoffMs: 60_000,
  leaseMs: 120_000,
  handle: ({ notificationId }, { ctx }) => deliverNotification(ctx, notificationId),
  onDead: ({ notificationId }, error, ctx) => markNotificationDead(ctx, notificationId, error),
});
