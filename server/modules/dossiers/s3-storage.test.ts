import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  multipart,
  PDF,
  submission,
  type Commune,
  type DossierView,
} from '../../../test/helpers/dossiers.ts';
import { startTestS3, type TestS3 } from '../../../test/helpers/s3-server.ts';
import { blobKey } from './blob-storage.ts';
import { createS3Storage, s3ClientFor } from './s3-storage.ts';
import { storageFor } from './storage.ts';

// The whole dossier file path against a real S3-protocol server over HTTP (s3rver), FILE_STORAGE=s3.
let s3: TestS3;
let t: TestApp;
let filesDir: string;
let commune: Commune;
let citizen: Record<string, string>;
let procedureCode: string;
/** An independent client to look into the bucket, not the one the app uses. */
let inspector: ReturnType<typeof s3ClientFor>;

beforeAll(async () => {
  s3 = await startTestS3();
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir, ...s3.config });
  inspector = s3ClientFor(t.ctx.config);
  commune = await createCommune(t.ctx);
  procedureCode = (await createProcedure(t.ctx)).code;
  citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
});

afterAll(async () => {
  await t.close();
  inspector.destroy();
  await s3.close();
  await rm(filesDir, { recursive: true, force: true });
});

/** A PDF (by its signature) of about `bytes` bytes that no other test uploads. */
const uniquePdf = (bytes: number) => Buffer.concat([PDF, randomBytes(bytes)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function objectOf(sha: string): Promise<Buffer | undefined> {
  try {
    const { Body } = await inspector.send(new GetObjectCommand({ Bucket: s3.bucket, Key: blobKey(sha) }));
    return Buffer.from(await Body!.transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

function submit(files: { name: string; content: Buffer }[], headers = citizen) {
  const body = multipart(
    submission(procedureCode, commune.agencyId),
    files.map((f) => ({ field: 'component.to-khai', fileName: f.name, content: f.content })),
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

describe('FILE_STORAGE=s3', () => {
  it('stores a submitted file as the object sha256/ab/… byte for byte and serves it back for download', async () => {
    const content = uniquePdf(3 * 1024 * 1024); // several read buffers: the PUT streams from the staged file
    const res = await submit([{ name: 'tờ khai.pdf', content }]);
    expect(res.statusCode).toBe(201);
    const file = res.json().files[0];
    expect(file.sha256).toBe(sha256(content));
    const head = await inspector.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: blobKey(file.sha256) }));
    expect(head.ContentLength).toBe(content.length);
    expect((await objectOf(file.sha256))?.equals(content)).toBe(true);
    // Nothing was kept on local disk: no blob directory, staging empty.
    expect(existsSync(join(filesDir, 'sha256'))).toBe(false);
    expect(await storageFor(t.ctx.config).listStaged()).toEqual([]);

    const download = await t.app.inject({ url: `/api/dossiers/${res.json().id}/files/${file.id}`, headers: citizen });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it('removes the objects a failed transaction uploaded, and keeps content another dossier already holds', async () => {
    const shared = uniquePdf(2000);
    expect((await submit([{ name: 'a.pdf', content: shared }])).statusCode).toBe(201);
    const before = await t.ctx.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // The audit record is written after the files are promoted: failing it fails the transaction late.
    await sql`CREATE FUNCTION test_refuse_submit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure after promotion'; END $$`.execute(t.ctx.db);
    await sql`CREATE TRIGGER test_refuse_submit BEFORE INSERT ON audit_log FOR EACH ROW
      WHEN (NEW.action = 'dossier.submit') EXECUTE FUNCTION test_refuse_submit()`.execute(t.ctx.db);
    const fresh = uniquePdf(150_000);
    let res;
    try {
      res = await submit([
        { name: 'new.pdf', content: fresh },
        { name: 'again.pdf', content: shared },
      ]);
    } finally {
      await sql`DROP TRIGGER test_refuse_submit ON audit_log`.execute(t.ctx.db);
      await sql`DROP FUNCTION test_refuse_submit()`.execute(t.ctx.db);
    }
    expect(res.statusCode).toBe(500);
    expect(await objectOf(sha256(fresh))).toBeUndefined();
    expect((await objectOf(sha256(shared)))?.equals(shared)).toBe(true);
    const after = await t.ctx.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await storageFor(t.ctx.config).listStaged()).toEqual([]);
  });

  it('carries a result file through processing to the applicant, and prints form 01', async () => {
    const [clerk, specialist, leader] = await Promise.all([
      loginAs(t.ctx, commune.receptionist),
      loginAs(t.ctx, commune.specialist),
      loginAs(t.ctx, commune.leader),
    ]);
    let d: DossierView = (await submit([{ name: 'a.pdf', content: uniquePdf(1000) }])).json();
    const step = async (h: Record<string, string>, action: string) => {
      const res = await act(t.app, h, d, action);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      d = res.json();
    };
    await step(clerk, 'accept');
    const form = await t.app.inject({ url: `/api/dossiers/${d.id}/forms/01.pdf`, headers: clerk });
    expect(form.statusCode).toBe(200);
    expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const [h, action] of [
      [clerk, 'assign'],
      [clerk, 'complete_step'],
      [specialist, 'assign'],
      [specialist, 'complete_step'],
      [leader, 'approve'],
    ] as const)
      await step(h, action);
    const result = uniquePdf(40_000);
    const body = multipart({ version: d.version }, [{ field: 'result', fileName: 'ket-qua.pdf', content: result }]);
    const processed = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/actions/mark_processed`,
      headers: { ...clerk, ...body.headers },
      payload: body.payload,
    });
    expect(processed.statusCode).toBe(200);
    expect((await objectOf(sha256(result)))?.equals(result)).toBe(true);
    const detail = (await t.app.inject({ url: `/api/dossiers/${d.id}`, headers: citizen })).json();
    const file = detail.files.find((f: { kind: string }) => f.kind === 'result');
    const download = await t.app.inject({ url: `/api/dossiers/${d.id}/files/${file.id}`, headers: citizen });
    expect(download.rawPayload.equals(result)).toBe(true);
  });
});

describe('createS3Storage', () => {
  it('promotes idempotently: the second promotion of the same content HEADs, uploads nothing and says so', async () => {
    const client = s3ClientFor(t.ctx.config);
    const commands: string[] = [];
    client.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize' },
    );
    const storage = createS3Storage({ client, bucket: s3.bucket, stagingDir: join(filesDir, 'staging-direct') });
    const content = uniquePdf(70_000);
    const first = await storage.stage(Readable.from([content]), 1_000_000);
    expect(await storage.promote(first)).toBe(true);
    expect(commands).toEqual(['HeadObjectCommand', 'PutObjectCommand']);

    commands.length = 0;
    const second = await storage.stage(Readable.from([content]), 1_000_000);
    expect(second.sha256).toBe(first.sha256);
    expect(await storage.promote(second)).toBe(false);
    expect(commands).toEqual(['HeadObjectCommand']);
    expect(await storage.listStaged()).toEqual([]);
    expect((await objectOf(first.sha256))?.equals(content)).toBe(true);
    expect(await storage.listStored()).toContain(first.sha256);

    const opened = await storage.open(first.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of opened) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);

    await storage.remove(first.sha256);
    expect(await storage.exists(first.sha256)).toBe(false);
    await expect(storage.open(first.sha256)).rejects.toThrow();
    client.destroy();
  });
});
