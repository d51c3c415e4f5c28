import type { AppContext } from '../../context.ts';
import { JobDeferred } from '../../jobs/define.ts';
import { describeError } from '../../jobs/run-job.ts';
import { resolveChannel, rateLimitPerMinute } from './channels/resolve.ts';
import { maskAddress, redactContacts } from './mask.ts';
import {
  findNotification,
  findTemplateOverride,
  reserveSendSlot,
  recordDelivery,
  recordFailure,
} from './repository.ts';
import { isSensitiveTemplate, isTemplateName, renderTemplate } from './templates/catalogue.ts';

const MINUTE_MS = 60_000;

/**
 * Delivers one outbox row through its channel. Idempotent: a row already sent, skipped or dead is left
 * alone, so a job that runs twice (at-least-once mode) sends once except in the instant between the
 * provider's acceptance and our update. Throws to have the job retried with backoff.
 */
export async function deliverNotification(ctx: AppContext, notificationId: number): Promise<void> {
  const n = await findNotification(ctx.db, notificationId);
  if (!n || n.status === 'sent' || n.status === 'skipped' || n.status === 'dead') return;
  if (!isTemplateName(n.template)) throw new Error(`unknown template ${n.template}`);
  const channel = resolveChannel(ctx, n.channel);
  const now = ctx.clock.now();

  const limit = rateLimitPerMinute(ctx, n.channel);
  if (limit > 0 && channel.transport !== 'dev-mailbox') {
    const windowStart = new Date(now.getTime() - MINUTE_MS);
    if (!(await reserveSendSlot(ctx.db, { id: n.id, channel: n.channel, now, windowStart, limit })))
      throw new JobDeferred(Math.max(1000, Math.ceil(MINUTE_MS / limit)), `${n.channel} rate limit`);
  }

  const logFields = {
    notificationId: n.id,
    template: n.template,
    channel: n.channel,
    transport: channel.transport,
    to: n.address ? maskAddress(n.address) : undefined,
  };
  try {
    // An administrator's wording, if any, at the time of sending (notification_template_overrides).
    const override = await findTemplateOverride(ctx.db, n.template, n.locale);
    const rendered = renderTemplate(n.template, n.locale, n.params, override);
    const result = await channel.send(ctx, {
      notificationId: n.id,
      template: n.template,
      channel: n.channel,
      accountId: n.account_id,
      address: n.address,
      locale: n.locale,
      params: n.params,
      rendered,
    });
    await recordDelivery(ctx.db, n.id, {
      status: result.status,
      at: ctx.clock.now(),
      providerId: result.providerId ?? null,
      note: result.note ?? null,
      wipeParams: isSensitiveTemplate(n.template),
    });
    ctx.log.info({ ...logFields, status: result.status }, 'notification delivered');
  } catch (error) {
    // SMTP servers and gateways echo addresses in their errors: mask before storing or logging.
    const message = redactContacts(describeError(error));
    await recordFailure(ctx.db, n.id, message, false);
    ctx.log.warn({ ...logFields, error: message }, 'notification delivery failed');
    throw new Error(message, { cause: error });
  }
}

/** The job gave up: the row shows 'dead' with the last error, for the dead-letter list. */
export async function markNotificationDead(ctx: AppContext, notificationId: number, error: string): Promise<void> {
  const n = await findNotification(ctx.db, notificationId);
  await recordFailure(ctx.db, notificationId, redactContacts(error), true, !!n && isSensitiveTemplate(n.template));
}
