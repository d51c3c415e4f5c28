import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('home page', () => {
  it('renders in Vietnamese with the real unit counts and no serious accessibility violations', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('một cửa cho cả thành phố');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const stats = page.locator('section[aria-labelledby=units-title] .stat dd');
    await expect.poll(() => stats.allTextContents()).toEqual(['30', '584', expect.stringMatching(/^\d/)]);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('switches to English and back, and remembers the choice', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('one door for the whole city');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toContain('one door');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('vi');
    await page.close();
  });

  it('does not download the officer workspace or its messages on a citizen’s first visit', async () => {
    const page = await h.newPage();
    const scripts: Array<Promise<string>> = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.text());
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    const code = await Promise.all(scripts);
    expect(code.length).toBeGreaterThan(0);
    expect(code.join('\n')).toContain('nav.skip'); // the portal's catalogue is there…
    expect(code.join('\n')).not.toContain('officer.nav.queues'); // …the officer one is not (ADR 0014)
    await page.close();
  });

  it('lets a keyboard user skip to the main content', async () => {
    const page = await h.newPage({ mobile: false });
    await page.goto('/');
    // Wait until the app has rendered, or the first Tab lands on the bare document.
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });
});

describe('agency directory', () => {
  it('lists a district’s agencies and communes, filtered without diacritics', async () => {
    const page = await h.newPage();
    await page.goto('/co-quan');
    await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Quận Hoàn Kiếm' });
    await expect.poll(() => page.getByText('Bộ phận Tiếp nhận và Trả kết quả - UBND quận Hoàn Kiếm').count()).toBe(1);
    await page.getByLabel('Tìm xã, phường').fill('hang trong');
    await expect
      .poll(() => page.locator('#communes-title + .field + ul li').allTextContents())
      .toEqual(['Phường Hàng Trống (00070)']);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('serves the app for a deep link and answers unknown pages with a not-found page', async () => {
    const page = await h.newPage();
    const response = await page.goto('/khong-co-trang-nay');
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang bạn cần.');
    await page.close();
  });
});
