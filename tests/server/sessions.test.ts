import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_DAYS } from '../../src/contract';
import { createServer } from '../../server/app';
import { CSRF, cookieHeader, sessionTokenOf, signup } from './support/http';
import { tempDatabaseFile } from './support/tempDir';
import { testClock, type TestClock } from './support/testClock';

const DAY_MS = 24 * 60 * 60_000;

let file: string;
let now: TestClock;
let app: FastifyInstance;

beforeEach(async () => {
  file = tempDatabaseFile();
  now = testClock();
  app = await createServer({ databaseFile: file, logLevel: 'silent', now });
});

afterEach(async () => {
  await app.close();
});

const me = (headers: Record<string, string>) => app.inject({ url: '/api/v1/auth/me', headers });

describe('sessions', () => {
  it('are stored as SHA-256 hashes: the raw token appears nowhere in the database files', async () => {
    const token = await signup(app, 'hashed');

    const db = new BetterSqlite3(file, { readonly: true });
    const stored = db.prepare('select token_hash, kind from auth_tokens').all();
    db.close();
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), kind: 'session' }]);
    for (const suffix of ['', '-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file + suffix);
      } catch {
        continue;
      }
      expect(bytes.includes(token)).toBe(false);
    }
  });

  it('set an httpOnly, SameSite=Lax cookie for the whole site, Secure only over https', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: CSRF,
      payload: { username: 'cookie', password: 'long enough' },
    });
    const cookie = response.cookies[0]!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_TTL_DAYS * 86_400 });
    expect(cookie.secure).toBeFalsy();
  });

  it('end at logout: the token stops working and the cookie is cleared', async () => {
    const token = await signup(app, 'leaver');
    expect((await me(cookieHeader(token))).statusCode).toBe(200);

    const logout = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...CSRF, ...cookieHeader(token) } });
    expect(logout.statusCode).toBe(204);
    expect(sessionTokenOf(logout)).toBeUndefined();
    expect(logout.cookies[0]).toMatchObject({ value: '', maxAge: 0 });
    expect((await me(cookieHeader(token))).statusCode).toBe(401);
  });

  it('slide: used within the TTL they keep working past it; left unused they expire', async () => {
    const token = await signup(app, 'slider');
    now.advance(SESSION_TTL_DAYS * DAY_MS - DAY_MS);
    expect((await me(cookieHeader(token))).statusCode).toBe(200);
    now.advance(2 * DAY_MS);
    expect((await me(cookieHeader(token))).statusCode).toBe(200);
    now.advance(SESSION_TTL_DAYS * DAY_MS + 1);
    expect((await me(cookieHeader(token))).statusCode).toBe(401);
  });

  it('work as bearer tokens too, and API tokens authenticate without the CSRF header', async () => {
    const session = await signup(app, 'apiuser');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { ...CSRF, ...cookieHeader(session) },
      payload: { name: 'cli' },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json();

    expect((await me({ authorization: `Bearer ${session}` })).json().user.username).toBe('apiuser');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).statusCode).toBe(200);
    const id = (await app.inject({ url: '/api/v1/articles?limit=1' })).json().items[0].id;
    const put = await app.inject({ method: 'PUT', url: `/api/v1/favorites/${id}`, headers: bearer, payload: {} });
    expect(put.statusCode).toBe(200);
  });

  it('are judged by the Authorization header alone when one is sent: a bad bearer is 401 despite a good cookie', async () => {
    const session = await signup(app, 'mixed');
    const response = await me({ authorization: 'Bearer not-a-token', ...cookieHeader(session) });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });
});

describe('the CSRF guard', () => {
  it('refuses a cookie-authenticated write without X-Requested-With', async () => {
    const token = await signup(app, 'csrf');
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: cookieHeader(token), payload: { name: 'x' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('covers login, so a forged form cannot sign the victim in', async () => {
    await signup(app, 'victim');
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'victim', password: 'correct horse battery' } });
    expect(response.statusCode).toBe(403);
  });

  it('does not count a Basic Authorization header (browsers send those on their own)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
      payload: { username: 'x', password: 'y' },
    });
    expect(response.statusCode).toBe(403);
  });
});
