import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '../helpers/auth.ts';
import { agencyIdByKey, createPublishedProcedure } from '../helpers/catalogue.ts';
import { createCitizen, createCommune, loginAs, processToResult, submitOnline } from '../helpers/dossiers.ts';
import { logIn, PASSWORD, screenshots } from './officer-support.ts';
import { expectNoSeriousA11yViolations, startHarness, type BrowserHarness } from './harness.ts';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

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

describe('administration', () => {
  it('imports a workbook with an error, shows the report by sheet, row and column, then imports the fix', async () => {
    const admin = await createOfficer(h.ctx, {
      role: 'city_admin',
      unitCode: '01',
      fullName: 'Lê Thị Quản Trị',
      password: PASSWORD,
    });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
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
    await screenshots(page, 'import-report');

    await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({ ...XLSX, buffer: await workbook(3) });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã nhập xong.');
    expect(await page.getByRole('status').textContent()).toContain('Tạo mới: 1');
    expect(await report.count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: '9.100001' }).count()).toBe(1);
    await page.close();
  });

  it('shows problems beside the field while a new version is typed, then saves and publishes it', async () => {
    const admin = await createOfficer(h.ctx, { role: 'city_admin', unitCode: '01', password: PASSWORD });
    const { code } = await createPublishedProcedure(h.ctx, { name: 'Cấp bản sao trích lục (thử nghiệm)' });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto(`/can-bo/quan-tri/thu-tuc/${code}`);
    await expect.poll(() => page.getByText('Phiên bản đã công bố không sửa được').count()).toBe(1);
    await page.getByRole('button', { name: 'Tạo phiên bản mới từ bản này' }).click();

    const budget = page.locator('[id="f-workflow.1.budgetDays"]');
    await budget.fill('9');
    await expect.poll(() => page.locator('#f-workflow').textContent()).toContain('vượt thời hạn giải quyết');
    await budget.fill('2');
    await expect.poll(() => page.locator('#f-workflow').textContent()).not.toContain('vượt');
    const name = page.locator('[id="f-eform.fields.1.name"]');
    await name.fill('fullName');
    await expect.poll(() => page.locator('[id="f-eform.fields.1.name-error"]').textContent()).toContain('bị trùng');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page);
    await screenshots(page, 'version-editor');
    await name.fill('idNumber');
    await expect.poll(() => page.locator('[id="f-eform.fields.1.name-error"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu bản nháp');
    expect(await page.getByRole('status').textContent()).toContain('Người dân chưa thấy');
    await page.getByRole('button', { name: 'Công bố' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã công bố');
    await page.close();
  });

  it('edits the holiday table of a year and the calendar answers with it', async () => {
    const admin = await createOfficer(h.ctx, { role: 'city_admin', unitCode: '01', password: PASSWORD });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto('/can-bo/quan-tri/lich');
    const year = String(new Date().getUTCFullYear() + 2);
    await page.getByLabel('Năm').selectOption(year);
    await expect.poll(() => page.locator('caption').textContent()).toContain(year);
    const rows = await page.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect.poll(() => page.locator(`[id="f-days.${rows}.name-error"]`).textContent()).toContain('Cần ghi tên');
    await page.locator(`[id="f-days.${rows}.date"]`).fill(`${year}-05-04`);
    await page.locator(`[id="f-days.${rows}.name"]`).fill('Nghỉ bù thử nghiệm');
    await page.getByLabel('Căn cứ (văn bản, thông báo)').fill('Thông báo thử nghiệm');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Lưu bảng ngày nghỉ' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Đã lưu bảng ngày nghỉ năm ${year}`);
    expect(await page.getByRole('status').textContent()).toContain('ngày hẹn đã in cho người dân không đổi');
    const body = (await h.app.inject(`/api/calendar/${year}`)).json();
    expect(body.daysOff).toContainEqual({ date: `${year}-05-04`, name: 'Nghỉ bù thử nghiệm' });
    expect(body.workingDays).not.toContain(`${year}-05-04`);
    await screenshots(page, 'calendar');
    await page.close();
  });

  it('rewords a notification template with the preview as one types, saves it and resets it to the default', async () => {
    const admin = await createOfficer(h.ctx, { role: 'city_admin', unitCode: '01', password: PASSWORD });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto('/can-bo/quan-tri');
    await page.getByRole('link', { name: 'Mẫu thông báo' }).click();
    const table = page.getByRole('table', { name: 'Các mẫu thông báo' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(10);
    await expectNoSeriousA11yViolations(page);
    await table.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mẫu thông báo: Tiếp nhận hồ sơ');

    const sms = page.getByLabel('Tin nhắn SMS (không dấu)');
    const preview = page.locator('[data-preview="sms"]');
    await expect.poll(() => preview.textContent()).toContain('Ho so 000.00.06.H56-231027-0361 da duoc tiep nhan');
    // A placeholder the template does not have, and diacritics: both said beside the field as one types.
    await sms.fill('Hồ sơ {maHoSo} đã tiếp nhận');
    await expect.poll(() => page.locator('#f-sms-error').textContent()).toContain('không có tham số {maHoSo}');
    expect(await page.locator('#f-sms-error').textContent()).toContain('viết không dấu');
    expect(await sms.getAttribute('aria-invalid')).toBe('true');
    await sms.fill('Ho so {dossierCode} da tiep nhan. Hen tra {appointmentAt}. Hoi dap: 1022');
    await expect.poll(() => page.locator('#f-sms-error').count()).toBe(0);
    await expect
      .poll(() => preview.textContent())
      .toBe('Ho so 000.00.06.H56-231027-0361 da tiep nhan. Hen tra 09:32 03/11/2023. Hoi dap: 1022');
    expect(await page.locator('.template-preview').textContent()).toContain('85 / 160 ký tự');
    await page.getByLabel('Tiêu đề (e-mail, hộp thư)').fill('Hồ sơ {dossierCode} đã được tiếp nhận tại Một cửa');
    await expect
      .poll(() => page.locator('[data-preview="subject"]').textContent())
      .toBe('Hồ sơ 000.00.06.H56-231027-0361 đã được tiếp nhận tại Một cửa');
    await expectNoSeriousA11yViolations(page);
    await screenshots(page, 'template-editor');

    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu mẫu' }).textContent())
      .toContain('Các thông báo gửi từ bây giờ dùng nội dung mới');
    const stored = await h.ctx.db.selectFrom('notification_template_overrides').selectAll().execute();
    expect(stored).toMatchObject([
      {
        template: 'dossier.accepted',
        locale: 'vi',
        subject: 'Hồ sơ {dossierCode} đã được tiếp nhận tại Một cửa',
        body: null,
        sms: 'Ho so {dossierCode} da tiep nhan. Hen tra {appointmentAt}. Hoi dap: 1022',
      },
    ]);
    // English is untouched.
    await page.getByLabel('Tiếng Anh').check();
    await expect.poll(() => preview.textContent()).toContain('Dossier 000.00.06.H56-231027-0361 accepted');
    await page.getByLabel('Tiếng Việt').check();

    await page.getByRole('button', { name: 'Khôi phục nội dung mặc định' }).click();
    await page.getByRole('button', { name: 'Xác nhận khôi phục' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã khôi phục' }).textContent())
      .toContain('Tiếp nhận hồ sơ');
    await expect.poll(() => preview.textContent()).toContain('da duoc tiep nhan');
    expect(await h.ctx.db.selectFrom('notification_template_overrides').selectAll().execute()).toEqual([]);
    const audit = await h.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', 'dossier.accepted:vi')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['notification.template_update', 'notification.template_reset']);
    await page.close();
  });

  it('lets a district administrator create an officer, with the API’s errors beside the fields, and disable them', async () => {
    const admin = await createOfficer(h.ctx, { role: 'unit_admin', unitCode: '002', password: PASSWORD });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto('/can-bo/quan-tri');
    await page.getByRole('link', { name: 'Cán bộ và phân quyền' }).click();
    await page.getByLabel('Họ và tên').fill('Mai Thị Thu');
    await page.getByLabel('Số điện thoại').fill('0987 654 321');
    await page.getByLabel('Mật khẩu ban đầu').fill('ngắn');
    await page.getByLabel('Mã đơn vị').fill('00037');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => page.locator('#f-password-error').count(), { timeout: 10_000 }).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Mật khẩu ban đầu').fill('hồ sơ đúng hẹn 24 giờ');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản' }).textContent(), { timeout: 10_000 })
      .toContain('Mai Thị Thu');
    const row = page.locator('tbody tr', { hasText: 'Mai Thị Thu' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Khóa tài khoản Mai Thị Thu' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã khóa' }).count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('đã khóa');
    await page.close();
  });

  it('takes a role away from an officer after a confirmation, and never offers to take the last one', async () => {
    const admin = await createOfficer(h.ctx, { role: 'unit_admin', unitCode: '002', password: PASSWORD });
    const officer = await createOfficer(h.ctx, {
      fullName: 'Trịnh Văn Đức',
      roles: [
        { role: 'receptionist', unitCode: '00037' },
        { role: 'specialist', unitCode: '00037' },
      ],
    });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto('/can-bo/quan-tri/can-bo');
    const row = page.locator('tbody tr', { hasText: 'Trịnh Văn Đức' });
    await expect.poll(() => row.count()).toBe(1);
    const removeSpecialist = row.getByRole('button', { name: /^Gỡ vai trò Chuyên viên xử lý/ });
    await removeSpecialist.click();
    // Nothing happens before the confirmation; the question has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Gỡ vai trò này?');
    await expectNoSeriousA11yViolations(page);
    await screenshots(page, 'officers');
    await row.getByRole('button', { name: /^Xác nhận gỡ Chuyên viên xử lý/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã gỡ vai trò' }).textContent())
      .toContain('Trịnh Văn Đức: Chuyên viên xử lý');
    await expect.poll(() => row.textContent()).not.toContain('Chuyên viên xử lý');
    // One role left: no removal offered (the API would refuse it: disable the account instead).
    expect(await row.getByRole('button', { name: /^Gỡ vai trò/ }).count()).toBe(0);
    const roles = await h.ctx.db
      .selectFrom('role_assignments')
      .select('role')
      .where('account_id', '=', officer.id)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['receptionist']);
    await page.close();
  });

  it('publishes a desk’s address and telephone, checked as typed, and the applicant sees them where to collect', async () => {
    const admin = await createOfficer(h.ctx, { role: 'unit_admin', unitCode: '001', password: PASSWORD });
    const page = await h.newPage({ mobile: false });
    await logIn(page, admin);
    await page.goto('/can-bo/quan-tri');
    await page.getByRole('link', { name: 'Đơn vị hành chính, cơ quan' }).click();
    await page.getByRole('button', { name: 'Phường Phúc Xá' }).click();
    const desk = 'Bộ phận Tiếp nhận và Trả kết quả - UBND phường Phúc Xá';
    await page.getByRole('button', { name: `Sửa thông tin: ${desk}` }).click();

    // Checked with the API's own schema while typing: the words appear beside the field before saving.
    await page.getByLabel('Điện thoại').fill('gọi tôi');
    await expect.poll(() => page.locator('#f-phone-error').textContent()).toContain('Số điện thoại');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Điện thoại').fill('024 3823 4567');
    await expect.poll(() => page.locator('#f-phone-error').count()).toBe(0);
    await page.getByLabel('Địa chỉ').fill('Số 2 Phó Đức Chính, phường Phúc Xá');
    await page.getByLabel('Giờ làm việc').fill('Thứ Hai – Thứ Sáu 8:00–17:00; sáng thứ Bảy 8:00–12:00');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu' }).textContent(), { timeout: 10_000 })
      .toContain(desk);
    const item = page.locator('li', { hasText: desk }).last();
    await expect.poll(() => item.textContent()).toContain('Số 2 Phó Đức Chính');
    await screenshots(page, 'agency-details');

    const audit = await h.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('record_id', '=', await agencyIdByKey(h.ctx, 'hn.c00001.mot-cua'))
      .execute();
    expect(audit).toEqual([{ action: 'agency.update', actor_id: admin.id }]);
    await page.close();

    // The applicant of a dossier received at Phúc Xá, to be collected at the counter, reads them.
    const procedure = await createPublishedProcedure(h.ctx);
    const citizen = await createCitizen(h.ctx, { password: 'nhan ket qua 2026' });
    const commune = await createCommune(h.ctx, '00001');
    const [clerk, specialist, leader] = await Promise.all([
      loginAs(h.ctx, commune.receptionist),
      loginAs(h.ctx, commune.specialist),
      loginAs(h.ctx, commune.leader),
    ]);
    const submitted = await submitOnline(h.app, await loginAs(h.ctx, citizen), procedure.code, commune.agencyId);
    const dossier = await processToResult(h.app, { clerk, specialist, leader }, submitted);
    const own = await h.newPage();
    await own.goto('/dang-nhap');
    await own.getByLabel('Số điện thoại hoặc e-mail').fill(citizen.phone);
    await own.getByLabel('Mật khẩu').fill('nhan ket qua 2026');
    await own.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => own.locator('h1').textContent(), { timeout: 20_000 }).toBe('Tài khoản của tôi');
    await own.goto(`/ho-so/${dossier.id}`);
    const result = own.locator('section', { has: own.getByRole('heading', { name: 'Kết quả giải quyết' }) });
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Số 2 Phó Đức Chính');
    expect(await result.getByRole('link', { name: '024 3823 4567' }).getAttribute('href')).toBe('tel:02438234567');
    expect(await result.textContent()).toContain('sáng thứ Bảy');
    await expectNoSeriousA11yViolations(own);
    await own.close();
  });
});
