import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FileTooLargeError, type BlobStorage } from './blob-storage.ts';

const HEAD_BYTES = 4100;

export type StagingArea = Pick<BlobStorage, 'stage' | 'discard' | 'listStaged'>;

/**
 * The local staging directory both storages share: an upload is hashed, size-checked and its first
 * bytes kept for type sniffing while it streams to disk, so no file is ever held whole in memory.
 */
export function createStagingArea(dir: string): StagingArea {
  let ready: Promise<unknown> | undefined;
  const ensure = () => (ready ??= mkdir(dir, { recursive: true }));

  return {
    async stage(source, limitBytes) {
      await ensure();
      const stagedPath = join(dir, randomUUID());
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
    async listStaged() {
      await ensure();
      return readdir(dir);
    },
  };
}
