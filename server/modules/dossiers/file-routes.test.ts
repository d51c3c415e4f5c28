import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  PDF,
  submitOnline,
} from '../../../test/helpers/dossiers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/dossiers/{id}/files/{fileId}', () => {
  it('gives the applicant and the unit’s officers the file as it was uploaded, and audits the read', async () => {
    const commune = await createCommune(t.ctx, '00001');
    const procedure = await createProcedure(t.ctx);
    const me = await loginAs(t.ctx, await createCitizen(t.ctx));
    const d = await submitOnline(t.app, me, procedure.code, commune.agencyId);
    const detail = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: me })).json();
    const file = detail.files[0];
    const url = `/api/dossiers/${d.id}/files/${file.id}`;

    const mine = await t.app.inject({ url, headers: me });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    const desk = await t.app.inject({ url, headers: await loginAs(t.ctx, commune.receptionist) });
    expect(desk.statusCode).toBe(200);
    const reads = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dossier.file.read')
      .where('record_id', '=', d.id)
      .execute();
    expect(reads).toHaveLength(2);
  });

  it('answers 404 to another citizen, another commune’s officer and an unknown file, 401 without login', async () => {
    const commune = await createCommune(t.ctx, '00004');
    const other = await createCommune(t.ctx, '00006');
    const procedure = await createProcedure(t.ctx);
    const me = await loginAs(t.ctx, await createCitizen(t.ctx));
    const d = await submitOnline(t.app, me, procedure.code, commune.agencyId);
    const fileId = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: me })).json().files[0].id;
    const url = `/api/dossiers/${d.id}/files/${fileId}`;
    expect((await t.app.inject({ url, headers: await loginAs(t.ctx, await createCitizen(t.ctx)) })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url, headers: await loginAs(t.ctx, other.receptionist) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/dossiers/${d.id}/files/${d.id}`, headers: me })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});
