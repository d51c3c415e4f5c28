import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { getPaymentIntent, onPaymentSucceeded } from './service.ts';
import { createTestIntent, payosWebhook, TEST_KEYS, vnpayIpn } from './test-support.ts';

let t: TestApp;
const succeeded: string[] = [];
let failNextHandler = false;

beforeAll(async () => {
  t = await createTestApp(TEST_KEYS);
  onPaymentSucceeded('dossier', async (ctx, event) => {
    // Runs inside the crediting transaction: it sees the intent already SUCCEEDED.
    const row = await ctx.db
      .selectFrom('payment_intents')
      .select('state')
      .where('id', '=', event.intent.id)
      .executeTakeFirstOrThrow();
    if (row.state !== 'SUCCEEDED') throw new Error('handler ran outside the transaction');
    if (failNextHandler) {
      failNextHandler = false;
      throw new Error('subject refused');
    }
    succeeded.push(event.intent.id);
  });
});
afterAll(async () => t.close());

const postPayos = (body: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/payments/notify/payos',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });
const getVnpay = (query: string) => t.app.inject({ method: 'GET', url: `/api/payments/notify/vnpay?${query}` });

async function creditsOf(intentId: string) {
  return t.ctx.db.selectFrom('payment_credits').selectAll().where('intent_id', '=', intentId).execute();
}
async function notificationCount() {
  const r = await t.ctx.db
    .selectFrom('payment_notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('payment notifications', () => {
  it('credits a verified payOS webhook once and tells the subject inside the transaction', async () => {
    const intent = await createTestIntent(t.ctx);
    const res = await postPayos(
      payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300001' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true, outcome: 'CREDITED' });
    const after = await getPaymentIntent(t.ctx, intent.id);
    expect(after.state).toBe('SUCCEEDED');
    expect(after.version).toBe(intent.version + 1);
    expect(after.credits).toHaveLength(1);
    expect(succeeded).toContain(intent.id);
  });

  it('matches a bank transfer by the reference in its content when the order code is unknown', async () => {
    const intent = await createTestIntent(t.ctx);
    const res = await postPayos(
      payosWebhook({
        orderCode: 1,
        amount: 1_000_000,
        reference: 'FT23300002',
        description: `MBVCB.123.${intent.reference}.CT tu 0011`,
      }),
    );
    expect(res.json().outcome).toBe('CREDITED');
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('SUCCEEDED');
  });

  it('rejects a tampered signature, changes nothing, and keeps the raw call', async () => {
    const intent = await createTestIntent(t.ctx);
    const genuine = JSON.parse(
      payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300003' }),
    );
    genuine.data.amount = 1_000_000; // same data…
    genuine.signature = genuine.signature.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a')); // …forged signature
    const before = await notificationCount();
    const res = await postPayos(JSON.stringify(genuine));
    expect(res.statusCode).toBe(400);
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('CREATED');
    expect(await creditsOf(intent.id)).toHaveLength(0);
    expect(await notificationCount()).toBe(before + 1);
    const stored = await t.ctx.db
      .selectFrom('payment_notifications')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .execute();
    expect(stored.some((n) => n.verification === 'INVALID_SIGNATURE' && n.body === JSON.stringify(genuine))).toBe(true);
  });

  it('acknowledges a replayed notification without a second credit', async () => {
    const intent = await createTestIntent(t.ctx);
    const body = payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300004' });
    expect((await postPayos(body)).json().outcome).toBe('CREDITED');
    const replay = await postPayos(body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().outcome).toBe('REPLAY');
    expect(await creditsOf(intent.id)).toHaveLength(1);
    expect(succeeded.filter((id) => id === intent.id)).toHaveLength(1);
  });

  it('credits exactly once under 50 concurrent duplicate notifications', async () => {
    const intent = await createTestIntent(t.ctx);
    const body = payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300005' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => postPayos(body)));
    const outcomes = answers.map((a) => a.json().outcome as string);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(outcomes.filter((o) => o === 'CREDITED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'REPLAY')).toHaveLength(49);
    expect(await creditsOf(intent.id)).toHaveLength(1);
    expect(succeeded.filter((id) => id === intent.id)).toHaveLength(1);
    const after = await getPaymentIntent(t.ctx, intent.id);
    expect(after.version).toBe(1);
  });

  it('credits one of two different payments racing for one intent and flags the other for refund', async () => {
    const intent = await createTestIntent(t.ctx);
    const [a, b] = await Promise.all([
      postPayos(payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300006' })),
      postPayos(payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300007' })),
    ]);
    expect([a.json().outcome, b.json().outcome].sort()).toEqual(['CREDITED', 'DUPLICATE_PAYMENT']);
    const credits = await creditsOf(intent.id);
    expect(credits.map((c) => c.status).sort()).toEqual(['APPLIED', 'DUPLICATE_PAYMENT']);
    expect(credits.find((c) => c.status === 'DUPLICATE_PAYMENT')?.needs_refund).toBe(true);
  });

  it('rejects a wrong amount and flags it', async () => {
    const intent = await createTestIntent(t.ctx);
    const res = await postPayos(
      payosWebhook({ orderCode: intent.orderCode, amount: 999_000, reference: 'FT23300008' }),
    );
    expect(res.json().outcome).toBe('AMOUNT_MISMATCH');
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('CREATED');
    const [credit] = await creditsOf(intent.id);
    expect(credit).toMatchObject({ status: 'AMOUNT_MISMATCH', needs_refund: true, amount: 999_000 });
  });

  it('records a payment for an expired intent and flags it for refund', async () => {
    const intent = await createTestIntent(t.ctx, { expiresAt: new Date('2023-10-27T02:40:00Z') });
    // Paid at 09:50 Hà Nội time = 02:50 UTC, ten minutes after the deadline.
    const res = await postPayos(
      payosWebhook({
        orderCode: intent.orderCode,
        amount: 1_000_000,
        reference: 'FT23300009',
        transactionDateTime: '2023-10-27 09:50:00',
      }),
    );
    expect(res.json().outcome).toBe('LATE');
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('EXPIRED');
    expect(await creditsOf(intent.id)).toMatchObject([{ status: 'LATE', needs_refund: true }]);
  });

  it('records an unknown reference as unmatched, never losing it', async () => {
    const res = await postPayos(
      payosWebhook({ orderCode: 987654321, amount: 50_000, reference: 'FT23300010', description: 'chuyen tien' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('UNMATCHED');
    const credit = await t.ctx.db
      .selectFrom('payment_credits')
      .selectAll()
      .where('provider_transaction_id', '=', 'FT23300010')
      .executeTakeFirst();
    expect(credit).toMatchObject({ status: 'UNMATCHED', intent_id: null, amount: 50_000 });
  });

  it('rolls the credit back when the subject’s handler fails, so the gateway retries', async () => {
    const intent = await createTestIntent(t.ctx);
    const body = payosWebhook({ orderCode: intent.orderCode, amount: 1_000_000, reference: 'FT23300011' });
    failNextHandler = true;
    const first = await postPayos(body);
    expect(first.statusCode).toBe(500);
    expect(await creditsOf(intent.id)).toHaveLength(0);
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('CREATED');
    const retry = await postPayos(body);
    expect(retry.json().outcome).toBe('CREDITED');
  });

  describe('VNPAY IPN', () => {
    it('answers 00 and credits, then 02 for the replay', async () => {
      const intent = await createTestIntent(t.ctx);
      const q = vnpayIpn({ reference: intent.reference, amount: 1_000_000, transactionNo: '14226112' });
      const first = await getVnpay(q);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ RspCode: '00', Message: 'Confirm Success' });
      expect(await getVnpay(q).then((r) => r.json())).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
      expect(await creditsOf(intent.id)).toHaveLength(1);
    });

    it('answers 97 to a bad signature, 04 to a wrong amount, 01 to an unknown order', async () => {
      const intent = await createTestIntent(t.ctx);
      const forged = vnpayIpn({ reference: intent.reference, amount: 1_000_000, transactionNo: '1' }, 'not-the-secret');
      expect((await getVnpay(forged)).json().RspCode).toBe('97');
      const wrong = vnpayIpn({ reference: intent.reference, amount: 10_000, transactionNo: '2' });
      expect((await getVnpay(wrong)).json().RspCode).toBe('04');
      const unknown = vnpayIpn({ reference: 'HSZZZZZZZZZZ', amount: 10_000, transactionNo: '3' });
      expect((await getVnpay(unknown)).json().RspCode).toBe('01');
      expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('CREATED');
    });

    it('records a failed payment (00) and refuses a later success for it (02, flagged)', async () => {
      const intent = await createTestIntent(t.ctx);
      const failed = vnpayIpn({
        reference: intent.reference,
        amount: 1_000_000,
        transactionNo: '0',
        responseCode: '24',
      });
      expect((await getVnpay(failed)).json().RspCode).toBe('00');
      expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('FAILED');
      const late = vnpayIpn({ reference: intent.reference, amount: 1_000_000, transactionNo: '14226999' });
      expect((await getVnpay(late)).json().RspCode).toBe('02');
      expect(await creditsOf(intent.id)).toMatchObject([{ status: 'LATE', needs_refund: true }]);
    });

    it('accepts the IPN posted as a form too', async () => {
      const intent = await createTestIntent(t.ctx);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/payments/notify/vnpay',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: vnpayIpn({ reference: intent.reference, amount: 1_000_000, transactionNo: '14226113' }),
      });
      expect(res.json().RspCode).toBe('00');
    });
  });

  it('answers 404 for a provider we do not know', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/payments/notify/momo', payload: '{}' });
    expect(res.statusCode).toBe(404);
  });
});
