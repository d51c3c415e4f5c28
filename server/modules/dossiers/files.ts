import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/client.ts';
import * as repo from './repository.ts';
import type { BlobStorage } from './blob-storage.ts';
import type { DossierFilesTable, JournalFile } from './tables.ts';
import type { UploadedFile } from './uploads.ts';

/**
 * Runs a unit of work that references freshly uploaded files. The files are promoted to their content
 * address inside the transaction; if the transaction then fails, every blob this request created and
 * no committed row references is removed again, and anything still staged is discarded.
 *
 * Two requests may upload the same bytes at once: one creates the blob, the other finds it there. If the
 * creator then fails, its clean-up must not remove a blob the other is about to commit. So a request
 * promotes only under a shared lock on each content address, held to its commit, and the clean-up removes
 * a blob only under the exclusive lock, after checking that no committed row refers to it: the clean-up
 * waits for the other request's commit (and then sees its reference), or the other request waits for the
 * removal (and then creates the blob anew).
 */
export async function withStagedFiles<T>(
  db: Database,
  storage: BlobStorage,
  uploads: readonly UploadedFile[],
  work: (trx: Database, promote: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const created: string[] = [];
  const promoteIn = (trx: Database) => async () => {
    await repo.lockBlobsShared(
      trx,
      uploads.map((u) => u.staged.sha256),
    );
    for (const u of uploads) if (await storage.promote(u.staged)) created.push(u.staged.sha256);
  };
  try {
    // Inside a caller's transaction (e.g. a payment credit moving the dossier 6 → 4), join it.
    if (db.isTransaction) return await work(db, promoteIn(db));
    return await db.transaction().execute((trx) => work(trx, promoteIn(trx)));
  } catch (error) {
    for (const sha of created) await removeIfUnreferenced(db, storage, sha);
    throw error;
  } finally {
    await Promise.all(uploads.map((u) => storage.discard(u.staged)));
  }
}

/** One blob at a time, each in its own short transaction: a clean-up never holds one lock while waiting on another. */
async function removeIfUnreferenced(db: Database, storage: BlobStorage, sha256: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.lockBlobExclusive(trx, sha256);
    if (!(await repo.isShaReferenced(trx, sha256))) await storage.remove(sha256);
  });
}

export function fileRows(
  dossierId: string,
  uploads: readonly UploadedFile[],
  kind: DossierFilesTable['kind'],
  at: Date,
  digitised: ReadonlySet<string> = new Set(),
): Insertable<DossierFilesTable>[] {
  return uploads.map((u) => {
    const componentKey = u.field.startsWith('component.') ? u.field.slice('component.'.length) : null;
    return {
      id: randomUUID(),
      dossier_id: dossierId,
      kind,
      component_key: componentKey,
      sha256: u.staged.sha256,
      size_bytes: u.staged.sizeBytes,
      media_type: u.mediaType,
      file_name: u.fileName.slice(0, 255),
      is_digitised: componentKey !== null && digitised.has(componentKey),
      reused_from: null,
      created_at: at,
    };
  });
}

export function journalFiles(rows: readonly Insertable<DossierFilesTable>[]): JournalFile[] {
  return rows.map((r) => ({ id: r.id, name: r.file_name, sha256: r.sha256 }));
}
