/**
 * CSRF guard: a state-changing request to the API must carry `X-Requested-With: favorites`
 * unless it authenticates with a bearer token. A cross-site form or fetch cannot add that
 * header without a CORS preflight (which this server never approves), nor a Bearer
 * Authorization header (browsers attach Basic credentials on their own, never Bearer);
 * requests with one are judged by it alone (sessions.ts), never by a cookie, so a bad
 * token is a 401. Login and signup are covered too (login CSRF).
 */
import type { FastifyInstance } from 'fastify';
import { ApiError, CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/contract';
import { isApiPath } from '../http/isApiPath';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const BEARER_SCHEME = /^Bearer\s/i;

export function installCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isApiPath(request.url)) return;
    if (BEARER_SCHEME.test(request.headers.authorization ?? '')) return;
    if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new ApiError('forbidden', `State-changing requests must send the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`);
    }
  });
}
