/**
 * The sync endpoints over fetch. Every answer is parsed with the contract's schema before the
 * caller sees it: a 200 that does not parse (a captive portal's login page, a proxy's error
 * page) is a `bad_response` failure, never an acknowledgement that lets the outbox drop writes.
 * Failures are returned as values (`SyncFailure`), not thrown, so the engine's reaction to each
 * kind is one switch.
 *
 * Auth is the session cookie, attached by the browser at send time (same origin), never stored
 * with the outbox; the CSRF header marks the request as the app's own.
 */
import type { z } from 'zod';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorBody,
  PullResponse,
  PushResponse,
  routes,
  type PullRequest,
  type PushRequest,
} from '../contract';
import type { SyncFailure } from './SyncFailure';

export type TransportResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SyncFailure };

export interface Transport {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(request: PullRequest): Promise<TransportResult<PullResponse>>;
}

export interface TransportOptions {
  /** Prefix for the API paths: '' in the browser (same origin), an absolute origin in Node. */
  readonly baseUrl?: string;
  /** Defaults to the global fetch, looked up at call time (so test interceptors apply). */
  readonly fetch?: typeof fetch;
  /** A request still unanswered after this long counts as offline, so a hung socket cannot stall the queue. */
  readonly timeoutMs?: number;
}

/** Long enough for a 500-mutation push on a slow phone connection. */
export const SYNC_REQUEST_TIMEOUT_MS = 30_000;

export function createTransport(options: TransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? SYNC_REQUEST_TIMEOUT_MS;

  async function post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<TransportResult<z.infer<S>>> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Reading the body can fail too (the connection dropped mid-answer): that is offline as well.
      text = await response.text();
    } catch (error) {
      return fail({ kind: 'offline', message: error instanceof Error ? error.message : String(error) });
    }
    if (response.ok) return parseSuccess(response, text, schema);
    return fail(classifyError(response.status, text));
  }

  return {
    push: (request) => post(routes.syncPush.path, request, PushResponse),
    pull: (request) => post(routes.syncPull.path, request, PullResponse),
  };
}

function fail(failure: SyncFailure): { ok: false; failure: SyncFailure } {
  return { ok: false, failure };
}

function parseSuccess<S extends z.ZodType>(response: Response, text: string, schema: S): TransportResult<z.infer<S>> {
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) {
    return fail({ kind: 'bad_response', status: response.status, message: `expected JSON, got ${type || 'no content type'}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ kind: 'bad_response', status: response.status, message: 'malformed JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return fail({ kind: 'bad_response', status: response.status, message: 'a body the sync contract does not describe' });
  }
  return { ok: true, value: parsed.data };
}

function errorBodyOf(text: string): ErrorBody | null {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The failure an error status means; the envelope, when there is one, adds the message and details. */
export function classifyError(status: number, text: string): SyncFailure {
  const envelope = errorBodyOf(text);
  const message = envelope?.error.message ?? `HTTP ${status}`;
  if (status === 401) return { kind: 'unauthenticated', message };
  if (status === 426) return { kind: 'upgrade', message };
  if (status >= 500) return { kind: 'server', status, message };
  if (status === 409) {
    const lastMutationId = envelope?.error.details?.['lastMutationId'];
    if (typeof lastMutationId === 'number' && Number.isSafeInteger(lastMutationId) && lastMutationId >= 0) {
      return { kind: 'gap', lastMutationId, message };
    }
  }
  if (status >= 400) return { kind: 'client', status, code: envelope?.error.code ?? null, message };
  // 1xx/3xx reaching here (an opaque redirect, say) is not the contract's answer.
  return { kind: 'bad_response', status, message };
}
