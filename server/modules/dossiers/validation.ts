import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../http/errors.ts';

const INVALID = {
  vi: 'Dữ liệu gửi lên chưa hợp lệ; xem chi tiết từng trường.',
  en: 'The request is not valid; see the details for each field.',
};

export function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION', INVALID, details);
}

/**
 * Parses a document that did not go through Fastify's schema (the JSON part of a multipart upload),
 * with the same error shape: every field, each with a Vietnamese and an English message.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw invalid(
    result.error.issues.map((issue) => {
      const field = [prefix, ...issue.path.map(String)].join('.');
      const parts = issue.message.split(' | ');
      const message =
        parts.length === 2
          ? { vi: parts[0]!, en: parts[1]! }
          : issue.code === 'invalid_type' && issue.input === undefined
            ? { vi: `Thiếu trường bắt buộc "${field}".`, en: `"${field}" is required.` }
            : {
                vi: `Giá trị của "${field}" không hợp lệ (${issue.message}).`,
                en: `"${field}" is not valid: ${issue.message}.`,
              };
      return { field, message };
    }),
  );
}
