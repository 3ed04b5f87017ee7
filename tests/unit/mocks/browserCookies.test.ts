// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '../../../src/contract/common';
import { createMockServer } from '../../../mocks/node';

/**
 * In `dev:mock` the page talks to the mocks with relative URLs and the browser's own cookies.
 * Here a happy-dom page stands in for it: the session must reach `document.cookie` (a browser
 * keeps no other jar for mocked responses) and ride along on the next same-origin request.
 */
describe('the mock backend in a page', () => {
  const server = createMockServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  const call = (method: string, path: string, json?: unknown) =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });

  it('keeps the user signed in through document.cookie, and signs them out again', async () => {
    expect((await call('GET', '/api/v1/auth/me')).status).toBe(401);
    const signup = await call('POST', '/api/v1/auth/signup', { username: 'page_user', password: 'long enough' });
    expect(signup.status).toBe(201);
    expect(document.cookie).toContain(`${SESSION_COOKIE}=`);
    expect((await call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await call('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(document.cookie).not.toContain(`${SESSION_COOKIE}=`);
    expect((await call('GET', '/api/v1/auth/me')).status).toBe(401);
  });
});
