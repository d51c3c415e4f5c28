import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../server/jobs/worker.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  PDF,
  processToResult,
  submitOnline,
} from '../helpers/dossiers.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('getting the result', () => {
  it('the citizen reads the notifications and downloads the e-result', async () => {
    const commune = await createCommune(h.ctx, '00001');
    const procedure = await createProcedure(h.ctx);
    const citizen = await createCitizen(h.ctx, { password: 'ket qua 2023 ok' });
    const [clerk, specialist, leader] = await Promise.all([
      loginAs(h.ctx, commune.receptionist),
      loginAs(h.ctx, commune.specialist),
      loginAs(h.ctx, commune.leader),
    ]);
    const submitted = await submitOnline(h.app, await loginAs(h.ctx, citizen), procedure.code, commune.agencyId);
    const d = await processToResult(h.app, { clerk, specialist, leader }, submitted);
    expect((await act(h.app, leader, d, 'sign_result')).statusCode).toBe(200);
    await runDueJobs(h.ctx); // deliver the notifications the actions queued

    const page = await h.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại hoặc e-mail').fill(citizen.phone);
    await page.getByLabel('Mật khẩu').fill('ket qua 2023 ok');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
    await page.getByRole('link', { name: 'Thông báo' }).click();
    await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/ho-so/${d.id}`);
    const link = page.getByRole('link', { name: /Tải kết quả điện tử/ });
    await expect.poll(() => link.count()).toBe(1);
    const href = (await link.getAttribute('href')) ?? '';
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    // The e-result is signed: the verification address as a link and a QR (Decree 45/2020 Art. 14(3)).
    const verify = page.getByRole('link', { name: /Kiểm tra tính hợp lệ/ });
    expect(await verify.getAttribute('href')).toBe(`/xac-thuc/${encodeURIComponent(`${d.code}-KQ1`)}`);
    const qr = page.getByRole('img', { name: /Mã QR dẫn tới trang xác thực/ });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.timeline').textContent()).toContain('Ký số kết quả');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });
});
