/**
 * `GET /api/v1/users/:username/live`: a WebSocket anyone may open, signed in or not, to be
 * poked (`{type:"poke", space:"p:<username>", version}`) whenever that user's public page
 * changes; the page then reloads its list. It carries no data and needs no session: the page
 * shows public favorites only, so any origin may watch it (the session cookie, if the browser
 * sends one, is ignored). An unknown user is refused with 404 before the upgrade.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError, API_PREFIX, publicSpaceId } from '../../src/contract';
import type { ServerContext } from '../http/serverContext';
import type { RealtimeHub } from './realtimeHub';
import { registerSocketRoute } from './socketRoute';

export const PUBLIC_LIVE_ROUTE = `${API_PREFIX}/users/:username/live`;

export function registerPublicLiveRoute(app: FastifyInstance, context: ServerContext, hub: RealtimeHub): void {
  registerSocketRoute(app, hub, PUBLIC_LIVE_ROUTE, async (request) => {
    const { username = '' } = request.params as { username?: string };
    const owner = username.length <= 64 ? await context.storage.users.findByUsername(username.toLowerCase()) : null;
    if (!owner) throw new ApiError('not_found', 'No user with that username');
    return { userId: owner.id, tokenHash: null, spaces: [publicSpaceId(owner.username)] };
  });
}
