import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';

let t: TestApp;
let filesDir: string;
let home: Commune;
let other: Commune;
let h: Record<'citizen' | 'clerk' | 'specialist' | 'otherClerk' | 'stranger', Record<string, string>>;
let waiting: DossierView;
let accepted: DossierView;
let elsewhere: DossierView;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  home = await createCommune(t.ctx, '00001');
  other = await createCommune(t.ctx, '00004');
  h = {
    citizen: await loginAs(t.ctx, await createCitizen(t.ctx)),
    stranger: await loginAs(t.ctx, await createCitizen(t.ctx)),
    clerk: await loginAs(t.ctx, home.receptionist),
    specialist: await loginAs(t.ctx, home.specialist),
    otherClerk: await loginAs(t.ctx, other.receptionist),
  };
  const proc = await createProcedure(t.ctx, { tiers: ['commune'] });
  waiting = await submitOnline(t.app, h.citizen, proc.code, home.agencyId);
  accepted = await submitOnline(t.app, h.citizen, proc.code, home.agencyId);
  accepted = (await act(t.app, h.clerk, accepted, 'accept')).json();
  elsewhere = await submitOnline(t.app, h.citizen, proc.code, other.agencyId);
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

const list = async (headers: Record<string, string>, query = '') => {
  const res = await t.app.inject({ url: `/api/dossiers${query}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ total: number; items: { id: string }[] }>();
};
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

describe('officer queues', () => {
  it('shows a receptionist only the dossiers of their own commune, in the right queue', async () => {
    expect(ids(await list(h.clerk, '?queue=reception'))).toEqual([waiting.id]);
    expect(ids(await list(h.clerk, '?queue=unassigned'))).toEqual([accepted.id]);
    expect(ids(await list(h.otherClerk))).toEqual([elsewhere.id]);
  });

  it('finds a dossier by code or by the applicant’s name without diacritics', async () => {
    expect(ids(await list(h.clerk, `?q=${encodeURIComponent(accepted.code!)}`))).toEqual([accepted.id]);
    expect((await list(h.clerk, '?q=nguyen%20van%20an')).total).toBe(2);
    expect((await list(h.otherClerk, '?q=nguyen%20van%20an')).total).toBe(1);
  });

  it('shows citizens only their own dossiers, and hides another unit’s dossier as not found', async () => {
    expect((await list(h.citizen)).total).toBe(3);
    expect((await list(h.stranger)).total).toBe(0);
    expect((await t.app.inject({ url: `/api/dossiers/${waiting.id}`, headers: h.stranger })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/dossiers/${elsewhere.id}`, headers: h.clerk })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/dossiers` })).statusCode).toBe(401);
  });

  it('audits every read of a dossier’s personal data', async () => {
    await t.app.inject({ url: `/api/dossiers/${accepted.id}`, headers: h.specialist });
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', '=', 'dossier.read')
      .where('record_id', '=', accepted.id)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
