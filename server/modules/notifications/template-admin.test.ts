import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs, type TestAccount } from '../../../test/helpers/auth.ts';
import { runDueJobs } from '../../jobs/worker.ts';
import { enqueueNotification } from './service.ts';
import { SAMPLE_CODE } from './templates/samples.ts';

let t: TestApp;
let admin: TestAccount;
let adminHeaders: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01', fullName: 'Lê Thị Quản Trị' });
  adminHeaders = await loginAs(t.ctx, admin);
});
afterAll(async () => t.close());

const url = (name: string, locale?: string, tail = '') =>
  `/api/notification-templates${name ? `/${name}` : ''}${locale ? `/${locale}` : ''}${tail}`;
const put = (name: string, locale: string, payload: object, headers = adminHeaders) =>
  t.app.inject({ method: 'PUT', url: url(name, locale), headers, payload });
const auditCount = async (action: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

const ACCEPTED = {
  subject: 'Hồ sơ {dossierCode} đã được tiếp nhận tại Bộ phận Một cửa',
  body: 'Kính gửi ông/bà,\nHồ sơ {dossierCode} ({procedureName}) đã được tiếp nhận. Hẹn trả: {appointmentAt}.\nGiấy tiếp nhận: {receiptUrl}\nĐường dây nóng: 1022',
  sms: 'Ho so {dossierCode} da tiep nhan. Hen tra {appointmentAt}. Hoi dap: 1022',
};

describe('who may administer notification templates', () => {
  it('refuses a visitor who is not signed in (401)', async () => {
    expect((await t.app.inject({ url: url('') })).statusCode).toBe(401);
    expect((await put('dossier.accepted', 'vi', ACCEPTED, {})).statusCode).toBe(401);
  });

  it('refuses a unit administrator, a specialist and a citizen (403), and stores nothing', async () => {
    for (const account of [
      await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }),
      await createOfficer(t.ctx, { role: 'specialist', unitCode: '00037' }),
      await createCitizen(t.ctx),
    ]) {
      const headers = await loginAs(t.ctx, account);
      expect((await t.app.inject({ url: url(''), headers })).statusCode).toBe(403);
      expect((await put('dossier.accepted', 'vi', ACCEPTED, headers)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: url('dossier.accepted', 'vi'), headers })).statusCode).toBe(
        403,
      );
    }
    expect(await t.ctx.db.selectFrom('notification_template_overrides').selectAll().execute()).toEqual([]);
  });
});

describe('reading templates', () => {
  it('lists every template, none reworded yet', async () => {
    const res = await t.app.inject({ url: url(''), headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ name: string; overridden: { vi: boolean; en: boolean } }>;
    expect(items.map((i) => i.name)).toContain('dossier.accepted');
    expect(items.map((i) => i.name)).toContain('identity.reset_password');
    expect(items.every((i) => !i.overridden.vi && !i.overridden.en)).toBe(true);
  });

  it('shows a template’s placeholders with sample values formatted as the message shows them', async () => {
    const res = await t.app.inject({ url: url('dossier.accepted'), headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.placeholders).toEqual(['dossierCode', 'procedureName', 'appointmentAt', 'receiptUrl']);
    expect(body.locales.vi.samples).toMatchObject({ dossierCode: SAMPLE_CODE, appointmentAt: '09:32 03/11/2023' });
    expect(body.locales.en.samples.appointmentAt).toBe('09:32 03/11/2023 (Hanoi time)');
    expect(body.locales.vi.defaults.subject).toBe(`Hồ sơ ${SAMPLE_CODE} đã được tiếp nhận`);
    expect(body.locales.vi.override).toBeNull();
    expect(body.locales.vi.preview).toEqual(body.locales.vi.defaults);
  });

  it('is described in the OpenAPI document, request and answer schemas included', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    const put = doc.paths['/api/notification-templates/{name}/{locale}'].put;
    expect(Object.keys(put.requestBody.content['application/json'].schema.properties)).toEqual([
      'subject',
      'body',
      'sms',
    ]);
    expect(put.responses['200']).toBeDefined();
    expect(doc.paths['/api/notification-templates/{name}/{locale}/preview'].post).toBeDefined();
  });

  it('answers 404 naming the template for an unknown one', async () => {
    const res = await t.app.inject({ url: url('dossier.unknown'), headers: adminHeaders });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details[0].field).toBe('params.name');
  });
});

