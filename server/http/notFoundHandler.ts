/**
 * Unknown routes: under /api/ (or with no PWA to serve) a 404 `not_found` envelope; any
 * other GET that is not a file gets index.html, so the app's client-side routes survive a
 * reload. A path that names a file (`/assets/app-1234.js`, `/missing.png`) stays a 404:
 * serving HTML in place of a script would only fail later and more confusingly.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../src/contract';
import { isApiPath } from './isApiPath';

const LOOKS_LIKE_FILE = /\/[^/]*\.[A-Za-z0-9]+$/;

export function installNotFoundHandler(app: FastifyInstance, spaFallback: boolean): void {
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    const isPageNavigation =
      spaFallback &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(path) &&
      !LOOKS_LIKE_FILE.test(path);
    if (!isPageNavigation) throw new ApiError('not_found', `No route for ${request.method} ${path}`);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
