import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed file storage (files are named by their SHA-256), behind an interface so an
 * S3-compatible store can replace the local directory. Uploads are first written to a staging area
 * and only promoted when the dossier that references them commits; a failed request leaves nothing.
 */
export interface StagedFile {
  stagedPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for content-type detection. */
  head: Buffer;
}

export interface BlobStorage {
  /** Streams a source into staging, hashing it; throws `tooLarge` past the limit (staging cleaned). */
  stage(source: Readable, limitBytes: number): Promise<StagedFile>;
  discard(staged: StagedFile): Promise<void>;
  /** Moves a staged file to its content address; false when that content was already stored. */
  promote(staged: StagedFile): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
  open(sha256: string): Readable;
  /** Staged files left over (a test and a sweeper use it). */
  listStaged(): Promise<string[]>;
  listStored(): Promise<string[]>;
}

export class FileTooLargeError extends Error {
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`file exceeds ${limitBytes} bytes`);
    this.limitBytes = limitBytes;
  }
}

const HEAD_BYTES = 4100;

export function createLocalStorage(root: string): BlobStorage {
  const stagingDir = join(root, 'staging');
  const blobDir = join(root, 'sha256');
  const blobPath = (sha: string) => join(blobDir, sha.slice(0, 2), sha);
  let ready: Promise<unknown> | undefined;
  const ensure = () =>
    (ready ??= Promise.all([mkdir(stagingDir, { recursive: true }), mkdir(blobDir, { recursive: true })]));

  return {
    async stage(source, limitBytes) {
      await ensure();
      const stagedPath = join(stagingDir, randomUUID());
      const hash = createHash('sha256');
      const out = createWriteStream(stagedPath, { flags: 'wx' });
      const headParts: Buffer[] = [];
      let headSize = 0;
      let size = 0;
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limitBytes) throw new FileTooLargeError(limitBytes);
          if (headSize < HEAD_BYTES) {
            headParts.push(chunk.subarray(0, HEAD_BYTES - headSize));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          hash.update(chunk);
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        // @fastify/multipart marks a part cut off at its fileSize limit instead of throwing.
        if ((source as { truncated?: boolean }).truncated) throw new FileTooLargeError(limitBytes);
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
      } catch (error) {
        // Wait for the stream to close: unlinking while its open() is in flight would leave the file.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
        await unlink(stagedPath).catch(() => undefined);
        throw error;
      }
      return { stagedPath, sha256: hash.digest('hex'), sizeBytes: size, head: Buffer.concat(headParts) };
    },
    async discard(staged) {
      await unlink(staged.stagedPath).catch(() => undefined);
    },
    async promote(staged) {
      const target = blobPath(staged.sha256);
      await mkdir(join(blobDir, staged.sha256.slice(0, 2)), { recursive: true });
      try {
        // link() fails if the content is already there: we then know we did not create it.
        await link(staged.stagedPath, target);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        await unlink(staged.stagedPath).catch(() => undefined);
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
    open(sha256) {
      return createReadStream(blobPath(sha256));
    },
    async listStaged() {
      await ensure();
      return readdir(stagingDir);
    },
    async listStored() {
      await ensure();
      const dirs = await readdir(blobDir);
      const files = await Promise.all(dirs.map((d) => readdir(join(blobDir, d))));
      return files.flat();
    },
  };
}

const storages = new Map<string, BlobStorage>();

/** One storage per configured directory (FILES_DIR). */
export function storageFor(filesDir: string): BlobStorage {
  let storage = storages.get(filesDir);
  if (!storage) storages.set(filesDir, (storage = createLocalStorage(filesDir)));
  return storage;
}
