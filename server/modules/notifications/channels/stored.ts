import { insertDevMailboxMessage, insertInboxMessage } from '../repository.ts';
import { maskAddress } from '../mask.ts';
import type { ChannelName } from '../tables.ts';
import type { NotificationChannel } from './types.ts';

/** The in-app inbox: the message is stored for the account and read at GET /api/me/notifications. */
export const inboxChannel: NotificationChannel = {
  name: 'inapp',
  transport: 'inbox',
  send: async (ctx, message) => {
    if (!message.accountId) throw new Error('no account for an in-app message');
    await insertInboxMessage(ctx.db, {
      notification_id: message.notificationId,
      account_id: message.accountId,
      template: message.template,
      subject: message.rendered.subject,
      body: message.rendered.text,
      link: message.rendered.link ?? null,
      created_at: ctx.clock.now(),
    });
    return { status: 'sent', providerId: `inbox-${message.notificationId}` };
  },
};

/**
 * Where e-mail and SMS go when no SMTP server / SMS gateway is configured: stored in `dev_mailbox`, never
 * sent, so a development or demo install cannot message real people. The log line carries no contact data.
 */
export function devMailboxChannel(name: ChannelName): NotificationChannel {
  return {
    name,
    transport: 'dev-mailbox',
    send: async (ctx, message) => {
      if (!message.address) throw new Error('no address');
      await insertDevMailboxMessage(ctx.db, {
        notification_id: message.notificationId,
        channel: name,
        address: message.address,
        subject: message.rendered.subject,
        body: name === 'email' ? message.rendered.text : message.rendered.short,
        created_at: ctx.clock.now(),
      });
      ctx.log.info(
        { notificationId: message.notificationId, channel: name, to: maskAddress(message.address) },
        'message kept in the development mailbox (no SMTP_URL / SMS_GATEWAY_URL configured)',
      );
      return { status: 'sent', providerId: `dev-mailbox-${message.notificationId}` };
    },
  };
}
