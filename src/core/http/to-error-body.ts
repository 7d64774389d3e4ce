import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { defaultErrorCode, ErrorBody } from './error-body';

/** Seconds a client is told to wait when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Fastify's own errors (body parsing, size, media type) mapped to our codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Request body is larger than the limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Content-Type must be application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: 'Request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: 'Invalid Content-Length' },
};

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null) {
      const r = response as Partial<ErrorBody> & { message?: unknown };
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : String(r.message ?? exception.message);
      return {
        statusCode: status,
        code: r.code ?? defaultErrorCode(status),
        message,
        ...(r.details ? { details: r.details } : {}),
      };
    }
    return { statusCode: status, code: defaultErrorCode(status), message: String(response) };
  }
  const err = exception as { code?: string; statusCode?: number; message?: string } | undefined;
  const known = err?.code ? FASTIFY_CODES[err.code] : undefined;
  if (known)
    return { statusCode: known.status, code: known.code, message: known.message ?? err?.message ?? '' };
  const status = err?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, code: defaultErrorCode(status), message: err?.message ?? 'Bad request' };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message:
        'The database is unavailable; retry later (a retry with the same externalId or Idempotency-Key is safe)',
      details: { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
}
