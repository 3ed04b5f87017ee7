/**
 * Every failure as a contract error: ApiErrors as they are, Fastify's body-parsing errors
 * as the codes the contract names, anything else as `internal` (the details stay in the log).
 */
import { ApiError } from '../../src/contract';

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { code, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('validation_failed', 'The request body must be JSON (Content-Type: application/json)', {
        fields: { body: 'Content-Type must be application/json' },
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('validation_failed', 'The request body is not valid JSON', {
        fields: { body: 'not valid JSON' },
      });
  }
  if (statusCode === 413) return new ApiError('payload_too_large', 'The request body is too large');
  if (statusCode === 404) return new ApiError('not_found', 'Not found');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Malformed URLs, content lengths and the like: the client sent something unreadable.
    return new ApiError('validation_failed', 'The request could not be read');
  }
  return new ApiError('internal', 'Something went wrong on our side');
}
