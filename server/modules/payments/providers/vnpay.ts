import { randomUUID } from 'node:crypto';
import type { Config } from '../../../config.ts';
import type { Acknowledgement, InboundCall, NotificationOutcome, PaymentProvider, Verification } from './provider.ts';
import { hmacHex, sameHex, vnpaySignedString } from './signing.ts';
import { parseVnTime, toVnCompact } from './vn-time.ts';

/**
 * VNPAY payment gateway, API 2.1.0 (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html):
 * HMAC-SHA512 over the sorted, URL-encoded vnp_* parameters; the IPN is answered with
 * `{"RspCode","Message"}` using VNPAY's own codes and messages (spelling included).
 */
export const VNPAY_IPN_ANSWERS = {
  '00': 'Confirm Success',
  '01': 'Order not found',
  '02': 'Order already confirmed',
  '04': 'invalid amount',
  '97': 'Invalid signature',
  '99': 'Unknow error',
} as const;
export type VnpayRspCode = keyof typeof VNPAY_IPN_ANSWERS;

const IPN_CODE: Record<NotificationOutcome, VnpayRspCode> = {
  CREDITED: '00',
  // A failed payment recorded is a confirmed IPN too: VNPAY stops retrying.
  RECORDED_FAILURE: '00',
  // The order is no longer waiting for money: already paid (replay, second payment) or expired.
  REPLAY: '02',
  DUPLICATE_PAYMENT: '02',
  LATE: '02',
  AMOUNT_MISMATCH: '04',
  UNMATCHED: '01',
  INVALID_SIGNATURE: '97',
  MALFORMED: '99',
  NOT_CONFIGURED: '99',
  ERROR: '99',
};

export function vnpayAnswer(code: VnpayRspCode): { RspCode: VnpayRspCode; Message: string } {
  return { RspCode: code, Message: VNPAY_IPN_ANSWERS[code] };
}

/** Signs a parameter set the way VNPAY does (used for payment URLs and by the test fake). */
export function signVnpayParams(params: Record<string, string>, secret: string): string {
  return hmacHex('sha512', secret, vnpaySignedString(params));
}

