/**
 * Builds the server: storage (migrated, catalogue seeded), the clock, the HTTP edge and
 * every route. `app.close()` stops it and closes the database. The caller listens.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES } from '../src/contract';
import { registerAuthRoutes } from './auth/authRoutes';
import { cachedTokenStore } from './auth/cachedTokenStore';
import { installCsrfGuard } from './auth/csrfGuard';
import { memoryLoginThrottle } from './auth/memoryLoginThrottle';
import { registerArticleRoutes } from './catalogue/articleRoutes';
import { seedCatalogue } from './catalogue/seedCatalogue';
import { registerFavoriteRoutes } from './favorites/favoriteRoutes';
import { registerPublicFavoriteRoutes } from './favorites/publicFavoriteRoutes';
import { installErrorHandler } from './http/errorHandler';
import { installJsonBodyParser } from './http/jsonBodyParser';
import { installNotFoundHandler } from './http/notFoundHandler';
import { registerOperationsRoutes } from './http/operationsRoutes';
import { REQUEST_ID_HEADER, requestIdFor } from './http/requestId';
import type { ServerContext } from './http/serverContext';
import { registerStaticSite } from './http/staticSite';
import { installMetrics } from './metrics/installMetrics';
import { createMetrics, NO_METRICS, type Metrics } from './metrics/metrics';
import { openPubSub } from './realtime/openPubSub';
import { realtimeNotifier } from './realtime/realtimeNotifier';
import { registerRealtime, type RealtimeTuning } from './realtime/registerRealtime';
import { requestLogSerializer } from './realtime/requestLogSerializer';
import { openStorage } from './storage/openStorage';
import type { Storage } from './storage/types';
import { startServerClock } from './sync/serverClock';
import { registerSyncRoutes } from './sync/syncRoutes';

export interface ServerOptions {
  /** SQLite file (created when missing); used when `databaseUrl` is absent. */
  databaseFile?: string;
  /** PostgreSQL (`postgres://…`) instead of SQLite: the scale-out tier. */
  databaseUrl?: string | null;
  /** The PostgreSQL schema holding the tables (created when missing); absent: the server's search_path. */
  databaseSchema?: string;
  /** A pino level, or 'silent'. Default 'info'. */
  logLevel?: string;
  /** The built PWA to serve; null or absent: API only. */
  staticDir?: string | null;
  /** Wall clock in ms since the epoch, for tests. Default Date.now. */
  now?: () => number;
  /** Trust X-Forwarded-* from a reverse proxy (client IP for throttling, https for cookies). */
  trustProxy?: boolean;
  /** Serve GET /metrics to this bearer token (and collect metrics); null or absent: off. */
  metricsToken?: string | null;
  /** Redis for pokes between instances (`redis://…`); null or absent: in-process (one instance). */
  redisUrl?: string | null;
  /** Sent as `x-instance` on every response (which instance of a cluster answered); absent: no header. */
  instanceName?: string | null;
  /** Realtime timers and the pub/sub channel; tests shorten and separate them. */
  realtime?: RealtimeTuning & { readonly channel?: string };
}

/** The response header naming the instance that answered. */
export const INSTANCE_HEADER = 'x-instance';

/** Expired sessions are purged this often (and at start). */
const EXPIRED_TOKEN_SWEEP_INTERVAL_MS = 60 * 60_000;

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const metrics = options.metricsToken ? createMetrics() : NO_METRICS;
  const storage = await openStorage({
    databaseFile: options.databaseFile,
    databaseUrl: options.databaseUrl ?? undefined,
    databaseSchema: options.databaseSchema,
    onQuery: metrics.onQuery,
  });
  try {
    return await buildApp(storage, options, now, metrics);
  } catch (error) {
    await storage.close();
    throw error;
  }
}

async function buildApp(
  storage: Storage,
  options: ServerOptions,
  now: () => number,
  metrics: Metrics,
): Promise<FastifyInstance> {
  await seedCatalogue(storage, now());
  await storage.tokens.deleteExpired(now());
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      serializers: { req: requestLogSerializer },
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Close idle keep-alive sockets on close() so shutdown does not wait for them.
    forceCloseConnections: 'idle',
  });
  const pubSub = await openPubSub({
    redisUrl: options.redisUrl,
    channel: options.realtime?.channel,
    connectionName: options.instanceName ?? undefined,
    log: app.log,
  });
  const authTokens = cachedTokenStore(storage.tokens, { now });
  // A sign-out on any instance (any worker) ends the session in this one's cache too.
  const unsubscribeSessionEnds = pubSub.subscribe((event) => {
    if (event.type === 'session_ended') authTokens.forget(event.tokenHash);
  });
  app.addHook('onClose', async () => unsubscribeSessionEnds());
  const context: ServerContext = {
    storage,
    authTokens,
    clock: await startServerClock(storage, now, options.instanceName),
    now,
    loginThrottle: memoryLoginThrottle(now),
    metrics,
    realtime: realtimeNotifier(pubSub, app.log),
  };

  const sweep = setInterval(() => {
    storage.tokens.deleteExpired(now()).catch((error: unknown) => app.log.warn({ err: error }, 'token sweep failed'));
  }, EXPIRED_TOKEN_SWEEP_INTERVAL_MS);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    await storage.close();
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (options.instanceName) reply.header(INSTANCE_HEADER, options.instanceName);
  });
  installCsrfGuard(app);
  installJsonBodyParser(app);
  installErrorHandler(app);
  if (options.metricsToken) installMetrics(app, metrics, options.metricsToken);
  await app.register(fastifyCookie);

  registerOperationsRoutes(app, storage);
  registerAuthRoutes(app, context);
  registerArticleRoutes(app, context);
  registerFavoriteRoutes(app, context);
  registerPublicFavoriteRoutes(app, context);
  registerSyncRoutes(app, context);
  await registerRealtime(app, context, pubSub, context.realtime, options.realtime);
  // The WebSocket upgrade's 101 is written by ws, not Fastify: name the instance there too (which
  // worker or instance holds a socket).
  const instanceName = options.instanceName;
  if (instanceName) app.websocketServer.on('headers', (headers: string[]) => headers.push(`${INSTANCE_HEADER}: ${instanceName}`));

  const staticDir = options.staticDir ?? null;
  if (staticDir) await registerStaticSite(app, staticDir);
  installNotFoundHandler(app, staticDir !== null);
  return app;
}
