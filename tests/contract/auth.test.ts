import { describe, expect, it } from 'vitest';
import { LOGIN_RATE_LIMIT, TokenResponse, UserEnvelope } from '../../src/contract/accounts';
import { SESSION_COOKIE } from '../../src/contract/common';
import { expectError, PASSWORD, uniqueUsername, useTarget } from './fixtures';
import { targets } from './targets';

describe.each(targets)('accounts on $name', (target) => {
  const api = useTarget(target);

  describe('signup', () => {
    it('creates the account, answers 201 with the user and sets an httpOnly session cookie', async () => {
      const client = api.client();
      const username = uniqueUsername();
      const response = await client.post('/api/v1/auth/signup', { username, password: PASSWORD });
      expect(response.status).toBe(201);
      const { user } = UserEnvelope.parse(response.body);
      expect(user.username).toBe(username);
      const cookie = response.setCookies.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      const me = await client.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(UserEnvelope.parse(me.body).user).toEqual(user);
    });

    it('refuses a username that is taken with 409 conflict', async () => {
      const { username } = await api.signedIn();
      const response = await api.client().post('/api/v1/auth/signup', { username, password: PASSWORD });
      expectError(response, 409, 'conflict');
    });

    it('refuses a malformed username with 400 naming the field', async () => {
      const response = await api.client().post('/api/v1/auth/signup', { username: 'No Spaces!', password: PASSWORD });
      const { error } = expectError(response, 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('username');
    });

    it('refuses a short password with 400 naming the field', async () => {
      const response = await api.client().post('/api/v1/auth/signup', { username: uniqueUsername(), password: 'short' });
      const { error } = expectError(response, 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('password');
    });
  });

  describe('login', () => {
    it('signs in with the right password: 200 with the user and a session cookie', async () => {
      const { username, userId } = await api.signedIn();
      const client = api.client();
      const response = await client.post('/api/v1/auth/login', { username, password: PASSWORD });
      expect(response.status).toBe(200);
      expect(UserEnvelope.parse(response.body).user).toMatchObject({ id: userId, username });
      expect(client.cookies.has(SESSION_COOKIE)).toBe(true);
      expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      const { username } = await api.signedIn();
      const wrong = expectError(
        await api.client().post('/api/v1/auth/login', { username, password: 'not the password' }),
        401,
        'unauthenticated',
      );
      const unknown = expectError(
        await api.client().post('/api/v1/auth/login', { username: uniqueUsername('ghost'), password: PASSWORD }),
        401,
        'unauthenticated',
      );
      expect(unknown.error.message).toBe(wrong.error.message);
    });

    it(`refuses further attempts with 429 and Retry-After after ${LOGIN_RATE_LIMIT.failuresPerUsername} failures`, async () => {
      const { username } = await api.signedIn();
      const client = api.client();
      for (let attempt = 0; attempt < LOGIN_RATE_LIMIT.failuresPerUsername; attempt += 1) {
        const response = await client.post('/api/v1/auth/login', { username, password: 'not the password' });
        expectError(response, 401, 'unauthenticated');
      }
      // Even the right password is refused while the username is throttled.
      const throttled = await client.post('/api/v1/auth/login', { username, password: PASSWORD });
      expectError(throttled, 429, 'rate_limited');
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('logout', () => {
    it('answers 204 and revokes the session, so the old cookie no longer works', async () => {
      const { client } = await api.signedIn();
      const cookie = client.cookies.get(SESSION_COOKIE);
      expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
      expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
      expectError(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');

      const replay = api.client();
      replay.cookies.set(SESSION_COOKIE, cookie ?? '');
      expectError(await replay.get('/api/v1/auth/me'), 401, 'unauthenticated');
    });
  });

  describe('me', () => {
    it('answers 401 without a session', async () => {
      expectError(await api.client().get('/api/v1/auth/me'), 401, 'unauthenticated');
    });

    it('answers 401 for a session cookie it never issued', async () => {
      const client = api.client();
      client.cookies.set(SESSION_COOKIE, 'forged-session-value');
      expectError(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');
    });
  });

  describe('API tokens', () => {
    it('creates a token (201) that authenticates API calls as a bearer', async () => {
      const { client, userId } = await api.signedIn();
      const response = await client.post('/api/v1/auth/tokens', { name: 'my script' });
      expect(response.status).toBe(201);
      const token = TokenResponse.parse(response.body);
      expect(token.name).toBe('my script');

      const script = api.client();
      script.bearer = token.token;
      const favorites = await script.get('/api/v1/favorites');
      expect(favorites.status).toBe(200);
      const me = await script.get('/api/v1/auth/me');
      expect(UserEnvelope.parse(me.body).user.id).toBe(userId);
    });

    it('answers 401 for a bearer token it never issued', async () => {
      const client = api.client();
      client.bearer = 'fav_not-a-real-token';
      expectError(await client.get('/api/v1/favorites'), 401, 'unauthenticated');
    });

    it('needs a session to create a token', async () => {
      expectError(await api.client().post('/api/v1/auth/tokens', { name: 'x' }), 401, 'unauthenticated');
    });

    it('refuses an empty token name with 400 naming the field', async () => {
      const { client } = await api.signedIn();
      const { error } = expectError(await client.post('/api/v1/auth/tokens', { name: '  ' }), 400, 'validation_failed');
      expect(error.details?.fields).toHaveProperty('name');
    });
  });

  describe('CSRF guard', () => {
    it('refuses a cookie-authenticated write without X-Requested-With with 403', async () => {
      const { client } = await api.signedIn();
      const { items } = (await client.get('/api/v1/articles?limit=1')).body as { items: { id: string }[] };
      const id = items[0]?.id ?? '';
      expectError(await client.put(`/api/v1/favorites/${id}`, {}, { csrf: false }), 403, 'forbidden');
      expect((await client.get('/api/v1/favorites')).body).toMatchObject({ items: [] });
    });

    it('refuses a login without X-Requested-With with 403', async () => {
      const { username } = await api.signedIn();
      const response = await api.client().post('/api/v1/auth/login', { username, password: PASSWORD }, { csrf: false });
      expectError(response, 403, 'forbidden');
    });

    it('lets a bearer-authenticated write through without the header', async () => {
      const { client } = await api.signedIn();
      const { token } = TokenResponse.parse((await client.post('/api/v1/auth/tokens', { name: 'cli' })).body);
      const script = api.client();
      script.bearer = token;
      const { items } = (await script.get('/api/v1/articles?limit=1')).body as { items: { id: string }[] };
      const response = await script.put(`/api/v1/favorites/${items[0]?.id ?? ''}`, {}, { csrf: false });
      expect(response.status).toBe(200);
    });
  });
});
