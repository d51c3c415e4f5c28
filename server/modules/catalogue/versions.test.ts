import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { agencyIdByKey, createPublishedProcedure, procedureInput } from '../../../test/helpers/catalogue.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' }));
});
afterAll(async () => t.close());

const post = (url: string, payload?: unknown, headers = admin) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('procedure versions', () => {
  it('creates a draft that is not public until published, then publishes it', async () => {
    const input = procedureInput();
    const created = await post('/api/procedures', input);
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', code: input.code, publishedAt: null, hasFee: false });
    expect((await t.app.inject(`/api/procedures/${input.code}`)).statusCode).toBe(404);

    const published = await post(`/api/procedures/${input.code}/versions/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const current = await t.app.inject(`/api/procedures/${input.code}`);
    expect(current.statusCode).toBe(200);
    expect(current.json().id).toBe(draft.id);
  });

  it('refuses to edit or re-publish a published version', async () => {
    const v = await createPublishedProcedure(t.ctx);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/procedures/${v.code}/versions/${v.id}`,
      payload: procedureInput({ code: v.code, name: 'Đổi tên' }),
      headers: admin,
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVALID_TRANSITION');
    expect((await post(`/api/procedures/${v.code}/versions/${v.id}/publish`)).statusCode).toBe(409);
  });

  it('guards published rows in the database too (a direct UPDATE is refused)', async () => {
    const v = await createPublishedProcedure(t.ctx);
    await expect(
      t.ctx.db.updateTable('procedure_versions').set({ name: 'Sửa lén' }).where('id', '=', v.id).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(t.ctx.db.deleteFrom('procedure_versions').where('id', '=', v.id).execute()).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('keeps the old version for a dossier-time lookup after a new version is published', async () => {
    const v1 = await createPublishedProcedure(t.ctx, { validFrom: '2018-11-17', name: 'Phiên bản cũ' });
    const draft = await post(
      '/api/procedures',
      procedureInput({ code: v1.code, validFrom: '2021-07-01', name: 'Phiên bản mới' }),
    );
    expect(draft.statusCode).toBe(201);
    expect((await post(`/api/procedures/${v1.code}/versions/${draft.json().id}/publish`)).statusCode).toBe(200);

    const then = (await t.app.inject(`/api/procedures/${v1.code}?at=2019-03-01`)).json();
    const now = (await t.app.inject(`/api/procedures/${v1.code}`)).json();
    const dayBefore = (await t.app.inject(`/api/procedures/${v1.code}?at=2021-06-30`)).json();
    expect(then).toMatchObject({ id: v1.id, name: 'Phiên bản cũ', validTo: '2021-07-01' });
    expect(dayBefore.id).toBe(v1.id);
    expect(now).toMatchObject({ id: draft.json().id, name: 'Phiên bản mới', validTo: null });
    expect((await t.app.inject(`/api/procedures/${v1.code}?at=2017-01-01`)).statusCode).toBe(404);
  });

  it('refuses overlapping validity with 409 naming the published version', async () => {
    const v1 = await createPublishedProcedure(t.ctx, { validFrom: '2019-01-01', validTo: '2020-01-01' });
    const res = await post(
      '/api/procedures',
      procedureInput({ code: v1.code, validFrom: '2019-06-01', validTo: '2019-09-01' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toContain(`#${v1.id}`);
    expect(res.json().error.details[0]).toMatchObject({
      versionId: v1.id,
      validFrom: '2019-01-01',
      validTo: '2020-01-01',
    });
  });

  it('refuses a workflow whose budgets exceed the statutory limit, with the numbers', async () => {
    const res = await post(
      '/api/procedures',
      procedureInput({
        timeLimit: { value: 2, unit: 'workingDays' },
        workflow: [
          { name: { vi: 'Thẩm định', en: 'Review' }, tier: 'receiving', role: 'specialist', budgetDays: 1.75 },
          { name: { vi: 'Ký', en: 'Sign' }, tier: 'receiving', role: 'leader', budgetDays: 0.5 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details.find((d: { field: string }) => d.field === 'body.workflow');
    expect(detail).toMatchObject({ total: 2.25, limit: 2 });
    expect(detail.message).toContain('2.25');
  });

  it('converts working hours to days for the budget check (16 h = 2 days)', async () => {
    const ok = procedureInput({
      timeLimit: { value: 16, unit: 'workingHours' },
      workflow: [{ name: { vi: 'Xử lý', en: 'Process' }, tier: 'receiving', role: 'specialist', budgetDays: 2 }],
    });
    expect((await post('/api/procedures', ok)).statusCode).toBe(201);
  });

  it('refuses an unknown agency and duplicate e-form field names, naming each place', async () => {
    const input = procedureInput({ agencyId: '999.99.99.H26' });
    const fields = input.eform!.fields;
    const res = await post('/api/procedures', { ...input, eform: { fields: [...fields, fields[0]] } });
    expect(res.statusCode).toBe(400);
    const places = res.json().error.details.map((d: { field: string }) => d.field);
    expect(places).toContain('body.agencyId');
    expect(places).toContain(`body.eform.fields.${fields.length}.name`);
    const dup = res.json().error.details.find((d: { field: string }) => d.field.endsWith('.name'));
    expect(dup.message).toContain('fullName');
  });

  it('accepts a city-tier procedure at a real department and a liên thông workflow', async () => {
    const dept = await agencyIdByKey(t.ctx, 'hn.so-xay-dung');
    const v = await createPublishedProcedure(t.ctx, {
      tiers: ['district'],
      timeLimit: { value: 20, unit: 'workingDays' },
      workflow: [
        { name: { vi: 'Tiếp nhận', en: 'Receive' }, tier: 'receiving', role: 'receptionist', budgetDays: 0.5 },
        {
          name: { vi: 'Thẩm định', en: 'Review' },
          tier: 'district',
          division: 'quan-ly-do-thi',
          role: 'specialist',
          budgetDays: 10,
        },
        { name: { vi: 'Ý kiến Sở', en: 'Department opinion' }, agencyId: dept, role: 'specialist', budgetDays: 7 },
        { name: { vi: 'Ký', en: 'Sign' }, tier: 'district', role: 'leader', budgetDays: 2.5 },
      ],
    });
    expect(v.workflow[2]).toMatchObject({ agencyId: dept, tier: null });
  });

  it('refuses admin routes without login and for a citizen-facing role', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/procedures', payload: procedureInput() });
    expect(anonymous.statusCode).toBe(401);
    const clerk = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'receptionist', unitCode: '00001' }));
    expect((await post('/api/procedures', procedureInput(), clerk)).statusCode).toBe(403);
  });

  it('answers 400 for a malformed code', async () => {
    expect((await t.app.inject('/api/procedures/1.23')).statusCode).toBe(400);
    expect((await post('/api/procedures', procedureInput({ code: '1.0019' }))).statusCode).toBe(400);
  });
});
