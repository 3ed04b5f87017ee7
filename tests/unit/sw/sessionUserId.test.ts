import { describe, expect, it } from 'vitest';
import { sessionUserId } from '../../../src/sw/sessionUserId';

const user = { id: 'user-1', username: 'ada', createdAt: '2024-05-01T10:00:00.000Z' };
const answer = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;

describe("the worker's session check before a Background Sync flush", () => {
  it('names the user the session cookie signs in', async () => {
    await expect(sessionUserId(answer(200, { user }))).resolves.toBe('user-1');
  });

  it('says nobody when the server answers 401, so the queue waits for the next sign-in', async () => {
    await expect(sessionUserId(answer(401, { error: { code: 'unauthenticated', message: 'Sign in' } }))).resolves.toBeNull();
  });

  it('throws when there is no verdict, so the browser retries the sync event', async () => {
    await expect(sessionUserId(answer(503, { error: { code: 'unavailable', message: 'Later' } }))).rejects.toThrow();
    await expect(sessionUserId(answer(200, '<html>captive portal</html>'))).rejects.toThrow();
    await expect(sessionUserId((async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).rejects.toThrow();
  });
});
