import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config } from '../../config.ts';
import { blobKey, type BlobStorage } from './blob-storage.ts';
import { createStagingArea } from './staging.ts';

export interface S3StorageOptions {
  client: S3Client;
  bucket: string;
  /** Uploads are staged on local disk: hashing and type sniffing happen while they stream in. */
  stagingDir: string;
}

export type S3Settings = Pick<
  Config,
  'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
>;

/** The client for `FILE_STORAGE=s3` (MinIO, Ceph RGW or AWS S3 in production; docs/dossiers.md). */
export function s3ClientFor(config: S3Settings): S3Client {
  const keyId = config.S3_ACCESS_KEY_ID;
  const secret = config.S3_SECRET_ACCESS_KEY;
  return new S3Client({
    region: config.S3_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    // Unset keys: the SDK's default chain (an instance or pod role on AWS).
    ...(keyId && secret ? { credentials: { accessKeyId: keyId, secretAccessKey: secret } } : {}),
    // The SDK's default CRC32 trailer (aws-chunked bodies) is not understood by every S3-compatible
    // server: s3rver stores the chunk framing as content. Checksums only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Promotion runs inside a database transaction: a store that stops answering must not hold it forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

const isNotFound = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Blobs as objects `sha256/ab/abcd…` in one bucket. Content-addressed, so promotion is idempotent: it
 * uploads only when a HEAD finds no object, and says whether it created it, so the cleanup after a
 * failed transaction (files.ts) removes exactly what this request added.
 */
export function createS3Storage({ client, bucket, stagingDir }: S3StorageOptions): BlobStorage {
  const staging = createStagingArea(stagingDir);

  async function exists(sha256: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: blobKey(sha256) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error; // a denied or unreachable store is an error, not an absent object
    }
  }

  return {
    ...staging,
    exists,
    async promote(staged) {
      try {
        if (await exists(staged.sha256)) return false;
        // Streamed from the staged file with its known length: memory stays at one read buffer.
        // The SDK cannot replay a stream, so a failed PUT fails the request (cleaned up, retried by the client).
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: blobKey(staged.sha256),
            Body: createReadStream(staged.stagedPath),
            ContentLength: staged.sizeBytes,
            ContentType: 'application/octet-stream',
          }),
        );
        return true;
      } finally {
        await staging.discard(staged);
      }
    },
    async remove(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: blobKey(sha256) }));
    },
    async open(sha256) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: blobKey(sha256) }));
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no stream for ${blobKey(sha256)}`);
      return Body;
    },
    async listStored() {
      const shas: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: 'sha256/' }))
        for (const object of page.Contents ?? [])
          if (object.Key) shas.push(object.Key.slice(object.Key.lastIndexOf('/') + 1));
      return shas;
    },
  };
}
