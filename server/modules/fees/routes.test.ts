import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submitOnline,
  type Commune,
} from '../../../test/helpers/dossiers.ts';
import { extractPdfText } from '../payments/pdf-text.ts';
import { getPaymentIntent } from '../payments/service.ts';
import { payosWebhook, TEST_KEYS } from '../payments/test-support.ts';

let t: TestApp;
let commune: Commune;
beforeAll(async () => {
  t = await createTestApp(TEST_KEYS);
  commune = await createCommune(t.ctx, '00001');
});
afterAll(async () => t.close());

const feeChannels = (amountVnd: number) => [
  { channel: 'online' as const, time: null, fees: [{ label: 'Lệ phí cấp giấy phép', amountVnd }] },
];

/** An online dossier of the given level taken to "awaiting payment" (6) by the desk and a specialist. */
async function awaitingPayment(onlineLevel: 3 | 4) {
  const procedure = await createProcedure(t.ctx, { onlineLevel, channels: feeChannels(150_000) });
  const citizen = await createCitizen(t.ctx);
  const me = await loginAs(t.ctx, citizen);
  const desk = await loginAs(t.ctx, commune.receptionist);
  let d = await submitOnline(t.app, me, procedure.code, commune.agencyId);
  const read = async () => (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: desk })).json();
  expect((await act(t.app, desk, d, 'accept')).statusCode).toBe(200);
  d = await read();
  // The desk takes the first step of the workflow (reception), which puts the dossier in processing (4).
  expect((await act(t.app, desk, d, 'assign')).statusCode).toBe(200);
  d = await read();
  const asked = await act(t.app, desk, d, 'request_payment');
  expect(asked.statusCode).toBe(200);
  d = await read();
  expect(d.status).toBe(6);
  return { d, me, desk, read };
}

describe('paying a level-4 fee online', () => {
  it('shows a VietQR for the fee, takes one bank notification and moves the dossier 6 → 4, with an e-receipt', async () => {
    const { d, me, read } = await awaitingPayment(4);
    const offer = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments`, headers: me });
    expect(offer.statusCode).toBe(201);
    const body = offer.json();
    expect(body.amount).toBe(150_000);
    expect(body.vietqr.payload).toContain('5406150000'); // EMVCo field 54: the amount
    expect(body.vietqr.svg).toMatch(/^<svg/);
    // A second click shows the same QR, not a second payment.
    const again = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments`, headers: me });
    expect(again.json().id).toBe(body.id);

    const intent = await getPaymentIntent(t.ctx, body.id);
    const notify = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/payments/notify/payos',
        headers: { 'content-type': 'application/json' },
        payload: payosWebhook({ orderCode: intent.orderCode, amount: 150_000, reference: 'FT23300123456' }),
      });
    expect((await notify()).statusCode).toBe(200);
    expect((await notify()).statusCode).toBe(200); // a replay is acknowledged, not credited twice

    const after = await read();
    expect(after.status).toBe(4);
    expect(after.journal.filter((e: { action: string }) => e.action === 'payment_received')).toHaveLength(1);
    const payments = (await t.app.inject({ url: `/api/dossiers/${d.id}/payments`, headers: me })).json();
    expect(payments.items).toEqual([expect.objectContaining({ id: body.id, state: 'SUCCEEDED', amount: 150_000 })]);

    // Form 01, printed again, shows the payment.
    const form01 = await t.app.inject({ url: `/api/dossiers/${d.id}/forms/01.pdf`, headers: me });
    expect(form01.statusCode).toBe(200);
    const form01Text = extractPdfText(form01.rawPayload);
    expect(form01Text).toContain('Đã thanh toán phí, lệ phí');
    expect(form01Text).toContain('150.000 đ');

    const receipt = await t.app.inject({ url: `/api/dossiers/${d.id}/payments/${body.id}/receipt.pdf`, headers: me });
    expect(receipt.statusCode).toBe(200);
    const text = extractPdfText(receipt.rawPayload);
    expect(text).toContain(after.code);
    expect(text).toContain('150.000 đ');
  });

  it('refuses online payment for a level-3 service, explaining where to pay', async () => {
    const { d, me } = await awaitingPayment(3);
    const res = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments`, headers: me });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/mức độ 3.*bộ phận một cửa/);
    expect((await t.app.inject({ url: `/api/dossiers/${d.id}/payments`, headers: me })).json().items).toEqual([]);
  });

  it('refuses a dossier that is not awaiting payment, and anyone but the applicant', async () => {
    const procedure = await createProcedure(t.ctx, { onlineLevel: 4, channels: feeChannels(20_000) });
    const me = await loginAs(t.ctx, await createCitizen(t.ctx));
    const d = await submitOnline(t.app, me, procedure.code, commune.agencyId);
    const early = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments`, headers: me });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_TRANSITION');
    const stranger = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments`, headers: stranger })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/payments` })).statusCode).toBe(401);
  });
});
