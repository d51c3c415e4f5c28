import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacHex, payosSignedString, sameHex, vnpaySignedString } from '../providers/signing.ts';
import { signVnpayParams } from '../providers/vnpay.ts';

/**
 * A stand-in for VNPAY's merchant API and payOS's payment-request API, listening on 127.0.0.1
 * (tests only). It checks our signatures the way the real gateways do, remembers what it was asked,
 * and can "complete" a payment by calling our notification URL over real HTTP.
 */
export interface FakeGatewayOptions {
  vnpay: { tmnCode: string; secret: string };
  payos: { clientId: string; apiKey: string; checksumKey: string };
}

export interface FakeGateway {
  url: string;
  requests: { path: string; body: Record<string, unknown>; signatureOk: boolean }[];
  /** Checks a VNPAY payment URL's signature as VNPAY would. */
  verifyVnpayUrl(url: string): boolean;
  /** Pays a VNPAY order: sends the signed IPN (GET) to `notifyUrl`, returns the parsed answer. */
  payVnpay(notifyUrl: string, p: { reference: string; amount: number; transactionNo: string }): Promise<unknown>;
  /** Pays a payOS link: posts the signed webhook to `notifyUrl`, returns the HTTP status and body. */
  payPayos(
    notifyUrl: string,
    p: { orderCode: number; amount: number; reference: string },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const QUERY_ORDER = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
];
const REFUND_ORDER = [
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
];

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeGateway(options: FakeGatewayOptions): Promise<FakeGateway> {
  const requests: FakeGateway['requests'] = [];
  const paid = new Map<string, { amount: number; transactionNo: string }>();
  const links = new Map<number, { amount: number; status: string }>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = (req.url ?? '').split('?')[0] ?? '';
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method === 'POST' && path === '/merchant_webapi/api/transaction') {
        const fields = body as Record<string, string>;
        const order = fields['vnp_Command'] === 'refund' ? REFUND_ORDER : QUERY_ORDER;
        const ok = sameHex(
          hmacHex('sha512', options.vnpay.secret, order.map((k) => fields[k] ?? '').join('|')),
          fields['vnp_SecureHash'] ?? '',
        );
        requests.push({ path, body, signatureOk: ok });
        if (!ok) return send(200, { vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
        const txn = paid.get(fields['vnp_TxnRef'] ?? '');
        if (!txn) return send(200, { vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
        if (fields['vnp_Command'] === 'refund')
          return send(200, {
            vnp_ResponseCode: '00',
            vnp_Message: 'Refund success',
            vnp_TransactionNo: `R${txn.transactionNo}`,
          });
        return send(200, {
          vnp_ResponseCode: '00',
          vnp_TransactionStatus: '00',
          vnp_Amount: String(txn.amount * 100),
          vnp_TransactionNo: txn.transactionNo,
        });
      }
      if (path === '/v2/payment-requests' && req.method === 'POST') {
        const { amount, cancelUrl, description, orderCode, returnUrl } = body;
        const authOk =
          req.headers['x-client-id'] === options.payos.clientId && req.headers['x-api-key'] === options.payos.apiKey;
        const ok =
          authOk &&
          sameHex(
            hmacHex(
              'sha256',
              options.payos.checksumKey,
              payosSignedString({ amount, cancelUrl, description, orderCode, returnUrl }),
            ),
            String(body['signature']),
          );
        requests.push({ path, body, signatureOk: ok });
        if (!ok) return send(200, { code: '20', desc: 'Signature invalid' });
        links.set(Number(orderCode), { amount: Number(amount), status: 'PENDING' });
        return send(200, {
          code: '00',
          data: {
            paymentLinkId: `pl${String(orderCode)}`,
            checkoutUrl: `https://pay.example.test/web/pl${String(orderCode)}`,
            qrCode: 'QR',
          },
        });
      }
      const m = /^\/v2\/payment-requests\/(\d+)$/.exec(path);
      if (m && req.method === 'GET') {
        const link = links.get(Number(m[1]));
        return send(
          200,
          link
            ? { code: '00', data: { status: link.status, amountPaid: link.status === 'PAID' ? link.amount : 0 } }
            : { code: '101' },
        );
      }
      send(404, { error: 'not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    verifyVnpayUrl(paymentUrl) {
      const params = Object.fromEntries(new URL(paymentUrl).searchParams);
      return (
        sameHex(signVnpayParams(params, options.vnpay.secret), params['vnp_SecureHash'] ?? '') &&
        vnpaySignedString(params).length > 0
      );
    },
    async payVnpay(notifyUrl, p) {
      paid.set(p.reference, { amount: p.amount, transactionNo: p.transactionNo });
      const params: Record<string, string> = {
        vnp_Amount: String(p.amount * 100),
        vnp_BankCode: 'NCB',
        vnp_PayDate: '20231027093500',
        vnp_ResponseCode: '00',
        vnp_TmnCode: options.vnpay.tmnCode,
        vnp_TransactionNo: p.transactionNo,
        vnp_TransactionStatus: '00',
        vnp_TxnRef: p.reference,
      };
      const query = new URLSearchParams({ ...params, vnp_SecureHash: signVnpayParams(params, options.vnpay.secret) });
      return (await (await fetch(`${notifyUrl}?${query.toString()}`)).json()) as unknown;
    },
    async payPayos(notifyUrl, p) {
      const link = links.get(p.orderCode);
      if (link) link.status = 'PAID';
      const data = {
        orderCode: p.orderCode,
        amount: p.amount,
        description: 'CK',
        reference: p.reference,
        transactionDateTime: '2023-10-27 09:35:00',
        code: '00',
        desc: 'Thành công',
        currency: 'VND',
      };
      const res = await fetch(notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: '00',
          desc: 'success',
          success: true,
          data,
          signature: hmacHex('sha256', options.payos.checksumKey, payosSignedString(data)),
        }),
      });
      return { status: res.status, body: await res.json() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
