import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '../helpers/auth.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('citizen account', () => {
  it('registers, logs out and logs in again', async () => {
    const page = await h.newPage();
    await page.goto('/dang-ky');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Mật khẩu').fill('hoa sen nở 2 hồ');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
    await expect.poll(() => page.locator('.summary-list').textContent()).toContain('Nguyễn Thị Lan');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.url()).toBe(`${h.baseUrl}/`);
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Số điện thoại hoặc e-mail').fill('0912345678');
    await page.getByLabel('Mật khẩu').fill('hoa sen nở 2 hồ');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
    await page.close();
  });

  it('shows the API’s error beside the field it names and in the summary', async () => {
    const page = await h.newPage();
    await page.goto('/dang-ky');
    await page.getByLabel('Họ và tên').fill('Trần Văn Minh');
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByLabel('Mật khẩu').fill('ngắn');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expect.poll(() => page.locator('#f-phone-error').textContent()).toMatch(/điện thoại/i);
    expect(await page.getByLabel('Số điện thoại').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('refuses a wrong password with the same words as an unknown account', async () => {
    const page = await h.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại hoặc e-mail').fill('0999999999');
    await page.getByLabel('Mật khẩu').fill('không đúng mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    const unknown = await page.getByRole('alert').textContent();
    await page.getByLabel('Số điện thoại hoặc e-mail').fill('0912345678');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(async () => page.getByRole('alert').textContent()).toBe(unknown);
    await page.close();
  });
});

describe('officer workspace', () => {
  it('shows an officer the units of their own district only', async () => {
    const officer = await createOfficer(h.ctx, {
      role: 'specialist',
      unitCode: '002',
      fullName: 'Phạm Quốc Hùng',
      password: 'trả hồ sơ đúng hẹn 10',
    });
    const page = await h.newPage({ mobile: false });
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại hoặc e-mail').fill(officer.phone);
    await page.getByLabel('Mật khẩu').fill('trả hồ sơ đúng hẹn 10');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không gian làm việc của cán bộ');
    await expect
      .poll(() => page.getByRole('list', { name: 'Nhiệm vụ được giao' }).textContent())
      .toContain('Chuyên viên xử lý');
    await expect.poll(() => page.getByText('Phường Hàng Trống').count()).toBe(1);
    expect(await page.getByText('Phường Điện Biên').count()).toBe(0); // Ba Đình, another district
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });
});
