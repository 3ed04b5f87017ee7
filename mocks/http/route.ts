/**
 * One MSW handler from one entry of the contract's route table. Everything generic lives here,
 * in the order a request meets it: the CSRF guard, authentication, the body (size, JSON),
 * params/query/body parsed with the route's schemas, then the resolver, whose result is checked
 * against the route's success schema (a mock that drifts from the contract fails loudly here,
 * not in a client far away). Each handler is then a few lines of behaviour.
 */
import { http, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/contract/common';
import { ApiError, validationError } from '../../src/contract/errors';
import type { RouteSpec } from '../../src/contract/routes';
import { bearerToken, findCaller, type Caller } from '../sessions';
import type { MockState } from '../state';
import { readJsonBody } from './readJsonBody';
import { requestCookies } from './requestCookies';
import { errorResponse, respond } from './respond';

type Parsed<S, K extends 'params' | 'query' | 'body'> = S extends { readonly [P in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;
type SuccessBody<S> = S extends { readonly success: { readonly body: infer B extends z.ZodType } } ? z.input<B> : null;

export interface RouteContext<S extends RouteSpec> {
  readonly state: MockState;
  readonly request: Request;
  readonly cookies: Readonly<Record<string, string>>;
  readonly params: Parsed<S, 'params'>;
  readonly query: Parsed<S, 'query'>;
  readonly body: Parsed<S, 'body'>;
  /** Always set on `auth: 'session'` routes (the helper answers 401 otherwise). */
  readonly caller: S extends { readonly auth: 'session' } ? Caller : Caller | null;
}

/** A success body plus the session cookie to set (signup, login) or clear (logout). */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly setCookie?: string,
  ) {}
}

export type Resolver<S extends RouteSpec> = (
  context: RouteContext<S>,
) => SuccessBody<S> | Reply<SuccessBody<S>> | Promise<SuccessBody<S> | Reply<SuccessBody<S>>>;

const METHOD = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;

function parse(schema: z.ZodType | undefined, input: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Cookie-authenticated writes must prove they come from our own pages (api.md, "Auth"). */
function checkCsrf(request: Request, bearer: string | null): void {
  // A request carrying Authorization is not riding on ambient credentials: nothing to forge.
  if (request.method === 'GET' || bearer !== null) return;
  if (request.headers.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    throw new ApiError('forbidden', `State-changing requests must send the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`);
  }
}

export interface RouteOptions {
  /** Runs on the raw body before the schemas (e.g. a wire-format version check answering 426). */
  readonly beforeParse?: (body: unknown) => void;
}

/** `*` in front of the path: match any origin (the page's in the browser, any test host in Node). */
export function route<S extends RouteSpec>(
  state: MockState,
  spec: S,
  resolve: Resolver<S>,
  options: RouteOptions = {},
): HttpHandler {
  return METHOD[spec.method](`*${spec.path}`, async ({ request, params }) => {
    try {
      const cookies = requestCookies(request);
      const bearer = bearerToken(request);
      checkCsrf(request, bearer);
      const caller = findCaller(state, cookies, bearer);
      if (spec.auth === 'session' && !caller) throw new ApiError('unauthenticated', 'Sign in to continue');
      const rawBody = request.method === 'GET' ? undefined : await readJsonBody(request);
      options.beforeParse?.(rawBody);
      const context = {
        state,
        request,
        cookies,
        params: parse(spec.params, params, 'params'),
        query: parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), 'query'),
        body: parse(spec.body, rawBody, 'body'),
        caller,
      } as RouteContext<S>;
      const result = await resolve(context);
      const reply = result instanceof Reply ? result : new Reply(result);
      const body = spec.success.body ? spec.success.body.parse(reply.body) : null;
      return respond(body, { status: spec.success.status, setCookie: reply.setCookie });
    } catch (error) {
      return errorResponse(error);
    }
  });
}
