import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The settings that point the app at this server (FILE_STORAGE=s3, path-style, s3rver's fixed keys). */
  config: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server over HTTP (s3rver) on a random loopback port, keeping its objects in a
 * temporary directory, with one empty bucket. Production uses MinIO, Ceph RGW or AWS S3 instead.
 */
export async function startTestS3(bucket = 'motcua-files'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'motcua-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    config: {
      FILE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
