import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  multipart,
  PDF,
  PNG,
  submission,
  type Commune,
} from '../../../test/helpers/dossiers.ts';
import { storageFor } from './storage.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let code: string;
let citizen: Record<string, string>;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir, DOSSIER_MAX_FILE_BYTES: '4096' });
  commune = await createCommune(t.ctx);
  code = (await createProcedure(t.ctx)).code;
  citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

const count = async (table: 'dossiers' | 'dossier_files' | 'dossier_events') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function post(headers: Record<string, string>, body: { payload: Buffer; headers: Record<string, string> }, extra = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, ...body.headers, ...extra },
    payload: body.payload,
  });
}

describe('online submission', () => {
  it('stores the dossier in status 1 with its file addressed by SHA-256 and a journal entry', async () => {
    const res = await post(
      citizen,
      multipart(submission(code, commune.agencyId), [{ field: 'component.to-khai', fileName: 'a.pdf', content: PDF }]),
    );
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 1, statusKey: 'receiving', code: null, channel: 'online', version: 1 });
    expect(d.files).toHaveLength(1);
    expect(d.files[0]).toMatchObject({ mediaType: 'application/pdf', componentKey: 'to-khai' });
    expect(await storageFor(t.ctx.config).exists(d.files[0].sha256)).toBe(true);
    expect(d.journal).toMatchObject([{ action: 'submit', toStatus: 1 }]);
    // The answer is built from what was written; it equals what a read returns.
    const read = await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: citizen });
    expect(read.json()).toEqual(d);
  });

  it('lists every e-form and component problem with Vietnamese and English messages', async () => {
    const bad = submission(code, commune.agencyId, {
      eform: { fullName: '', idNumber: '12', phone: 'x', form: ['a'] },
    });
    const res = await post({ ...citizen, 'accept-language': 'en' }, multipart(bad));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.eform.fullName',
        'body.eform.idNumber',
        'body.eform.phone',
        'body.eform.address',
        'files.component.to-khai',
      ]),
    );
    const vi = await post(citizen, multipart(bad));
    expect(vi.json().error.details[0].message).not.toEqual(res.json().error.details[0].message);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const before = await count('dossiers');
    const big = Buffer.concat([PDF, Buffer.alloc(5000, 32)]);
    const res = await post(
      citizen,
      multipart(submission(code, commune.agencyId), [
        { field: 'component.to-khai', fileName: 'big.pdf', content: big },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(await count('dossiers')).toBe(before);
    expect(await storageFor(t.ctx.config).listStaged()).toEqual([]);
  });

  it('detects the type from the content, not the name (415)', async () => {
    const res = await post(
      citizen,
      multipart(submission(code, commune.agencyId), [
        {
          field: 'component.to-khai',
          fileName: 'to-khai.pdf',
          content: Buffer.from('MZ this is an executable'),
          type: 'application/pdf',
        },
      ]),
    );
    expect(res.statusCode).toBe(415);
    const png = await post(
      citizen,
      multipart(submission(code, commune.agencyId), [
        { field: 'component.to-khai', fileName: 'scan.pdf', content: PNG },
      ]),
    );
    expect(png.statusCode).toBe(201);
    expect(png.json().files[0].mediaType).toBe('image/png');
  });

  it('returns the same dossier for a retried submission with the same Idempotency-Key', async () => {
    const body = () =>
      multipart(submission(code, commune.agencyId), [{ field: 'component.to-khai', fileName: 'a.pdf', content: PDF }]);
    const key = { 'idempotency-key': 'retry-0001-abcdef' };
    const [a, b] = await Promise.all([post(citizen, body(), key), post(citizen, body(), key)]);
    const c = await post(citizen, body(), key);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(c.statusCode).toBe(200);
    expect(c.headers['idempotent-replayed']).toBe('true');
  });

  it('answers a retry with the first dossier even when the retry itself would now be refused', async () => {
    const key = { 'idempotency-key': 'retry-0002-abcdef' };
    const first = await post(
      citizen,
      multipart(submission(code, commune.agencyId), [{ field: 'component.to-khai', fileName: 'a.pdf', content: PDF }]),
      key,
    );
    expect(first.statusCode).toBe(201);
    // The retry lost its file on the way (a broken connection, a client bug): on its own it would be a 400.
    const retry = await post(citizen, multipart(submission(code, commune.agencyId)), key);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    // Without the key, the same request is refused, naming the missing component.
    const fresh = await post(citizen, multipart(submission(code, commune.agencyId)));
    expect(fresh.statusCode).toBe(400);
    expect(JSON.stringify(fresh.json().error.details)).toContain('files.component.to-khai');
  });

  it('leaves no dossier and no file behind when the upload is cut off mid-way', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    expect(address).toContain(String(port));
    const before = {
      dossiers: await count('dossiers'),
      files: await count('dossier_files'),
      stored: (await storageFor(t.ctx.config).listStored()).length,
    };
    const body = multipart(submission(code, commune.agencyId), [
      { field: 'component.to-khai', fileName: 'a.pdf', content: Buffer.concat([PDF, Buffer.alloc(3000, 65)]) },
    ]);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/dossiers',
        headers: { ...citizen, ...body.headers, 'content-length': body.payload.length },
      });
      req.on('error', () => resolve());
      req.write(body.payload.subarray(0, body.payload.length - 1500));
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 300);
      }, 200);
    });
    expect(await count('dossiers')).toBe(before.dossiers);
    expect(await count('dossier_files')).toBe(before.files);
    expect((await storageFor(t.ctx.config).listStored()).length).toBe(before.stored);
    expect(await storageFor(t.ctx.config).listStaged()).toEqual([]);
  });

  it('refuses a procedure not in force (404) and an officer outside the agency (403)', async () => {
    const res = await post(citizen, multipart(submission('9.999999', commune.agencyId)));
    expect(res.statusCode).toBe(404);
    const other = await createCommune(t.ctx, '00004');
    const clerk = await loginAs(t.ctx, other.receptionist);
    expect((await post(clerk, multipart(submission(code, commune.agencyId)))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/dossiers', payload: {} })).statusCode).toBe(401);
  });
});

describe('counter reception', () => {
  it('lets a receptionist receive a walk-in applicant with components marked digitised or reused', async () => {
    const clerk = await loginAs(t.ctx, commune.receptionist);
    const first = await post(
      clerk,
      multipart(submission(code, commune.agencyId, { components: [{ key: 'to-khai', isDigitised: true }] }), [
        { field: 'component.to-khai', fileName: 'scan.pdf', content: PDF },
      ]),
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ channel: 'in_person', status: 1 });
    expect(first.json().files[0]).toMatchObject({ isDigitised: true });
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: clerk,
      payload: submission(code, commune.agencyId, {
        components: [{ key: 'to-khai', reuseFileId: first.json().files[0].id }],
      }),
    });
    expect(reuse.statusCode).toBe(201);
    expect(reuse.json().files[0]).toMatchObject({
      reusedFrom: first.json().files[0].id,
      sha256: first.json().files[0].sha256,
    });
  });
});
