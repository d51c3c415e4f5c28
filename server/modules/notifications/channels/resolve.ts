import type { AppContext } from '../../../context.ts';
import type { ChannelName } from '../tables.ts';
import { smtpChannel } from './email.ts';
import { smsGatewayChannel } from './sms.ts';
import { devMailboxChannel, inboxChannel } from './stored.ts';
import type { NotificationChannel } from './types.ts';
import { parseZnsTemplates, znsChannel } from './zns.ts';

/** Picks the adapter for a channel from the configuration (safe defaults: nothing leaves the machine). */
export function resolveChannel(ctx: AppContext, name: ChannelName): NotificationChannel {
  const c = ctx.config;
  switch (name) {
    case 'email':
      return c.SMTP_URL ? smtpChannel(ctx, c.SMTP_URL) : devMailboxChannel('email');
    case 'sms':
      return c.SMS_GATEWAY_URL ? smsGatewayChannel(c.SMS_GATEWAY_URL, c.SMS_GATEWAY_TOKEN) : devMailboxChannel('sms');
    case 'zns':
      return znsChannel(c.ZNS_API_URL, c.ZNS_ACCESS_TOKEN, parseZnsTemplates(c.ZNS_TEMPLATES));
    case 'inapp':
      return inboxChannel;
  }
}

/** Messages per minute allowed on each channel (NOTIFY_RATE_LIMITS, e.g. "email=120,sms=60"); 0 = no limit. */
export function rateLimitPerMinute(ctx: AppContext, name: ChannelName): number {
  for (const pair of ctx.config.NOTIFY_RATE_LIMITS.split(',')) {
    const [channel, limit] = pair.split('=');
    if (channel === name) return Number(limit);
  }
  return 0;
}
