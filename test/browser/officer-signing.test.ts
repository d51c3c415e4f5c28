import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '../helpers/auth.ts';
import { loginAs } from '../helpers/auth.ts';
import { PDF } from '../helpers/dossiers.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';
import { act, agencyIdByKey, createProcedure, logIn, officer, receive, type Dossier } from './officer-support.ts';

let h: BrowserHarness;
let communeId: string;
let clerk: TestAccount;
let specialist: TestAccount;
let leader: TestAccount;
beforeAll(async () => {
  h = await startHarness();
  communeId = await agencyIdByKey(h.ctx, 'hn.c00001');
  clerk = await officer(h, { role: 'receptionist', agencyId: communeId }, 'Đỗ Thu Hà');
  specialist = await officer(h, { role: 'specialist', agencyId: communeId }, 'Vũ Minh Khoa');
  leader = await officer(h, { role: 'leader', agencyId: communeId }, 'Trần Quang Vinh');
});
afterAll(async () => h?.close());

/** Through every step to "processed" (9) with its result file, by the API, as the commune would. */
async function processed(code: string, name: string): Promise<Dossier> {
  let d = await receive(h, clerk, code, communeId, name);
  for (const [who, action] of [
    [clerk, 'accept'],
    [clerk, 'assign'],
    [clerk, 'complete_step'],
    [specialist, 'assign'],
    [specialist, 'complete_step'],
    [leader, 'approve'],
    [clerk, 'mark_processed'],
  ] as const)
    d = await act(h, who, d, action);
  return d;
}

describe('signing the e-result', () => {
  it('lets a leader sign from the "to sign" queue, shows the signature, and anyone can verify it', async () => {
    const { code } = await createProcedure(h.ctx, { name: 'Đăng ký khai sinh (thử nghiệm ký số)' });
    const d = await processed(code, 'Nguyễn Thị Mai');

    // A specialist of the same commune reads the dossier but is not offered the signature.
    const other = await h.newPage({ mobile: false });
    await logIn(other, specialist);
    expect(await other.getByRole('button', { name: /Chờ ký/ }).count()).toBe(0);
    await other.goto(`/can-bo/ho-so/${d.id}`);
    await expect.poll(() => other.locator('.dossier-code').textContent()).toContain(d.code!);
    await expect.poll(() => other.getByText('Chưa ký số').count()).toBe(1);
    expect(await other.getByRole('button', { name: 'Ký số kết quả' }).count()).toBe(0);
    await other.close();

    const page = await h.newPage({ mobile: false });
    await logIn(page, leader);
    const tab = page.getByRole('button', { name: /Chờ ký/ });
    await expect.poll(() => tab.textContent()).toContain('1');
    await tab.click();
    await expect.poll(() => page.locator('.queue-table tbody tr').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: d.code! }).click();

    await page.getByRole('button', { name: 'Ký số kết quả', exact: true }).click();
    // What is signed: the file and its fingerprint.
    await expect.poll(() => page.locator('#action-form').textContent()).toContain('ket-qua.pdf');
    expect(await page.locator('#action-form .fingerprint').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Xác nhận — Ký số kết quả' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã ký số kết quả hồ sơ');
    expect(await page.getByRole('status').textContent()).toContain('trang xác thực công khai');

    // The signature on the result file: signer, time, code, fingerprint.
    const files = page.locator('section[aria-labelledby="d-files"]');
    await expect.poll(() => files.textContent()).toContain('Đã ký số');
    const text = (await files.textContent()) ?? '';
    expect(text).toContain('Trần Quang Vinh');
    expect(text).toContain(`${d.code}-KQ1`);
    expect(text).toMatch(/[0-9a-f]{64}/);
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Ký số kết quả');
    expect(await page.getByRole('button', { name: 'Ký số kết quả', exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: '← Hồ sơ' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Chờ ký/ }).textContent()).toContain('0');

    const detail = await h.app.inject({ url: `/api/dossiers/${d.id}`, headers: await loginAs(h.ctx, clerk) });
    expect(detail.json().resultSignedAt).not.toBeNull();

    // The public verification page the result's QR opens: no login, valid, and the file checks out.
    const visitor = await h.newPage();
    await visitor.goto(`/xac-thuc/${encodeURIComponent(`${d.code}-KQ1`)}`);
    await expect.poll(() => visitor.locator('#verify-verdict').textContent()).toBe('Hợp lệ');
    expect(await visitor.locator('main').textContent()).toContain('Trần Quang Vinh');
    expect(await visitor.locator('main').textContent()).not.toContain('Nguyễn Thị Mai');
    await visitor
      .getByLabel('Kiểm tra tệp bạn đang có')
      .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => visitor.getByText('Tệp bạn chọn đúng là tệp đã được ký.').count()).toBe(1);
    await visitor
      .getByLabel('Kiểm tra tệp bạn đang có')
      .setInputFiles({ name: 'gia.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 khác') });
    await expect.poll(() => visitor.getByText(/KHÁC tệp đã được ký/).count()).toBe(1);
    await expectNoSeriousA11yViolations(visitor);
    await visitor.close();
    await page.close();
  });
});
