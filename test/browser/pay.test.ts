import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPaymentIntent } from '../../server/modules/payments/service.ts';
import { payosWebhook, TEST_KEYS } from '../../server/modules/payments/test-support.ts';
import { act, createCitizen, createCommune, createProcedure, loginAs, submitOnline } from '../helpers/dossiers.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ config: TEST_KEYS });
});
afterAll(async () => h?.close());

describe('paying a level-4 fee', () => {
  it('the citizen sees the VietQR and the amount, then “paid” after the bank’s notification, with the e-receipt', async () => {
    const commune = await createCommune(h.ctx, '00001');
    const procedure = await createProcedure(h.ctx, {
      onlineLevel: 4,
      channels: [{ channel: 'online', time: null, fees: [{ label: 'Lệ phí', amountVnd: 50_000 }] }],
    });
    const citizen = await createCitizen(h.ctx, { password: 'thanh toan 2023 ok' });
    const desk = await loginAs(h.ctx, commune.receptionist);
    let d = await submitOnline(h.app, await loginAs(h.ctx, citizen), procedure.code, commune.agencyId);
    const read = async () => (await h.app.inject({ url: `/api/dossiers/${d.id}`, headers: desk })).json();
    for (const action of ['accept', 'assign', 'request_payment']) {
      expect((await act(h.app, desk, d, action)).statusCode).toBe(200);
      d = await read();
    }

    const page = await h.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại hoặc e-mail').fill(citizen.phone);
    await page.getByLabel('Mật khẩu').fill('thanh toan 2023 ok');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
    await page.goto(`/ho-so/${d.id}`);
    await expect.poll(() => page.getByRole('img', { name: 'Mã VietQR để chuyển khoản nộp phí' }).count()).toBe(1);
    expect(await page.locator('.vietqr svg').count()).toBe(1);
    expect(await page.locator('#pay-title + p').textContent()).toContain('50.000 đ');
    await expectNoSeriousA11yViolations(page);

    // The bank's signed notification arrives (simulated, as the gateway would send it).
    const offer = (await h.app.inject({ url: `/api/dossiers/${d.id}/payments`, headers: desk })).json().items[0];
    const intent = await getPaymentIntent(h.ctx, offer.id);
    const notified = await h.app.inject({
      method: 'POST',
      url: '/api/payments/notify/payos',
      headers: { 'content-type': 'application/json' },
      payload: payosWebhook({ orderCode: intent.orderCode, amount: 50_000, reference: 'FT23300999001' }),
    });
    expect(notified.statusCode).toBe(200);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Đã thanh toán');
    // Once paid, the dossier moves on (6 → 4) and the page swaps the payment panel for the receipts list,
    // which loads on its own: wait for the link rather than catch the swap half-way.
    await expect.poll(() => page.getByRole('link', { name: 'Tải biên lai điện tử' }).count()).toBeGreaterThan(0);
    expect((await read()).status).toBe(4);
    await page.close();
  });
});
