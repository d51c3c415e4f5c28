import type { NotificationChannel } from './types.ts';
import { GatewayError } from './types.ts';
import { foldDiacritics } from '../templates/format.ts';

/**
 * SMS through an HTTP gateway (the brand-name SMS providers all offer one): POST JSON
 * `{ to, text, reference }` with a bearer token; any 2xx is accepted, `{ id }` in the answer is kept.
 * Adapting to a specific provider means changing this one file.
 */
export function smsGatewayChannel(url: string, token: string | undefined): NotificationChannel {
  return {
    name: 'sms',
    transport: 'sms-gateway',
    send: async (_ctx, message) => {
      if (!message.address) throw new Error('no phone number');
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({
          to: message.address,
          text: foldDiacritics(message.rendered.short),
          reference: `notification-${message.notificationId}`,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new GatewayError('SMS gateway', response.status);
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { status: 'sent', providerId: typeof body.id === 'string' ? body.id : undefined };
    },
  };
}