export function createVnpayProvider(config: Config, fetcher: typeof fetch = fetch): PaymentProvider {
  const secret = config.VNPAY_HASH_SECRET;
  const tmnCode = config.VNPAY_TMN_CODE;
  const online = Boolean(config.PAYMENTS_NETWORK && secret && tmnCode);

  async function callApi(fields: Record<string, string>, hashOrder: string[]): Promise<Record<string, string>> {
    if (!secret) throw new Error('VNPAY_HASH_SECRET is not set');
    // The merchant API signs the pipe-joined values in a fixed order, not the sorted query string.
    const data = hashOrder.map((k) => fields[k] ?? '').join('|');
    const res = await fetcher(config.VNPAY_API_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, vnp_SecureHash: hmacHex('sha512', secret, data) }),
      signal: AbortSignal.timeout(15_000),
    });
    return (await res.json()) as Record<string, string>;
  }

  return {
    name: 'vnpay',

    async createPayment(request) {
      if (!secret || !tmnCode) return { mode: 'offline' };
      // Building the redirect URL is local signing, no network call.
      const params: Record<string, string> = {
        vnp_Version: '2.1.0',
        vnp_Command: 'pay',
        vnp_TmnCode: tmnCode,
        vnp_Amount: String(request.amount * 100),
        vnp_CurrCode: 'VND',
        vnp_TxnRef: request.reference,
        vnp_OrderInfo: request.description,
        vnp_OrderType: 'other',
        vnp_Locale: 'vn',
        vnp_ReturnUrl: config.VNPAY_RETURN_URL ?? `${config.PUBLIC_URL}/payments/${request.reference}`,
        vnp_IpAddr: request.payerIp ?? '127.0.0.1',
        vnp_CreateDate: toVnCompact(request.createdAt),
        vnp_ExpireDate: toVnCompact(request.expiresAt),
      };
      const query = vnpaySignedString(params);
      const url = `${config.VNPAY_PAY_URL}?${query}&vnp_SecureHash=${signVnpayParams(params, secret)}`;
      return { mode: 'online', providerPaymentId: request.reference, checkoutUrl: url };
    },

    verifyNotification(call: InboundCall): Verification {
      if (!secret || !tmnCode) return { ok: false, reason: 'NOT_CONFIGURED', detail: 'VNPAY is not configured' };
      const params = { ...call.query, ...formParams(call) };
      const given = params['vnp_SecureHash'];
      if (!given) return { ok: false, reason: 'MALFORMED', detail: 'vnp_SecureHash missing' };
      if (!sameHex(signVnpayParams(params, secret), given))
        return { ok: false, reason: 'INVALID_SIGNATURE', detail: 'HMAC-SHA512 over vnp_* parameters does not match' };
      if (params['vnp_TmnCode'] !== tmnCode) return { ok: false, reason: 'MALFORMED', detail: 'another terminal' };
      const raw = params['vnp_Amount'] ?? '';
      if (!/^\d+00$/.test(raw) || !params['vnp_TxnRef'])
        return { ok: false, reason: 'MALFORMED', detail: 'vnp_Amount or vnp_TxnRef malformed' };
      const succeeded = params['vnp_ResponseCode'] === '00' && params['vnp_TransactionStatus'] === '00';
      return {
        ok: true,
        notification: {
          providerTransactionId: params['vnp_TransactionNo'] ?? '',
          reference: params['vnp_TxnRef'],
          amount: Number(raw) / 100,
          succeeded,
          paidAt: parseVnTime(params['vnp_PayDate']),
        },
      };
    },

    acknowledge(outcome): Acknowledgement {
      // VNPAY reads the JSON answer of an HTTP 200; it retries the IPN unless RspCode is 00 or 02.
      return { status: 200, body: vnpayAnswer(IPN_CODE[outcome]) };
    },

    async query({ reference, createdAt, now }) {
      if (!online || !tmnCode) return { mode: 'offline' };
      const fields = {
        vnp_RequestId: randomUUID().replace(/-/g, '').slice(0, 32),
        vnp_Version: '2.1.0',
        vnp_Command: 'querydr',
        vnp_TmnCode: tmnCode,
        vnp_TxnRef: reference,
        vnp_OrderInfo: `Truy van ${reference}`,
        // The original payment's vnp_CreateDate, as VNPAY's querydr asks.
        vnp_TransactionDate: toVnCompact(createdAt),
        vnp_CreateDate: toVnCompact(now),
        vnp_IpAddr: '127.0.0.1',
      };
      const answer = await callApi(fields, [
        'vnp_RequestId',
        'vnp_Version',
        'vnp_Command',
        'vnp_TmnCode',
        'vnp_TxnRef',
        'vnp_TransactionDate',
        'vnp_CreateDate',
        'vnp_IpAddr',
        'vnp_OrderInfo',
      ]);
      if (answer['vnp_ResponseCode'] !== '00') return { mode: 'online', status: 'UNKNOWN' };
      const status =
        answer['vnp_TransactionStatus'] === '00'
          ? 'PAID'
          : answer['vnp_TransactionStatus'] === '01'
            ? 'PENDING'
            : 'FAILED';
      return {
        mode: 'online',
        status,
        ...(answer['vnp_Amount'] ? { amount: Number(answer['vnp_Amount']) / 100 } : {}),
        ...(answer['vnp_TransactionNo'] ? { providerTransactionId: answer['vnp_TransactionNo'] } : {}),
      };
    },

    async refund(request) {
      if (!online || !tmnCode) return { mode: 'manual' };
      const fields = {
        vnp_RequestId: request.refundId.replace(/-/g, '').slice(0, 32),
        vnp_Version: '2.1.0',
        vnp_Command: 'refund',
        vnp_TmnCode: tmnCode,
        vnp_TransactionType: '02',
        vnp_TxnRef: request.reference,
        vnp_Amount: String(request.amount * 100),
        vnp_TransactionNo: request.providerTransactionId,
        vnp_TransactionDate: toVnCompact(request.paidAt),
        vnp_CreateBy: request.requestedBy.slice(0, 250),
        vnp_CreateDate: toVnCompact(request.now),
        vnp_IpAddr: '127.0.0.1',
        vnp_OrderInfo: request.reason.slice(0, 255),
      };
      const answer = await callApi(fields, [
        'vnp_RequestId',
        'vnp_Version',
        'vnp_Command',
        'vnp_TmnCode',
        'vnp_TransactionType',
        'vnp_TxnRef',
        'vnp_Amount',
        'vnp_TransactionNo',
        'vnp_TransactionDate',
        'vnp_CreateBy',
        'vnp_CreateDate',
        'vnp_IpAddr',
        'vnp_OrderInfo',
      ]);
      return answer['vnp_ResponseCode'] === '00'
        ? { mode: 'online', ok: true, providerRefundId: answer['vnp_TransactionNo'] ?? fields.vnp_RequestId }
        : {
            mode: 'online',
            ok: false,
            failure: `VNPAY ${answer['vnp_ResponseCode'] ?? '?'}: ${answer['vnp_Message'] ?? ''}`,
          };
    },
  };
}

function formParams(call: InboundCall): Record<string, string> {
  if (!call.rawBody) return {};
  if (call.contentType?.includes('application/json')) {
    try {
      const parsed = JSON.parse(call.rawBody) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v as string)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(call.rawBody));
}
