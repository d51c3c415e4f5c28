import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeVietQr } from '../../../shared/vietqr/vietqr.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { extractPdfText } from './pdf-text.ts';
import { getPaymentIntent, toPaymentOffer } from './service.ts';
import { createTestIntent, TEST_KEYS, vnpayIpn } from './test-support.ts';

let t: TestApp;
let clerk: Record<string, string>;
let admin: Record<string, string>;
let citizen: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp(TEST_KEYS);
  clerk = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '002' }));
  admin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
  citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
});
afterAll(async () => t.close());

async function paidIntent(transactionNo: string) {
  const intent = await createTestIntent(t.ctx);
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/payments/notify/vnpay?${vnpayIpn({ reference: intent.reference, amount: intent.amount, transactionNo })}`,
  });
  expect(res.json().RspCode).toBe('00');
  return intent;
}

describe('payments API', () => {
  it('lists VietQR banks publicly, from the shipped reference data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/payments/banks?supported=true' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.find((b: { bin: string }) => b.bin === '970415')).toMatchObject({
      code: 'CTG',
      shortName: 'VietinBank',
    });
    expect(body.items.every((b: { vietQRStatus: string }) => b.vietQRStatus !== 'NOT_SUPPORTED')).toBe(true);
    expect(body.total).toBe(body.items.length);
  });

  it('offers a VietQR whose payload carries the amount, the reference as bill number and a valid CRC', async () => {
    const intent = await createTestIntent(t.ctx);
    const offer = await toPaymentOffer(intent);
    expect(offer).toMatchObject({ id: intent.id, amount: 1_000_000, expiresAt: new Date('2023-10-27T03:02:00Z') });
    expect(offer.vietqr.svg).toMatch(/^<svg/);
    const decoded = decodeVietQr(offer.vietqr.payload);
    expect(decoded).toMatchObject({
      ok: true,
      value: { amount: 1_000_000, billNumber: intent.reference, bankBin: '970415' },
    });
    if (decoded.ok) expect(decoded.value.purpose?.startsWith(intent.reference)).toBe(true);
    const png = await t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}/qr.png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('never trusts the browser redirect: paid only by the signed notification, before or after it, once', async () => {
    const intent = await createTestIntent(t.ctx);
    // The browser comes back first, with a "success" in its URL: nothing changes.
    const status = (extra = '') => t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}/status${extra}` });
    expect((await status('?vnp_ResponseCode=00&vnp_TransactionStatus=00')).json().state).toBe('CREATED');
    const ipn = vnpayIpn({ reference: intent.reference, amount: intent.amount, transactionNo: '66600001' });
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/notify/vnpay?${ipn}` })).json().RspCode).toBe('00');
    // The browser comes back after the notification, and the gateway repeats it: still one credit.
    expect((await status()).json()).toMatchObject({
      state: 'SUCCEEDED',
      amount: 1_000_000,
      reference: intent.reference,
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/notify/vnpay?${ipn}` })).json().RspCode).toBe('02');
    expect((await getPaymentIntent(t.ctx, intent.id)).credits).toHaveLength(1);
    expect(Object.keys((await status()).json()).sort()).toEqual([
      'amount',
      'expiresAt',
      'id',
      'paidAt',
      'reference',
      'state',
    ]);
  });

  it('shows a payment to an officer, not to a citizen or an anonymous caller', async () => {
    const intent = await createTestIntent(t.ctx);
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}` })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}`, headers: citizen })).statusCode,
    ).toBe(403);
    const res = await t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}`, headers: clerk });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: intent.id,
      state: 'CREATED',
      amount: 1_000_000,
      currency: 'VND',
      feeLines: intent.feeLines,
    });
  });

  it('issues an e-receipt only once paid, with the total in figures and in Vietnamese words', async () => {
    const unpaid = await createTestIntent(t.ctx);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/payments/${unpaid.id}/receipt.pdf`, headers: clerk })).statusCode,
    ).toBe(409);
    const intent = await paidIntent('55500001');
    const res = await t.app.inject({ method: 'GET', url: `/api/payments/${intent.id}/receipt.pdf`, headers: clerk });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/FontFile2/); // the TrueType font is embedded
    const text = extractPdfText(res.rawPayload);
    expect(text).toContain('Một triệu đồng');
    expect(text).toContain('1.000.000 đ');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain(intent.subject.reference);
    expect(text).toContain('Lệ phí cấp bản sao');
    expect(text).toContain('55500001');
  });

  it('refunds part of a payment, refuses more than what is left, and confirms a manual refund', async () => {
    const intent = await paidIntent('55500002');
    const url = `/api/payments/${intent.id}/refund`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: citizen, payload: { reason: 'x'.repeat(5) } })).statusCode,
    ).toBe(403);
    const partial = await t.app.inject({
      method: 'POST',
      url,
      headers: clerk,
      payload: { amount: 200_000, reason: 'Thu thừa phí thẩm định' },
    });
    expect(partial.statusCode).toBe(200);
    // Gateway offline here: the refund waits (REQUESTED) for an officer to pay it back and confirm.
    expect(partial.json().refunds).toMatchObject([{ amount: 200_000, state: 'REQUESTED' }]);
    const tooMuch = await t.app.inject({
      method: 'POST',
      url,
      headers: clerk,
      payload: { amount: 900_000, reason: 'Hoàn toàn bộ' },
    });
    expect(tooMuch.statusCode).toBe(409);
    const refundId = partial.json().refunds[0].id as string;
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/payments/refunds/${refundId}/confirm`,
      headers: clerk,
      payload: { providerRefundId: 'UNC-2023-001' },
    });
    expect(confirm.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/payments/refunds/${refundId}/confirm`,
      headers: clerk,
      payload: { providerRefundId: 'UNC-2023-001' },
    });
    expect(again.statusCode).toBe(409);
    const after = await getPaymentIntent(t.ctx, intent.id);
    expect(after.refundedAmount).toBe(200_000);
    expect(after.state).toBe('SUCCEEDED');
  });

  it('refuses a refund of a payment that received no money', async () => {
    const intent = await createTestIntent(t.ctx);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/payments/${intent.id}/refund`,
      headers: clerk,
      payload: { reason: 'Không nộp' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('lists money needing a decision and refunds an unmatched transfer that belongs to no payment', async () => {
    const stray = vnpayIpn({ reference: 'HSNOSUCHREF00', amount: 70_000, transactionNo: '88800001' });
    expect((await t.app.inject({ method: 'GET', url: `/api/payments/notify/vnpay?${stray}` })).json().RspCode).toBe(
      '01',
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/payments/credits', headers: clerk })).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/payments/credits', headers: admin });
    const credit = list
      .json()
      .items.find((c: { providerTransactionId: string }) => c.providerTransactionId === '88800001');
    expect(credit).toMatchObject({ status: 'UNMATCHED', intentId: null, amount: 70_000 });
    const url = `/api/payments/credits/${credit.id}/refund`;
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url, headers: clerk, payload: { reason: 'Chuyển nhầm' } }),
      t.app.inject({ method: 'POST', url, headers: clerk, payload: { reason: 'Chuyển nhầm' } }),
    ]);
    // Two officers at once: one refund is recorded, the other is told nothing is left.
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 200)?.json()).toMatchObject({ amount: 70_000, state: 'REQUESTED' });
  });

  it('reconciles a planted statement into matched, amount mismatch, missing on our side and on theirs', async () => {
    const a = await paidIntent('77700001'); // in statement, same amount
    const b = await paidIntent('77700002'); // in statement, other amount
    await paidIntent('77700003'); // not in statement
    const csv = [
      'provider_transaction_id,reference,amount,paid_at',
      `77700001,${a.reference},1000000,2023-10-27 09:35:00`,
      `77700002,${b.reference},"1.100.000",2023-10-27 09:35:00`,
      '77799999,HSUNKNOWN0001,50000,2023-10-27 09:35:00',
    ].join('\r\n');
    const upload = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/payments/reconciliations',
        headers,
        payload: { provider: 'vnpay', csv, from: '2023-10-27T02:35:00Z', to: '2023-10-27T02:35:00Z' },
      });
    expect((await upload(clerk)).statusCode).toBe(403);
    const res = await upload(admin);
    expect(res.statusCode).toBe(201);
    const report = res.json();
    const ours = (id: string) =>
      report.items.find((i: { providerTransactionId: string }) => i.providerTransactionId === id);
    expect(ours('77700001').bucket).toBe('MATCHED');
    expect(ours('77700002')).toMatchObject({
      bucket: 'AMOUNT_MISMATCH',
      statementAmount: 1_100_000,
      ourAmount: 1_000_000,
    });
    expect(ours('77799999').bucket).toBe('MISSING_OURS');
    expect(ours('77700003').bucket).toBe('MISSING_THEIRS');
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/payments/reconciliations/${report.id}`,
      headers: admin,
    });
    expect(again.json().summary).toEqual(report.summary);
  });

  it('refuses a statement line it cannot read, naming the line', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/payments/reconciliations',
      headers: admin,
      payload: {
        provider: 'payos',
        csv: 'provider_transaction_id,reference,amount,paid_at\nFT1,X,abc,2023-10-27 09:00:00',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.csv.line2');
  });
});
