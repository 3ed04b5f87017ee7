/**
 * Wires the metrics into the HTTP server: an onResponse hook counting every answered request
 * by route pattern, and `GET /metrics` in Prometheus text format, answered only to
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise): the endpoint is for the operator's
 * scraper, and it tells anyone who reads it the traffic, routes and memory of the server.
 * WebSocket upgrades never reach onResponse (they are not HTTP answers), so a socket's lifetime
 * never lands in the latency histogram. In a worker of a multi-process server (`WORKERS` > 1) the
 * answer covers every worker (clusterMetrics.ts).
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../src/contract';
import { bearerTokenMatcher } from './bearerTokenMatcher';
import { clusterExposition } from './clusterMetrics';
import { UNMATCHED_ROUTE } from './httpMetrics';
import type { Metrics } from './metrics';
import { isServerWorker } from '../workers/workerIdentity';

export const METRICS_PATH = '/metrics';

const MS_PER_S = 1_000;

export function installMetrics(app: FastifyInstance, metrics: Metrics, token: string): void {
  const registry = metrics.registry;
  if (!registry) return;
  const http = metrics.http;
  const exposition = isServerWorker() ? clusterExposition(registry) : () => registry.metrics();

  // A callback hook, not an async one: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    http.observe(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / MS_PER_S);
    done();
  });

  const authorized = bearerTokenMatcher(token);
  app.get(METRICS_PATH, async (request, reply) => {
    if (!authorized(request.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new ApiError('unauthenticated', 'The metrics need the bearer token set in METRICS_TOKEN');
    }
    const body = await exposition();
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(body);
  });
}
