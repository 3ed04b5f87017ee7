/**
 * A WebSocket route whose socket belongs to a session settled BEFORE the upgrade (in
 * preValidation, so a refusal is an HTTP answer with the contract's error body, never a socket),
 * then handed to the hub. `sessionOf` throws an ApiError to refuse.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RealtimeHub, SocketSession } from './realtimeHub';

export function registerSocketRoute(
  app: FastifyInstance,
  hub: RealtimeHub,
  url: string,
  sessionOf: (request: FastifyRequest, reply: FastifyReply) => Promise<SocketSession>,
): void {
  const sessions = new WeakMap<FastifyRequest, SocketSession>();
  app.route({
    method: 'GET',
    url,
    websocket: true,
    preValidation: async (request, reply) => {
      sessions.set(request, await sessionOf(request, reply));
    },
    handler: (socket, request) => {
      const session = sessions.get(request);
      // Unreachable (preValidation ran), but a socket must never open without its session.
      if (!session) socket.close(1011, 'no session');
      else hub.accept(socket, session);
    },
  });
}
