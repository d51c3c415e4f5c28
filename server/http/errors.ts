/**
 * One error type for the whole server, with a closed list of codes mapped to HTTP status in one
 * place (server/http/error-handler.ts). Messages are for people: Vietnamese first, English second.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface Text {
  vi: string;
  en: string;
}

export interface ErrorDetail {
  /** The request field the detail is about, as a dotted path (`query.level`, `body.applicant.phone`). */
  field?: string;
  message: Text;
  [extra: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Text;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, text: Text, details: ErrorDetail[] = []) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: Text, key: string): AppError {
  return new AppError(
    'NOT_FOUND',
    { vi: `Không tìm thấy ${what.vi} "${key}".`, en: `No ${what.en} "${key}" was found.` },
    [{ field: 'id', value: key, message: { vi: `${what.vi} không tồn tại`, en: `${what.en} does not exist` } }],
  );
}
