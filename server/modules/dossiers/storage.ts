import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { BlobStorage } from './blob-storage.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage, s3ClientFor, type S3Settings } from './s3-storage.ts';

type StorageConfig = Pick<Config, 'FILE_STORAGE' | 'FILES_DIR'> & S3Settings;

/** SHA-256 of what is stored under a content address now, or null when nothing is (tamper evidence). */
export async function digestStored(storage: BlobStorage, sha256: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of (await storage.open(sha256)) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

const storages = new Map<string, BlobStorage>();

/**
 * The configured blob storage, one per configuration: `FILE_STORAGE=local` keeps blobs in FILES_DIR,
 * `s3` in S3_BUCKET with uploads staged in FILES_DIR/staging.
 */
export function storageFor(config: StorageConfig): BlobStorage {
  const key = JSON.stringify([
    config.FILE_STORAGE,
    config.FILES_DIR,
    ...(config.FILE_STORAGE === 's3' ? [config.S3_ENDPOINT, config.S3_BUCKET] : []),
  ]);
  let storage = storages.get(key);
  if (!storage) storages.set(key, (storage = createStorage(config)));
  return storage;
}

function createStorage(config: StorageConfig): BlobStorage {
  if (config.FILE_STORAGE === 'local') return createLocalStorage(config.FILES_DIR);
  // loadConfig refuses FILE_STORAGE=s3 without a bucket; this only guards hand-made configurations.
  if (!config.S3_BUCKET) throw new Error('FILE_STORAGE=s3 needs S3_BUCKET');
  return createS3Storage({
    client: s3ClientFor(config),
    bucket: config.S3_BUCKET,
    stagingDir: join(config.FILES_DIR, 'staging'),
  });
}
