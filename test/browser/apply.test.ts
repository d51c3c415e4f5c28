import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizen, createOfficer, loginAs } from '../helpers/auth.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: true });
});
afterAll(async () => h?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PASSWORD = 'khai sinh 2023 ok';

async function logIn(page: Page, login: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(login);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
}

async function pickAddress(page: Page, district: string, commune: string, street: string) {
  await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: district });
  await expect.poll(() => page.getByLabel('Xã, phường, thị trấn').locator('option').count()).toBeGreaterThan(1);
  await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: commune });
  await page.getByLabel('Số nhà, đường, thôn, xóm').fill(street);
}

/** Fills whichever of the birth-registration questions the current page shows, then continues. */
async function answerPage(page: Page): Promise<void> {
  const fill = async (label: string, value: string) => {
    const field = page.getByLabel(label, { exact: false }).first();
    if ((await field.count()) > 0 && (await field.isVisible())) await field.fill(value);
  };
  await fill('Họ, chữ đệm, tên của trẻ', 'Nguyễn Minh An');
  if ((await page.getByLabel('Giới tính').count()) > 0) await page.getByLabel('Giới tính').selectOption('nam');
  await fill('Ngày, tháng, năm sinh', '2023-10-20');
  await fill('Dân tộc', 'Kinh');
  await fill('Họ, chữ đệm, tên người yêu cầu', 'Nguyễn Thị Lan');
  await fill('Số định danh cá nhân (CCCD)', '001190000002');
  await fill('Số điện thoại', '0912000111');
  if ((await page.getByLabel('Quan hệ với trẻ').count()) > 0)
    await page.getByLabel('Quan hệ với trẻ').selectOption('me');
  if ((await page.getByLabel('Xã, phường, thị trấn').count()) > 0)
    await pickAddress(page, 'Quận Hoàn Kiếm', 'Phường Phúc Tân', 'Số 5 phố Chương Dương Độ');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}

describe('applying online', () => {
  it('a citizen finds birth registration, applies with a file, is accepted, sees the countdown and answers a supplement request', async () => {
    const citizen = await createCitizen(h.ctx, {
      fullName: 'Nguyễn Thị Lan',
      password: PASSWORD,
      nationalId: '001190000002',
    });
    const page = await h.newPage();
    await logIn(page, citizen.phone);

    await page.goto('/');
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
    await page.locator('.result-title a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thủ tục đăng ký khai sinh');
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // Where: the ward's People's Committee.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nộp hồ sơ ở đâu?');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Chọn nơi nộp hồ sơ');
    await page.getByLabel('Quận, huyện, thị xã').selectOption({ label: 'Quận Hoàn Kiếm' });
    await expect.poll(() => page.getByLabel('Xã, phường, thị trấn').locator('option').count()).toBeGreaterThan(1);
    await page.getByLabel('Xã, phường, thị trấn').selectOption({ label: 'Phường Phúc Tân' });
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // The e-form, one topic per page; an empty required field is named beside it.
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Tờ khai/);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('.error-message').first().textContent()).toMatch(/tên của trẻ/);
    for (let i = 0; i < 6 && (await page.locator('h1').textContent())?.startsWith('Tờ khai'); i++)
      await answerPage(page);

    // Documents: one PDF for each paper.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Giấy tờ đính kèm');
    const inputs = page.locator('input[type=file]');
    for (let i = 0; i < (await inputs.count()); i++)
      await inputs.nth(i).setInputFiles({ name: `giay-to-${i}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nhận kết quả');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kiểm tra lại và nộp');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã nộp hồ sơ');
    const href = await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).getAttribute('href');
    const id = href?.split('/').pop() ?? '';

    // The ward's one-stop desk accepts it (officer side by API).
    const desk = await loginAs(h.ctx, await createOfficer(h.ctx, { role: 'receptionist', unitCode: '00037' }));
    const before = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json();
    expect(before.status).toBe(1);
    const accepted = await h.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/actions/accept`,
      headers: desk,
      payload: { version: before.version },
    });
    expect(accepted.statusCode).toBe(200);
    const code = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json().code as string;
    // The demo seed has already received dossiers at this ward today: the code is the next of the day.
    expect(code).toMatch(/^000\.\d{2}\.\d{2}\.H26-\d{6}-\d{4}$/);

    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Hồ sơ ${code}`);
    await expect.poll(() => page.locator('.countdown').first().textContent()).toMatch(/^còn /);
    await expectNoSeriousA11yViolations(page);

    // The desk asks for one more paper; the citizen sees exactly what and sends it.
    const current = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json();
    const asked = await h.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/actions/request_supplement`,
      headers: desk,
      payload: {
        version: current.version,
        reason: 'Giấy chứng sinh chụp bị mờ',
        items: [{ name: 'Giấy chứng sinh (bản chụp rõ nét)', count: 1 }],
      },
    });
    expect(asked.statusCode).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Bổ sung hồ sơ' }).count()).toBe(1);
    expect(await page.getByText('Giấy chứng sinh (bản chụp rõ nét) (1)').count()).toBe(1);
    await page
      .getByLabel('Giấy tờ bổ sung')
      .setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Bổ sung hồ sơ' }).count()).toBe(0);
    const after = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json();
    expect(after.status).not.toBe(5);
    await page.close();
  });

  it('tracks a dossier by code without logging in, and hides it behind the 4-digit check', async () => {
    // A walk-in applicant received at the ward's counter (officer side by API).
    const desk = await loginAs(h.ctx, await createOfficer(h.ctx, { role: 'receptionist', unitCode: '00037' }));
    const agencies = (await h.app.inject({ url: '/api/agencies?unit=00037&kind=commune-peoples-committee' })).json();
    const address = { unitCode: '00037', street: 'Số 9 phố Hàng Mắm' };
    const received = await h.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: desk,
      payload: {
        procedureCode: '1.001193',
        agencyId: agencies.items[0].id,
        channel: 'in_person',
        applicant: { name: 'Trần Văn Bình', idNumber: '001090000003', phone: '0912000333' },
        eform: {
          childName: 'Trần Minh Khôi',
          childSex: 'nam',
          childBirthDate: '2023-10-01',
          childBirthPlace: address,
          childEthnicity: 'Kinh',
          requesterName: 'Trần Văn Bình',
          requesterId: '001090000003',
          requesterPhone: '0912000333',
          requesterAddress: address,
          relation: 'cha',
          birthCertificate: ['giay-chung-sinh.pdf'],
        },
      },
    });
    expect(received.statusCode).toBe(201);
    const id = received.json().id as string;
    const version = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json().version;
    const accepted = await h.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/actions/accept`,
      headers: desk,
      payload: { version },
    });
    expect(accepted.statusCode).toBe(200);
    const code = (await h.app.inject({ url: `/api/dossiers/${id}`, headers: desk })).json().code as string;

    const page = await h.newPage();
    await page.goto('/tra-cuu');
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('4 chữ số cuối').fill('9999');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tìm thấy hồ sơ');
    await page.getByLabel('4 chữ số cuối').fill('0003');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.locator('#track-result').textContent()).toContain(code);
    await expect.poll(() => page.locator('.summary-list').textContent()).toContain('Đã tiếp nhận');
    expect(await page.getByText('Trần Văn Bình').count()).toBe(0); // no personal data in public tracking
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });
});
