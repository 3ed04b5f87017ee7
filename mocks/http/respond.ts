/**
 * Building mocked responses. One subtlety decides the shape: Set-Cookie.
 * - In a browser, Set-Cookie is a forbidden response header, so a plain `Response` silently
 *   drops it. MSW's `HttpResponse` records it and writes it to `document.cookie`, so the page's
 *   next requests carry the session. HttpOnly cannot be emulated there: `document.cookie` ignores
 *   any cookie marked HttpOnly, so the browser variant leaves that attribute out.
 * - In Node, a plain `Response` keeps the header (clients read it with `getSetCookie()`), while
 *   `HttpResponse` would also put the cookie in MSW's process-wide jar and replay it on every
 *   later request to that host: a client that never signed in would be signed in.
 */
import { HttpResponse } from 'msw';
import { ApiError } from '../../src/contract/errors';

/** True where MSW forwards mocked cookies to `document.cookie` (the `dev:mock` page). */
export const IN_BROWSER = typeof document !== 'undefined';

export interface ResponseOptions {
  readonly status: number;
  readonly setCookie?: string | undefined;
  readonly headers?: Readonly<Record<string, string>>;
}

export function respond(body: unknown, options: ResponseOptions): Response {
  const headers = new Headers(options.headers);
  if (body !== null) headers.set('content-type', 'application/json; charset=utf-8');
  if (options.setCookie) headers.append('set-cookie', options.setCookie);
  const payload = body === null ? null : JSON.stringify(body);
  const init = { status: options.status, headers };
  return IN_BROWSER && options.setCookie ? new HttpResponse(payload, init) : new Response(payload, init);
}

/** A 429 that tells the client when to retry (`Retry-After`, in whole seconds). */
export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** The contract's error envelope for anything a handler throws; unknown errors become 500s. */
export function errorResponse(error: unknown): Response {
  if (error instanceof RateLimitedError) {
    return respond(error.toBody(), {
      status: error.status,
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof ApiError) return respond(error.toBody(), { status: error.status });
  console.error('[mocks] handler failed', error);
  return respond(new ApiError('internal', 'Internal error').toBody(), { status: 500 });
}
