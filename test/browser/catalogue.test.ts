import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: true });
});
afterAll(async () => h?.close());

describe('procedure catalogue', () => {
  it('finds birth registration by typing "khai sinh" on the home page and opens it', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await expect.poll(() => page.url()).toContain('/thu-tuc?q=khai%20sinh');
    const first = page.locator('.result-title a').first();
    await expect.poll(() => first.textContent()).toBe('Thủ tục đăng ký khai sinh');
    await expectNoSeriousA11yViolations(page);
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thủ tục đăng ký khai sinh');
    await expect.poll(() => page.getByRole('heading', { name: 'Hồ sơ cần chuẩn bị' }).count()).toBe(1);
    expect(await page.getByText('1.001193').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('shows results while typing, without diacritics, and filters by tier', async () => {
    const page = await h.newPage();
    await page.goto('/thu-tuc');
    await page.getByLabel('Tên, mã thủ tục hoặc lĩnh vực').fill('giay phep xay dung');
    await expect.poll(() => page.locator('.result-title a').first().textContent()).toMatch(/[Gg]iấy phép xây dựng/);
    await page.getByLabel('Cấp thực hiện').selectOption('commune');
    await expect.poll(() => page.url()).toContain('tier=commune');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('answers an unknown procedure code with a plain not-found message', async () => {
    const page = await h.newPage();
    await page.goto('/thu-tuc/9.999999');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy thủ tục này.');
    await page.close();
  });
});
