/** A signed-in user driving a real server over HTTP: the writes and pulls a device makes. */
import { randomUUID } from 'node:crypto';
import {
  ArticlePage,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  PullResponse,
  PushResponse,
  SESSION_COOKIE,
  SYNC_SCHEMA_VERSION,
  type FavoriteSetArgs,
} from '../../../../src/contract';
import { formatHlc } from '../../../../src/core/hlc';

export class HttpUser {
  private constructor(
    readonly origin: string,
    readonly username: string,
    /** The session token (cookie value). */
    readonly token: string,
  ) {}

  static async signup(origin: string, username = `u${randomUUID().slice(0, 8)}`): Promise<HttpUser> {
    const response = await fetch(`${origin}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify({ username, password: 'correct horse battery' }),
    });
    if (response.status !== 201) throw new Error(`signup: ${response.status} ${await response.text()}`);
    const token = /favorites_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (!token) throw new Error('signup set no session cookie');
    return new HttpUser(origin, username, token);
  }

  /** The same user on another server instance (same database). */
  on(origin: string): HttpUser {
    return new HttpUser(origin, this.username, this.token);
  }

  get cookie(): Record<string, string> {
    return { cookie: `${SESSION_COOKIE}=${this.token}` };
  }

  get bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.origin}${path}`, {
      method,
      headers: {
        ...this.cookie,
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async json(method: string, path: string, body?: unknown, status = 200): Promise<unknown> {
    const response = await this.request(method, path, body);
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** The user's own space, `u:<id>`. */
  async space(): Promise<string> {
    const { user } = (await this.json('GET', '/api/v1/auth/me')) as { user: { id: string } };
    return `u:${user.id}`;
  }

  async articleIds(count: number): Promise<string[]> {
    const page = ArticlePage.parse(await this.json('GET', `/api/v1/articles?limit=${count}`));
    return page.items.map((article) => article.id);
  }

  async createApiToken(): Promise<string> {
    const body = (await this.json('POST', '/api/v1/auth/tokens', { name: 'test' }, 201)) as { token: string };
    return body.token;
  }

  async save(articleId: string): Promise<void> {
    await this.json('PUT', `/api/v1/favorites/${articleId}`, {});
  }

  async remove(articleId: string): Promise<void> {
    const response = await this.request('DELETE', `/api/v1/favorites/${articleId}`);
    if (response.status !== 204) throw new Error(`remove: ${response.status}`);
  }

  async logout(): Promise<void> {
    const response = await this.request('POST', '/api/v1/auth/logout');
    if (response.status !== 204) throw new Error(`logout: ${response.status}`);
  }

  async push(clientId: string, firstId: number, writes: readonly FavoriteSetArgs[], wallMs = Date.now()): Promise<PushResponse> {
    const mutations = writes.map((args, i) => ({ id: firstId + i, op: 'favorite.set.v1', args, hlc: formatHlc(wallMs, i, clientId) }));
    return PushResponse.parse(
      await this.json('POST', '/api/v1/sync/push', { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations }),
    );
  }

  async pull(clientId: string, cursor: string | null): Promise<PullResponse> {
    return PullResponse.parse(await this.json('POST', '/api/v1/sync/pull', { clientId, schemaVersion: SYNC_SCHEMA_VERSION, cursor }));
  }

  /** Pulls until nothing more waits; returns the final cursor and every change seen, in order. */
  async pullAll(clientId: string, cursor: string | null): Promise<{ cursor: string; changes: PullResponse['changes'] }> {
    const changes: PullResponse['changes'] = [];
    for (;;) {
      const page = await this.pull(clientId, cursor);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { cursor, changes };
    }
  }
}

export function newClientId(): string {
  return `client-${randomUUID().slice(0, 12)}`;
}
