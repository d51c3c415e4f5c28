import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { link, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { blobKey, type BlobStorage } from './blob-storage.ts';
import { createStagingArea } from './staging.ts';

/** Blobs in a local directory: `root/staging` for uploads in flight, `root/sha256/ab/abcd…` once committed. */
export function createLocalStorage(root: string): BlobStorage {
  const staging = createStagingArea(join(root, 'staging'));
  const blobDir = join(root, 'sha256');
  const blobPath = (sha: string) => join(root, blobKey(sha));

  return {
    ...staging,
    async promote(staged) {
      const target = blobPath(staged.sha256);
      await mkdir(dirname(target), { recursive: true });
      try {
        // link() fails if the content is already there: we then know we did not create it.
        await link(staged.stagedPath, target);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await staging.discard(staged);
      }
    },
    async remove(sha256) {
      await unlink(blobPath(sha256)).catch(() => undefined);
    },
    async exists(sha256) {
      return stat(blobPath(sha256)).then(
        () => true,
        () => false,
      );
    },
    async open(sha256) {
      const stream = createReadStream(blobPath(sha256));
      await once(stream, 'open'); // a missing blob rejects here, before the response has started
      return stream;
    },
    async listStored() {
      await mkdir(blobDir, { recursive: true });
      const dirs = await readdir(blobDir);
      const files = await Promise.all(dirs.map((d) => readdir(join(blobDir, d))));
      return files.flat();
    },
  };
}
