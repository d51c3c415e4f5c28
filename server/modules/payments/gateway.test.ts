import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { getProvider } from './providers/registry.ts';
import { beginPayment, getPaymentIntent } from './service.ts';
import { createTestIntent, TEST_KEYS } from './test-support.ts';
import { startFakeGateway, type FakeGateway } from './testing/fake-gateway.ts';

// The whole round trip over real loopback HTTP: our app listens on 127.0.0.1, the fake gateway too.
let t: TestApp;
let fake: FakeGateway;
let base: string;
const PAYOS = { clientId: 'client-1', apiKey: 'api-key-1', checksumKey: TEST_KEYS.PAYOS_CHECKSUM_KEY };

beforeAll(async () => {
  fake = await startFakeGateway({
    vnpay: { tmnCode: TEST_KEYS.VNPAY_TMN_CODE, secret: TEST_KEYS.VNPAY_HASH_SECRET },
    payos: PAYOS,
  });
  t = await createTestApp({
    ...TEST_KEYS,
    PAYMENTS_NETWORK: 'true',
    VNPAY_API_URL: `${fake.url}/merchant_webapi/api/transaction`,
    PAYOS_API_URL: fake.url,
    PAYOS_CLIENT_ID: PAYOS.clientId,
    PAYOS_API_KEY: PAYOS.apiKey,
  });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

describe('gateways on loopback', () => {
  it('VNPAY: signed redirect, IPN over HTTP, query and refund through the merchant API', async () => {
    const intent = await createTestIntent(t.ctx);
    const started = await beginPayment(t.ctx, intent.id, 'vnpay', '203.0.113.9');
    expect(started.state).toBe('PENDING');
    expect(started.checkoutUrl).toMatch(/^https:\/\/sandbox\.vnpayment\.vn\/paymentv2\/vpcpay\.html\?/);
    expect(fake.verifyVnpayUrl(started.checkoutUrl ?? '')).toBe(true);
    const url = new URL(started.checkoutUrl ?? '');
    expect(url.searchParams.get('vnp_Amount')).toBe('100000000');
    expect(url.searchParams.get('vnp_ExpireDate')).toBe('20231027100200');
    expect(url.searchParams.get('vnp_CreateDate')).toBe('20231027093200'); // Hà Nội time of the intent

    const answer = await fake.payVnpay(`${base}/api/payments/notify/vnpay`, {
      reference: intent.reference,
      amount: 1_000_000,
      transactionNo: '9001',
    });
    expect(answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('SUCCEEDED');

    const q = await getProvider(t.ctx.config, 'vnpay').query({
      reference: intent.reference,
      orderCode: intent.orderCode,
      createdAt: intent.createdAt,
      now: t.ctx.clock.now(),
    });
    expect(q).toEqual({ mode: 'online', status: 'PAID', amount: 1_000_000, providerTransactionId: '9001' });
    expect(fake.requests.at(-1)?.body).toMatchObject({ vnp_Command: 'querydr', vnp_TransactionDate: '20231027093200' });

    const clerk = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '002' }));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/payments/${intent.id}/refund`,
      headers: clerk,
      payload: { reason: 'Hồ sơ bị từ chối' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().refunds).toMatchObject([{ amount: 1_000_000, state: 'SUCCEEDED', providerRefundId: 'R9001' }]);
    expect(fake.requests.filter((r) => r.path.includes('merchant_webapi')).every((r) => r.signatureOk)).toBe(true);
  });

  it('payOS: payment link created with a valid signature, webhook over HTTP credits once', async () => {
    const intent = await createTestIntent(t.ctx);
    const started = await beginPayment(t.ctx, intent.id, 'payos');
    expect(started).toMatchObject({ state: 'PENDING', providerPaymentId: `pl${intent.orderCode}` });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v2/payment-requests', signatureOk: true });
    const notify = `${base}/api/payments/notify/payos`;
    const first = await fake.payPayos(notify, { orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT999' });
    const second = await fake.payPayos(notify, { orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT999' });
    expect([first.body, second.body]).toEqual([
      { success: true, outcome: 'CREDITED' },
      { success: true, outcome: 'REPLAY' },
    ]);
    const q = await getProvider(t.ctx.config, 'payos').query({
      reference: intent.reference,
      orderCode: intent.orderCode,
      createdAt: intent.createdAt,
      now: t.ctx.clock.now(),
    });
    expect(q).toMatchObject({ mode: 'online', status: 'PAID', amount: 1_000_000 });
  });

  it('refuses to start a payment twice', async () => {
    const intent = await createTestIntent(t.ctx);
    await beginPayment(t.ctx, intent.id, 'vnpay');
    await expect(beginPayment(t.ctx, intent.id, 'vnpay')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
