import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../../../context.ts';
import type { NotificationChannel } from './types.ts';

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a hanging server must fail the attempt well inside the delivery job's 2-minute
    // lease, or another worker would take the job over and send the message twice.
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** E-mail over SMTP (nodemailer). The Message-ID is derived from the notification, so a retry after a
 * crash between "sent" and "recorded" carries the same id and mail clients can drop the duplicate. */
export function smtpChannel(ctx: AppContext, smtpUrl: string): NotificationChannel {
  const host = new URL(ctx.config.PUBLIC_URL).hostname;
  return {
    name: 'email',
    transport: 'smtp',
    send: async (_ctx, message) => {
      if (!message.address) throw new Error('no e-mail address');
      const info = (await transportFor(smtpUrl).sendMail({
        from: ctx.config.MAIL_FROM,
        to: message.address,
        subject: message.rendered.subject,
        text: message.rendered.text,
        messageId: `<notification-${message.notificationId}@${host}>`,
        headers: { 'X-Mot-Cua-Notification': String(message.notificationId) },
      })) as { messageId?: string };
      return { status: 'sent', providerId: info.messageId };
    },
  };
}

/** Closes pooled SMTP connections (tests, shutdown). */
export function closeSmtpTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
