import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossiers } from '../../server/modules/reports/service.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: true });
  const now = new Date();
  await generateDossiers(h.ctx, {
    dossiers: 400,
    seed: 7,
    from: new Date(now.getTime() - 200 * 86_400_000),
    until: now,
  });
});
afterAll(async () => h?.close());

describe('public dashboard', () => {
  it('shows the figures without login, each chart with its numbers in a table', async () => {
    const api = (await h.app.inject({ url: '/api/public/dashboard' })).json();
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kết quả giải quyết thủ tục hành chính');
    await expect
      .poll(() => page.locator('.stat dd').first().textContent())
      .toBe(api.services.total.toLocaleString('vi-VN'));
    const districtRows = page.locator('section[aria-labelledby=districts] tbody tr');
    expect(await districtRows.count()).toBe(api.districts.length);
    expect(api.districts.length).toBe(30);
    // The bar chart is decoration for sighted users; the table carries the same numbers.
    expect(await page.locator('figure.bars').getAttribute('aria-hidden')).toBe('true');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Quận, huyện, thị xã', { exact: true }).selectOption({ label: 'Quận Hoàn Kiếm' });
    const communeRows = page.locator('section[aria-labelledby=communes] tbody tr');
    await expect
      .poll(() => communeRows.count())
      .toBe(api.communes.filter((c: { parentCode: string }) => c.parentCode === '002').length);
    await page.close();
  });
});
