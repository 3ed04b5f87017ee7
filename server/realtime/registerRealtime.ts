/**
 * Wires the real-time channel into the server: the WebSocket plugin and route, the hub fed by
 * pub/sub, its timers, and the shutdown order:
 * 1. preClose (Fastify already answers new requests and upgrades with 503): every socket is
 *    closed with 1012 and the reconnect hint, so devices move to another instance now;
 * 2. Fastify waits for the requests in flight (a push finishing commits and publishes its poke:
 *    sockets on OTHER instances still get it, pub/sub is still open); their responses close
 *    their keep-alive connections (closeConnectionsOnShutdown.ts);
 * 3. onClose: the publishes in flight settle, then the pub/sub connections close (app.ts then
 *    closes the database).
 */
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../http/serverContext';
import { closeConnectionsOnShutdown } from './closeConnectionsOnShutdown';
import type { PubSub } from './pubSub';
import { MESSAGE_MAX_BYTES, RealtimeHub } from './realtimeHub';
import type { RealtimeNotifier } from './realtimeNotifier';
import { registerPublicLiveRoute } from './publicLiveRoute';
import { registerRealtimeRoute } from './realtimeRoute';

/** Protocol-level ping period; a socket silent for a whole period is terminated at the next. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** Sessions behind open sockets are re-checked this often (expiry; sign-outs pub/sub missed). */
export const SESSION_REVALIDATE_INTERVAL_MS = 5 * 60_000;
/** On shutdown, clients get this long to answer the close frame before they are cut off. */
export const SOCKET_CLOSE_GRACE_MS = 2_000;

export interface RealtimeTuning {
  readonly heartbeatIntervalMs?: number;
  readonly sessionRevalidateIntervalMs?: number;
  readonly socketCloseGraceMs?: number;
}

export async function registerRealtime(
  app: FastifyInstance,
  context: ServerContext,
  pubSub: PubSub,
  notifier: RealtimeNotifier,
  tuning: RealtimeTuning = {},
): Promise<RealtimeHub> {
  const hub = new RealtimeHub({
    serverHlc: () => context.clock.current(),
    sessionActive: async (tokenHash) => (await context.storage.tokens.findActive(tokenHash, context.now())) !== null,
    log: app.log,
    observer: context.metrics.realtime,
  });
  const unsubscribe = pubSub.subscribe((event) => hub.deliver(event));
  const heartbeat = setInterval(() => hub.heartbeat(), tuning.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  const revalidation = setInterval(
    () => void hub.revalidateSessions(),
    tuning.sessionRevalidateIntervalMs ?? SESSION_REVALIDATE_INTERVAL_MS,
  );
  heartbeat.unref();
  revalidation.unref();

  await app.register(fastifyWebsocket, {
    options: { maxPayload: MESSAGE_MAX_BYTES },
    preClose: async () => {
      clearInterval(heartbeat);
      clearInterval(revalidation);
      await hub.shutdown(tuning.socketCloseGraceMs ?? SOCKET_CLOSE_GRACE_MS);
    },
    // A client's broken frame or vanished connection is its problem, not a server fault.
    errorHandler: (error, socket, request) => {
      request.log.info({ err: error }, 'websocket error; connection dropped');
      socket.terminate();
    },
  });
  registerRealtimeRoute(app, context, hub);
  registerPublicLiveRoute(app, context, hub);
  closeConnectionsOnShutdown(app);

  app.addHook('onClose', async () => {
    unsubscribe();
    await notifier.flush();
    await pubSub.close();
  });
  return hub;
}
