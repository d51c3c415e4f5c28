import type { NotificationChannel } from './types.ts';
import { GatewayError } from './types.ts';

/** "0912345678" → "84912345678", the form Zalo's API expects. */
export function toZaloPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/** ZNS_TEMPLATES="dossier.accepted=231234,dossier.apology=231240" → a map from our template to Zalo's. */
export function parseZnsTemplates(value: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [name, id] = pair.split('=');
    if (name && id) map.set(name, id);
  }
  return map;
}

/**
 * Zalo Notification Service: a template registered with Zalo, filled with our parameters. Off unless
 * ZNS_ACCESS_TOKEN is set; a message whose template has no ZNS counterpart is skipped, not failed.
 */
export function znsChannel(
  apiUrl: string,
  accessToken: string | undefined,
  templates: Map<string, string>,
): NotificationChannel {
  return {
    name: 'zns',
    transport: 'zns',
    send: async (_ctx, message) => {
      if (!accessToken) return { status: 'skipped', note: 'ZNS is not configured' };
      const templateId = templates.get(message.template);
      if (!templateId) return { status: 'skipped', note: `no ZNS template for ${message.template}` };
      if (!message.address) throw new Error('no phone number');
      const templateData = Object.fromEntries(
        Object.entries(message.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : String(v)]),
      );
      const response = await fetch(apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: accessToken },
        body: JSON.stringify({
          phone: toZaloPhone(message.address),
          template_id: templateId,
          template_data: templateData,
          tracking_id: `notification-${message.notificationId}`,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new GatewayError('ZNS', response.status);
      const body = (await response.json().catch(() => ({}))) as { error?: unknown; data?: { msg_id?: unknown } };
      // Zalo answers 200 with a non-zero `error` code for business errors (bad template, quota, …).
      if (body.error !== 0) throw new GatewayError('ZNS', response.status, `error ${String(body.error)}`);
      return { status: 'sent', providerId: typeof body.data?.msg_id === 'string' ? body.data.msg_id : undefined };
    },
  };
}
