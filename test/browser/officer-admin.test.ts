import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '../helpers/auth.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const PASSWORD = 'danh mục thủ tục 2026';

async function logIn(page: Page, phone: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(phone);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('Không gian làm việc của cán bộ');
}

/** A one-procedure workbook as a clerk would type it: header row of column keys, one data row. */
async function workbook(onlineLevel: string | number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('procedures');
  ws.addRow([
    'code',
    'validFrom',
    'status',
    'name',
    'sector',
    'tiers',
    'applicantTypes',
    'timeLimitValue',
    'timeLimitUnit',
    'onlineLevel',
  ]);
  ws.addRow([
    '9.100001',
    '2020-01-01',
    'published',
    'Xác nhận thử nghiệm nhập Excel',
    'Hộ tịch',
    'commune',
    'citizen',
    3,
    'workingDays',
    onlineLevel,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = { name: 'thu-tuc.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe('procedure catalogue administration', () => {
  it('imports a workbook with an error, shows the report by sheet, row and column, then imports the fix', async () => {
    const admin = await createOfficer(h.ctx, {
      role: 'city_admin',
      unitCode: '01',
      fullName: 'Lê Thị Quản Trị',
      password: PASSWORD,
    });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin.phone);
    await page.goto('/can-bo/quan-tri');
    await page.getByRole('link', { name: 'Danh mục thủ tục hành chính' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Danh mục thủ tục hành chính');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({ ...XLSX, buffer: await workbook('bốn') });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    const report = page.getByRole('table', { name: 'Báo cáo lỗi nhập tệp' });
    await expect.poll(() => report.isVisible()).toBe(true);
    const row = report.locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      'procedures',
      '2',
      'J2 (onlineLevel)',
      'Cần nhập số nguyên.',
    ]);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('chưa có thay đổi nào được ghi');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({ ...XLSX, buffer: await workbook(3) });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã nhập xong.');
    expect(await page.getByRole('status').textContent()).toContain('Tạo mới: 1');
    expect(await report.count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: '9.100001' }).count()).toBe(1);
    await page.close();
  });
});
