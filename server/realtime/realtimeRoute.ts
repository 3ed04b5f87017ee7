/**
 * `GET /api/v1/sync/ws` (contract: src/contract/realtime.ts). Checked BEFORE the upgrade, in
 * preValidation, so a refused request never becomes a socket and gets the contract's JSON error:
 * - a browser page of another origin gets 403: WebSocket handshakes are not bound by CORS, and
 *   the session cookie would otherwise let any site open a socket as the user (cross-site
 *   WebSocket hijacking). Non-browser clients send no Origin and are judged by their token;
 * - no valid session (cookie, bearer header or `?token=`): 401.
 * The user's spaces are read there too, so the socket is subscribed the moment it opens.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, SYNC_WS_PATH } from '../../src/contract';
import { authenticate } from '../auth/sessions';
import type { ServerContext } from '../http/serverContext';
import type { RealtimeHub } from './realtimeHub';
import { registerSocketRoute } from './socketRoute';
import { spacesOf } from './spacesOf';

/** A browser's Origin must name this server (as the client reached it: Host, or X-Forwarded-Host behind a trusted proxy). */
function foreignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

function queryToken(request: FastifyRequest): string | undefined {
  const { token } = (request.query ?? {}) as Record<string, unknown>;
  return typeof token === 'string' ? token : undefined;
}

export function registerRealtimeRoute(app: FastifyInstance, context: ServerContext, hub: RealtimeHub): void {
  registerSocketRoute(app, hub, SYNC_WS_PATH, async (request, reply) => {
    if (foreignOrigin(request)) throw new ApiError('forbidden', 'WebSocket connections from another origin are refused');
    const auth = await authenticate(request, reply, context.authTokens, context.now(), queryToken(request));
    if (!auth) throw new ApiError('unauthenticated', 'Sign in to continue');
    const userId = auth.user.id;
    return { userId, tokenHash: auth.tokenHash, spaces: await spacesOf(context.storage, userId) };
  });
}
