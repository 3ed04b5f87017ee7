import type { HttpHandler } from 'msw';
import { ApiError } from '../../src/contract/errors';
import { routes } from '../../src/contract/routes';
import { newId } from '../../src/core/ids';
import { Reply, route } from '../http/route';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '../loginThrottle';
import { endSession, startSession } from '../sessions';
import { randomToken, type MockState } from '../state';
import { userView } from '../views';

/** Prefix of API tokens, so a leaked one is recognisable in logs and secret scanners. */
const API_TOKEN_PREFIX = 'fav_';

export function authHandlers(state: MockState): HttpHandler[] {
  return [
    route(state, routes.signup, ({ body }) => {
      if (state.users.has(body.username)) throw new ApiError('conflict', 'That username is taken');
      const user = { id: newId(), ...body, createdAt: new Date(state.now()).toISOString() };
      state.users.set(user.username, user);
      return new Reply({ user: userView(user) }, startSession(state, user));
    }),

    route(state, routes.login, ({ body }) => {
      assertLoginAllowed(state, body.username);
      const user = state.users.get(body.username);
      if (!user || user.password !== body.password) {
        recordLoginFailure(state, body.username);
        // One message for both cases: a login must not reveal which usernames exist.
        throw new ApiError('unauthenticated', 'Wrong username or password');
      }
      clearLoginFailures(state, body.username);
      return new Reply({ user: userView(user) }, startSession(state, user));
    }),

    route(state, routes.logout, ({ cookies }) => new Reply(null, endSession(state, cookies))),

    route(state, routes.me, ({ caller }) => ({ user: userView(caller.user) })),

    route(state, routes.createToken, ({ body, caller }) => {
      const token = API_TOKEN_PREFIX + randomToken();
      const createdAt = new Date(state.now()).toISOString();
      state.apiTokens.set(token, { userId: caller.user.id, name: body.name, createdAt });
      return { token, name: body.name, createdAt };
    }),
  ];
}
