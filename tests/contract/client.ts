/**
 * A small HTTP client for contract tests: a cookie jar fed by `Set-Cookie`, the CSRF header by
 * default (tests opt out to check the guard), optional bearer auth and raw bodies (bad JSON,
 * oversized uploads). Responses are read once into `{status, headers, body}`.
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/contract/common';

export interface RequestOptions {
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, with `Content-Type: application/json` unless `headers` says otherwise. */
  readonly raw?: string;
  /** Send `X-Requested-With: favorites`; default true. */
  readonly csrf?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON; null for an empty body. */
  readonly body: unknown;
  /** Raw `Set-Cookie` lines of this response. */
  readonly setCookies: readonly string[];
}

function parseSetCookie(line: string): { name: string; value: string; expired: boolean } {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  const expired = attributes.some((attribute) => {
    const [key = '', val = ''] = attribute.split('=');
    if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
    if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
    return false;
  });
  return { name, value, expired: expired || value === '' };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers = new Headers(options.headers);
    if (options.csrf ?? true) headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    if (this.bearer !== null) headers.set('authorization', `Bearer ${this.bearer}`);
    let body: string | undefined;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (options.raw !== undefined) body = options.raw;
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');

    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const cookie = parseSetCookie(line);
      if (cookie.expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null, setCookies };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }

  post(path: string, json?: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, json });
  }

  put(path: string, json?: unknown, options?: RequestOptions) {
    return this.request('PUT', path, { ...options, json });
  }

  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }
}
