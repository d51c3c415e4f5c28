import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.UNIT_SET).toBe('2018');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('refuses a bad port naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
  });

  it('refuses an unsupported database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL=.*postgres/);
  });

  it('refuses an unknown unit set', () => {
    expect(() => loadConfig({ UNIT_SET: '2019' })).toThrow(/UNIT_SET/);
  });

  it('keeps files on local disk unless FILE_STORAGE=s3, and then needs a bucket', () => {
    expect(loadConfig({}).FILE_STORAGE).toBe('local');
    expect(() => loadConfig({ FILE_STORAGE: 'ftp' })).toThrow(/^Invalid configuration: FILE_STORAGE="ftp": /);
    expect(() => loadConfig({ FILE_STORAGE: 's3' })).toThrow(
      /^Invalid configuration: S3_BUCKET="": required when FILE_STORAGE=s3$/,
    );
    const s3 = loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'motcua-files', S3_FORCE_PATH_STYLE: 'true' });
    expect(s3).toMatchObject({ S3_BUCKET: 'motcua-files', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
  });

  it('refuses a bad S3 endpoint or bucket name, and an access key without its secret', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'minio:9000' })).toThrow(
      /S3_ENDPOINT="minio:9000": expected the http\(s\) URL/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'Hồ_Sơ' })).toThrow(/S3_BUCKET="Hồ_Sơ": expected an S3 bucket name/);
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(
      /^Invalid configuration: S3_SECRET_ACCESS_KEY="": S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/,
    );
    expect(() => loadConfig({ S3_SECRET_ACCESS_KEY: 'secret' })).toThrow(/S3_ACCESS_KEY_ID="": /);
  });

  it('reads an Ed25519 signing key and refuses anything else without echoing it', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(loadConfig({ SIGNING_PRIVATE_KEY: pem }).SIGNING_PRIVATE_KEY).toBe(pem);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const other = rsa.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadConfig({ SIGNING_PRIVATE_KEY: other })).toThrow(
      /SIGNING_PRIVATE_KEY=\(hidden\): expected an Ed25519/,
    );
    expect(() => loadConfig({ SIGNING_PRIVATE_KEY: other })).not.toThrow(/PRIVATE KEY-----/);
  });
});
