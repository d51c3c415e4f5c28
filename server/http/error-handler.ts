import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail, type Text } from './errors.ts';
import { pickLanguage, type Language } from './language.ts';
import { describeIssue, type ValidationIssue } from './validation-messages.ts';

/** The one mapping from any thrown error to `{"error":{"code","message","details"}}`. */
export function installErrorHandling(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    }
    return sendError(request, reply, appError);
  });

  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      sendError(
        request,
        reply,
        new AppError('NOT_FOUND', {
          vi: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`,
          en: `There is no ${request.method} ${request.url.split('?')[0]}.`,
        }),
      ),
  );
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = pickLanguage(request);
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: error.code,
        message: error.text[language],
        details: error.details.map((d) => renderDetail(d, language)),
        requestId: request.id,
      },
    });
}

function renderDetail(detail: ErrorDetail, language: Language): Record<string, unknown> {
  const { message, ...rest } = detail;
  return { ...rest, message: message[language] };
}

const INVALID_INPUT: Text = {
  vi: 'Dữ liệu gửi lên chưa hợp lệ; xem chi tiết từng trường.',
  en: 'The request is not valid; see the details for each field.',
};

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const details = (error.validation as unknown as ValidationIssue[]).map((issue) => describeIssue(context, issue));
    return new AppError('VALIDATION', INVALID_INPUT, details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', {
        vi: 'Dữ liệu gửi lên quá lớn.',
        en: 'The request body is too large.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        vi: 'Kiểu nội dung không được hỗ trợ.',
        en: 'This content type is not supported.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(
        'BAD_REQUEST',
        { vi: 'Nội dung JSON không đọc được.', en: 'The JSON body could not be read.' },
        [{ field: 'body', message: { vi: 'JSON không hợp lệ', en: 'invalid JSON' } }],
      );
    default:
      break;
  }
  if (error.statusCode === 429) {
    return new AppError('RATE_LIMITED', {
      vi: 'Bạn thao tác quá nhanh; vui lòng thử lại sau ít phút.',
      en: 'Too many requests; please try again in a few minutes.',
    });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('BAD_REQUEST', { vi: 'Yêu cầu không hợp lệ.', en: `Bad request: ${error.message}` });
  }
  // Never leak internals: the message a person sees says nothing of the cause; the log has it.
  return new AppError('INTERNAL', {
    vi: 'Hệ thống gặp lỗi ngoài ý muốn. Vui lòng thử lại; nếu vẫn lỗi, hãy báo mã yêu cầu cho bộ phận hỗ trợ.',
    en: 'Something went wrong on our side. Please try again; if it persists, quote the request id to support.',
  });
}
