import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { scheduleJob, type Executor } from '../../jobs/queue.ts';
import { deliverNotificationJob } from './jobs.ts';
import { insertNotification, listDevMailbox, listInboxMessages, markInboxMessageRead } from './repository.ts';
import type { DevMailboxList, InboxList, InboxQuery } from './schemas.ts';
import type { ChannelName, Locale } from './tables.ts';
import { validateTemplateParams, type TemplateName, type TemplateParams } from './templates/catalogue.ts';

export interface Recipient {
  /** The account, when the recipient has one: required for the in-app inbox. */
  accountId?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locale?: Locale | undefined;
}

export interface NotificationRequest<N extends TemplateName> {
  template: N;
  /** The occurrence being announced, e.g. `due-soon:000.00.06.H56-231027-0361:step-3`; with the recipient and
   * the channel it forms the de-duplication key, so a sweep that runs twice notifies once. */
  eventKey: string;
  recipient: Recipient;
  params: TemplateParams<N>;
  /** Default: in-app (with an account), e-mail (with an address), SMS (with a phone). ZNS only when listed. */
  channels?: ChannelName[];
  /** From `ctx.clock.now()`: when the event happened and the delivery becomes due. */
  now: Date;
}

export interface EnqueueResult {
  /** New outbox rows; channels the recipient cannot receive on are left out, duplicates too. */
  notificationIds: number[];
  duplicates: number;
}

function recipientKey(r: Recipient, channel: ChannelName): string | undefined {
  if (channel === 'inapp') return r.accountId ? `a:${r.accountId}` : undefined;
  const address = channel === 'email' ? r.email : r.phone;
  if (!address) return undefined;
  // The key is stored and unique-indexed: a hash, not the address itself.
  return `h:${createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

/**
 * Writes the notification into the outbox IN THE CALLER'S TRANSACTION, one row and one delivery job per
 * channel. If the caller rolls back, nothing is sent; if a channel later fails, the caller's action stays.
 */
export async function enqueueNotification<N extends TemplateName>(
  trx: Executor,
  request: NotificationRequest<N>,
): Promise<EnqueueResult> {
  const params = validateTemplateParams(request.template, request.params);
  const r = request.recipient;
  const wanted = request.channels ?? (['inapp', 'email', 'sms'] as const);
  const result: EnqueueResult = { notificationIds: [], duplicates: 0 };
  for (const channel of new Set(wanted)) {
    const who = recipientKey(r, channel);
    if (!who) continue;
    const id = await insertNotification(trx, {
      dedupKey: `${request.template}|${request.eventKey}|${who}|${channel}`,
      template: request.template,
      channel,
      accountId: r.accountId ?? null,
      address: channel === 'email' ? (r.email ?? null) : channel === 'inapp' ? null : (r.phone ?? null),
      locale: r.locale ?? 'vi',
      params,
      createdAt: request.now,
    });
    if (id === undefined) {
      result.duplicates += 1;
      continue;
    }
    await scheduleJob(trx, deliverNotificationJob, { notificationId: id }, { runAt: request.now, key: String(id) });
    result.notificationIds.push(id);
  }
  return result;
}

export async function listMyNotifications(ctx: AppContext, accountId: string, query: InboxQuery): Promise<InboxList> {
  const { items, unread } = await listInboxMessages(ctx.db, accountId, {
    limit: query.limit,
    beforeId: query.before,
    unreadOnly: query.unread,
  });
  return {
    items: items.map((m) => ({
      id: m.id,
      template: m.template,
      subject: m.subject,
      body: m.body,
      link: m.link,
      createdAt: m.created_at.toISOString(),
      readAt: m.read_at ? m.read_at.toISOString() : null,
    })),
    unread,
  };
}

export async function markMyNotificationRead(ctx: AppContext, accountId: string, id: number): Promise<void> {
  if (!(await markInboxMessageRead(ctx.db, accountId, id, ctx.clock.now())))
    throw new AppError('NOT_FOUND', { vi: `Không tìm thấy thông báo ${id}.`, en: `No notification ${id} was found.` }, [
      { field: 'params.id', message: { vi: 'thông báo không tồn tại', en: 'notification does not exist' } },
    ]);
}

/** The development mailbox (e-mail and SMS kept instead of sent); only exposed when DEV_MAILBOX is on. */
export async function listDevelopmentMailbox(ctx: AppContext, limit = 50): Promise<DevMailboxList> {
  const rows = await listDevMailbox(ctx.db, limit);
  return {
    items: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      to: m.address,
      subject: m.subject,
      body: m.body,
      createdAt: m.created_at.toISOString(),
    })),
  };
}
