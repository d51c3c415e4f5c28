import type { Config } from '../../../config.ts';
import type {
  Acknowledgement,
  InboundCall,
  NotificationOutcome,
  PaymentProvider,
  PaymentRequest,
  Verification,
} from './provider.ts';
import { hmacHex, payosSignedString, sameHex } from './signing.ts';
import { parseVnTime } from './vn-time.ts';

/**
 * A bank-transfer confirmation aggregator in the style of payOS: the payer scans our VietQR, the
 * aggregator watches the collecting account and posts a webhook `{code, desc, success, data,
 * signature}` where signature = HMAC-SHA256(checksum key, sorted `data` fields). Bank transfers
 * cannot be reversed through it: refunds are manual.
 */
export function createPayosProvider(config: Config, fetcher: typeof fetch = fetch): PaymentProvider {
  const key = config.PAYOS_CHECKSUM_KEY;
  const online = Boolean(config.PAYMENTS_NETWORK && key && config.PAYOS_CLIENT_ID && config.PAYOS_API_KEY);
  const headers = {
    'content-type': 'application/json',
    'x-client-id': config.PAYOS_CLIENT_ID ?? '',
    'x-api-key': config.PAYOS_API_KEY ?? '',
  };

  return {
    name: 'payos',

    async createPayment(request: PaymentRequest) {
      if (!online || !key) return { mode: 'offline' };
      const returnUrl = `${config.PUBLIC_URL}/payments/${request.reference}`;
      const body = {
        orderCode: request.orderCode,
        amount: request.amount,
        description: request.description,
        cancelUrl: returnUrl,
        returnUrl,
        expiredAt: Math.floor(request.expiresAt.getTime() / 1000),
      };
      // payOS create-payment signature covers exactly these five fields, sorted
      // (payos.vn/docs/cau-hoi-thuong-gap: amount, orderCode, description, returnUrl, cancelUrl).
      const { amount, cancelUrl, description, orderCode } = body;
      const signature = hmacHex(
        'sha256',
        key,
        payosSignedString({ amount, cancelUrl, description, orderCode, returnUrl }),
      );
      const res = await fetcher(`${config.PAYOS_API_URL}/v2/payment-requests`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...body, signature }),
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await res.json()) as {
        code?: string;
        data?: { paymentLinkId?: string; checkoutUrl?: string; qrCode?: string };
      };
      if (json.code !== '00' || !json.data?.paymentLinkId)
        throw new Error(`payOS refused the payment request (code ${json.code})`);
      return {
        mode: 'online',
        providerPaymentId: json.data.paymentLinkId,
        checkoutUrl: json.data.checkoutUrl,
        qrPayload: json.data.qrCode,
      };
    },

    verifyNotification(call: InboundCall): Verification {
      if (!key) return { ok: false, reason: 'NOT_CONFIGURED', detail: 'PAYOS_CHECKSUM_KEY is not set' };
      let parsed: unknown;
      try {
        parsed = JSON.parse(call.rawBody);
      } catch {
        return { ok: false, reason: 'MALFORMED', detail: 'body is not JSON' };
      }
      const envelope = parsed as { data?: unknown; signature?: unknown };
      if (typeof envelope.data !== 'object' || envelope.data === null || typeof envelope.signature !== 'string')
        return { ok: false, reason: 'MALFORMED', detail: 'data or signature missing' };
      const data = envelope.data as Record<string, unknown>;
      if (!sameHex(hmacHex('sha256', key, payosSignedString(data)), envelope.signature))
        return { ok: false, reason: 'INVALID_SIGNATURE', detail: 'HMAC-SHA256 over data does not match' };
      const amount = data['amount'];
      const transactionId = scalar(data['reference']) || scalar(data['paymentLinkId']);
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || !transactionId)
        return { ok: false, reason: 'MALFORMED', detail: 'amount or reference missing' };
      const orderCode = data['orderCode'];
      return {
        ok: true,
        notification: {
          providerTransactionId: transactionId,
          orderCode: typeof orderCode === 'number' ? orderCode : undefined,
          description: typeof data['description'] === 'string' ? data['description'] : undefined,
          amount,
          succeeded: data['code'] === '00' || data['code'] === undefined,
          paidAt: parseVnTime(
            typeof data['transactionDateTime'] === 'string' ? data['transactionDateTime'] : undefined,
          ),
        },
      };
    },

    acknowledge(outcome: NotificationOutcome): Acknowledgement {
      // payOS retries until it gets a 2xx; everything we recorded is final, so only a bad signature
      // (4xx, logged) and our own failure (5xx, retried) are not 2xx.
      switch (outcome) {
        case 'INVALID_SIGNATURE':
        case 'MALFORMED':
        case 'NOT_CONFIGURED':
          return { status: 400, body: { success: false, outcome } };
        case 'ERROR':
          return { status: 500, body: { success: false, outcome } };
        case 'CREDITED':
        case 'RECORDED_FAILURE':
        case 'REPLAY':
        case 'AMOUNT_MISMATCH':
        case 'LATE':
        case 'DUPLICATE_PAYMENT':
        case 'UNMATCHED':
          return { status: 200, body: { success: true, outcome } };
      }
    },

    async query({ orderCode }) {
      if (!online) return { mode: 'offline' };
      const res = await fetcher(`${config.PAYOS_API_URL}/v2/payment-requests/${orderCode}`, {
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await res.json()) as { code?: string; data?: { status?: string; amountPaid?: number } };
      const status = json.data?.status;
      return {
        mode: 'online',
        status:
          status === 'PAID'
            ? 'PAID'
            : status === 'PENDING'
              ? 'PENDING'
              : status === 'CANCELLED' || status === 'EXPIRED'
                ? 'FAILED'
                : 'UNKNOWN',
        ...(json.data?.amountPaid !== undefined ? { amount: json.data.amountPaid } : {}),
      };
    },

    async refund() {
      return { mode: 'manual' };
    },
  };
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
