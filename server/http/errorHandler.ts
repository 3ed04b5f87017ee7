import type { FastifyInstance } from 'fastify';
import { RateLimitedError } from './rateLimitedError';
import { toApiError } from './toApiError';

/** Replies with the contract's error envelope; server faults are logged with the request id. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: apiError.code }, apiError.message);
    if (apiError instanceof RateLimitedError) reply.header('retry-after', String(apiError.retryAfterSeconds));
    return reply.code(apiError.status).type('application/json; charset=utf-8').send(apiError.toBody());
  });
}
