import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../http/errors.ts';
import { FileTooLargeError, type BlobStorage, type StagedFile } from './blob-storage.ts';

/** Types a component, supplement or result file may have, detected from its content, never its name. */
export const ACCEPTED_MEDIA_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff']);

export interface UploadedFile {
  /** The multipart field: `component.<key>`, `supplement` or `result`. */
  field: string;
  fileName: string;
  mediaType: string;
  staged: StagedFile;
}

export interface ParsedRequest {
  /** The JSON document of the request (`payload` field in multipart, or the JSON body). */
  payload: unknown;
  files: UploadedFile[];
}

export function tooLarge(limitBytes: number): AppError {
  const mb = (limitBytes / 1024 / 1024).toFixed(1);
  return new AppError('PAYLOAD_TOO_LARGE', {
    vi: `Tệp vượt quá dung lượng cho phép (${mb} MB).`,
    en: `A file exceeds the allowed size (${mb} MB).`,
  });
}

function wrongType(fileName: string, detected: string | undefined): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    {
      vi: `Tệp "${fileName}" không đúng định dạng cho phép (PDF, JPEG, PNG, WebP, TIFF).`,
      en: `File "${fileName}" is not an allowed type (PDF, JPEG, PNG, WebP, TIFF).`,
    },
    [{ field: fileName, detected: detected ?? 'unknown', message: { vi: 'sai định dạng', en: 'wrong type' } }],
  );
}

/**
 * Reads a JSON body, or a multipart body streamed to staging (each file hashed and size-checked on the
 * way). Any failure discards every file staged so far, so an aborted upload leaves nothing behind.
 */
export async function readDossierRequest(
  request: FastifyRequest,
  storage: BlobStorage,
  limits: { fileBytes: number; files: number },
): Promise<ParsedRequest> {
  if (!request.isMultipart()) return { payload: request.body ?? {}, files: [] };
  const files: UploadedFile[] = [];
  let payload: unknown = {};
  try {
    const parts = request.parts({ limits: { fileSize: limits.fileBytes, files: limits.files, fields: 20 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'payload') payload = parseJson(String(part.value));
        continue;
      }
      const staged = await storage.stage(part.file, limits.fileBytes);
      const detected = await fileTypeFromBuffer(staged.head);
      if (!detected || !ACCEPTED_MEDIA_TYPES.has(detected.mime)) {
        await storage.discard(staged);
        throw wrongType(part.filename, detected?.mime);
      }
      files.push({ field: part.fieldname, fileName: part.filename || 'file', mediaType: detected.mime, staged });
    }
  } catch (error) {
    await Promise.all(files.map((f) => storage.discard(f.staged)));
    throw toUploadError(error, limits.fileBytes);
  }
  return { payload, files };
}

function toUploadError(error: unknown, limitBytes: number): unknown {
  if (error instanceof FileTooLargeError) return tooLarge(limitBytes);
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limitBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new AppError('PAYLOAD_TOO_LARGE', { vi: 'Quá nhiều tệp đính kèm.', en: 'Too many files attached.' });
  return error;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', {
      vi: 'Trường "payload" phải là JSON hợp lệ.',
      en: 'The "payload" field must be valid JSON.',
    });
  }
}
