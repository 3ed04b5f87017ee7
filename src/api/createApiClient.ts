/**
 * A typed client over fetch for every route in the contract's route table.
 *
 * Requests are same-origin (the session cookie rides along) and always carry the CSRF header.
 * Inputs are checked against the route's schemas before anything is sent; success bodies are
 * parsed with the route's success schema, so nothing unchecked reaches the app. Failures are
 * one of three classes: `ApiError` (the server answered with the contract's error envelope),
 * `NetworkError` (no answer) and `BadResponseError` (an answer that is not the contract's).
 */
import type { z } from 'zod';
import {
  ApiError,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorBody,
  routes,
  validationError,
  type Article,
  type Credentials,
  type Favorite,
  type RouteName,
  type RouteSpec,
  type SuccessBody,
  type User,
} from '../contract';
import { BadResponseError } from './BadResponseError';
import { NetworkError } from './NetworkError';
import type { CallInput } from './routeTypes';

export interface ApiClientOptions {
  /** Prefix for every path: '' in the browser (same origin); an absolute origin in Node. */
  readonly baseUrl?: string;
  /** Defaults to the global fetch, looked up at call time (so test interceptors apply). */
  readonly fetch?: typeof fetch;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Statuses a gateway answers with when the server behind it is down or overloaded. */
const GATEWAY_UNAVAILABLE = new Set([502, 503, 504]);

function parseInput(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

function buildPath(path: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(String(values[name])));
}

function buildQuery(query: unknown): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new NetworkError('The connection broke while reading the response', { cause: error });
  }
}

function parseJson(text: string, response: Response): unknown {
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) {
    throw new BadResponseError(response.status, `Expected JSON from the server, got ${type || 'no content type'}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadResponseError(response.status, 'The server sent malformed JSON', { cause: error });
  }
}

async function successBody(spec: RouteSpec, response: Response): Promise<unknown> {
  const schema = spec.success.body;
  if (!schema) {
    await readText(response);
    return undefined;
  }
  const json = parseJson(await readText(response), response);
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new BadResponseError(response.status, 'The server sent a response this app does not understand', {
      cause: result.error,
    });
  }
  return result.data;
}

async function errorFrom(response: Response): Promise<Error> {
  const text = await readText(response);
  let envelope: ErrorBody | undefined;
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) envelope = parsed.data;
  } catch {
    // Not JSON: handled below like any other response without the envelope.
  }
  if (envelope) {
    const { code, message, details } = envelope.error;
    const retryAfter = Number(response.headers.get('retry-after'));
    const withRetry =
      code === 'rate_limited' && Number.isFinite(retryAfter) && retryAfter > 0
        ? { retryAfterSeconds: retryAfter, ...details }
        : details;
    return new ApiError(code, message, withRetry);
  }
  if (GATEWAY_UNAVAILABLE.has(response.status)) {
    return new ApiError('unavailable', 'The server is unavailable right now');
  }
  return new BadResponseError(response.status, `The server answered ${response.status} without an error description`);
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';

  /** Call any route of the contract by name. */
  async function call<N extends RouteName>(
    name: N,
    input?: CallInput<N>,
    callOptions: CallOptions = {},
  ): Promise<SuccessBody<N>> {
    const spec: RouteSpec = routes[name];
    const parts = (input ?? {}) as { params?: unknown; query?: unknown; body?: unknown };
    const params = parseInput(spec.params, parts.params, 'params');
    const query = parseInput(spec.query, parts.query, 'query');
    const body = parseInput(spec.body, parts.body, 'body');

    const headers: Record<string, string> = { Accept: 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
    if (spec.body) headers['Content-Type'] = 'application/json';

    const fetchFn = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${buildPath(spec.path, params)}${buildQuery(query)}`, {
        method: spec.method,
        headers,
        body: spec.body ? JSON.stringify(body) : undefined,
        credentials: 'same-origin',
        signal: callOptions.signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new NetworkError(undefined, { cause: error });
    }
    if (response.ok) return (await successBody(spec, response)) as SuccessBody<N>;
    throw await errorFrom(response);
  }

  return {
    call,
    signup: async (credentials: Credentials, o?: CallOptions): Promise<User> =>
      (await call('signup', { body: credentials }, o)).user,
    login: async (credentials: { username: string; password: string }, o?: CallOptions): Promise<User> =>
      (await call('login', { body: credentials }, o)).user,
    logout: (o?: CallOptions): Promise<void> => call('logout', {}, o),
    me: async (o?: CallOptions): Promise<User> => (await call('me', {}, o)).user,
    createToken: (name: string, o?: CallOptions) => call('createToken', { body: { name } }, o),
    listArticles: (query: CallInput<'listArticles'>['query'] = {}, o?: CallOptions) =>
      call('listArticles', { query }, o),
    getArticle: async (id: string, o?: CallOptions): Promise<Article> =>
      (await call('getArticle', { params: { id } }, o)).article,
    createArticle: async (body: { url: string; title?: string }, o?: CallOptions): Promise<Article> =>
      (await call('createArticle', { body }, o)).article,
    listFavorites: (query: CallInput<'listFavorites'>['query'] = {}, o?: CallOptions) =>
      call('listFavorites', { query }, o),
    searchFavorites: (q: string, o?: CallOptions) => call('searchFavorites', { query: { q } }, o),
    saveFavorite: async (
      articleId: string,
      body: CallInput<'saveFavorite'>['body'] = {},
      o?: CallOptions,
    ): Promise<Favorite> => (await call('saveFavorite', { params: { articleId }, body }, o)).favorite,
    removeFavorite: (articleId: string, o?: CallOptions): Promise<void> =>
      call('removeFavorite', { params: { articleId } }, o),
    publicFavorites: (username: string, query: CallInput<'publicFavorites'>['query'] = {}, o?: CallOptions) =>
      call('publicFavorites', { params: { username }, query }, o),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
