import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { seedDemoData } from '../../db/demo-seed.ts';

let t: TestApp;
let desk: Record<string, string>;
let agencyId: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx);
  desk = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '00037' }));
  agencyId = (await t.app.inject({ url: '/api/agencies?unit=00037&kind=commune-peoples-committee' })).json().items[0]
    .id;
});
afterAll(async () => t.close());

const address = { unitCode: '00037', street: 'Số 9 phố Hàng Mắm' };
const eform = {
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
};

/**
 * A birth registration received at the counter and then owned by the citizen's account, as an online
 * submission would be (submission has its own tests; this file is about ratings).
 */
async function submitFor(citizenId: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: desk,
    payload: { procedureCode: '1.001193', agencyId, channel: 'in_person', applicant: { name: 'Trần Văn Bình' }, eform },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  await t.ctx.db.updateTable('dossiers').set({ applicant_account_id: citizenId }).where('id', '=', id).execute();
  return id;
}

/** Moves the dossier straight to a status, as the workflow would have (the workflow has its own tests). */
async function setStatus(id: string, status: number) {
  await t.ctx.db.updateTable('dossiers').set({ status }).where('id', '=', id).execute();
}

describe('rating a dossier', () => {
  it('lets the applicant rate once the result exists, once', async () => {
    const citizen = await createCitizen(t.ctx);
    const me = await loginAs(t.ctx, citizen);
    const id = await submitFor(citizen.id);
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/rating`,
      headers: me,
      payload: { satisfied: true },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_TRANSITION');

    await setStatus(id, 10);
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/rating`,
      headers: me,
      payload: { satisfied: false, comment: 'Trả kết quả muộn hai ngày' },
    });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ satisfied: false, comment: 'Trả kết quả muộn hai ngày' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/rating`,
      headers: me,
      payload: { satisfied: true },
    });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ url: `/api/dossiers/${id}/rating`, headers: me })).json().satisfied).toBe(false);
    // The officers of the unit see it too.
    expect((await t.app.inject({ url: `/api/dossiers/${id}/rating`, headers: desk })).json().satisfied).toBe(false);
  });

  it('refuses another citizen, the desk officer and malformed input, writing nothing', async () => {
    const ownerAccount = await createCitizen(t.ctx);
    const owner = await loginAs(t.ctx, ownerAccount);
    const id = await submitFor(ownerAccount.id);
    await setStatus(id, 9);
    const stranger = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/dossiers/${id}/rating`,
          headers: stranger,
          payload: { satisfied: true },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/dossiers/${id}/rating`,
          headers: desk,
          payload: { satisfied: true },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/rating`,
      headers: owner,
      payload: { satisfied: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.satisfied');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/rating`, payload: { satisfied: true } }))
        .statusCode,
    ).toBe(401);
    expect(
      await t.ctx.db.selectFrom('dossier_ratings').select('dossier_id').where('dossier_id', '=', id).execute(),
    ).toEqual([]);
  });
});

describe('reporting a problem', () => {
  it('takes a report without login and gives a reference', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { category: 'portal', message: 'Trang nộp hồ sơ báo lỗi khi tải ảnh lên', phone: '0912345678' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toMatch(/^PA-\d{6}-\d{6}$/);
    const row = await t.ctx.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('reference', '=', res.json().reference)
      .executeTakeFirst();
    expect(row?.message).toBe('Trang nộp hồ sơ báo lỗi khi tải ảnh lên');
  });

  it('needs a way to answer and a real description, naming the field', async () => {
    const noContact = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { category: 'other', message: 'Không liên hệ được đường dây nóng' },
    });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error.details[0].field).toBe('body.phone');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { 'accept-language': 'en' },
      payload: { category: 'other', message: 'lỗi', email: 'a@b.vn' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({
      field: 'body.message',
      message: 'Describe the problem in at least 10 characters',
    });
  });
});
