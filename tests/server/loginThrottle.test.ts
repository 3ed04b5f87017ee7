import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_RATE_LIMIT } from '../../src/contract';
import { memoryLoginThrottle } from '../../server/auth/memoryLoginThrottle';
import { createServer } from '../../server/app';
import { CSRF, signup } from './support/http';
import { tempDatabaseFile } from './support/tempDir';
import { testClock, type TestClock } from './support/testClock';

const limits = { failuresPerUsername: 3, attemptsPerIp: 5, windowMs: 60_000 };

describe('the in-memory login throttle', () => {
  it('blocks a username on an IP after too many failures, until the oldest leaves the window', async () => {
    const now = testClock(0);
    const throttle = memoryLoginThrottle(now, limits);
    for (let i = 0; i < 3; i++) {
      expect((await throttle.check('1.1.1.1', 'ada')).allowed).toBe(true);
      await throttle.record('1.1.1.1', 'ada', false);
      now.advance(1_000);
    }
    expect(await throttle.check('1.1.1.1', 'ada')).toEqual({ allowed: false, retryAfterMs: 57_000 });
    // Other usernames and other IPs are not affected by these failures.
    expect((await throttle.check('1.1.1.1', 'bob')).allowed).toBe(true);
    expect((await throttle.check('2.2.2.2', 'ada')).allowed).toBe(true);

    now.advance(57_000);
    expect((await throttle.check('1.1.1.1', 'ada')).allowed).toBe(true);
  });

  it('counts every attempt per IP, successes included', async () => {
    const now = testClock(0);
    const throttle = memoryLoginThrottle(now, limits);
    for (let i = 0; i < 5; i++) await throttle.record('1.1.1.1', `user${i}`, true);
    expect(await throttle.check('1.1.1.1', 'fresh')).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it("clears a username's failures after a successful login", async () => {
    const throttle = memoryLoginThrottle(testClock(0), limits);
    await throttle.record('1.1.1.1', 'ada', false);
    await throttle.record('1.1.1.1', 'ada', false);
    await throttle.record('1.1.1.1', 'ada', true);
    await throttle.record('1.1.1.1', 'ada', false);
    expect((await throttle.check('1.1.1.1', 'ada')).allowed).toBe(true);
  });
});

describe('login over HTTP', () => {
  let now: TestClock;
  let app: FastifyInstance;

  beforeEach(async () => {
    now = testClock();
    app = await createServer({ databaseFile: tempDatabaseFile(), logLevel: 'silent', now });
    await signup(app, 'target', 'the right password');
  });

  afterEach(async () => {
    await app.close();
  });

  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: CSRF, payload: { username, password } });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrongPassword = await login('target', 'nope nope');
    const unknownUser = await login('nobody', 'nope nope');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownUser.json());
  });

  it('answers 429 with Retry-After once a username has failed too often, even for the right password', async () => {
    for (let i = 0; i < LOGIN_RATE_LIMIT.failuresPerUsername; i++) {
      expect((await login('target', `wrong ${i}`)).statusCode).toBe(401);
    }
    const blocked = await login('target', 'the right password');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBe(LOGIN_RATE_LIMIT.windowMs / 1000);

    now.advance(LOGIN_RATE_LIMIT.windowMs);
    expect((await login('target', 'the right password')).statusCode).toBe(200);
  });
});
