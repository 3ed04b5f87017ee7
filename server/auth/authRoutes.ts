/** Accounts: signup, login, logout, me, API tokens. */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../src/contract';
import { newId } from '../../src/core/ids';
import { RateLimitedError } from '../http/rateLimitedError';
import { registerRoute } from '../http/registerRoute';
import type { ServerContext } from '../http/serverContext';
import { userSpaceId } from '../storage/spaceIds';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords';
import { clearSessionCookie, setSessionCookie } from './sessionCookie';
import { authenticate, createSession, toUser } from './sessions';
import { hashToken, newToken } from './tokens';

const WRONG_CREDENTIALS = 'Wrong username or password';

export function registerAuthRoutes(app: FastifyInstance, context: ServerContext): void {
  const { storage, now, loginThrottle } = context;

  registerRoute(app, context, 'signup', async ({ body, request, reply }) => {
    if (await storage.users.findByUsername(body.username)) throw usernameTaken();
    const passwordHash = await hashPassword(body.password);
    const user = { id: newId(), username: body.username, passwordHash, createdAtMs: now() };
    // Checked again by the unique index: two signups racing for one name get one 409.
    if ((await storage.users.create(user)) === 'username_taken') throw usernameTaken();
    await storage.spaces.ensure(userSpaceId(user.id));
    setSessionCookie(request, reply, await createSession(storage, user.id, now()));
    return { user: toUser(user) };
  });

  registerRoute(app, context, 'login', async ({ body, request, reply }) => {
    // Usernames are lower-case; accept what a phone keyboard capitalised.
    const username = body.username.trim().toLowerCase();
    const verdict = await loginThrottle.check(request.ip, username);
    if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterMs);
    const user = await storage.users.findByUsername(username);
    // Same work and the same answer whether or not the user exists.
    const ok = user ? await verifyPassword(user.passwordHash, body.password) : await verifyDecoy(body.password);
    await loginThrottle.record(request.ip, username, ok);
    if (!user || !ok) throw new ApiError('unauthenticated', WRONG_CREDENTIALS);
    setSessionCookie(request, reply, await createSession(storage, user.id, now()));
    return { user: toUser(user) };
  });

  registerRoute(app, context, 'logout', async ({ request, reply }) => {
    const auth = await authenticate(request, reply, context.authTokens, now());
    // API tokens outlive a browser sign-out; only the session presented is revoked.
    if (auth?.kind === 'session') {
      await context.authTokens.revoke(auth.tokenHash);
      // Every instance forgets it (their token caches) and closes its sockets with 4401.
      context.realtime.sessionEnded(auth.tokenHash);
    }
    clearSessionCookie(request, reply);
  });

  registerRoute(app, context, 'me', async ({ auth }) => ({ user: toUser(auth.user) }));

  registerRoute(app, context, 'createToken', async ({ auth, body }) => {
    const token = newToken();
    const createdAtMs = now();
    await storage.tokens.create({
      tokenHash: hashToken(token),
      userId: auth.user.id,
      kind: 'api',
      name: body.name,
      createdAtMs,
      lastUsedAtMs: createdAtMs,
      expiresAtMs: null,
    });
    return { token, name: body.name, createdAt: new Date(createdAtMs).toISOString() };
  });
}

function usernameTaken(): ApiError {
  return new ApiError('conflict', 'That username is taken', { fields: { username: 'already taken' } });
}
