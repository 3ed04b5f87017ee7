/**
 * Requests by route pattern and status, and their latency. The route label is the pattern a
 * request matched (`/api/v1/favorites/:articleId`), never the raw URL, and `unmatched` for
 * anything no route took (404s, the app's page fallback): a label value per URL would grow the
 * series without bound. prom-client hashes the label values on every update; the bound series
 * are cached per (route, method, status) so a request costs three Map lookups and two updates,
 * with no label objects built.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import { HTTP_DURATION_BUCKETS_S } from './buckets';

/** The route label of a request no route matched. */
export const UNMATCHED_ROUTE = 'unmatched';

interface RouteMethodSeries {
  readonly duration: Histogram.Internal<'method' | 'route'>;
  readonly byStatus: Map<number, Counter.Internal>;
}

export interface HttpMetrics {
  /** One answered request; `route` is the matched pattern or UNMATCHED_ROUTE. */
  observe(method: string, route: string, statusCode: number, durationSeconds: number): void;
}

export function createHttpMetrics(registry: Registry): HttpMetrics {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the last byte of its answer, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [...HTTP_DURATION_BUCKETS_S],
    registers: [registry],
  });
  const series = new Map<string, Map<string, RouteMethodSeries>>();

  function seriesOf(method: string, route: string): RouteMethodSeries {
    let byMethod = series.get(route);
    if (!byMethod) series.set(route, (byMethod = new Map()));
    let found = byMethod.get(method);
    if (!found) byMethod.set(method, (found = { duration: duration.labels(method, route), byStatus: new Map() }));
    return found;
  }

  return {
    observe(method, route, statusCode, durationSeconds) {
      const { duration: routeDuration, byStatus } = seriesOf(method, route);
      routeDuration.observe(durationSeconds);
      let count = byStatus.get(statusCode);
      if (!count) byStatus.set(statusCode, (count = requests.labels(method, route, String(statusCode))));
      count.inc();
    },
  };
}