describe('rewording a template', () => {
  it('refuses a placeholder the template does not have, naming the part in Vietnamese and English', async () => {
    const before = await auditCount('notification.template_update');
    const draft = { subject: 'Hồ sơ của {hoTen}', body: null, sms: null };
    const vi = await put('dossier.accepted', 'vi', draft);
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.details).toEqual([
      { field: 'body.subject', message: expect.stringMatching(/^Tiêu đề: mẫu này không có tham số \{hoTen\}/) },
    ]);
    const en = await put('dossier.accepted', 'vi', draft, { ...adminHeaders, 'accept-language': 'en' });
    expect(en.json().error.details[0].message).toMatch(/^Subject: this template has no parameter \{hoTen\}/);
    expect(await auditCount('notification.template_update')).toBe(before);
    expect(await t.ctx.db.selectFrom('notification_template_overrides').selectAll().execute()).toEqual([]);
  });

  it('refuses an SMS with diacritics, or longer than one SMS with the sample values', async () => {
    const accented = await put('dossier.accepted', 'vi', { subject: null, body: null, sms: 'Hồ sơ {dossierCode}' });
    expect(accented.statusCode).toBe(400);
    expect(accented.json().error.details[0]).toMatchObject({ field: 'body.sms' });
    expect(accented.json().error.details[0].message).toContain('không dấu');
    const long = await put('dossier.accepted', 'vi', {
      subject: null,
      body: null,
      sms: `Ho so {dossierCode} ({procedureName}) da duoc tiep nhan. Giay tiep nhan: {receiptUrl}. Hen tra: {appointmentAt}.`,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].message).toMatch(/^Tin nhắn SMS: \d+ ký tự với các giá trị mẫu, quá 160/);
  });

  it('keeps {code} in a one-time code message, and refuses a draft that rewords nothing', async () => {
    const res = await put('identity.verify_phone', 'vi', {
      subject: null,
      body: 'Mã của ông/bà đã được gửi.',
      sms: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.body' });
    expect(res.json().error.details[0].message).toContain('{code}');
    const empty = await put('dossier.accepted', 'vi', { subject: null, body: null, sms: null });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body');
  });

  it('previews a draft with the sample parameters and its problems, storing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url('dossier.accepted', 'vi', '/preview'),
      headers: adminHeaders,
      payload: { subject: null, body: null, sms: 'Ho so {dossierCode} da tiep nhan, {nguoiNop}' },
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.sms).toBe(`Ho so ${SAMPLE_CODE} da tiep nhan, {nguoiNop}`);
    expect(preview.subject).toBe(`Hồ sơ ${SAMPLE_CODE} đã được tiếp nhận`);
    // GSM-7: the braces left in are extension characters, two septets each.
    expect(preview.smsLength).toBe(preview.sms.length + 2);
    expect(preview.problems).toEqual([{ field: 'body.sms', message: expect.stringContaining('{nguoiNop}') }]);
    expect(await t.ctx.db.selectFrom('notification_template_overrides').selectAll().execute()).toEqual([]);
  });

  it('stores a valid wording, audits it, and the messages sent from then on use it (Vietnamese only)', async () => {
    const res = await put('dossier.accepted', 'vi', ACCEPTED);
    expect(res.statusCode).toBe(200);
    const vi = res.json().locales.vi;
    expect(vi.override).toMatchObject({ ...ACCEPTED, updatedBy: { id: admin.id, name: 'Lê Thị Quản Trị' } });
    expect(vi.preview.subject).toBe(`Hồ sơ ${SAMPLE_CODE} đã được tiếp nhận tại Bộ phận Một cửa`);
    expect(vi.preview.sms).toBe(`Ho so ${SAMPLE_CODE} da tiep nhan. Hen tra 09:32 03/11/2023. Hoi dap: 1022`);
    expect(res.json().locales.en.override).toBeNull();
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'record_type', 'record_id', 'before', 'after'])
      .where('action', '=', 'notification.template_update')
      .execute();
    expect(audit).toEqual([
      {
        actor_id: admin.id,
        record_type: 'notification_template',
        record_id: 'dossier.accepted:vi',
        before: null,
        after: ACCEPTED,
      },
    ]);

    const code = 'H26.103.25.7-250908-0112';
    const params = {
      dossierCode: code,
      procedureName: 'Đăng ký khai sinh',
      appointmentAt: '2025-09-15T16:00:00+07:00',
      receiptUrl: `http://localhost:3000/tra-cuu/${code}`,
    };
    const citizen = await createCitizen(t.ctx);
    await t.ctx.db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, {
        template: 'dossier.accepted',
        eventKey: `accepted:${code}`,
        recipient: { accountId: citizen.id, phone: '0912000111', locale: 'vi' },
        params,
        now: t.clock.now(),
      });
      await enqueueNotification(trx, {
        template: 'dossier.accepted',
        eventKey: `accepted:${code}`,
        recipient: { phone: '0912000222', locale: 'en' },
        params,
        channels: ['sms'],
        now: t.clock.now(),
      });
    });
    await runDueJobs(t.ctx);
    const sms = await t.ctx.db
      .selectFrom('dev_mailbox')
      .select(['address', 'body'])
      .where('channel', '=', 'sms')
      .execute();
    expect(sms).toContainEqual({
      address: '0912000111',
      body: `Ho so ${code} da tiep nhan. Hen tra 16:00 15/09/2025. Hoi dap: 1022`,
    });
    expect(sms).toContainEqual({
      address: '0912000222',
      body: `Dossier ${code} accepted. Result due 16:00 15/09/2025 (Hanoi time).`,
    });
    const inbox = await t.ctx.db
      .selectFrom('inbox_messages')
      .select(['subject', 'body'])
      .where('account_id', '=', citizen.id)
      .executeTakeFirstOrThrow();
    expect(inbox.subject).toBe(`Hồ sơ ${code} đã được tiếp nhận tại Bộ phận Một cửa`);
    expect(inbox.body).toContain('Hẹn trả: 16:00 15/09/2025.');
    expect(inbox.body).toContain('Đường dây nóng: 1022');

    const list = (await t.app.inject({ url: url(''), headers: adminHeaders })).json().items;
    expect(list.find((i: { name: string }) => i.name === 'dossier.accepted').overridden).toEqual({
      vi: true,
      en: false,
    });
  });

  it('rewords one part only: the others keep their default', async () => {
    const res = await put('dossier.result_ready', 'en', { subject: 'Ready: {dossierCode}', body: null, sms: null });
    expect(res.statusCode).toBe(200);
    const en = res.json().locales.en;
    expect(en.preview.subject).toBe(`Ready: ${SAMPLE_CODE}`);
    expect(en.preview.body).toBe(en.defaults.body);
    expect(en.preview.sms).toBe(en.defaults.sms);
  });

  it('resets to the default, audited with what was there; a second reset changes and audits nothing', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: url('dossier.accepted', 'vi'), headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json().locales.vi.override).toBeNull();
    expect(res.json().locales.vi.preview).toEqual(res.json().locales.vi.defaults);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['record_id', 'before', 'after'])
      .where('action', '=', 'notification.template_reset')
      .execute();
    expect(audit).toEqual([{ record_id: 'dossier.accepted:vi', before: ACCEPTED, after: null }]);
    const again = await t.app.inject({ method: 'DELETE', url: url('dossier.accepted', 'vi'), headers: adminHeaders });
    expect(again.statusCode).toBe(200);
    expect(await auditCount('notification.template_reset')).toBe(1);
  });
});
