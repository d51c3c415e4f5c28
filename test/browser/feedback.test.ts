import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCitizen, createOfficer, loginAs } from '../helpers/auth.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: true });
});
afterAll(async () => h?.close());

const PASSWORD = 'danh gia 2023 ok';

describe('after the result', () => {
  it('the applicant rates the service once, and the rating is kept', async () => {
    const citizen = await createCitizen(h.ctx, { fullName: 'Lê Thu Trang', password: PASSWORD });
    const desk = await loginAs(h.ctx, await createOfficer(h.ctx, { role: 'receptionist', unitCode: '00037' }));
    const agencyId = (await h.app.inject({ url: '/api/agencies?unit=00037&kind=commune-peoples-committee' })).json()
      .items[0].id;
    const address = { unitCode: '00037', street: 'Số 2 phố Hàng Vôi' };
    const received = await h.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: desk,
      payload: {
        procedureCode: '1.001193',
        agencyId,
        channel: 'in_person',
        applicant: { name: 'Lê Thu Trang' },
        eform: {
          childName: 'Lê Gia Huy',
          childSex: 'nam',
          childBirthDate: '2023-09-30',
          childBirthPlace: address,
          childEthnicity: 'Kinh',
          requesterName: 'Lê Thu Trang',
          requesterId: '001190000004',
          requesterPhone: '0912000444',
          requesterAddress: address,
          relation: 'me',
          birthCertificate: ['giay-chung-sinh.pdf'],
        },
      },
    });
    expect(received.statusCode).toBe(201);
    const id = received.json().id as string;
    // The result was returned (the workflow has its own tests): owned by the citizen's account.
    await h.ctx.db
      .updateTable('dossiers')
      .set({ applicant_account_id: citizen.id, status: 10 })
      .where('id', '=', id)
      .execute();

    const page = await h.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại hoặc e-mail').fill(citizen.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tài khoản của tôi');
    await page.goto(`/ho-so/${id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('Chọn Hài lòng hoặc Không hài lòng');
    await page.getByLabel('Không hài lòng').check();
    await page.getByLabel('Ý kiến của bạn (không bắt buộc)').fill('Phải chờ lâu ở quầy');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Cảm ơn bạn đã đánh giá');
    const stored = await h.ctx.db
      .selectFrom('dossier_ratings')
      .selectAll()
      .where('dossier_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ is_satisfied: false, comment: 'Phải chờ lâu ở quầy' });
    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Cảm ơn bạn đã đánh giá');
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await page.close();
  });

  it('anyone reports a problem without login; missing contact is named beside the field', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Phản ánh, kiến nghị' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Phản ánh, kiến nghị');
    await page.getByLabel('Mô tả vấn đề').fill('Tôi nộp hồ sơ từ tuần trước mà chưa được tiếp nhận.');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => page.locator('#f-phone-error').textContent()).toContain('số điện thoại hoặc e-mail');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Mã phản ánh: PA-\d{6}-\d{6}/);
    await page.close();
  });
});
