import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizen } from '../helpers/auth.ts';
import { startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: true });
});
afterAll(async () => h?.close());

/** Presses Tab until the focused element matches, like a keyboard user would; fails if it never does. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; label: string }) => boolean, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const id = a?.id;
      const label = id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? '') : '';
      return { tag: a?.tagName.toLowerCase() ?? '', text: a?.textContent?.trim() ?? '', label };
    });
    if (matches(el)) return;
  }
  throw new Error('never reached the element with the keyboard');
}

describe('keyboard only', () => {
  it('finds a procedure from the home page and reaches "Apply online"', async () => {
    const page = await h.newPage({ mobile: false });
    await page.goto('/');
    await page.locator('h1').waitFor();
    await tabTo(page, (e) => e.label === 'Bạn cần làm thủ tục gì?');
    await page.keyboard.type('khai sinh');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.result-title a').first().textContent()).toBe('Thủ tục đăng ký khai sinh');
    await tabTo(page, (e) => e.tag === 'a' && e.text === 'Thủ tục đăng ký khai sinh');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thủ tục đăng ký khai sinh');
    await tabTo(page, (e) => e.tag === 'a' && e.text === 'Nộp hồ sơ trực tuyến');
    await page.close();
  });

  it('logs in and tracks a dossier with the keyboard alone', async () => {
    const citizen = await createCitizen(h.ctx, { password: 'ban phim 2023 ok' });
    const page = await h.newPage({ mobile: false });
    await page.goto('/dang-nhap');
    await page.locator('h1').waitFor();
    await tabTo(page, (e) => e.label === 'Số điện thoại hoặc e-mail');
    await page.keyboard.type(citizen.phone);
    await page.keyboard.press('Tab');
    await page.keyboard.type('ban phim 2023 ok');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');

    await tabTo(page, (e) => e.tag === 'a' && e.text === 'Tra cứu hồ sơ');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tra cứu hồ sơ');
    await tabTo(page, (e) => e.label === 'Mã hồ sơ');
    await page.keyboard.type('000.31.41.H26-231027-0001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    // The error is announced and named beside the field.
    await expect.poll(() => page.locator('#f-check-error').textContent()).toBe('Nhập đúng 4 chữ số');
    await page.close();
  });

  it('opens the tracking page from the QR on form 01 with the code filled in', async () => {
    const page = await h.newPage();
    await page.goto('/tra-cuu/000.31.42.H26-261128-0001');
    await expect.poll(() => page.getByLabel('Mã hồ sơ').inputValue()).toBe('000.31.42.H26-261128-0001');
    await page.close();
  });
});
