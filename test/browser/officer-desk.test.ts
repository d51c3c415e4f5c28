import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '../helpers/auth.ts';
import { PDF } from '../helpers/dossiers.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';
import { act, agencyIdByKey, createProcedure, logIn, officer, receive, screenshots } from './officer-support.ts';

let h: BrowserHarness;
let communeId: string;
let clerk: TestAccount;
let procedureCode: string;
beforeAll(async () => {
  h = await startHarness();
  communeId = await agencyIdByKey(h.ctx, 'hn.c00001');
  clerk = await officer(h, { role: 'receptionist', agencyId: communeId }, 'Đỗ Thu Hà');
  procedureCode = (await createProcedure(h.ctx, { name: 'Đăng ký khai sinh (thử nghiệm)' })).code;
});
afterAll(async () => h?.close());

describe('the one-stop desk', () => {
  it('receives a walk-in applicant and prints form 01 in one motion', async () => {
    const page = await h.newPage({ mobile: false });
    await logIn(page, clerk);
    await page.getByRole('link', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tiếp nhận hồ sơ tại quầy');
    await page.getByLabel('Tên hoặc mã thủ tục').fill(procedureCode);
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.getByRole('button', { name: new RegExp(procedureCode.replaceAll('.', '\\.')) }).click();
    await expect.poll(() => page.getByRole('heading', { name: '2. Người nộp hồ sơ' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // Nothing filled: the problems show beside their fields, nothing is sent.
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (mẫu 01)' }).click();
    await expect.poll(() => page.locator('[id="f-applicant.name-error"]').textContent()).toContain('họ tên');
    await expectNoSeriousA11yViolations(page);

    await page.locator('[id="f-applicant.name"]').fill('Nguyễn Văn An');
    await page.locator('[id="f-applicant.idNumber"]').fill('001090012345');
    await page.locator('[id="f-applicant.phone"]').fill('0912345678');
    await page.getByLabel('Quét hoặc tải tệp Tờ khai theo mẫu').setInputFiles({
      name: 'to-khai.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.locator('[id="f-eform.fullName"]').fill('Nguyễn Văn An');
    await page.locator('[id="f-eform.idNumber"]').fill('001090012345');
    await page.locator('[id="f-eform.phone"]').fill('0912345678');
    await page.locator('[id="f-eform.address.unitCode"]').fill('00001');
    await page.locator('[id="f-eform.address.street"]').fill('số 1 Phúc Xá');
    await screenshots(page, 'reception');

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (mẫu 01)' }).click();
    const form = await popup;
    await expect.poll(() => form.url()).toMatch(/\/api\/dossiers\/[0-9a-f-]+\/forms\/01\.pdf$/);
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Đã tiếp nhận hồ sơ');
    const code = await page.locator('.notice-ok .dossier-code').textContent();
    expect(code).toMatch(new RegExp(`^${communeId.replaceAll('.', '\\.')}-\\d{6}-\\d{4}$`));
    expect(await status.textContent()).toContain('Hẹn trả kết quả');
    expect(await status.textContent()).toContain('mẫu 01');
    const pdf = await page.request.get(new URL(form.url()).pathname);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('returns the result of a processed dossier', async () => {
    const specialist = await officer(h, { role: 'specialist', agencyId: communeId }, 'Vũ Minh Khoa');
    const leader = await officer(h, { role: 'leader', agencyId: communeId }, 'Trần Quang Vinh');
    let d = await receive(h, clerk, procedureCode, communeId, 'Lê Thị Mai');
    d = await act(h, clerk, d, 'accept');
    d = await act(h, clerk, d, 'assign');
    d = await act(h, clerk, d, 'complete_step');
    d = await act(h, specialist, d, 'assign');
    d = await act(h, specialist, d, 'complete_step');
    d = await act(h, leader, d, 'approve');
    d = await act(h, clerk, d, 'mark_processed');
    expect(d.status).toBe(9);

    const page = await h.newPage({ mobile: false });
    await logIn(page, clerk);
    await page.getByRole('button', { name: /Chờ trả kết quả/ }).click();
    await page.getByRole('link', { name: d.code! }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ');
    await expect.poll(() => page.getByRole('button', { name: 'Trả kết quả', exact: true }).count()).toBe(1);
    // Only what the rules allow from "processed": no accept, no approve; the one action is open at once.
    expect(await page.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Trả kết quả', exact: true }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await page.getByLabel('Hình thức trả').selectOption('counter');
    await page.getByRole('button', { name: 'Xác nhận — Trả kết quả' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã trả kết quả hồ sơ');
    expect(await page.getByRole('status').textContent()).toContain('Người dân ký nhận kết quả');
    await expect.poll(() => page.locator('.status-tag').textContent()).toBe('Đã trả kết quả');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('asks for a supplement from the reception queue, itemised, with form 02 to print', async () => {
    const d = await receive(h, clerk, procedureCode, communeId, 'Đinh Văn Toàn');
    const page = await h.newPage({ mobile: false });
    await logIn(page, clerk);
    const row = page.locator('.queue-table tbody tr', { hasText: 'Đinh Văn Toàn' });
    await expect.poll(() => row.textContent()).toContain('phút');
    await row.getByRole('link').click();
    for (const name of ['Tiếp nhận', 'Từ chối', 'Yêu cầu bổ sung'])
      await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Phê duyệt' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận — Yêu cầu bổ sung' }).click();
    await expect.poll(() => page.locator('#f-items-error').textContent()).toContain('ít nhất một giấy tờ');
    await page.getByLabel('Giấy tờ cần bổ sung').fill('Bản sao giấy chứng sinh | 1\nSổ hộ khẩu');
    await page.getByLabel('Lý do').fill('Thiếu giấy chứng sinh');
    await page.getByRole('button', { name: 'Xác nhận — Yêu cầu bổ sung' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã yêu cầu bổ sung hồ sơ');
    expect(await page.getByRole('status').textContent()).toContain('mẫu 02');
    await expect.poll(() => page.getByRole('link', { name: /mẫu 02/ }).count()).toBe(1);
    const form = await page.request.get(`/api/dossiers/${d.id}/forms/02.pdf`);
    expect(form.status()).toBe(200);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it('speaks English when the officer switches', async () => {
    const page = await h.newPage({ mobile: true });
    await logIn(page, clerk);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Officer workspace');
    await expect.poll(() => page.getByRole('button', { name: /Waiting for acceptance/ }).count()).toBe(1);
    await page.getByRole('link', { name: 'Reception' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Counter reception');
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });
});
