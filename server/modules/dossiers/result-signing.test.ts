import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer } from '../../../test/helpers/auth.ts';
import { agencyIdByKey } from '../../../test/helpers/catalogue.ts';
import {
  act,
  APPLICANT,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  multipart,
  PDF,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';
import { verifyBytes } from '../../lib/ed25519.ts';
import { stateOf } from './mapping.ts';
import * as repo from './repository.ts';
import { replayJournal, type JournalEvent } from './workflow.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let procedureCode: string;
let h: Record<'citizen' | 'clerk' | 'specialist' | 'leader' | 'otherLeader', Record<string, string>>;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx, '00001');
  procedureCode = (await createProcedure(t.ctx)).code;
  const otherLeader = await createOfficer(t.ctx, { role: 'leader', agencyId: await agencyIdByKey(t.ctx, 'hn.d002') });
  h = {
    citizen: await loginAs(t.ctx, await createCitizen(t.ctx)),
    clerk: await loginAs(t.ctx, commune.receptionist),
    specialist: await loginAs(t.ctx, commune.specialist),
    leader: await loginAs(t.ctx, commune.leader),
    otherLeader: await loginAs(t.ctx, otherLeader),
  };
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function step(who: Record<string, string>, d: DossierView, action: string, body: Record<string, unknown> = {}) {
  const res = await act(t.app, who, d, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json<DossierView>();
}

/** A dossier through its three steps to "processed" (9) with a result file of its own content. */
async function processed(): Promise<{ d: DossierView; content: Buffer }> {
  let d = await submitOnline(t.app, h.citizen, procedureCode, commune.agencyId);
  d = await step(h.clerk, d, 'accept');
  d = await step(h.clerk, d, 'assign');
  d = await step(h.clerk, d, 'complete_step');
  d = await step(h.specialist, d, 'assign');
  d = await step(h.specialist, d, 'complete_step');
  d = await step(h.leader, d, 'approve');
  // Distinct content per dossier: blobs are content-addressed, and the tamper tests alter one.
  const content = Buffer.concat([PDF, Buffer.from(`%${randomUUID()}\n`)]);
  const body = multipart({ version: d.version }, [{ field: 'result', fileName: 'giay-khai-sinh.pdf', content }]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/mark_processed`,
    headers: { ...h.clerk, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { d: res.json<DossierView>(), content };
}

const detail = async (d: { id: string }, who = h.clerk) =>
  (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: who })).json();

const verify = (code: string) => t.app.inject({ url: `/api/results/${encodeURIComponent(code)}` });

async function expectJournalReplays(id: string) {
  const row = (await repo.findDossierById(t.ctx.db, id))!;
  const events = await repo.findEvents(t.ctx.db, id);
  expect(replayJournal(events.map((e) => ({ action: e.action, effect: e.effect }) as JournalEvent))).toEqual(
    stateOf(row),
  );
}

describe('signing the e-result', () => {
  it('lets the commune’s leader sign the result file: {code}-KQ1, journaled, audited, shown on the file', async () => {
    const { d } = await processed();
    t.clock.advance(60_000);
    const signed = await step(h.leader, d, 'sign_result', { note: 'Ký số kết quả' });
    expect(signed).toMatchObject({ status: 9, version: d.version + 1 });

    const view = await detail(d);
    const result = view.files.find((f: { kind: string }) => f.kind === 'result');
    expect(result.signature).toMatchObject({
      resultCode: `${d.code}-KQ1`,
      sha256: result.sha256,
      agencyId: commune.agencyId,
      signerName: (
        await t.ctx.db
          .selectFrom('accounts')
          .select('full_name')
          .where('id', '=', commune.leader.id)
          .executeTakeFirstOrThrow()
      ).full_name,
      signedAt: t.clock.now().toISOString(),
      algorithm: 'Ed25519',
    });
    expect(view.resultSignedAt).toBe(t.clock.now().toISOString());
    expect(view.allowedActions).toEqual(['return_result']);
    expect(view.journal.at(-1)).toMatchObject({ action: 'sign_result', fromStatus: 9, toStatus: 9 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'dossier.sign_result')
      .where('record_id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ results: [{ code: `${d.code}-KQ1`, sha256: result.sha256 }] });
    // The applicant sees the signature beside the e-result too.
    expect(
      (await detail(d, h.citizen)).files.find((f: { kind: string }) => f.kind === 'result').signature,
    ).toMatchObject({ resultCode: `${d.code}-KQ1` });
    await expectJournalReplays(d.id);
  });

  it('refuses another district’s leader (not found), a specialist, the desk and no login', async () => {
    const { d } = await processed();
    expect((await act(t.app, h.otherLeader, d, 'sign_result')).statusCode).toBe(404);
    for (const who of [h.specialist, h.clerk, h.citizen]) {
      const res = await act(t.app, who, d, 'sign_result');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await act(t.app, {}, d, 'sign_result')).statusCode).toBe(401);
    expect((await detail(d)).resultSignedAt).toBeNull();
  });

  it('refuses a stale version (409 CONFLICT), a second signature and a dossier not yet processed (409 INVALID_TRANSITION)', async () => {
    const { d } = await processed();
    const stale = await act(t.app, h.leader, { ...d, version: d.version - 1 }, 'sign_result');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const signed = await step(h.leader, d, 'sign_result');
    const again = await act(t.app, h.leader, signed, 'sign_result');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    expect(await repo.findSignatures(t.ctx.db, d.id)).toHaveLength(1);

    let early = await submitOnline(t.app, h.citizen, procedureCode, commune.agencyId);
    early = await step(h.clerk, early, 'accept');
    const tooEarly = await act(t.app, h.leader, early, 'sign_result');
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('lets two leaders race: one signature, one 409', async () => {
    const { d } = await processed();
    const second = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'leader', agencyId: commune.agencyId }));
    const [a, b] = await Promise.all([act(t.app, h.leader, d, 'sign_result'), act(t.app, second, d, 'sign_result')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await repo.findSignatures(t.ctx.db, d.id)).toHaveLength(1);
  });
});

describe('returning the result online (Decree 45/2020 Art. 14(3))', () => {
  it('refuses an online return until the e-result is signed, then allows it', async () => {
    const { d } = await processed();
    const refused = await act(t.app, h.clerk, d, 'return_result', { method: 'online' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'body.method' }] });
    expect(refused.json().error.message).toContain('ký số');
    const signed = await step(h.leader, d, 'sign_result');
    const returned = await step(h.clerk, signed, 'return_result', { method: 'online' });
    expect(returned.status).toBe(10);
    expect((await detail(d)).returnMethod).toBe('online');
    await expectJournalReplays(d.id);
  });

  it('returns a paper result at the counter without a signature', async () => {
    const { d } = await processed();
    expect((await step(h.clerk, d, 'return_result', { method: 'counter' })).status).toBe(10);
  });
});

describe('the "to sign" queue', () => {
  it('lists the processed, unsigned dossiers the officer may sign, with the count', async () => {
    const { d } = await processed();
    const queue = async (who: Record<string, string>) => {
      const res = await t.app.inject({ url: '/api/dossiers?queue=sign&pageSize=200', headers: who });
      expect(res.statusCode).toBe(200);
      return res.json<{ total: number; items: { id: string }[] }>();
    };
    const before = await queue(h.leader);
    expect(before.items.map((i) => i.id)).toContain(d.id);
    expect(before.total).toBe(before.items.length);
    // Scoped to where one may sign: the specialist reads the dossier but may not sign it.
    expect((await queue(h.specialist)).total).toBe(0);
    expect((await queue(h.otherLeader)).total).toBe(0);
    await step(h.leader, d, 'sign_result');
    const after = await queue(h.leader);
    expect(after.items.map((i) => i.id)).not.toContain(d.id);
    expect(after.total).toBe(before.total - 1);
  });
});

describe('public verification by result code', () => {
  async function signedResult() {
    const { d, content } = await processed();
    await step(h.leader, d, 'sign_result');
    const file = (await detail(d)).files.find((f: { kind: string }) => f.kind === 'result');
    return { d, content, file, code: `${d.code}-KQ1` };
  }

  it('says valid for the real file, with agency, signer, time and SHA-256 but no personal data', async () => {
    const { code, file, content } = await signedResult();
    const res = await verify(code);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      resultCode: code,
      isValid: true,
      problem: null,
      agency: { id: commune.agencyId, name: expect.stringContaining('Phúc Xá') },
      signedAt: file.signature.signedAt,
      sha256: file.sha256,
    });
    expect(v.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    for (const personal of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, 'Phúc Xá, Ba Đình'])
      expect(res.body).not.toContain(personal);
    // Anyone can check it offline: the exact statement, the signature and the published key.
    const keys = (await t.app.inject({ url: '/api/signing/keys' })).json().items as {
      keyId: string;
      publicKey: string;
    }[];
    const key = keys.find((k) => k.keyId === v.keyId)!;
    expect(verifyBytes(key.publicKey, Buffer.from(v.statement, 'utf8'), v.signature)).toBe(true);
    expect(JSON.parse(v.statement)).toMatchObject({ resultCode: code, sha256: v.sha256, signer: v.signerName });
  });

  it('says invalid once the stored hash, the file row or the stored content is tampered with', async () => {
    const a = await signedResult();
    await t.ctx.db
      .updateTable('result_signatures')
      .set({ sha256: 'f'.repeat(64) })
      .where('result_code', '=', a.code)
      .execute();
    expect((await verify(a.code)).json()).toMatchObject({ isValid: false, problem: 'signature' });

    const b = await signedResult();
    await t.ctx.db
      .updateTable('dossier_files')
      .set({ sha256: 'e'.repeat(64) })
      .where('id', '=', b.file.id)
      .execute();
    expect((await verify(b.code)).json()).toMatchObject({ isValid: false, problem: 'file_replaced' });

    const c = await signedResult();
    await writeFile(join(filesDir, 'sha256', c.file.sha256.slice(0, 2), c.file.sha256), Buffer.from('%PDF-1.4 forged'));
    const forged = (await verify(c.code)).json();
    expect(forged).toMatchObject({ isValid: false, problem: 'content_changed' });
    expect(forged.message.vi).toContain('thay đổi');
  });

  it('answers 404 to an unknown code and 400 to a malformed one; serves the QR of an issued code', async () => {
    const { code } = await signedResult();
    expect((await verify(`${code}9`)).statusCode).toBe(404);
    expect((await verify('not-a-result')).statusCode).toBe(400);
    const qr = await t.app.inject({ url: `/api/results/${encodeURIComponent(code)}/qr.svg` });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect((await t.app.inject({ url: `/api/results/${encodeURIComponent(code)}9/qr.svg` })).statusCode).toBe(404);
  });
});
