import type { Readable } from 'node:stream';

/**
 * Content-addressed file storage (files are named by their SHA-256), behind one interface with a
 * local-directory and an S3-compatible implementation (`storage.ts` picks one from the configuration).
 * Uploads are first written to a staging area on local disk and only promoted when the dossier that
 * references them commits; a failed request leaves nothing.
 */
export interface StagedFile {
  stagedPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for content-type detection. */
  head: Buffer;
}

export interface BlobStorage {
  /** Streams a source into staging, hashing it; throws `FileTooLargeError` past the limit (staging cleaned). */
  stage(source: Readable, limitBytes: number): Promise<StagedFile>;
  discard(staged: StagedFile): Promise<void>;
  /** Moves a staged file to its content address; false when that content was already stored. */
  promote(staged: StagedFile): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
  /** Resolves once the content is found (rejects before any byte is sent when it is not). */
  open(sha256: string): Promise<Readable>;
  /** Staged files left over (a test and a sweeper use it). */
  listStaged(): Promise<string[]>;
  /** The SHA-256 of every stored blob. */
  listStored(): Promise<string[]>;
}

export class FileTooLargeError extends Error {
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`file exceeds ${limitBytes} bytes`);
    this.limitBytes = limitBytes;
  }
}

/** `sha256/ab/abcd…`: the same layout on disk and as object keys, two hex digits to spread directories. */
export const blobKey = (sha256: string): string => `sha256/${sha256.slice(0, 2)}/${sha256}`;
