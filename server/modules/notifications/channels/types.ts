import type { AppContext } from '../../../context.ts';
import type { ChannelName, Locale } from '../tables.ts';
import type { RenderedMessage } from '../templates/types.ts';

export interface OutgoingMessage {
  notificationId: number;
  template: string;
  channel: ChannelName;
  accountId: string | null;
  /** E-mail address or phone number; personal data, never logged unmasked. */
  address: string | null;
  locale: Locale;
  params: Record<string, unknown>;
  rendered: RenderedMessage;
}

export interface DeliveryResult {
  /** 'skipped' when the channel cannot carry this message (e.g. ZNS off or no ZNS template). */
  status: 'sent' | 'skipped';
  providerId?: string | undefined;
  note?: string | undefined;
}

/** Every channel behind one interface; `send` throws to have the delivery retried. */
export interface NotificationChannel {
  readonly name: ChannelName;
  /** How it is carried: 'smtp', 'sms-gateway', 'zns', 'inbox' or 'dev-mailbox'. */
  readonly transport: string;
  send(ctx: AppContext, message: OutgoingMessage): Promise<DeliveryResult>;
}

/** Raised by an HTTP adapter for a non-2xx answer; the body is not included (it may echo the phone number). */
export class GatewayError extends Error {
  constructor(service: string, status: number, detail = '') {
    super(`${service} answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'GatewayError';
  }
}
