import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
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
import type { BlobStorage } from './blob-storage.ts';
import { fileRows, withStagedFiles } from './files.ts';
import { createLocalStorage } from './local-storage.ts';
import * as repo from './repository.ts';
import type { UploadedFile } from './uploads.ts';

// Two requests uploading the same bytes at once, on PGlite and on PostgreSQL: the one that created the blob
// fails, the other commits a reference to it. The blob must still be there afterwards.
let t: TestApp;
let filesDir: string;
let dossierId: string;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  const commune = await createCommune(t.ctx);
  const procedure = await createProcedure(t.ctx);
  const citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
  dossierId = (await submitOnline(t.app, citizen, procedure.code, commune.agencyId)).id;
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function upload(storage: BlobStorage, content: Buffer): Promise<UploadedFile> {
  const staged = await storage.stage(Readable.from([content]), 1 << 20);
  return { field: 'supplement', fileName: 'bo-sung.pdf', mediaType: 'application/pdf', staged };
}

describe('withStagedFiles with the same bytes in two requests', () => {
  it('keeps a blob that a failing request created when another request commits a reference to it', async () => {
    const store = createLocalStorage(join(filesDir, 'race'));
    const content = Buffer.concat([PDF, randomBytes(256)]);
    const first = await upload(store, content);
    const second = await upload(store, content);
    expect(second.staged.sha256).toBe(first.staged.sha256);

    let secondPromoted!: () => void;
    const promotedSignal = new Promise<void>((resolve) => (secondPromoted = resolve));
    const secondStore: BlobStorage = {
      ...store,
      promote: async (staged) => {
        const created = await store.promote(staged);
        secondPromoted();
        return created;
      },
    };
    const runSecond = () =>
      withStagedFiles(t.ctx.db, secondStore, [second], async (trx, promote) => {
        await promote();
        await repo.insertFiles(trx, fileRows(dossierId, [second], 'supplement', t.ctx.clock.now()));
      });

    // The first request's clean-up starts the second request just before it removes the blob, and lets it
    // run until it has promoted (the old race: it finds the blob, which is then removed under it) or for
    // half a second (it is held back until the removal has committed, and then creates the blob anew).
    let secondRun: Promise<void> | undefined;
    const firstStore: BlobStorage = {
      ...store,
      remove: async (sha256) => {
        secondRun = runSecond();
        await Promise.race([promotedSignal, delay(500)]);
        await store.remove(sha256);
      },
    };
    const failing = withStagedFiles(t.ctx.db, firstStore, [first], async (_trx, promote) => {
      await promote();
      throw new Error('the first request fails after promoting');
    });
    await expect(failing).rejects.toThrow('the first request fails after promoting');
    expect(secondRun).toBeDefined();
    await secondRun;

    const sha = first.staged.sha256;
    expect(await repo.isShaReferenced(t.ctx.db, sha)).toBe(true);
    expect(await store.exists(sha)).toBe(true);
    expect(await store.listStaged()).toEqual([]);
  });

  it('removes the blob of a failing request that nobody else refers to', async () => {
    const store = createLocalStorage(join(filesDir, 'alone'));
    const only = await upload(store, Buffer.concat([PDF, randomBytes(256)]));
    const failing = withStagedFiles(t.ctx.db, store, [only], async (_trx, promote) => {
      await promote();
      throw new Error('fails alone');
    });
    await expect(failing).rejects.toThrow('fails alone');
    expect(await store.exists(only.staged.sha256)).toBe(false);
    expect(await store.listStored()).toEqual([]);
    expect(await store.listStaged()).toEqual([]);
  });
});
